"""How many themes (and actors of each kind) the tagger gives a document, on the demo
corpus and on every real think-tank page in ../shared/data/thinktanks.

    python bench/themes_per_document.py          # a table
    python bench/themes_per_document.py --json

The demo corpus is built in a temporary folder and each article page is extracted and
enriched as ingest would; the real pages are read at run time (skipped, with the reason,
when absent), each with the publisher a crawl would record.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THINKTANKS = ROOT.parent / "shared" / "data" / "thinktanks"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from corpus_search.demo.site import build_site
    from corpus_search.document import Document
    from corpus_search.enrich import Enricher
    from corpus_search.enrich.evaluate import REAL_FOLDERS_SOURCE, distribution
    from corpus_search.extract.html import extract_html

    enricher = Enricher.load()
    corpora: dict[str, list[Document]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pages = [p for p in build_site(tmp) if p.suffix == ".html"]
        docs = [extract_html(p.read_text("utf-8"), url=p.as_uri()) for p in pages]
        corpora["demo"] = [d for d in docs if d.title and len(d.body.split()) > 150]
    if THINKTANKS.is_dir():
        real = []
        for folder, source in REAL_FOLDERS_SOURCE.items():
            for path in sorted((THINKTANKS / folder).glob("*.html")):
                doc = extract_html(path.read_text("utf-8", errors="replace"))
                if doc.body.strip():
                    doc.source = source
                    real.append(doc)
        corpora["real pages"] = real
    else:
        print(f"note: no real pages at {THINKTANKS}; demo only", file=sys.stderr)
    figures: dict[str, dict[str, object]] = {}
    for name, docs in corpora.items():
        tagged = [enricher.enrich(d) for d in docs]
        figures[name] = {
            "documents": len(tagged),
            "themes": distribution([len(d.themes) for d in tagged]),
            "key themes": distribution(
                [sum(getattr(t, "key", False) for t in d.themes) for d in tagged]
            ),
            "actors": distribution([len(d.actors) for d in tagged]),
            "unknown actors": distribution(
                [sum(not getattr(m, "known", True) for m in d.actors) for d in tagged]
            ),
        }
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        print()
        return 0
    for name, figure in figures.items():
        print(f"{name}: {figure['documents']} documents")
        for kind in ("themes", "key themes", "actors", "unknown actors"):
            spread = figure[kind]
            assert isinstance(spread, dict)
            print(
                f"  {kind:15} mean {spread['mean']:5} median {spread['median']:3} "
                f"max {spread.get('max', 0):3}  histogram {spread['histogram']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
