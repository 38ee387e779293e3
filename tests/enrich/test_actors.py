import pytest

from corpus_search.enrich import Gazetteer
from corpus_search.extract.text import extract_text


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def names(gazetteer: Gazetteer, text: str) -> dict[str, int]:
    return {m.name: m.count for m in gazetteer.tag(text)}


def test_seed_must_actors(gazetteer: Gazetteer, seed_text: str, seed_expected: dict) -> None:
    doc = extract_text(seed_text)
    found = {m.name: m for m in gazetteer.tag("\n".join([doc.subtitle or "", doc.body]))}
    actors = seed_expected["actors"]
    for key in ("countries_must", "persons_must", "organizations_must"):
        for name in actors[key]:
            # The annotation may spell out what the gazetteer names by its usual acronym
            # ("World Trade Organization" / "WTO"): compare through the alias table.
            actor = gazetteer.resolve(name)
            assert actor is not None and actor.name in found, f"{key}: {name}"
    assert found["Soviet Union"].code == "SUN"
    assert found["Vladimir Putin"].code == "RUS"
    assert "Jim McLean" not in found
    top4 = [m.name for m in sorted(found.values(), key=lambda m: -m.count)[:4]]
    assert set(top4) == set(actors["most_salient"])


def test_republic_of_china_is_taiwan(gazetteer: Gazetteer) -> None:
    assert names(gazetteer, "the Republic of China, then an ally") == {"Taiwan": 1}
    assert names(gazetteer, "the People's Republic of China") == {"China": 1}
    assert names(gazetteer, "officials of the PRC") == {"China": 1}


def test_soviet_is_not_russia(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, "Sino-Soviet relations and the USSR; Russian troops today")
    assert found["Soviet Union"] == 2 and found["Russia"] == 1 and "China" not in found


def test_metonyms_and_titles(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, "The Kremlin welcomed President Xi. Moscow wants more.")
    assert found["Russia"] == 2 and found["Xi Jinping"] == 1
    # "in Moscow" is the venue: a place, not a second mention of the government.
    assert names(gazetteer, "The Kremlin welcomed President Xi in Moscow.")["Russia"] == 1


def test_short_forms_need_a_full_mention(gazetteer: Gazetteer) -> None:
    assert "Xi Jinping" not in names(gazetteer, "Xi said little.")
    assert names(gazetteer, "Xi Jinping spoke. Later Xi said little.")["Xi Jinping"] == 2


def test_case_matters_for_us(gazetteer: Gazetteer) -> None:
    assert "United States" not in names(gazetteer, "let us consider the options")
    assert names(gazetteer, "the US and its allies")["United States"] == 1


def test_dprk_is_north_korea(gazetteer: Gazetteer) -> None:
    assert names(gazetteer, "the DPRK and Pyongyang") == {"North Korea": 2}


def test_resolve_aliases_case_insensitively(gazetteer: Gazetteer) -> None:
    for alias in ("PRC", "prc", "Beijing", "china", "People's Republic of China"):
        actor = gazetteer.resolve(alias)
        assert actor is not None and actor.name == "China", alias
    kremlin = gazetteer.resolve("kremlin")
    assert kremlin is not None and kremlin.name == "Russia"
    assert gazetteer.resolve("no such actor anywhere") is None


def test_user_file_extends_and_overrides(tmp_path, gazetteer: Gazetteer) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(
        '{"persons": [{"name": "Ada Example", "country": "GBR", "aliases": ["Ada Example"]}],'
        ' "blockers": ["Moscow Mule"]}'
    )
    mine = Gazetteer.load([extra])
    assert names(mine, "Ada Example met a Moscow Mule") == {"Ada Example": 1}
    assert "Ada Example" not in names(gazetteer, "Ada Example")
