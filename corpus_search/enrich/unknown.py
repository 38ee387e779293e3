"""Named but unknown: people and organisations the text names clearly, by a role or title
cue, that the gazetteer does not hold; and the boilerplate no actor should come from.

Cues for a person: an office or title word, or a lowercase noun for a person, directly
before two or three name words ("Senator Jane Roe", "Chief Executive Officer Ana Ruiz",
"House Speaker Tom Lee", "the novelist Ana Ruiz"), or an
appositive office after the name ("Jane Roe, the director of ...", "Tom Lee, a former
minister"). A single name word after a title is not enough: it may be anyone. With no
cue, a given name that the gazetteer's own persons carry followed by one or two surname
words ("Laura Vintner"), alone and not in quotation marks: not inside a longer run of
capitalised words ("the Mark Twain Prize") nor before a thing noun or a lowercase
organisation word ("the Carmel Hollow schools").

Cues for an organisation: a run of capitalised words (with "of", "and", "for", "on" and
"the" after "of" inside it) that ends in an organisation word ("Committee", "Ministry",
"University", "School District", "Commission", ...) or starts with one followed by "of"
("Department of Agriculture", "Ministry of Water", "University of Lagos"); a possessive
of a noun such as "Sheriff" or "Workers" stays inside the run ("Sheriff's Office"); two or
more capitalised words before a lowercase "schools", "office", "police", "ministry" or
"department" name one too ("the Carmel Hollow schools"). A run that
starts a sentence with a function word ("Since", "When") is cut after that word.

A tag found this way is marked ``known=False``. Inside such a run no gazetteer actor
counts ("the John Smith China Center" is not China or John Smith), except the state in
a state body's name ("the Peruvian Ministry of Water" is also Peru).

Boilerplate: paragraphs that are cross-links (">>> ..."), funding and independence
statements, "N min read" listing lines, series notes ("This piece is part of a series
...") and short staff bios ("Jane Roe is a senior fellow at ...") are blanked before
tagging (replaced by spaces, so offsets do not move).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter, or_

# Words that end an organisation's name (companies' suffixes among them: "Industries",
# "Holdings", "Technologies").
ORG_HEADS = frozenset(
    [
        "Academy",
        "Administration",
        "Agency",
        "Airlines",
        "Alliance",
        "Army",
        "Assembly",
        "Association",
        "Authority",
        "Bank",
        "Battalion",
        "Board",
        "Brigade",
        "Bureau",
        "Caucus",
        "Chamber",
        "Center",
        "Centre",
        "Coalition",
        "College",
        "Command",
        "Commission",
        "Committee",
        "Subcommittee",
        "Company",
        "Conference",
        "Corp",
        "Corporation",
        "Corps",
        "Council",
        "Court",
        "Department",
        "Dialogue",
        "Directorate",
        "District",
        "Division",
        "Electronics",
        "Enterprises",
        "Federation",
        "Fleet",
        "Force",
        "Forces",
        "Forum",
        "Foundation",
        "Front",
        "Fund",
        "Guard",
        "Holdings",
        "Inc",
        "Industries",
        "Institute",
        "Institution",
        "LLC",
        "Laboratories",
        "Laboratory",
        "Labs",
        "League",
        "Ltd",
        "Marines",
        "Ministry",
        "Motors",
        "Movement",
        "Navy",
        "Network",
        "Office",
        "Organisation",
        "Organization",
        "PLC",
        "Parliament",
        "Party",
        "Patrol",
        "Pharmaceuticals",
        "Police",
        "Regiment",
        "School",
        "Schools",
        "Secretariat",
        "Senate",
        "Service",
        "Shipyard",
        "Shipyards",
        "Society",
        "Squadron",
        "Technologies",
        "Tribunal",
        "Union",
        "University",
    ]
)
# Nouns whose possessive is part of a body's name ("the County Sheriff's Office", "the
# Workers' Party", "the Children's Defense Fund").
POSSESSIVE_NOUNS = frozenset(
    [
        "Attorney",
        "Attorneys",
        "Children",
        "Citizens",
        "Consumers",
        "Employees",
        "Farmers",
        "Governors",
        "Mayors",
        "Men",
        "Parents",
        "People",
        "Peoples",
        "Sheriff",
        "Soldiers",
        "State",
        "Students",
        "Taxpayers",
        "Teachers",
        "Veterans",
        "Women",
        "Workers",
    ]
)
# Words that open an organisation's name when "of" follows ("Department of Energy").
ORG_OPENERS = frozenset(
    [
        "Academy",
        "Agency",
        "Association",
        "Board",
        "Bureau",
        "College",
        "Commission",
        "Committee",
        "Council",
        "Court",
        "Department",
        "Directorate",
        "Institute",
        "Ministry",
        "Office",
        "Secretariat",
        "University",
    ]
)
# Heads of a state body: a country named inside such a name is also that country.
STATE_HEADS = frozenset(
    [
        "Administration",
        "Agency",
        "Army",
        "Authority",
        "Board",
        "Bureau",
        "Command",
        "Commission",
        "Committee",
        "Corps",
        "Court",
        "Department",
        "Directorate",
        "Fleet",
        "Force",
        "Forces",
        "Guard",
        "Ministry",
        "Navy",
        "Office",
        "Parliament",
        "Patrol",
        "Police",
        "Secretariat",
        "Senate",
        "Service",
        "Tribunal",
    ]
)
# Words after an organisation word that make the run a document, a pact or a meeting
# ("the Digital Services Act", "the Nuclear Forces Treaty", "the Six-Party Talks").
DOCUMENT_NOUNS = frozenset(
    [
        "Accord",
        "Accords",
        "Act",
        "Acts",
        "Agreement",
        "Award",
        "Bill",
        "Budget",
        "Charter",
        "Declaration",
        "Medal",
        "Pact",
        "Paper",
        "Poll",
        "Protocol",
        "Submission",
        "Data",
        "Hearing",
        "Index",
        "Law",
        "Plan",
        "Policy",
        "Program",
        "Programme",
        "Report",
        "Request",
        "Review",
        "Rule",
        "Strategy",
        "Study",
        "Summit",
        "Survey",
        "Talks",
        "Treaty",
    ]
)
# Data products named after the body that makes them ("the University of X Critical
# Issues Poll", "the Y Institute Democracy Index"); not "Survey", which ends bodies' names
# too ("the US Geological Survey").
SURVEY_NOUNS = frozenset({"Barometer", "Index", "Poll", "Polls", "Tracker"})

# Capitalised runs with an organisation word that are places or events, not bodies.
NOT_ORGANISATIONS = frozenset(
    {"Oval Office", "Supreme Court", "Party Congress", "State of the Union", "Electoral College"}
    # a kind of body that every central bank, party or ministry has: whose, the text says
    | {"Policy Board", "Policy Committee", "Executive Board", "Executive Committee"}
    | {"Coast Guard", "Border Guard"}
    # a description of an alliance, not its name ("joined the Western Alliance")
    | {"Western Alliance", "Western alliance"}
    | {"District of Columbia"}  # a place
    | {"World Trade Center"}  # the towers (a "World Trade Center" elsewhere is a building)
)
# Words of a site's section and category links, which are nobody's name.
SECTION_WORDS = frozenset(["News", "Politics", "Opinion", "Analysis", "Commentary", "Economy"])
# First words of an academic discipline's name: a department or faculty "of" one is a
# university's unit, named as an author's affiliation (a ministry's department is "of"
# an affair of state: "Department of Energy", "Department of Defense").
ACADEMIC_FIELDS = frozenset(
    [
        "Anthropology",
        "Archaeology",
        "Biology",
        "Chemistry",
        "Economics",
        "Geography",
        "History",
        "Linguistics",
        "Mathematics",
        "Philosophy",
        "Physics",
        "Political",
        "Politics",
        "Psychology",
        "Sociology",
    ]
)
# Capitalised words that show a run is a title-case headline, not a name.
HEADLINE_WORDS = frozenset(
    [
        "Are",
        "Is",
        "Was",
        "Were",
        "Be",
        "Been",
        "Being",
        "Has",
        "Have",
        "Had",
        "Do",
        "Does",
        "Did",
        "Will",
        "Would",
        "Can",
        "Could",
        "Should",
        "May",
        "Might",
        "Must",
        "Up",
        "Down",
        "Out",
        "Off",
        "Get",
        "Gets",
        "Got",
        "Not",
        "Than",
        "Too",
        "Very",
        "Why",
        "How",
        "What",
        "Thank",  # "... Center for Global Development Thank you Chairman ..."
        "Thanks",
    ]
)
GENERIC_WORDS = frozenset(
    [
        "American",
        "Appeals",
        "Appellate",
        "Central",
        "Circuit",
        "City",
        "Civil",
        "County",
        "Family",
        "Municipal",
        "Superior",
        "Trial",
        "Executive",
        "Federal",
        "General",
        "Global",
        "High",
        "International",
        "Joint",
        "Local",
        "Middle",
        "Military",
        "National",
        "New",
        "Public",
        "Regional",
        "Senior",
        "Special",
        "State",
        "Supreme",
        "United",
        "World",
    ]
)
# Words that say what kind of body a group is but never whose: with organisation heads
# and generic words alone they name no one ("Task Force", "Advisory Board").
GENERIC_KINDS = frozenset(
    [
        "Task",
        "Advisory",
        "Steering",
        "Working",
        "Expert",
        "Governing",
        "Editorial",
        "Interagency",
        "Governors",  # "the Board of Governors"
        "Directors",
        "Trustees",
    ]
)
MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
CONNECTORS = frozenset({"of", "and", "for", "on", "&", "-"})
FUNCTION_WORDS = frozenset(
    [
        "A",
        "Across",
        "Additionally",
        "After",
        "Again",
        "Ahead",
        "Already",
        "Also",
        "Although",
        "Amid",
        "Among",
        "An",
        "And",
        "Another",
        "Any",
        "Around",
        "As",
        "At",
        "Because",
        "Before",
        "Between",
        "Both",
        "But",
        "By",
        "Current",
        "Despite",
        "During",
        "Each",
        "Earlier",
        "Even",
        "Every",
        "Finally",
        "Following",
        "For",
        "Former",
        "From",
        "Furthermore",
        "Given",
        "He",
        "Her",
        "Here",
        "His",
        "How",
        "However",
        "If",
        "In",
        "Including",
        "Indeed",
        "Instead",
        "Into",
        "It",
        "Its",
        "Last",
        "Later",
        "Like",
        "Many",
        "Meanwhile",
        "Moreover",
        "Most",
        "Much",
        "Next",
        "No",
        "Not",
        "Notably",
        "Now",
        "Of",
        "On",
        "Once",
        "One",
        "Only",
        "Or",
        "Other",
        "Our",
        "Over",
        "Perhaps",
        "Recently",
        "Several",
        "Similarly",
        "Since",
        "So",
        "Some",
        "Soon",
        "Still",
        "Such",
        "That",
        "The",
        "Their",
        "Then",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "Though",
        "Through",
        "Thus",
        "To",
        "Today",
        "Together",
        "Toward",
        "Towards",
        "Ultimately",
        "Under",
        "Unlike",
        "Until",
        "Upon",
        "We",
        "What",
        "When",
        "Where",
        "Whether",
        "Which",
        "While",
        "Who",
        "Why",
        "With",
        "Within",
        "Without",
        "Yesterday",
        "Yet",
    ]
)
# Office words that introduce a person's name ("Senator", "Minister").
PERSON_TITLES = frozenset(
    [
        "Adviser",
        "Advisor",
        "Admiral",
        "Aide",
        "Ambassador",
        "Assemblyman",
        "Assemblywoman",
        "Chair",
        "Chairman",
        "Chairwoman",
        "Chancellor",
        "Colonel",
        "Commander",
        "Commissioner",
        "Congressman",
        "Congresswoman",
        "Councillor",
        "Councilor",
        "Councilman",
        "Councilwoman",
        "Delegate",
        "Director",
        "Emir",
        "Envoy",
        "General",
        "Governor",
        "Judge",
        "Justice",
        "King",
        "Leader",
        "Lieutenant",
        "Marshal",
        "Mayor",
        "Minister",
        "Mullah",
        "Premier",
        "President",
        "Prince",
        "Princess",
        "Queen",
        "Representative",
        "Rep",
        "Secretary",
        "Sen",
        "Senator",
        "Sheikh",
        "Speaker",
        "CEO",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
    ]
)
# Lowercase nouns for people who act in a story, introducing a name like a title
# ("mother Ana Ruiz", "investor Tom Lee", "the plaintiff Jane Roe"). Not the nouns for
# people cited as sources (author, economist, reporter, historian...): the labelling
# guide leaves those neutral, so tagging them gains nothing and risks a wrong tag.
PERSON_NOUNS = frozenset(
    [
        "activist",
        "activists",
        "actor",
        "actress",
        "adviser",
        "advisers",
        "advisor",
        "aide",
        "aides",
        "attorney",
        "attorneys",
        "banker",
        "billionaire",
        "brother",
        "businessman",
        "businesswoman",
        "candidate",
        "candidates",
        "challenger",
        "dad",
        "daughter",
        "defector",
        "diplomat",
        "dissident",
        "entrepreneur",
        "envoy",
        "executive",
        "executives",
        "father",
        "filmmaker",
        "founder",
        "husband",
        "investor",
        "investors",
        "lawmaker",
        "lawmakers",
        "lawyer",
        "lawyers",
        "legislator",
        "mom",
        "mother",
        "musician",
        "negotiator",
        "opponent",
        "parent",
        "physician",
        "plaintiff",
        "politician",
        "prosecutor",
        "rival",
        "singer",
        "sister",
        "son",
        "strategist",
        "student",
        "teacher",
        "tycoon",
        "veteran",
        "victim",
        "widow",
        "wife",
    ]
) | frozenset(
    # offices written in lower case ("elected president Jane Roe", "opposition leader
    # Tom Lee")
    [
        "ambassador",
        "chancellor",
        "commander",
        "dictator",
        "governor",
        "leader",
        "mayor",
        "minister",
        "premier",
        "president",
        "senator",
    ]
)
# Office nouns in an appositive after a name ("Jane Roe, the director of ...").
_APPOSITION = frozenset({"the", "a", "an", "who", "then"})
# Words before a name that leave it a name ("Dr Jane Roe", "Mrs. Roe").
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Dame", "Lady", "Lord"})
# Military ranks written short, which introduce a name ("Lt. Gen. Jane Roe"); other
# short titles ("PM", "Gov") stand before a surname in headlines as often.
RANK_ABBREVIATIONS = frozenset({"Gen", "Lt", "Col", "Maj", "Adm", "Capt"})
_PERSON_CUES = (
    PERSON_TITLES | PERSON_NOUNS | HONORIFICS | RANK_ABBREVIATIONS | {","}
)  # the words ``_persons`` starts from
APPOSITIVE_ROLES = frozenset(
    [
        "administrator",
        "ambassador",
        "candidate",
        "chair",
        "chairman",
        "chairwoman",
        "chancellor",
        "chief",
        "commissioner",
        "director",
        "director-general",
        "envoy",
        "governor",
        "head",
        "leader",
        "mayor",
        "minister",
        "nominee",
        "premier",
        "president",
        "prime",
        "secretary",
        "secretary-general",
        "senator",
        "speaker",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "congressman",
        "congresswoman",
        # people who act in a story by what they are, not by an office
        "oligarch",
        "businessman",
        "businesswoman",
        "tycoon",
        "warlord",
        "cleric",
        "commander",
        "general",
        "judge",
        "founder",
        "dissident",
    ]
)

_BOILERPLATE = re.compile(
    r"^\s*>>>"
    r"|(?i:committed to quality, independence,? and impact)"
    r"|(?i:sole views of (its|the) author)"
    r"|(?i:financed through the support of)"
    r"|^\s*[A-Z][A-Z ]{3,30}\s+\d+\s+min read\s*$"
    r"|^\s*(?i:This (piece|essay|paper|post|article|report|is the \w+ essay)\b.{0,80}\bseries\b)"
)
# A publication's imprint, copyright and address lines ("All rights reserved", "Printed in
# the United States of America", "Tel: +32 ..."), blanked when the line is short: a text
# stored as one long line keeps its words.
_IMPRINT = re.compile(
    r"(?i:\ball rights reserved\b)"
    r"|(?i:\bprinted in the united states\b)"
    r"|(?i:\bno part of this (?:publication|report|book|paper) may be\b)"
    r"|\b(?:Tel|Fax|Phone)\s*[.:]\s*\+?\(?\d"
)
_IMPRINT_CUES = ("rights reserved", "printed in", "no part of", "tel", "fax", "phone")
_IMPRINT_MAX_WORDS = 120
_BIO = re.compile(
    r"^\s*(?:[A-Z][\w.'’-]*\s){1,4}?(?:[A-Z][\w'’-]+)(?:,\s*(?:Ph\.?D\.?|Jr\.|Sr\.))?,?\s+"
    r"(?:is|was|serves as)\s+(?:(?:a|an|the)\s+|(?=(?:adjunct|senior|visiting|nonresident|"
    r"non-resident|distinguished)\s))[^.]{0,160}?\b(?:fellow|professor|director|scholar|"
    r"researcher|economist|analyst|editor|associate|chair|president|intern|manager)\b"
)
_BIO_MAX_WORDS = 90
# Words each branch of ``_BOILERPLATE`` needs, as written or (for its case-blind
# branches) in the lower-cased line: a line with none of them is not searched, which
# spares a regular-expression pass over nearly every line. One per branch: a test
# checks that every branch names one.
BOILERPLATE_CUES = (">>>", "min read")
BOILERPLATE_CUES_ANY_CASE = (
    "committed to quality",
    "sole views of",
    "financed through the support of",
    "series",
)


# The words of a page's share and follow bar ("Facebook Twitter LinkedIn Email Print"):
# four of them on a line that does not end as a sentence make it furniture, not text.
_SHARE_WORDS = re.compile(
    r"\b(?i:facebook|twitter|linkedin|whatsapp|youtube|instagram|telegram|reddit|pinterest"
    r"|e-?mail|print|rss|share)\b"
)
_SHARE_MIN = 4
_NETWORKS = (
    "Twitter",
    "Facebook",
    "LinkedIn",
    "Linkedin",
    "WhatsApp",
    "Whatsapp",
    "twitter",
    "facebook",
    "linkedin",
)


def _bar_words(text: str) -> int:
    return len({m.casefold() for m in _SHARE_WORDS.findall(text)})


def share_bar(line: str) -> bool:
    """``line`` is a page's share or follow bar (see ``_SHARE_WORDS``)."""
    return _bar_words(line) >= _SHARE_MIN and not line.rstrip().endswith((".", "!", "?", '"', "”"))


