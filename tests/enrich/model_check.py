"""The slow check shared by the learned models' tests: the shipped file is what the fit
tool gives on the labelled texts at hand (skipped where they are not cached)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tools.tagger_fit import CACHE

ROOT = Path(__file__).resolve().parents[2]


def assert_shipped_is_fitted(tool: str) -> None:
    """Run ``python -m <tool> --check``; it exits 1 when the shipped file differs."""
    if not CACHE.is_dir():
        pytest.skip(f"the labelled texts are not cached at {CACHE}")
    done = subprocess.run(
        [sys.executable, "-m", tool, "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
