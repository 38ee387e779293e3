"""Two writers on one database at once, their batches overlapping in opposite orders: no
error, no document lost or stored twice (the many-process tests are in
tests/reliability)."""

from __future__ import annotations

import threading

from corpus_search import Corpus
from tests.conftest import make_doc


def test_two_writers_overlapping_in_opposite_orders(pg_url: str) -> None:
    Corpus.open(pg_url, create=True)
    docs = [
        make_doc(f"d{n:04d}", f"Document {n} about sanctions and trade {n % 7}.")
        for n in range(600)
    ]
    errors: list[BaseException] = []
    counts: list[tuple[int, int, int]] = []

    def write(order: list) -> None:  # type: ignore[type-arg]
        try:
            corpus = Corpus.open(pg_url)
            store = corpus._store
            added, updated, skipped = store.write(order, batch_size=50)
            counts.append((len(added), len(updated), len(skipped)))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=write, args=(docs,)),
        threading.Thread(target=write, args=(list(reversed(docs)),)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    corpus = Corpus.open(pg_url)
    assert len(corpus) == 600 and sorted(corpus._store.ids()) == sorted(d.id for d in docs)
    # every id added once in all; the other writer found it unchanged
    assert sum(c[0] for c in counts) >= 600 and all(sum(c) == 600 for c in counts)
    assert corpus.search("sanctions", limit=0).total == 600
