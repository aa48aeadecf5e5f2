"""Event coding: triggers, participants, figures, modality, dates, and the CAMEO table.

Unit tests build the `Analysis` by hand (entities, places, times at given words), so they test the
events stage alone, whatever the actors, places and times stages find.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language

from newsgraph.events.cameo import EVENT_CODES
from newsgraph.events.component import code_events
from newsgraph.events.counts import VAGUE
from newsgraph.model import Entity, Event, Extraction, Mention, Place, TimeExpr
from newsgraph.nlp.analysis import Analysis

CONTRACT_TYPES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "RELOCATE",
    "DEFECT",
    "CLAIM_TERRITORY",
    "CLAIM_RESPONSIBILITY",
    "LEADERSHIP_CHANGE",
    "DEATH",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    from newsgraph import config

    return spacy.load(config.model_name(), exclude=["ner"])


def mentions(text: str, word: str) -> list[Mention]:
    out, start = [], text.find(word)
    while start >= 0:
        out.append(Mention(start, start + len(word), word))
        start = text.find(word, start + 1)
    return out


Coder = Callable[..., tuple[list[Event], Analysis]]


@pytest.fixture(scope="module")
def code(nlp: Language) -> Coder:
    def run(
        text: str,
        actors: tuple[str, ...] = (),
        places: tuple[str, ...] = (),
        times: tuple[tuple[str, str], ...] = (),
        published: str | None = None,
    ) -> tuple[list[Event], Analysis]:
        doc = nlp(text)
        found = Analysis(published=published)
        for index, name in enumerate(actors):
            kind = "PERSON" if " " in name and name[0].isupper() and "-" not in name else "ARMED_GROUP"
            found.entities.append(Entity(f"a{index}", name, kind, mentions=mentions(text, name)))  # type: ignore[arg-type]
        for index, name in enumerate(places):
            found.places.append(Place(f"p{index}", name, mentions=mentions(text, name)))
        for word, value in times:
            start = text.find(word)
            found.times.append(TimeExpr(start, start + len(word), word, value))
        return code_events(doc, found), found

    return run


def names(found: Analysis, ref: str | None) -> str | None:
    return next((entity.name for entity in found.entities if entity.id == ref), None)


def test_table_covers_every_contract_type() -> None:
    assert set(EVENT_CODES) == set(CONTRACT_TYPES)
    for entry in EVENT_CODES.values():
        assert len(entry.cameo) == 2 and entry.cameo.isdigit()
        assert -10.0 <= entry.intensity <= 10.0
    assert EVENT_CODES["ASSAULT"].intensity < 0 < EVENT_CODES["AID"].intensity


def test_participles_add_casualties_to_the_attack(code: Coder) -> None:
    text = "Taliban militants recently attacked Afghanistan's parliament, killing two and injuring 31."
    events, found = code(text, actors=("Taliban",), places=("Afghanistan",))
    assert len(events) == 1
    event = events[0]
    assert (event.type, event.killed, event.injured) == ("ASSAULT", 2, 31)
    assert names(found, event.source) == "Taliban"
    assert event.place == "p0"
    assert event.cameo == "19" and event.trigger == "attacked"
    assert text[event.evidence_start : event.evidence_end] == event.evidence


def test_passive_detention_and_vague_quantities(code: Coder) -> None:
    events, _ = code("Three insurgents were detained.")
    assert [(e.type, e.arrested) for e in events] == [("COERCE", 3)]
    events, _ = code("The force detained several suspected insurgents.")
    assert events[0].arrested == VAGUE["several"]
    events, found = code(
        "An Afghan force detained a Taliban facilitator and several of his associates.", ("Taliban",)
    )
    assert events[0].arrested == 4
    assert names(found, events[0].target) == "Taliban"


def test_a_restatement_is_not_counted_twice(code: Coder) -> None:
    text = (
        "A coalition patrol killed several insurgents yesterday. "
        "A coalition air weapons team returned fire, killing several insurgents."
    )
    events, _ = code(text, times=(("yesterday", "2011-05-22"),), published="2011-05-23")
    assert sum(event.killed or 0 for event in events) == 3
    assert all(event.date == "2011-05-22" for event in events)


def test_generic_target_gets_an_entity(code: Coder) -> None:
    events, found = code("The security force arrested a Haqqani network facilitator.")
    target = next(entity for entity in found.entities if entity.id == events[0].target)
    assert "Haqqani" in target.name and target.mentions


def test_reported_relocation_with_place_and_attribution(code: Coder) -> None:
    text = "As-Sahab was moved back into the Helmand Province of Afghanistan, reported Bruce Riedel."
    events, found = code(text, actors=("As-Sahab", "Bruce Riedel"), places=("Helmand Province",))
    assert [e.type for e in events] == ["RELOCATE"]
    assert events[0].modality == "reported"
    assert names(found, events[0].attributed_to) == "Bruce Riedel"
    assert events[0].place == "p0"


def test_nominalizations_and_a_repeated_death(code: Coder) -> None:
    text = "Confirmation of Omar's death exacerbated the power struggle. The Taliban said Omar died in June."
    events, found = code(
        text, actors=("Omar", "Taliban"), times=(("June", "2015-06"),), published="2015-08-14"
    )
    assert [e.type for e in events] == ["DEATH"]
    assert names(found, events[0].source) == "Omar"
    assert events[0].date == "2015-06"  # the later mention dates the first


def test_modality(code: Coder) -> None:
    events, _ = code("No civilians were injured during the operation.")
    assert events and events[0].modality == "negated" and not events[0].injured
    events, _ = code("The Taliban may attack the base.", ("Taliban",))
    assert events[0].modality == "hedged"
    events, _ = code("The force conducted an operation to detain a Taliban leader.", ("Taliban",))
    assert events[0].modality == "planned" and events[0].arrested is None


def test_without_a_time_the_event_takes_the_publication_date(code: Coder) -> None:
    events, _ = code("Taliban fighters attacked the Afghan army.", ("Taliban",), published="2015-08-14")
    assert events[0].date == "2015-08-14"


def test_seed_events(seed_extraction: Extraction) -> None:
    body = seed_extraction.document.body
    assert seed_extraction.events
    for event in seed_extraction.events:
        assert event.type in CONTRACT_TYPES
        assert event.evidence_start is not None and event.evidence_end is not None
        assert body[event.evidence_start : event.evidence_end] == event.evidence
        assert event.cameo == EVENT_CODES[event.type].cameo
    kinds = {event.type for event in seed_extraction.events}
    assert {"ASSAULT", "DEFECT", "DEATH"} <= kinds
    attack = next(e for e in seed_extraction.events if e.killed is not None)
    assert (attack.killed, attack.injured) == (2, 31)