_LETTER = re.compile(r"[^\W\d_]")


def tag_line(line: str) -> bool:
    """A site's topic tags run together with commas and no space ("ballistic
    missiles,Defense,Nuclear,Submarines"): four items or more, each short and worded. No
    prose writes a list so; the tags name what the site files the page under, not what
    the text discusses."""
    parts = line.strip().split(",")
    return (
        len(parts) >= 4
        and ", " not in line
        and all(0 < len(p) <= 40 and not p[0].isspace() and _LETTER.search(p) for p in parts)
    )


# A form's anti-spam notice, often run into the text's last line ("This site is protected
# by reCAPTCHA and the Google Privacy Policy and Terms of Service apply"): blanked where it
# stands, the line's other words kept.
_CAPTCHA_NOTICE = re.compile(
    r"(?i:(?:This site is )?protected by reCAPTCHA and the Google Privacy Policy"
    r"(?: and Terms of Service(?: apply)?)?)"
)
_CAPTCHA_WORD = re.compile(r"recaptcha", re.I)


# A site's menu kept as text: bulleted lines of one to three words ("• Policy Topics",
# "• NATO", "• China"), this many or more in a row (blank lines between them aside).
_MENU_ITEM = re.compile(r"^\s*[•▪◦]\s*[^\s.?!]+(?:\s+[^\s.?!]+){0,2}\s*$")
_MENU_MIN = 4


