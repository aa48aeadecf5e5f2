"""An event's date from the time expressions around its trigger, at the precision they justify.

The times stage normalises expressions against the publication date (TIMEX3-like values:
"2011-11-19", "2015-06", "2015-W33", "PAST_REF"). An event takes the expression nearest its trigger
in its own clause, else in its sentence. Weeks become their month; vague references ("recently",
"earlier this year") keep only the publication year.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from spacy.tokens import Token

from newsgraph.model import TimeExpr

LOGGER = logging.getLogger(__name__)

_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_SEASON_OR_QUARTER = re.compile(r"^(\d{4})-(?:SP|SU|FA|AU|WI|Q\d|H\d)")
VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


def calendar_value(time: TimeExpr, published: str | None) -> str | None:
    """A YYYY[-MM[-DD]] reading of a time expression's value, or None when it is not a date."""
    if time.type not in ("DATE", "TIME"):
        return None
    value = time.value or ""
    week = _WEEK.match(value)
    if week:
        monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        thursday = monday + timedelta(days=3)
        return f"{thursday.year:04d}-{thursday.month:02d}"
    match = _CALENDAR.match(value)
    if match:
        year, month, day = match.groups()
        if _SEASON_OR_QUARTER.match(value):
            return year
        return "-".join(part for part in (year, month, day) if part)
    if value in ("PAST_REF", "PRESENT_REF") and published:
        return published[:4]
    return None


REPORTING = frozenset({"confirm", "announce", "report", "say", "state", "reveal", "disclose"})


def _head_of(trigger: Token, time: TimeExpr) -> Token | None:
    span = trigger.doc.char_span(time.start, time.end, alignment_mode="expand")
    return span.root.head if span is not None else None


def _modifies_other_noun(trigger: Token, time: TimeExpr) -> bool:
    span = trigger.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "nmod", "poss") and root.head.pos_ == "NOUN" and root.head.i != trigger.i


CLAUSES = frozenset({"relcl", "ccomp", "csubj", "acl", "advcl", "xcomp", "conj", "parataxis"})


def clause_offsets(root: Token) -> set[int]:
    """Character offsets of the tokens of `root`'s own clause, without the clauses nested in it."""
    out: set[int] = set()
    stack = [root]
    while stack:
        token = stack.pop()
        out.add(token.idx)
        for child in token.children:
            if child.dep_ in CLAUSES and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return out


def pick_time(trigger: Token, times: list[TimeExpr]) -> TimeExpr | None:
    """The time expression of the trigger's own clause, else one outside the trigger's subtree.

    A date inside a relative or subordinate clause ("who planned attacks on recent elections")
    belongs to that clause, not to the event.
    """
    precise = [time for time in times if time.value not in VAGUE_VALUES]
    vague = [time for time in times if time.value in VAGUE_VALUES]
    return _pick(trigger, precise) or _pick(trigger, vague)


def _pick(trigger: Token, times: list[TimeExpr]) -> TimeExpr | None:
    if not times:
        return None
    root = trigger if trigger.pos_ != "NOUN" else trigger.head
    if trigger.pos_ == "NOUN" and root.lemma_.lower() in REPORTING:
        # "forces confirmed today the arrest of ... Sunday": "today" dates the confirmation
        root = trigger
        told = [time for time in times if getattr(_head_of(trigger, time), "i", -1) == trigger.head.i]
        times = [time for time in times if time not in told] or times
    # "the July 2 attack", "Tuesday's attack": a date modifying another event noun is that event's
    others = [time for time in times if _modifies_other_noun(trigger, time)]
    times = [time for time in times if time not in others] or times
    own = clause_offsets(root)
    inside = [time for time in times if time.start in own]
    if inside:
        return min(inside, key=lambda time: abs(time.start - trigger.idx))
    subtree = {token.idx for token in root.subtree}
    outside = [time for time in times if time.start not in subtree]
    if outside:
        return min(outside, key=lambda time: abs(time.start - trigger.idx))
    # "detained three insurgents while pursuing a commander last night": the parser often hangs
    # the time on the subordinate clause; only relative clauses describe someone else's doings
    described = {
        token.idx
        for node in root.subtree
        if node.dep_ == "relcl" and node is not root
        for token in node.subtree
    }
    nested = [time for time in times if time.start not in described]
    if nested:
        return min(nested, key=lambda time: abs(time.start - trigger.idx))
    return None
