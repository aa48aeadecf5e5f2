"""Errors with stable codes, so that scripts and the store can group failures by kind."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class; `code` is stable across releases, the message may improve."""

    code = "NG000"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ReadError(NewsgraphError):
    """The input could not be read or decoded (missing, binary, too large, undecodable)."""

    code = "NG100"


class EmptyInputError(NewsgraphError):
    """The input holds no article text (empty, whitespace, or all boilerplate)."""

    code = "NG101"


class ParseError(NewsgraphError):
    """The input's structure is broken beyond repair (malformed JSON, hostile XML)."""

    code = "NG102"


class UnsupportedInputError(NewsgraphError):
    """The input is of a kind newsgraph does not read."""

    code = "NG103"


class SkippedLanguageError(NewsgraphError):
    """The document is not in a language the pipeline handles; recorded and skipped."""

    code = "NG200"


class ModelNotFoundError(NewsgraphError):
    """The configured spaCy pipeline is not installed."""

    code = "NG300"