def _menu_lines(lines: list[str]) -> set[int]:
    """The indices of ``lines`` that belong to a site's menu (``_MENU_ITEM``)."""
    found: set[int] = set()
    run: list[int] = []
    for k, line in enumerate([*lines, "."]):
        if _MENU_ITEM.match(line):
            run.append(k)
        elif line.strip():
            if len(run) >= _MENU_MIN:
                found.update(run)
            run = []
    return found


def blank_boilerplate(text: str) -> str:
    """``text`` with boilerplate, share bars, menus and staff-bio paragraphs replaced by
    spaces (same length)."""
    if _CAPTCHA_WORD.search(text):  # (no lower-cased copy of every text)
        text = _CAPTCHA_NOTICE.sub(lambda m: " " * len(m.group()), text)
    lines = text.split("\n")
    menu = _menu_lines(lines) if "•" in text or "▪" in text or "◦" in text else set()
    out: list[str] = []
    # (a bar names one of the big networks; a text that names none, or too few of the
    # bar's words, has no bar line, and is not searched line by line)
    bars = any(w in text for w in _NETWORKS) and _bar_words(text) >= _SHARE_MIN
    for k, line in enumerate(lines):
        if (
            k in menu
            or (_boilerplate_cue(line) and _BOILERPLATE.search(line))
            or (
                any(cue in line.lower() for cue in _IMPRINT_CUES)
                and len(line.split()) <= _IMPRINT_MAX_WORDS
                and _IMPRINT.search(line)
            )
            or (
                (" is " in line or " was " in line or " serves " in line)
                and len(line.split()) <= _BIO_MAX_WORDS
                and _BIO.match(line)
            )
            or (bars and share_bar(line))
            or tag_line(line)
        ):
            out.append(" " * len(line))
        else:
            out.append(line)
    return "\n".join(out)


def _boilerplate_cue(line: str) -> bool:
    """``line`` holds a word some branch of ``_BOILERPLATE`` needs."""
    if any(cue in line for cue in BOILERPLATE_CUES):
        return True
    low = line.lower()
    if not low.isascii():  # what a case-blind match takes for "s" and "i" ("ſ", "İ", "ı")
        low = low.replace("ſ", "s").replace("i\u0307", "i").replace("ı", "i")
    return any(cue in low for cue in BOILERPLATE_CUES_ANY_CASE)


@dataclass(frozen=True)
class Span:
    start: int  # token index
    end: int  # token index, exclusive
    name: str
    type: str  # person | organization
    state_body: bool = False


# The commonest English words: a fifth of running English prose, next to nothing of a
# text in another language.
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "are",
        "was",
        "it",
    ]
)


def reads_as_english(words: list[str]) -> bool:
    """Whether the text of ``words`` is English, or too short to say (under 40 words): at
    least one word in twenty is one of the commonest English words. Measured on 453
    labelled pages: English ones 0.10 and more, the four in other languages 0.00-0.03."""
    letters = [w for w in words if w.isalpha()]
    if len(letters) < 40:
        return True
    return sum(map(_ENGLISH_WORDS.__contains__, letters)) * 20 >= len(letters)


def _where(flags: Iterable[bool]) -> list[int]:
    """The positions of the true flags. (The rules below look at a few words of a text;
    finding them this way costs no Python step for each of the others.)"""
    return list(compress(count(), flags))


# A serial's or a thesis's front matter after a name ("X Institute NUMBER 176", "Department
# of X Submission Date: 2 June"): no part of the name.
SERIAL_WORDS = frozenset(["NUMBER", "ISSUE", "VOLUME", "EDITION", "Submission", "Date"])


def _capital(word: str) -> bool:
    return (
        word[:1].isupper()
        and word.isalpha()
        and word not in HEADLINE_WORDS
        and word not in SERIAL_WORDS
    )


def _name_word(word: str) -> bool:
    """A word that can be part of a person's name: "Roe", "al-Sudani", "O'Hanlon"."""
    if len(word) < 2 or not word[0].isupper():
        return False
    if word.isupper() and len(word) > 2:  # an acronym, not a name
        return False
    return (
        word.replace("-", "").replace("'", "").isalpha()
        and word not in FUNCTION_WORDS
        and word not in ORG_HEADS
        and word not in DOCUMENT_NOUNS
    )


@dataclass(frozen=True)
class NameWords:
    """What the gazetteer knows about name words: ``given`` names (first words of its
    persons' names, see ``Gazetteer``) and ``other`` single words that name a country,
    an organisation or a place, and so are no one's given name or surname."""

    given: frozenset[str] = frozenset()
    other: frozenset[str] = frozenset()


def find_spans(
    words: list[str],
    starts: list[bool],
    names: NameWords | None = None,
    lines: Collection[int] = (),
    tight: Collection[int] = (),
) -> list[Span]:
    """Person and organisation names cued by role, title or organisation words, and
    people named by a known given name and a surname. ``starts[i]`` is true when
    ``words[i]`` begins a sentence or a line; ``lines`` holds the positions that begin a
    line (a person's name ends there: "Sir Jane Roe" / "Commentary"); ``tight`` the
    positions of hyphens and dashes written between two words without a space."""
    spans = _organisations(words, starts, tight)
    taken = {i for s in spans for i in range(s.start, s.end)}
    for span in _described_organisations(words, starts):
        if not any(i in taken for i in range(span.start, span.end)):
            spans.append(span)
    taken = {i for s in spans for i in range(s.start, s.end)}
    for span in [
        *_persons(words, lines),
        *_posted_persons(words, lines),
        *_exemplified_persons(words, lines),
    ]:
        if not any(i in taken for i in range(span.start, span.end)):
            spans.append(span)
    if names is not None and names.given:
        taken = {i for s in spans for i in range(s.start, s.end)}
        for span in _given_named(words, starts, names, lines):
            if not any(i in taken for i in range(span.start, span.end)):
                spans.append(span)
    spans = [
        _with_initial(
            words, _with_particle(words, _with_elided_article(words, _without_address(words, s)))
        )
        for s in (s if s.type != "person" else _tidy_person(words, s, lines) for s in spans)
        if s is not None
        and not _in_case_name(words, s)
        and not (s.type == "person" and words[s.end - 1] in LANDFORMS)
    ]
    # (two cues may find one name: "General Jane Roe, commander of the X")
    spans = list({(s.start, s.end): s for s in spans}.values())
    spans.sort(key=lambda s: s.start)
    return spans


