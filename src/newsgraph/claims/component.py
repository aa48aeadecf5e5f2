"""spaCy component `newsgraph_claims`: writes `analysis(doc).claims`. (Placeholder until its stage lands.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.analysis import analysis


@Language.factory("newsgraph_claims")
def make_component(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent()


class ClaimsComponent:
    def __call__(self, doc: Doc) -> Doc:
        analysis(doc).claims = []
        return doc
