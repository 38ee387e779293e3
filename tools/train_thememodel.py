"""Fit the themes' keep model (``corpus_search/enrich/thememodel.py``) on the tagger's
tuning splits, and say how it does in cross-validation.

    python -m tools.train_thememodel           # fit and cross-validate; print
    python -m tools.train_thememodel --write   # also write corpus_search/enrich/model/theme_model.json
    python -m tools.train_thememodel --check   # exit 1 unless the shipped file is what the fit gives

The texts are the real think-tank texts labelled for the tagger
(``tests/data/enrichment/real_labels_freshN.json``), read from the evaluation cache
(``python -m tools.evalcache status``); none of them ships. Only the splits in
``FITTED_SPLITS`` are fitted on: the newer ones stay clean, to measure the model on
(``bench/eval_enrichment.py``). One row per theme a text has words for; it is a positive
when the labels say the text is about the theme or touches it (the scoring counts either
as right), a negative otherwise. One weak term alone in a text of some length is never a
topic (``themes.lone_weak_term``): those candidates are not asked, nor fitted on.

The regularisation strength is chosen by cross-validation over five folds of whole
splits (log loss). The threshold, decided before any clean split was scored: the lowest
(in steps of 0.01) at which the cross-validated precision on the tuning splits reaches
``TARGET_PRECISION``, a margin above the issue's 0.80, so the model takes all the recall
it can at that precision. Fitting needs scikit-learn (a development dependency); scoring
does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus_search.enrich import Enricher, tagged_text  # noqa: E402
from corpus_search.enrich.evaluate import load_real_text  # noqa: E402
from corpus_search.enrich.thememodel import MODEL_FILE, features, terms_digest  # noqa: E402
from corpus_search.enrich.themes import lone_weak_term  # noqa: E402

CACHE = Path("/work/evalcache/enrichment")
LABELS = ROOT / "tests" / "data" / "enrichment"
OUT = ROOT / "corpus_search" / "enrich" / "model" / MODEL_FILE
FITTED_SPLITS = tuple(range(3, 58))  # real-fresh3 .. real-fresh57; newer splits stay clean
STRENGTHS = (0.1, 0.3, 1.0)  # inverse L2 strengths tried (scikit-learn's C)
TARGET_PRECISION = 0.82
MIN_WEIGHT = 0.005  # smaller weights are left out of the written model
FOLDS = 5
MAX_WORDS_STEP = 50  # the model judges texts up to the longest fitted, rounded up to this


def rows(
    enricher: Enricher,
) -> tuple[list[tuple[int, dict[str, float], bool, bool]], int, int, int]:
    """(split, features, right, about) for every candidate theme of every tuning text, the
    number of labels "about" that no candidate asked carries (they count against
    recall), the number of texts read (a text missing from the cache is left out) and the
    words of the longest."""
    taxonomy = enricher.taxonomy
    names = taxonomy.term_names
    out: list[tuple[int, dict[str, float], bool, bool]] = []
    unreachable = texts = longest = 0
    for split in FITTED_SPLITS:
        docs, note = load_real_text(LABELS / f"real_labels_fresh{split}.json", CACHE)
        if note:
            print(f"real-fresh{split}: {note.split(':')[0]}", file=sys.stderr)
        texts += len(docs)
        for doc in docs:
            head, _, text = tagged_text(doc.title, doc.subtitle, doc.body)
            length, found = taxonomy.evidence(text)
            longest = max(longest, length)
            in_head = taxonomy.evidence(head)[1] if head else {}
            unreachable += len(doc.about - set(found))
            if not found:
                continue
            top = max(e.hits for e in found.values())
            for theme_id, ev in found.items():
                if lone_weak_term(ev, length):
                    unreachable += theme_id in doc.about
                    continue  # never a topic: the model is not asked
                head_hits = in_head[theme_id].hits if theme_id in in_head else 0.0
                named = features(theme_id, ev, length, top, head_hits, len(found), names)
                about = theme_id in doc.about
                out.append((split, named, about or theme_id in doc.touches, about))
    return out, unreachable, texts, longest


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

    enricher = Enricher.load()
    data, unreachable, texts, longest = rows(enricher)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([named for _, named, _, _ in data])
    y = np.array([right for _, _, right, _ in data])
    about = np.array([a for _, _, _, a in data])
    splits = sorted({s for s, _, _, _ in data})
    fold_of = {s: k % FOLDS for k, s in enumerate(splits)}
    folds = np.array([fold_of[s] for s, _, _, _ in data])

    def cross_validated(c: float) -> np.ndarray:
        scores = np.zeros(len(data))
        for k in range(FOLDS):
            test = folds == k
            model = LogisticRegression(C=c, max_iter=5000).fit(x[~test], y[~test])
            scores[test] = model.predict_proba(x[test])[:, 1]
        return scores

    trials = {c: cross_validated(c) for c in STRENGTHS}
    strength = min(STRENGTHS, key=lambda c: log_loss(y, trials[c]))
    scores = trials[strength]
    needed = int(about.sum()) + unreachable
    threshold, figures = 1.0, (0.0, 0.0, 0)
    for step in range(100, 0, -1):
        t = step / 100
        kept = scores >= t
        if not kept.any():
            continue
        precision = float(y[kept].mean())
        if precision < TARGET_PRECISION:
            break
        threshold = t
        figures = (precision, float((kept & about).sum() / needed), int(kept.sum()))
    print(
        f"{len(data)} candidate themes of {texts} texts in {len(splits)} splits; "
        f"{needed} labels 'about'"
    )
    print(
        f"C = {strength}; threshold {threshold:.2f}: cross-validated precision "
        f"{figures[0]:.3f}, recall {figures[1]:.3f}, {figures[2]} themes kept"
    )
    model = LogisticRegression(C=strength, max_iter=5000).fit(x, y)
    weights = {
        name: round(float(w), 6)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    written = {
        "about": "the themes' keep model: see corpus_search/enrich/thememodel.py and "
        "tools/train_thememodel.py",
        "fitted_on": [f"real-fresh{s}" for s in splits],
        "texts": texts,
        "strength": strength,
        "threshold": threshold,
        "max_words": -(-longest // MAX_WORDS_STEP) * MAX_WORDS_STEP,
        "cross_validated": {
            "precision": round(figures[0], 4),
            "recall": round(figures[1], 4),
            "kept": figures[2],
        },
        "bias": round(float(model.intercept_[0]), 6),
        "themes": {t.id: terms_digest(t.terms) for t in enricher.taxonomy.themes.values()},
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
