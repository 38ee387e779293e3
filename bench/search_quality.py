"""Ranking quality of the title and standfirst boosts (BM25F field weights), measured.

Builds the bundled demo corpus (48 pages) once, then re-indexes the same enriched
documents under each pair of boosts and scores a set of labelled queries: nDCG@5 and
MRR (mean reciprocal rank of the first relevant document), averaged over queries.

    python bench/search_quality.py            # the table the README quotes
    python bench/search_quality.py --json     # the same, for scripts

The labels (below) were judged by reading each demo article's title and standfirst,
which favours title matches somewhat; they are a sanity check of the chosen weights on
a small corpus, not a general evaluation.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus_search import Corpus  # noqa: E402
from corpus_search.demo.site import build_site  # noqa: E402
from corpus_search.store.whoosh import schema  # noqa: E402

# query -> {last URL segment of a demo article: grade (2 about it, 1 relevant)}
LABELS: dict[str, dict[str, int]] = {
    "arms control treaty": {
        "new-start-extension-buys-time": 2,
        "new-start-suspension-what-remains": 2,
        "after-the-inf-treaty": 2,
        "golden-dome-strategic-stability": 1,
    },
    "missile defence": {
        "golden-dome-strategic-stability": 2,
        "thaad-seoul-beijing-pressure": 2,
        "after-the-inf-treaty": 1,
    },
    "nuclear deterrence": {
        "three-way-nuclear-deterrence": 2,
        "north-korea-sixth-test": 2,
        "warsaw-summit-baltic-presence": 1,
        "golden-dome-strategic-stability": 1,
    },
    "sanctions relief": {"iran-deal-sanctions-relief": 2, "iran-deal-verification-test": 2},
    "export controls": {
        "october-chip-controls-china.html": 2,
        "deepseek-export-controls-debate.html": 2,
        "huawei-entity-list.html": 1,
    },
    "undersea cables": {
        "undersea-cables-grey-zone.html": 2,
        "baltic-sentry-undersea-infrastructure": 2,
    },
    "human rights council": {
        "us-leaves-human-rights-council": 2,
        "xinjiang-debate-vote-fails": 2,
    },
    "migration": {"eu-turkey-migration-deal": 2, "eu-migration-pact-adopted": 2},
    "climate": {
        "paris-exit-climate-diplomacy": 2,
        "glasgow-climate-pact-verdict": 2,
        "amazon-fires-sovereignty-g7": 1,
    },
    "tariffs": {
        "tariff-shock-and-pause": 2,
        "trade-war-tests-wto": 2,
        "critical-minerals-after-truce": 1,
    },
    "ceasefire": {"minsk-two-fragile-ceasefire": 2, "karabakh-ceasefire-russian-peacekeepers": 2},
    "Taiwan": {"pla-drills-after-pelosi-visit": 2, "lai-inauguration-cross-strait-signals": 2},
    "NATO summit": {"warsaw-summit-baltic-presence": 2, "vilnius-summit-ukraine-membership": 2},
    "ammunition production": {"artillery-shells-industrial-depth": 2},
    "cyber norms": {"xi-obama-cyber-understanding.html": 2, "notpetya-collateral-damage.html": 2},
    "space debris": {"russian-asat-test-debris.html": 2},
    "election interference": {"romania-annulled-election-tiktok.html": 2},
    "oil prices": {"negative-oil-opec-plus": 2},
    "North Korea": {
        "north-korea-sixth-test": 2,
        "singapore-summit-after-handshake": 2,
        "japan-korea-rift-gsomia": 1,
        "thaad-seoul-beijing-pressure": 1,
    },
    "submarines": {"aukus-submarines-long-horizon": 2},
    "India China border": {"galwan-clash-india-china-border": 2},
    "South China Sea": {"arbitral-ruling-south-china-sea": 2},
}
TITLE_BOOSTS = (1.0, 2.0, 3.0, 5.0, 8.0)
SUBTITLE_BOOSTS = (1.0, 1.5, 2.0)
CUTOFF = 5


def slug(url: str | None) -> str:
    return (url or "").rstrip("/").rsplit("/", 1)[-1]


def ndcg(ranked: list[str], grades: dict[str, int], k: int = CUTOFF) -> float:
    gains = [grades.get(s, 0) for s in ranked[:k]]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def reciprocal_rank(ranked: list[str], grades: dict[str, int]) -> float:
    for i, s in enumerate(ranked, start=1):
        if grades.get(s):
            return 1.0 / i
    return 0.0


def evaluate(corpus: Corpus) -> tuple[float, float]:
    scores, rrs = [], []
    for text, grades in LABELS.items():
        ranked = [slug(h.url) for h in corpus.search(text, limit=20).hits]
        scores.append(ndcg(ranked, grades))
        rrs.append(reciprocal_rank(ranked, grades))
    return sum(scores) / len(scores), sum(rrs) / len(rrs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    original = (schema.TITLE_BOOST, schema.SUBTITLE_BOOST)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Corpus.open(Path(tmp) / "base", create=True)
        base.ingest(build_site(Path(tmp) / "site"))
        docs = list(base.documents(""))
        for title in TITLE_BOOSTS:
            for subtitle in SUBTITLE_BOOSTS:
                schema.TITLE_BOOST, schema.SUBTITLE_BOOST = title, subtitle
                corpus = Corpus.open(Path(tmp) / f"t{title}-s{subtitle}", create=True)
                corpus.add(docs)
                score, mrr = evaluate(corpus)
                rows.append({"title": title, "subtitle": subtitle, "ndcg5": score, "mrr": mrr})
    schema.TITLE_BOOST, schema.SUBTITLE_BOOST = original
    if args.json:
        print(json.dumps({"documents": len(docs), "queries": len(LABELS), "rows": rows}, indent=2))
        return 0
    print(f"demo corpus: {len(docs)} documents, {len(LABELS)} labelled queries")
    print(f"{'title':>6} {'standfirst':>10} {'nDCG@5':>7} {'MRR':>6}")
    for row in rows:
        mark = "  <- current" if (row["title"], row["subtitle"]) == original else ""
        print(
            f"{row['title']:>6g} {row['subtitle']:>10g} {row['ndcg5']:>7.3f} {row['mrr']:>6.3f}{mark}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
