"""Language identification (py3langid); newsgraph's NLP is English, other languages are recorded and skipped."""

from __future__ import annotations

import py3langid

SUPPORTED = {"en"}
_MIN_CHARS = 40  # shorter texts are too little evidence to refuse a document on


def detect(text: str) -> str:
    sample = text[:5000]
    if len(sample.strip()) < _MIN_CHARS:
        return "en"
    lang, _score = py3langid.classify(sample)
    return str(lang)
