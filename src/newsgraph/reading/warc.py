"""WARC files (plain or gzipped): one record per HTML response, read with warcio.

Requests, metadata, DNS and non-HTML responses (images, scripts) are passed over silently; a response
that cannot be decoded, or a WARC that breaks off mid-record, becomes a `Failure` naming the record,
and the records before it are still returned.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph import config
from newsgraph.errors import EmptyInputError, NewsgraphError, ParseError, ReadError
from newsgraph.model import Failure
from newsgraph.reading.decoding import decode
from newsgraph.reading.records import RawRecord

LOGGER = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def records_from_warc(path: Path) -> Iterator[RawRecord | Failure]:
    source = str(path)
    try:
        with path.open("rb") as probe:
            magic = probe.read(16)
    except OSError as err:
        raise ReadError(source, f"cannot read file ({err.strerror or err})") from err
    # WARC/1.x, gzip members of one, or the older ARC format; anything else is not a web archive.
    if not magic.startswith((b"WARC/", b"\x1f\x8b", b"filedesc://")):
        raise ParseError(source, "not a WARC file (no WARC/ header)")
    found = 0
    for item in _responses(path):
        found += isinstance(item, RawRecord)
        yield item
    if not found:
        yield Failure(source, EmptyInputError.code, "WARC holds no HTML response")


def _responses(path: Path) -> Iterator[RawRecord | Failure]:
    source = str(path)
    limit = config.max_input_bytes()
    number = 0
    noise = io.StringIO()
    with path.open("rb") as stream:
        archive = ArchiveIterator(stream)
        records = iter(archive)
        while True:
            # warcio prints format warnings straight to stderr; keep them for the log so that stderr
            # carries only our one line per failure. Redirected per step, never across a `yield`.
            with contextlib.redirect_stderr(noise):
                try:
                    record = next(records)
                except StopIteration:
                    break
                except ArchiveLoadFailed as err:
                    yield Failure(source, ParseError.code, f"not a readable WARC file ({err})")
                    return
                except Exception as err:  # warcio raises many kinds on a cut or corrupt archive
                    reason = f"{type(err).__name__}: {err}"
                    yield Failure(
                        source, ParseError.code, f"WARC breaks off after record {number} ({reason})"
                    )
                    return
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if not content_type.startswith(_HTML_TYPES):
                    continue
                number += 1
                # Read at most one byte over the limit: a huge payload is refused, not loaded.
                try:
                    payload = record.content_stream().read(limit + 1)
                except Exception as err:  # as above: zlib, EOF, header errors inside one record
                    yield Failure(f"{source}#{number}", ParseError.code, f"response breaks off ({err})")
                    return
            url = record.rec_headers.get_header("WARC-Target-URI")
            entry_source = f"{source}#{number}"
            if len(payload) > limit:
                yield Failure(
                    entry_source, ReadError.code, f"response over the {limit / 1e6:.0f} MB input limit"
                )
                continue
            try:
                html = decode(payload, entry_source)
            except NewsgraphError as err:
                yield Failure(err.source, err.code, err.reason)
                continue
            yield RawRecord(
                source=entry_source,
                kind="html",
                content=html,
                input_id=record.rec_headers.get_header("WARC-Record-ID"),
                url=url,
                input_format="warc",
                extra={"warc_date": record.rec_headers.get_header("WARC-Date")},
            )
    if noise.getvalue().strip():
        LOGGER.info("%s: WARC format warnings: %s", source, " ".join(noise.getvalue().split())[:300])
