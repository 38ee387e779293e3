"""Theme calibration of the ninth round, for short pages: one weak term alone (weight 1,
"useful only alongside other hits") is not a topic of a page of a hundred words or more;
and a theme far weaker than the page's strongest needs to be met at three places, not two,
to stand beside it on its score alone. Every text here is written for these tests."""

# the taxonomy, a page of filler that names no theme, and the two ways of scoring a text
from tests.enrich.test_theme_readers import FILLER, TAXONOMY, kept, raw

# About 90 words on one topic (alliances) named by two terms only, so that a weak word
# beside it reaches a fifth of its evidence; under the 150 words of the incidental-word rule.
ALLIANCE_NOTE = " ".join(
    [
        "The alliance met in the capital on a wet Monday to talk about the years ahead.",
        "Ministers of every member spoke in turn, some briefly and some at great length.",
        "The allies agreed to raise their contributions over five years and to meet again.",
        "Some asked for more time; others wanted a date in writing before the vote.",
        "The chair closed the meeting with a short speech and thanked the hosts.",
        "Officials said the next meeting would take place in the north in the autumn.",
    ]
)


def test_the_note_is_short_and_about_alliances() -> None:
    assert 60 < len(ALLIANCE_NOTE.split()) < 100
    assert "alliances" in kept(ALLIANCE_NOTE)


def test_one_weak_word_beside_the_topic_of_a_short_page_is_not_a_second_topic() -> None:
    # "regime" and "intelligence" are weak terms (weight 1): each reaches the threshold in
    # a text this short, yet alone they do not make governance or spying a topic
    page = (
        ALLIANCE_NOTE
        + " Nobody expected the regime next door to change, said one official."
        + " Another said the intelligence was old."
    )
    assert len(page.split()) >= 100
    scores = raw(page)
    assert scores["democracy-governance"] >= 0.45 and scores["intelligence"] >= 0.45
    assert {"democracy-governance", "intelligence"}.isdisjoint(kept(page))
    assert "alliances" in kept(page)


def test_a_weak_word_said_twice_alone_is_still_not_a_topic() -> None:
    page = (
        ALLIANCE_NOTE
        + " The regime next door said nothing all week long. The regime just waited to see what came."
    )
    assert len(page.split()) >= 100
    assert "democracy-governance" not in kept(page)


def test_a_weak_word_beside_a_good_one_still_makes_the_topic() -> None:
    page = ALLIANCE_NOTE + " The regime has rigged the election, the opposition says."
    assert "democracy-governance" in kept(page)


def test_a_note_under_a_hundred_words_keeps_its_one_weak_word() -> None:
    # a very short note may have nothing better to offer than its one weak word
    note = "Ministers met again. The talks ran late into the night and ended without a text."
    assert len(note.split()) < 100
    assert "diplomacy" in kept(note)


def test_the_taxonomy_marks_the_words_used_here_as_weak() -> None:
    weights = {
        (theme.id, " ".join(words)): weight
        for theme in TAXONOMY.themes.values()
        for words, weight in theme.terms
    }
    assert weights["democracy-governance", "regime"] == 1
    assert weights["intelligence", "intelligence"] == 1
    assert weights["diplomacy", "talks"] == 1


# -- the "sure" escape needs a theme the text comes back to --------------------------------

# a page on nuclear posture: the filler and some fifty weighted hits of nuclear weapons
NUCLEAR_PAGE = FILLER + (
    " The review counts warheads, weighs the nuclear arsenal and restates nuclear"
    " deterrence. It keeps the nuclear triad, funds new warheads and a new nuclear"
    " submarine, and says nuclear deterrence rests on strategic nuclear forces."
    " Its annex lists the warheads again, the nuclear weapons of each rival and the"
    " nuclear threats they make, and ends on the nuclear posture of the next decade."
)


def test_two_mentions_beside_a_far_stronger_theme_are_not_a_topic() -> None:
    page = NUCLEAR_PAGE + " Critics raised human rights; the minister said human rights can wait."
    scores = raw(page)
    assert scores["human-rights"] >= 0.75  # the "sure" score, from two mentions
    # ... yet under a fifth of the strongest theme's weighted hits
    _, found = TAXONOMY.evidence(page)
    assert found["human-rights"].hits < 0.2 * found["nuclear-weapons"].hits
    assert "nuclear-weapons" in kept(page)
    assert "human-rights" not in kept(page)


def test_a_theme_met_three_times_still_escapes_beside_a_stronger_one() -> None:
    page = NUCLEAR_PAGE + (
        " Critics raised human rights at the hearing. The minister said human rights can"
        " wait, and a third speaker asked about human rights in the colonies."
    )
    assert "human-rights" in kept(page)
