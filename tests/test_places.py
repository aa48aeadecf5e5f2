"""Places: the shipped gazetteer, recognition and context-aware toponym resolution."""

from __future__ import annotations

import math

import pytest
from spacy.language import Language

from newsgraph.model import Place
from newsgraph.nlp import analysis, load_pipeline
from newsgraph.places import gazetteer
from newsgraph.places.names import fold


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _places(nlp: Language, text: str) -> list[Place]:
    return analysis(nlp(text)).places


def _by_mention(places: list[Place], text: str) -> Place:
    for place in places:
        if any(m.text == text for m in place.mentions):
            return place
    raise AssertionError(f"no place mentioned as {text!r} in {[p.name for p in places]}")


def test_fold_meets_abbreviations_accents_and_articles() -> None:
    assert fold("the U.S.") == "us"
    assert fold("São Paulo") == "sao paulo"
    assert fold("Afghanistan\u2019s") == "afghanistan"


def test_gazetteer_has_countries_divisions_and_towns_with_geonames_ids() -> None:
    gaz = gazetteer.load()
    assert gaz is gazetteer.load()  # loaded once per process
    afghanistan = gaz.country("AF")
    assert afghanistan is not None and afghanistan.geonames_id == 1149361
    helmand = [e for e in gaz.lookup("Helmand") if e.feature == "admin1"]
    assert helmand and helmand[0].country == "AF"
    assert _km(helmand[0].lat, helmand[0].lon, 31.0, 64.0) < 150
    kabul = max((e for e in gaz.lookup("Kabul") if e.feature == "city"), key=lambda e: e.population)
    assert kabul.capital and kabul.geonames_id == 1138958
    assert [e.name for e in gaz.demonym("Pakistani")] == ["Pakistan"]


def test_seed_places_are_the_three_physical_places(seed_extraction) -> None:  # type: ignore[no-untyped-def]
    body = seed_extraction.document.body
    places = {p.name: p for p in seed_extraction.places}
    assert {"Afghanistan", "Pakistan", "Helmand"} <= set(places)
    assert places["Helmand"].feature == "admin1" and places["Helmand"].parent == places["Afghanistan"].id
    assert places["Afghanistan"].geonames_id == 1149361 and places["Pakistan"].country == "PK"
    # The U.S. only acts in this article ("the U.S. launched ..."): an actor, not a place.
    assert "United States" not in places
    for place in seed_extraction.places:
        for mention in place.mentions:
            assert body[mention.start : mention.end] == mention.text
        # "the caliphate's 'Khorasan Province'" is a claimed region, not Iran's Razavi Khorasan.
        if "Khorasan" in place.name:
            assert place.country is None and place.lat is None and place.feature == "region"


def test_feature_word_and_containing_country_choose_the_division(nlp: Language) -> None:
    places = _places(nlp, "Fighting spread to the Kunar Province of Afghanistan last week.")
    kunar = _by_mention(places, "Kunar Province")
    assert kunar.feature == "admin1" and kunar.country == "AF"


def test_comma_container_and_document_context_disambiguate_towns(nlp: Language) -> None:
    text = "The band played in Paris, Texas, then drove north to Springfield, Illinois, for the final show."
    places = _places(nlp, text)
    paris = _by_mention(places, "Paris")
    assert paris.country == "US" and paris.admin1 == "Texas"
    springfield = _by_mention(places, "Springfield")
    assert springfield.country == "US" and springfield.admin1 == "Illinois"


def test_bare_capital_and_big_town_beat_homonyms(nlp: Language) -> None:
    places = _places(nlp, "Officials in Washington met envoys who had flown in from Paris and London.")
    assert _by_mention(places, "Washington").admin1 == "District of Columbia"
    assert _by_mention(places, "Paris").country == "FR"
    assert _by_mention(places, "London").country == "GB"


def test_demonyms_name_their_country(nlp: Language) -> None:
    places = _places(nlp, "Russian troops crossed into the region while Turkish officials watched.")
    assert _by_mention(places, "Russian").country == "RU"
    assert _by_mention(places, "Turkish").country == "TR"


def test_claimed_and_quoted_regions_stay_unresolved(nlp: Language) -> None:
    places = _places(
        nlp, 'Militants declared a so-called "Khorasan Province" and attacked targets in Jalalabad.'
    )
    khorasan = next(p for p in places if "Khorasan" in p.name)
    assert khorasan.country is None and khorasan.geonames_id is None and khorasan.feature == "region"
    assert _by_mention(places, "Jalalabad").country == "AF"


def test_unknown_local_names_sit_at_the_nearest_named_place(nlp: Language) -> None:
    places = _places(nlp, "The parade left Frenchmen Street in New Orleans at noon.")
    city = _by_mention(places, "New Orleans")
    assert city.country == "US"
    for place in places:
        if place.geonames_id is None and place.lat is not None:
            assert _km(place.lat, place.lon or 0.0, city.lat or 0.0, city.lon or 0.0) < 1


def test_ap_state_abbreviations_after_a_town(nlp: Language) -> None:
    places = _places(
        nlp, "The plant in Springfield, Ill., closed, and a second one in Portland, Ore., opened."
    )
    assert _by_mention(places, "Springfield").admin1 == "Illinois"
    assert _by_mention(places, "Ill.").name == "Illinois"
    assert _by_mention(places, "Ore.").feature == "admin1"


def test_divisions_the_model_reads_as_people_and_countries_inside_names(nlp: Language) -> None:
    places = _places(nlp, "Tamil Nadu accused the Centre. He served with US Special Forces in Manbij.")
    tamil_nadu = _by_mention(places, "Tamil Nadu")
    assert tamil_nadu.feature == "admin1" and tamil_nadu.country == "IN"
    assert _by_mention(places, "US").country == "US"


def test_feature_words_make_places_of_names_the_model_misreads(nlp: Language) -> None:
    text = "During an operation in Chimtal district, Balkh province, the force detained a Taliban leader."
    places = _places(nlp, text)
    balkh = _by_mention(places, "Balkh province")
    assert balkh.feature == "admin1" and balkh.country == "AF"
    assert _by_mention(places, "Chimtal district").country == "AF"  # unknown district, placed in Balkh


def test_builder_short_forms_and_centres() -> None:
    from newsgraph.places.build_gazetteer import _centre, division_variants

    assert "Basra" in division_variants("Basra Governorate")
    assert "Karbala'" in division_variants("Muhafazat Karbala'")
    assert division_variants("Federal District") == []  # a bare adjective is not a name
    # Box middle, unwrapped across the antimeridian (an island group on both sides of 180 degrees).
    lat, lon = _centre([(-16.0, 179.0), (-18.0, -179.0)])
    assert lat == -17.0 and abs(abs(lon) - 180.0) < 1e-6


def test_lists_of_places_and_towns_after_in(nlp: Language) -> None:
    text = (
        "The chain sold its stores in Zilina, Nitra, Presov and Kosice. "
        "He stopped at a campaign event in Ciudad Juarez. In Washington, Jackson said no."
    )
    places = _places(nlp, text)
    for name in ("Nitra", "Presov", "Kosice"):
        assert _by_mention(places, name).country == "SK"
    assert _by_mention(places, "Ciudad Juarez").country == "MX"
    assert not any(m.text == "Jackson" for p in places for m in p.mentions)  # a person, not a list item
