"""Find the place-name spans of a document: spaCy's GPE/LOC/FAC entities, demonyms, feature-word phrases
("Helmand Province", "Orange County") and gazetteer names the statistical model missed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.places.gazetteer import Gazetteer
from newsgraph.places.names import fold

LOGGER = logging.getLogger(__name__)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entity labels whose spans we leave alone when scanning for gazetteer names: the model is usually right
# that "Jordan Spieth" or "the Washington Post" are not places.
BLOCKING_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE", "NORP"}

# Words that, after a name, say what kind of unit it is ("Helmand Province", "Kunar province").
FEATURE_WORDS = {
    "province": "admin1",
    "governorate": "admin1",
    "oblast": "admin1",
    "prefecture": "admin1",
    "state": "admin1",
    "region": "admin1",
    "county": "admin2",
    "district": "admin2",
    "parish": "admin2",
    "borough": "admin2",
    "city": "city",
    "town": "city",
    "village": "city",
}
# Feature words that are part of the name itself when they follow it ("Orange County", "Kunar Province").
ATTACHED_FEATURES = {"province", "governorate", "oblast", "prefecture", "county", "district", "parish"}
# Words before a name that say it is a place ("in Kabul", "near Lashkar Gah").
LOCATIVE = {"in", "at", "near", "from", "to", "outside", "across", "into", "throughout", "around", "towards"}
# Words before a name that mark it as claimed, proclaimed or historical rather than a present-day unit.
CLAIM_MARKERS = {
    "so-called",
    "self-declared",
    "self-proclaimed",
    "self-styled",
    "caliphate",
    "wilayat",
}
OPENING_QUOTES = set("\"'\u201c\u2018\u00ab")
_CLOSING = re.compile("^[,.]?[\"\u201d\u2019\u00bb'](?!s\\b)")
COMPOUND_DEMONYM_HEADS = {"Central", "Latin", "Native", "Middle"}
DETERMINERS = {"the", "a", "an"}
# Gazetteer-only matches (the model did not tag them) must be this populous unless a locative word
# precedes them, so that capitalised common words ("Mobile", "Reading") are not taken for towns.
MIN_POPULATION_UNTAGGED = 100_000


# Capitalised words that are place names somewhere but here are headings, months or compass points.
GENERIC_WORDS = {
    "centre",
    "center",
    "central",
    "north",
    "south",
    "east",
    "west",
    "gulf",
    "coast",
    "delta",
    "valley",
    "capital",
    "downtown",
    "city",
    "county",
    "state",
    "island",
    "lake",
    "river",
    "bay",
    "park",
    "metro",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "easter",
    "christmas",
    "university",
    "college",
    "school",
    "church",
    "hospital",
    "airport",
    "street",
}


# AP-style US state abbreviations, as local news writes them after a town ("Springfield, Ill.").
# Recognised only in that position: on their own most of them are words ("Miss.", "Mass.", "Wash.").
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Kans.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
    "D.C.": "District of Columbia",
}


@dataclass
class Candidate:
    start: int  # character offsets into doc.text
    end: int
    text: str
    source: str  # ner | demonym | gazetteer
    hint: str | None = None  # the feature a feature word asks for
    claimed: bool = False  # quoted, "so-called", "the caliphate's": not to be forced onto a modern unit
    head: int = 0  # token index of the span's last token (for syntax checks)
    label: str = ""  # spaCy's entity label when the model found it (GPE, LOC, FAC)
    alias: str | None = None  # the full name to look up for an abbreviation ("Ill." -> "Illinois")
    exact_unit: bool = False  # the whole span is a country's or division's own name

    @property
    def lookup_text(self) -> str:
        """The name without a trailing feature word ("Helmand Province" -> "Helmand")."""
        words = self.text.split()
        if len(words) > 1 and words[-1].lower() in FEATURE_WORDS:
            return " ".join(words[:-1])
        return self.text


def _trim(span: Span) -> Span | None:
    """Drop leading determiners and a trailing possessive or punctuation from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in DETERMINERS:
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _is_claimed(doc: Doc, span: Span) -> bool:
    text = doc.text
    # Quoted as a name of its own: “Khorasan Province,” - not “Europe’s airline” nor "London’s bleeding".
    before = text[max(0, span.start_char - 1) : span.start_char]
    after = text[span.end_char : span.end_char + 2]
    if before and before in OPENING_QUOTES and _CLOSING.match(after):
        return True
    window = doc[max(0, span.start - 3) : span.start]
    return any(token.lower_ in CLAIM_MARKERS or token.lemma_.lower() in CLAIM_MARKERS for token in window)


