"""spaCy component `newsgraph_events`: writes `analysis(doc).events`. (Placeholder until its stage lands.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.analysis import analysis


@Language.factory("newsgraph_events")
def make_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()


class EventsComponent:
    def __call__(self, doc: Doc) -> Doc:
        analysis(doc).events = []
        return doc
