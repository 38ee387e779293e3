"""``corpus-search sites``"""

from __future__ import annotations

import sys
from typing import Any

import click

from corpus_search.cli.complete import complete_site
from corpus_search.cli.options import console, output_options


def _row(profile: Any) -> dict[str, Any]:
    return {
        "name": profile.name,
        "title": profile.title,
        "hosts": list(profile.hosts),
        "discovery": [
            {"kind": s.kind, "url": s.url, "evidence": s.evidence} for s in profile.discovery
        ],
        "articles": list(profile.articles),
        "delay": profile.delay,
        "evidence": profile.evidence_level,
        "verified": profile.verified,
        "known": profile.known,
        "origin": profile.origin,
    }


@click.command()
@click.argument("names", nargs=-1, shell_complete=complete_site)
@output_options(formats=("table", "json", "jsonl"))
def sites(names: tuple[str, ...], fmt: str) -> int:
    """The site profiles that ship (and yours, from $CORPUS_SEARCH_SITES), each with how
    its articles are discovered and what is actually known about it. Name profiles to
    see only those."""
    from corpus_search.sites import get_profile, load_profiles

    profiles = [get_profile(n) for n in names] if names else list(load_profiles().values())
    rows = [_row(p) for p in profiles]
    if fmt == "json":
        from corpus_search.render.machine import write_json

        write_json({"schema_version": 1, "sites": rows}, sys.stdout)
    elif fmt == "jsonl":
        from corpus_search.render.machine import write_jsonl

        write_jsonl(rows, sys.stdout)
    else:
        from rich.table import Table

        table = Table(show_lines=True)
        table.add_column("name", style="bold")
        table.add_column("discovery (in order of preference)", overflow="fold")
        table.add_column("what is known")
        for row in rows:
            discovery = "\n".join(f"{d['kind']}: {d['url']}" for d in row["discovery"])
            colour = "yellow" if row["evidence"] == "inferred" else "green"
            known = f"[{colour}]{row['evidence']}[/]: {row['known']}"
            table.add_row(f"{row['name']}\n[dim]{row['title']}[/]", discovery, known)
        console().print(table)
    return 0 if rows else 1
