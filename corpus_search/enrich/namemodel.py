"""Which organisations named but not in the gazetteer to tag: a learned check.

``unknown.py`` finds organisations by the shape of their names ("the ... Ministry", "...
Commission", "Department of ..."). About half of what it found on real pages nobody had
tuned for was not an actor of the page: affiliations ("a professor at the ... University"),
a report's own programme, fora and dialogues named in passing, fragments of a headline.
Those tags are marked ``known: false`` and counted apart, but they fall into the same
counts and facets as every other actor, so each wrong one costs precision. This model
decides, for each such organisation, whether to keep it: a logistic regression over the
name's own words (its first, inner and last words), its length and form (capitals,
hyphen, "of"), how often and where the text names it, whether it is a key actor, and the
words right before and after its first mention (an affiliation reads "at the", "of the";
an acting body is followed by what it does). ``tools/train_namemodel.py`` fits it on the
tagger's tuning splits. People named but unknown are not judged: nearly all of those the
tagger finds are right. Nor are texts longer than those it was fitted on (stored excerpts
of a few hundred words, ``max_words``).

Scoring is plain Python, for the few unknown organisations a page has.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from corpus_search.document import ActorMention

MODEL_FILE = "name_model.json"
_WORD = re.compile(r"[^\W\d_]+")
BEFORE_CHARS = 40  # the text read before the first mention
AFTER_CHARS = 30  # and after it


def features(mention: ActorMention, text: str) -> dict[str, float]:
    """The features of an unknown organisation's tag, by name; ``text`` is the text it was
    found in (its ``first`` is an offset into it)."""
    words = mention.name.split()
    found: dict[str, float] = {
        "first=" + words[0].lower(): 1.0,
        "last=" + words[-1].lower(): 1.0,
        "words": min(len(words), 6) / 6.0,
        "log_count": math.log1p(mention.count),
        "key": 1.0 if mention.key else 0.0,
        "place": mention.first / max(len(text), 1),
        "of": 1.0 if " of " in mention.name else 0.0,
        "capitals": 1.0 if mention.name.isupper() else 0.0,
        "hyphen": 1.0 if "-" in mention.name else 0.0,
    }
    for word in words[1:-1]:
        found["inner=" + word.lower()] = 1.0
    start = mention.first
    before = text[max(0, start - BEFORE_CHARS) : start]
    after = text[start + len(mention.name) : start + len(mention.name) + AFTER_CHARS]
    previous = _WORD.findall(before.lower())[-2:]
    following = _WORD.findall(after.lower())[:1]
    if previous:
        found["before=" + previous[-1]] = 1.0
    if len(previous) > 1:
        found["before2=" + " ".join(previous)] = 1.0
    if following:
        found["after=" + following[0]] = 1.0
    found["bracket_after"] = 1.0 if after.lstrip().startswith("(") else 0.0
    found["line_start"] = 1.0 if start == 0 or "\n" in before[-3:] else 0.0
    return found


@dataclass(frozen=True)
class NameModel:
    bias: float
    weights: dict[str, float]
    threshold: float  # an unknown organisation scoring at or above it is kept
    # The longest text it judges (words): it was fitted on stored excerpts of up to this
    # many words; in whole articles (the labelled page views of ../shared/data) it left
    # out many right tags, so there every unknown organisation found is kept.
    max_words: int

    def probability(self, named: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in named.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def keeps(self, mention: ActorMention, text: str) -> bool:
        return self.probability(features(mention, text)) >= self.threshold

    @classmethod
    def from_json(cls, data: dict[str, object]) -> NameModel:
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise ValueError("name model: weights missing")
        return cls(
            bias=float(data["bias"]),  # type: ignore[arg-type]
            weights={str(k): float(v) for k, v in weights.items()},
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
            max_words=int(data["max_words"]),  # type: ignore[call-overload]
        )


@lru_cache(maxsize=1)
def shipped() -> NameModel | None:
    """The model shipped in ``corpus_search/enrich/model/``, or None when there is none
    (then every unknown organisation found is tagged)."""
    path = resources.files("corpus_search.enrich") / "model" / MODEL_FILE
    if not path.is_file():
        return None
    return NameModel.from_json(json.loads(path.read_text("utf-8")))
