"""A deterministic synthetic corpus in the export JSONL schema, for benchmarks.

Every word is made here: a vocabulary of invented words drawn with a Zipf law, a short
list of English function words, the theme terms of the project's own taxonomy and the
canonical names of its gazetteer (real states, leaders and organisations), so actor,
theme, source and date filters select realistic shares of the corpus. No third-party
text is used. The same seed, size and gazetteer always give the same file, byte for
byte (the actors' ranking follows the gazetteer files, so it moves when they change).

    python bench/generate.py 10000 /tmp/bench-10k.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "corpus_search" / "enrich" / "data"


def _words(text: str) -> list[str]:
    return text.split()


# Function words at the head of the frequency curve (most are stop words to the analyzer).
FUNCTION_WORDS = _words(
    "the of and to in a that is for on as with by it was at from be this are has "
    "its an have which not but or their will more than been were also after over "
    "would new could about into other such while both against between only may its "
    "since under before those most many where because same these there when them"
)

SOURCES = (
    "RUSI",
    "CSIS",
    "Carnegie Endowment for International Peace",
    "Chatham House",
    "Brookings Institution",
    "ECFR",
    "IISS",
    "Atlantic Council",
    "RAND Corporation",
    "Lowy Institute",
    "SWP Berlin",
    "Ifri",
)
# Larger publishers publish more: relative output of each source above.
SOURCE_WEIGHTS = (9, 12, 8, 7, 11, 6, 5, 10, 6, 4, 3, 3)

FIRST_YEAR, LAST_YEAR = 2011, 2025
SYLLABLES = _words(
    "ba be bi bo bu ca ce co da de di do fa fe fi ga go ha he hi ka ke ko la le li lo "
    "lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te "
    "ti to tu va ve vi vo za ze zo tra tre pri pro str sta ste con der ter ver lan ran "
    "mon men tor vel sel mar nal ist ant ent ous ive ble ing"
)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def vocabulary(rng: random.Random, size: int) -> list[str]:
    """Invented words, shorter ones more frequent (as in real text), no duplicates."""
    words = list(FUNCTION_WORDS)
    seen = set(words)
    while len(words) < size:
        length = 1 + min(4, int(rng.expovariate(0.8)))
        word = _word(rng, length)
        if len(word) > 2 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


def zipf_weights(count: int, exponent: float = 1.07) -> list[float]:
    """Cumulative weights of a Zipf law over ranks 1..count (for random.choices)."""
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, count + 1)))


def load_actors() -> list[dict[str, str]]:
    """Canonical gazetteer names with type and code, countries first (they dominate)."""
    actors = []
    countries = json.loads((DATA / "countries.json").read_text("utf-8"))["countries"]
    for entry in countries:
        actors.append({"name": entry["name"], "type": "country", "code": entry["code"]})
    organizations = json.loads((DATA / "organizations.json").read_text("utf-8"))
    for entry in organizations["organizations"]:
        actors.append({"name": entry["name"], "type": "organization", "code": entry["country"]})
    for entry in json.loads((DATA / "persons.json").read_text("utf-8"))["persons"]:
        actors.append({"name": entry["name"], "type": "person", "code": entry["country"]})
    return actors


def load_themes() -> list[tuple[str, list[str]]]:
    """(theme id, its plain terms) from the taxonomy; wildcards lose their star."""
    themes = json.loads((DATA / "themes.json").read_text("utf-8"))["themes"]
    return [
        (theme["id"], [term.rstrip("*") for term in theme["terms"] if term.rstrip("*")])
        for theme in themes
    ]


# Actors that dominate the commentary get pushed to the head of the actor ranking.
PROMINENT = (
    "United States",
    "China",
    "Russia",
    "Ukraine",
    "NATO",
    "European Union",
    "Iran",
    "Israel",
    "India",
    "Germany",
    "France",
    "United Kingdom",
    "Japan",
    "Taiwan",
    "Xi Jinping",
    "Vladimir Putin",
    "Donald Trump",
    "Joe Biden",
    "Turkey",
    "North Korea",
)


class Generator:
    def __init__(self, seed: int = 7, vocab_size: int = 40_000) -> None:
        self.seed = seed
        # One generator per part, so a change in the gazetteer's size leaves the others be.
        rng = random.Random(f"{seed}:actors")
        self.words = vocabulary(random.Random(f"{seed}:words"), vocab_size)
        self.word_cum = zipf_weights(len(self.words))
        actors = load_actors()
        by_name = {a["name"]: a for a in actors}
        head = [by_name[name] for name in PROMINENT if name in by_name]
        rest = [a for a in actors if a["name"] not in PROMINENT]
        rng.shuffle(rest)
        self.actors = head + rest
        self.actor_cum = zipf_weights(len(self.actors), 1.0)
        self.themes = load_themes()
        random.Random(f"{seed}:themes").shuffle(self.themes)
        self.theme_cum = zipf_weights(len(self.themes), 0.8)
        self.source_cum = list(itertools.accumulate(SOURCE_WEIGHTS))
        rng = random.Random(f"{seed}:names")
        self.first_names = [_word(rng, 2).capitalize() for _ in range(300)]
        self.surnames = [_word(rng, rng.choice((2, 3))).capitalize() for _ in range(900)]

    def document(self, number: int) -> dict[str, Any]:
        rng = random.Random(f"{self.seed}:{number}")
        source = rng.choices(SOURCES, cum_weights=self.source_cum)[0]
        themes = _distinct(rng, self.themes, self.theme_cum, rng.randint(1, 4))
        actors = _distinct(rng, self.actors, self.actor_cum, rng.randint(2, 12))
        length = max(500, min(2000, int(rng.lognormvariate(6.75, 0.35))))
        body_words = rng.choices(self.words, cum_weights=self.word_cum, k=length)
        # Theme terms and actor names in the text, so full-text search and filters agree.
        inserts: list[str] = []
        for _theme_id, terms in themes:
            inserts.extend(rng.choices(terms, k=rng.randint(3, 10)))
        counts = {}
        for rank, actor in enumerate(actors):
            count = max(1, int(8 / (rank + 1)) + rng.randint(0, 2))
            counts[actor["name"]] = count
            inserts.extend([actor["name"]] * count)
        for phrase in inserts:
            body_words.insert(rng.randrange(len(body_words) + 1), phrase)
        body = _paragraphs(rng, body_words)
        title_words = rng.choices(self.words[40:3000], k=rng.randint(4, 9))
        title_words.insert(rng.randrange(len(title_words) + 1), actors[0]["name"])
        title = " ".join(title_words)
        title = title[0].upper() + title[1:]
        subtitle_words = rng.choices(self.words, cum_weights=self.word_cum, k=rng.randint(14, 28))
        subtitle = _sentence(subtitle_words)
        year = rng.randint(FIRST_YEAR, LAST_YEAR)
        precision = rng.random()
        if precision < 0.05:
            published = f"{year:04d}"
        elif precision < 0.15:
            published = f"{year:04d}-{rng.randint(1, 12):02d}"
        else:
            published = f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        url = f"https://bench.invalid/{_slug(source)}/{number}"
        authors = [
            {
                "name": f"{rng.choice(self.first_names)} {rng.choice(self.surnames)}",
                "role": rng.choice((None, "Senior Fellow", "Associate Fellow", "Director")),
            }
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))
        ]
        return {
            "schema_version": 1,
            "id": hashlib.sha1(url.encode()).hexdigest()[:16],
            "url": url,
            "source": source,
            "title": title,
            "subtitle": subtitle,
            "authors": authors,
            "published": published,
            "updated": None,
            "language": "en",
            "sections": [],
            "tags": [themes[0][0].replace("-", " ")],
            "body": body,
            "actors": [
                {
                    "name": actor["name"],
                    "type": actor["type"],
                    "code": actor["code"],
                    "count": counts[actor["name"]],
                    "first": 0,
                    "key": rank == 0 or counts[actor["name"]] >= 4,
                }
                for rank, actor in enumerate(actors)
            ],
            "themes": [
                {"id": theme_id, "score": round(1.0 - 0.2 * rank, 2)}
                for rank, (theme_id, _terms) in enumerate(themes)
            ],
            "mentioned_years": sorted({year, max(FIRST_YEAR - 5, year - rng.randint(1, 20))}),
            "mentioned_dates": [],
            "content_hash": "",
            "fetched_at": None,
        }

    def documents(self, count: int) -> Iterator[dict[str, Any]]:
        for number in range(count):
            yield self.document(number)


def _distinct(rng: random.Random, items: list[Any], cum: list[float], k: int) -> list[Any]:
    chosen: dict[int, Any] = {}
    while len(chosen) < min(k, len(items)):
        (index,) = rng.choices(range(len(items)), cum_weights=cum)
        chosen.setdefault(index, items[index])
    return list(chosen.values())


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, words: list[str]) -> str:
    paragraphs, sentences, start = [], [], 0
    while start < len(words):
        size = rng.randint(8, 30)
        sentences.append(_sentence(words[start : start + size]))
        start += size
        if len(sentences) >= rng.randint(3, 7):
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def _slug(name: str) -> str:
    return "-".join(name.lower().split())


def write_jsonl(path: Path, count: int, seed: int = 7) -> Path:
    generator = Generator(seed)
    with path.open("w", encoding="utf-8") as out:
        for record in generator.documents(count):
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many documents")
    parser.add_argument("output", type=Path, help="the JSONL file to write")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    write_jsonl(args.output, args.count, args.seed)
    print(f"wrote {args.count} documents to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
