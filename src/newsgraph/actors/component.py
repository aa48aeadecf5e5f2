"""spaCy component `newsgraph_actors`: writes `analysis(doc).entities`. (Placeholder until its stage lands.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.analysis import analysis


@Language.factory("newsgraph_actors")
def make_component(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent()


class ActorsComponent:
    def __call__(self, doc: Doc) -> Doc:
        analysis(doc).entities = []
        return doc
