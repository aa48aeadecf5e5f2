"""spaCy component `newsgraph_relations`: writes `analysis(doc).relations`. (Placeholder until its stage lands.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.analysis import analysis


@Language.factory("newsgraph_relations")
def make_component(nlp: Language, name: str) -> RelationsComponent:
    return RelationsComponent()


class RelationsComponent:
    def __call__(self, doc: Doc) -> Doc:
        analysis(doc).relations = []
        return doc
