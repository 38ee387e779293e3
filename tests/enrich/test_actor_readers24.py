"""Person-name edges of stop 37's round (errors read on real-fresh54 to -61): honours after
a name, a caption's or an editor's word after it, and a month and year after a two-word
name. Every sentence here is written for these tests."""

from __future__ import annotations

from tests.enrich.sentences import actors


def test_honours_after_a_name_are_not_part_of_it() -> None:
    found = actors("The mayor spoke with Dr. Jane Roe AM, the director of the harbour board.")
    assert "Jane Roe" in found and "Jane Roe AM" not in found
    found = actors("The mayor spoke with Dr. Tom Reid AO, the director of the harbour board.")
    assert "Tom Reid" in found and "Tom Reid AO" not in found


def test_an_editors_or_a_covers_word_is_not_a_surname() -> None:
    found = actors("Research Director Mara Lind Edited by the harbour board's own press.")
    assert "Mara Lind" in found and "Mara Lind Edited" not in found
    found = actors("Research Director Ada Quist Cover photo: the harbour at dawn.")
    assert "Ada Quist" in found and "Ada Quist Cover" not in found


def test_a_month_and_year_after_a_short_name_leave_no_person() -> None:
    found = actors("Thesis supervisor: Dr. Quist January 2015 ABSTRACT Since 1991 the port grew.")
    assert not any("January" in name for name in found)
    assert not any("January" in name for name in actors("Reviewed by Dr. Quist January 2015"))
