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

import re
from collections.abc import Callable, Iterable
from typing import Any

import click
from click.shell_completion import BashComplete, CompletionItem, add_completion_class

# Characters bash would read as syntax in an inserted word ("China|Taiwan" is a pipe,
# "Côte d'Ivoire" opens a quote, a space ends the word): each gets a backslash.
_BASH_SPECIAL = re.compile(r"""([\s'"\\|&;()<>$`!*?\[\]{}#~])""")


class _Bash(BashComplete):
    """bash as click does it, except that a candidate reaches the command line exactly
    as printed (click's own script reads it with a ``read`` that drops backslashes), and
    is printed with bash's special characters escaped, so a name with spaces or a
    "China|Taiwan" stays one word."""

    source_template = r"""
%(complete_func)s() {
    local line
    COMPREPLY=()
    while IFS= read -r line; do
        case ${line%%%%,*} in
            plain) COMPREPLY+=("${line#*,}") ;;
            dir) compopt -o dirnames ;;
            file) compopt -o default ;;
        esac
    done < <(COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \
             %(complete_var)s=bash_complete "$1")
    return 0
}
complete -o nosort -F %(complete_func)s %(prog_name)s
"""

    def format_completion(self, item: CompletionItem) -> str:
        value = _BASH_SPECIAL.sub(r"\\\1", item.value) if item.type == "plain" else item.value
        return f"{item.type},{value}"


add_completion_class(_Bash)


def _corpus(ctx: click.Context) -> Any:
    """The corpus the command line names with --index (or its default), opened without
    creating anything."""
    from corpus_search.corpus import Corpus

    return Corpus.open(ctx.find_root().params.get("index_dir") or None)


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
    return [CompletionItem(head + n) for n in found]


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
