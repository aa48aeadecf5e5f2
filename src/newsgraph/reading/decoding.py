"""Bytes to text: size and binary checks, encoding detection (charset-normalizer), mojibake repair (ftfy)."""

from __future__ import annotations

import logging
from pathlib import Path

import ftfy
from charset_normalizer import from_bytes

from newsgraph import config
from newsgraph.errors import EmptyInputError, ReadError

LOGGER = logging.getLogger(__name__)

# Repair mojibake, but keep the text's own typography: curly quotes and dashes are the author's.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, normalization="NFC")

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is missing or larger than the configured limit."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise ReadError(str(path), f"cannot read file ({err.strerror or err})") from err
    limit = config.max_input_bytes()
    if size > limit:
        raise ReadError(str(path), f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB input limit")
    try:
        return path.read_bytes()
    except OSError as err:
        raise ReadError(str(path), f"cannot read file ({err.strerror or err})") from err


def decode(data: bytes, source: str) -> str:
    """Text from bytes of unknown encoding; binary data is refused, mojibake repaired."""
    if not data.strip():
        raise EmptyInputError(source, "file is empty")
    text = _decode_known(data) or _decode_detected(data, source)
    text = ftfy.fix_text(text, config=_FTFY)
    if not text.strip():
        raise EmptyInputError(source, "file holds only whitespace")
    return text


def _decode_known(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) else text


def _decode_detected(data: bytes, source: str) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(source, "binary file (NUL bytes), not text")
    results = from_bytes(data[:1_000_000])
    best = results.best()
    if best is None:
        raise ReadError(source, "binary or undecodable file: no text encoding fits")
    encoding = best.encoding
    # On short texts several single-byte code pages fit equally well (cp1250 and cp1252 differ in a
    # few letters); news in Latin script is far more often Windows-1252, so it wins a tie.
    for candidate in results:
        if (
            candidate.encoding == "cp1252"
            and candidate.chaos <= best.chaos
            and candidate.coherence >= best.coherence
        ):
            encoding = "cp1252"
            break
    text = data.decode(encoding, errors="replace")
    if _looks_binary(text):
        raise ReadError(source, "binary file: too many control characters for text")
    LOGGER.debug("%s decoded as %s", source, encoding)
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return control / len(sample) > 0.02
