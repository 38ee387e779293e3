"""Shell completion for bash, zsh and fish, through click's own machinery: click completes
commands, options and choices; the callbacks here add the names only the corpus and the
site profiles know (actors, themes, saved searches, sites).

Each callback reads the corpus cheaply (no gazetteer, no search) and never fails: on any
error it offers nothing, so a TAB never prints a traceback into the user's prompt.

    eval "$(_CORPUS_SEARCH_COMPLETE=bash_source corpus-search)"    # ~/.bashrc
    eval "$(_CORPUS_SEARCH_COMPLETE=zsh_source corpus-search)"     # ~/.zshrc
    _CORPUS_SEARCH_COMPLETE=fish_source corpus-search | source     # fish config
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click
from click.shell_completion import CompletionItem

COMPLETE_VAR = "_CORPUS_SEARCH_COMPLETE"


def _corpus(ctx: click.Context) -> Any:
    """The corpus the command line names with --index (or its default), opened without
    creating anything."""
    from corpus_search.corpus import Corpus, default_index_path

    index = ctx.find_root().params.get("index_dir")
    return Corpus.open(Path(index) if index else default_index_path())


def _matching(names: Iterable[str], incomplete: str) -> list[CompletionItem]:
    """Names starting with what was typed (any case); failing those, names with a word
    starting with it ("Putin" offers "Vladimir Putin"). With "A|B" filters, the part
    after the last "|" is completed."""
    head, _, typed = incomplete.rpartition("|")
    head = head + "|" if head else ""
    wanted = typed.casefold()
    names = list(dict.fromkeys(names))
    found = [n for n in names if n.casefold().startswith(wanted)]
    if not found and wanted:
        found = [n for n in names if any(w.startswith(wanted) for w in n.casefold().split())]
    # bash inserts a candidate as it is: escape its spaces so it stays one word.
    bash = os.environ.get(COMPLETE_VAR, "").startswith("bash")
    return [CompletionItem(head + (n.replace(" ", "\\ ") if bash else n)) for n in found]


def _never_failing(names: Callable[[click.Context], Iterable[str]]) -> Callable[..., Any]:
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> Any:
        try:
            return _matching(names(ctx), incomplete)
        except Exception:  # a missing or unreadable corpus, a bad --index: no candidates
            return []

    return complete


complete_actor = _never_failing(lambda ctx: _corpus(ctx).actor_names())
complete_theme = _never_failing(lambda ctx: _corpus(ctx).theme_ids())
complete_saved = _never_failing(lambda ctx: [s.name for s in _corpus(ctx).saved.list()])


def _site_names(ctx: click.Context) -> list[str]:
    from corpus_search.sites import load_profiles

    return sorted(load_profiles())


complete_site = _never_failing(_site_names)
