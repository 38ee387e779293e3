"""The theme taxonomy and the scorer.

``data/themes.json`` lists each theme's id, label, one-line scope and weighted terms;
a user file in the same shape adds themes or replaces built-in ones by id.

Terms are lowercase words or phrases matched case-insensitively on word boundaries
(hyphens count as spaces); a trailing ``*`` on a word matches any ending. A theme's
score is its weighted hits per 1,000 words, squashed to 0..1 by ``1 - exp(-d / SCALE)``;
themes at or above ``THRESHOLD`` with enough evidence beside the document's strongest
theme (or a high score from hits at several places), and (in a text of some length) from
more than one term and from at least one term that is not weak, are kept (see the
constants), and the strongest one or two are marked key.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from itertools import compress
from pathlib import Path
from typing import Any

from corpus_search.document import ThemeScore
from corpus_search.enrich import thememodel
from corpus_search.enrich.thememodel import ThemeModel, terms_digest, words
from corpus_search.errors import InputError

_TERM_WORD = re.compile(r"[^\W_]+\*?")
SCALE = 8.0
# Calibrated on the real tuning split (32 think-tank pages) and the labelled set, never on
# the never-tuned split: ``python bench/eval_enrichment.py`` reports both. A theme is kept
# when its score reaches THRESHOLD and either its weighted hits reach RELATIVE of the
# document's strongest theme or its score reaches SURE: a minimum-evidence rule, so that a
# page gets its topics rather than every theme a stray word touches (the earlier rule,
# score >= 0.3 alone, gave the real pages 5.5 themes each at precision 0.62; this one
# gives 3.2 at 0.82, with recall 0.92 on the tuning split). SURE was 0.7 until the sixth
# round's terms raised the scores of well-covered themes; at 0.75 the escape stays as rare.
THRESHOLD = 0.45
RELATIVE = 0.2
SURE = 0.75
# The escape is for a theme the text comes back to: its hits must sit at SURE_MENTIONS
# places or more. In a page of 300 words two good words already score 0.8, so without
# this a "cold war" and a "great power" in a page on nuclear posture, or one "human
# rights" said twice beside a ceasefire, stood as topics beside a theme five times as
# strong. Chosen on the real splits up to fresh7: it dropped three wrong themes there
# (and two in the labelled set), some touched ones, and no theme a page is about.
SURE_MENTIONS = 3
# Incidental words: in a text of MIN_WORDS words or more, a theme found through fewer than
# MIN_TERMS different terms is kept only when that term's weighted hits reach ONE_TERM_HITS
# (a near-certain term twice, a good one three times). One "space" or one "education" in a
# page of several paragraphs is not a topic of the page; a short note may have no second
# term to offer, so the rule leaves texts under MIN_WORDS alone. Chosen on the real
# tuning, never-tuned, fresh and fresh2 splits (whole views and their first 280 words).
# A theme found only through weak terms (weight below STRONG: "useful only alongside other
# hits", says the taxonomy) is held to the same bar however many of them it has: "regime",
# "opposition" and "governance" in a page on a war do not make it a page on governance;
# and one weak term alone, however often repeated, never makes a topic of a page.
# Chosen on every real split up to fresh5 (the sixth round).
MIN_WORDS = 150
MIN_TERMS = 2
ONE_TERM_HITS = 6
# One weak term alone (however often) is not a topic of a text of WEAK_ALONE_WORDS words
# or more either: a page of some 140 words that names "the regime", "the economy" and
# "intelligence" once each beside its topic is not also about governance, the economy and
# spying. Only a note shorter than this may have nothing better to offer. Chosen on the
# real splits up to fresh7: it dropped four wrong themes of one such page and no right one.
WEAK_ALONE_WORDS = 100
# Key themes: the strongest, and any other within KEY_SHARE of it (at most KEY_MAX).
KEY_SHARE = 0.75
KEY_MAX = 2
MIN_PREFIX = 3
# Weak terms (weight below STRONG) of one word count only outside the phrases that any
# theme matched in the text (_count_loose_words): "cold war" is not also a "war".
STRONG = 2
_STARTS_CACHE = 200_000  # distinct words whose theme terms are remembered


_Entry = tuple[str, tuple[str, ...], int, int]  # theme id, words after the first, weight, term no.
_Start = tuple[str, tuple[str, ...], int, int, list[str] | None]  # + those words if no "*"


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    scope: str
    terms: tuple[tuple[tuple[str, ...], int], ...]  # (words, weight); a word may end in "*"
    # The keep rule's two bars for this theme, where its own calibration moved them
    # (``bench/calibrate_themes.py``); None: THRESHOLD and RELATIVE.
    threshold: float | None = None
    relative: float | None = None


class Taxonomy:
    def __init__(self, themes: Sequence[Theme]) -> None:
        self.themes: dict[str, Theme] = {}
        for theme in themes:
            self.themes[theme.id] = theme

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> Taxonomy:
        data = resources.files("corpus_search.enrich") / "data" / "themes.json"
        docs = [("the packaged themes.json", json.loads(data.read_text("utf-8")))]
        for path in extra:
            try:
                docs.append((str(path), json.loads(Path(path).read_text("utf-8"))))
            except (OSError, ValueError) as exc:
                raise InputError(
                    f"cannot read taxonomy file {path}: {exc}",
                    "give a JSON file shaped like corpus_search/enrich/data/themes.json",
                ) from None
        themes = []
        for path, doc in docs:
            for entry in doc.get("themes", []):
                terms = tuple(
                    (tuple(_TERM_WORD.findall(term.lower())), int(weight))
                    for term, weight in entry.get("terms", {}).items()
                )
                themes.append(
                    Theme(
                        entry["id"],
                        entry.get("label", entry["id"]),
                        entry.get("scope", ""),
                        terms,
                        _bar(entry, "threshold", path),
                        _bar(entry, "relative", path),
                    )
                )
        return cls(themes)

    def resolve(self, text: str) -> Theme | None:
        key = text.strip().casefold().replace(" ", "-").replace("_", "-")
        theme = self.themes.get(key)
        if theme:
            return theme
        return next(
            (t for t in self.themes.values() if t.label.casefold() == text.casefold()), None
        )

    @cached_property
    def _index(self) -> tuple[dict[str, list[_Entry]], set[int]]:
        """Key -> [(theme id, remaining words, weight, term number)]; a key is a whole word
        or a prefix marked "stem*". Also the set of prefix lengths used."""
        index: dict[str, list[_Entry]] = {}
        lengths: set[int] = set()
        for number, (theme_id, term, weight) in self._numbered.items():
            head = term[0]
            if head.endswith("*"):
                lengths.add(len(head) - 1)
            index.setdefault(head, []).append((theme_id, term[1:], weight, number))
        return index, lengths

    @cached_property
    def _numbered(self) -> dict[int, tuple[str, tuple[str, ...], int]]:
        """Term number (from 1, as ``Evidence.terms`` holds them) -> (theme, words, weight)."""
        terms = ((t.id, term, weight) for t in self.themes.values() for term, weight in t.terms)
        return dict(enumerate((entry for entry in terms if entry[1]), start=1))

    @cached_property
    def term_names(self) -> dict[int, str]:
        """Term number -> the term as written (its words joined by spaces)."""
        return {number: " ".join(term) for number, (_, term, _) in self._numbered.items()}

    @cached_property
    def model(self) -> tuple[ThemeModel | None, frozenset[str]]:
        """The shipped keep model and the themes it judges: those it was fitted for whose
        terms are still the ones it was fitted with (a theme a user's file adds or
        redefines is judged by the hand-set rule)."""
        model = thememodel.shipped()
        if model is None:
            return None, frozenset()
        judged = {
            t.id for t in self.themes.values() if model.digests.get(t.id) == terms_digest(t.terms)
        }
        return model, frozenset(judged)

    @cached_property
    def _starts(self) -> dict[str, list[_Start]]:
        return {}

    def evidence(self, text: str) -> tuple[int, dict[str, Evidence]]:
        """The number of words of ``text`` and, for each theme with a hit, its evidence:
        weighted hits, the different terms found, whether any was strong, and where."""
        index, lengths = self._index
        tokens = words(text)
        found: dict[str, Evidence] = {}
        if not tokens:
            return 0, found
        # The terms a word can start, looked up once per distinct word and kept across
        # documents (the vocabulary repeats); the cache is emptied when it grows large.
        starts = self._starts
        if len(starts) > _STARTS_CACHE:
            starts.clear()
        for token in set(tokens).difference(starts):
            starts[token] = [
                (*entry, None if any(w.endswith("*") for w in entry[1]) else list(entry[1]))
                for key in (
                    token,
                    *(token[:k] + "*" for k in lengths if MIN_PREFIX <= k <= len(token)),
                )
                for entry in index.get(key, ())
            ]
        found_at = list(map(starts.__getitem__, tokens))
        phrases: list[tuple[int, int]] = []  # (first word, words after it) of phrase hits
        loose: list[tuple[int, str, int, int]] = []  # weak one-word hits, counted after
        # Most words start no term: ``compress`` skips them without a Python step each.
        for i in compress(range(len(tokens)), found_at):
            for theme_id, rest, weight, number, plain in found_at[i]:
                if rest:
                    if plain is not None:  # no "*" in the term: compare the words at once
                        if tokens[i + 1 : i + 1 + len(plain)] != plain:
                            continue
                    elif not _follows(tokens, i + 1, rest):
                        continue
                    phrases.append((i, len(rest)))
                elif weight < STRONG:
                    loose.append((i, theme_id, weight, number))
                    continue
                _add(found, theme_id, i, weight, number)
        _count_loose_words(loose, phrases, found)
        return len(tokens), found

    @cached_property
    def bars(self) -> dict[str, tuple[float, float]]:
        """The keep rule's (threshold, relative) of each theme that has bars of its own."""
        return {
            t.id: (
                THRESHOLD if t.threshold is None else t.threshold,
                RELATIVE if t.relative is None else t.relative,
            )
            for t in self.themes.values()
            if t.threshold is not None or t.relative is not None
        }

    def score(
        self, text: str, threshold: float | None = None, head: str = "", *, rule: bool = False
    ) -> list[ThemeScore]:
        """Themes of ``text``, best first: by default those the keep model keeps
        (``thememodel``; ``head`` is the title and standfirst the text opens with), and
        for a theme the model does not judge, a text longer than it judges, or with
        ``rule``, those the hand-set rule keeps (each theme's bars and the
        minimum-evidence rule, see ``keep``); with ``threshold`` given, every theme
        scoring at least that (no evidence rule: the raw scores)."""
        length, found = self.evidence(text)
        if threshold is None:
            model, judged = (None, frozenset()) if rule else self.model
            if model is None or not judged or length > model.max_words:
                kept = keep(length, found, self.bars) if found else []
            else:
                kept = self._modelled(model, judged, text, length, found, head)
        else:
            kept = [
                (ev.hits, ThemeScore(theme_id, score))
                for theme_id, ev in found.items()
                if (score := _score(ev, length)) >= threshold
            ]
        top = max((e.hits for e in found.values()), default=0.0)
        kept.sort(key=lambda item: (-item[0], item[1].id))
        result = [
            ThemeScore(theme.id, theme.score, rank < KEY_MAX and hits >= KEY_SHARE * top)
            for rank, (hits, theme) in enumerate(kept)
        ]
        result.sort(key=lambda t: (-t.score, t.id))
        return result

    def _modelled(
        self,
        model: ThemeModel,
        judged: frozenset[str],
        text: str,
        length: int,
        found: dict[str, Evidence],
        head: str,
    ) -> list[tuple[float, ThemeScore]]:
        """The themes the model keeps, and those outside its themes the rule keeps. A
        theme the text has no term for, or one weak term alone, is judged by what the
        model's words stage says of it, if it has one; kept without a term, its score is
        the model's probability."""
        ruled = keep(length, found, self.bars) if found else []
        kept = [item for item in ruled if item[1].id not in judged]
        top = max((e.hits for e in found.values()), default=0.0)
        in_head = self.evidence(head)[1] if head and found else {}
        names = self.term_names
        said = model.words.log_odds(text) if model.words is not None else {}
        for theme_id in sorted(judged):
            ev = found.get(theme_id)
            head_hits = in_head[theme_id].hits if theme_id in in_head else 0.0
            by_terms = ev is not None and not lone_weak_term(ev, length)
            if by_terms or theme_id not in said:
                named = thememodel.candidate_features(
                    theme_id, ev, by_terms, length, top, head_hits, len(found), names, said
                )
                if named is None:
                    continue
                probability = model.probability(named)
            else:  # no term for it (or one weak term alone): what the words stage says
                probability = model.unfound_probability(theme_id, said[theme_id])
            if probability >= model.threshold:
                score = _score(ev, length) if ev is not None else round(probability, 3)
                kept.append((ev.hits if ev is not None else 0.0, ThemeScore(theme_id, score)))
        return kept


