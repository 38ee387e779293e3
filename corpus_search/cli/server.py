"""``corpus-search init`` and ``corpus-search migrate``: set up a server corpus."""

from __future__ import annotations

import click

from corpus_search.cli.options import console


def _address(ctx: click.Context, address: str | None) -> str:
    from corpus_search.errors import InputError
    from corpus_search.store import is_server_address
    from corpus_search.store.postgres.address import describe

    chosen = address or str(ctx.find_root().obj or "")
    if not is_server_address(chosen):
        raise InputError(
            f"{describe(chosen)!r} is not a server address",
            "give postgresql://USER@HOST:PORT/DATABASE (a folder needs no init: ingest creates it)",
        )
    return chosen


TEXT_INDEX = click.option(
    "--text-index",
    type=click.Choice(["auto", "gin", "rum"]),
    default="auto",
    show_default=True,
    help="The full-text index: RUM ranks from the index (fast top results for common "
    "words; needs the rum extension), GIN is standard. auto: RUM when installed. "
    "Naming one rebuilds an existing index of the other kind.",
)


@click.command()
@click.argument("address", required=False)
@TEXT_INDEX
@click.pass_context
def init(ctx: click.Context, address: str | None, text_index: str) -> int:
    """Create the corpus schema on a PostgreSQL server, or migrate an older one, and check
    the extensions it needs. ADDRESS defaults to --index. Run it as the database owner."""
    from corpus_search.store import init_store

    out = console()
    for line in init_store(_address(ctx, address), text_index):
        out.print(line, markup=False)
    return 0


@click.command()
@click.argument("address", required=False)
@click.pass_context
def migrate(ctx: click.Context, address: str | None) -> int:
    """Bring an older corpus schema on a server up to this program's version, keeping every
    document (the same as init on an existing corpus). ADDRESS defaults to --index."""
    from corpus_search.store import init_store

    out = console()
    for line in init_store(_address(ctx, address)):
        out.print(line, markup=False)
    return 0
