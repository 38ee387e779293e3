"""What the tagger's learned models share in their fit (``tools/train_thememodel.py``,
``tools/train_namemodel.py``): the labelled texts they read, the splits they may read,
cross-validation over whole splits, the weights they keep, and writing or checking the
shipped file. Fitting needs scikit-learn and numpy (development dependencies)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path("/work/evalcache/enrichment")
LABELS = ROOT / "tests" / "data" / "enrichment"
# real-fresh3 .. real-fresh105, but for 58..65: the clean tests the two models were first
# measured on stay out of every refit (so those first figures keep their meaning); the
# newer splits stay clean.
FITTED_SPLITS = (*range(3, 58), *range(66, 106))
FOLDS = 5
MIN_WEIGHT = 0.005  # smaller weights are left out of a written model
MAX_WORDS_STEP = 50  # a model judges texts up to the longest fitted, rounded up to this


def arguments(description: str, out: Path, argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--write", action="store_true", help=f"write {out.relative_to(ROOT)}")
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    return parser.parse_args(argv)


def max_words(longest: int) -> int:
    """The longest text a model judges: the longest it was fitted on, rounded up."""
    return -(-longest // MAX_WORDS_STEP) * MAX_WORDS_STEP


def folds_of(splits: Sequence[int]) -> list[int]:
    """The cross-validation fold of each row, from its split: whole splits, in turn."""
    fold_of = {s: k % FOLDS for k, s in enumerate(sorted(set(splits)))}
    return [fold_of[s] for s in splits]


def fit_logistic(
    named: Sequence[dict[str, float]], y: Any, splits: Sequence[int], strengths: Sequence[float]
) -> tuple[float, Any, dict[str, float], float]:
    """A logistic regression over the ``named`` features: the strength (scikit-learn's C)
    of least log loss in cross-validation over FOLDS folds of whole splits (``splits``: each
    row's split), each row's score from the folds that did not see it, and the model fitted
    on every row as (weights by name, at least MIN_WEIGHT, and bias)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(named)
    folds = np.array(folds_of(splits))

    def cross_validated(c: float) -> Any:
        scores = np.zeros(len(named))
        for k in range(FOLDS):
            test = folds == k
            model = LogisticRegression(C=c, max_iter=5000).fit(x[~test], y[~test])
            scores[test] = model.predict_proba(x[test])[:, 1]
        return scores

    trials = {c: cross_validated(c) for c in strengths}
    strength = min(strengths, key=lambda c: log_loss(y, trials[c]))
    model = LogisticRegression(C=strength, max_iter=5000).fit(x, y)
    weights = {
        name: round(float(w), 6)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    return strength, trials[strength], dict(sorted(weights.items())), float(model.intercept_[0])


def write_or_check(out: Path, written: dict[str, Any], args: argparse.Namespace) -> int:
    """Write the model file (``--write``), or say whether the shipped one is this fit
    (``--check``: exit 1 when it differs)."""
    text = json.dumps(written, indent=1, ensure_ascii=False) + "\n"
    if args.check:
        same = out.is_file() and out.read_text("utf-8") == text
        print("the shipped model is what the fit gives" if same else "the shipped model differs")
        return 0 if same else 1
    if args.write:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, "utf-8")
        print(f"wrote {out.relative_to(ROOT)} ({len(written['weights'])} weights)")
    return 0
