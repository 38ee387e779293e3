"""Extraction quality, measured: our extractor against trafilatura on real pages.

    python bench/eval_extraction.py                 # every set, a table on stdout
    python bench/eval_extraction.py --limit 5       # the first 5 pages of each set
    python bench/eval_extraction.py --json          # the figures as JSON
    python bench/eval_extraction.py --failures      # also list the pages each figure misses
    python bench/eval_extraction.py --split tuning  # only the tuning half of every set
    python bench/eval_extraction.py --audit         # against the audited ground truth

Reads the third-party pages in ``../shared/data`` (or ``--data DIR``) at run time; they
are never copied into the project. For each set it prints, side by side, the figures of
``corpus_search.extract.html.extract_html`` ("ours") and of trafilatura's own
``extract`` / ``extract_metadata`` with default settings:

- body: token precision, recall and F1 against the ground truth, the way the
  article-extraction benchmark scores it: both texts are split into word tokens
  (``\\w+``), the overlap is the multiset intersection, precision and recall are
  averaged over pages and F1 is taken from the two averages;
- title: share of pages whose title equals the expected one after whitespace, case and
  quote/dash normalisation; "title, site name aside" also accepts a title that differs
  from the expected one only by a site-name or section segment ("Mozilla" for "Mozilla -
  Wikipedia"), the convention readability's ground truth follows when it keeps <title>;
- authors: precision and recall of author names (normalised the same way), summed over
  the pages whose ground truth names authors;
- date: share of pages whose publication date is exactly the expected day;
- throughput: pages per second of each extractor on one core (one process, every page
  of every set, parse included).

``--split tuning|check`` keeps one fixed half of every set, so that rules can be designed
on the failures of one half and judged on the other: a page belongs to the tuning half
when ``sha1("<set>/<page id>")`` (the page id as ``--failures`` prints it) is even read as
a hexadecimal number, to the check half when it is odd.

``--audit [FILE]`` scores against the ground truth as corrected page by page after
reading the pages (default ``tests/data/extraction/audit.json``). Each entry names a
set, a page id, a field (title, authors or date), the ground truth as the set gives it,
a verdict and a short reason; the verdicts:

- "ours": the page says what we say, the set's truth contradicts it;
- "neither": the set's truth contradicts the page, and ours is wrong too;
- "convention": both readings are defensible and differ by a convention (a site name
  kept in the title, the UTC or the publisher's local day, the publisher as author);
  the corrected value follows the project's (the headline; the local day; the
  publisher is the source, not an author);
- "truth": the set is right and ours is a real miss (nothing is corrected).

Other verdicts carry the corrected value: a title, a list of names, a day. An empty
list of names says the page names no author, a null date that it states none: the
right answer is then nothing, and a name or a date we print is counted wrong.
``--audit-strict`` leaves the "convention" entries as the set has them. An entry whose
recorded truth is not the set's is an error: the audit was made on other data.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
SETS = ("aeb", "readability", "mediacloud", "brookings")
SPLITS = ("tuning", "check")
DEFAULT_AUDIT = ROOT / "tests" / "data" / "extraction" / "audit.json"
AUDITED_FIELDS = ("title", "authors", "date")
VERDICTS = ("ours", "neither", "convention", "truth")
TOKEN = re.compile(r"\w+")


# -- what an extractor returns ---------------------------------------------------------


@dataclass
class Result:
    body: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD, or shorter when only a month or year is known
    language: str | None = None
    detects_language: bool = True


def ours(html: str, url: str | None) -> Result:
    from corpus_search.extract.html import extract_html

    doc = extract_html(html, url=url)
    return Result(
        body=doc.body,
        title=doc.title,
        authors=[a.name for a in doc.authors],
        date=str(doc.published) if doc.published else None,
        language=doc.language,
    )


def theirs(html: str, url: str | None) -> Result:
    """trafilatura with its default settings: ``extract`` for the text (its default
    output, plain text), ``extract_metadata`` for title, author and date."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    body = trafilatura.extract(html, url=url) or ""
    meta = extract_metadata(html, default_url=url)
    authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()] if meta else []
    return Result(
        body=body,
        title=meta.title if meta else None,
        authors=authors,
        date=meta.date if meta else None,
        language=None,
        detects_language=False,  # extract_metadata reports no language: not scored
    )


