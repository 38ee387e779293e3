"""Which language a text is written in, from the text itself.

Pages often declare a language their template fixes (``<html lang="en">`` on every page
of a site that also publishes in French), so the extractors ask the text: py3langid, a
small n-gram classifier (97 languages, model shipped inside the package, no download).
A text too short to judge keeps what the page declares.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

MIN_LETTERS = 40  # below this the classifier guesses; keep the declared language
SAMPLE_CHARS = 3000  # the opening of a text is as good as all of it, and much faster


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, declared: str | None = None) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``declared`` (normalised to its
    primary subtag: "en-GB" → "en") when the text is too short to tell."""
    fallback = primary_subtag(declared)
    sample = text[:SAMPLE_CHARS]
    if len(re.findall(r"[^\W\d_]", sample)) < MIN_LETTERS:
        return fallback
    code, probability = _identifier().classify(sample)
    if code == "und" or (probability < 0.5 and fallback):
        return fallback
    return str(code)


def primary_subtag(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None
