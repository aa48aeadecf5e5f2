"""Find event mentions in a parsed sentence: trigger, type, participants, figures and modality.

Dependency rules over spaCy's parse: a verb from the trigger lexicon, or a nominalization in a
licensed position; its source from the subject (passive: the "by" agent; controlled or coordinated
verbs: the governing verb's subject or object), its target from the object (passive: the subject).
Participles like "..., killing two and injuring 31" add their figures to the event they hang from.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.events import triggers as lex
from newsgraph.events.counts import DEFINITE, people_count
from newsgraph.model import Modality

LOGGER = logging.getLogger(__name__)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Verbs whose object is also the subject of their infinitive ("led al-Baghdadi to claim").
OBJECT_CONTROL = frozenset(
    {
        "lead",
        "force",
        "pressure",
        "urge",
        "ask",
        "order",
        "push",
        "prompt",
        "allow",
        "help",
        "persuade",
        "encourage",
        "compel",
        "call",
        "tell",
        "invite",
        "enable",
    }
)
# Nouns whose "of" object is the patient ("the arrest of X"); otherwise it is the actor.
PATIENT_OF = frozenset(
    {
        "arrest",
        "search",
        "detention",
        "capture",
        "abduction",
        "kidnapping",
        "killing",
        "assassination",
        "massacre",
        "bombing",
        "release",
        "appointment",
        "endorsement",
    }
)
TARGET_PREPS: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"against", "on", "with", "at"}),
    "SUPPORT": frozenset({"for", "to"}),
    "DEFECT": frozenset({"to"}),
    "CONSULT": frozenset({"with"}),
    "COOPERATE": frozenset({"with"}),
    "AGREE": frozenset({"with", "to"}),
    "AID": frozenset({"to", "for"}),
    "ACCUSE": frozenset({"against"}),
    "THREATEN": frozenset({"against"}),
    "PROTEST": frozenset({"against"}),
    "SANCTION": frozenset({"against", "on"}),
    "REQUEST": frozenset({"to"}),
    "COERCE": frozenset({"on", "against", "for"}),
    "RETREAT": frozenset({"from"}),
}
TERRITORY_WORDS = frozenset(
    {"territory", "part", "province", "land", "area", "region", "control", "sovereignty", "caliphate"}
)
RESPONSIBILITY_WORDS = frozenset({"responsibility", "credit", "attack", "bombing", "killing"})


@dataclass
class Mention:
    """One event mention before entity resolution: tokens of the parse, not ids yet."""

    type: str
    trigger: Token
    source: Token | None = None
    target: Token | None = None
    counts: dict[str, int] = field(default_factory=dict)
    modality: Modality = "asserted"
    attribution: Token | None = None
    anchor: Token | None = None  # the verb the nominal trigger hangs from, for modality
    anaphoric: bool = False  # its people were named before ("the insurgents were detained")


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def first_child(token: Token, *deps: str) -> Token | None:
    found = children(token, *deps)
    return found[0] if found else None


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for prep in children(token, "prep", "dative"):
        if prep.lower_ in preps:
            out.extend(children(prep, "pobj"))
    return out


def is_passive(verb: Token) -> bool:
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return True
    # "He was engaged and killed", "X was confirmed killed": the participle shares the passive
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("conj", "xcomp", "oprd")
        and verb.head.tag_ == "VBN"
        and is_passive(verb.head)
    )


def passive_subject(verb: Token) -> Token | None:
    subject = first_child(verb, "nsubjpass")
    if subject is None and verb.dep_ in ("conj", "xcomp", "oprd") and verb.tag_ == "VBN":
        return passive_subject(verb.head)
    if subject is None and any(child.dep_ == "auxpass" for child in verb.children):
        subject = stranded_subject(verb)
    return subject


def stranded_subject(verb: Token) -> Token | None:
    """The subject of "was arrested" when the parser hung it elsewhere (an apposition, a header).

    The first noun phrase of the verb's line that does not follow a preposition, before the
    auxiliary: "A Haqqani leader in Pul-e Alam district, Logar province, was arrested".
    """
    auxiliaries = [child.i for child in verb.children if child.dep_ == "auxpass"]
    if not auxiliaries:
        return None
    doc = verb.doc
    line_start = doc.text.rfind("\n", 0, verb.idx) + 1
    first = max(verb.sent.start, next((t.i for t in verb.sent if t.idx >= line_start), verb.sent.start))
    index = first
    while index < min(auxiliaries):
        token = doc[index]
        if token.pos_ == "ADP":
            return _noun_after(doc, index, min(auxiliaries)) if index == first else None
        if token.pos_ in ("NOUN", "PROPN"):
            head = token
            while (
                head.dep_ in ("compound", "amod", "nmod")
                and head.head.i < min(auxiliaries)
                and head.head.i > head.i
            ):
                head = head.head
            return head
        index += 1
    return None


def _noun_after(doc: Doc, index: int, limit: int) -> Token | None:
    """Skip a leading prepositional phrase ("In Kandahar, two men were detained")."""
    while index < limit and doc[index].text != ",":
        index += 1
    for token in doc[index + 1 : limit]:
        if token.pos_ in ("NOUN", "PROPN"):
            head = token
            while head.dep_ in ("compound", "amod", "nmod") and head.head.i < limit and head.head.i > head.i:
                head = head.head
            return head
        if token.pos_ == "ADP":
            return None
    return None


def clause_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of `verb`, inherited through coordination and control when it has none."""
    subject = first_child(verb, "nsubj")
    if subject is not None:
        return subject
    if is_passive(verb):
        agent = first_child(verb, "agent")
        if agent is not None:
            return first_child(agent, "pobj")
        return None
    if depth > 4:
        return None
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return clause_subject(head, depth + 1) if not is_passive(head) else first_child(head, "nsubj")
    if verb.dep_ == "xcomp" or (verb.dep_ in ("advcl", "ccomp") and first_child(verb, "aux") is not None):
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = first_child(head, "dobj")
            if obj is not None:
                return obj
        return clause_subject(head, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return clause_subject(head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        return head  # "militants attacking the base"
    return None


def verb_arguments(verb: Token, event_type: str) -> tuple[Token | None, Token | None]:
    if is_passive(verb):
        target = passive_subject(verb)
        if target is None and verb.dep_ in ("acl", "amod"):
            target = verb.head  # "a leader detained yesterday"
        agent = first_child(verb, "agent")
        source = first_child(agent, "pobj") if agent is not None else None
        if source is None:
            source = clause_subject(verb)
        return source, target
    source = clause_subject(verb)
    target = first_child(verb, "dobj")
    if target is not None and event_type == "DEFECT":
        target = None
    if target is None:
        objects = prep_objects(verb, TARGET_PREPS.get(event_type, frozenset()))
        target = objects[0] if objects else None
    return source, target


def noun_arguments(noun: Token, event_type: str, anchor: Token | None) -> tuple[Token | None, Token | None]:
    source: Token | None = None
    target: Token | None = None
    poss = first_child(noun, "poss")
    of_objects = prep_objects(noun, frozenset({"of"}))
    lemma = noun.lemma_.lower()
    if of_objects:
        if lemma in PATIENT_OF:
            target = of_objects[0]
        else:
            source = of_objects[0]
    if poss is not None:
        if source is None and (lemma not in PATIENT_OF or target is not None):
            source = poss
        elif target is None:
            target = poss
    if source is None:
        by = prep_objects(noun, frozenset({"by", "from"}))
        source = by[0] if by else None
    if source is None:
        for child in children(noun, "compound", "amod"):
            if child.pos_ == "PROPN":
                source = child
    if target is None:
        objects = prep_objects(noun, TARGET_PREPS.get(event_type, frozenset()) | {"on"})
        target = objects[0] if objects else None
    if anchor is not None and source is None and anchor.lemma_.lower() in lex.LIGHT_VERBS:
        source = clause_subject(anchor)
    if source is not None and source.lower_ in ("his", "her", "its", "their") and anchor is not None:
        source = clause_subject(anchor) or source
    return source, target


def noun_anchor(noun: Token) -> Token | None:
    """The verb that licenses a nominal trigger, or None when the noun is not an event mention here."""
    dep = noun.dep_
    head = noun.head
    if noun.lemma_.lower() == "search" and dep == "pobj" and head.lower_ == "in":
        return head.head
    if dep in ("dobj", "nsubjpass") and head.lemma_.lower() in lex.LIGHT_VERBS:
        return head
    if dep == "conj" and head.pos_ == "NOUN":
        return noun_anchor(head)
    if dep in ("nsubj", "nsubjpass", "attr") and has_argument(noun):
        return head
    if dep == "pobj" and head.dep_ == "prep":
        governor = head.head
        if head.lower_ in ("in", "to") and governor.lemma_.lower() in lex.RESULT_VERBS:
            return governor
        if head.lower_ == "of" and governor.lemma_.lower() in lex.CARRIER_NOUNS:
            return noun_anchor(governor)
    return None


def has_argument(noun: Token) -> bool:
    return any(
        child.dep_ == "poss"
        or (child.dep_ == "prep" and child.lower_ in ("of", "by", "from", "against", "on"))
        for child in noun.children
    )


def trigger_type(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB",) or (token.pos_ == "AUX" and lemma in lex.VERB_TRIGGERS):
        if lemma == "claim":
            return claim_type(token)
        if lemma == "engage" and first_child(token, "dobj") is None and not is_passive(token):
            return None  # "engage in talks" is no attack
        if lemma == "strike" and first_child(token, "dobj") is None and not is_passive(token):
            return None  # workers "strike"; a missile strikes something
        if lemma == "back" and token.tag_ != "VBN" and first_child(token, "dobj") is None:
            return None
        if lemma == "search" and not prep_objects(token, frozenset({"for"})):
            return None  # searching a compound is no act against anyone; searching for a leader is
        if lemma == "move" and first_child(token, "dobj") is None and not is_passive(token):
            return None  # "moving apart"; relocation needs something moved
        return lex.VERB_TRIGGERS.get(lemma)
    if token.pos_ in ("NOUN", "PROPN"):
        lowered = token.lower_
        event_type = lex.NOUN_TRIGGERS.get(lemma) or lex.NOUN_TRIGGERS.get(lowered)
        if lemma == "search" and token.head.lower_ == "in" and prep_objects(token, frozenset({"of"})):
            return "COERCE"  # "an operation in search of a Haqqani leader"
        if lemma in ("responsibility", "credit") and token.head.lemma_.lower() == "claim":
            return None  # coded on the verb
        return event_type
    return None


def claim_type(verb: Token) -> str | None:
    obj = first_child(verb, "dobj")
    if obj is None:
        return None
    lemma = obj.lemma_.lower()
    if lemma in RESPONSIBILITY_WORDS:
        return "CLAIM_RESPONSIBILITY"
    if lemma in TERRITORY_WORDS or obj.ent_type_ in ("GPE", "LOC"):
        return "CLAIM_TERRITORY"
    return None


def casualty_figures(verb: Token) -> dict[str, int]:
    """Figures of the participles hanging from `verb`: "..., killing two and injuring 31"."""
    out: dict[str, int] = {}
    for child in verb.children:
        if child.dep_ not in ("advcl", "conj", "xcomp") or child.tag_ != "VBG":
            continue
        for part in [child, *(c for c in child.conjuncts if c.i > child.i)]:
            kind = lex.CASUALTY_VERBS.get(part.lemma_.lower())
            patient = first_child(part, "dobj")
            if kind and patient is not None:
                value = people_count(patient)
                if value is not None:
                    out[kind] = out.get(kind, 0) + value
        # "..., resulting in the death of two insurgents"
        if child.lemma_.lower() in lex.RESULT_VERBS:
            for noun in prep_objects(child, frozenset({"in", "to"})):
                for part in [noun, *noun.conjuncts]:
                    kind = lex.CASUALTY_NOUNS.get(part.lemma_.lower())
                    if kind:
                        for patient in prep_objects(part, frozenset({"of"})):
                            value = people_count(patient)
                            if value is not None:
                                out[kind] = out.get(kind, 0) + value
    return out


def restates(patient: Token | None) -> bool:
    """ "The commander and three additional insurgents were detained": people counted before."""
    if patient is None:
        return False
    if patient.lower_ in ("them", "they", "these", "those"):
        return True
    return any(child.dep_ in ("det", "poss") and child.lower_ in DEFINITE for child in patient.children)


def aggregate(verb: Token) -> bool:
    """ "... have detained more than 35 leaders since the first of the year": a running total."""
    perfect = any(child.dep_ == "aux" and child.lemma_ == "have" for child in verb.children)
    since = any(child.dep_ == "prep" and child.lower_ == "since" for child in verb.children)
    return since or (perfect and any(token.lower_ == "since" for token in verb.sent))


def is_casualty_participle(token: Token) -> bool:
    """A "killing two" hanging from another event trigger: its figures belong to that event."""
    if token.tag_ != "VBG" or token.lemma_.lower() not in lex.CASUALTY_VERBS:
        return False
    if token.dep_ == "conj" and token.head.tag_ == "VBG" and token.head.lemma_.lower() in lex.CASUALTY_VERBS:
        return True  # "killing two and detaining three": counted with the first participle
    node = token
    while node.dep_ == "conj" and node.head.tag_ == "VBG":
        node = node.head
    return node.dep_ in ("advcl", "conj", "xcomp") and trigger_type(node.head) is not None


def own_figures(trigger: Token, target: Token | None, passive: bool) -> dict[str, int]:
    kind = lex.CASUALTY_VERBS.get(trigger.lemma_.lower()) if trigger.pos_ in ("VERB", "AUX") else None
    out: dict[str, int] = {}
    if kind and target is not None and not (kind == "arrested" and target.pos_ == "PRON"):
        # "captured a militant and detained him": a detained "him" was counted when first named
        value = people_count(target)
        if value is not None:
            out[kind] = value
    if trigger.pos_ == "NOUN":
        kind = lex.CASUALTY_NOUNS.get(trigger.lemma_.lower())
        if kind and target is not None and kind != "killed":
            value = people_count(target)
            if value is not None:
                out[kind] = value
    return out


def modality_of(trigger: Token, anchor: Token | None) -> tuple[Modality, Token | None]:
    """Modality from negation, modal auxiliaries, hedges and governing verbs; and who reports it."""
    verb = anchor if anchor is not None and trigger.pos_ == "NOUN" else trigger
    negated = any(child.dep_ == "neg" for child in verb.children)
    subject = passive_subject(verb) if is_passive(verb) else clause_subject(verb)
    if subject is not None and any(c.lower_ == "no" for c in subject.children if c.dep_ == "det"):
        negated = True
    if trigger.pos_ == "NOUN" and any(c.lower_ == "no" for c in trigger.children if c.dep_ == "det"):
        negated = True
    hedged = any(child.lower_ in lex.HEDGE_AUX for child in verb.children if child.dep_ == "aux") or any(
        child.lower_ in lex.HEDGE_ADVERBS for child in verb.children if child.dep_ == "advmod"
    )
    planned = any(child.lower_ in lex.FUTURE_AUX for child in verb.children if child.dep_ == "aux")
    reported_by: Token | None = None
    node = verb
    steps = 0
    while node.dep_ != "ROOT" and steps < 6:
        steps += 1
        head = node.head
        lemma = head.lemma_.lower()
        infinitive = any(child.lower_ == "to" and child.dep_ == "aux" for child in node.children)
        purpose = lemma in lex.PLAN_VERBS or head.pos_ == "NOUN" or node.dep_ == "advcl"
        if node.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl") and infinitive and purpose:
            planned = True
        if node.dep_ in ("ccomp", "xcomp", "relcl", "conj", "advcl"):
            if lemma in lex.HEDGE_VERBS:
                hedged = True
            if lemma in lex.DENY_VERBS and node.dep_ == "ccomp":
                negated = True
            if lemma in lex.REPORTING_VERBS and node.dep_ == "ccomp" and reported_by is None:
                reported_by = first_child(head, "nsubj") or head
        if any(child.dep_ == "neg" for child in head.children) and node.dep_ in ("xcomp",):
            negated = True
        if node.dep_ in ("advcl", "relcl", "acl", "pcomp", "prep", "pobj"):
            break  # the governing clause's hedges and plans are not this event's
        node = head
    if reported_by is None:
        reported_by = inverted_report(trigger)
    if negated:
        return "negated", reported_by
    if planned:
        return "planned", reported_by
    if hedged:
        return "hedged", reported_by
    if reported_by is not None:
        return "reported", reported_by
    return "asserted", None


def inverted_report(trigger: Token) -> Token | None:
    """The source of ", reported Bruce Riedel" or "according to X" in the trigger's sentence."""
    for token in trigger.sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            objects = children(token.nbor(), "pobj")
            if objects:
                return objects[0]
        if token.i <= trigger.i or token.pos_ != "VERB" or token.dep_ == "ROOT":
            continue
        if token.lemma_.lower() in lex.REPORTING_VERBS and token.dep_ in ("conj", "parataxis", "advcl"):
            if trigger_type(token) is not None or any(child.lower_ == "to" for child in token.children):
                continue  # "to claim part of Afghanistan" is an event, not an attribution
            speaker = first_child(token, "nsubj") or first_child(token, "dobj")
            if speaker is not None and (speaker.pos_ == "PROPN" or speaker.ent_type_ in ("PERSON", "ORG")):
                return speaker
    return None


def sentence_mentions(sent: Span) -> list[Mention]:
    """Every event mention in one sentence, in trigger order."""
    found: list[Mention] = []
    for token in sent:
        event_type = trigger_type(token)
        if event_type is None:
            continue
        if token.pos_ in ("VERB", "AUX"):
            if is_casualty_participle(token):
                continue
            if token.dep_ == "amod" and token.tag_ == "VBN" and token.lemma_.lower() != "detain":
                continue  # "suspected", "armed": adjectival participles describe, they do not report
            anchor = None
            source, target = verb_arguments(token, event_type)
            if event_type == "RELOCATE" and target is None:
                continue
            source, target = same_line(token, source), same_line(token, target)
            if target is None and is_passive(token):
                target = same_line(token, stranded_subject(token))
            counts = own_figures(token, target, is_passive(token))
            anaphoric = restates(target)
            if aggregate(token):
                counts = {}
            for kind, value in casualty_figures(token).items():
                counts[kind] = counts.get(kind, 0) + value
        else:
            anchor = noun_anchor(token)
            if anchor is None:
                continue
            source, target = noun_arguments(token, event_type, anchor)
            source, target = same_line(token, source), same_line(token, target)
            counts = own_figures(token, target, False)
            anaphoric = restates(target)
        modality, attribution = modality_of(token, anchor)
        if modality in ("planned", "negated"):
            counts = {kind: 0 for kind in counts} if modality == "negated" else {}
        found.append(
            Mention(
                type=event_type,
                trigger=token,
                source=source,
                target=target,
                counts=counts,
                modality=modality,
                attribution=attribution,
                anchor=anchor,
                anaphoric=anaphoric,
            )
        )
    return found


def same_line(trigger: Token, argument: Token | None) -> Token | None:
    """The argument if it is on the trigger's line: a parse that reaches into a header is wrong."""
    if argument is None:
        return None
    low, high = sorted((trigger.idx, argument.idx))
    return None if "\n" in trigger.doc.text[low:high] else argument
