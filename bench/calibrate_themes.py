"""Each theme's own keep bars, fitted on the labelled real pages opened for tuning.

    python bench/calibrate_themes.py            # the fit and its cross-validation, printed
    python bench/calibrate_themes.py --write    # also write the bars into data/themes.json

A theme is kept when its score reaches THRESHOLD and its weighted hits reach RELATIVE of
the document's strongest theme (``corpus_search.enrich.themes``; the other parts of the
rule are left as they are). One pair of bars for every theme tags some themes too often
(diplomacy, the international order, the economy: words every piece on foreign affairs
uses) and others too rarely. This script tries, for each theme alone, every pair on a
small grid and keeps the pair that best trades right tags against wrong ones on the
tuning pages, pooled: each page about the theme that keeps it counts HIT_WEIGHT, each
wrong tag -1 (a tag on a page that only touches the theme counts neither). A theme keeps
the global bars unless another pair gains at least MIN_GAIN on the pooled pages.

The pages: the synthetic labelled set, the seed commentary and the real splits opened for
tuning (``TUNING_SHARED``, ``TUNING_TEXT``), read as ``bench/eval_enrichment.py`` reads
them (``../shared/data`` and the evaluation cache, see ``python -m tools.evalcache
status``). Never a split kept clean for the theme rules
(real-never, real-fresh6 to real-fresh9) or for the tagger (the newest clean splits):
those measure the result. The fit is checked first by four-fold cross-validation over
whole splits (fit on three quarters, score the fourth), so the printed gain is one on
pages the fit did not see.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus_search.enrich import Enricher, tagged_text  # noqa: E402
from corpus_search.enrich import themes as T  # noqa: E402
from corpus_search.enrich.evaluate import (  # noqa: E402
    Labelled,
    load_labelled,
    load_real,
    load_real_text,
    load_seed,
)

LABELS = ROOT / "tests" / "data" / "enrichment"
THEMES = ROOT / "corpus_search" / "enrich" / "data" / "themes.json"
SHARED = ROOT.parent / "shared" / "data" / "thinktanks"
SEED = ROOT.parent / "shared" / "data" / "seed"
CACHE = Path("/work/evalcache/enrichment")
# Opened for tuning: the synthetic labelled set and the seed commentary (the first rules'
# material), the shared pool's tuning, fresh and fresh2 splits, and the text splits every
# round since has tuned on. Not the synthetic held-out set, real-never, fresh6 to fresh9
# (the theme rules' clean tests) nor fresh34 and later (the tagger's clean tests).
TUNING_SHARED = ["real_labels.json:tuning", "real_labels_fresh.json", "real_labels_fresh2.json"]
TUNING_TEXT = [3, 4, 5, *range(10, 38)]
FLOORS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
RELATIVES = (0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
# A theme's gain: HIT_WEIGHT for each page about it that keeps it, -1 for each wrong tag.
# A missed topic weighs more than a wrong one: recall is the further from its target.
HIT_WEIGHT = 1.5
MIN_GAIN = 2  # below this gain over the global bars, the global bars stay

Row = tuple[Labelled, int, dict[str, Any]]  # a page, its length, its evidence per theme


def tuning_groups(enricher: Enricher) -> dict[str, list[Row]]:
    """The tuning pages by split, each with the evidence the scorer reads."""
    groups: dict[str, list[Labelled]] = {"labelled": load_labelled(LABELS / "labelled.json")}
    for expected in sorted(SEED.glob("*.expected.json")):
        text = expected.with_name(expected.name.replace(".expected.json", ".txt"))
        groups["seed"] = [load_seed(text, expected, enricher, LABELS / "seed_also.json")]
    for entry in TUNING_SHARED:
        name, _, split = entry.partition(":")
        docs, why = load_real(LABELS / name, SHARED)
        if why:
            print(f"note: {name} skipped: {why}", file=sys.stderr)
        groups[name] = [d for d in docs if not split or d.split == split]
    for number in TUNING_TEXT:
        docs, why = load_real_text(LABELS / f"real_labels_fresh{number}.json", CACHE)
        if why:
            print(f"note: fresh{number}: {why[:160]}", file=sys.stderr)
        groups[f"fresh{number}"] = docs
    return {name: [_row(enricher, d) for d in docs] for name, docs in groups.items() if docs}


def _row(enricher: Enricher, doc: Labelled) -> Row:
    _head, _body, text = tagged_text(doc.title, doc.subtitle, doc.body)
    length, found = enricher.taxonomy.evidence(text)
    return doc, length, found


def kept(length: int, found: dict[str, Any], bars: dict[str, tuple[float, float]]) -> set[str]:
    """The themes the scorer's keep rule keeps with these bars (theme -> (threshold,
    relative); the others the global ones)."""
    return {theme.id for _hits, theme in T.keep(length, found, bars)} if found else set()


def counts(rows: list[Row], bars: dict[str, tuple[float, float]], theme: str | None = None):
    """(found, right, needed, hit) over ``rows``, for one theme or all."""
    found = right = needed = hit = 0
    for doc, length, evidence in rows:
        got = kept(length, evidence, bars)
        about, allowed = set(doc.about), set(doc.about) | set(doc.touches)
        if theme is not None:
            got, about, allowed = got & {theme}, about & {theme}, allowed & {theme}
        found += len(got)
        right += len(got & allowed)
        needed += len(about)
        hit += len(got & about)
    return found, right, needed, hit


def fit(rows: list[Row], themes: list[str]) -> dict[str, tuple[float, float]]:
    """Each theme's best pair of bars on ``rows`` (only those that gain MIN_GAIN)."""
    bars: dict[str, tuple[float, float]] = {}
    default = (T.THRESHOLD, T.RELATIVE)
    for theme in themes:

        def gain(pair: tuple[float, float], theme: str = theme) -> float:
            found, right, _needed, hit = counts(rows, {theme: pair}, theme)
            return HIT_WEIGHT * hit - (found - right)

        base = gain(default)
        best = max(
            ((f, r) for f in FLOORS for r in RELATIVES),
            key=lambda pair: (gain(pair), -abs(pair[0] - default[0]) - abs(pair[1] - default[1])),
        )
        if gain(best) - base >= MIN_GAIN:
            bars[theme] = best
    return bars


