"""Bad and unusual inputs: each gives a one-line error naming the file and the reason, or a result."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.extraction import prepare
from newsgraph.model import Document, Failure
from newsgraph.reading import iter_records
from tests.conftest import FIXTURES, SEED

STORY = (
    "Rebels attacked the town of Gao on Monday, killing three soldiers, officials said. "
    "The army said it had responded with airstrikes near the border."
)


def _prepared(path: Path) -> list[Document | Failure]:
    return [prepare(item) for item in iter_records([path])]


def _failure(path: Path) -> Failure:
    (item,) = _prepared(path)
    assert isinstance(item, Failure), item
    assert str(path) in item.line() and "\n" not in item.line()
    return item


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    assert _failure(tmp_path / "empty.txt").code == "NG101"
    assert _failure(tmp_path / "blank.txt").code == "NG101"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
    failure = _failure(path)
    assert failure.code == "NG100" and "binary" in failure.reason


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:  # 50 MB, sparse where the file system allows
        out.seek(50 * 1024 * 1024 - 1)
        out.write(b"\n")
    start = time.perf_counter()
    failure = _failure(path)
    assert failure.code == "NG100" and "MB" in failure.reason
    assert time.perf_counter() - start < 1.0


def test_text_under_the_byte_limit_but_too_long_for_an_article(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text((STORY + "\n\n") * 9_000, encoding="utf-8")  # 1.3 MB: read, then refused quickly
    start = time.perf_counter()
    failure = _failure(path)
    assert failure.code == "NG100" and "characters" in failure.reason
    assert time.perf_counter() - start < 5


def test_invalid_utf8_is_decoded_by_detection(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(("The minister’s “talks” in Genève resumed. " + STORY).encode("cp1252"))
    (doc,) = _prepared(path)
    assert isinstance(doc, Document)
    assert "Genève" in doc.body and "“talks”" in doc.body


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(STORY.encode("utf-16"))
    (doc,) = _prepared(path)
    assert isinstance(doc, Document) and doc.body == STORY


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.txt"
    path.write_text(
        "The talks were â€œconstructiveâ€\x9d, officials in Genève said. " + STORY, encoding="utf-8"
    )
    (doc,) = _prepared(path)
    assert isinstance(doc, Document) and "“constructive”" in doc.body


def test_non_english_is_skipped_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        "Des rebelles ont attaqué la ville de Gao lundi, tuant trois soldats, ont indiqué des responsables. "
        "L'armée a déclaré avoir riposté par des frappes aériennes près de la frontière.",
        encoding="utf-8",
    )
    failure = _failure(path)
    assert failure.skipped and failure.code == "NG200" and "fr" in failure.reason


def test_all_boilerplate_page(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text(
        '<html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        "<p>Share this on Facebook</p><footer>Copyright 2020 Example.</footer></body></html>",
        encoding="utf-8",
    )
    failure = _failure(path)
    assert failure.code == "NG101" and "boilerplate" in failure.reason


def test_deeply_nested_html_file(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + f"<p>{STORY}</p></body></html>", encoding="utf-8")
    start = time.perf_counter()
    (doc,) = _prepared(path)
    assert isinstance(doc, Document) and doc.body == STORY
    assert time.perf_counter() - start < 10


def test_invalid_json_and_records_without_text(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "notext.json").write_text(json.dumps({"id": "x", "text": ""}), encoding="utf-8")
    assert _failure(tmp_path / "bad.json").code == "NG102"
    assert _failure(tmp_path / "list.json").code == "NG102"
    assert _failure(tmp_path / "notext.json").code == "NG102"


def test_json_record_fields_and_verbatim_body(tmp_path: Path) -> None:
    path = tmp_path / "rec.json"
    text = "Share\nTroops left the city.\nFollow us on Twitter"
    record = {"id": "r1", "text": text, "clean": False, "published": "2019-05-14", "title": "T"}
    path.write_text(json.dumps(record), encoding="utf-8")
    (doc,) = _prepared(path)
    assert isinstance(doc, Document)
    assert doc.body == text and doc.input_id == "r1" and doc.title == "T"
    assert (doc.published, doc.published_source) == ("2019-05-14", "record")


def test_json_array_of_records(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"id": "a", "text": STORY}, {"id": "b"}]), encoding="utf-8")
    first, second = _prepared(path)
    assert isinstance(first, Document) and first.input_id == "a" and first.source == f"{path}#1"
    assert isinstance(second, Failure) and second.code == "NG102" and second.source == f"{path}#2"


def test_missing_file() -> None:
    failure = _failure(Path("/nonexistent/story.txt"))
    assert failure.code == "NG100"


def test_directory_mixing_good_and_bad_files_goes_on_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_seed.txt").write_bytes(SEED.read_bytes())
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "sub" / "c_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 500)
    (folder / "sub" / "d_bomb.rss").write_bytes((FIXTURES / "reading" / "bomb.rss").read_bytes())
    (folder / "sub" / "e_page.html").write_bytes((FIXTURES / "reading" / "article.html").read_bytes())
    result = CliRunner().invoke(app, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 3
    for name, code in (("b_empty.txt", "NG101"), ("c_binary.txt", "NG100"), ("d_bomb.rss", "NG102")):
        assert any(name in line and code in line for line in errors), errors
    documents = [json.loads(line) for line in result.stdout.splitlines() if '"document"' in line]
    assert [Path(d["document"]["source"]).name for d in documents] == ["a_seed.txt", "e_page.html"]


def test_skipped_language_record_still_carries_its_document_in_jsonl(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    french = (
        "Des rebelles ont attaqué la ville de Gao lundi, tuant trois soldats, ont indiqué des responsables. "
        "L'armée a déclaré avoir riposté par des frappes aériennes près de la frontière."
    )
    batch.write_text(json.dumps({"id": "fr", "text": french}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--jsonl", str(batch), "--format", "jsonl"])
    assert result.exit_code == 0
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["input_id"] == "fr" and line["skipped"] and "NG200" in line["error"]
    assert line["document"]["body"] == french and line["document"]["language"] == "fr"
