"""The publisher's furniture, staff lines, tag lines and headlines, names across line
breaks, and forces named in lower case: the organisation and person errors read, by kind,
on the real splits (fresh to fresh5) on 2026-12-04, each with original sentences written
for this test."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer

BROOKINGS = "Brookings Institution"
BODY = "\nA paragraph about ports and shipping lanes follows the title here."


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def names(gazetteer: Gazetteer, text: str, publisher: str | None = None, head: int = 0) -> set:
    return {m.name for m in gazetteer.tag(text, publisher=publisher, head_chars=head)}


@pytest.mark.parametrize(
    "title",
    [
        "How Ports Change Trade | Brookings Institution",  # the site's name as a segment
        "Brookings - The Brookings Institution - Research for Better Policy",
        "The Brookings Papers on Trade, Spring Issue",  # its own publication
        "Brookings's Decade: Notes on Ten Years of Port Studies",  # its own, possessive
        "Published weekly by the Brookings Institution",  # a credit
    ],
)
def test_the_publisher_in_its_title_furniture_is_not_an_actor(
    gazetteer: Gazetteer, title: str
) -> None:
    text = title + BODY
    assert BROOKINGS not in names(gazetteer, text, BROOKINGS, len(title) + 1)


def test_the_publisher_named_as_an_actor_in_its_title_still_counts(gazetteer: Gazetteer) -> None:
    title = "Why the Brookings Institution left the coalition"
    assert BROOKINGS in names(gazetteer, title + BODY, BROOKINGS, len(title) + 1)
    # Another publisher's title segment is not furniture for this one.
    other = "How Ports Change Trade | Brookings Institution"
    assert BROOKINGS in names(gazetteer, other + BODY, "RAND Corporation", len(other) + 1)


def test_a_line_of_topic_tags_names_no_body(gazetteer: Gazetteer) -> None:
    tags = "Africa Energy & Climate Mining Council Human Rights Security & Defense"
    assert names(gazetteer, tags + "\nA short note.") == set()
    prose = "The Mining Council of Ruritania lobbied hard against the tax."
    assert "Mining Council of Ruritania" in names(gazetteer, tags + "\n" + prose)


def test_a_headline_in_title_case_names_no_unknown_body(gazetteer: Gazetteer) -> None:
    title = "Renewing the Harbour Alliance: Ten Years of Work on Ports"
    assert "Harbour Alliance" not in names(gazetteer, title + "\nThe text says little.")
    body = "\nThe Harbour Alliance met in May to plan its work."
    assert "Harbour Alliance" in names(gazetteer, title + body)


def test_a_staff_line_names_affiliations(gazetteer: Gazetteer) -> None:
    line = (
        "Jane Roe, Co-Director of the Ruritania Trade Council and Senior Fellow at the "
        "Lakeside Policy Institute"
    )
    found = names(gazetteer, line + "\nShe spoke first.")
    assert "Ruritania Trade Council" not in found and "Lakeside Policy Institute" not in found
    assert not any("Senior Fellow" in name for name in found)  # two posts, not one body
    prose = (
        "The Ruritania Trade Council sued the ministry, and the Lakeside Policy Institute joined."
    )
    assert {"Ruritania Trade Council", "Lakeside Policy Institute"} <= names(gazetteer, prose)


def test_a_body_before_a_staff_title_and_a_name_is_an_affiliation(gazetteer: Gazetteer) -> None:
    staff = "Lakeside Center Senior Fellow Jane Roe argues that ports matter."
    assert "Lakeside Center" not in names(gazetteer, staff)
    assert "Lakeside Center" in names(gazetteer, "In March the Lakeside Center filed a brief.")


def test_our_unit_is_the_writers_own(gazetteer: Gazetteer) -> None:
    ours = "Last year we launched our Young Diplomats Network in six countries."
    assert "Young Diplomats Network" not in names(gazetteer, ours)
    theirs = "Last year they launched the Young Diplomats Network in six countries."
    assert "Young Diplomats Network" in names(gazetteer, theirs)


WRAPPED = """Most of the harbour towns along the coast have been
arguing for years that the new levy would hurt them, and
their case was put most forcefully by the Coastal Ports
Association, which represents forty of the smaller towns
and has lobbied ministers since the levy was first floated."""


@pytest.mark.parametrize("text", [WRAPPED, WRAPPED.replace("\n", "\n\n")])
def test_a_name_broken_by_a_hard_wrapped_line_is_one_name(gazetteer: Gazetteer, text: str) -> None:
    assert "Coastal Ports Association" in names(gazetteer, text)


def test_a_single_broken_line_in_prose_is_still_a_break(gazetteer: Gazetteer) -> None:
    text = (
        "Short reply\nMost of the harbour towns along the coast have argued this.\n"
        "The Coastal Ports\nAssociation, which represents forty towns, agreed on the levy."
    )
    assert "Coastal Ports Association" not in names(gazetteer, text)


def test_a_name_on_its_own_line_ends_there(gazetteer: Gazetteer) -> None:
    text = (
        "Remarks on harbour policy - Dame Carol Hughes\nCommentary, 3 May 2011\n"
        "Dame Carol Hughes\nSecurity Adviser, Cabinet Office\nThe text of the talk follows."
    )
    people = {m.name for m in gazetteer.tag(text) if m.type == "person"}
    assert people == {"Carol Hughes"}


def test_a_states_forces_in_lower_case(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, "Ankara said the Turkish armed forces crossed the border at dawn.")
    assert "Turkish Armed Forces" in found
    found = names(gazetteer, "The armed forces of both states were on alert all week.")
    assert not any("Armed Forces" in name for name in found)


def test_the_state_department_of_a_us_state_is_not_the_federal_one(gazetteer: Gazetteer) -> None:
    state = "The governor asked the state Department of Education to list its staff."
    assert "US Department of Education" not in names(gazetteer, state)
    federal = "The Department of Education sent every district a letter."
    assert "US Department of Education" in names(gazetteer, federal)


def test_a_given_name_spelled_another_way_is_the_same_person(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, "Kyiv mourned after former President Victor Yanukovych fled.")
    assert "Viktor Yanukovych" in found
    assert "Tony Blair" not in names(gazetteer, "The singer Bruce Blair toured London.")


def test_a_plural_title_names_each_person(gazetteer: Gazetteer) -> None:
    found = {
        m.name: m.count
        for m in gazetteer.tag("When Presidents Tusk and Macron meet, trade will top the list.")
    }
    assert found.get("Donald Tusk") == 1 and found.get("Emmanuel Macron") == 1
    assert names(gazetteer, "Presidents Day falls on a Monday this year.") == set()


def test_a_persons_name_that_names_a_programme_is_not_the_person(gazetteer: Gazetteer) -> None:
    programme = "She directs the James Madison Program in civic studies at a college."
    assert "James Madison" not in names(gazetteer, programme)
    assert "James Madison" in names(gazetteer, "James Madison drafted the first plan.")


def test_a_name_ending_after_a_hyphen_in_lower_case(gazetteer: Gazetteer) -> None:
    text = "The party and its then-leader Huang Kuo-chang voted to lower the bar."
    people = {m.name for m in gazetteer.tag(text) if m.type == "person"}
    assert people == {"Huang Kuo-chang"}


def test_a_person_whose_name_is_also_a_blocked_place_form(gazetteer: Gazetteer) -> None:
    found = names(
        gazetteer, "As President George Washington wrote to his officers, peace was fragile."
    )
    assert "George Washington" in found and "United States" not in found
    assert names(gazetteer, "Students at George Washington University marched.") == set()


def test_a_chamber_heads_a_name(gazetteer: Gazetteer) -> None:
    assert "Chamber of Commerce" in names(gazetteer, "The Chamber of Commerce lobbied hard.")
    found = names(gazetteer, "The Ruritania Chamber of Commerce Foundation paid for it.")
    assert "Ruritania Chamber of Commerce Foundation" in found


def test_a_post_after_a_name_and_a_comma_cues_a_person(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, "When Tomas Velik, CEO of Lumen Forge, spoke, shares rose.")
    assert "Tomas Velik" in found
    assert names(gazetteer, "Tariffs, chair of the panel argued, hurt farmers.") == set()


def test_a_person_of_a_known_body(gazetteer: Gazetteer) -> None:
    text = "Orrin Velik of the New York Times chaired the panel in May."
    assert "Orrin Velik" in names(gazetteer, text)
    assert names(gazetteer, "The Bank of England raised its rate again.") == {"Bank of England"}
    staff = "Orrin Velik of the Brookings Institution chaired the panel."
    assert "Orrin Velik" not in names(gazetteer, staff, BROOKINGS)  # the publisher's staff
