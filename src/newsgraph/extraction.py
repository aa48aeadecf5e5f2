"""The extraction pipeline: records -> documents (reading) -> spaCy with our components -> `Extraction`s."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from spacy.language import Language

from newsgraph.errors import NewsgraphError, SkippedLanguageError
from newsgraph.model import Document, Extraction, Failure
from newsgraph.nlp import analysis, load_pipeline
from newsgraph.reading import RawRecord, build_document, iter_records
from newsgraph.reading.language import SUPPORTED, detect

LOGGER = logging.getLogger(__name__)

BATCH_SIZE = 32


def extract(path: str | Path, *, published: str | None = None, model: str | None = None) -> Extraction:
    """Extract one article file; raises `NewsgraphError` (with a stable `.code`) when it cannot."""
    results = list(extract_many([path], published=published, model=model))
    if not results:
        raise NewsgraphError(str(path), "no article found in input")
    first = results[0]
    if isinstance(first, Failure):
        raise NewsgraphError(first.source, first.reason)
    return first


def extract_many(
    paths: Iterable[str | Path], *, published: str | None = None, model: str | None = None
) -> Iterator[Extraction | Failure]:
    """Extract every record found in `paths` (files, directories, JSONL, feeds, WARC), in input order."""
    return extract_records(iter_records(paths, published=published), model=model)


def extract_records(
    records: Iterable[RawRecord | Failure], *, model: str | None = None, nlp: Language | None = None
) -> Iterator[Extraction | Failure]:
    """One `Extraction` or `Failure` per record, in input order; the model is loaded once."""
    iterator = iter(records)
    pipeline: Language | None = nlp
    while batch := list(islice(iterator, BATCH_SIZE)):
        prepared = [prepare(item) for item in batch]
        if any(isinstance(item, Document) for item in prepared) and pipeline is None:
            pipeline = load_pipeline(model)
        yield from _analyse(prepared, pipeline)


def prepare(item: RawRecord | Failure) -> Document | Failure:
    """The reading stage for one record: a `Document`, or the `Failure` that says why not."""
    if isinstance(item, Failure):
        return item
    try:
        document = build_document(item)
        document.language = detect(document.body)
        if document.language not in SUPPORTED:
            # The document was read: keep it with the skip, so that its body and metadata are recorded.
            document.input_id = item.input_id
            reason = f"language is {document.language!r}, not English"
            return Failure(item.source, SkippedLanguageError.code, reason, True, item.input_id, document)
    except SkippedLanguageError as err:
        return Failure(err.source, err.code, err.reason, skipped=True, input_id=item.input_id)
    except NewsgraphError as err:
        return Failure(err.source, err.code, err.reason, input_id=item.input_id)
    document.input_id = item.input_id
    return document


def _analyse(prepared: list[Document | Failure], nlp: Language | None) -> Iterator[Extraction | Failure]:
    documents = [item for item in prepared if isinstance(item, Document)]
    results: dict[int, Extraction | Failure] = {}
    if documents and nlp is not None:
        docs = []
        for document in documents:
            doc = nlp.make_doc(document.body)
            analysis(doc).published = document.published
            docs.append(doc)
        for document, doc in zip(documents, nlp.pipe(docs), strict=True):
            found = analysis(doc)
            results[id(document)] = Extraction(
                document=document,
                entities=found.entities,
                places=found.places,
                events=found.events,
                relations=found.relations,
                claims=found.claims,
                times=found.times,
            )
    for item in prepared:
        yield item if isinstance(item, Failure) else results[id(item)]