def rates(found: int, right: int, needed: int, hit: int) -> str:
    return f"{right / max(found, 1):.3f} / {hit / max(needed, 1):.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the bars into themes.json")
    args = parser.parse_args(argv)
    data = json.loads(THEMES.read_text("utf-8"))
    # the fit starts from the global bars: the packaged file's own bars are set aside
    for entry in data["themes"]:
        entry.pop("threshold", None)
        entry.pop("relative", None)
    enricher = Enricher.load()
    enricher.taxonomy = T.Taxonomy(
        [replace(t, threshold=None, relative=None) for t in enricher.taxonomy.themes.values()]
    )
    themes = sorted(enricher.taxonomy.themes)
    groups = tuning_groups(enricher)
    names = sorted(groups)
    pages = sum(len(rows) for rows in groups.values())
    print(f"{pages} tuning pages in {len(names)} splits")
    random.Random(7).shuffle(names)
    folds = [names[k::4] for k in range(4)]
    before, after = [0, 0, 0, 0], [0, 0, 0, 0]
    for number, held in enumerate(folds):
        train = [r for n in names if n not in held for r in groups[n]]
        test = [r for n in held for r in groups[n]]
        bars = fit(train, themes)
        b, a = counts(test, {}), counts(test, bars)
        before = [x + y for x, y in zip(before, b, strict=True)]
        after = [x + y for x, y in zip(after, a, strict=True)]
        print(f"fold {number + 1} ({len(test)} pages held out): P / R {rates(*b)} -> {rates(*a)}")
    print(f"cross-validated, all folds: P / R {rates(*before)} -> {rates(*after)}")
    rows = [r for n in names for r in groups[n]]
    bars = fit(rows, themes)
    print(
        f"fitted on all {len(rows)} tuning pages: P / R {rates(*counts(rows, {}))} -> "
        f"{rates(*counts(rows, bars))}"
    )
    for theme in themes:
        if theme in bars:
            print(f"  {theme}: threshold {bars[theme][0]}, relative {bars[theme][1]}")
    if args.write:
        for entry in data["themes"]:
            if entry["id"] in bars:
                entry["threshold"], entry["relative"] = bars[entry["id"]]
        THEMES.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {len(bars)} themes' bars into {THEMES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
