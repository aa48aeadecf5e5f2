"""spaCy component `newsgraph_events`: codes who did what to whom, where and when.

Reads `analysis(doc)`: `entities` (actors with mentions), `places`, `times`, `claims`, `published`.
Writes `analysis(doc).events` (and appends a minimal entity for a generic actor phrase an event needs,
see `events.actors`). One event per trigger; a later mention of an event already coded (same type and
participants, no new figures: "As-Sahab was moved back into Helmand" after "al-Qaida moved As-Sahab")
completes the first instead of adding a second.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.events.actors import Resolver
from newsgraph.events.cameo import coding
from newsgraph.events.coding import SUBJECTS, Mention, sentence_mentions
from newsgraph.events.dating import calendar_value, pick_time
from newsgraph.model import Claim, Event, Place
from newsgraph.nlp.analysis import Analysis, analysis
from newsgraph.nlp.lookup import place_at, times_in

LOGGER = logging.getLogger(__name__)


# Types that are about what one actor does to another: without a target they say too little.
DYADIC = frozenset(
    {
        "SUPPORT",
        "AGREE",
        "CONSULT",
        "COOPERATE",
        "AID",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "SANCTION",
        "COERCE",
        "CONCEDE",
    }
)


@Language.factory("newsgraph_events")
def make_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()


LOCATIVE = frozenset(
    {"in", "at", "near", "into", "to", "inside", "outside", "across", "throughout", "around", "of", "on"}
)


# Words that mark the people of a later sentence as not yet counted.
ADDITIVE = frozenset({"also", "additional", "another", "more", "other", "separate", "further", "second"})


@dataclass
class Draft:
    event: Event
    date_explicit: bool
    place_explicit: bool
    trigger: Token
    anaphoric: bool = False


class EventsComponent:
    def __call__(self, doc: Doc) -> Doc:
        found = analysis(doc)
        try:
            found.events = code_events(doc, found)
        except Exception:  # an event bug must not lose the rest of the article's analysis
            LOGGER.exception("event coding failed")
            found.events = []
        return doc


def code_events(doc: Doc, found: Analysis) -> list[Event]:
    resolver = Resolver(found)
    drafts: list[Draft] = []
    for sent in doc.sents:
        for mention in sentence_mentions(sent):
            draft = build(mention, line_part(sent, mention.trigger), found, resolver)
            if draft is not None:
                drafts.append(draft)
        for token in sent:
            if token.dep_ in SUBJECTS and token.head.dep_ == "ROOT":
                resolver.note_subject(token)
    fill_context(doc, drafts, found)
    drafts = join_coordinated(drafts)
    drop_restated(drafts)
    return [draft.event for draft in merge(drafts)]


def line_part(sent: Span, trigger: Token) -> Span:
    """The part of a parser sentence on the trigger's line: headers and datelines run into leads."""
    text = sent.doc.text
    start = max(sent.start_char, text.rfind("\n", 0, trigger.idx) + 1)
    end = text.find("\n", trigger.idx)
    end = sent.end_char if end < 0 else min(end, sent.end_char)
    span = sent.doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) == 0:
        return sent
    while len(span) > 1 and span[0].is_space:
        span = span[1:]
    while len(span) > 1 and span[-1].is_space:
        span = span[:-1]
    return span


