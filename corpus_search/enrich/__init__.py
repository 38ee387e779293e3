"""Enrichment: tag a Document with the actors it discusses, its themes and its dates."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from corpus_search.document import Document
from corpus_search.enrich.actors import Gazetteer, lead_length, mark_key_actors
from corpus_search.enrich.dates import mentioned_dates, mentioned_years
from corpus_search.enrich.themes import Taxonomy

__all__ = ["Enricher", "Gazetteer", "Taxonomy"]


class Enricher:
    def __init__(self, gazetteer: Gazetteer, taxonomy: Taxonomy) -> None:
        self.gazetteer = gazetteer
        self.taxonomy = taxonomy

    @classmethod
    def load(
        cls, gazetteer_files: Sequence[str | Path] = (), taxonomy_files: Sequence[str | Path] = ()
    ) -> Enricher:
        return cls(Gazetteer.load(gazetteer_files), Taxonomy.load(taxonomy_files))

    def enrich(self, doc: Document) -> Document:
        """A copy of ``doc`` with actors, themes, mentioned years and dates computed."""
        head = "\n".join(part for part in (doc.title, doc.subtitle) if part)
        text = f"{head}\n{doc.body}" if head else doc.body
        lead = lead_length(head, doc.body)
        return dataclasses.replace(
            doc,
            actors=mark_key_actors(self.gazetteer.tag(text), lead),
            themes=self.taxonomy.score(text),
            mentioned_years=mentioned_years(doc.body),
            mentioned_dates=mentioned_dates(doc.body),
            enriched=True,
        )
