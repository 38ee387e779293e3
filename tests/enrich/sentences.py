"""The tagger as the sentence tests of the actor rounds call it: one packaged enricher,
and the actors a short text of their own names, each with whether it is known."""

from __future__ import annotations

from functools import cache

from corpus_search.document import Document
from corpus_search.enrich import Enricher


@cache
def enricher() -> Enricher:
    """The packaged tagger without the learned check on unknown organisations: these tests
    pin the rules that find names; the check (tests/enrich/test_name_model.py) then
    leaves out, in short texts, the ones the labelled pages show are mostly wrong."""
    found = Enricher.load()
    found.name_model = None
    return found


def actors(
    text: str, subtitle: str | None = None, source: str = "Example Review", title: str = "A note"
) -> dict[str, bool]:
    """Actor name -> known, for ``text`` as a document's body under ``title``."""
    doc = Document(id="t", source=source, title=title, subtitle=subtitle, body=text)
    return {actor.name: actor.known for actor in enricher().enrich(doc).actors}


def people(text: str, known: bool | None = None) -> set[str]:
    """The persons ``text`` names as a document's body (with ``known``: only the known
    ones, or only the unknown ones)."""
    doc = Document(id="t", source="Example Review", title="A note", body=text)
    return {
        actor.name
        for actor in enricher().enrich(doc).actors
        if actor.type == "person" and known in (None, actor.known)
    }
