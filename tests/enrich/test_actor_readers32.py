"""Edges of stop 40's round (errors read on real-fresh60 to -101, tested on real-fresh102
to -105): the publisher in a repost's dateline or described as a report's source is page
furniture, and a think tank's unit publishes under its parent's name. Every sentence here
is written for these tests; the bodies are real."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def tagged(gazetteer: Gazetteer, text: str, publisher: str, head: str = "") -> set[str]:
    whole = f"{head}\n{text}" if head else text
    found = gazetteer.tag(whole, publisher=publisher, head_chars=len(head))
    return {m.name for m in found}


def test_a_dateline_with_the_publishers_name_is_furniture(gazetteer: Gazetteer) -> None:
    body = "Ports on the Baltic coast of Poland expect more trade after the new rail link opens."
    for head in (
        "date 2024-03-11 Chatham House",
        "Chatham House | 11 March 2024",
        "Published on 11 Mar 2024 - Chatham House",
    ):
        assert "Chatham House" not in tagged(gazetteer, body, "Chatham House", head), head
    # a title that names the publisher as a subject still tags it, with or without a date
    head = "Chatham House turns 100 and looks back at its members"
    assert "Chatham House" in tagged(gazetteer, body, "Chatham House", head)
    head = "2024: Chatham House turns 100 and looks back at its members"
    assert "Chatham House" in tagged(gazetteer, body, "Chatham House", head)


def test_the_publisher_described_as_the_source_is_furniture(gazetteer: Gazetteer) -> None:
    body = "Poland's ports expect more trade after the new rail link opens."
    head = "Ports and rails\nThis report from the UK think tank Chatham House looks at Poland."
    assert "Chatham House" not in tagged(gazetteer, body, "Chatham House", head)
    head = "Ports and rails\nA paper by the Atlantic Council on Poland's new rail link."
    assert "Atlantic Council" not in tagged(gazetteer, body, "Atlantic Council", head)
    # another think tank so described is a body the text names
    head = "Ports and rails\nThis report from the think tank Chatham House looks at Poland."
    assert "Chatham House" in tagged(gazetteer, body, "Atlantic Council", head)


def test_a_think_tanks_unit_publishes_under_its_parents_name(gazetteer: Gazetteer) -> None:
    text = (
        "Lebanon's banks are short of dollars. The Carnegie Endowment for International "
        "Peace is a global network of policy research centers."
    )
    for unit in ("Carnegie Middle East Center", "Carnegie India", "Carnegie Europe"):
        assert "Carnegie Endowment for International Peace" not in tagged(gazetteer, text, unit)
    text = "Lebanon's banks are short of dollars, and the RAND Corporation has studied why."
    assert "RAND Corporation" not in tagged(gazetteer, text, "RAND Europe")
    # a publisher that shares no think tank's first word changes nothing
    assert "RAND Corporation" in tagged(gazetteer, text, "Beirut Policy Review")
    text = "The Carnegie Endowment for International Peace hosted Lebanon's finance minister."
    assert "Carnegie Endowment for International Peace" in tagged(gazetteer, text, "Lowy Institute")
    # a university's unit too
    text = "Its fellows left the London School of Economics for Lebanon's central bank."
    assert "London School of Economics" not in tagged(gazetteer, text, "LSE IDEAS")
    assert "London School of Economics" in tagged(gazetteer, text, "Beirut Policy Review")
    # nor does a first word that many names begin with, or that names a place
    text = "The Middle East Institute and the European Council on Foreign Relations met."
    for outlet in ("Middle East Eye", "European Policy Centre"):
        found = tagged(gazetteer, text, outlet)
        assert {"Middle East Institute", "European Council on Foreign Relations"} <= found


def test_a_courtesy_title_or_a_role_ends_a_name(gazetteer: Gazetteer) -> None:
    """Round 35 (errors read on real-fresh99 and -105): in a run-on list of credits the
    next name's title ends a name ("Ms. Jane Roe Ms. Ada Vine"), and so does a role written
    after it ("Dr. Jane Roe Supervisor"); no name takes in the title or the role."""
    text = "Contributors Ms. Jane Roe Ms. Ada Vine Ms. Mary Oak (editor)"
    names = {m.name for m in gazetteer.tag(text) if m.type == "person"}
    assert {"Jane Roe", "Ada Vine", "Mary Oak"} <= names, names
    assert not any(name.endswith(" Ms") for name in names), names
    text = "Examining committee: Dr. Ada Vine Supervisor Dr. Mary Oak Examiner (2019)"
    names = {m.name for m in gazetteer.tag(text) if m.type == "person"}
    assert {"Ada Vine", "Mary Oak"} <= names, names
