"""The contract's event types with their CAMEO root code and a conflict-cooperation intensity.

The sixteen PLOVER types map onto the CAMEO root categories they were carved from (PLOVER's own
crosswalk); the intensity is the Goldstein weight of that root's generic code, on Goldstein's scale
from -10 (most conflictual) to +10 (most cooperative), so exports can be read with GDELT's tools.
The six extensions have no CAMEO category of their own; they get the nearest root, and the choice is
explained next to each (docs/events.md prints this table).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Coding:
    cameo: str  # CAMEO root code, two digits
    intensity: float  # Goldstein-like, -10 .. +10
    note: str


EVENT_CODES: dict[str, Coding] = {
    "AGREE": Coding("03", 4.0, "express intent to cooperate; signed agreements (057) score higher"),
    "CONSULT": Coding("04", 1.0, "consult: meetings, visits, talks"),
    "SUPPORT": Coding("05", 3.5, "diplomatic cooperation: praise, endorse, back"),
    "COOPERATE": Coding("06", 6.0, "material cooperation"),
    "AID": Coding("07", 7.0, "provide aid"),
    "CONCEDE": Coding("08", 5.0, "yield: release, ease, surrender"),
    "RETREAT": Coding("08", 5.0, "yield: retreat or demobilise militarily (087)"),
    "REQUEST": Coding("02", 3.0, "appeal"),
    "ACCUSE": Coding("11", -2.0, "disapprove: accuse, condemn"),
    "REJECT": Coding("12", -4.0, "reject"),
    "THREATEN": Coding("13", -6.0, "threaten"),
    "PROTEST": Coding("14", -6.5, "protest"),
    "MOBILIZE": Coding("15", -7.2, "exhibit force posture"),
    "SANCTION": Coding("16", -4.0, "reduce relations"),
    "COERCE": Coding("17", -7.0, "coerce: arrest, detain, seize"),
    "ASSAULT": Coding("19", -10.0, "fight: armed attacks, air strikes (PLOVER ASSAULT spans CAMEO 18-20)"),
    # Extensions: nearest root, as CAMEO has no category for them.
    "RELOCATE": Coding("15", -5.0, "moving a base or assets is a change of force posture"),
    "DEFECT": Coding("16", -4.0, "members leaving a group reduce its relations"),
    "CLAIM_TERRITORY": Coding("15", -7.2, "asserting control over ground is a show of force"),
    "CLAIM_RESPONSIBILITY": Coding("01", -5.0, "a public statement, about violence"),
    "LEADERSHIP_CHANGE": Coding("01", 0.0, "a public statement about a group's own leadership"),
    "DEATH": Coding("01", 0.0, "the report of a death; the killing itself, if any, is an ASSAULT"),
}

EVENT_TYPES: tuple[str, ...] = tuple(EVENT_CODES)


def coding(event_type: str) -> Coding:
    return EVENT_CODES[event_type]