EXTRACTORS: dict[str, Callable[[str, str | None], Result]] = {
    "ours": ours,
    "trafilatura": theirs,
}


# -- the sets ----------------------------------------------------------------------------


@dataclass
class Case:
    id: str
    html: str
    url: str | None = None
    body: str | None = None
    title: str | None = None
    authors: list[str] | None = None
    date: str | None = None
    language: str | None = None
    audited_empty: frozenset[str] = frozenset()  # fields whose right answer is nothing


def decode(data: bytes) -> str:
    """The page's text: UTF-8 when it is, else the encoding the page declares or that
    charset detection finds (as ingest does)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", "replace")


def read_gz(path: Path) -> str:
    return decode(gzip.decompress(path.read_bytes()))


def html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml").get_text(" ")


def aeb_cases(data: Path) -> Iterator[Case]:
    folder = data / "extraction" / "aeb"
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    for page_id in sorted(truth):
        item = truth[page_id]
        html = read_gz(folder / "html" / f"{page_id}.html.gz")
        yield Case(page_id, html, url=item.get("url"), body=item.get("articleBody") or "")


def readability_cases(data: Path) -> Iterator[Case]:
    folder = data / "extraction" / "readability" / "test-pages"
    for page in sorted(p for p in folder.iterdir() if p.is_dir()):
        meta = json.loads((page / "expected-metadata.json").read_text("utf-8"))
        byline = meta.get("byline")
        yield Case(
            page.name,
            read_gz(page / "source.html.gz"),
            body=html_text(read_gz(page / "expected.html.gz")),
            title=meta.get("title"),
            authors=byline_names(byline) if byline else None,
            date=(meta.get("publishedTime") or "")[:10] or None,
            language=(meta.get("lang") or "").split("-")[0].lower() or None,
        )


def mediacloud_cases(data: Path) -> Iterator[Case]:
    folder = data / "dates" / "htmldate-mediacloud"
    truth = json.loads((folder / "eval_mediacloud_2020.json").read_text("utf-8"))
    for url, item in sorted(truth.items(), key=lambda kv: kv[1]["file"]):
        path = folder / "html" / f"{item['file']}.gz"
        if not path.exists():
            path = folder / "html" / item["file"]
            if not path.exists():
                continue
            html = decode(path.read_bytes())
        else:
            html = read_gz(path)
        date = item.get("date")  # a few pages carry NaN: no known date, not scored
        yield Case(
            item["file"].split(".")[0],
            html,
            url=url,
            date=date if isinstance(date, str) else None,
        )


def brookings_cases(data: Path) -> Iterator[Case]:
    folder = data / "thinktanks" / "brookings-full"
    truth = json.loads((folder / "page-metadata.json").read_text("utf-8"))
    for key in sorted(truth):
        item = truth[key]
        layer = item.get("brookings_dataLayer") or {}
        ld = next((v for k, v in item.items() if k.startswith("jsonld_")), {}) or {}
        authors = [a.strip() for a in str(layer.get("author") or "").split(",") if a.strip()]
        html = decode((folder / item["file"]).read_bytes())
        yield Case(
            item["file"].split(".")[0],
            html,
            url=None,  # the page must tell its own address, as a saved file does
            title=layer.get("title") or ld.get("headline"),
            authors=authors or None,
            date=layer.get("publish_date") or (ld.get("datePublished") or "")[:10] or None,
        )


LOADERS: dict[str, Callable[[Path], Iterator[Case]]] = {
    "aeb": aeb_cases,
    "readability": readability_cases,
    "mediacloud": mediacloud_cases,
    "brookings": brookings_cases,
}


def load_audit(path: Path) -> dict[tuple[str, str, str], dict[str, Any]]:
    """The audit's entries by (set, page id, field)."""
    entries = json.loads(path.read_text("utf-8"))["entries"]
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for entry in entries:
        key = (entry["set"], entry["page"], entry["field"])
        if key in out:
            raise ValueError(f"{path}: {key} is audited twice")
        if entry["field"] not in AUDITED_FIELDS or entry["verdict"] not in VERDICTS:
            raise ValueError(f"{path}: {key}: unknown field or verdict")
        out[key] = entry
    return out


