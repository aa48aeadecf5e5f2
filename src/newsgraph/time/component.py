"""spaCy component `newsgraph_times`: writes `analysis(doc).times`. (Placeholder until its stage lands.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.analysis import analysis


@Language.factory("newsgraph_times")
def make_component(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()


class TimesComponent:
    def __call__(self, doc: Doc) -> Doc:
        analysis(doc).times = []
        return doc
