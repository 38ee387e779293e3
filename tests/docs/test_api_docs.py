"""The Python API page is generated from the docstrings, so the public classes and the
methods of ``Corpus`` must have them."""

from __future__ import annotations

import inspect

import corpus_search


def test_every_public_class_and_corpus_method_has_a_docstring() -> None:
    missing = []
    for name in corpus_search.__all__:
        obj = getattr(corpus_search, name)
        # a dataclass without a docstring gets "Name(field, ...)" from dataclasses
        doc = (obj.__doc__ or "").strip() if inspect.isclass(obj) else "n/a"
        if not doc or doc.startswith(f"{name}("):
            missing.append(name)
    for name, value in vars(corpus_search.Corpus).items():
        if name.startswith("_"):
            continue
        function = value.fget if isinstance(value, property) else getattr(value, "__func__", value)
        if callable(function) and not (function.__doc__ or "").strip():
            missing.append(f"Corpus.{name}")
    assert not missing, f"no docstring (the API page would be empty there): {missing}"