def build(mention: Mention, sent: Span, found: Analysis, resolver: Resolver) -> Draft | None:
    source = resolver.resolve(mention.source)
    target = resolver.resolve(mention.target)
    if source is not None and target is not None and source.id == target.id:
        target = None
    vague = source is None or mention.modality == "planned" or mention.type in DYADIC
    if target is None and not mention.counts and vague:
        return None  # no one acted upon: a generic, hypothetical or half-parsed mention
    attributed = resolver.resolve(mention.attribution, create=False) if mention.attribution else None
    modality = mention.modality
    claim_speaker = speaker_of(found.claims, mention.trigger.idx)
    if claim_speaker is not None and claim_speaker in (
        getattr(source, "id", None),
        getattr(target, "id", None),
    ):
        claim_speaker = None  # a participant's own statement is the event, not a report of it
    if attributed is None and claim_speaker is not None:
        attributed = next((entity for entity in found.entities if entity.id == claim_speaker), None)
        if modality == "asserted":
            modality = "reported"
    place = event_place(mention, sent, found)
    date, explicit = event_date(mention.trigger, sent, found)
    code = coding(mention.type)
    start, end = sent.start_char, sent.end_char
    event = Event(
        type=mention.type,
        evidence=sent.text,
        source=source.id if source else None,
        target=target.id if target else None,
        place=place.id if place else None,
        date=date,
        killed=mention.counts.get("killed"),
        injured=mention.counts.get("injured"),
        arrested=mention.counts.get("arrested"),
        attributed_to=attributed.id if attributed else None,
        modality=modality,
        evidence_start=start,
        evidence_end=end,
        trigger=mention.trigger.text,
        cameo=code.cameo,
        intensity=code.intensity,
    )
    return Draft(event, explicit, place is not None, mention.trigger, mention.anaphoric)


def speaker_of(claims: list[Claim], offset: int) -> str | None:
    """The speaker of the claim whose text contains `offset`, if the claims stage found one."""
    for claim in claims:
        span = claim.mentions.get("text") if claim.mentions else None
        if span and len(span) == 2 and span[0] <= offset < span[1] and claim.speaker:
            return claim.speaker
    return None


def event_place(mention: Mention, sent: Span, found: Analysis) -> Place | None:
    """A place in the trigger's own phrase first (not an origin "from X"), else one in the sentence."""
    trigger = mention.trigger
    root = trigger if trigger.pos_ != "NOUN" or mention.anchor is None else mention.anchor
    origins = {
        tok.i
        for prep in root.subtree
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for tok in prep.subtree
    }
    candidates: list[tuple[int, int, Place]] = []
    subtree = {token.i for token in root.subtree}
    for token in sent:
        if token.i in origins or token.ent_type_ == "NORP" or token.pos_ == "ADJ":
            continue  # "from Pakistan" is where it left; "Afghan forces" is no place of action
        place = place_at(found, token)
        if place is None:
            continue
        locative = any(
            ancestor.dep_ == "prep" and ancestor.lower_ in LOCATIVE for ancestor in token.ancestors
        )
        rank = (0 if token.i in subtree else 2) + (0 if locative else 1)
        candidates.append((rank, token.i, place))
    return min(candidates, key=lambda item: (item[0], item[1]))[2] if candidates else None


def event_date(trigger: Token, sent: Span, found: Analysis) -> tuple[str | None, bool]:
    text = sent.doc.text
    times = [
        time
        for time in times_in(found, sent)
        if calendar_value(time, found.published) and not aside(text, time.start, time.end)
    ]
    time = pick_time(trigger, times)
    if time is None:
        return None, False
    return calendar_value(time, found.published), True


def aside(text: str, start: int, end: int) -> bool:
    """A dateline "(Jan. 20, 2011)" or a "since June" running total does not date the event."""
    before = text[max(0, start - 7) : start].rstrip().lower()
    after = text[end : end + 2].lstrip()
    return (before.endswith("(") and after.startswith(")")) or before.endswith("since")


def fill_context(doc: Doc, drafts: list[Draft], found: Analysis) -> None:
    """Dates and places a sentence leaves out come from the narrative before it.

    A release says "yesterday" once and goes on about the same raid, so an undated event takes the
    date of the last dated event before it, else the publication date; likewise for places, where
    the fallback is the last place named before the trigger.
    """
    text = doc.text
    dated = sorted(
        (time.end, value)
        for time in found.times
        if (value := calendar_value(time, found.published)) and not aside(text, time.start, time.end)
    )
    last_place: tuple[int, str | None] | None = None
    for draft in drafts:
        event = draft.event
        if not draft.date_explicit:
            # the last date the narrative gave before this sentence ("In Kunduz last night, ...")
            before = [value for end, value in dated if end <= (event.evidence_start or 0)]
            event.date = before[-1] if before else found.published
        paragraph = text.rfind("\n", 0, event.evidence_start or 0)
        if draft.place_explicit:
            last_place = (paragraph, event.place)
        elif last_place is not None and last_place[0] == paragraph:
            event.place = last_place[1]  # the place the paragraph already gave
        else:
            event.place = place_before(doc, found, draft.trigger.idx)


