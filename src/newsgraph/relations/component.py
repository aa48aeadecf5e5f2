"""spaCy component `newsgraph_relations`: writes `analysis(doc).relations`.

Reads `analysis(doc).entities` and `.places` (their mentions); runs last, after events.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.analysis import analysis
from newsgraph.relations.extract import extract_relations

LOGGER = logging.getLogger(__name__)


@Language.factory("newsgraph_relations")
def make_component(nlp: Language, name: str) -> RelationsComponent:
    return RelationsComponent()


class RelationsComponent:
    def __call__(self, doc: Doc) -> Doc:
        found = analysis(doc)
        found.relations = extract_relations(doc, found)
        LOGGER.debug("%d relations", len(found.relations))
        return doc
