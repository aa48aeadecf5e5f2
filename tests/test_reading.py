"""Reading articles: text page head/tail, bylines, dates, HTML, feeds, WARC (no spaCy needed here)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsgraph.model import Failure
from newsgraph.reading import RawRecord, build_document, iter_records
from newsgraph.reading.article import content_id
from newsgraph.reading.boilerplate import is_license, trim_extracted
from newsgraph.reading.byline import parse_byline, split_authors
from newsgraph.reading.html import parse_html
from newsgraph.reading.plaintext import parse_text
from newsgraph.reading.published import dateline, infer_from_text, normalise
from tests.conftest import FIXTURES, SEED

READING = FIXTURES / "reading"


def _documents(path: Path) -> list[RawRecord | Failure]:
    return list(iter_records([path]))


def _one_document(path: Path):  # type: ignore[no-untyped-def]
    (record,) = _documents(path)
    assert isinstance(record, RawRecord), record
    return build_document(record)


# --- plain-text pages -------------------------------------------------------------------------------


def test_seed_head_and_tail_go_to_fields_and_body_keeps_every_story_paragraph() -> None:
    doc = _one_document(SEED)
    assert doc.title == "14 Years Later: Al-Qaida Is Once Again Running Ops Out Of Afghanistan"
    assert doc.authors == ["Rachel Stoltzfoos"]
    assert doc.outlet == "Daily Caller News Foundation"
    assert doc.license is not None and "logo" in doc.license and "byline" in doc.license
    assert (doc.published, doc.published_source, doc.published_precision) == ("2015", "inferred", "year")
    paragraphs = doc.body.split("\n\n")
    assert paragraphs[0].startswith("Al-Qaida is once again operating")
    assert paragraphs[-1].startswith("“Our common enemy")
    assert len(paragraphs) == 11
    for furniture in ("logo", "Font Size", "Follow Rachel", "without charge", "Staff Reporter", "RELATED:"):
        assert furniture not in doc.body


def test_text_page_patterns_are_general_not_the_seeds_strings() -> None:
    page = parse_text((READING / "page_with_furniture.txt").read_text(encoding="utf-8"))
    assert page.title == "Rebels Seize Northern Town As Talks Stall"
    assert page.authors == ["Jane Doe", "John Roe"]
    assert page.outlet == "Example Wire Service"
    assert page.license is not None and page.license.startswith("© 2019 Example Wire Service")
    assert page.body.split("\n\n") == [
        "Rebels seized the northern town of Kidal on Monday after two days of fighting with government "
        "troops, local officials said.",
        "The army said it had withdrawn to protect civilians.",
        '"We will take it back," a senior officer told reporters.',
    ]


def test_date_line_in_the_head() -> None:
    page = parse_text(
        "Troops Leave Kunduz\nBy Jane Doe, Staff Writer\nPublished 3:20 PM 08/14/2015\n\n"
        "Troops left the city of Kunduz on Friday after a week of fighting, officials said."
    )
    assert (page.title, page.authors) == ("Troops Leave Kunduz", ["Jane Doe"])
    assert page.published is not None and (page.published.value, page.published.source) == (
        "2015-08-14",
        "dateline",
    )
    assert page.body == "Troops left the city of Kunduz on Friday after a week of fighting, officials said."


def test_standfirst_caption_and_closing_bio_are_not_story() -> None:
    page = parse_text(
        "Rebels Take Kidal\nFighting in the north forces the army to withdraw. Thousands flee.\n(Photo: AP)\n"
        "By Jane Doe, Staff Writer\nMay 14, 2019\n\nRebels seized the northern town of Kidal on Monday.\n\n"
        "Advertisement\n\nThe army withdrew, witnesses said.\n\n"
        "Jane Doe is a staff writer at Example News covering West Africa.\n\nShare this article\n"
    )
    assert page.authors == ["Jane Doe"]
    assert (
        page.body
        == "Rebels seized the northern town of Kidal on Monday.\n\nThe army withdrew, witnesses said."
    )


def test_furniture_inside_a_story_without_head_keeps_the_paragraphs_around_it() -> None:
    text = (
        "Rebels seized Kidal on Monday, officials said.\nThe army withdrew.\nAdvertisement\nResidents fled."
    )
    assert parse_text(text).body.split("\n\n") == [
        "Rebels seized Kidal on Monday, officials said.",
        "The army withdrew.",
        "Residents fled.",
    ]


def test_wire_copy_with_agency_byline_separator_and_contributor_line() -> None:
    page = parse_text((READING / "wire_ap_style.txt").read_text(encoding="utf-8"))
    assert page.title == "Taliban fighters seize district in northern Afghanistan"
    assert page.authors == ["Jane Doe", "John Roe"]
    assert page.outlet == "Associated Press"
    assert page.license is not None and "may not be published" in page.license
    assert page.body.split("\n\n") == [
        "KABUL, Afghanistan (AP) — Taliban fighters seized a district in northern Afghanistan on Sunday, officials said.",
        "The attack began before dawn, said Mohammad Karimi, a provincial spokesman.",
    ]


def test_newspaper_page_with_located_byline_and_topic_list() -> None:
    page = parse_text((READING / "newspaper_style.txt").read_text(encoding="utf-8"))
    assert (page.title, page.authors) == ("Syria’s war enters its 10th year", ["Martin Chulov"])
    assert page.published is not None and page.published.value == "2020-03-15"
    assert page.body.split("\n\n") == [
        "The war in Syria entered its tenth year on Sunday, nine years after the Syrian uprising began.",
        "Millions remain displaced.",
    ]


def test_text_without_furniture_passes_through_whole() -> None:
    text = "Rebels attacked the town on Monday, officials said. Troops withdrew overnight."
    page = parse_text(text)
    assert page.body == text and page.title is None and page.authors == [] and page.license is None


def test_record_title_repeated_as_first_line_is_not_body() -> None:
    page = parse_text(
        "Talks resume\nNegotiators returned to Doha on Wednesday, a spokesman said.", "Talks resume"
    )
    assert page.body == "Negotiators returned to Doha on Wednesday, a spokesman said."


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Negotiators from both sides returned to Doha on Wednesday for a\n"
        "new round of talks, a spokesman for the delegation told reporters\n"
        "in the Qatari capital.\n\nThe talks had been suspended in April."
    )
    assert parse_text(text).body.split("\n\n")[0].endswith("in the Qatari capital.")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Rachel Stoltzfoos Staff Reporter", ["Rachel Stoltzfoos"]),
        ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
        ("Jane Doe | Senior Editor", ["Jane Doe"]),
        ("Jane Washington, Staff Writer", ["Jane Washington"]),
        ("By Mary-Ann O’Brien, Chief White House Correspondent", ["Mary-Ann O’Brien"]),
        ("By JANE DOE", ["Jane Doe"]),
        ("Islamic State Fighters Advance", None),
        ("Follow Rachel on Twitter", None),
        ("John Smith", None),
        ("The army said it had withdrawn to protect civilians.", None),
    ],
)
def test_bylines(line: str, authors: list[str] | None) -> None:
    assert parse_byline(line) == authors


def test_metadata_author_strings_are_split() -> None:
    assert split_authors("Jane Doe; John Roe") == ["Jane Doe", "John Roe"]


def test_reuse_terms_need_content_and_reuse_cues() -> None:
    assert is_license("All republished articles must include our logo, our reporter’s byline.")
    assert is_license("Copyright 2019 Example News. All rights reserved.")
    assert not is_license("The company said it had applied for a licence to export the grain to Egypt.")


# --- publication dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Al-Qaida is back, 14 years after the U.S. launched Operation Enduring Freedom.", "2015"),
        ("Survivors marked the twentieth anniversary of the Srebrenica massacre.", "2015"),
        ("Ten years after the invasion of Iraq, the country remains divided.", "2013"),
        ("The group was founded in 2004, 11 years ago.", "2015"),
        ("It came 5 years after the 2010 floods.", "2015"),
    ],
)
def test_year_inferred_from_counts_since_dated_events(text: str, year: str) -> None:
    found = infer_from_text(text)
    assert found is not None and (found.value, found.source, found.precision) == (year, "inferred", "year")


def test_no_year_inferred_from_unknown_events_or_reported_past() -> None:
    assert infer_from_text("Three years after he joined the group, he left it.") is None
    assert infer_from_text("In 2010, nine years after 9/11, the group was weakened.") is None


def test_dateline_and_given_dates() -> None:
    found = dateline("GAO, Mali, May 14, 2019 (AP) — Gunmen attacked a post.")
    assert found is not None and (found.value, found.source, found.precision) == (
        "2019-05-14",
        "dateline",
        "day",
    )
    assert dateline("Gunmen attacked a post on May 14, 2019, the army said.") is None
    given = normalise("2015-08-14T10:00:00Z", "given")
    assert given is not None and (given.value, given.precision) == ("2015-08-14", "day")
    month = normalise("2015-08", "record")
    assert month is not None and month.precision == "month"
    assert normalise("Fri, 14 Aug 2015 10:00:00 GMT", "feed") == normalise("2015-08-14", "feed")


def test_given_date_wins_over_inference(tmp_path: Path) -> None:
    (record,) = iter_records([SEED], published="2015-08-14")
    assert isinstance(record, RawRecord)
    doc = build_document(record)
    assert (doc.published, doc.published_source, doc.published_precision) == ("2015-08-14", "given", "day")


def test_wire_dateline_gives_date_and_agency() -> None:
    doc = _one_document(READING / "wire_dateline.txt")
    assert (doc.published, doc.published_source) == ("2019-05-14", "dateline")
    assert doc.outlet == "Example Wire"
    assert doc.body.startswith("GAO, Mali")  # the dateline is part of the story


# --- HTML ---------------------------------------------------------------------------------------------


def test_html_page_body_and_metadata() -> None:
    doc = _one_document(READING / "article.html")
    assert doc.title == "Rebels seize northern town"
    assert doc.authors == ["Jane Doe"]
    assert doc.outlet == "Example Wire"
    assert (doc.published, doc.published_source) == ("2019-05-14", "metadata")
    assert doc.license is not None and doc.license.startswith("CC BY 4.0")
    assert doc.body.startswith("Rebels seized the northern town")
    assert "Residents reached by telephone" in doc.body
    for furniture in (
        "Home",
        "Most read",
        "Floods hit",
        "Follow us",
        "Related:",
        "Rebels seize northern town\n",
    ):
        assert furniture not in doc.body
    assert doc.input_format == "html"


def test_trim_extracted_drops_teaser_lists_and_prompts_only() -> None:
    lines = [
        "The minister said the talks would resume next week.",
        "DON'T MISS",
        "Floods hit the south [VIDEO]",
        "Read more: Elections set for June",
        "Sign up for our daily newsletter",
        "Officials expect an agreement before the summer.",
    ]
    assert trim_extracted(lines) == [lines[0], lines[-1]]


def test_all_boilerplate_html_has_no_body() -> None:
    html = (
        '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        "<div>Share this on Facebook</div><footer>Copyright 2020 Example.</footer></body></html>"
    )
    assert parse_html(html).body == ""


@pytest.mark.parametrize("tag", ["div", "b"])
def test_deeply_nested_html_is_read_in_bounded_time(tag: str) -> None:
    story = "<p>Rebels attacked the town of Gao on Monday, killing three soldiers, officials said.</p>"
    html = "<html><body>" + f"<{tag}>" * 50_000 + story + "</body></html>"
    assert (
        parse_html(html).body
        == "Rebels attacked the town of Gao on Monday, killing three soldiers, officials said."
    )


def test_malformed_html_still_gives_the_text() -> None:
    html = (
        "<html><body><p>Rebels attacked <b>the town of Gao on Monday<i>, killing three soldiers, officials "
        "said.<p>The army said it had responded with airstrikes near the border, according to a statement "
        "released late on Monday.</div></span><table><tr><td>x"
    )
    body = parse_html(html).body
    assert "killing three soldiers" in body and "airstrikes near the border" in body


# --- feeds and WARC -------------------------------------------------------------------------------


def test_feed_entries_become_records_with_feed_dates() -> None:
    items = _documents(READING / "feed.rss")
    assert [type(i).__name__ for i in items] == ["RawRecord", "RawRecord", "Failure"]
    first, second = (build_document(i) for i in items[:2] if isinstance(i, RawRecord))
    assert first.title == "Rebels seize northern town" and first.authors == ["Jane Doe"]
    assert (first.published, first.published_source, first.outlet) == ("2019-05-14", "feed", "Example Wire")
    assert first.body.startswith("Rebels seized the northern town of Kidal")
    assert second.body.split("\n")[1].startswith("The talks had been suspended")
    assert first.input_format == "feed" and first.source and first.source.endswith("feed.rss#1")


def test_feed_entity_bomb_is_refused_quickly() -> None:
    (failure,) = _documents(READING / "bomb.rss")
    assert isinstance(failure, Failure) and failure.code == "NG102" and "hostile XML" in failure.reason


def test_feed_with_public_doctype_is_read_and_external_entities_refused() -> None:
    from newsgraph.errors import ParseError
    from newsgraph.reading.feeds import records_from_feed

    old = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Old</title>'
        "<item><title>A</title><description>Rebels attacked Gao on Monday.</description></item></channel></rss>"
    )
    assert [type(r).__name__ for r in records_from_feed(old, "old.rss")] == ["RawRecord"]
    hostile = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><description>&x;</description></item></channel></rss>"
    )
    with pytest.raises(ParseError, match="hostile XML"):
        list(records_from_feed(hostile, "x.rss"))


def _warc(path: Path, pages: list[tuple[str, bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for url, payload, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)


def test_warc_html_responses_become_records(tmp_path: Path) -> None:
    page = (READING / "article.html").read_bytes()
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            ("https://wire.example.org/a", page, "text/html; charset=utf-8"),
            ("https://wire.example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
            ("https://wire.example.org/b", b"\x00\x01\x02" * 100, "text/html"),
        ],
    )
    items = _documents(path)
    assert len(items) == 2
    record, failure = items
    assert isinstance(record, RawRecord) and record.url == "https://wire.example.org/a"
    doc = build_document(record)
    assert doc.input_format == "warc" and doc.title == "Rebels seize northern town"
    assert isinstance(failure, Failure) and failure.code == "NG100" and failure.source.endswith("#2")


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    page = (READING / "article.html").read_bytes()
    whole = tmp_path / "whole.warc"
    _warc(whole, [("https://a.example/1", page, "text/html"), ("https://a.example/2", page, "text/html")])
    cut = tmp_path / "cut.warc"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) - 400])
    items = _documents(cut)
    assert isinstance(items[0], RawRecord)
    assert all(isinstance(i, RawRecord | Failure) for i in items)


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not a WARC file\n" * 10, encoding="utf-8")
    (failure,) = _documents(path)
    assert isinstance(failure, Failure) and failure.code == "NG102"


# --- ids ----------------------------------------------------------------------------------------------


def test_content_id_is_stable_and_whitespace_insensitive() -> None:
    assert content_id("Troops left  the city.\n") == content_id("Troops left the city.")
    assert content_id("Troops left the city.") != content_id("Troops entered the city.")
    assert _one_document(SEED).id == _one_document(SEED).id
