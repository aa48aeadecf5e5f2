"""spaCy component `newsgraph_times`: finds and normalises the time expressions of a document.

Reads `analysis(doc).published` (the anchor, YYYY[-MM[-DD]] or None) and the parse (for the tense
of the verb governing each expression); writes `analysis(doc).times` in text order.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.analysis import analysis
from newsgraph.time.anchor import Tense
from newsgraph.time.tense import tense_at
from newsgraph.time.timex import find_times

LOGGER = logging.getLogger(__name__)


@Language.factory("newsgraph_times")
def make_component(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()


class TimesComponent:
    def __call__(self, doc: Doc) -> Doc:
        found = analysis(doc)
        has_parse = doc.has_annotation("DEP")

        def tense_of(start: int, end: int) -> Tense | None:
            return tense_at(doc, start, end) if has_parse else None

        found.times = find_times(doc.text, found.published, tense_of)
        LOGGER.debug("%d time expressions", len(found.times))
        return doc
