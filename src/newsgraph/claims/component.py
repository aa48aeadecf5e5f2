"""spaCy component `newsgraph_claims`: writes `analysis(doc).claims`.

Reads `analysis(doc).entities` and `.places` (to link speakers); runs after times, actors and places
and before events, which read the claims to set `attributed_to`.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.claims.extract import extract_claims
from newsgraph.nlp.analysis import analysis

LOGGER = logging.getLogger(__name__)


@Language.factory("newsgraph_claims")
def make_component(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent()


class ClaimsComponent:
    def __call__(self, doc: Doc) -> Doc:
        found = analysis(doc)
        found.claims = extract_claims(doc, found)
        LOGGER.debug("%d claims", len(found.claims))
        return doc