def _score(ev: Evidence, length: int) -> float:
    """A theme's score: its weighted hits per 1,000 words, squashed to 0..1."""
    per_thousand = 1000.0 / max(length, 200)
    return round(1.0 - math.exp(-(ev.hits * per_thousand) / SCALE), 3)


def lone_weak_term(ev: Evidence, length: int) -> bool:
    """One weak term alone, however often, in a text of WEAK_ALONE_WORDS words or more:
    never a topic, for the rule and the model alike (the model judges the rest)."""
    return length >= WEAK_ALONE_WORDS and len(ev.terms) < MIN_TERMS and not ev.strong


def keep(
    length: int, found: dict[str, Evidence], bars: dict[str, tuple[float, float]]
) -> list[tuple[float, ThemeScore]]:
    """The keep rule: the themes of a text of ``length`` words with this evidence that
    reach their bars (``bars``: theme -> (threshold, relative); the others THRESHOLD and
    RELATIVE) with enough evidence, as (weighted hits, theme). ``bench/calibrate_themes.py``
    calls it with other bars."""
    top = max(e.hits for e in found.values())
    long_text = length >= MIN_WORDS
    kept = []
    for theme_id, ev in found.items():
        hits = ev.hits
        score = _score(ev, length)
        floor, relative = bars.get(theme_id, (THRESHOLD, RELATIVE))
        enough = hits >= relative * top or (score >= SURE and len(ev.at) >= SURE_MENTIONS)
        one_term = len(ev.terms) < MIN_TERMS
        weak_only = not ev.strong
        one_word = lone_weak_term(ev, length) or (
            long_text and (one_term or weak_only) and hits < ONE_TERM_HITS
        )
        if score >= floor and enough and not one_word:
            kept.append((hits, ThemeScore(theme_id, score)))
    return kept


