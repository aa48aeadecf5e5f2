"""spaCy component `newsgraph_actors`: writes `analysis(doc).entities`.

Reads the statistical pipeline's `doc.ents`, parse and tags; runs after `ner` (and after
`newsgraph_times`), before places, claims, events and relations, which find actors through
`newsgraph.nlp.lookup` on the mentions written here. Usable in any English spaCy pipeline:

    nlp = spacy.load("en_core_web_sm")
    import newsgraph.actors.component  # registers the factory
    nlp.add_pipe("newsgraph_actors")

The registry is the shipped one plus the files in NEWSGRAPH_ACTORS (or `registry_paths`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.linking import Linker
from newsgraph.actors.matching import RegistryMatcher
from newsgraph.actors.registry import load_registry
from newsgraph.nlp.analysis import analysis

LOGGER = logging.getLogger(__name__)


@Language.factory("newsgraph_actors", default_config={"registry_paths": None})
def make_component(nlp: Language, name: str, registry_paths: list[str] | None) -> ActorsComponent:
    extra = tuple(Path(p) for p in registry_paths) if registry_paths is not None else None
    return ActorsComponent(nlp, extra)


class ActorsComponent:
    def __init__(self, nlp: Language, registry_paths: tuple[Path, ...] | None = None) -> None:
        self.registry = load_registry(registry_paths)
        self.linker = Linker(RegistryMatcher(nlp, self.registry), self.registry)

    def __call__(self, doc: Doc) -> Doc:
        try:
            analysis(doc).entities = self.linker.link(doc)
        except Exception:  # one odd document must not sink a batch; its actors are lost, not its record
            LOGGER.exception("actor linking failed on a document of %d characters", len(doc.text))
            analysis(doc).entities = []
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
