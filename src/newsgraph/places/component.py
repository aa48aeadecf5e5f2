"""spaCy component `newsgraph_places`: writes `analysis(doc).places`. (Placeholder until its stage lands.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.analysis import analysis


@Language.factory("newsgraph_places")
def make_component(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()


class PlacesComponent:
    def __call__(self, doc: Doc) -> Doc:
        analysis(doc).places = []
        return doc