def _bar(entry: dict[str, Any], key: str, path: str) -> float | None:
    """A theme's own ``threshold`` or ``relative`` (a number from 0 to 1), if it has one."""
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise InputError(
            f"theme {entry.get('id')!r} in {path}: {key} must be a number from 0 to 1",
            f"give {key} as a number such as 0.45, or leave it out for the default",
        )
    return float(value)


@dataclass
class Evidence:
    """What a text offers for one theme: its weighted hits, the different terms found
    (by term number), whether any hit was of a term of weight STRONG or more, and the
    word positions of the hits."""

    hits: float = 0.0
    terms: set[int] = field(default_factory=set)
    strong: bool = False
    at: list[int] = field(default_factory=list)


def _add(found: dict[str, Evidence], theme_id: str, at: int, weight: int, number: int) -> None:
    ev = found.get(theme_id)
    if ev is None:
        ev = found[theme_id] = Evidence()
    ev.hits += weight
    ev.terms.add(number)
    ev.at.append(at)
    if weight >= STRONG:
        ev.strong = True


def _count_loose_words(
    loose: list[tuple[int, str, int, int]],
    phrases: list[tuple[int, int]],
    found: dict[str, Evidence],
) -> None:
    """Add the weak one-word hits that are not inside a phrase some theme matched.

    A phrase is read as the phrase: the "war" of "cold war" or "trade war" and the
    "nuclear" of "nuclear deal" are not also loose words for another theme, nor are the
    "rights" of "human rights" or the "gas" of "natural gas" a second, separate term for
    the phrase's own theme."""
    covered = {k for first, extra in phrases for k in range(first, first + extra + 1)}
    for i, theme_id, weight, number in loose:
        if i not in covered:
            _add(found, theme_id, i, weight, number)


def _follows(tokens: list[str], start: int, rest: tuple[str, ...]) -> bool:
    if start + len(rest) > len(tokens):
        return False
    for offset, word in enumerate(rest):
        token = tokens[start + offset]
        if word.endswith("*"):
            if not token.startswith(word[:-1]):
                return False
        elif token != word:
            return False
    return True