def _hint(span: Span, doc: Doc) -> str | None:
    last = span[-1].lower_
    if last in FEATURE_WORDS and len(span) > 1:
        return FEATURE_WORDS[last]
    before = doc[max(0, span.start - 2) : span.start]
    if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in ("city", "town", "village"):
        return "city"
    return None


def _extend(span: Span) -> Span:
    """Take in a following feature word that names the unit ("Helmand" + "Province")."""
    doc = span.doc
    if (
        span.end < len(doc)
        and doc[span.end].lower_ in ATTACHED_FEATURES
        and span[-1].lower_ not in FEATURE_WORDS
    ):
        return doc[span.start : span.end + 1]
    return span


def _candidate(doc: Doc, span: Span, source: str, label: str = "") -> Candidate:
    return Candidate(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        source=source,
        hint=_hint(span, doc),
        claimed=_is_claimed(doc, span),
        head=span.end - 1,
        label=label,
    )


def _listed_after_place(doc: Doc, i: int, place_ends: set[int]) -> bool:
    before = doc[i - 1].text
    if before == ",":
        return i - 1 in place_ends
    if before in ("and", "or"):
        return i - 1 in place_ends or (i >= 2 and doc[i - 2].text == "," and i - 2 in place_ends)
    return False


def _list_goes_on(doc: Doc, end: int, start: int) -> bool:
    """A real list, not "In Washington, Jackson said": the item is followed by a separator, or is the
    last item after "and"/"or"."""
    if doc[start - 1].text in ("and", "or"):
        return True
    return end < len(doc) and doc[end].text in (",", "and", "or")


def _is_division_or_country(gaz: Gazetteer, text: str) -> bool:
    key = fold(text)
    return any(e.feature in ("country", "admin1") and fold(e.name) == key for e in gaz.lookup(text))


def _proper_run(doc: Doc, start: int, end: int) -> bool:
    tokens = doc[start:end]
    if not tokens[0].text[:1].isupper() or not tokens[-1].text[:1].isupper():
        return False
    return all(t.tag_ in ("NNP", "NNPS") or t.lower_ in ("of", "de", "-") for t in tokens)