def audited(
    set_name: str,
    case: Case,
    audit: dict[tuple[str, str, str], dict[str, Any]],
    strict: bool = False,
) -> Case:
    """``case`` with the audit's corrections applied (the case itself when none apply);
    ``strict``: not the "convention" ones."""
    changes: dict[str, Any] = {}
    empty: set[str] = set()
    for name in AUDITED_FIELDS:
        entry = audit.get((set_name, case.id, name))
        if entry is None:
            continue
        if entry["truth"] != getattr(case, name):
            raise ValueError(
                f"audit of {set_name}/{case.id} {name}: recorded truth {entry['truth']!r} "
                f"is not the set's {getattr(case, name)!r}"
            )
        if entry["verdict"] == "truth" or (strict and entry["verdict"] == "convention"):
            continue
        changes[name] = entry["corrected"]
        if not entry["corrected"]:
            empty.add(name)
    if empty:
        changes["audited_empty"] = frozenset(empty)
    return replace(case, **changes) if changes else case


def half(set_name: str, page_id: str) -> str:
    """The half of the split a page belongs to: "tuning" or "check" (see the docstring)."""
    digest = hashlib.sha1(f"{set_name}/{page_id}".encode()).hexdigest()
    return "tuning" if int(digest, 16) % 2 == 0 else "check"


# -- scoring -----------------------------------------------------------------------------


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text or ""))


def token_prf(truth: str, pred: str) -> tuple[float, float]:
    """(precision, recall) of the predicted text's word tokens against the truth's."""
    want, got = tokens(truth), tokens(pred)
    if not want and not got:
        return 1.0, 1.0
    overlap = sum((want & got).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    return precision, recall


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def norm_title(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTES).casefold().split())


_SITE_SEPARATOR = re.compile(r"(\s+[-|·»]\s+|:\s+|\s*_|\s+\[|\s+::\s+)")


def title_segments(title: str) -> set[str]:
    """The title and every run of its leading or trailing segments cut at a site-name
    separator ("Mozilla - Wikipedia" -> "mozilla"; "Outside the web: X · V8" -> "x · v8")."""
    pieces = _SITE_SEPARATOR.split(norm_title(title))  # text, separator, text, ...
    texts = pieces[0::2]
    out = {norm_title(title)}
    for k in range(1, len(texts)):
        out.add("".join(pieces[: 2 * k - 1]).strip())  # the first k segments
        out.add("".join(pieces[2 * k :]).strip())  # the segments from the k-th on
    return out


def same_title_but_site_name(expected: str, got: str | None) -> bool:
    """The two titles differ only by a site-name or section segment."""
    if not got:
        return False
    return norm_title(got) in title_segments(expected) or norm_title(expected) in title_segments(
        got
    )


_DEGREES = {"ma", "ms", "msc", "phd", "md", "mph", "mba", "rn", "jd"}


def byline_names(byline: str) -> list[str]:
    """The names in a byline string as readability records it: the lead word ("By",
    "Par", "Por"), parenthesised asides ("(avec ...)", a URL), and whatever follows a
    digit (dates, counts) are not part of a name; nor is an academic degree after a
    comma. A byline that is a date line names nobody (the page is then not scored)."""
    text = re.sub(r"^\s*(?:by|written by|posted by|par|por)\b[:\s]*", "", byline, flags=re.I)
    text = re.sub(r"\((?=[^)]*(?:(?<![\w'’-])[a-z]|/))[^)]*\)", " ", text)  # "(avec ...)"
    text = text.replace("(", " ").replace(")", " ")  # "Bruno (Henrique Zecchin) Rodrigues"
    if re.match(
        r"(?:last )?updated\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d",
        text.strip(),
        re.I,
    ):
        return []  # readability took a date line for the byline
    text = re.split(r"\s+[|•·]\s+|\s+-\s+|\n", text)[0]
    text = re.split(r"\d", text)[0]
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*|;\s*", text)
    names = [p.strip(" .") for p in parts if p.strip(" .")]
    return [n for n in names if n.lower().replace(".", "") not in _DEGREES]