# Last words that make two names a place, not a person ("the Marta Pass", "the Jane
# River"): words that are seldom a surname.
LANDFORMS = frozenset(
    [
        "Pass",
        "Mountains",
        "River",
        "Valley",
        "Strait",
        "Straits",
        "Sea",
        "Island",
        "Islands",
        "Peninsula",
        "Canal",
        "Dam",
        "Gulf",
        "Desert",
        "Plateau",
        "Basin",
        "Heights",
        "Hills",
        "Square",
        "Street",
        "Avenue",
        "Airport",
        "Harbour",
        "Harbor",
        "Glacier",
        "Falls",
        "Coast",
        "Highway",
        "Corridor",
        "Crossing",
        "Shoal",
        "Reef",
        "Atoll",
        "Cay",
    ]
)


# Lower-case particles inside a surname ("Juan Manuel de Rosas", "Daniel arap Moi",
# "Ursula von der Leyen"): a name goes on past them to the capitalised word after.
SURNAME_PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "del",
        "della",
        "di",
        "do",  # Portuguese: "André Corrêa do Lago"
        "dos",
        "du",
        "la",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "arap",
        "bin",
        "ibn",
        "y",
        "i",  # Catalan, as the Spanish "y": "Pere Duran i Farell"
    ]
)
# Words after a name on a caption or a masthead ("Jane Roe Headshot", "Jane Roe Managing
# editor"): never a surname.
CAPTION_WORDS = frozenset(
    ["Headshot", "Photo", "Portrait", "Image", "Picture", "Managing", "Cover", "Edited"]
)
# Honours and degrees written after a name ("Michael Roe AM", "Jane Roe CBE"): never a
# surname. Each is only capitals; the name before it stands without it.
POST_NOMINALS = frozenset(
    [
        *("AC", "AO", "AM", "OAM", "CH", "KG", "KT", "DL"),
        *("OBE", "MBE", "CBE", "KBE", "DBE", "GBE", "CMG", "KCMG", "GCMG"),
        *("KC", "QC", "MP", "MEP", "MSP", "FRS", "FBA"),
    ]
)
# Short titles before a name ("PM Khan", "Gen. Roe"): never a given name.
TITLE_ABBREVIATIONS = frozenset(
    ["PM", "FM", "VP", "Gen", "Lt", "Col", "Maj", "Adm", "Capt", "Pres", "Gov", "Amb", "Sgt"]
)


def _particle_at(words: list[str], k: int, lines: Collection[int]) -> bool:
    """A surname's particle at ``k``, with the rest of the surname after it on its line."""
    return (
        words[k] in SURNAME_PARTICLES
        and k + 1 < len(words)
        and k + 1 not in lines
        and (_name_word(words[k + 1]) or _particle_at(words, k + 1, lines))
    )


def _tidy_person(words: list[str], span: Span, lines: Collection[int]) -> Span | None:
    """The person's name in ``span`` without a title before it ("General Jane Roe",
    "PM Doe"), a caption's word, an honour or a report's month after it ("Jane Roe
    Headshot", "Jane Roe CBE", "Jane Roe May 2022"), and with a surname's lower-case particles ("Juan Manuel de Rosas");
    None when fewer than two names stay."""
    n = len(words)
    start, end = span.start, span.end
    while start < end and (
        words[start] in PERSON_TITLES
        or words[start] in TITLE_ABBREVIATIONS
        or words[start] in HONORIFICS
        or words[start] == "."
        or (words[start] == "First" and words[start + 1 : start + 2] in (["Lady"], ["Gentleman"]))
        or (
            # "Minister of Defense Jane Roe": the portfolio is not the name
            words[start] in PORTFOLIOS
            and start > 0
            and words[start - 1] in ("of", "for")
            and end - start >= 3
        )
    ):
        start += 1
    for k in range(end - 2, start, -1):
        if words[k] in PERSON_TITLES:
            start = k + 1  # "Iranian General Jane Roe": the name starts after its title
            break
    while end > start and (words[end - 1] in CAPTION_WORDS or words[end - 1] in POST_NOMINALS):
        end -= 1
    if end - start >= 2 and end < n and words[end - 1] in MONTHS and words[end].isdigit():
        end -= 1  # "Jane Roe May 2022": a report's date after its author's name
    k = end
    while k < n and words[k] in SURNAME_PARTICLES and k not in lines:
        k += 1
    if end > start and k > end and k < n and k not in lines and _name_word(words[k]):
        end = k + 1
    names = [w for w in words[start:end] if w[:1].isupper()]
    if len(names) < 2 or not words[start][:1].isupper():
        return None
    if end - start == 3 and words[start] in ("Al", "El") and words[start + 1] == "-":
        return None  # "Mr. Al-Otaiba": one surname with its article, no one's full name
    if any(w in SECTION_WORDS for w in names):
        return None  # "General News News Politics": a site's section links, no one's name
    if len(names[-1]) == 1:
        return None  # "Dr Jane A. Roe2": the surname, glued to a note's number, is lost
    if (start, end) == (span.start, span.end):
        return span
    return Span(start, end, join_words(words, start, end), "person", span.state_body)


# A minister's portfolio as it stands between "of" and the minister's name ("Minister of
# Defense Jane Roe"): never a given name there.
PORTFOLIOS = frozenset(
    [
        "Defense",
        "Defence",
        "Finance",
        "Justice",
        "Health",
        "Interior",
        "Economy",
        "Education",
        "Agriculture",
        "Energy",
        "Labor",
        "Labour",
        "Trade",
        "Transport",
        "Tourism",
        "Culture",
        "Environment",
        "Security",
        "Communications",
    ]
)


# Lower-case article particles that join an Arabic name's last part ("Ansar al-Sunna").
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})


def _with_initial(words: list[str], span: Span) -> Span:
    """A person's name with the initial it opens with ("S. Frederick Starr", "J. Michael
    Cole"), not one that ends an abbreviation ("U.S. Michael Cole")."""
    k = span.start
    if span.type != "person" or not initial(words, k - 2) or (k >= 3 and words[k - 3] == "."):
        return span
    return Span(k - 2, span.end, join_words(words, k - 2, span.end), "person", span.state_body)


def _with_particle(words: list[str], span: Span) -> Span:
    """``span`` with the particle and word a hyphen joins to its end ("the group Ansar
    al-Sunna", "Jaish al-Adl"): the name goes on past the lower-case particle."""
    end = span.end
    if not (
        end + 2 < len(words)
        and words[end] in _PARTICLES
        and words[end + 1] == "-"
        and _capital(words[end + 2])
    ):
        return span
    return Span(
        span.start, end + 3, join_words(words, span.start, end + 3), span.type, span.state_body
    )


# A piece addressed to a body ("Testimony for the House Subcommittee on X", "Evidence to
# the Defence Committee"): the body's name starts after the address.
_ADDRESSES = frozenset(["Testimony", "Statement", "Remarks", "Evidence", "Letter", "Submission"])


def _without_address(words: list[str], span: Span) -> Span:
    """``span`` without a piece's noun and its preposition before the body's name (and
    whatever title of the piece comes before them)."""
    if span.type != "organization":
        return span
    start = next((k for k in range(span.start, span.end) if words[k] in _ADDRESSES), None)
    if start is None:
        return span
    k = start + 1
    if k < span.end and words[k] in ("for", "to", "before"):
        k += 1
        if k < span.end and words[k] == "the":
            k += 1
        if span.end - k >= 2:
            return Span(k, span.end, join_words(words, k, span.end), span.type, span.state_body)
    return span


def _with_elided_article(words: list[str], span: Span) -> Span:
    """``span`` with the letter and apostrophe that begin its first name ("the O'Neill
    Institute", "D'Souza"): the tokens split them off the name."""
    start = span.start
    if start >= 2 and words[start - 1] in ("'", "’") and words[start - 2] in ("O", "D"):
        name = words[start - 2] + "'" + span.name
        return Span(start - 2, span.end, name, span.type, span.state_body)
    return span


def _in_case_name(words: list[str], span: Span) -> bool:
    """``span`` is a party in a case's name ("Roe Holdings v. Doe", "Lee v. Ashby
    School Committee"): the case is cited, the party does not act."""
    after = words[span.end : span.end + 2]
    before = words[max(0, span.start - 2) : span.start]
    return (len(after) == 2 and after[0] in ("v", "vs") and after[1] == ".") or (
        len(before) == 2 and before[0] in ("v", "vs") and before[1] == "."
    )


