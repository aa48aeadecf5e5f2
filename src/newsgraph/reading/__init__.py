"""Reading articles: inputs of every kind become `RawRecord`s, and each record becomes a `Document`."""

from newsgraph.reading.article import build_document
from newsgraph.reading.records import RawRecord
from newsgraph.reading.sources import iter_records, records_from_jsonl

__all__ = ["RawRecord", "build_document", "iter_records", "records_from_jsonl"]
