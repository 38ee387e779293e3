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
  ``most_salient``);
- key-themes: the themes marked key, right when the document is ``about`` them, against
  the first ``about`` theme of each document (the one it is most about);
- unknown: the tags marked ``known: false`` (named by a role or title cue, not in the
  gazetteer), right when they name a labelled actor of any kind.

The real-page sets (``real_labels.json``) add ``neutral`` names, never counted right or
wrong (people quoted only as sources, the publisher's staff, data sources), and ``not``
names, counted wrong. Every name, labelled or tagged, is compared after resolving it
through the gazetteer (so "JD Vance" and "J.D. Vance" are one person) or, for a name the
gazetteer does not hold, after normalising case, a leading "the", a "US"/"U.S." prefix
and possessives.
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
from corpus_search.enrich.actors import Actor

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
    neutral: set[str] = field(default_factory=set)  # neither right nor wrong when tagged
    source: str | None = None  # the publisher, as a crawl would record it
    split: str | None = None  # real pages: "tuning" or "never-tuned"
    key_theme: str | None = None  # the theme it is most about


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
    themes_per_document: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "words": self.words,
            "ms_per_1000_words": round(self.ms_per_1000_words, 2),
            "themes_per_document": distribution(self.themes_per_document),
            **{kind: score.to_dict() for kind, score in self.scores.items()},
        }


