"""Enrichment quality, measured: the tagger against hand-labelled documents.

    python bench/eval_enrichment.py               # a table on stdout
    python bench/eval_enrichment.py --json        # the figures as JSON
    python bench/eval_enrichment.py --failures    # also list every miss and wrong tag
    python bench/eval_enrichment.py --sweep       # theme precision/recall per threshold
    python bench/eval_enrichment.py --set real-never --failures   # one set's errors

Two sets of real pages (``tests/data/enrichment/real_labels.json``, labelled before the
tagger ran on them, following ``GUIDE.md``): ``real-tuning``, the split the rules were
improved on, and ``real-never``, the split nothing was ever tuned on; and a third,
``real-fresh`` (``real_labels_fresh.json``: the next 30 pages of the same pool, labelled
on 2026-12-04 before any tagger ran on them, scored only after the rules of that session
were fixed), and ``real-fresh2`` (``real_labels_fresh2.json``: the last 31 pages of the
pool, labelled the same way on 2026-12-04 and scored only after the next rules were
fixed). Their text is read
from ``../shared/data/thinktanks`` at run time; without it they are skipped, with the
reason on stderr. A fifth, ``real-fresh3`` (``real_labels_fresh3.json``: 31 pages of other
think tanks known only by their text from the stored pages corpus, labelled on 2026-12-04
before any tagger ran on them), reads its texts from ``/work/evalcache/enrichment``
(``--cache``): a page whose text is absent there (or is another capture than the one
labelled) is left out and named on stderr, and a split with none is skipped. A sixth, ``real-fresh4``
(``real_labels_fresh4.json``: 31 more such pages, chosen by fixed searches written down
before they ran and labelled on 2026-12-04 before any tagger ran on them; scored once, at
the end of the round that added it), reads its texts from the same folder, and so does a
seventh, ``real-fresh5`` (``real_labels_fresh5.json``: 15 more pages chosen and labelled the
same way on 2026-12-04, scored once at the end of the round that added it), and an eighth,
``real-fresh6`` (``real_labels_fresh6.json``: 40 more pages chosen the same way and labelled on
2026-12-04 before any tagger ran on them; never tuned on), and a ninth,
``real-fresh7`` (``real_labels_fresh7.json``: 45 pages of 36 publishers chosen by 95 searches
written down before they ran, aimed at legislatures, armed services, ministries, companies and
regions earlier splits under-sampled, and labelled on 2026-12-04 before any tagger ran on
them; never tuned on, the clean test for the next tagger changes), and a tenth,
``real-fresh8`` (``real_labels_fresh8.json``: 38 pages of 29 publishers chosen by 116 searches
written down before they ran, aimed at wars, Iran, Israel, South Asia, the Koreas, Japan, EU
institutions, defence industry, intelligence, terrorism, arms control, climate diplomacy, trade
and technology controls and health security, and labelled on 2026-12-04 before any tagger ran
on them; never tuned on), and an eleventh, ``real-fresh9`` (``real_labels_fresh9.json``: 40
pages of 35 publishers chosen by 115 of 130 searches written down before they ran, aimed at
Latin America, Central Asia, the Caucasus, the Balkans, the Gulf, the Horn and West of Africa,
Southeast Asian seas, the Pacific Islands, energy, migration, food security, cyber, space,
critical minerals, development finance, sanctions, European defence, UN reform and elections,
and labelled on 2026-12-04 before any tagger ran on them; never tuned on), and a twelfth,
``real-fresh10`` (``real_labels_fresh10.json``: 17 pages of 16 publishers chosen by the first
18 of 22 searches written down before they ran, labelled on 2026-12-05 before any tagger ran
on them; never tuned on), and a thirteenth, ``real-fresh11`` (``real_labels_fresh11.json``:
24 pages of 23 publishers from 24 searches written down before they ran, labelled on
2026-12-05 after the eleventh round's rules were written and before any tagger ran on
them; never tuned on), and a fourteenth, ``real-fresh12`` (``real_labels_fresh12.json``: 24
pages of 24 publishers from 30 searches written down before they ran, labelled on
2026-12-05 before any tagger ran on them; never tuned on). real-fresh9 was opened for
tuning in the twelfth round; a fifteenth, ``real-fresh13`` (``real_labels_fresh13.json``: 29
pages of 28 publishers from 30 searches written down before they ran, labelled on
2026-12-05 after the twelfth round's rules were written and before any tagger ran on them;
never tuned on). real-fresh10 to real-fresh13 were opened for tuning in the thirteenth
round; a sixteenth, ``real-fresh14`` (``real_labels_fresh14.json``: 27 pages of 26
publishers from 30 searches written down before they ran, labelled on 2026-12-05 before
any tagger ran on them; never tuned on), a seventeenth, ``real-fresh15``
(``real_labels_fresh15.json``: 25 pages of 22 publishers from 30 searches written down
before they ran, labelled on 2026-12-05 before any tagger ran on them), and an eighteenth,
``real-fresh16`` (``real_labels_fresh16.json``: 23 pages of 23 publishers from 30 searches
written down before they ran, labelled the same way). Each was scored clean, totals only,
before it was opened for tuning in the fourteenth round. A nineteenth and a twentieth,
``real-fresh17`` (25 pages of 24 publishers) and ``real-fresh18`` (25 pages of 22
publishers; a 26th repeated a real-fresh4 text and was removed), and a twenty-first,
``real-fresh20`` (28 pages of 25 publishers, from 30 searches the same way; a 29th
repeated a text of real-fresh3 and real-fresh6 and was removed), opened for tuning in the
round's third part, and a twenty-second, ``real-fresh19`` (28 pages of 26 publishers, from
30 searches the same way), labelled after the round's rules were written and before any
tagger ran on it; never tuned on; and a twenty-third, ``real-fresh21`` (30 pages of 29
publishers, from 30 searches the same way, written down at 18:27 UTC after the round's
rules), labelled before any tagger ran on it; never tuned on; and a twenty-fourth,
``real-fresh22`` (26 pages of 24 publishers, the same way, its list also written at 18:27
UTC); never tuned on, each from 30 searches a helper wrote down before they ran, on topics it chose
itself, labelled on 2026-12-05 before any tagger ran on them; never tuned on. Both were
opened for tuning in the fifteenth round, whose clean tests are ``real-fresh23`` (27 pages
of 24 publishers), ``real-fresh24`` (27 pages of 25 publishers) and ``real-fresh25`` (24
pages of 24 publishers), each from 30 searches of other publishers written down at 19:38
to 19:39 UTC before they ran, labelled the same way, and ``real-fresh26`` (26 pages of 23
publishers) and ``real-fresh27`` (28 pages of 28 publishers), whose lists were written at
20:04 to 20:05 UTC, after the round's first rules; real-fresh23 to -25 and -27 were
opened in the round's later parts, whose clean tests are real-fresh26, ``real-fresh28``
(25 pages of 24 publishers) and ``real-fresh29`` (24 pages of 23 publishers), their lists
written at 20:47 UTC after the round's third part. real-fresh26, -28 and -29 were opened
for tuning in the sixteenth round, whose clean tests are ``real-fresh30`` (26 pages of 24
publishers), ``real-fresh31`` (27 of 27), ``real-fresh32`` (24 of 22) and ``real-fresh33``
(25 of 25), their lists written at 22:30 UTC before the round's first rule. Those four
were opened for tuning in the seventeenth round, whose clean tests are ``real-fresh34``
(25 pages), ``real-fresh35`` (23), ``real-fresh36`` (24) and ``real-fresh37`` (24), their
lists written at 01:59 UTC on 2026-12-06 before the round's first rule. Those four were
opened for tuning in the eighteenth round, whose clean tests are ``real-fresh38`` (23
pages), ``real-fresh39`` (28), ``real-fresh40`` (23) and ``real-fresh41`` (24), their lists
written at 04:04 to 04:05 UTC on 2026-12-06 (the machine's clock) and labelled before
any tagger ran on them. Those four were opened for tuning in the nineteenth round, whose
clean tests are ``real-fresh42`` (24 pages), ``real-fresh43`` (24), ``real-fresh44`` (24)
and ``real-fresh45`` (29), their lists written at 05:54 to 05:55 UTC on 2026-12-06 (the
machine's clock) and labelled before any tagger ran on them. Those four were opened for
tuning in the twentieth round, whose clean tests are ``real-fresh46`` (24 pages),
``real-fresh47`` (27), ``real-fresh48`` (27) and ``real-fresh49`` (28), their lists written
at 06:11 to 06:12 UTC on 2026-12-06 (the machine's clock) and labelled before any tagger
ran on them. Those four were opened for tuning in the twenty-first round, whose clean tests
are ``real-fresh50`` (25 pages), ``real-fresh51`` (25), ``real-fresh52`` (27) and
``real-fresh53`` (25), their lists written at 06:27 to 06:28 UTC on 2026-12-06 (the
machine's clock) and labelled before any tagger ran on them. Those four were opened for
tuning in the twenty-second round, whose clean tests are ``real-fresh54`` (26 pages),
``real-fresh55`` (22), ``real-fresh56`` (24) and ``real-fresh57`` (23), their lists written
at 06:42 to 06:43 UTC on 2026-12-06 (the machine's clock) and labelled before any tagger
ran on them. Those four were opened for tuning in the twenty-fourth round (stop 37), whose
clean tests are ``real-fresh58`` (30 pages), ``real-fresh59`` (21), ``real-fresh60`` (24) and
``real-fresh61`` (26), their lists written at 07:51 to 07:52 UTC on 2026-12-06 (the
machine's clock) and labelled before any tagger ran on them; never tuned on. The themes'
keep model (``tools/train_thememodel.py``) is fitted on real-fresh3 to -fresh57 and
measured on these four; so is the check on unknown organisations
(``tools/train_namemodel.py``), whose clean tests are ``real-fresh62`` (24 pages),
``real-fresh63`` (23), ``real-fresh64`` (26) and ``real-fresh65`` (27), their lists written at
08:16 to 08:17 UTC on 2026-12-06 (the machine's clock) and labelled before any tagger
ran on them. Those four were opened for tuning in the twenty-fifth round (stop 38), whose
clean tests, with those of the other states' office holders (``persons_world.json``), are
``real-fresh66`` (25 pages), ``real-fresh67`` (24), ``real-fresh68`` (28) and
``real-fresh69`` (25), their lists written at 10:10 to 10:15 UTC on 2026-12-06 (the
machine's clock) and labelled before any tagger ran on them. Those four were opened for
the round's second part (the twenty-sixth), whose clean tests are ``real-fresh70`` (25
pages), ``real-fresh71`` (24), ``real-fresh72`` (26) and ``real-fresh73`` (26), their lists
written at 10:41 to 10:42 UTC on 2026-12-06 (the machine's clock) and labelled before any
tagger ran on them. Those four were opened for the round's third part (the
twenty-seventh), whose clean tests are ``real-fresh74`` (25 pages), ``real-fresh75`` (26),
``real-fresh76`` (27) and ``real-fresh77`` (27), their lists written at 11:03 to 11:05 UTC
on 2026-12-06 (the machine's clock) and labelled before any tagger ran on them. A fourth
part (the twenty-eighth round, from errors already read on real-fresh62 to -73) was
tested on ``real-fresh78`` (25 pages), ``real-fresh79`` (22), ``real-fresh80`` (24) and
``real-fresh81`` (25), their lists written at 11:32 to 11:34 UTC on 2026-12-06 (the
machine's clock) and labelled before any tagger ran on them. Stop 39 opened real-fresh74
to -81 for its twenty-ninth and thirtieth rounds, whose clean tests are ``real-fresh82``
(22 pages), ``real-fresh84`` (26) and ``real-fresh85`` (26) for the first, and
``real-fresh86`` (28), ``real-fresh87`` (23), ``real-fresh88`` (28) and ``real-fresh89`` (24)
for the second, their lists written at 12:53 to 13:10 UTC on 2026-12-06 (the machine's
clock) and labelled before any tagger ran on them; ``real-fresh83`` (24 pages, its list
written at 13:21 UTC, its labeller late) and ``real-fresh90`` (25), ``real-fresh91`` (26),
``real-fresh92`` (23) and ``real-fresh93`` (23), their lists written at 13:29 to 13:32 UTC,
were the clean tests of the thirty-first round (from errors read on real-fresh82 to -89),
and ``real-fresh94`` (17), ``real-fresh95`` (24), ``real-fresh96`` (25) and
``real-fresh97`` (23), their lists written at 13:48 to 13:49 UTC, those of the
thirty-second (from errors read on real-fresh83 and -90 to -93), and ``real-fresh98`` (22),
``real-fresh99`` (20), ``real-fresh100`` (25) and ``real-fresh101`` (21), their lists
written at 14:08 to 14:13 UTC, those of the thirty-third (from errors read on real-fresh74
to -97). Stop 40: ``real-fresh102`` (27), ``real-fresh103`` (25), ``real-fresh104`` (25)
and ``real-fresh105`` (25), their lists written at 15:35 to 15:39 UTC on 2026-12-06,
labelled before any tagger ran on them, the clean tests of the thirty-fourth round (from
errors read on real-fresh3 to -101), and ``real-fresh106`` (26), ``real-fresh107`` (23),
``real-fresh108`` (22) and ``real-fresh109`` (26), their lists written at 16:05 to 16:06 UTC,
those of the thirty-fifth (from errors read on real-fresh3 to -105). Stop 41:
``real-fresh110`` (23), ``real-fresh111`` (21), ``real-fresh112`` (25) and ``real-fresh113``
(26), their lists written at 17:31 UTC on 2026-12-06, labelled before any tagger ran on
them, with real-fresh106 to -109 the clean tests of the theme model's words stage and of
both models refitted on real-fresh3 to -57 and -66 to -105; ``real-fresh114`` (28),
``real-fresh115`` (23), ``real-fresh116`` (25) and ``real-fresh117`` (23), their lists written
at 18:26 to 18:30 UTC, the clean test of states named in a text's own language. Stop 42:
``real-fresh118`` (25), ``real-fresh119`` (21), ``real-fresh120`` (24) and ``real-fresh121``
(28), their lists written at 20:03 to 20:05 UTC on 2026-12-06, labelled before any tagger ran;
``real-fresh122`` (25), ``real-fresh123`` (21), ``real-fresh124`` (25) and ``real-fresh125``
(27), their lists written at 20:36 to 20:38 UTC, the same way. Stop 43: ``real-fresh126`` (20),
``real-fresh127`` (25), ``real-fresh128`` (26) and ``real-fresh129`` (22), their lists written
at 22:34 to 22:36 UTC, the same way; ``real-fresh130`` (26), ``real-fresh131`` (26),
``real-fresh132`` (25) and ``real-fresh133`` (22), their lists written at 23:41 to 23:42 UTC.
Stop 44: ``real-fresh134`` (24), ``real-fresh135`` (21), ``real-fresh136`` (30),
``real-fresh137`` (24), ``real-fresh138`` (22), ``real-fresh139`` (26), ``real-fresh140`` (27)
and ``real-fresh141`` (24), their lists written on 2026-12-07 at 01:04 to 01:07 UTC, the same
way; ``real-fresh142`` (24), ``real-fresh143`` (21), ``real-fresh144`` (26), ``real-fresh145``
(25), ``real-fresh146`` (25), ``real-fresh147`` (23), ``real-fresh148`` (22) and
``real-fresh149`` (25), their lists written at 01:24 to 01:26 UTC; ``real-fresh150`` (23),
``real-fresh151`` (20), ``real-fresh152`` (25), ``real-fresh153`` (24), ``real-fresh154`` (27),
``real-fresh155`` (22), ``real-fresh156`` (23) and ``real-fresh157`` (20), their lists written
at 01:40 to 01:43 UTC; ``real-fresh158`` (23), ``real-fresh159`` (25), ``real-fresh160`` (25)
and ``real-fresh161`` (22), their lists written at 01:55 to 01:57 UTC; ``real-fresh162`` (26),
``real-fresh163`` (25) and ``real-fresh164`` (28), their lists written at 02:43 to 02:44 UTC.
Stop 45 (2026-12-07), the same way: ``real-fresh165`` (23), ``real-fresh166`` (24),
``real-fresh167`` (21) and ``real-fresh168`` (21), their lists written at 03:52 to 03:54 UTC;
``real-fresh169`` (26), ``real-fresh170`` (26), ``real-fresh171`` (24) and ``real-fresh172`` (24),
their lists written at 04:12 to 04:35 UTC; ``real-fresh173`` (20), ``real-fresh174`` (22),
``real-fresh175`` (19) and ``real-fresh176`` (20), their lists written at 04:58 to 04:59 UTC.
Stop 46 (2026-12-07), the same way: ``real-fresh177`` (20), ``real-fresh178`` (23),
``real-fresh179`` (24), ``real-fresh180`` (22), ``real-fresh181`` (19) and ``real-fresh182`` (23),
their lists written at 06:12 to 06:15 UTC; ``real-fresh183`` (22), ``real-fresh184`` (25),
``real-fresh185`` (19) and ``real-fresh186`` (21), their lists written at 06:52 to 06:54 UTC.
The sixth round (themes) tuned on every split but fresh6, fresh5 included: of the real
splits only fresh6, fresh7, fresh8 and fresh9 are clean tests of the theme rules.

Three sets: the labelled set written for this project (``tests/data/enrichment/
labelled.json``, short original documents covering every disambiguation trap, which the
rules and thresholds were tuned on), a held-out set written after the rules were fixed
(``heldout.json``, scored once; see its "about"), and the seed commentary with its hand annotation in ``../shared/data/seed`` (read at run time,
skipped when absent; ``tests/data/enrichment/seed_also.json`` lists the actors its text
names that the annotation leaves out, accepted for precision only). The tagging time is
also measured on the 71 real Brookings article bodies in ``../shared/data/thinktanks/
brookings-fragments`` (timing only: they carry no labels). For each set and for both together it prints precision and recall
for countries, persons, organisations (groups included) and themes (recall on the themes
a document is about, precision against those plus the ones it touches), and the tagging
time per 1,000 words (process CPU time, best of 3 passes, one core). Scoring rules are
in ``corpus_search/enrich/evaluate.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "data" / "enrichment" / "labelled.json"
SEED_ALSO = ROOT / "tests" / "data" / "enrichment" / "seed_also.json"
HELDOUT = ROOT / "tests" / "data" / "enrichment" / "heldout.json"
REAL = ROOT / "tests" / "data" / "enrichment" / "real_labels.json"
REAL_FRESH = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh.json"
REAL_FRESH2 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh2.json"
REAL_FRESH3 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh3.json"
REAL_FRESH4 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh4.json"
REAL_FRESH5 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh5.json"
REAL_FRESH6 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh6.json"
REAL_FRESH7 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh7.json"
REAL_FRESH8 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh8.json"
REAL_FRESH9 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh9.json"
REAL_FRESH10 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh10.json"
REAL_FRESH11 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh11.json"
REAL_FRESH12 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh12.json"
REAL_FRESH13 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh13.json"
REAL_FRESH14 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh14.json"
REAL_FRESH15 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh15.json"
REAL_FRESH16 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh16.json"
REAL_FRESH17 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh17.json"
REAL_FRESH18 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh18.json"
REAL_FRESH19 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh19.json"
REAL_FRESH20 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh20.json"
REAL_FRESH21 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh21.json"
REAL_FRESH22 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh22.json"
REAL_FRESH23 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh23.json"
REAL_FRESH24 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh24.json"
REAL_FRESH25 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh25.json"
REAL_FRESH26 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh26.json"
REAL_FRESH27 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh27.json"
REAL_FRESH28 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh28.json"
REAL_FRESH29 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh29.json"
REAL_FRESH30 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh30.json"
REAL_FRESH31 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh31.json"
REAL_FRESH32 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh32.json"
REAL_FRESH33 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh33.json"
REAL_FRESH34 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh34.json"
REAL_FRESH35 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh35.json"
REAL_FRESH36 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh36.json"
REAL_FRESH37 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh37.json"
REAL_FRESH38 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh38.json"
REAL_FRESH39 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh39.json"
REAL_FRESH40 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh40.json"
REAL_FRESH41 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh41.json"
REAL_FRESH42 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh42.json"
REAL_FRESH43 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh43.json"
REAL_FRESH44 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh44.json"
REAL_FRESH45 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh45.json"
REAL_FRESH46 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh46.json"
REAL_FRESH47 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh47.json"
REAL_FRESH48 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh48.json"
REAL_FRESH49 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh49.json"
REAL_FRESH50 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh50.json"
REAL_FRESH51 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh51.json"
REAL_FRESH52 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh52.json"
REAL_FRESH53 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh53.json"
REAL_FRESH54 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh54.json"
REAL_FRESH55 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh55.json"
REAL_FRESH56 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh56.json"
REAL_FRESH57 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh57.json"
REAL_FRESH58 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh58.json"
REAL_FRESH59 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh59.json"
REAL_FRESH60 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh60.json"
REAL_FRESH61 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh61.json"
REAL_FRESH62 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh62.json"
REAL_FRESH63 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh63.json"
REAL_FRESH64 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh64.json"
REAL_FRESH65 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh65.json"
REAL_FRESH66 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh66.json"
REAL_FRESH67 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh67.json"
REAL_FRESH68 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh68.json"
REAL_FRESH69 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh69.json"
REAL_FRESH70 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh70.json"
REAL_FRESH71 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh71.json"
REAL_FRESH72 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh72.json"
REAL_FRESH73 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh73.json"
REAL_FRESH74 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh74.json"
REAL_FRESH75 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh75.json"
REAL_FRESH76 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh76.json"
REAL_FRESH77 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh77.json"
REAL_FRESH78 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh78.json"
REAL_FRESH79 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh79.json"
REAL_FRESH80 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh80.json"
REAL_FRESH81 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh81.json"
REAL_FRESH82 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh82.json"
REAL_FRESH83 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh83.json"
REAL_FRESH84 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh84.json"
REAL_FRESH85 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh85.json"
REAL_FRESH86 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh86.json"
REAL_FRESH87 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh87.json"
REAL_FRESH88 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh88.json"
REAL_FRESH89 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh89.json"
REAL_FRESH90 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh90.json"
REAL_FRESH91 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh91.json"
REAL_FRESH92 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh92.json"
REAL_FRESH93 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh93.json"
REAL_FRESH94 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh94.json"
REAL_FRESH95 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh95.json"
REAL_FRESH96 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh96.json"
REAL_FRESH97 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh97.json"
REAL_FRESH98 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh98.json"
REAL_FRESH99 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh99.json"
REAL_FRESH100 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh100.json"
REAL_FRESH101 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh101.json"
REAL_FRESH102 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh102.json"
REAL_FRESH103 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh103.json"
REAL_FRESH104 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh104.json"
REAL_FRESH105 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh105.json"
REAL_FRESH106 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh106.json"
REAL_FRESH107 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh107.json"
REAL_FRESH108 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh108.json"
REAL_FRESH109 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh109.json"
REAL_FRESH110 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh110.json"
REAL_FRESH111 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh111.json"
REAL_FRESH112 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh112.json"
REAL_FRESH113 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh113.json"
REAL_FRESH114 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh114.json"
REAL_FRESH115 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh115.json"
REAL_FRESH116 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh116.json"
REAL_FRESH117 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh117.json"
REAL_FRESH118 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh118.json"
REAL_FRESH119 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh119.json"
REAL_FRESH120 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh120.json"
REAL_FRESH121 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh121.json"
REAL_FRESH122 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh122.json"
REAL_FRESH123 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh123.json"
REAL_FRESH124 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh124.json"
REAL_FRESH125 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh125.json"
REAL_FRESH126 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh126.json"
REAL_FRESH127 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh127.json"
REAL_FRESH128 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh128.json"
REAL_FRESH129 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh129.json"
REAL_FRESH130 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh130.json"
REAL_FRESH131 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh131.json"
REAL_FRESH132 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh132.json"
REAL_FRESH133 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh133.json"
REAL_FRESH134 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh134.json"
REAL_FRESH135 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh135.json"
REAL_FRESH136 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh136.json"
REAL_FRESH137 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh137.json"
REAL_FRESH138 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh138.json"
REAL_FRESH139 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh139.json"
REAL_FRESH140 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh140.json"
REAL_FRESH141 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh141.json"
REAL_FRESH142 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh142.json"
REAL_FRESH143 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh143.json"
REAL_FRESH144 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh144.json"
REAL_FRESH145 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh145.json"
REAL_FRESH146 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh146.json"
REAL_FRESH147 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh147.json"
REAL_FRESH148 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh148.json"
REAL_FRESH149 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh149.json"
REAL_FRESH150 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh150.json"
REAL_FRESH151 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh151.json"
REAL_FRESH152 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh152.json"
REAL_FRESH153 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh153.json"
REAL_FRESH154 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh154.json"
REAL_FRESH155 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh155.json"
REAL_FRESH156 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh156.json"
REAL_FRESH157 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh157.json"
REAL_FRESH158 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh158.json"
REAL_FRESH159 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh159.json"
REAL_FRESH160 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh160.json"
REAL_FRESH161 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh161.json"
REAL_FRESH162 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh162.json"
REAL_FRESH163 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh163.json"
REAL_FRESH164 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh164.json"
REAL_FRESH165 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh165.json"
REAL_FRESH166 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh166.json"
REAL_FRESH167 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh167.json"
REAL_FRESH168 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh168.json"
REAL_FRESH169 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh169.json"
REAL_FRESH170 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh170.json"
REAL_FRESH171 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh171.json"
REAL_FRESH172 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh172.json"
REAL_FRESH173 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh173.json"
REAL_FRESH174 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh174.json"
REAL_FRESH175 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh175.json"
REAL_FRESH176 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh176.json"
REAL_FRESH177 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh177.json"
REAL_FRESH178 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh178.json"
REAL_FRESH179 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh179.json"
REAL_FRESH180 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh180.json"
REAL_FRESH181 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh181.json"
REAL_FRESH182 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh182.json"
REAL_FRESH183 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh183.json"
REAL_FRESH184 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh184.json"
REAL_FRESH185 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh185.json"
REAL_FRESH186 = ROOT / "tests" / "data" / "enrichment" / "real_labels_fresh186.json"
# The splits known by their text, real-fresh3 on: each is scored when its texts are cached.
TEXT_SPLITS = range(3, 187)


def fresh_labels(number: int) -> Path:
    """The label file of split real-fresh<number>."""
    return ROOT / "tests" / "data" / "enrichment" / f"real_labels_fresh{number}.json"


FRESH3_CACHE = Path("/work/evalcache/enrichment")
SEED = ROOT.parent / "shared" / "data" / "seed"
TARGETS = {
    "countries": (0.97, 0.95),
    "persons": (0.95, 0.85),
    "organizations": (0.95, 0.85),
    "themes": (0.80, 0.85),
    "key": (0.0, 0.0),  # no target in the issue: reported to tune the salience rule
    "key-themes": (0.0, 0.0),
    "unknown": (0.0, 0.0),  # precision of the known=false tags, reported on its own
    "known": (0.0, 0.0),
}
MS_TARGET = 5.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--failures", action="store_true", help="list misses and wrong tags")
    parser.add_argument("--sweep", action="store_true", help="theme P/R at each threshold")
    parser.add_argument("--seed", type=Path, default=SEED, help="folder of the seed files")
    parser.add_argument("--set", dest="only", help="score only this set (and list its errors)")
    parser.add_argument(
        "--cache",
        type=Path,
        default=FRESH3_CACHE,
        help="folder of the real-fresh3 to -fresh186 page texts",
    )
    args = parser.parse_args(argv)

    from corpus_search.enrich import Enricher
    from corpus_search.enrich.evaluate import (
        evaluate,
        load_labelled,
        load_real,
        load_real_text,
        load_seed,
        sweep_thresholds,
        time_documents,
    )

    enricher = Enricher.load()
    sets = {"labelled": load_labelled(LABELLED)}
    seeds = sorted(args.seed.glob("*.expected.json")) if args.seed.is_dir() else []
    if seeds:
        sets["seed"] = [
            load_seed(p.with_name(p.name.replace(".expected.json", ".txt")), p, enricher, SEED_ALSO)
            for p in seeds
        ]
    else:
        print(
            f"note: no seed annotation in {args.seed}; scoring the labelled set only",
            file=sys.stderr,
        )
    sets["held-out"] = load_labelled(HELDOUT)
    sets["all"] = [doc for docs in list(sets.values()) for doc in docs]
    real, why = load_real(REAL, args.seed.parent / "thinktanks")
    if why:
        print(f"note: real-page sets skipped: {why}", file=sys.stderr)
    else:
        sets["real-tuning"] = [d for d in real if d.split == "tuning"]
        sets["real-never"] = [d for d in real if d.split == "never-tuned"]
        fresh, why = load_real(REAL_FRESH, args.seed.parent / "thinktanks")
        if not why:
            sets["real-fresh"] = fresh
        fresh2, why = load_real(REAL_FRESH2, args.seed.parent / "thinktanks")
        if not why:
            sets["real-fresh2"] = fresh2
    for number in TEXT_SPLITS:
        name, path = f"real-fresh{number}", fresh_labels(number)
        cached, why = load_real_text(path, args.cache)
        if why:
            print(
                f"note: {name}: {why}" if cached else f"note: {name} skipped: {why}",
                file=sys.stderr,
            )
        if cached:
            sets[name] = cached
    if args.only:
        if args.only not in sets:
            print(f"error: no set {args.only!r} (have: {', '.join(sets)})", file=sys.stderr)
            return 2
        sets = {args.only: sets[args.only]}
    if args.sweep:
        print("threshold  theme P  theme R   (labelled set + seed: the tuning sets)")
        steps = [round(0.2 + 0.05 * k, 2) for k in range(9)]
        tuning = [d for name in ("labelled", "seed") for d in sets.get(name, [])]
        for threshold, score in sweep_thresholds(tuning, enricher, steps):
            print(f"{threshold:9.2f}  {score.precision:7.3f}  {score.recall:7.3f}")
        return 0
    reports = {name: evaluate(docs, enricher) for name, docs in sets.items()}

    timing = _real_pages(args.seed.parent / "thinktanks" / "brookings-fragments")
    real_ms = time_documents(timing, enricher) if timing else None
    real_words = sum(len(d.body.split()) for d in timing)

    if args.json:
        figures: dict[str, object] = {name: r.to_dict() for name, r in reports.items()}
        if real_ms is not None:
            figures["brookings-timing"] = {
                "documents": len(timing),
                "words": real_words,
                "ms_per_1000_words": round(real_ms, 2),
            }
        json.dump(figures, sys.stdout, indent=2)
        print()
    else:
        print(f"{'set':11} {'docs':>4} {'words':>6}  {'kind':13} {'P':>6} {'R':>6}  target")
        for name, report in reports.items():
            for kind, score in report.scores.items():
                p_min, r_min = TARGETS[kind]
                ok = score.precision >= p_min and score.recall >= r_min
                target = f"P>={p_min} R>={r_min} {'ok' if ok else 'MISSED'}"
                print(
                    f"{name:11} {report.documents:>4} {report.words:>6}  {kind:13} "
                    f"{score.precision:6.3f} {score.recall:6.3f}  "
                    + (target if p_min or r_min else "(no target)")
                )
            ms = report.ms_per_1000_words
            print(
                f"{name:11} {report.documents:>4} {report.words:>6}  {'ms/1000 words':13} "
                f"{ms:6.2f}         <={MS_TARGET} {'ok' if ms <= MS_TARGET else 'MISSED'}"
            )
            spread = report.to_dict()["themes_per_document"]
            print(
                f"{name:11} {report.documents:>4} {report.words:>6}  {'themes/doc':13} "
                f"mean {spread['mean']} median {spread['median']} max {spread.get('max', 0)} "
                f"histogram {spread['histogram']}"
            )
        if real_ms is not None:
            print(
                f"{'brookings':9} {len(timing):>4} {real_words:>6}  {'ms/1000 words':13} "
                f"{real_ms:6.2f}         <={MS_TARGET} {'ok' if real_ms <= MS_TARGET else 'MISSED'}"
                "  (timing only: real article bodies, no labels)"
            )
    if args.failures:
        for kind, score in reports[args.only or "all"].scores.items():
            for miss in score.misses:
                print(f"{kind}: {miss}", file=sys.stderr)
    return 0


def _real_pages(folder: Path) -> list:
    """The Brookings article bodies in ../shared/data (timing only), extracted up front."""
    if not folder.is_dir():
        return []
    from corpus_search.extract.html import extract_html

    docs = []
    for path in sorted(folder.glob("*.html")):
        doc = extract_html(path.read_text("utf-8", errors="replace"))
        if doc.body.strip():
            docs.append(doc)
    return docs


if __name__ == "__main__":
    sys.exit(main())
