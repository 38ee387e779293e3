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
from tools.tagger_fit import (  # noqa: E402
    CACHE,
    FITTED_SPLITS,
    LABELS,
    arguments,
    fit_logistic,
    max_words,
    write_or_check,
)

OUT = ROOT / "corpus_search" / "enrich" / "model" / MODEL_FILE
STRENGTHS = (0.3, 1.0, 3.0)  # inverse L2 strengths tried (scikit-learn's C)
THRESHOLD = 0.5


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
    args = arguments(__doc__.splitlines()[0], OUT, argv)
    if not CACHE.is_dir():
        print(f"no cached texts at {CACHE}: see python -m tools.evalcache status")
        return 2
    import numpy as np

    # every unknown organisation, as the tagger finds them (and the shipped file unread:
    # it may be the one being replaced)
    namemodel.shipped = lambda: None
    enricher = Enricher.load()
    data, texts, longest = rows(enricher)
    y = np.array([right for _, _, right in data])
    splits = [s for s, _, _ in data]
    strength, scores, weights, bias = fit_logistic([n for _, n, _ in data], y, splits, STRENGTHS)
    kept = scores >= THRESHOLD
    right, wrong = int(y.sum()), int((~y).sum())
    kept_right, kept_wrong = int((kept & y).sum()), int((kept & ~y).sum())
    print(f"{len(data)} unknown organisations in {texts} texts: {right} right, {wrong} wrong")
    print(
        f"C = {strength}; threshold {THRESHOLD}: cross-validated, {kept_right} of the right "
        f"kept and {wrong - kept_wrong} of the wrong left out"
    )
    written = {
        "about": "the check on unknown organisations: see corpus_search/enrich/namemodel.py "
        "and tools/train_namemodel.py",
        "fitted_on": [f"real-fresh{s}" for s in sorted(set(splits))],
        "texts": texts,
        "strength": strength,
        "threshold": THRESHOLD,
        "max_words": max_words(longest),
        "cross_validated": {
            "right": right,
            "right_kept": kept_right,
            "wrong": wrong,
            "wrong_left_out": wrong - kept_wrong,
        },
        "bias": round(bias, 6),
        "weights": weights,
    }
    return write_or_check(OUT, written, args)


if __name__ == "__main__":
    raise SystemExit(fit())
