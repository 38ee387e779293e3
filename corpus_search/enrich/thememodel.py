"""Which of a text's candidate themes are its topics: a learned keep rule.

``Taxonomy.evidence`` finds every theme a text has words for; most of those are not the
text's topics. The hand-set keep rule (``themes.keep``: bars on the score, on the share
of the strongest theme, on how many terms and places) was tuned round after round and
stopped improving. This model makes the same decision from the same evidence, learned
from the labelled think-tank texts: a logistic regression over a candidate's measures
(its weighted hits, share of the strongest theme, score, distinct terms, places, spread,
first place, hits in the title and standfirst, the text's length and how many themes it
touches), a bias and a hits slope for each theme, and one weight for each of the theme's
terms the text uses. ``tools/train_thememodel.py`` fits it and its threshold on the
tuning splits; ``bench/eval_enrichment.py`` measures it on the others.

The model judges texts as long as those it was fitted on (stored excerpts of a few
hundred words: ``max_words`` in the model file); a longer text, and a theme the model was
not fitted for (one a user's taxonomy adds, or replaces with other terms), is judged by
the hand-set rule. On whole articles the model kept up to 16 themes a page, since a long
text gives many themes more hits than any excerpt it learned from; the rule keeps about
three.
A second stage reads the text's words, not only the taxonomy's terms: for each theme, a
logistic regression over the text's words and word pairs (weighted by how rare they are,
the text's vector scaled to length one) says how likely the labellers would be to give
the theme. Its log-odds is one more feature of every candidate, and a theme the text has
no term for (or one weak term alone) becomes a candidate too, judged by that feature and
its theme's bias: a page on a summit's communiqué is about diplomacy whether or not it
says "diplomacy". ``tools/train_thememodel.py`` fits the stage on the same splits, and
fits the keep model on the stage's scores from folds that did not see each text.

Scoring is a dozen multiplications a candidate; the words stage adds a dictionary lookup
for each word and word pair of the text and one numpy product.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from corpus_search.enrich.themes import Evidence

MODEL_FILE = "theme_model.json"
_WORD = re.compile(r"[^\W_]+")
# Word pairs with one of these in them are not read: "of the", "in a" say nothing of a topic.
# fmt: off
_GLUE = frozenset({
    "the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that",
    "these", "those",
})
# fmt: on


def words(text: str) -> list[str]:
    """A text's words, lowercase, as the taxonomy's terms and the words stage read them."""
    return _WORD.findall(text.lower())


def grams(text: str) -> list[str]:
    """What the words stage reads of a text: its lowercase words, and each pair of
    neighbouring words neither of which is a function word."""
    found = words(text)
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(found) if a not in _GLUE and b not in _GLUE]
    return found + pairs


def terms_digest(terms: tuple[tuple[tuple[str, ...], int], ...]) -> str:
    """A short digest of a theme's terms and weights: the model's weights hold only for
    the terms it was fitted with."""
    text = "\n".join(f"{' '.join(words)}\t{weight}" for words, weight in terms)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def features(
    theme: str,
    ev: Evidence,
    length: int,
    top: float,
    head_hits: float,
    candidates: int,
    term_names: dict[int, str],
    said: float | None = None,
) -> dict[str, float]:
    """A candidate theme's features, by name. ``top`` is the strongest candidate's
    weighted hits, ``head_hits`` the theme's hits in the title and standfirst,
    ``candidates`` how many themes the text has words for, ``term_names`` the text of each
    term number of ``ev.terms``, ``said`` the words stage's log-odds for the theme."""
    hits = ev.hits
    span = max(length, 1)
    loghits = math.log1p(hits)
    found = {
        "log_hits": loghits,
        "share_of_top": hits / top if top > 0 else 0.0,
        "density": hits * 1000.0 / max(length, 200) / 10.0,
        "log_terms": math.log1p(len(ev.terms)),
        "strong": 1.0 if ev.strong else 0.0,
        "log_places": math.log1p(len(ev.at)),
        "spread": (max(ev.at) - min(ev.at)) / span if ev.at else 0.0,
        "first_place": min(ev.at) / span if ev.at else 1.0,
        "log_length": math.log(max(length, 50)),
        "log_head_hits": math.log1p(head_hits),
        "in_head": 1.0 if head_hits > 0 else 0.0,
        "log_candidates": math.log1p(candidates),
        "is_top": 1.0 if hits >= top else 0.0,
        f"theme:{theme}": 1.0,
        f"theme_hits:{theme}": loghits,
    }
    for number in ev.terms:
        name = term_names.get(number)
        if name is not None:
            found[f"term:{theme}:{name}"] = 1.0
    if said is not None:
        found.update(said_features(theme, said))
    return found


def candidate_features(
    theme: str,
    ev: Evidence | None,
    by_terms: bool,
    length: int,
    top: float,
    head_hits: float,
    candidates: int,
    term_names: dict[int, str],
    said: dict[str, float],
) -> dict[str, float] | None:
    """What the model is asked about ``theme``, for scoring and fitting alike: its
    evidence's features when its terms may speak for it (``by_terms``: a hit that is not
    one weak term alone), else what the words stage says (``said``: log-odds by theme), or
    None when neither can."""
    if ev is not None and by_terms:
        return features(theme, ev, length, top, head_hits, candidates, term_names, said.get(theme))
    if theme in said:
        return unfound_features(theme, said[theme])
    return None


