"""The speed-ups keep the store's behaviour: the one-pass text field indexes what whoosh's
analyzer would, the bulk writer counts like the incremental one, and column-based date
filters and facet counts agree with whoosh's own range queries and term counts."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from whoosh import fields
from whoosh.analysis import StemmingAnalyzer

from corpus_search import Corpus
from corpus_search.store.whoosh import writer as store_writer
from corpus_search.store.whoosh.schema import FastText
from tests.conftest import make_doc

ALPHABET = "ab cd ef.gh*ÜİßΣ the a of to and 12 3.4 x_y ,;-'\n\t"


def test_fast_text_indexes_exactly_what_the_analyzer_does() -> None:
    rng = random.Random(11)
    analyzer = StemmingAnalyzer()
    fast = FastText(analyzer=analyzer, field_boost=1.5)
    stock = fields.TEXT(analyzer=analyzer, field_boost=1.5)
    words = ["running", "runs", "the", "nuclear", "deterrence", "I", "a.b.c", "x*", "Über"]
    for _ in range(2000):
        parts = [
            rng.choice(words) if rng.random() < 0.5 else rng.choice(ALPHABET)
            for _ in range(rng.randint(0, 40))
        ]
        text = "".join(p if len(p) == 1 else f" {p} " for p in parts)
        assert sorted(fast.index(text)) == sorted(stock.index(text)), text


def _docs(count: int, seed: int) -> list:
    rng = random.Random(seed)
    actors = ["China", "Russia", "Iran", "India", "NATO"]
    themes = ["trade", "sanctions", "cyber"]
    docs = []
    for number in range(count):
        year = rng.randint(2015, 2025)
        precision = rng.random()
        if precision < 0.1:
            published: str | None = None
        elif precision < 0.2:
            published = f"{year}"
        elif precision < 0.4:
            published = f"{year}-{rng.randint(1, 12):02d}"
        else:
            published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        chosen = rng.sample(actors, rng.randint(0, 3))
        extra = {"published": published} if published else {}
        docs.append(
            make_doc(
                f"d{number}",
                " ".join(rng.choice(["alpha", "beta", "gamma", "delta"]) for _ in range(20)),
                title=f"Title {number}",
                source=rng.choice(["Alpha Institute", "Beta Forum", "Gamma Centre"]),
                actors=[{"name": a, "type": "country", "code": None, "count": 1} for a in chosen],
                themes=[{"id": t, "score": 0.5} for t in rng.sample(themes, rng.randint(0, 2))],
                authors=[{"name": rng.choice(["Ann Lee", "Bo Park"]), "role": None}],
                **extra,
            )
        )
    return docs


@pytest.fixture()
def bulk_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Corpus, list]:
    monkeypatch.setattr(store_writer, "BULK_BATCH", 40)  # several commits, several segments
    monkeypatch.setattr(store_writer, "PARALLEL_MIN", 1)  # through the multiprocessing writer
    corpus = Corpus.open(tmp_path / "ix", create=True)
    docs = _docs(150, seed=3)
    report = corpus.add(docs)
    assert (report.added, report.updated, report.skipped) == (150, 0, 0)
    return corpus, docs


def test_bulk_load_counts_duplicates_like_the_incremental_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_writer, "BULK_BATCH", 3)
    monkeypatch.setattr(store_writer, "PARALLEL_MIN", 1)
    docs = _docs(8, seed=5)
    changed = make_doc("d1", "a different body now", title="Changed")
    # d0 again unchanged in a later batch, d1 changed in a later batch, d2 twice more:
    # every input document counts once (12 = 8 added + 1 updated + 3 skipped)
    stream = [*docs[:6], docs[0], changed, docs[2], docs[2], *docs[6:]]
    corpus = Corpus.open(tmp_path / "ix", create=True)
    report = corpus.add(stream)
    assert (report.added, report.updated, report.skipped) == (8, 1, 3)
    assert len(corpus) == 8
    assert corpus.get("d1").title == "Changed"
    again = corpus.add(docs)  # into a full index: the incremental path
    assert (again.added, again.updated, again.skipped) == (0, 1, 7)
    assert corpus.get("d1").title == docs[1].title


def test_bulk_load_repeats_before_the_workers_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_writer, "PARALLEL_MIN", 4)  # the first 4 wait in memory
    monkeypatch.setattr(store_writer, "BULK_BATCH", 100)
    docs = _docs(6, seed=9)
    changed = make_doc("d0", "the second copy wins", title="Second")
    corpus = Corpus.open(tmp_path / "ix", create=True)
    report = corpus.add([docs[0], docs[1], changed, docs[1], *docs[2:]])
    assert (report.added, report.updated, report.skipped) == (6, 1, 1)
    assert len(corpus) == 6 and corpus.get("d0").title == "Second"
    small = Corpus.open(tmp_path / "small", create=True)  # under PARALLEL_MIN: one process
    report = small.add([docs[0], docs[1], docs[0]])
    assert (report.added, report.updated, report.skipped) == (2, 0, 1) and len(small) == 2


def test_bulk_load_commits_when_the_input_runs_out(tmp_path: Path) -> None:
    """An ingest's index commits what it holds as soon as its workers have the last
    pages (``flush``), so that the commit overlaps them: the documents before that point
    are in the index while the rest is still coming, and the counts are as ever."""
    docs = _docs(12, seed=21)
    corpus = Corpus.open(tmp_path / "ix", create=True)
    seen_while_streaming: list[int] = []
    given = 0

    def stream():  # type: ignore[no-untyped-def]
        nonlocal given
        for doc in docs:
            if given == 9:  # the writer has had 8 documents, then the flush, then a 9th
                seen_while_streaming.append(len(Corpus.open(tmp_path / "ix")))
            given += 1
            yield doc

    added, updated, skipped = corpus._store.write(stream(), flush=lambda: given >= 8)
    assert seen_while_streaming == [8]
    assert (len(added), len(updated), len(skipped)) == (12, 0, 0)
    assert sorted(added) == sorted(d.id for d in docs) and len(corpus) == 12


def test_bulk_load_does_not_commit_at_a_repeated_id(tmp_path: Path) -> None:
    """A page seen twice in a load waits for the next commit: committing the load there
    and then stopped an ingest from collecting its workers' results while it wrote. The
    second copy still wins and every input counts once."""
    docs = _docs(8, seed=23)
    changed = make_doc(docs[1].id, "the second copy wins", title="Second")
    stream_docs = [*docs[:3], changed, *docs[3:]]
    corpus = Corpus.open(tmp_path / "ix", create=True)
    seen_while_streaming: list[int] = []

    def stream():  # type: ignore[no-untyped-def]
        for number, doc in enumerate(stream_docs):
            if number == 6:  # the repeat came in at 3
                seen_while_streaming.append(len(Corpus.open(tmp_path / "ix")))
            yield doc

    added, updated, skipped = corpus._store.write(stream())
    assert seen_while_streaming == [0]
    assert (len(added), len(updated), len(skipped)) == (8, 1, 0)
    assert len(corpus) == 8 and corpus.get(docs[1].id).title == "Second"


def test_incremental_write_commits_when_the_input_runs_out(tmp_path: Path) -> None:
    """The same into a corpus that holds documents: the batch so far is committed at
    the flush, the rest in the last one; a changed copy still counts as updated."""
    corpus = Corpus.open(tmp_path / "ix", create=True)
    first = _docs(3, seed=4)
    corpus.add(first)
    edited = make_doc(first[0].id, "an edited body for the second pass", title="Edited")
    fresh = [make_doc(f"n{number}", f"a fresh body, number {number}") for number in range(8)]
    docs = [edited, first[1], *fresh]
    seen: list[int] = []
    given = 0

    def stream():  # type: ignore[no-untyped-def]
        nonlocal given
        for doc in docs:
            if given == 6:
                seen.append(len(Corpus.open(tmp_path / "ix")))
            given += 1
            yield doc

    added, updated, skipped = corpus._store.write(stream(), flush=lambda: given >= 5)
    # the first five (one edited, one unchanged, three new) were committed at the flush
    assert seen == [3 + 3]
    assert (len(added), len(updated), len(skipped)) == (8, 1, 1)


def _expected_dates(docs: list, since: str | None, until: str | None) -> set[str]:
    from corpus_search.dates import PartialDate

    first = PartialDate.parse(since).first_day() if since else None
    last = PartialDate.parse(until).last_day() if until else None
    found = set()
    for doc in docs:
        if doc.published is None:
            continue
        if first and doc.published.first_day() < first:
            continue
        if last and doc.published.last_day() > last:
            continue
        found.add(doc.id)
    return found


@pytest.mark.parametrize(
    ("since", "until"),
    [("2018", "2020"), ("2019-03", None), (None, "2017-06-15"), ("2016-02-10", "2016-11")],
)
def test_date_filter_from_columns_is_containment(
    bulk_corpus: tuple[Corpus, list], since: str | None, until: str | None
) -> None:
    corpus, docs = bulk_corpus
    result = corpus.search("", since=since, until=until, limit=None)
    assert {h.id for h in result.hits} == _expected_dates(docs, since, until)
    assert result.total == len(result.hits)
    narrowed = corpus.search("alpha", actors=["China"], since=since, until=until, limit=None)
    expected = {
        d.id
        for d in docs
        if d.id in _expected_dates(docs, since, until)
        and "China" in [a.name for a in d.actors]
        and "alpha" in d.body.split()
    }
    assert {h.id for h in narrowed.hits} == expected and narrowed.total == len(expected)


def test_facets_from_the_column_count_every_match(bulk_corpus: tuple[Corpus, list]) -> None:
    corpus, docs = bulk_corpus
    result = corpus.search("beta", since="2017", limit=2, facets=True)
    matched = [
        d for d in docs if "beta" in d.body.split() and d.id in _expected_dates(docs, "2017", None)
    ]
    assert result.total == len(matched) and len(result.hits) == 2
    expected = {
        "actor": Counter(a.name for d in matched for a in d.actors),
        "theme": Counter(t.id for d in matched for t in d.themes),
        "source": Counter(d.source for d in matched),
        "year": Counter(f"{d.published.year:04d}" for d in matched),
    }
    for name, counts in expected.items():
        assert dict(result.facets[name]) == dict(counts), name


def test_column_filter_agrees_with_whoosh_range_query(bulk_corpus: tuple[Corpus, list]) -> None:
    """The store's own NumericRange (still used for date: inside query text) and the
    column filter select the same documents."""
    corpus = bulk_corpus[0]
    by_text = corpus.search("date:2018..2021", limit=None)
    by_option = corpus.search("", since="2018", until="2021", limit=None)
    assert {h.id for h in by_text.hits} == {h.id for h in by_option.hits}
    assert by_text.total == by_option.total > 0


def test_large_jsonl_is_streamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from corpus_search import extract

    monkeypatch.setattr(extract, "MAX_FILE_BYTES", 200)  # this small file counts as large
    path = tmp_path / "big.jsonl"
    lines = [json.dumps(d.to_dict()) for d in _docs(5, seed=9)] + ["{not json"]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    corpus = Corpus.open(tmp_path / "ix", create=True)
    report = corpus.ingest([path])
    assert report.added == 5 and len(report.failed) == 1 and ":6:" in report.failed[0].reason


def test_search_stdin_answers_one_json_line_per_query(bulk_corpus: tuple[Corpus, list]) -> None:
    from click.testing import CliRunner

    from corpus_search.cli.app import cli

    corpus = bulk_corpus[0]
    lines = "\n".join(
        [
            "alpha",
            "",
            json.dumps({"query": "beta", "actors": ["China"], "since": "2017", "facets": True}),
            json.dumps({"query": "beta", "no_such_option": 1}),
            "nothingmatchesthis",
        ]
    )
    result = CliRunner().invoke(
        cli, ["--index", str(corpus.path), "search", "--stdin"], input=lines
    )
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert len(answers) == 4 and result.exit_code == 2
    assert answers[0]["total"] == corpus.search("alpha").total > 0
    expected = corpus.search("beta", actors=["China"], since="2017", facets=True)
    assert answers[1]["total"] == expected.total and "actor" in answers[1]["facets"]
    assert answers[2]["line"] == 4 and "no_such_option" in answers[2]["error"]
    assert answers[3]["total"] == 0


def _postings(ix: object) -> dict:
    """Every (field, term) of an index with its postings (ids, weights, values)."""
    with ix.searcher() as searcher:  # type: ignore[attr-defined]
        reader = searcher.reader()
        found = {}
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            rows = []
            while matcher.is_active():
                rows.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            found[(fieldname, text)] = rows
        return found


def test_postings_sorted_in_chunked_runs_index_as_whooshs_own_pool(tmp_path: Path) -> None:
    from whoosh import index

    from corpus_search.store.whoosh.schema import make_schema

    rng = random.Random(4)
    words = [f"w{n}x{rng.randint(0, 99)}" for n in range(1500)]
    docs = [
        make_doc(f"r{n}", " ".join(rng.choice(words) for _ in range(300)), title=f"Report {n}")
        for n in range(150)
    ]
    built = []
    for name, pool in (("whoosh", None), ("runs", store_writer._RunPool)):
        (tmp_path / name).mkdir()
        ix = index.create_in(str(tmp_path / name), make_schema(), indexname="corpus")
        writer = ix.writer(limitmb=1)  # ~1 MB: the pool spills to several runs on disk
        if pool is not None:
            writer.pool = pool.replacing(writer.pool)
        for doc in docs:
            writer.add_document(**store_writer.index_fields(doc, store_writer._record(doc)))
        spilled = len(writer.pool.runs)
        writer.commit()
        built.append((spilled, _postings(ix)))
    (whoosh_runs, whoosh_postings), (our_runs, our_postings) = built
    assert whoosh_runs >= 2 and our_runs == whoosh_runs
    assert our_postings == whoosh_postings and len(our_postings) > 1000


def test_a_writer_worker_started_after_its_parent_died_exits(tmp_path: Path) -> None:
    """A bulk-load worker watches the process that made it, not whichever process is
    its parent when it starts: one forked just as an ingest was killed must exit too."""
    import subprocess
    import sys

    script = (
        "import multiprocessing, sys\n"
        "from whoosh import index\n"
        "from corpus_search.store.whoosh import writer\n"
        "from corpus_search.store.whoosh.schema import make_schema\n"
        "ix = index.create_in(sys.argv[1], make_schema(), indexname='corpus')\n"
        "jobs, results = multiprocessing.Queue(), multiprocessing.Queue()\n"
        "task = writer._OrphanSafeTask(ix.storage, 'corpus', jobs, results, {}, True)\n"
        "task.parent_pid = -1  # made by a process that is gone\n"
        "task.run()  # what the worker runs: it waits for jobs that never come\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, timeout=30
    )
    assert done.returncode == 1, done.stderr.decode()[-2000:]


def test_our_writer_writes_the_segment_files_whooshs_own_writer_does(tmp_path: Path) -> None:
    """Our writer answers whoosh's posting writer the documents' field lengths from lists
    read once (``_Lengths``) and sorts postings in chunked runs: the segment's files are
    the same, byte for byte, as those of whoosh's own writer."""
    import hashlib

    from whoosh import index

    from corpus_search.store.whoosh.schema import make_schema

    rng = random.Random(6)
    words = [f"w{n}y{rng.randint(0, 99)}" for n in range(800)]
    docs = [
        make_doc(f"s{n}", " ".join(rng.choice(words) for _ in range(rng.randint(5, 400))))
        for n in range(60)
    ]
    built = []
    for name in ("whoosh", "ours"):
        (tmp_path / name).mkdir()
        ix = index.create_in(str(tmp_path / name), make_schema(), indexname="corpus")
        # (as the store writes: one file per part, small posting blocks uncompressed)
        options = {"compound": False}
        writer = (
            ix.writer(codec=store_writer._Codec(), **options)
            if name == "whoosh"
            else store_writer._writer(ix, **options)
        )
        for doc in docs:
            writer.add_document(**store_writer.index_fields(doc, store_writer._record(doc)))
        writer.commit()
        files = sorted(
            (path.suffix, hashlib.sha256(path.read_bytes()).hexdigest())
            for path in (tmp_path / name).iterdir()
            # (the table of contents and the segment's header hold its random name)
            if path.suffix not in (".toc", ".seg")
        )
        built.append(files)
    assert built[0] == built[1] and len(built[0]) > 5


