"""The tree's node classes behave as frozen dataclasses do (they are built more cheaply,
see ``store/tree.py``)."""

from __future__ import annotations

import dataclasses

import pytest

from corpus_search.store import tree


@dataclasses.dataclass(frozen=True)
class Reference:
    word: str
    edits: int = 1
    keep: int = 0
    field: str | None = None


def test_nodes_construct_compare_hash_and_print_like_frozen_dataclasses() -> None:
    node = tree.Fuzzy("sanctoins", 2, field="title")
    same = Reference("sanctoins", 2, field="title")
    assert repr(node) == repr(same).replace("Reference", "Fuzzy")
    assert node == tree.Fuzzy(word="sanctoins", edits=2, keep=0, field="title")
    assert node != tree.Fuzzy("sanctoins", 1, field="title")
    assert hash(node) == hash(tree.Fuzzy("sanctoins", 2, 0, "title"))
    assert tree.And((tree.Term("a"),)) != tree.Or((tree.Term("a"),))  # kinds differ
    assert tree.Term("a") != tree.Prefix("a") and tree.Every() == tree.Every()
    assert len({tree.Term("a"), tree.Term("a"), tree.Term("a", "title")}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        node.word = "other"  # type: ignore[misc]
    for bad in ((), ("a", 1, 0, None, "extra")):
        with pytest.raises(TypeError):
            tree.Fuzzy(*bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tree.Term("a", word="b")  # type: ignore[misc]
    match node:
        case tree.Fuzzy(word, edits, keep, field):
            assert (word, edits, keep, field) == ("sanctoins", 2, 0, "title")
        case _:
            pytest.fail("no match")
