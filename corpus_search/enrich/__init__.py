"""Enrichment: tag a Document with the actors it discusses, its themes and its dates."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from corpus_search.document import ActorMention, Document
from corpus_search.enrich import namemodel
from corpus_search.enrich.actors import Gazetteer, lead_length, mark_key_actors
from corpus_search.enrich.dates import mentioned_dates, mentioned_years
from corpus_search.enrich.namemodel import NameModel
from corpus_search.enrich.themes import Taxonomy
from corpus_search.enrich.unknown import blank_boilerplate, share_bar, tag_line

__all__ = ["Enricher", "Gazetteer", "Taxonomy"]


class Enricher:
    def __init__(self, gazetteer: Gazetteer, taxonomy: Taxonomy) -> None:
        self.gazetteer = gazetteer
        self.taxonomy = taxonomy
        # The check on organisations named but not in the gazetteer (None: tag them all).
        self.name_model: NameModel | None = namemodel.shipped()

    @classmethod
    def load(
        cls, gazetteer_files: Sequence[str | Path] = (), taxonomy_files: Sequence[str | Path] = ()
    ) -> Enricher:
        return cls(Gazetteer.load(gazetteer_files), Taxonomy.load(taxonomy_files))

    def enrich(self, doc: Document) -> Document:
        """A copy of ``doc`` with actors, themes, mentioned years and dates computed."""
        head, body, text = tagged_text(doc.title, doc.subtitle, doc.body)
        lead = lead_length(head, body)
        head_chars = len(head) + 1 if head else 0
        actors = mark_key_actors(
            self.gazetteer.tag(text, publisher=doc.source, head_chars=head_chars), lead
        )
        if self.name_model is not None and len(text.split()) <= self.name_model.max_words:
            doubtful = {id(m) for m in unknown_organisations(actors)}
            checked = self.name_model
            actors = [m for m in actors if id(m) not in doubtful or checked.keeps(m, text)]
        return dataclasses.replace(
            doc,
            actors=actors,
            themes=self.taxonomy.score(text, head=head),
            mentioned_years=mentioned_years(doc.body),
            mentioned_dates=mentioned_dates(doc.body),
            enriched=True,
        )


def unknown_organisations(actors: Sequence[ActorMention]) -> list[ActorMention]:
    """The organisations (groups included) among ``actors`` the gazetteer does not hold."""
    return [m for m in actors if not m.known and m.type not in ("person", "country")]


def tagged_text(title: str | None, subtitle: str | None, body: str) -> tuple[str, str, str]:
    """What the tagger reads of a document: its head (title and standfirst, without a
    share bar or a line of topic tags), its body without boilerplate, and the two as one
    text."""
    head = "\n".join(
        part for part in (title, subtitle) if part and not share_bar(part) and not tag_line(part)
    )
    body = blank_boilerplate(body)
    return head, body, f"{head}\n{body}" if head else body
