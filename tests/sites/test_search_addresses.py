"""A search's address, told from query strings that only look like one: a share link's
code ("?s=08", which a social platform appends), Drupal's path of a node ("?q=node/3130")
and a web proxy's encoded address ("?q=aHR0cHM6..."). The prose is written for these
tests."""

from __future__ import annotations

import pytest

from corpus_search.sites.pages import inspect_text

# An article known only by its text, as a search engine's stored copy keeps it.
ESSAY = "\n\n".join(
    [
        "Why the river treaty keeps failing",
        "The two governments signed the river treaty in the spring, and by the autumn "
        "both had accused the other of breaking it. The quarrel is older than the treaty: "
        "the upstream state builds dams to light its cities, and the downstream state "
        "farms the delta that the water feeds.",
        "Negotiators tried to settle the matter with numbers, a fixed share of the flow "
        "for each side in each season. But the numbers assumed a river that no longer "
        "exists. Rains have become less regular, and in a dry year a fixed share of a "
        "small flow leaves the delta short whatever the treaty says.",
        "A better agreement would share the risk rather than the water. It would set out "
        "what each side does when the flow falls below a line both accept, who measures "
        "it, and how quickly a dispute goes to a panel that neither government controls.",
        "None of this is easy, and neither capital wants to look weak at home. Yet the "
        "alternative is a cycle of accusations every dry season, with the farmers of the "
        "delta paying for it.",
    ]
)


@pytest.mark.parametrize(
    "query",
    [
        "s=08",
        "format=amp&s=03",
        "q=node/3130",
        "q=node%2F3130",
        "q=aHR0cHM6Ly9leGFtcGxlLm9yZy9h",
    ],
)
def test_a_query_that_is_no_search_leaves_the_article(query: str) -> None:
    info = inspect_text(ESSAY, f"https://example.org/analysis/river-treaty-keeps-failing?{query}")
    assert info.is_article, info


@pytest.mark.parametrize("query", ["s=sanctions", "q=foreign+policy", "s=2024+election"])
def test_a_search_address_is_still_a_search(query: str) -> None:
    info = inspect_text(ESSAY, f"https://example.org/?{query}")
    assert not info.is_article, info
