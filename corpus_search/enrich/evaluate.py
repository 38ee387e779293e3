"""Score the tagger against hand-labelled documents (used by ``bench/eval_enrichment.py``
and by the quality gate in ``tests/enrich``).

A labelled document names, by canonical gazetteer name, the countries, persons and
organisations (groups count with organisations) an analyst would tag, the themes it is
substantially ``about`` and those it only ``touches``. Scores are micro-averaged over
documents:

- actors: precision = tagged and labelled / tagged; recall = tagged and labelled / labelled;
- themes: recall over the ``about`` themes; precision counts a predicted theme as right
  when it is ``about`` or ``touches``;
- key: the actors marked key against those labelled ``key`` (the seed: its
  ``most_salient``).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus_search.document import Document
from corpus_search.enrich import Enricher

KINDS = ("countries", "persons", "organizations")
_TYPE_KIND = {
    "country": "countries",
    "person": "persons",
    "organization": "organizations",
    "group": "organizations",
}


@dataclass
class Labelled:
    id: str
    title: str | None
    subtitle: str | None
    body: str
    actors: dict[str, set[str]]  # kind -> canonical names
    about: set[str]
    touches: set[str]
    not_: set[str] = field(default_factory=set)
    also: dict[str, set[str]] = field(default_factory=dict)  # right, but not required
    key: set[str] | None = None  # the actors it is about (None: not labelled)


@dataclass
class Score:
    found: int = 0  # tags the tagger gave
    right: int = 0  # of those, labelled (or, for themes, about or touched)
    needed: int = 0  # labels (for themes: the 'about' ones)
    hit: int = 0  # of those, tagged
    misses: list[str] = field(default_factory=list)  # "doc: name (missed|wrong)"

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hit / self.needed if self.needed else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "found": self.found,
            "right": self.right,
            "needed": self.needed,
            "hit": self.hit,
        }


@dataclass
class Report:
    documents: int
    words: int
    scores: dict[str, Score]
    ms_per_1000_words: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "words": self.words,
            "ms_per_1000_words": round(self.ms_per_1000_words, 2),
            **{kind: score.to_dict() for kind, score in self.scores.items()},
        }


def load_labelled(path: str | Path) -> list[Labelled]:
    """The documents of a labelled file shaped like ``tests/data/enrichment/labelled.json``."""
    data = json.loads(Path(path).read_text("utf-8"))
    return [
        Labelled(
            id=item["id"],
            title=item.get("title"),
            subtitle=item.get("subtitle"),
            body=item["text"],
            actors={kind: set(item.get(kind, [])) for kind in KINDS},
            about=set(item["themes"]["about"]),
            touches=set(item["themes"].get("touches", [])),
            not_=set(item.get("not", [])),
            key=set(item["key"]) if "key" in item else None,
        )
        for item in data["documents"]
    ]


def load_seed(
    text_path: str | Path,
    expected_path: str | Path,
    enricher: Enricher,
    also_path: str | Path | None = None,
) -> Labelled:
    """The seed commentary with its annotation: 'must' and 'should' actors are the labels
    (spelled as the annotator wrote them, resolved through the gazetteer's aliases);
    ``also_path`` lists actors the text names that the annotation leaves out."""
    from corpus_search.extract.text import extract_text

    expected = json.loads(Path(expected_path).read_text("utf-8"))
    doc = extract_text(Path(text_path).read_text("utf-8"))
    actors: dict[str, set[str]] = {}
    for kind in KINDS:
        names = expected["actors"].get(f"{kind}_must", []) + expected["actors"].get(
            f"{kind}_should", []
        )
        actors[kind] = {_canonical(enricher, name) for name in names}
    themes = expected["themes"]
    also: dict[str, Any] = {}
    if also_path is not None:
        also = json.loads(Path(also_path).read_text("utf-8"))["also"]
    return Labelled(
        id=Path(text_path).stem,
        title=doc.title,
        subtitle=doc.subtitle,
        body=doc.body,
        actors=actors,
        about=set(themes["must"]),
        touches=set(themes.get("should", [])),
        also={kind: set(names) for kind, names in also.items()},
        key={_canonical(enricher, name) for name in expected["actors"].get("most_salient", [])},
    )


def _canonical(enricher: Enricher, name: str) -> str:
    """An annotator's spelling ("Iskhak Akhmerov (spelled ...)") as a gazetteer name."""
    plain = re.sub(r"\s*\(.*\)\s*$", "", name).strip()
    actor = enricher.gazetteer.resolve(plain)
    return actor.name if actor else plain


def evaluate(docs: Sequence[Labelled], enricher: Enricher, repeat: int = 3) -> Report:
    """Tag every document and score it; the time is the best of ``repeat`` passes
    (process CPU time, one core)."""
    inputs = [Document(id=d.id, title=d.title, subtitle=d.subtitle, body=d.body) for d in docs]
    enricher.enrich(inputs[0])  # load data and build the matching tables outside the clock
    best = float("inf")
    tagged: list[Document] = []
    for _ in range(max(1, repeat)):
        started = time.process_time()
        tagged = [enricher.enrich(doc) for doc in inputs]
        best = min(best, time.process_time() - started)
    words = sum(len(" ".join(filter(None, (d.title, d.subtitle, d.body))).split()) for d in docs)
    scores = {kind: Score() for kind in (*KINDS, "themes", "key")}
    for gold, doc in zip(docs, tagged, strict=True):
        found: dict[str, set[str]] = {kind: set() for kind in KINDS}
        for mention in doc.actors:
            found[_TYPE_KIND.get(mention.type, "organizations")].add(mention.name)
        for kind in KINDS:
            allowed = gold.actors[kind] | gold.also.get(kind, set())
            _count(scores[kind], gold.id, found[kind], gold.actors[kind], allowed)
        if gold.key is not None:
            marked = {m.name for m in doc.actors if m.key}
            _count(scores["key"], gold.id, marked, gold.key, gold.key)
        themes = {t.id for t in doc.themes}
        _count(scores["themes"], gold.id, themes, gold.about, gold.about | gold.touches)
    return Report(len(docs), words, scores, 1000.0 * best / max(words, 1) * 1000.0)


def _count(score: Score, doc_id: str, found: set[str], needed: set[str], allowed: set[str]) -> None:
    wrong = found - allowed
    score.found += len(found)
    score.right += len(found) - len(wrong)
    score.needed += len(needed)
    score.hit += len(found & needed)
    score.misses.extend(f"{doc_id}: {name} (missed)" for name in sorted(needed - found))
    score.misses.extend(f"{doc_id}: {name} (wrong)" for name in sorted(wrong))


def forbidden(docs: Iterable[Labelled], enricher: Enricher) -> list[str]:
    """Every 'not' actor that the tagger does tag: "doc: name"."""
    bad: list[str] = []
    for gold in docs:
        doc = enricher.enrich(
            Document(id=gold.id, title=gold.title, subtitle=gold.subtitle, body=gold.body)
        )
        names = {m.name for m in doc.actors}
        bad.extend(f"{gold.id}: {name}" for name in sorted(gold.not_ & names))
    return bad


def sweep_thresholds(
    docs: Sequence[Labelled], enricher: Enricher, thresholds: Iterable[float]
) -> list[tuple[float, Score]]:
    """Theme precision and recall at each threshold (the scores are computed once)."""
    scored = [
        enricher.taxonomy.score(
            "\n".join(part for part in (d.title, d.subtitle, d.body) if part), threshold=0.0
        )
        for d in docs
    ]
    rows = []
    for threshold in thresholds:
        score = Score()
        for gold, themes in zip(docs, scored, strict=True):
            found = {t.id for t in themes if t.score >= threshold}
            _count(score, gold.id, found, gold.about, gold.about | gold.touches)
        rows.append((threshold, score))
    return rows


def time_documents(docs: Sequence[Document], enricher: Enricher, repeat: int = 3) -> float:
    """Milliseconds per 1,000 words to enrich ``docs`` (best of ``repeat`` passes, process
    CPU time, one core)."""
    if not docs:
        return 0.0
    enricher.enrich(docs[0])
    best = float("inf")
    for _ in range(max(1, repeat)):
        started = time.process_time()
        for doc in docs:
            enricher.enrich(doc)
        best = min(best, time.process_time() - started)
    words = sum(len(" ".join(filter(None, (d.title, d.subtitle, d.body))).split()) for d in docs)
    return 1000.0 * best / max(words, 1) * 1000.0
