"""The tree-to-SQL compiler on hand-built trees (no server: the analysis is given)."""

from __future__ import annotations

import pytest

from corpus_search.store import tree as t
from corpus_search.store.postgres.compile import (
    Compiler,
    lexemes,
    quote_lexeme,
    text_words,
    with_weight,
)

# what the server's phraseto_tsquery('english', ...) answers for these words
ANALYZED = {
    "sanctions": "'sanction'",
    "nuclear": "'nuclear'",
    "deterrence": "'deterr'",
    "the": "",
    "nuclear deterrence": "'nuclear' <-> 'deterr'",
    "state of the art": "'state' <3> 'art'",
    "state": "'state'",
    "art": "'art'",
    "of": "",
}


def compiled(node: t.Node, fuzzy: list[str] | None = None):  # type: ignore[no-untyped-def]
    return Compiler(ANALYZED, lambda node: list(fuzzy or [])).compile(node)


def test_a_word_is_one_tsquery_parameter() -> None:
    result = compiled(t.Term("sanctions"))
    assert result.where == "d.tsv @@ %s::tsquery" and result.params == ("'sanction'",)
    assert result.rank == "( 'sanction' )"


def test_field_restricts_to_its_weight() -> None:
    assert compiled(t.Term("sanctions", "title")).params == ("'sanction':A",)
    assert compiled(t.Term("sanctions", "subtitle")).params == ("'sanction':B",)
    assert compiled(t.Term("sanctions", "body")).params == ("'sanction':D",)
    assert compiled(t.Prefix("nucl", "title")).params == ("'nucl':*A",)


def test_text_nodes_merge_into_one_tsquery() -> None:
    node = t.And(
        (
            t.Term("nuclear"),
            t.Or((t.Term("sanctions"), t.Prefix("deter"))),
            t.Not(t.Term("deterrence")),
        )
    )
    result = compiled(node)
    assert result.where == "d.tsv @@ %s::tsquery"
    (query,) = result.params
    assert query == "( 'nuclear' ) & ( ( 'sanction' ) | ( 'deter':* ) ) & ( !( 'deterr' ) )"
    # the negated word does not rank
    assert "deterr'" not in (result.rank or "")


def test_stop_words_are_dropped_like_whoosh_drops_its_own() -> None:
    assert compiled(t.And((t.Term("the"), t.Term("nuclear")))).params == ("'nuclear'",)
    only = compiled(t.Term("the"))
    assert only.where == "FALSE"  # a query of stop words alone finds nothing


def test_filters_are_column_predicates_with_parameters() -> None:
    node = t.And(
        (
            t.Values("actor", ("China", "Russia")),
            t.Values("source", ("Alpha",)),
            t.Dates(20240101, None),
            t.Mentioned((1979,)),
        )
    )
    result = compiled(node)
    assert result.where == (
        "(d.actors && %s::text[]) AND (d.source = ANY(%s::text[])) AND "
        "(d.pub_start >= %s) AND (d.mentioned && %s::integer[])"
    )
    assert result.params == (["China", "Russia"], ["Alpha"], 20240101, [1979])
    assert result.rank is None


def test_unknown_value_matches_nothing_and_nothing_wins_an_and() -> None:
    assert compiled(t.Values("actor", ())).where == "FALSE"
    assert compiled(t.And((t.Term("nuclear"), t.Values("theme", ())))).where == "FALSE"
    assert compiled(t.Or((t.Term("nuclear"), t.Values("theme", ())))).params == ("'nuclear'",)
    assert compiled(t.Every()).where == "TRUE"
    assert compiled(t.Nothing()).where == "FALSE"
    assert compiled(t.Not(t.Nothing())).where == "TRUE"


def test_text_and_filters_mix() -> None:
    node = t.Or((t.Term("nuclear"), t.Not(t.Values("key_actor", ("Iran",)))))
    result = compiled(node)
    assert result.where == "(d.tsv @@ %s::tsquery) OR (NOT (d.key_actors && %s::text[]))"
    assert result.params == ("'nuclear'", ["Iran"])


def test_phrase_stays_in_one_field() -> None:
    (query,) = compiled(t.Phrase(("nuclear", "deterrence"))).params
    assert query == (
        "( 'nuclear':A <-> 'deterr':A ) | ( 'nuclear':B <-> 'deterr':B ) | "
        "( 'nuclear':D <-> 'deterr':D )"
    )
    (titled,) = compiled(t.Phrase(("nuclear", "deterrence"), field="title")).params
    assert titled == "'nuclear':A <-> 'deterr':A"


def test_phrase_keeps_stop_word_gaps() -> None:
    (query,) = compiled(t.Phrase(("state", "of", "the", "art"), field="body")).params
    assert query == "'state':D <3> 'art':D"


def test_proximity_is_either_order_within_n() -> None:
    (query,) = compiled(t.Phrase(("nuclear", "deterrence"), slop=2, field="body")).params
    assert query == (
        "( ( ( 'nuclear':D ) <1> ( 'deterr':D ) | ( 'deterr':D ) <1> ( 'nuclear':D ) | "
        "( 'nuclear':D ) <2> ( 'deterr':D ) | ( 'deterr':D ) <2> ( 'nuclear':D ) ) )"
    )


def test_fuzzy_expands_to_the_vocabulary_words() -> None:
    assert compiled(t.Fuzzy("sanctons"), ["sanction", "sanctum"]).params == (
        "'sanction' | 'sanctum'",
    )
    assert compiled(t.Fuzzy("zzzz"), []).where == "FALSE"


def test_quoting_cannot_escape_the_lexeme() -> None:
    hostile = "x' | 'y\\"
    assert quote_lexeme(hostile) == "'x'' | ''y\\\\'"
    assert lexemes(quote_lexeme(hostile) + ":*") == [hostile + "*"]
    prefix = compiled(t.Prefix("o'brien")).params[0]
    assert prefix == "'o''brien':*"


def test_text_words_lists_what_the_server_must_analyse() -> None:
    node = t.And((t.Term("nuclear"), t.Phrase(("state", "art")), t.Not(t.Term("the"))))
    assert text_words(node) == ["nuclear", "state art", "state", "art", "the"]


def test_with_weight_rewrites_server_output() -> None:
    assert with_weight("'a' <-> 'b':*", "title") == "'a':A <-> 'b':*A"
    assert with_weight("'a'", None) == "'a'"


def test_not_a_node_is_an_error() -> None:
    with pytest.raises(TypeError):
        compiled("nuclear")  # type: ignore[arg-type]