def join_words(words: list[str], start: int, end: int) -> str:
    """The words ``words[start:end]`` as a name is written: no space around a hyphen or
    before an apostrophe or a full stop ("Force-Darwin", "Sheriff's", "U.S.")."""
    out = ""
    for k in range(start, end):
        w = words[k]
        if (
            k > start
            and w not in ("-", "–", "'", ".")
            and words[k - 1] not in ("-", "–")
            and not (words[k - 1] == "'" and w == "s")
            and not (  # "U.S."
                words[k - 1] == "." and len(w) == 1 and k - 2 >= start and len(words[k - 2]) == 1
            )
        ):
            out += " "
        out += w
    return out


def _organisations(words: list[str], starts: list[bool], tight: Collection[int] = ()) -> list[Span]:
    spans: list[Span] = []
    n = len(words)
    # Only capitalised words (and ordinals) can open a run: visit those alone.
    firsts = list(map(itemgetter(0), words))
    candidates = _where(map(or_, map(str.isupper, firsts), map(str.isdigit, firsts)))
    done = 0
    for i in candidates:
        if i < done or not (_capital(words[i]) or ORDINAL.match(words[i])):
            continue
        # The longest run of capitalised words and connectors from i. "and" joins only
        # inside an "of" phrase ("Department of Housing and Urban Development"), not
        # two names ("NATO and the EU").
        j = i
        last_cap = i
        phrase = False
        headed = False
        while j < n:
            w = words[j]
            nxt = words[j + 1] if j + 1 < n else ""
            titled = (
                w in PERSON_TITLES
                and _name_word(nxt)
                and nxt not in ORG_HEADS
                and nxt not in ORG_OPENERS
                and nxt != "Staff"  # "the General Staff", "Command and General Staff College"
            )
            if j > i and (starts[j] or w in FUNCTION_WORDS or titled):
                break  # a new line or sentence, "the", or "Justice Jane Roe" ends the run
            if _capital(w) or (j == i and ORDINAL.match(w)):
                last_cap = j
                headed = headed or w in ORG_HEADS
                j += 1
            elif (
                w in ("of", "for", "on") and (_capital(nxt) or nxt == "the") and nxt not in CALENDAR
            ):
                # not "University on April 11": a date follows the name
                phrase = True
                j += 1
            elif w == "'" and j > i and words[j - 1] in POSSESSIVE_NOUNS:
                # "Sheriff's Office", "Workers' Party": the possessive is in the name.
                after = j + 2 if nxt == "s" else j + 1
                if after < n and _capital(words[after]) and not starts[after]:
                    j = after
                else:
                    break
            elif (
                (
                    w in ("and", "&")
                    and _capital(nxt)
                    and not (nxt.isupper() and len(nxt) > 1)  # "... of Energy and DOE"
                    and (phrase or (not headed and nxt not in ORG_HEADS))
                    and nxt not in PERSON_TITLES
                    and not _STAFF_POSTS.intersection(words[j + 1 : j + 3])
                )
                or (w == "-" and _capital(nxt))
                or (w == "the" and j > i and words[j - 1] in ("of", "for", "on") and _capital(nxt))
                or (w == "and" and words[j - 1] == "Command" and nxt in ("Staff", "General"))
                # ("the Command and General Staff College": a school's one name)
            ):
                j += 1
            else:
                break
        end = last_cap + 1
        start = i
        while start < end and words[start] in FUNCTION_WORDS:
            start += 1
        span = org_in(words, start, end)
        if span is None:
            span = _lowercase_headed(words, start, end)
        if span is not None and span.start == i:
            span = _dash_joined(words, starts, span, tight)
        if (
            span is not None
            and span.end in tight
            and span.end < end <= span.end + 4
            and all(_capital(w) for w in words[span.end + 1 : end])
        ):  # a name a hyphen ties to the body's end: "Task Force-Operation Inherent
            # Resolve", "Marine Rotational Force-Darwin"
            span = Span(
                span.start, end, join_words(words, span.start, end), span.type, span.state_body
            )
        if span is not None:
            spans.append(span)
        done = max(end, i + 1)
    return spans


# Posts that "and" does not join to a name: "Director of the X Project and Research
# Fellow at the Y" is two posts, not a body called "X Project and Research Fellow".
_STAFF_POSTS = frozenset(["Fellow", "Director", "Professor", "Scholar", "Chair", "Adviser"])
DASHES = frozenset({"-", "–"})
# Lowercase words that make a place's or a body's name before them an organisation
# ("the Carmel Clay schools", "the Orange County Sheriff's office", "Hong Kong police").
LOWERCASE_HEADS = frozenset({"schools", "office", "police", "ministry", "department"})


def _lowercase_headed(words: list[str], start: int, end: int) -> Span | None:
    """A run of two or more capitalised words and a lowercase organisation word right
    after it, the word included."""
    head = end
    if words[end - 1] in POSSESSIVE_NOUNS and words[end : end + 2] == ["'", "s"]:
        head = end + 2  # "the Orange County Sheriff's office"
    if head >= len(words) or words[head] not in LOWERCASE_HEADS:
        return None
    names = [w for w in words[start:end] if w not in ("'", "s")]
    if len(names) < 2 or not all(_capital(w) for w in names):
        return None
    if any(w in ORG_HEADS or w in DOCUMENT_NOUNS or w in PERSON_TITLES for w in names):
        return None
    return Span(start, head + 1, join_words(words, start, head + 1), "organization", True)


def _dash_joined(
    words: list[str], starts: list[bool], span: Span, tight: Collection[int] = ()
) -> Span:
    """``span`` with the names a dash written between two words without a space joins to
    its front ("U.S.-China Economic ... Commission", "NATO–Ukraine Council"): both belong
    to the body's name ("Moldova – European Council" is a title and its site's name)."""
    i = span.start
    if i < 2 or words[i - 1] not in DASHES or starts[i] or (i - 1) not in tight:
        return span
    m = i - 2
    while m >= 0 and i - m <= 6:
        w = words[m]
        if not (w == "." or (w[:1].isupper() and w.isalnum())) or w in FUNCTION_WORDS:
            break
        if starts[m] and len(w) > 1:  # a sentence's first word, not "S" in "U.S."
            m -= 1
            break
        m -= 1
    first = m + 1
    while first < i - 1 and words[first] == ".":
        first += 1
    if first >= i - 1:
        return span
    name = join_words(words, first, span.end)
    return Span(first, span.end, name, span.type, span.state_body)


# Endings of adjectives ("Diplomatic", "Regional"), which follow a heading's participle.
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ary", "ous")


