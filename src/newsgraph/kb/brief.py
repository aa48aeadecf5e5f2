"""`newsgraph brief ACTOR`: who an actor is, who leads it, where it operates, its allies and rivals,
its recent events and the contradictions about it, each line with its sources, as of a date.

The briefing is built from a handful of indexed queries (relations and events of one actor), so it
stays interactive on a large knowledge base; rendering is separate (Rich for the terminal, Markdown).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine

from newsgraph.kb.query import (
    ActorRecord,
    ContradictionRecord,
    CounterpartRecord,
    EventRecord,
    RelationRecord,
    Source,
    actor_ids,
    describe_event,
    event_counterparts,
    find_contradictions,
    find_events,
    find_relations,
    load_actor,
    part_ids,
)

# Events that show two actors on the same side, or on opposite sides, beyond stated relations.
FRIENDLY_EVENTS = ["SUPPORT", "AID", "COOPERATE", "AGREE"]
HOSTILE_EVENTS = ["ASSAULT", "THREATEN", "REJECT", "ACCUSE", "SANCTION"]


@dataclass
class Briefing:
    actor: ActorRecord
    as_of: str | None
    leaders: list[RelationRecord] = field(default_factory=list)
    leads: list[RelationRecord] = field(default_factory=list)  # what the actor itself leads
    operates_in: list[RelationRecord] = field(default_factory=list)
    allies: list[RelationRecord] = field(default_factory=list)
    rivals: list[RelationRecord] = field(default_factory=list)
    affiliations: list[RelationRecord] = field(default_factory=list)
    acted_with: list[CounterpartRecord] = field(default_factory=list)  # friendly events
    acted_against: list[CounterpartRecord] = field(default_factory=list)  # hostile events
    place_labels: dict[int, str] = field(default_factory=dict)
    events: list[EventRecord] = field(default_factory=list)
    contradictions: list[ContradictionRecord] = field(default_factory=list)


class UnknownActorError(LookupError):
    pass


def build_briefing(engine: Engine, name: str, *, as_of: str | None = None, events: int = 10) -> Briefing:
    with engine.connect() as conn:
        ids = actor_ids(conn, name)
        if not ids:
            raise UnknownActorError(name)
        actor_id = ids[0]
        actor = load_actor(conn, actor_id)

        def rel(types: list[str], direction: str, ids: list[int] | None = None) -> list[RelationRecord]:
            return find_relations(
                conn,
                actor_id=ids or actor_id,
                types=types,
                direction=direction,  # type: ignore[arg-type]
                until=as_of,
                limit=25,
            )

        briefing = Briefing(actor=actor, as_of=as_of)
        briefing.leaders = sorted(
            rel(["LEADER_OF"], "target"), key=lambda r: (r.first_seen is None, r.first_seen or "", r.id)
        )
        briefing.leads = rel(["LEADER_OF"], "source")
        # Its parts (a media arm, a branch) operate on its behalf: their areas are its areas too.
        operating = rel(["OPERATES_IN"], "source", [actor_id, *part_ids(conn, actor_id)])
        briefing.operates_in = sorted(
            operating, key=lambda r: (r.first_seen is None, r.first_seen or "", r.id)
        )
        briefing.place_labels = {
            r.id: f"{r.target}, {r.target_parent}" if r.target_parent else r.target
            for r in briefing.operates_in
        }
        briefing.allies = rel(["ALLY"], "any")
        briefing.rivals = rel(["HOSTILE"], "any")
        briefing.affiliations = rel(["PART_OF", "MEMBER_OF", "AFFILIATED_WITH", "SUPPORTS"], "any")
        briefing.acted_with = event_counterparts(conn, actor_id, FRIENDLY_EVENTS, until=as_of)
        briefing.acted_against = event_counterparts(conn, actor_id, HOSTILE_EVENTS, until=as_of)
        briefing.events = find_events(conn, actor_id=actor_id, until=as_of, limit=events)
        briefing.contradictions = find_contradictions(conn, actor_id=actor_id, until=as_of, limit=10)
        return briefing


def _other(record: RelationRecord, actor: ActorRecord) -> str:
    """The party of a relation that is not the briefed actor."""
    return record.target if record.source == actor.name else record.source


def _seen(record: RelationRecord, *, since: bool = True) -> str:
    reports = f"{record.reports} report" + ("s" if record.reports != 1 else "")
    if not since:  # the line has said "since" already
        last = f"last seen {record.last_seen}, " if record.last_seen != record.first_seen else ""
        return f"{last}{reports}"
    span = record.first_seen or "undated"
    if record.last_seen and record.last_seen != record.first_seen:
        span += f" to {record.last_seen}"
    return f"first seen {span}, {reports}"


def _counterpart(c: CounterpartRecord) -> str:
    span = c.first_seen or "?"
    if c.last_seen and c.last_seen != c.first_seen:
        span += f" to {c.last_seen}"
    kinds = ", ".join(t.lower() for t in c.types)
    return f"{c.name} — {c.events} event" + ("s" if c.events != 1 else "") + f" ({kinds}), {span}"


def _attribution(sources: list[Source]) -> str:
    """`according to Bruce Riedel (Brookings) via Daily Caller News Foundation`."""
    parts: list[str] = []
    for source in sources:
        outlets = ", ".join(source.outlets) or source.source or "unknown outlet"
        said = f"{source.attributed_to} via {outlets}" if source.attributed_to else outlets
        if said not in parts:
            parts.append(said)
    return "; ".join(parts[:3])


def _lines(briefing: Briefing) -> list[tuple[str, list[tuple[str, list[Source]]]]]:
    """The briefing as sections of (line, sources): one model for both renderers."""
    actor = briefing.actor
    sections: list[tuple[str, list[tuple[str, list[Source]]]]] = []
    sections.append(
        (
            "Leaders",
            [(f"{r.source} — {_seen(r)}", r.sources) for r in briefing.leaders]
            + [(f"{actor.name} leads {r.target} — {_seen(r)}", r.sources) for r in briefing.leads],
        )
    )
    sections.append(
        (
            "Operates in",
            [
                (
                    f"{briefing.place_labels.get(r.id, r.target)}"
                    + (f" — since {r.first_seen}" if r.first_seen else "")
                    + (f" (through {r.source})" if r.source != actor.name else "")
                    + f"; {_seen(r, since=False)}",
                    r.sources,
                )
                for r in briefing.operates_in
            ],
        )
    )
    sections.append(
        (
            "Allies",
            [(f"{_other(r, actor)} — {_seen(r)}", r.sources) for r in briefing.allies]
            + [(_counterpart(c), c.sources) for c in briefing.acted_with],
        )
    )
    sections.append(
        (
            "Rivals",
            [(f"{_other(r, actor)} — {_seen(r)}", r.sources) for r in briefing.rivals]
            + [(_counterpart(c), c.sources) for c in briefing.acted_against],
        )
    )
    sections.append(
        (
            "Links",
            [
                (f"{r.source} {r.type.replace('_', ' ').lower()} {r.target} — {_seen(r)}", r.sources)
                for r in briefing.affiliations
            ],
        )
    )
    event_lines = []
    for e in briefing.events:
        figures = ", ".join(
            f"{name} {value}"
            for name in ("killed", "injured", "arrested")
            if (value := getattr(e, name)) is not None
        )
        line = describe_event(e.type, e.source, e.target, e.place, e.date)
        if figures:
            line += f"; {figures}"
        line += f" — {e.reports} report" + ("s" if e.reports != 1 else "")
        event_lines.append((line, e.sources))
    sections.append(("Recent events", event_lines))
    contradiction_lines = []
    for c in briefing.contradictions:
        what = c.field or c.kind
        line = f"{c.about}: {what} — {c.a_value!r} ({c.a_source}) vs {c.b_value!r} ({c.b_source})"
        contradiction_lines.append((line, [x for x in (c.a_evidence, c.b_evidence) if x is not None]))
    sections.append(("Contradictions", contradiction_lines))
    return sections


def _evidence_line(source: Source) -> str:
    where = ", ".join(source.outlets) or source.source or "unknown outlet"
    title = f"“{source.title}”, " if source.title else ""
    date = f", {source.published}" if source.published else ""
    return f"“{source.evidence}” — {title}{where}{date}"


def _header(briefing: Briefing) -> list[str]:
    actor = briefing.actor
    lines = [f"{actor.type.replace('_', ' ').title()}" + (f", {actor.role}" if actor.role else "")]
    if actor.aliases:
        lines.append("Also known as: " + ", ".join(actor.aliases[:12]))
    if briefing.as_of:
        lines.append(f"As of {briefing.as_of}")
    return lines


def render_markdown(briefing: Briefing, *, evidence: bool = False) -> str:
    out = [f"# {briefing.actor.name}", ""]
    out.extend(f"{line}  " for line in _header(briefing))
    for title, lines in _lines(briefing):
        out += ["", f"## {title}", ""]
        if not lines:
            out.append("_none reported_")
        for line, sources in lines:
            said = _attribution(sources)
            out.append(f"- {line}" + (f" (according to {said})" if said else ""))
            if evidence:
                out.extend(f"    - {_evidence_line(source)}" for source in sources)
    return "\n".join(out) + "\n"


def render_rich(briefing: Briefing, *, evidence: bool = False) -> RenderableType:
    parts: list[RenderableType] = [Text("\n".join(_header(briefing)), style="dim")]
    for title, lines in _lines(briefing):
        table = Table(title=title, title_justify="left", show_header=False, box=None, expand=True)
        table.add_column("fact", overflow="fold")
        if not lines:
            table.add_row(Text("none reported", style="dim italic"))
        for line, sources in lines:
            said = _attribution(sources)
            cell = Text(line)
            if said:
                cell.append(f"\n  according to {said}", style="cyan")
            if evidence:
                for source in sources:
                    cell.append(f"\n    {_evidence_line(source)}", style="dim")
            table.add_row(cell)
        parts.append(table)
    return Panel(Group(*parts), title=f"[bold]{briefing.actor.name}[/bold]", expand=True)
