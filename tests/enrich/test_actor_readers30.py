"""Edges of stop 39's fourth round (errors read on real-fresh83 and -90 to -93, tested on
real-fresh94 to -97): the open data's heads of state and government by title and
surname, and names in the plain letters English texts write them in. Every sentence here
is written for these tests; the people are real."""

from __future__ import annotations

from tests.enrich.sentences import actors


def test_an_open_data_head_by_title_and_surname() -> None:
    found = actors("In Haiti, President Martelly named a lawyer to oversee the elections.")
    assert "Michel Martelly" in found
    found = actors("Mongolia's President Battulga was inaugurated in Ulaanbaatar.")
    assert "Khaltmaagiin Battulga" in found


def test_a_title_and_surname_a_curated_leader_holds_stay_the_leaders() -> None:
    found = actors("In Caracas, President Maduro spoke of the elections.")
    assert "Nicolás Maduro" in found and "Ricardo Maduro" not in found
    # a given name many people carry is no one's surname alone
    found = actors("In Sanaa, President Ali spoke of the war.")
    assert "Zine El Abidine Ben Ali" not in found


def test_names_in_plain_letters() -> None:
    found = actors("Iceland's Prime Minister Johanna Sigurdardottir led a coalition.")
    assert "Jóhanna Sigurðardóttir" in found