def org_in(words: list[str], start: int, end: int) -> Span | None:
    """The organisation name in the run ``words[start:end]``, if it has an org word."""
    while start < end and (words[start] in CONNECTORS or words[start] in ("the", "The")):
        start += 1
    if start >= 2 and words[start - 1] == "-" and words[start - 2].lower() in ("pro", "anti"):
        start += 1  # "the pro-European Harbor Party": the adjective is the party's stance
    # "Chairman of the Council of ...", "Jane Roe of Boston University": the words before
    # an "of" that are not an organisation's own are not part of its name.
    k = start
    while k < end and words[k] not in ORG_HEADS and words[k] not in ORG_OPENERS:
        if words[k] == "of":
            start = k + 2 if k + 1 < end and words[k + 1] == "the" else k + 1
            break
        k += 1
    if end - start < 2:
        return None
    # Cut the run at its last organisation head (trailing words belong to something else:
    # "Commerce Department Tech Hubs" is not an organisation name).
    head = None
    for k in range(end - 1, start - 1, -1):
        if words[k] in ORG_HEADS:
            head = k
            break
    opener = words[start] in ORG_OPENERS and start + 2 < end and words[start + 1] == "of"
    if head is None and not opener:
        return None
    phrase_after = head is not None and head + 1 < end and words[head + 1] in ("of", "on", "for")
    if head == start and not phrase_after and not opener:
        return None  # "Army Design Methodology": a head word opening a longer term
    stop = head + 1 if head is not None else end
    if (
        head is not None
        and head > start
        and words[head] in ("Forces", "Command", "Army", "Fleet")
        and head + 1 < end
    ):
        stop = head + 2  # "Forces Korea", "Army Europe"
    if head is not None and _document_after(words, head + 1):
        return None  # "the Digital Services Act", "the Nuclear Forces (INF) Treaty": a law
    if opener and (head is None or head == start):
        stop = end
        # "Department of Education Abolition Bill": a document, not a longer name.
        if words[end - 1] in DOCUMENT_NOUNS:
            stop = start + 3
    # "of" phrases after the head belong to the name ("Department of Energy"), others not.
    if head is not None and head + 1 < end and words[head + 1] in ("of", "on", "for"):
        stop = end
        # ... unless the run ends in a poll's or an index's noun: "the University of
        # Maryland Critical Issues Poll" is a poll, named after "University of Maryland".
        if words[end - 1] in SURVEY_NOUNS and words[head + 1] == "of":
            stop = min(end, head + 3)
    elif head is not None and head > start and head + 1 < end and words[head - 1] in ("on", "for"):
        # "Inclusion Programs on College Campuses": the head word, after "on" and before
        # more capitalised words, describes something else; it is no body's head.
        return None
    while stop > start and (words[stop - 1] in CONNECTORS | {"the"} or words[stop - 1] in MONTHS):
        stop -= 1  # (a month ends no name: "the Subcommittee on Health April 2024")
    if stop - start > 3 and words[stop - 2] in ("and", "&") and words[stop - 1] in ORG_HEADS:
        stop -= 2  # "Bureau of Indian Affairs and Department": the second body is unnamed
    if stop - start < 2:
        return None
    name = join_words(words, start, stop)
    if name in NOT_ORGANISATIONS:
        return None
    if all(
        w in GENERIC_WORDS or w in ORG_HEADS or w in CONNECTORS or w in GENERIC_KINDS
        for w in words[start:stop]
    ):
        return None  # "Public Schools", "the National Guard", "Task Force": no name in it
    if words[start] in MONTHS:
        return None  # "in February for the European Union": a date before a phrase
    if (
        stop - start > 2
        and words[start] in ("Department", "School", "Faculty")
        and words[start + 1] == "of"
        and words[start + 2] in ACADEMIC_FIELDS
    ):
        return None  # "the Department of Political Science": a university's unit
    if (
        len(words[start]) > 5
        and words[start].endswith("ing")
        and (words[start + 1] in GENERIC_WORDS or words[start + 1].endswith(_ADJECTIVE_ENDINGS))
    ):
        return None  # "Restoring Executive Authority": a title's verb and its object;
        # "The Faltering Diplomatic Dialogue": a heading (a body's kind after the word is a
        # noun's: "the Mining Council", "Housing Authority")
    head_word = words[head] if head is not None else words[start]
    return Span(start, stop, name, "organization", head_word in STATE_HEADS)


def _document_after(words: list[str], k: int) -> bool:
    """A document's noun at ``k``, or after an acronym in brackets there ("Forces (INF)
    Treaty"): the capitalised words before it name the document."""
    if k + 3 < len(words) and words[k] == "(" and words[k + 2] == ")":
        k += 3
    return k < len(words) and (words[k] in DOCUMENT_NOUNS or words[k] in _FINANCING_NOUNS)


# A lender's programme named with its own words ("the Extended Fund Facility", "the Rapid
# Financing Instrument"): a programme, not a body.
_FINANCING_NOUNS = frozenset(["Facility", "Instrument"])


def _hyphenated_post(first: str, second: str) -> bool:
    """``first``-``second`` names a post held in a body ("Secretary-General")."""
    return f"{first}-{second}".lower() in APPOSITIVE_ROLES


def _post(word: str) -> bool:
    """``word`` names a post held in a body ("director", "Chairman", "CEO")."""
    return word.lower() in APPOSITIVE_ROLES or word == "CEO"


def _persons(words: list[str], lines: Collection[int] = ()) -> list[Span]:
    spans: list[Span] = []
    n = len(words)
    cues = [
        k
        for k in _where(map(_PERSON_CUES.__contains__, words))
        if words[k] != ","
        or (k + 1 < n and words[k + 1] in _APPOSITION)
        or (k + 2 < n and words[k + 2] in ("of", "at") and _post(words[k + 1]))
        or (
            k + 4 < n
            and words[k + 2] == "-"
            and words[k + 4] in ("of", "at")
            and _hyphenated_post(words[k + 1], words[k + 3])
        )  # ", Secretary-General of"
    ]
    for i in cues:
        word = words[i]
        if (
            word in PERSON_TITLES
            or word in PERSON_NOUNS
            or word in HONORIFICS
            or word in RANK_ABBREVIATIONS
        ):
            j = i + 1
            if j < n and words[j] == ".":
                j += 1
            if j < n and words[j] in HONORIFICS and word not in HONORIFICS:
                j += 2 if j + 1 < n and words[j + 1] == "." else 1  # "CEO Dr Jane Roe"
            if j < n and words[j] == "," and word not in HONORIFICS:
                # "the Malian Foreign Minister, Jane Roe, said": the name set off by commas
                # (not a title used as a surname: "Chairman King, Ranking Member Lee,")
                end = _name_run(words, j + 1, lines)
                if (
                    end is not None
                    and end < n
                    and words[end] == ","
                    and not (i and words[i - 1] in _PERSON_CUES)
                    and not any(w in NOT_NAME_NOUNS for w in words[j + 1 : end])
                ):
                    spans.append(Span(j + 1, end, join_words(words, j + 1, end), "person"))
                continue
            if j < n and words[j] in _PORTFOLIO and word not in HONORIFICS:
                # "President of Ruritania Jane Roe", "Minister of Foreign Affairs Tom Lee":
                # the name after the place or portfolio the office is held for
                named = _after_portfolio(words, j, lines)
                if named is None:
                    continue
                j = named
            k = j
            while k < n and k - j < 6:
                if k > j and (k in lines or words[k] in HONORIFICS or _ends_name(words, k)):
                    break  # a line's end; the next name's title ("Ms. Jane Roe Ms. Ada
                    # Vine"); a role after the name ("Dr. Jane Roe Supervisor")
                if initial(words, k):
                    k += 2
                elif _name_word(words[k]):
                    k += 1
                elif words[k] == "-" and k > j and k + 1 < n and words[k + 1].isalpha():
                    k += 2  # "Jae-myung", "al-Sudani"
                elif _particle_at(words, k, lines) and k > j:
                    k += 1  # "Daniel arap Moi"
                elif (
                    k > j
                    and k + 1 < n
                    and k + 1 not in lines
                    and (
                        (words[k] in _PARTICLES and words[k + 1] == "-")
                        or (words[k] in ("al", "el") and _name_word(words[k + 1]))
                    )
                ):
                    k += 1  # "Turki al-Faisal", "Yasir al Atta" (but "Jane Roe at Harbor")
                else:
                    break
            names = [
                w
                for w in words[j:k]
                if w not in (".", "-") and w not in SURNAME_PARTICLES and w not in _PARTICLES
            ]
            followed = (
                k < n
                and k not in lines
                and words[k][:1].isupper()
                and words[k].isalpha()
                and words[k] not in HONORIFICS
                and not _ends_name(words, k)
            )
            if (
                2 <= len(names) <= 4
                and not followed
                and not any(w in PERSON_TITLES or w in NOT_NAME_NOUNS for w in names)
            ):
                spans.append(Span(j, k, join_words(words, j, k), "person"))
        elif word == "," and i >= 2:
            # "Jane Roe, the director of", "Tom Lee, a former minister"
            k = i - 1
            while k >= 0 and i - k <= 6:
                if k + 1 in lines:
                    break  # the name starts its line: the word before is another line's
                if (
                    _name_word(words[k])
                    or initial(words, k)
                    or (words[k] == "-" and k > 0 and words[k - 1][:1].isalpha())
                    or (words[k] == "." and k > 0 and len(words[k - 1]) == 1)
                ):
                    k -= 1
                else:
                    break
            first = k + 1
            while first < i and (not _name_word(words[first]) or words[first] in HONORIFICS):
                first += 1  # "Dr Jane Roe, the director of": the name without its honorific
            names = [w for w in words[first:i] if w not in (".", "-")]
            if not 2 <= len(names) <= 4 or any(w in PERSON_TITLES for w in names):
                continue  # ("the crown prince, the Deputy Prime Minister, Minister of ...")
            after = words[i + 1 : i + 7]
            if after[1:2] == ["-"] and len(after) > 3 and _hyphenated_post(after[0], after[2]):
                # "Jane Roe, Secretary-General of the X": a post written with a hyphen
                after = [f"{after[0]}-{after[2]}", *after[3:]]
            body = after[3:4] if after[2:3] == ["the"] else after[2:3]  # the body's first word
            if (
                len(after) > 2
                and _post(after[0])
                and after[1] in ("of", "at")
                and body
                and body[0][:1].isupper()
            ):
                # "Jane Roe, CEO of Lumen Forge", "Tom Lee, chairman of the X Fund": a
                # post with no article before it.
                spans.append(Span(first, i, join_words(words, first, i), "person"))
                continue
            if not after or after[0] not in ("the", "a", "an", "who", "then"):
                continue
            # A role that is another person's title ("..., the system President Donald
            # Trump ordered") says nothing of the name before the comma.
            if any(
                words[k].lower() in APPOSITIVE_ROLES
                and not (k + 1 < n and words[k][:1].isupper() and _name_word(words[k + 1]))
                for k in range(i + 2, min(i + 7, n))
            ):
                spans.append(Span(first, i, join_words(words, first, i), "person"))
    return spans


