"""Time expressions: extents and TIMEX3 values against a publication date, and event dating."""

from __future__ import annotations

import pytest

from newsgraph.model import TimeExpr
from newsgraph.time import calendar_value, event_date, find_times
from newsgraph.time.anchor import Anchor, month_year, weekday_date
from newsgraph.time.tense import Tense

PUBLISHED = "2015-08-14"  # a Friday


def values(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on March 5, 2011.", [("March 5, 2011", "2011-03-05")]),
        ("Talks resumed in June.", [("June", "2015-06")]),
        ("The group was founded in 2002.", [("2002", "2002")]),
        ("He spoke yesterday.", [("yesterday", "2015-08-13")]),
        ("Officials met this week.", [("this week", "2015-W33")]),
        ("Sales rose last month.", [("last month", "2015-07")]),
        ("Prices fell earlier this year.", [("earlier this year", "2015")]),
        ("The war lasted two years.", [("two years", "P2Y")]),
        ("It was a 10-year plan.", [("10-year", "P10Y")]),
        ("Markets are open now.", [("now", "PRESENT_REF")]),
        ("They recently moved.", [("recently", "PAST_REF")]),
        ("Papers are printed daily.", [("daily", "P1D")]),
        ("Profit fell in the third quarter.", [("the third quarter", "2015-Q3")]),
        ("It ended 14 years ago.", [("14 years ago", "2001")]),
        ("In the 1990s the town grew.", [("the 1990s", "199")]),
        ("She arrived at 5 p.m. Tuesday.", [("5 p.m. Tuesday", "2015-08-11T17:00")]),
        ("It took 2 1/2 years.", [("2 1/2 years", "P2Y6M")]),
        ("Last summer was hot.", [("Last summer", "2014-SU")]),
    ],
)
def test_normalises_against_publication_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_offsets_point_into_the_text_and_exclude_prepositions() -> None:
    text = "Attacks have continued since 2002 and in June."
    times = find_times(text, PUBLISHED)
    assert [text[t.start : t.end] for t in times] == ["2002", "June"]
    assert all(t.text == text[t.start : t.end] for t in times)


def test_counts_and_ages_are_not_times() -> None:
    assert values("About 1500 troops and a 6-year-old boy; 2,000 people.") == []


def test_weekday_direction_follows_tense() -> None:
    past = find_times("He resigned Monday.", PUBLISHED, lambda s, e: "PAST")
    future = find_times("He will resign Monday.", PUBLISHED, lambda s, e: "FUTURE")
    assert past[0].value == "2015-08-10"
    assert future[0].value == "2015-08-17"


def test_without_day_precision_relative_days_stay_unresolved() -> None:
    assert values("He spoke yesterday, this week and last year.", "2015") == [
        ("yesterday", "XXXX-XX-XX"),
        ("this week", "XXXX-WXX"),
        ("last year", "2014"),
    ]


def test_types() -> None:
    kinds = {t.text: t.type for t in find_times("two years, every week, at noon today, in May", PUBLISHED)}
    assert kinds == {"two years": "DURATION", "every week": "SET", "noon today": "TIME", "May": "DATE"}


@pytest.mark.parametrize(
    ("month", "tense", "year"),
    [(12, "PAST", 2014), (12, "FUTURE", 2015), (7, None, 2015), (1, "FUTURE", 2016), (9, None, 2015)],
)
def test_month_year(month: int, tense: Tense | None, year: int) -> None:
    assert month_year(Anchor.parse("2015-08-14"), month, tense) == year


def test_weekday_on_the_publication_day_is_that_day() -> None:
    assert str(weekday_date(Anchor.parse(PUBLISHED), 4, "PAST")) == "2015-08-14"


def test_calendar_value() -> None:
    assert calendar_value("2015-08-13TMO") == ("2015-08-13", 3)
    assert calendar_value("2015-W33") == ("2015-08", 2)
    assert calendar_value("2015-Q3") == ("2015", 1)
    assert calendar_value("P2Y") is None
    assert calendar_value("PAST_REF", PUBLISHED) == ("2015-08", 2)


def test_event_date_prefers_the_most_precise_time_in_the_sentence() -> None:
    text = "Earlier this year the group moved. On Tuesday this week it attacked a base."
    times = find_times(text, PUBLISHED)
    second = (text.index("On"), len(text))
    assert event_date((0, text.index(".") + 1), times, PUBLISHED) == "2015"
    assert event_date(second, times, PUBLISHED) == "2015-08-11"


def test_event_date_without_time() -> None:
    times: list[TimeExpr] = []
    assert event_date((0, 10), times, PUBLISHED) is None
    assert event_date((0, 10), times, PUBLISHED, fallback_to_published_year=True) == "2015"


def test_component_writes_times_for_the_seed(seed_extraction) -> None:  # type: ignore[no-untyped-def]
    times = seed_extraction.times
    texts = {t.text for t in times}
    assert {"2002", "recently", "earlier this year"} <= texts
    body = seed_extraction.document.body
    assert all(body[t.start : t.end] == t.text for t in times)


def test_anaphoric_days_follow_the_last_date_mentioned() -> None:
    text = "On March 3 he left. The next day he came back."
    assert values(text, "2013-03-20") == [("March 3", "2013-03-03"), ("The next day", "2013-03-04")]


def test_year_ago_in_a_results_story_is_the_same_quarter() -> None:
    text = "Third-quarter profit rose 5%. A year earlier it had fallen."
    assert values(text, "1989-11-02") == [("Third-quarter", "1989-Q3"), ("A year earlier", "1988-Q3")]
