"""Turn an event argument (a token of the parse) into an entity id.

Looks first for an entity the actors stage found (`entity_at` on the head, its appositions, its
modifiers, its "of" object), resolves pronouns, relative pronouns and "the group" to the actor they
stand for, and as a last resort creates a minimal entity for a generic actor phrase ("two suspected
insurgents", "a Haqqani network facilitator") so the event can point at it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.model import Entity, EntityType, Mention
from newsgraph.nlp.analysis import Analysis
from newsgraph.nlp.lookup import entities_in, entity_at

LOGGER = logging.getLogger(__name__)

# Head nouns that name actors; the value is the entity type a created entity gets.
ACTOR_NOUNS: dict[str, EntityType] = {
    "insurgent": "ARMED_GROUP",
    "militant": "ARMED_GROUP",
    "fighter": "ARMED_GROUP",
    "rebel": "ARMED_GROUP",
    "terrorist": "ARMED_GROUP",
    "jihadist": "ARMED_GROUP",
    "extremist": "ARMED_GROUP",
    "gunman": "ARMED_GROUP",
    "gunmen": "ARMED_GROUP",
    "bomber": "ARMED_GROUP",
    "attacker": "ARMED_GROUP",
    "network": "ARMED_GROUP",
    "cell": "ARMED_GROUP",
    "group": "ARMED_GROUP",
    "faction": "ARMED_GROUP",
    "militia": "ARMED_GROUP",
    "facilitator": "PERSON",
    "leader": "PERSON",
    "commander": "PERSON",
    "member": "PERSON",
    "associate": "PERSON",
    "suspect": "PERSON",
    "individual": "PERSON",
    "man": "PERSON",
    "person": "PERSON",
    "financier": "PERSON",
    "emir": "PERSON",
    "chief": "PERSON",
    "operative": "PERSON",
    "courier": "PERSON",
    "expert": "PERSON",
    "maker": "PERSON",
    "smuggler": "PERSON",
    "trafficker": "PERSON",
    "forger": "PERSON",
    "planner": "PERSON",
    "supplier": "PERSON",
    "recruiter": "PERSON",
    "lieutenant": "PERSON",
    "detainee": "PERSON",
    "civilian": "OTHER",
    "people": "OTHER",
    "resident": "OTHER",
    "villager": "OTHER",
    "child": "OTHER",
    "woman": "OTHER",
    "worker": "OTHER",
    "protester": "OTHER",
    "criminal": "ARMED_GROUP",
    "kidnapper": "ARMED_GROUP",
    "combatant": "ARMED_GROUP",
    "force": "GOVERNMENT",
    "troop": "GOVERNMENT",
    "soldier": "GOVERNMENT",
    "police": "GOVERNMENT",
    "policeman": "GOVERNMENT",
    "officer": "GOVERNMENT",
    "patrol": "GOVERNMENT",
    "team": "GOVERNMENT",
    "unit": "GOVERNMENT",
    "army": "GOVERNMENT",
    "military": "GOVERNMENT",
    "official": "GOVERNMENT",
    "authority": "GOVERNMENT",
    "government": "GOVERNMENT",
    "guard": "GOVERNMENT",
    "service": "GOVERNMENT",
    "member of parliament": "GOVERNMENT",
    "parliament": "GOVERNMENT",
}
PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers"})
NONPERSONAL = frozenset({"it", "its", "they", "them", "their", "theirs"})
RELATIVE = frozenset({"who", "which", "that", "whose", "whom"})
# Modifiers dropped from a created entity's name: they qualify the mention, not the actor.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
NAME_DROP = frozenset({"suspected", "alleged", "armed", "several", "numerous", "multiple", "other", "more"})
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class Resolver:
    """Per-document state: the analysis to read and extend, and the recent actors for anaphora."""

    found: Analysis
    recent: list[tuple[int, Entity]] = field(default_factory=list)  # (offset, entity) of subjects
    created: dict[str, Entity] = field(default_factory=dict)

    def note_subject(self, token: Token) -> None:
        entity = self.resolve(token, create=False)
        if entity is not None:
            self.recent.append((token.idx, entity))

    def antecedent(self, token: Token) -> Entity | None:
        """The latest actor mentioned as a subject before `token`, agreeing in person-ness."""
        want_person = token.lower_ in PERSONAL
        for offset, entity in reversed(self.recent):
            if offset >= token.idx:
                continue
            if want_person == (entity.type == "PERSON"):
                return entity
        return None

    def resolve(self, token: Token | None, *, create: bool = True) -> Entity | None:
        if token is None:
            return None
        return self._resolve(token, create, depth=0)

    def _resolve(self, token: Token, create: bool, depth: int) -> Entity | None:
        if depth > 4:
            return None
        lower = token.lower_
        if lower in RELATIVE and token.dep_ in ("nsubj", "nsubjpass", "poss", "dobj"):
            clause = token.head if token.dep_ != "poss" else token.head.head
            if clause.dep_ == "relcl":
                return self._resolve(clause.head, create, depth + 1)
            return None
        if token.pos_ == "PRON" or lower in PERSONAL or lower in NONPERSONAL:
            if lower in PERSONAL or lower in NONPERSONAL:
                return self.antecedent(token)
            return None
        hit = entity_at(self.found, token)
        if hit is not None:
            return hit
        for child in token.children:
            # "whose rule", "its leader": the possessor is the actor the phrase stands for
            if child.dep_ == "poss" and (child.lower_ in RELATIVE or child.pos_ == "PRON"):
                hit = self._resolve(child, create=False, depth=depth + 1)
                if hit is not None and child.lower_ in RELATIVE:
                    return hit
        for child in token.children:
            if child.dep_ == "appos":
                hit = self._resolve(child, create=False, depth=depth + 1)
                if hit is not None:
                    return hit
        modifiers = [child for child in token.children if child.i < token.i and child.dep_ != "det"]
        if modifiers:
            line_start = token.doc.text.rfind("\n", 0, token.idx) + 1  # not into a header line
            start = max(line_start, min(child.left_edge.idx for child in modifiers))
            found = entities_in(self.found, (start, token.idx))
            if found:
                return found[-1][1]
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        hit = self._resolve(pobj, create, depth + 1)
                        if hit is not None:
                            return hit
        follower = self._apposed(token)
        if follower is not None:
            return follower
        if self._anaphoric_group(token):
            hit = self.antecedent(token)
            if hit is not None:
                return hit
        if create:
            return self._create(token)
        return None

    def _apposed(self, token: Token) -> Entity | None:
        """An entity named right after the phrase: an apposition the parser missed ("its production
        team As-Sahab" where "As" was read as a preposition)."""
        if token.pos_ != "NOUN":
            return None
        end = token.idx + len(token.text)
        for entity in self.found.entities:
            for mention in entity.mentions:
                if end < mention.start <= end + 2 and not token.doc.text[end : mention.start].strip(" ,"):
                    return entity
        return None

    @staticmethod
    def _anaphoric_group(token: Token) -> bool:
        """ "the group", "the organisation": a definite generic that stands for an earlier actor."""
        determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
        generic = token.lemma_.lower() in ("group", "organization", "organisation", "movement")
        return generic and bool(determiners & {"the", "this", "that"})

    def _create(self, token: Token) -> Entity | None:
        lemma = token.lemma_.lower()
        kind = ACTOR_NOUNS.get(lemma)
        if kind is None:
            return None
        left = [child for child in token.children if child.i < token.i]
        specific = any(
            child.dep_ in ("det", "nummod", "compound", "poss", "amod", "quantmod") for child in left
        )
        if not specific:
            return None  # a bare generic plural ("militants launch attacks") is no participant
        definite = any(child.dep_ == "det" and child.lower_ in DEFINITE for child in left)
        keep = [
            tok
            for child in left
            if child.dep_ in ("compound", "amod", "nmod")
            for tok in child.subtree
            if tok.lower_ not in NAME_DROP and not tok.like_num
        ]
        words = [tok for tok in sorted(keep, key=lambda t: t.i)] + [token]
        name = " ".join(tok.text for tok in words)
        if token.tag_ in ("NNS", "NNPS") and kind == "PERSON":
            kind = "ARMED_GROUP"
        first = min(tok.idx for tok in words)
        mention = Mention(
            first, token.idx + len(token.text), token.doc.text[first : token.idx + len(token.text)]
        )
        # "insurgent" and "insurgents" are one actor
        key = " ".join([tok.lower_ for tok in words[:-1]] + [token.lemma_.lower()])
        entity = self.created.get(key)
        if entity is None and definite:
            return None  # "the insurgents" refers back; with no earlier phrase to point at, nobody
        if entity is None:
            slug = _SLUG.sub("-", key).strip("-")
            entity = Entity(id=f"event-actor-{slug}", name=name, type=kind)
            self.created[key] = entity
            self.found.entities.append(entity)
            LOGGER.debug("created entity %s for an event argument", entity.id)
        if all(existing.start != mention.start for existing in entity.mentions):
            entity.mentions.append(mention)
        return entity