_PORTFOLIO = frozenset({"of", "for", "to"})


def _after_portfolio(words: list[str], j: int, lines: Collection[int]) -> int | None:
    """Where a person's name starts after an office's "of", "for" or "to" and the place
    or portfolio it is held for ("President of Ruritania Jane Roe", "Minister of Foreign
    Affairs Tom Lee", "envoy for Freedonia Ana Ruiz"): the last two words of a
    run of three or four capitalised words that nothing capitalised or hyphenated
    follows, or None."""
    n = len(words)
    start = k = j + 1  # (not after "the": "president of the European Democrat Students")
    while k < n and k - start < 5 and (k == start or k not in lines) and _capital(words[k]):
        k += 1
    if k - start not in (3, 4):
        return None
    if k < n and k not in lines and (words[k][:1].isupper() or words[k] in ("-", "'")):
        return None
    name = k - 2
    if not all(_name_word(w) and w not in PERSON_TITLES for w in words[name:k]):
        return None
    return name


def _name_run(words: list[str], j: int, lines: Collection[int]) -> int | None:
    """Where a person's name of two to four words that starts at ``j`` ends, when
    nothing capitalised follows it on its line."""
    n = len(words)
    k = j
    while k < n and k - j < 7:
        if k > j and k in lines:
            break
        if _name_word(words[k]) and words[k] not in PERSON_TITLES:
            k += 1
        elif words[k] == "-" and k > j and k + 1 < n and words[k + 1].isalpha():
            k += 2  # "Ibaad-ur-Rehman", "al-Sudani"
        else:
            break
    names = [w for w in words[j:k] if w != "-"]
    if not 2 <= len(names) <= 4:
        return None
    if k < n and k not in lines and words[k][:1].isupper() and words[k].isalpha():
        return None
    return k


# An office held towards a place, then the holder's name after a comma ("the High
# Commissioner to Ruritania, Jane Roe and"; "the special envoy to Freedonia, Tom Lee").
_POSTED_TO = frozenset({"to", "for", "in"})


def _posted_persons(words: list[str], lines: Collection[int] = ()) -> list[Span]:
    """People named after an office held towards a place and a comma, or after their
    age ("the 22-year-old Jane Roe")."""
    spans: list[Span] = []
    n = len(words)
    for i in _where(map(_AFTER_CUES.__contains__, words)):
        if i + 1 >= n:
            continue
        if words[i] == ",":
            k = i - 1
            while k >= 0 and i - k <= 3 and _capital(words[k]) and words[k].isalpha():
                k -= 1
            if not (
                k < i - 1
                and k >= 1
                and words[k] in _POSTED_TO
                and words[k - 1].lower() in APPOSITIVE_ROLES
            ):
                continue
        elif i < 3 or words[i - 3 : i] != ["-", "year", "-"]:
            continue
        end = _name_run(words, i + 1, lines)
        if end is not None and not _PLACE_WORDS.intersection(words[i + 1 : end]):
            name = join_words(words, i + 1, end)
            if " " not in name:
                continue  # "the 78-year-old Sudanese-British billionaire": no name
            spans.append(Span(i + 1, end, name, "person"))
    return spans


_AFTER_CUES = frozenset({",", "old"})
# People given as examples of a kind of person ("opposition leaders such as Jane Roe").
_EXAMPLE_KINDS = frozenset(
    [
        "leaders",
        "activists",
        "figures",
        "dissidents",
        "politicians",
        "officials",
        "journalists",
        "critics",
        "candidates",
        "lawmakers",
        "opponents",
        "defenders",
    ]
)


def _exemplified_persons(words: list[str], lines: Collection[int] = ()) -> list[Span]:
    """The first person named after a plural noun of people and "such as"
    ("civil society leaders, such as Jane Roe")."""
    spans: list[Span] = []
    if "such" not in words:
        return spans
    for i in _where(map("such".__eq__, words)):
        if i + 2 >= len(words) or words[i + 1] != "as" or i < 1:
            continue
        kind = words[i - 2] if words[i - 1] == "," and i >= 2 else words[i - 1]
        if kind not in _EXAMPLE_KINDS:
            continue
        end = _name_run(words, i + 2, lines)
        if end is not None:
            spans.append(Span(i + 2, end, join_words(words, i + 2, end), "person"))
    return spans


# Words that make a capitalised pair a place ("the envoy to Japan, South Asia and ...").
_PLACE_WORDS = frozenset(
    {"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western"}
    | {"New", "Upper", "Lower", "Greater", "Saint", "San", "Santa", "Port", "Fort", "Mount"}
)


# Nouns for a kind of organisation in an appositive after its name ("Lumen Forge, a
# Denver chipmaker,"; "Harbor Light, the nonprofit that ..."), and the words that may
# follow such a noun when it ends the description (not "a company director").
DESCRIBED_ORGS = frozenset(
    [
        "airline",
        "automaker",
        "bank",
        "broadcaster",
        "carmaker",
        "charity",
        "chipmaker",
        "coalition",
        "company",
        "conglomerate",
        "consultancy",
        "contractor",
        "corporation",
        "firm",
        "group",
        "insurer",
        "lender",
        "manufacturer",
        "militia",
        "newspaper",
        "nonprofit",
        "non-profit",
        "organisation",
        "organization",
        "retailer",
        "shipbuilder",
        "startup",
        "start-up",
        "subsidiary",
        "tank",  # "think tank"
        "union",
    ]
)
_DESCRIPTION_ENDS = frozenset(
    {",", ".", ";", ":", ")", "—", "–", "that", "which", "whose", "based", "founded", "in"}
    | {"with", "run", "known", "led", "funded", "backed", "owned", "and", "for", "from"}
)


# Words that end a description before its noun ("a member of the group" describes a
# person, not the group).
_NOT_MODIFIERS = frozenset(
    [",", ".", ";", ":", "of", "the", "a", "an", "in", "at", "for", "'", "who", "with", "to"]
)


def _described_organisations(words: list[str], starts: list[bool]) -> list[Span]:
    """A capitalised name before an appositive that says it is a kind of organisation:
    "Lumen Forge, a Denver chipmaker, said"; "Harbor Light, the nonprofit that ..."."""
    spans: list[Span] = []
    n = len(words)
    for i in _where(map(",".__eq__, words)):
        if i < 1 or i + 2 >= n or words[i + 1] not in ("a", "an", "the"):
            continue
        # the description: up to five words, the last an organisation noun
        k = i + 2
        noun = -1
        while k < n and k - i <= 7 and words[k] not in _NOT_MODIFIERS:
            if words[k] in DESCRIBED_ORGS and (k + 1 >= n or words[k + 1] in _DESCRIPTION_ENDS):
                noun = k  # "a nonprofit advocacy group,": the last noun ends it
                break
            if words[k].lower() in APPOSITIVE_ROLES or words[k] in PERSON_NOUNS:
                break  # "Jane Roe, a former bank director": a person
            k += 1
        if noun < 0 or (words[noun] == "tank" and words[noun - 1] != "think"):
            continue
        # the name: capitalised words (with "&", "of", "for", "and", "-" inside) before
        # the comma, back to the sentence's start at most
        k, first = i - 1, i
        while k >= 0 and i - k <= 6:
            w = words[k]
            if w[:1].isupper() and w.replace("-", "").isalnum() and w not in FUNCTION_WORDS:
                first = k
                if starts[k]:
                    break
                k -= 1
            elif w in ("&", "of", "for", "and", "-", "'") and k > 0 and words[k - 1][:1].isupper():
                k -= 1
            else:
                break
        if first >= i or words[first] in FUNCTION_WORDS or words[first] in HEADLINE_WORDS:
            continue
        if any(w in PERSON_TITLES for w in words[first:i]):
            continue
        spans.append(Span(first, i, join_words(words, first, i), "organization"))
    spans.extend(_introduced_organisations(words, starts))
    return spans


CALENDAR = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    | {"January", "February", "March", "April", "May", "June", "July", "August"}
    | {"September", "October", "November", "December"}
)