def norm_name(name: str) -> str:
    name = re.sub(r"^\s*by\s+", "", name, flags=re.I)
    return " ".join(re.findall(r"[^\W\d_]+", name.casefold()))


@dataclass
class Tally:
    """Running figures for one extractor on one set."""

    body_p: list[float] = field(default_factory=list)
    body_r: list[float] = field(default_factory=list)
    title_ok: list[bool] = field(default_factory=list)
    title_site_ok: list[bool] = field(default_factory=list)
    author_hits: int = 0
    author_pred: int = 0
    author_true: int = 0
    date_ok: list[bool] = field(default_factory=list)
    language_ok: list[bool] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0
    misses: dict[str, list[str]] = field(default_factory=dict)

    def miss(self, what: str, page_id: str) -> None:
        self.misses.setdefault(what, []).append(page_id)

    def add(self, case: Case, got: Result) -> None:
        if case.body is not None:
            p, r = token_prf(case.body, got.body)
            self.body_p.append(p)
            self.body_r.append(r)
            if 2 * p * r / (p + r or 1) < 0.9:
                self.miss("body", case.id)
        if case.title:
            ok = norm_title(case.title) == norm_title(got.title)
            self.title_ok.append(ok)
            self.title_site_ok.append(ok or same_title_but_site_name(case.title, got.title))
            if not ok:
                self.miss("title", case.id)
        if case.authors or "authors" in case.audited_empty:
            want = {norm_name(n) for n in case.authors} - {""}
            pred = {norm_name(n) for n in got.authors} - {""}
            self.author_true += len(want)
            self.author_pred += len(pred)
            self.author_hits += len(want & pred)
            if want != pred:
                self.miss("authors", case.id)
        if case.date or "date" in case.audited_empty:
            ok = (got.date or "")[:10] == (case.date or "")[:10]
            self.date_ok.append(ok)
            if not ok:
                self.miss("date", case.id)
        if case.language and got.detects_language:
            ok = got.language == case.language
            self.language_ok.append(ok)
            if not ok:
                self.miss("language", case.id)

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"pages": self.pages}
        if self.body_p:
            p = sum(self.body_p) / len(self.body_p)
            r = sum(self.body_r) / len(self.body_r)
            out["body"] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r or 1)}
        if self.title_ok:
            out["title"] = sum(self.title_ok) / len(self.title_ok)
            out["title, site name aside"] = sum(self.title_site_ok) / len(self.title_site_ok)
        if self.author_true:
            out["authors"] = {
                "precision": self.author_hits / self.author_pred if self.author_pred else 0.0,
                "recall": self.author_hits / self.author_true,
            }
        if self.date_ok:
            out["date"] = sum(self.date_ok) / len(self.date_ok)
        if self.language_ok:
            out["language"] = sum(self.language_ok) / len(self.language_ok)
        out["pages_per_second"] = self.pages / self.seconds if self.seconds else None
        out["misses"] = self.misses
        return out


def evaluate(
    data: Path,
    sets: list[str],
    limit: int | None,
    extractors: list[str],
    split: str | None = None,
    audit: Path | None = None,
    strict: bool = False,
) -> dict[str, Any]:
    """The figures of ``extractors`` on ``sets``; with ``audit``, against the ground truth
    as that file corrects it (``strict``: leaving its "convention" entries aside)."""
    results: dict[str, Any] = {"sets": {}, "throughput": {}}
    corrections = load_audit(audit) if audit else {}
    totals = {name: [0, 0.0] for name in extractors}
    for set_name in sets:
        cases = [c for c in LOADERS[set_name](data) if split in (None, half(set_name, c.id))]
        cases = [audited(set_name, c, corrections, strict) for c in cases[:limit]]
        tallies = {name: Tally() for name in extractors}
        for case in cases:
            for name in extractors:
                start = time.process_time()
                got = EXTRACTORS[name](case.html, case.url)
                elapsed = time.process_time() - start
                tally = tallies[name]
                tally.seconds += elapsed
                tally.pages += 1
                tally.add(case, got)
        results["sets"][set_name] = {name: t.figures() for name, t in tallies.items()}
        for name, tally in tallies.items():
            totals[name][0] += tally.pages
            totals[name][1] += tally.seconds
    for name, (pages, seconds) in totals.items():
        results["throughput"][name] = {
            "pages": pages,
            "cpu_seconds": seconds,
            "pages_per_second": pages / seconds if seconds else None,
        }
    return results