def test_small_posting_blocks_are_stored_as_they_are_and_read_back_the_same(
    tmp_path: Path,
) -> None:
    """Blocks of postings of at most SMALL_BLOCK bytes are not compressed (zlib made them
    larger); every posting reads back as from an index whoosh's own codec wrote, and the
    files are smaller."""
    from whoosh import index

    from corpus_search.store.whoosh.schema import make_schema

    rng = random.Random(8)
    words = [f"w{n}" for n in range(3000)]
    docs = [
        make_doc(f"s{n}", " ".join(rng.choice(words[: 50 + n * 40]) for _ in range(120)))
        for n in range(60)
    ]
    postings = []
    sizes = []
    flags: set[int] = set()
    for name in ("whoosh", "ours"):
        (tmp_path / name).mkdir()
        ix = index.create_in(str(tmp_path / name), make_schema(), indexname="corpus")
        options = {"compound": False}
        writer = ix.writer(**options) if name == "whoosh" else store_writer._writer(ix, **options)
        for doc in docs:
            writer.add_document(**store_writer.index_fields(doc, store_writer._record(doc)))
        writer.commit()
        with ix.reader() as reader:
            read = {
                (field, term): list(reader.postings(field, term).items_as("positions"))
                for field, term in reader.all_terms()
                if field == "body"
            }
            if name == "ours":
                for term in read:
                    matcher = reader.postings(*term)
                    if hasattr(matcher, "_compression"):
                        flags.add(matcher._compression)
        postings.append(read)
        sizes.append(sum(p.stat().st_size for p in (tmp_path / name).glob("*.pst")))
    assert postings[0] == postings[1] and len(postings[0]) > 1000
    assert flags == {0, 3}  # some blocks stored as they are, others compressed
    assert sizes[1] < sizes[0]