def distribution(counts: Sequence[int]) -> dict[str, Any]:
    """Mean, median, max and a histogram (0, 1, 2, 3, 4, 5+) of per-document counts."""
    if not counts:
        return {"mean": 0.0, "median": 0, "max": 0, "histogram": {}}
    ordered = sorted(counts)
    bins = {str(k): 0 for k in range(5)} | {"5+": 0}
    for c in ordered:
        bins[str(c) if c < 5 else "5+"] += 1
    return {
        "mean": round(sum(ordered) / len(ordered), 2),
        "median": ordered[len(ordered) // 2],
        "max": ordered[-1],
        "histogram": bins,
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


REAL_FOLDERS_SOURCE = {
    "heritage-fragments": "Heritage Foundation",
    "brookings-fragments": "Brookings Institution",
    "brookings-full": "Brookings Institution",
    "carnegie": "Carnegie Endowment for International Peace",
}
VIEW_WORDS = 550
VIEW_TAIL = 2


def real_view(body: str, words: int = VIEW_WORDS, tail: int = VIEW_TAIL) -> str:
    """The part of a real page's body that was labelled: its paragraphs up to the first
    that reaches ``words`` words, a line "[…]", and its last ``tail`` paragraphs (where
    boilerplate and staff lines sit). Fixed before labelling; do not change."""
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    kept: list[str] = []
    count = 0
    for paragraph in paragraphs:
        if count >= words:
            break
        kept.append(paragraph)
        count += len(paragraph.split())
    rest = paragraphs[len(kept) :]
    if rest:
        kept.append("[…]")
        kept.extend(rest[-tail:])
    return "\n\n".join(kept)


def load_real(path: str | Path, root: str | Path) -> tuple[list[Labelled], str | None]:
    """The labelled real pages of ``path``, their text read from ``root`` (the
    ``thinktanks`` folder of ../shared/data) and extracted as ingest would; with the
    reason they are skipped when ``root`` or a page is absent."""
    from corpus_search.extract.html import extract_html

    data = json.loads(Path(path).read_text("utf-8"))
    base = Path(root)
    if not base.is_dir():
        return [], f"no real pages at {base} (the labels need ../shared/data/thinktanks)"
    docs: list[Labelled] = []
    for item in data["documents"]:
        page = base / item["file"]
        if not page.is_file():
            return [], f"labelled page {page} is missing"
        doc = extract_html(page.read_text("utf-8", errors="replace"))
        docs.append(_real_labelled(item, item["file"], doc))
    return docs, None


def _real_labelled(item: dict[str, Any], id_: str, doc: Document) -> Labelled:
    """A real page's labels (a row of a ``real_labels*.json``) beside the labelled view of
    its extracted document."""
    about = list(item["themes"]["about"])
    return Labelled(
        id=id_,
        title=doc.title,
        subtitle=doc.subtitle,
        body=real_view(doc.body),
        actors={kind: set(item.get(kind, [])) for kind in KINDS},
        about=set(about),
        touches=set(item["themes"].get("touches", [])),
        not_=set(item.get("not", [])),
        key=set(item.get("key", [])),
        neutral=set(item.get("neutral", [])),
        source=item.get("source"),
        split=item.get("split"),
        key_theme=about[0] if about else None,
    )


def load_real_text(path: str | Path, cache: str | Path) -> tuple[list[Labelled], str | None]:
    """The labelled real pages of ``path`` known only by their text (``real_labels_fresh3.json``):
    each row names its ``file`` in ``cache`` (kept outside the repository) and the file's
    ``sha256``; the text is extracted as ingest extracts a .txt file. A page whose file is
    absent, or is not the one labelled, is left out and named in the note returned with the
    pages (None when every page was read); without the cache folder, or with no page left,
    the list is empty and the note says why."""
    import hashlib

    from corpus_search.extract.text import extract_text

    data = json.loads(Path(path).read_text("utf-8"))
    base = Path(cache)
    if not base.is_dir():
        return [], f"no cached page texts at {base} (the labels need their texts there)"
    docs: list[Labelled] = []
    left_out: list[str] = []
    for item in data["documents"]:
        page = base / item["file"]
        if not page.is_file():
            left_out.append(f"labelled page text {page} is missing")
            continue
        raw = page.read_bytes()
        if hashlib.sha256(raw).hexdigest() != item["sha256"]:
            left_out.append(f"{page} is not the text that was labelled (sha256 differs)")
            continue
        doc = extract_text(raw.decode("utf-8"), url=item.get("url"))
        docs.append(_real_labelled(item, item.get("url") or item["file"], doc))
    if not left_out:
        return docs, None
    note = f"{len(left_out)} of {len(data['documents'])} pages left out: " + "; ".join(left_out)
    return docs, note


def name_key(enricher: Enricher, name: str) -> str:
    """The form two spellings of one actor share: the gazetteer's canonical name, else
    the name without case, a leading "the", a "US"/"U.S." prefix or a possessive."""
    actor = enricher.gazetteer.resolve(name)
    if actor is not None:
        return actor.name
    key = " ".join(name.replace("’", "'").split()).casefold()
    key = re.sub(r"^(the|u\.s\.|us|united states)\s+", "", key)
    key = re.sub(r"'s\b", "", key).replace("'", "")
    key = " ".join(key.split())
    # ("US Centers for Disease Control and Prevention": the gazetteer's name once the
    # prefix is gone)
    actor = enricher.gazetteer.resolve(key)
    if actor is None:
        # a person the annotator found in no list, whom the tagger knows by another
        # spelling or a familiar given name ("Dick Durbin", "Sam Nunn")
        actor = enricher.gazetteer.respelled(" ".join(name.split()))
    if actor is None:  # ... or a body in the other spelling ("World Meteorological
        actor = enricher.gazetteer.body_variant(name)  # Organisation")
    if actor is None:  # ... or by an initial and the surname ("B. Compaoré")
        actor = _by_initial(enricher, key)
    return actor.name if actor is not None else _state_last(enricher, key)


def _by_initial(enricher: Enricher, key: str) -> Actor | None:
    """The one known person whose given name starts with the initial and whose name
    ends with the surname of ``key`` ("b. compaoré"); None when none or several do."""
    match = re.fullmatch(r"([^\W\d_])\.? (\S+(?: \S+)?)", key)
    if match is None:
        return None
    initial, surname = match.groups()
    found = [
        actor
        for actor in enricher.gazetteer.actors.values()
        if actor.type == "person"
        and actor.name.casefold().startswith(initial)
        and actor.name.casefold().endswith(f" {surname}")
    ]
    return found[0] if len(found) == 1 else None


def _state_last(enricher: Enricher, key: str) -> str:
    """A body of a state named by the state's adjective or name first ("sudanese ministry
    of foreign affairs") or last ("ministry of foreign affairs of the sudan") in one form,
    the one the tagger writes: "ministry of foreign affairs of sudan"."""
    head, of, place = key.rpartition(" of ")
    if of and head:
        place = place.removeprefix("the ")
        state = enricher.gazetteer.resolve(place)
        if state is not None and state.type == "country":
            return f"{head} of {state.name.casefold()}"
    first, _, rest = key.partition(" ")
    if len(rest.split()) < 2:
        return key
    state = enricher.gazetteer.resolve(first)
    if state is None or state.type != "country":
        return key
    return f"{rest} of {state.name.casefold()}"


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
    inputs = [
        Document(id=d.id, source=d.source, title=d.title, subtitle=d.subtitle, body=d.body)
        for d in docs
    ]
    enricher.enrich(inputs[0])  # load data and build the matching tables outside the clock
    best = float("inf")
    tagged: list[Document] = []
    for _ in range(max(1, repeat)):
        started = time.process_time()
        tagged = [enricher.enrich(doc) for doc in inputs]
        best = min(best, time.process_time() - started)
    words = sum(len(" ".join(filter(None, (d.title, d.subtitle, d.body))).split()) for d in docs)
    scores = {kind: Score() for kind in (*KINDS, "themes", "key", "key-themes", "unknown", "known")}
    per_document: list[int] = []

    def keyed(names: set[str]) -> set[str]:
        return {name_key(enricher, n) for n in names}

    for gold, doc in zip(docs, tagged, strict=True):
        labels = {kind: keyed(gold.actors[kind]) for kind in KINDS}
        neutral = keyed(gold.neutral)
        # ("Pentagon" listed neutral: the state, and the department it also names)
        seated = (enricher.gazetteer.seat_body(name) for name in gold.neutral)
        neutral |= {body.name for body in seated if body is not None}
        found: dict[str, set[str]] = {kind: set() for kind in KINDS}
        unknown: set[str] = set()
        known: set[str] = set()
        for mention in doc.actors:
            name = name_key(enricher, mention.name)
            kind = _TYPE_KIND.get(mention.type, "organizations")
            if name in neutral and name not in labels[kind]:
                continue  # (labelled and also listed neutral, in another spelling: labelled)
            found[kind].add(name)
            (known if mention.known else unknown).add(name)
        every = set().union(*labels.values())
        also = set().union(*(keyed(v) for v in gold.also.values())) if gold.also else set()
        for kind in KINDS:
            allowed = labels[kind] | keyed(gold.also.get(kind, set()))
            _count(scores[kind], gold.id, found[kind], labels[kind], allowed)
        _count(scores["unknown"], gold.id, unknown, set(), every | also)
        _count(scores["known"], gold.id, known, set(), every | also)
        if gold.key is not None:
            marked = {name_key(enricher, m.name) for m in doc.actors if m.key} - neutral
            _count(scores["key"], gold.id, marked, keyed(gold.key), keyed(gold.key))
        themes = {t.id for t in doc.themes}
        per_document.append(len(themes))
        _count(scores["themes"], gold.id, themes, gold.about, gold.about | gold.touches)
        key_themes = {t.id for t in doc.themes if t.key}
        first = {gold.key_theme} if gold.key_theme else set()
        _count(scores["key-themes"], gold.id, key_themes, first, gold.about)
    return Report(len(docs), words, scores, 1000.0 * best / max(words, 1) * 1000.0, per_document)


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
            Document(
                id=gold.id,
                source=gold.source,
                title=gold.title,
                subtitle=gold.subtitle,
                body=gold.body,
            )
        )
        names = {name_key(enricher, m.name) for m in doc.actors}
        not_ = {name_key(enricher, n) for n in gold.not_}
        bad.extend(f"{gold.id}: {name}" for name in sorted(not_ & names))
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