def _introduced_organisations(words: list[str], starts: list[bool]) -> list[Span]:
    """A capitalised name right after "the" and a noun for a kind of organisation:
    "the chipmaker Lumen Forge", "the advocacy group Parents for Reading"."""
    spans: list[Span] = []
    n = len(words)
    for k in _where(map(DESCRIBED_ORGS.__contains__, words)):
        word = words[k]
        if k + 1 >= n or not words[k + 1][:1].isupper():
            continue
        if word == "tank" and words[k - 1] != "think":
            continue
        m = k - 1 if word != "tank" else k - 2
        while m >= 0 and m >= k - 3 and words[m].islower() and words[m] not in _NOT_MODIFIERS:
            m -= 1  # "the conservative advocacy group"
        if m < 0 or words[m] not in ("the", "The"):
            continue
        j = k + 1
        while j < n and j - k <= 6 and not starts[j]:
            w = words[j]
            capital = w[:1].isupper() and w.replace("-", "").isalnum() and w not in FUNCTION_WORDS
            joins = w in ("&", "of", "for", "and", "-") and j + 1 < n and words[j + 1][:1].isupper()
            if not (capital or joins):
                break
            j += 1
        while j > k + 1 and not words[j - 1][:1].isupper():
            j -= 1
        if j == k + 1 or any(
            w in PERSON_TITLES or w in HEADLINE_WORDS or w in CALENDAR for w in words[k + 1 : j]
        ):
            continue
        spans.append(Span(k + 1, j, join_words(words, k + 1, j), "organization"))
    return spans


# Nouns that make a person's name the name of a thing ("the Jane Roe Prize").
NAMED_THINGS = frozenset(
    [
        "Airport",
        "Avenue",
        "Award",
        "Bridge",
        "Building",
        "Cathedral",
        "Church",
        "Cup",
        "Dam",
        "Doctrine",
        "Festival",
        "Hall",
        "Highway",
        "Hospital",
        "Hotel",
        "Lecture",
        "Library",
        "Medal",
        "Memorial",
        "Mosque",
        "Museum",
        "Palace",
        "Park",
        "Prize",
        "Road",
        "Season",
        "Shrine",
        "Square",
        "Stadium",
        "Station",
        "Street",
        "Temple",
        "Tower",
        "Trophy",
    ]
)
# Lower-case words after which a capitalised pair is a place's or thing's name.
_NOT_NAMED_AFTER = ORG_HEADS | NAMED_THINGS
# A page's buttons, which follow a byline on the same line: no one's surname.
PAGE_BUTTONS = frozenset(["Share", "Tweet", "Email", "Print", "Subscribe", "Follow", "Comment"])
# Second halves of an English compound after a hyphen ("Democrat-led", "Moscow-backed"):
# words, where a lower-case part after a hyphen is otherwise a name's last part.
COMPOUND_ENDS = frozenset(
    {"led", "backed", "based", "born", "run", "owned", "style", "era", "made", "funded"}
    | {"sponsored", "allied", "aligned", "dominated", "controlled", "inspired", "linked"}
    | {"leaning", "friendly", "minded", "centred", "centered", "focused", "wide"}
)


def _given_named(
    words: list[str], starts: list[bool], names: NameWords, lines: Collection[int] = ()
) -> list[Span]:
    """People named with no cue but the name's shape: a given name the gazetteer's
    persons carry, an optional initial, and one or two surname words ("Gail Roe", "Omar
    J. Lind"), the whole not inside a longer run of capitalised words ("Mark Twain
    Prize", "Carmel Clay Schools")."""
    spans: list[Span] = []
    n = len(words)
    given = names.given
    for i in _where(map(given.__contains__, words)):
        before = words[i - 1] if i > 0 else ""
        if before in ("-", "'", "&", '"', "“"):
            continue  # "Jim-Bob", a name in quotation marks (a nickname, a title)
        if not starts[i] and before[:1].isupper() and before.isalpha() and before not in HONORIFICS:
            continue  # "Fort Lee Road", "Senator Jane" (the title rule's)
        if before == "the" and (i < 2 or words[i - 2] != "of"):
            continue  # "the Ivan Khurs": a ship, a prize, a building named after someone
        if before in ("a", "an"):
            continue  # "a Christian Scientist", "a Mark Twain novel": a kind, no one's name
        if words[i] in MONTHS and (before.isdigit() or before in DASHES):
            continue  # "2 August Published 4 August": a date, then a word
        if words[i] == "Al":
            continue  # "Al Udeid", "Al Thani": Arabic's article far more often than Al Gore's
        k = i + 1
        if initial(words, k):
            k += 2
        surnames = 0
        while k < n and surnames < 2 and _surname(words[k]):
            if words[k] in names.other or words[k] in PERSON_TITLES or k in lines:
                break  # a name ends at a line's end ("Sir Jane Roe" / "Commentary")
            if _ends_name(words, k):
                break
            k += 1
            surnames += 1
        if surnames == 0 or words[k - 1] in names.other or words[k - 1] in NAMED_THINGS:
            continue
        if words[k - 1] in PAGE_BUTTONS:
            continue  # "Posted By Walt Share": the author's name, then the page's button
        if words[k - 1] in ORG_HEADS or words[k - 1] in DOCUMENT_NOUNS:
            continue  # "the Royal Marines", "the Special Summit": a body or an event
        if k + 1 < n and words[k] == "-" and words[k + 1].isalpha() and words[k + 1].islower():
            if words[k + 1] in COMPOUND_ENDS:
                continue  # "his Christian Democrat-led government": a word, no one's name
            k += 2  # "Huang Kuo-chang": the name's last part, after a hyphen
        if k < n and (
            (
                words[k][:1].isupper()
                and words[k].isalpha()
                and k not in lines
                and not _ends_name(words, k)
            )
            or (words[k] == "-" and k + 1 < n and words[k + 1][:1].isupper())
        ):
            continue  # a longer capitalised run: an organisation, a place, a headline
        if k < n and words[k].islower() and words[k].capitalize() in _NOT_NAMED_AFTER:
            continue  # "the Carmel Hill schools", "the Don Sahong dam": no one's name
        if any(w in GENERIC_WORDS for w in words[i + 1 : k]):
            continue
        if words[k - 1].endswith(_ABSTRACT_ENDS) and len(words[k - 1]) >= 7:
            continue  # "Christian Democracy", "Victor Communism": an idea, no one's name
        spans.append(Span(i, k, join_words(words, i, k), "person"))
    return spans


# A document's front matter and a writer's role, after an author's name on a title page
# or in a byline ("Jane Roe Contents", "Jane Roe Specialist in Middle Eastern Affairs",
# "Jane Roe Journal of Democracy"), and a faith ("raised Roman Catholic"): never a
# surname (none is one in the gazetteer's 26,000 persons), so a name ends before them;
# after a title they are no name at all ("General Staff Officer", "General Elections").
NOT_NAME_NOUNS = frozenset(
    [
        "Contents",
        "Abstract",
        "Summary",
        "Introduction",
        "Foreword",
        "Preface",
        "Acknowledgements",
        "Acknowledgments",
        "Appendix",
        "Bibliography",
        "References",
        "Journal",
        "Bulletin",
        "Quarterly",
        "Newsletter",
        "Specialist",
        "Analyst",
        "Correspondent",
        "Researcher",
        "Lecturer",
        "Officer",
        "Officers",
        "Staff",
        "Fellow",
        "Editor",
        "Contributor",
        "Supervisor",
        "Examiner",
        "Columnist",
        "Election",
        "Elections",
        "Ph",
        "PhD",
        # a courtesy title, which opens the next name in a run-on list ("Ms. Jane Roe Ms.
        # Ada Vine"): no one's surname
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        "Prof",
        "Mme",
        # and a faith ("raised Roman Catholic")
        "Catholic",
        "Catholics",
        "Orthodox",
        "Protestant",
        "Protestants",
    ]
)


def _ends_name(words: list[str], k: int) -> bool:
    """``words[k]`` is no surname but may follow a name: a word above, or a date's month
    ("says Jane Roe May 23rd 2015": a byline, then its date)."""
    return words[k] in NOT_NAME_NOUNS or (
        words[k] in MONTHS and k + 1 < len(words) and words[k + 1][:1].isdigit()
    )


# Endings of abstract nouns, which surnames hardly ever have.
_ABSTRACT_ENDS = ("cracy", "ism", "tion", "sion")


def _surname(word: str) -> bool:
    """A name word whose only other capital, if any, follows a prefix of up to three
    letters ("McLean", "DeSantis", "MacArthur"): "VintnerMedia" is two words run
    together."""
    if not (word[-1:].islower() and word.isalpha() and _name_word(word)):
        return False
    inner = [k for k, c in enumerate(word) if c.isupper()][1:]
    return not inner or (len(inner) == 1 and inner[0] <= 3)


def initial(words: list[str], k: int) -> bool:
    """``words[k]`` is an initial followed by a full stop ("J" ".")."""
    return (
        0 <= k < len(words) - 1
        and len(words[k]) == 1
        and words[k].isupper()
        and words[k + 1] == "."
    )
