"""Which language a text is written in, from the text itself.

Pages often declare a language their template fixes (``<html lang="en">`` on every page
of a site that also publishes in French), so the extractors ask the text: py3langid, a
small n-gram classifier (97 languages, model shipped inside the package, no download).
A text too short to judge keeps what the page declares.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

MIN_LETTERS = 40  # below this the classifier guesses; keep the declared language
SAMPLE_CHARS = 3000  # the opening of a text is as good as all of it, and much faster


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's classifier, read from the cache (``corpus_search.cache``) when it
    holds it; None when its model cannot be loaded (then every text keeps its declared
    language)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from corpus_search import cache

    key = cache.key("language", [Path(MODEL_DIR) / MODEL_FILE])
    stored = cache.read("language", key)
    if isinstance(stored, LanguageIdentifier):
        return stored
    try:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        cache.write("language", key, identifier)  # unpacking its xz file took 0.35 s
        return identifier
    except OSError:
        # py3langid unpacks its model (68 MB) through a temporary file: with the disk
        # full, every page failed here, and a full disk was 'internal error' for each
        # page instead of the corpus's own clear error. Unpacked in memory instead.
        try:
            return _in_memory(LanguageIdentifier, MODEL_FILE)
        except Exception:
            return None


def _in_memory(cls: Any, model_file: str) -> Any:
    """The model loaded as py3langid's ``modelio.load_model`` does, without a file."""
    import io
    import lzma

    import numpy as np
    from py3langid import modelio
    from py3langid.langid import MODEL_DIR

    with lzma.open(MODEL_DIR / model_file) as source:
        unpacked = io.BytesIO(source.read())
    with np.load(unpacked, allow_pickle=False) as data:
        nextmove = modelio._to_array(data["nextmove"])
        row = modelio._to_array(data["nextmove_row"])
        return cls(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            nextmove,
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=row,
        )


def detect_language(text: str, declared: str | None = None) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``declared`` (normalised to its
    primary subtag: "en-GB" → "en") when the text is too short to tell."""
    fallback = primary_subtag(declared)
    sample = text[:SAMPLE_CHARS]
    if len(re.findall(r"[^\W\d_]", sample)) < MIN_LETTERS:
        return fallback
    identifier = _identifier()
    if identifier is None:
        return fallback
    code, probability = identifier.classify(sample)
    if code == "und" or (probability < 0.5 and fallback):
        return fallback
    return str(code)


def primary_subtag(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None
