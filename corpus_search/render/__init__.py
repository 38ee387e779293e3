"""Rendering: results to the terminal (rich tables) or to machines (JSON, JSONL, CSV).

One function per format; ``FORMATS`` is what ``--format`` accepts. rich is imported
only inside the table renderers, so JSON output never pays for it.
"""

from __future__ import annotations

FORMATS = ("table", "json", "jsonl", "csv")