def place_before(doc: Doc, found: Analysis, offset: int) -> str | None:
    """The last place named in a heading line before `offset` ("Sangin/Helmand" above a report)."""
    best: tuple[int, str] | None = None
    for place in found.places:
        for mention in place.mentions:
            if (
                mention.end <= offset
                and (best is None or mention.start > best[0])
                and in_heading(doc, mention.start)
            ):
                best = (mention.start, place.id)
    return best[1] if best else None


def in_heading(doc: Doc, offset: int) -> bool:
    """Whether the line holding `offset` is a heading or dateline: short and without a verb."""
    text = doc.text
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    if end - start > 80:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(token.pos_ in ("VERB", "AUX") for token in span)


def merge(drafts: list[Draft]) -> list[Draft]:
    """Fold repeated mentions of one event into its first mention."""
    kept: list[Draft] = []
    for draft in drafts:
        twin = next((other for other in kept if same_event(other.event, draft.event)), None)
        if twin is None:
            kept.append(draft)
            continue
        first, later = twin.event, draft.event
        first.source = first.source or later.source
        first.target = first.target or later.target
        first.attributed_to = first.attributed_to or later.attributed_to
        if draft.place_explicit and not twin.place_explicit:
            first.place, twin.place_explicit = later.place, True
        if draft.date_explicit and not twin.date_explicit:
            first.date, twin.date_explicit = later.date, True
    return kept


def join_coordinated(drafts: list[Draft]) -> list[Draft]:
    """ "arrested a Taliban leader and detained three insurgents": one event, its figures added up.

    Coordinated verbs of one type in one sentence report one operation; the figures of its parts
    add up, and the target that names an actor the actors stage knows is kept.
    """
    kept: list[Draft] = []
    for draft in drafts:
        trigger = draft.trigger
        first = next(
            (
                other
                for other in kept
                if other.event.type == draft.event.type
                and trigger.dep_ == "conj"
                and trigger.head.i == other.trigger.i
            ),
            None,
        )
        if first is None:
            kept.append(draft)
            continue
        for kind in ("killed", "injured", "arrested"):
            mine, theirs = getattr(first.event, kind), getattr(draft.event, kind)
            if theirs is not None:
                setattr(first.event, kind, (mine or 0) + theirs)
        if first.event.target is None or first.event.target.startswith("event-actor-"):
            first.event.target = draft.event.target or first.event.target
    return kept


def drop_restated(drafts: list[Draft]) -> None:
    """A later figure that is not larger than an earlier one of the same type restates it.

    News leads summarise and later sentences give details about the same people ("killed several
    insurgents ... returned fire, killing several insurgents"; "detained several insurgents ... the
    force detained several individuals"). Unless the later sentence marks its people as new ("also",
    "another", "additional"), or is about other people named differently and counted higher, its
    figure is dropped so the incident is counted once.
    """
    for index, draft in enumerate(drafts):
        event = draft.event
        if draft.anaphoric and any(
            getattr(earlier.event, kind)
            for earlier in drafts[:index]
            for kind in ("killed", "injured", "arrested")
        ):
            event.killed = event.injured = event.arrested = None  # "the insurgents were detained"
            continue
        words = {token.lower_ for token in draft.trigger.sent}
        additive = bool(words & ADDITIVE)
        for earlier in drafts[:index]:
            if earlier.event.type != event.type:
                continue
            if additive and earlier.event.target != event.target:
                continue
            for kind in ("killed", "injured", "arrested"):
                mine, theirs = getattr(event, kind), getattr(earlier.event, kind)
                if mine is not None and theirs is not None and mine <= theirs:
                    setattr(event, kind, None)


def same_event(first: Event, later: Event) -> bool:
    if first.type != later.type or any((later.killed, later.injured, later.arrested)):
        return False
    if later.modality in ("negated", "planned") and first.modality not in ("negated", "planned"):
        return False
    pairs = ((first.source, later.source), (first.target, later.target))
    if any(a is not None and b is not None and a != b for a, b in pairs):
        return False
    return any(a is not None and a == b for a, b in pairs)
