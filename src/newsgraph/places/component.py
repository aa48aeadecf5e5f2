"""spaCy component `newsgraph_places`: writes `analysis(doc).places`.

Reads the doc's entities (spaCy NER), the shipped gazetteer, and, when the actors stage has run, the
actor entities in `analysis(doc).entities` (a span an actor claims as a group or person is not a place).
Writes one `Place` per resolved unit (or per unresolved name), with every mention's offsets.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Mention, Place
from newsgraph.nlp.analysis import Analysis, analysis
from newsgraph.places import gazetteer
from newsgraph.places.gazetteer import Entry, Gazetteer
from newsgraph.places.names import fold
from newsgraph.places.recognize import Candidate, find
from newsgraph.places.resolve import Resolved, resolve

LOGGER = logging.getLogger(__name__)

# Actor types whose mentions cannot also be places ("Taliban" tagged GPE, "Brookings" tagged GPE).
NON_PLACE_ACTORS = {"PERSON", "ARMED_GROUP", "ORGANIZATION", "MEDIA"}
# Dependency relations of a country mention that acts rather than locates ("the U.S. launched ...",
# "our common enemy [the U.S.]"): such a country is an actor, not a place, if it is never used otherwise.
AGENT_DEPS = {"nsubj", "appos"}
# An editor's bracketed gloss ("our common enemy [the U.S.]") names who is meant, not where.
REGIONAL_WORDS = {
    "ocean",
    "sea",
    "east",
    "west",
    "north",
    "south",
    "coast",
    "desert",
    "sahara",
    "gulf",
    "pacific",
    "atlantic",
    "arctic",
    "africa",
    "america",
    "asia",
    "europe",
    "peninsula",
    "union",
    "continent",
    "world",
    "hemisphere",
    "region",
    "basin",
    "mountains",
    "himalayas",
    "alps",
    "andes",
    "balkans",
    "caucasus",
}
# Characters over which a town's pull on an unknown local name halves (a few paragraphs).
ANCHOR_REACH = 1500.0
_BRACKET_BEFORE = re.compile(r"\[\s*(the\s+)?$", re.IGNORECASE)


@Language.factory("newsgraph_places")
def make_component(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()


class PlacesComponent:
    def __call__(self, doc: Doc) -> Doc:
        found = analysis(doc)
        gaz = gazetteer.load()
        candidates = [c for c in find(doc, gaz) if not _actor_span(found, c)]
        found.places = build_places(doc, resolve(doc.text, candidates, gaz), gaz)
        return doc


def _actor_span(found: Analysis, candidate: Candidate) -> bool:
    if candidate.exact_unit:  # "Tamil Nadu" read as a person by the model (and so by the actors stage)
        return False
    for entity in found.entities:
        if entity.type not in NON_PLACE_ACTORS:
            continue
        for mention in entity.mentions:
            # Only the actor's whole name: "Afghan" inside "Afghan Taliban" still names a country.
            if mention.start == candidate.start and candidate.end == mention.end:
                return True
    return False


def _unresolved_id(name: str) -> str:
    return "place:" + hashlib.sha1(fold(name).encode("utf-8")).hexdigest()[:12]


def _agentive(doc: Doc, candidate: Candidate) -> bool:
    token = doc[candidate.head]
    bracketed = _BRACKET_BEFORE.search(doc.text[max(0, candidate.start - 8) : candidate.start]) is not None
    return bracketed or token.dep_ in AGENT_DEPS


def _place(entry: Entry, gaz: Gazetteer) -> Place:
    parent: str | None = None
    admin1_name: str | None = None
    division = gaz.admin1_of(entry)
    if division is not None:
        parent, admin1_name = division.id, division.name
    elif entry.feature == "admin1":
        admin1_name = entry.name
        country = gaz.country(entry.country)
        parent = country.id if country else None
    return Place(
        id=entry.id,
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        feature=entry.feature
        if entry.feature in ("country", "admin1", "admin2", "city", "region")
        else "other",  # type: ignore[arg-type]
        geonames_id=entry.geonames_id,
        admin1=admin1_name,
        parent=parent,
    )


def _locate_unknown(places: dict[str, Place], resolved: list[Resolved]) -> None:
    """Put local names the gazetteer lacks (streets, buildings, neighbourhoods) at the town the story is
    about around them, as geoparsers do: "Royal Street" in a story about New Orleans is there. The town is
    the resolved town or division most mentioned in the document, discounted by distance in the text.
    Claimed regions and large natural features or regions (oceans, deserts, "the Middle East") are left
    without coordinates: no town stands for them."""
    anchors = [
        (item.candidate.start, item.entry)
        for item in resolved
        if item.entry is not None and item.entry.feature in ("city", "admin2", "admin1")
    ]
    mentions = Counter(entry.id for _, entry in anchors)
    countries = Counter(
        item.entry.country for item in resolved if item.entry is not None and item.entry.country
    )
    for item in resolved:
        candidate = item.candidate
        if item.entry is not None or candidate.claimed:
            continue
        if candidate.label == "LOC" and REGIONAL_WORDS & set(fold(candidate.text).split()):
            continue
        place = places[_unresolved_id(candidate.text)]
        if place.lat is not None:
            continue
        if anchors:
            _, anchor = max(
                anchors, key=lambda a: mentions[a[1].id] / (1.0 + abs(a[0] - candidate.start) / ANCHOR_REACH)
            )
            place.lat, place.lon, place.country, place.parent = (
                anchor.lat,
                anchor.lon,
                anchor.country,
                anchor.id,
            )
        elif countries:
            iso = countries.most_common(1)[0][0]
            state = gazetteer.load().country(iso)
            if state is not None:
                place.lat, place.lon, place.country, place.parent = state.lat, state.lon, iso, state.id


def build_places(doc: Doc, resolved: list[Resolved], gaz: Gazetteer) -> list[Place]:
    places: dict[str, Place] = {}
    agentive: dict[str, bool] = {}
    for item in resolved:
        candidate, entry = item.candidate, item.entry
        if entry is not None:
            key = entry.id
            if key not in places:
                places[key] = _place(entry, gaz)
        else:
            name = candidate.lookup_text if candidate.claimed else candidate.text
            key = _unresolved_id(name)
            if key not in places:
                # A claimed or unknown area: named, but not forced onto any modern unit.
                places[key] = Place(
                    id=key, name=candidate.text, feature="region" if candidate.claimed else "other"
                )
        places[key].mentions.append(Mention(candidate.start, candidate.end, candidate.text))
        is_agent = candidate.source != "demonym" and _agentive(doc, candidate)
        agentive[key] = agentive.get(key, True) and is_agent
    _locate_unknown(places, resolved)
    kept = []
    for key, place in places.items():
        if place.feature == "country" and agentive.get(key):
            LOGGER.debug("%s is only an actor here, not a place", place.name)
            continue
        kept.append(place)
    return kept