def unfound_features(theme: str, said: float) -> dict[str, float]:
    """The features of a theme the text has no term for (or one weak term alone): only
    what the words stage says, and the theme."""
    return {"no_candidate": 1.0, f"theme:{theme}": 1.0, **said_features(theme, said)}


def said_features(theme: str, said: float) -> dict[str, float]:
    return {"said": said, f"said:{theme}": said}


@dataclass(frozen=True)
class WordsStage:
    """For each theme, a logistic regression over the text's grams (``grams``): a gram
    counted c times weighs (1 + ln c) times its inverse document frequency, and the
    vector of the grams in ``idf`` is scaled to length one."""

    idf: dict[str, float]
    bias: dict[str, float]  # theme -> intercept
    weights: dict[str, dict[str, float]]  # theme -> gram -> weight
    # The weights as a matrix (a row for each gram of ``idf``, a column for each theme of
    # ``bias``), so that scoring a text is one lookup a gram and one product.
    _index: dict[str, int] = field(init=False, repr=False, compare=False)
    _idf: np.ndarray = field(init=False, repr=False, compare=False)
    _matrix: np.ndarray = field(init=False, repr=False, compare=False)
    _bias: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {gram: row for row, gram in enumerate(self.idf)}
        column = {theme: k for k, theme in enumerate(self.bias)}
        matrix = np.zeros((len(index), len(column)))
        for theme, weights in self.weights.items():
            for gram, weight in weights.items():
                if gram in index:
                    matrix[index[gram], column[theme]] = weight
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_idf", np.array(list(self.idf.values())))
        object.__setattr__(self, "_matrix", matrix)
        object.__setattr__(self, "_bias", np.array(list(self.bias.values())))

    def log_odds(self, text: str) -> dict[str, float]:
        """Each theme's log-odds that ``text`` is about it."""
        index = self._index
        rows, counts = [], []
        for gram, count in Counter(grams(text)).items():
            row = index.get(gram)
            if row is not None:
                rows.append(row)
                counts.append(count)
        if not rows:
            return dict(self.bias)
        values = (1.0 + np.log(np.array(counts, dtype=float))) * self._idf[rows]
        norm = float(np.sqrt(values @ values)) or 1.0
        odds = self._bias + (values @ self._matrix[rows]) / norm
        return dict(zip(self.bias, odds.tolist(), strict=True))

    @classmethod
    def from_json(cls, data: dict[str, object]) -> WordsStage:
        idf, themes = data["idf"], data["themes"]
        if not isinstance(idf, dict) or not isinstance(themes, dict):
            raise ValueError("theme model: the words stage's idf or themes missing")
        return cls(
            idf={str(k): float(v) for k, v in idf.items()},
            bias={str(t): float(v["bias"]) for t, v in themes.items()},
            weights={
                str(t): {str(g): float(w) for g, w in v["weights"].items()}
                for t, v in themes.items()
            },
        )


@dataclass(frozen=True)
class ThemeModel:
    bias: float
    weights: dict[str, float]
    threshold: float  # a candidate scoring at or above it is kept
    digests: dict[str, str]  # theme id -> terms_digest of the terms it was fitted with
    # The longest text it judges: the texts it was fitted on are stored excerpts of up to
    # this many words, and a whole article's hits are more than it has seen.
    max_words: int
    words: WordsStage | None = None  # None: only the taxonomy's terms are read
    # theme -> the weights of a theme with no term in the text (``unfound_probability``)
    _unfound: dict[str, tuple[float, float, float, float]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def probability(self, named: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in named.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def unfound_probability(self, theme: str, said: float) -> float:
        """``probability(unfound_features(theme, said))``, to the last bit, without
        building the features: most themes of a text have no term in it, and each is
        asked about (the sum runs in the features' order, as ``probability`` adds them)."""
        found, constant, slope, own_slope = self._unfound_weights(theme)
        z = self.bias + (found + constant + slope * said + own_slope * said)
        z = 60.0 if z > 60.0 else -60.0 if z < -60.0 else z  # (as ``probability`` clamps)
        return 1.0 / (1.0 + math.exp(-z))

    def _unfound_weights(self, theme: str) -> tuple[float, float, float, float]:
        cached = self._unfound.get(theme)
        if cached is None:
            get = self.weights.get
            cached = self._unfound[theme] = (
                get("no_candidate", 0.0),
                get(f"theme:{theme}", 0.0),
                get("said", 0.0),
                get(f"said:{theme}", 0.0),
            )
        return cached

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ThemeModel:
        weights, digests = data["weights"], data["themes"]
        if not isinstance(weights, dict) or not isinstance(digests, dict):
            raise ValueError("theme model: weights or themes missing")
        return cls(
            bias=float(data["bias"]),  # type: ignore[arg-type]
            weights={str(k): float(v) for k, v in weights.items()},
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
            digests={str(k): str(v) for k, v in digests.items()},
            max_words=int(data["max_words"]),  # type: ignore[call-overload]
            words=WordsStage.from_json(stage)
            if isinstance(stage := data.get("words"), dict)
            else None,
        )


@lru_cache(maxsize=1)
def shipped() -> ThemeModel | None:
    """The model shipped in ``corpus_search/enrich/model/``, or None when there is none
    (then every theme is judged by the hand-set rule)."""
    path = resources.files("corpus_search.enrich") / "model" / MODEL_FILE
    if not path.is_file():
        return None
    return ThemeModel.from_json(json.loads(path.read_text("utf-8")))
