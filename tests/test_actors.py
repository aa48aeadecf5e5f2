"""Actor registry and linking: the registry API, and linking behaviour on short texts and the seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.actors.registry import Role, load_registry, normalize
from newsgraph.model import Entity
from newsgraph.nlp import analysis, load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def entities(nlp: Language, text: str) -> list[Entity]:
    return analysis(nlp(text)).entities


def by_name(found: list[Entity], name: str) -> Entity:
    for entity in found:
        if entity.name == name:
            return entity
    raise AssertionError(f"{name!r} not among {[e.name for e in found]}")


# ---------------------------------------------------------------- registry


def test_registry_aliases_and_states() -> None:
    registry = load_registry()
    assert [a.id for a in registry.lookup("al-Qaeda")] == ["actor:al-qaida"]
    assert [a.id for a in registry.lookup("Daesh")] == ["actor:islamic-state"]
    assert registry.get("state:AF") is not None and registry.get("state:AF").type == "STATE"  # type: ignore[union-attr]
    government = registry.government("AF")
    assert government is not None and government.type == "GOVERNMENT"
    assert "Afghan authorities" in government.aliases
    assert registry.government("US") is not None
    assert registry.government("US").name == "Government of the United States"  # type: ignore[union-attr]
    assert len([a for a in registry.actors.values() if a.type == "STATE"]) > 180


def test_registry_leaders_over_time() -> None:
    registry = load_registry()
    in_2015 = {
        r.person for r in registry.leaders_of("actor:taliban", on="2015-08-14") if "supreme" in r.title
    }
    assert in_2015 == {"actor:akhtar-mansour"}
    in_2010 = {r.person for r in registry.leaders_of("actor:taliban", on="2010") if "supreme" in r.title}
    assert in_2010 == {"actor:mullah-omar"}
    assert Role("p", "g", "leader", "2015-07", None).active_on("2020-01-01")
    assert not Role("p", "g", "leader", "2015-07", "2016-05").active_on("2016-06")


def test_user_registry_file(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[actor]]\nid = "actor:example-front"\nname = "Example Liberation Front"\ntype = "ARMED_GROUP"\n'
        'aliases = ["ELF-X"]\n\n[[role]]\nperson = "actor:someone"\nof = "actor:example-front"\n'
        'title = "leader"\nstart = "2020"\n',
        encoding="utf-8",
    )
    registry = load_registry((extra,))
    assert registry.lookup("ELF-X")[0].name == "Example Liberation Front"
    assert registry.leaders_of("actor:example-front")[0].person == "actor:someone"
    assert registry.lookup("Taliban")  # the shipped registry is still there


def test_normalize_folds_case_accents_and_article() -> None:
    assert normalize("The Taliban’s") == "taliban"
    assert normalize("Öcalan") == "ocalan"


# ---------------------------------------------------------------- linking


def test_registry_aliases_and_titles_give_separate_mentions(nlp: Language) -> None:
    text = "Al-Qaida chief Ayman al-Zawahiri praised the Taleban. Zawahiri spoke for al-Qaeda."
    found = entities(nlp, text)
    qaida = by_name(found, "al-Qaida")
    assert qaida.registry_id == "actor:al-qaida" and qaida.type == "ARMED_GROUP"
    assert {m.text for m in qaida.mentions} == {"Al-Qaida", "al-Qaeda"}
    zawahiri = by_name(found, "Ayman al-Zawahiri")
    assert {m.text for m in zawahiri.mentions} == {"Ayman al-Zawahiri", "Zawahiri"}
    assert zawahiri.role == "Al-Qaida chief"
    assert by_name(found, "Taliban").mentions[0].text == "Taleban"
    for entity in found:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_governments_and_demonyms(nlp: Language) -> None:
    text = (
        "Afghan authorities said the Afghanistan government would talk. "
        "A Pakistani newspaper reported that Afghanistan officials agreed."
    )
    found = entities(nlp, text)
    government = by_name(found, "Government of Afghanistan")
    assert government.type == "GOVERNMENT" and government.country == "AF"
    assert [m.text for m in government.mentions] == [
        "Afghan authorities",
        "Afghanistan government",
        "Afghanistan officials",
    ]
    assert not any(e.country == "PK" for e in found)  # a Pakistani newspaper is not Pakistan acting


def test_state_acts_only_as_participant(nlp: Language) -> None:
    found = entities(nlp, "The offensive is backed by Pakistan. Al-Qaida moved its team from Iran to Syria.")
    assert by_name(found, "Pakistan").type == "STATE"
    assert not any(e.name in {"Iran", "Syria"} for e in found)


def test_forces_are_distinct_from_government(nlp: Language) -> None:
    found = entities(nlp, "Iraqi security forces fought ISIL while the Iraqi government met.")
    assert by_name(found, "Armed forces of Iraq").mentions[0].text == "Iraqi security forces"
    assert by_name(found, "Government of Iraq").mentions[0].text == "Iraqi government"


def test_short_forms_weak_aliases_and_new_people(nlp: Language) -> None:
    text = (
        "The Taliban confirmed Omar's death. Bruce Riedel, a counter-terror expert at Brookings, "
        "said the news was expected. Riedel added that Mullah Mansoor leads now; Mansoor is cautious."
    )
    found = entities(nlp, text)
    omar = by_name(found, "Mullah Mohammed Omar")
    assert omar.mentions[0].text == "Omar"  # a weak alias, linked because the Taliban are named
    riedel = by_name(found, "Bruce Riedel")
    assert riedel.registry_id is None and riedel.id.startswith("new:bruce-riedel")
    assert [m.text for m in riedel.mentions] == ["Bruce Riedel", "Riedel"]
    assert riedel.role == "counter-terror expert at Brookings"
    assert [m.text for m in by_name(found, "Akhtar Mohammad Mansour").mentions] == [
        "Mullah Mansoor",
        "Mansoor",
    ]
    # ids of new entities are stable across documents
    again = by_name(entities(nlp, "Bruce Riedel wrote a book."), "Bruce Riedel")
    assert again.id == riedel.id


def test_omar_without_context_is_not_mullah_omar(nlp: Language) -> None:
    found = entities(nlp, "Omar scored twice for the home team on Sunday.")
    assert not any(e.registry_id == "actor:mullah-omar" for e in found)


def test_nominal_references(nlp: Language) -> None:
    text = (
        "Al-Qaida chief Ayman al-Zawahiri declared support for new Taliban leader Mullah Mansoor, "
        "reaffirming the alliance between the two groups. Al-Qaida is rebuilding, and the terror group "
        "is recruiting."
    )
    found = entities(nlp, text)
    qaida, taliban = by_name(found, "al-Qaida"), by_name(found, "Taliban")
    assert "the two groups" in {m.text for m in qaida.mentions}
    assert "the two groups" in {m.text for m in taliban.mentions}
    assert "the terror group" in {m.text for m in qaida.mentions}
    assert "the terror group" not in qaida.aliases  # nominal references are mentions, not names


def test_group_noun_with_a_name_refers_to_that_name(nlp: Language) -> None:
    text = "Hezbollah leader Hassan Nasrallah spoke. The jihadist group IS claimed the bombing. The militant group said more."
    found = entities(nlp, text)
    islamic_state = by_name(found, "Islamic State")
    assert {"The jihadist group", "The militant group"} <= {m.text for m in islamic_state.mentions}
    assert by_name(found, "Hassan Nasrallah").role == "Hezbollah leader"


def test_junk_is_not_an_actor(nlp: Language) -> None:
    found = entities(
        nlp,
        "Font Size: The U.S. launched Operation Enduring Freedom after 9/11. Near Palmyra, one strike hit.",
    )
    names = {e.name for e in found}
    assert not names & {"Font Size", "Operation Enduring Freedom", "9/11", "Near Palmyra", "Palmyra"}
    assert "United States" in names


# ---------------------------------------------------------------- the seed article


def test_seed_entities(seed_extraction) -> None:  # type: ignore[no-untyped-def]
    ours = [
        e for e in seed_extraction.entities if e.id.startswith(("actor:", "gov:", "state:", "mil:", "new:"))
    ]
    names = {e.name for e in ours}
    expected = {
        "al-Qaida",
        "Taliban",
        "Islamic State",
        "As-Sahab",
        "Brookings Institution",
        "United States",
        "Pakistan",
        "Government of Afghanistan",
        "Ayman al-Zawahiri",
        "Akhtar Mohammad Mansour",
        "Bruce Riedel",
        "Abu Bakr al-Baghdadi",
        "Mullah Mohammed Omar",
    }
    assert expected <= names
    assert not names & {"Font Size", "Operation Enduring Freedom", "9/11", "Khorasan Province"}
    body = seed_extraction.document.body
    for entity in ours:
        for mention in entity.mentions:
            assert body[mention.start : mention.end] == mention.text
    assert next(e for e in ours if e.name == "As-Sahab").type == "MEDIA"