def find(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Place-name candidates in text order, without overlaps."""
    found: list[Candidate] = []
    taken = [False] * len(doc)

    place_ends: set[int] = set()  # token index after each place-name span (not demonyms)

    def claim(span: Span, source: str, label: str = "") -> None:
        for i in range(span.start, span.end):
            taken[i] = True
        found.append(_candidate(doc, span, source, label))
        if source != "demonym":
            place_ends.add(span.end)

    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            span = _trim(ent)
            if span is None or not any(ch.isalpha() for ch in span.text) or not span.text[0].isupper():
                continue
            claim(_extend(span), "ner", ent.label_)
        elif ent.label_ == "NORP":
            span = _trim(ent)
            if span is not None and gaz.demonym(span.text):
                claim(span, "demonym")
        elif ent.label_ == "PERSON" and len(ent) > 1 and _is_division_or_country(gaz, ent.text):
            # The small model reads some two-word divisions as people ("Tamil Nadu accused ..."); a
            # person's full name is rarely exactly a country's or a province's.
            claim(ent, "ner", "GPE")
            found[-1].exact_unit = True
        elif ent.label_ == "PERSON" and ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVE:
            # "a campaign stop in Ciudad Juarez": after "in", a big town's exact name is the town.
            key = fold(ent.text)
            if any(
                fold(e.name) == key
                and (e.feature in ("country", "admin1") or e.population >= MIN_POPULATION_UNTAGGED)
                for e in gaz.lookup(ent.text)
            ):
                claim(ent, "ner", "GPE")
                found[-1].exact_unit = True

    persons = [False] * len(doc)
    blocked = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ in BLOCKING_LABELS:
            for i in range(ent.start, ent.end):
                blocked[i] = True
                persons[i] = ent.label_ == "PERSON"

    # "Chimtal district", "Balkh province": a feature word makes the proper nouns before it a place, whatever
    # the model tagged them (the small model reads many Afghan provinces as people).
    for k, token in enumerate(doc):
        if token.lower_ not in ATTACHED_FEATURES or taken[k]:
            continue
        start = k
        while start > 0 and k - start < 3 and not taken[start - 1] and doc[start - 1].tag_ in ("NNP", "NNPS"):
            start -= 1
        if start < k and doc[start].text[:1].isupper():
            claim(doc[start : k + 1], "feature")

    # Demonyms and country adjectives anywhere but in a person's name ("Russian" in "Russian Higher School
    # of Economics", "Korean" the model did not tag): they name the country they derive from.
    for i, token in enumerate(doc):
        if taken[i] or persons[i] or not token.text[:1].isupper():
            continue
        if i > 0 and doc[i - 1].text in COMPOUND_DEMONYM_HEADS:
            continue  # "Central American", "Latin American", "Native American": not the country
        for j in (i + 2, i + 1):
            if j <= len(doc) and not any(taken[k] for k in range(i, j)) and gaz.demonym(doc[i:j].text):
                claim(doc[i:j], "demonym")
                break

    # Gazetteer names the model missed: runs of proper nouns, longest match first, dictionary look-ups only.
    # Inside an organisation's or event's name ("University of California", "Dubai World Cup") only
    # countries, first-level divisions and large towns count; inside a person's name nothing does.
    i = 0
    while i < len(doc):
        # A list of places overrides the model's tags ("Zilina, Nitra, Presov and Kosice").
        listed = i > 0 and _listed_after_place(doc, i, place_ends)
        if taken[i] or (persons[i] and not listed) or not doc[i].text[:1].isupper():
            i += 1
            continue
        match: tuple[int, str] | None = None
        for j in range(min(len(doc), i + 4), i, -1):
            if any(taken[k] or (persons[k] and not listed) for k in range(i, j)) or not _proper_run(
                doc, i, j
            ):
                continue
            key = fold(doc[i:j].text)
            if gaz.has_name(key):
                match = (j, key)
                break
        if match is None:
            i += 1
            continue
        j, key = match
        span = _extend(doc[i:j])
        entries = gaz.lookup(key)
        locative = doc[i - 1].lower_ in LOCATIVE if i > 0 else False
        # Strong: a country, division or large town under its own name (not an old or foreign one).
        # (Countries' and divisions' other names are curated short forms: "US", "DPRK", "Kunar".)
        strong = any(
            e.feature in ("country", "admin1", "region")
            or (e.population >= MIN_POPULATION_UNTAGGED and fold(e.name) == key)
            for e in entries
        )
        embedded = any(blocked[k] for k in range(span.start, span.end))
        if key in GENERIC_WORDS or (listed and not _list_goes_on(doc, span.end, i)):
            pass
        elif strong or listed or (not embedded and (locative or span.end > j)):
            claim(span, "gazetteer")
        i = span.end

    _abbreviated_states(doc, found, taken)
    found.sort(key=lambda c: c.start)
    return found


def _abbreviated_states(doc: Doc, found: list[Candidate], taken: list[bool]) -> None:
    """ "Springfield, Ill.": a state abbreviation right after a place name and a comma."""
    text = doc.text
    at = {c.start: c for c in found}
    for candidate in list(found):
        start = candidate.end + 2
        if text[candidate.end : start] != ", ":
            continue
        abbreviation = next((a for a in STATE_ABBREVIATIONS if text.startswith(a, start)), None)
        if abbreviation is None:
            continue
        existing = at.get(start)
        if existing is not None:  # the model tagged it: keep its span, look it up by the full name
            existing.alias, existing.hint = STATE_ABBREVIATIONS[abbreviation], "admin1"
            continue
        span = doc.char_span(start, start + len(abbreviation), alignment_mode="expand")
        if span is None or any(taken[i] for i in range(span.start, span.end)):
            continue
        for i in range(span.start, span.end):
            taken[i] = True
        found.append(
            Candidate(
                start=start,
                end=start + len(abbreviation),
                text=abbreviation,
                source="abbreviation",
                hint="admin1",
                head=span.end - 1,
                alias=STATE_ABBREVIATIONS[abbreviation],
            )
        )
