"""A page known only by its text: how much it reads like a page about other pages.

``inspect_text`` judges stored page texts (no markup) with rules: counts of items,
teaser lines, an event's hours, an organisation describing its own offers. Rules written
from one set of pages carried over poorly to pages nobody had read (docs/accuracy.md,
"Articles are kept, listings are not"). This module adds a second opinion learned from
the labelled pages themselves: a logistic regression over the words of the text, its
word pairs and the shape of its lines (how many lines, how many short ones, how many end
like sentences). ``inspect_text`` asks it only about a page its rules keep, and rejects
the page when the score passes the model's threshold, which was set so that almost
every labelled article keeps passing (``tools/train_textmodel.py`` fits the model and
the threshold on the tuning pages; ``bench/eval_articles.py`` measures it on the
held-out ones).

Features are hashed (``zlib.crc32`` of the feature's name, modulo ``DIM``), so the model
file holds numbers only, no word of any page. Scoring is plain Python: a few hundred
look-ups a page.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DIM = 1 << 18  # hashed feature space
READ_CHARS = 3000  # the opening read: stored copies keep about 2,000 characters
# characters: a shorter line is a title, a label, a date or a link (the rules' own bound,
# kept apart: the shipped weights were fitted on features measured with this one)
PROSE_LINE = 40
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SENTENCE_END = re.compile(r"""[.?!:;"”’)\]]$""")
MODEL_FILE = "text_model.json"


def features(text: str) -> list[int]:
    """The hashed features of a text's opening, sorted and without repeats: its words
    (lower case), its pairs of adjacent words, the first two words of its first line, and
    three measures of its lines in coarse bins."""
    opening = text[:READ_CHARS]
    words = [w.replace("’", "'") for w in WORD.findall(opening.lower())]
    names = {"w:" + w for w in words}
    names.update(f"p:{a} {b}" for a, b in itertools.pairwise(words))
    lines = [line.strip() for line in opening.splitlines() if line.strip()]
    if lines:
        names.add("f:" + " ".join(WORD.findall(lines[0].lower())[:2]))
        short = sum(1 for line in lines if len(line) < PROSE_LINE)
        ended = sum(1 for line in lines if SENTENCE_END.search(line))
        names.add(f"n:{min(int(math.log2(len(lines) + 1)), 7)}")
        names.add(f"s:{10 * short // len(lines)}")
        names.add(f"e:{10 * ended // len(lines)}")
    return sorted({zlib.crc32(name.encode("utf-8")) % DIM for name in names})


@dataclass(frozen=True)
class TextModel:
    bias: float
    weights: dict[int, float]
    threshold: float  # a score at or above it rejects the page

    def score(self, text: str) -> float:
        """The probability, as the model sees it, that the text is not an article."""
        z = self.bias + sum(self.weights.get(i, 0.0) for i in features(text))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    @classmethod
    def from_json(cls, data: dict[str, object]) -> TextModel:
        raw = data["weights"]
        if not isinstance(raw, dict) or data.get("dim") != DIM:
            raise ValueError("text model: weights missing or hashed for another size")
        return cls(
            bias=float(data["bias"]),  # type: ignore[arg-type]
            weights={int(k): float(v) for k, v in raw.items()},
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
        )


@lru_cache(maxsize=1)
def shipped() -> TextModel | None:
    """The model shipped in ``corpus_search/sites/model/``, or None when there is none (then
    ``inspect_text`` judges by its rules alone)."""
    path = resources.files("corpus_search.sites") / "model" / MODEL_FILE
    if not path.is_file():
        return None
    return TextModel.from_json(json.loads(path.read_text("utf-8")))
