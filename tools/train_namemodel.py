"""Fit the check on unknown organisations (``corpus_search/enrich/namemodel.py``) on the
tagger's tuning splits, and say how it does in cross-validation.

    python -m tools.train_namemodel           # fit and cross-validate; print
    python -m tools.train_namemodel --write   # also write corpus_search/enrich/model/name_model.json
    python -m tools.train_namemodel --check   # exit 1 unless the shipped file is what the fit gives

The texts are the real think-tank texts labelled for the tagger, read from the
evaluation cache (``python -m tools.evalcache status``); none of them ships. Only the
splits in ``FITTED_SPLITS`` are fitted on. Each organisation the tagger finds in them and
marks ``known: false`` (with the check off) is a row: right when the labels list it (as
the evaluation matches names), wrong when they neither list it nor call it neutral;
neutral ones are left out, as the scoring leaves them out.

The regularisation strength is chosen by cross-validation over five folds of whole
splits (log loss). The threshold, fixed before the fit: 0.5, keep a tag the model finds
more likely right than wrong. Fitting needs scikit-learn (a development dependency);
scoring does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus_search.document import Document  # noqa: E402
from corpus_search.enrich import (  # noqa: E402
    Enricher,
    namemodel,
    tagged_text,
    unknown_organisations,
)
from corpus_search.enrich.evaluate import KINDS, load_real_text, name_key  # noqa: E402
from corpus_search.enrich.namemodel import MODEL_FILE, features  # noqa: E402

CACHE = Path("/work/evalcache/enrichment")
LABELS = ROOT / "tests" / "data" / "enrichment"
OUT = ROOT / "corpus_search" / "enrich" / "model" / MODEL_FILE
FITTED_SPLITS = tuple(range(3, 58))  # real-fresh3 .. real-fresh57; newer splits stay clean
STRENGTHS = (0.3, 1.0, 3.0)  # inverse L2 strengths tried (scikit-learn's C)
THRESHOLD = 0.5
MIN_WEIGHT = 0.005  # smaller weights are left out of the written model
FOLDS = 5
MAX_WORDS_STEP = 50  # the check judges texts up to the longest fitted, rounded up to this


def rows(enricher: Enricher) -> tuple[list[tuple[int, dict[str, float], bool]], int, int]:
    """(split, features, right) for every unknown organisation the tagger finds in the
    tuning texts, with the check off, the number of texts read and the words of the
    longest."""
    out: list[tuple[int, dict[str, float], bool]] = []
    texts = longest = 0
    for split in FITTED_SPLITS:
        docs, note = load_real_text(LABELS / f"real_labels_fresh{split}.json", CACHE)
        if note:
            print(f"real-fresh{split}: {note.split(':')[0]}", file=sys.stderr)
        texts += len(docs)
        for doc in docs:
            tagged = enricher.enrich(
                Document(
                    id="t", title=doc.title, subtitle=doc.subtitle, body=doc.body, source=doc.source
                )
            )
            text = tagged_text(doc.title, doc.subtitle, doc.body)[2]
            longest = max(longest, len(text.split()))
            listed = {name_key(enricher, n) for kind in KINDS for n in doc.actors[kind]}
            listed |= {name_key(enricher, n) for v in (doc.also or {}).values() for n in v}
            neutral = {name_key(enricher, n) for n in doc.neutral}
            for mention in unknown_organisations(tagged.actors):
                key = name_key(enricher, mention.name)
                if key in listed:
                    out.append((split, features(mention, text), True))
                elif key not in neutral:
                    out.append((split, features(mention, text), False))
    return out, texts, longest


def fit(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args(argv)
    if not CACHE.is_dir():
        print(f"no cached texts at {CACHE}: see python -m tools.evalcache status")
        return 2
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss

    # every unknown organisation, as the tagger finds them (and the shipped file unread:
    # it may be the one being replaced)
    namemodel.shipped = lambda: None
    enricher = Enricher.load()
    data, texts, longest = rows(enricher)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([named for _, named, _ in data])
    y = np.array([right for _, _, right in data])
    splits = sorted({s for s, _, _ in data})
    fold_of = {s: k % FOLDS for k, s in enumerate(splits)}
    folds = np.array([fold_of[s] for s, _, _ in data])

    def cross_validated(c: float) -> np.ndarray:
        scores = np.zeros(len(data))
        for k in range(FOLDS):
            test = folds == k
            model = LogisticRegression(C=c, max_iter=5000).fit(x[~test], y[~test])
            scores[test] = model.predict_proba(x[test])[:, 1]
        return scores

    trials = {c: cross_validated(c) for c in STRENGTHS}
    strength = min(STRENGTHS, key=lambda c: log_loss(y, trials[c]))
    kept = trials[strength] >= THRESHOLD
    right, wrong = int(y.sum()), int((~y).sum())
    kept_right, kept_wrong = int((kept & y).sum()), int((kept & ~y).sum())
    print(f"{len(data)} unknown organisations in {texts} texts: {right} right, {wrong} wrong")
    print(
        f"C = {strength}; threshold {THRESHOLD}: cross-validated, {kept_right} of the right "
        f"kept and {wrong - kept_wrong} of the wrong left out"
    )
    model = LogisticRegression(C=strength, max_iter=5000).fit(x, y)
    weights = {
        name: round(float(w), 6)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    written = {
        "about": "the check on unknown organisations: see corpus_search/enrich/namemodel.py "
        "and tools/train_namemodel.py",
        "fitted_on": [f"real-fresh{s}" for s in splits],
        "texts": texts,
        "strength": strength,
        "threshold": THRESHOLD,
        "max_words": -(-longest // MAX_WORDS_STEP) * MAX_WORDS_STEP,
        "cross_validated": {
            "right": right,
            "right_kept": kept_right,
            "wrong": wrong,
            "wrong_left_out": wrong - kept_wrong,
        },
        "bias": round(float(model.intercept_[0]), 6),
        "weights": dict(sorted(weights.items())),
    }
    text = json.dumps(written, indent=1, ensure_ascii=False) + "\n"
    if args.check:
        same = OUT.is_file() and OUT.read_text("utf-8") == text
        print("the shipped model is what the fit gives" if same else "the shipped model differs")
        return 0 if same else 1
    if args.write:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(text, "utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(fit())
