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
Scoring is plain Python: a dozen multiplications a candidate.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpus_search.enrich.themes import Evidence

MODEL_FILE = "theme_model.json"


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
) -> dict[str, float]:
    """A candidate theme's features, by name. ``top`` is the strongest candidate's
    weighted hits, ``head_hits`` the theme's hits in the title and standfirst,
    ``candidates`` how many themes the text has words for, ``term_names`` the text of each
    term number of ``ev.terms``."""
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
    return found


@dataclass(frozen=True)
class ThemeModel:
    bias: float
    weights: dict[str, float]
    threshold: float  # a candidate scoring at or above it is kept
    digests: dict[str, str]  # theme id -> terms_digest of the terms it was fitted with
    # The longest text it judges: the texts it was fitted on are stored excerpts of up to
    # this many words, and a whole article's hits are more than it has seen.
    max_words: int

    def probability(self, named: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in named.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

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
        )


@lru_cache(maxsize=1)
def shipped() -> ThemeModel | None:
    """The model shipped in ``corpus_search/enrich/model/``, or None when there is none
    (then every theme is judged by the hand-set rule)."""
    path = resources.files("corpus_search.enrich") / "model" / MODEL_FILE
    if not path.is_file():
        return None
    return ThemeModel.from_json(json.loads(path.read_text("utf-8")))