# -- output ------------------------------------------------------------------------------


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(results: dict[str, Any], extractors: list[str], failures: bool) -> str:
    rows: list[tuple[str, str, list[str]]] = []
    for set_name, per in results["sets"].items():
        first = per[extractors[0]]
        rows.append((set_name, "pages", [_fmt(per[e]["pages"]) for e in extractors]))
        if "body" in first:
            for key in ("precision", "recall", "f1"):
                rows.append(
                    (set_name, f"body {key}", [_fmt(per[e]["body"][key]) for e in extractors])
                )
        if "title" in first:
            rows.append((set_name, "title", [_fmt(per[e]["title"]) for e in extractors]))
            rows.append(
                (
                    set_name,
                    "title, site name aside",
                    [_fmt(per[e]["title, site name aside"]) for e in extractors],
                )
            )
        if "authors" in first:
            for key in ("precision", "recall"):
                rows.append(
                    (
                        set_name,
                        f"authors {key}",
                        [_fmt(per[e]["authors"][key]) for e in extractors],
                    )
                )
        if "date" in first:
            rows.append((set_name, "date", [_fmt(per[e]["date"]) for e in extractors]))
        if "language" in first:
            rows.append((set_name, "language", [_fmt(per[e].get("language")) for e in extractors]))
    rows.append(
        (
            "all",
            "pages/s (1 core)",
            [_fmt(results["throughput"][e]["pages_per_second"], 1) for e in extractors],
        )
    )
    head = ("set", "figure", extractors)
    widths = [
        max(len(head[0]), *(len(r[0]) for r in rows)),
        max(len(head[1]), *(len(r[1]) for r in rows)),
    ]
    col = max(12, *(len(e) + 2 for e in extractors))
    lines = [
        f"{head[0]:<{widths[0]}}  {head[1]:<{widths[1]}}"
        + "".join(f"{e:>{col}}" for e in extractors)
    ]
    lines.append("-" * len(lines[0]))
    for set_name, figure, values in rows:
        lines.append(
            f"{set_name:<{widths[0]}}  {figure:<{widths[1]}}"
            + "".join(f"{v:>{col}}" for v in values)
        )
    if failures:
        for set_name, per in results["sets"].items():
            for what, ids in per[extractors[0]]["misses"].items():
                lines.append(
                    f"{extractors[0]} misses {set_name} {what} ({len(ids)}): {' '.join(ids)}"
                )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--set", dest="sets", action="append", choices=SETS, help="repeatable")
    parser.add_argument("--limit", type=int, help="pages per set (default: all)")
    parser.add_argument("--only", choices=sorted(EXTRACTORS), help="run one extractor")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--failures", action="store_true", help="list the pages ours misses")
    parser.add_argument(
        "--split", choices=SPLITS, help="one half of every set (default: every page)"
    )
    parser.add_argument(
        "--audit",
        type=Path,
        nargs="?",
        const=DEFAULT_AUDIT,
        help="score against the corrected ground truth (default file: %(const)s)",
    )
    parser.add_argument(
        "--audit-strict",
        action="store_true",
        help="with --audit: correct only where the truth contradicts the page",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no evaluation data at {args.data}: pass --data DIR", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    extractors = [args.only] if args.only else list(EXTRACTORS)
    results = evaluate(
        args.data,
        args.sets or list(SETS),
        args.limit,
        extractors,
        args.split,
        args.audit or (DEFAULT_AUDIT if args.audit_strict else None),
        args.audit_strict,
    )
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        if args.audit or args.audit_strict:
            kind = "where it contradicts the page" if args.audit_strict else "page by page"
            print(f"against the ground truth corrected {kind} ({args.audit or DEFAULT_AUDIT})")
        print(table(results, extractors, args.failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
