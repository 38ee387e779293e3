"""Imported once, in the forkserver the workers are forked from (see ``pipeline``): it
ignores Ctrl-C (the forkserver passes that on to every worker it forks: the parent stops
them) and loads what every worker needs, so that each starts warm."""

from __future__ import annotations

import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)

try:
    from corpus_search.pipeline import warm_up

    warm_up()
except Exception:  # a worker that starts cold loads what it needs itself
    pass
