"""Load the spaCy pipeline with newsgraph's components appended after the statistical ones."""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from newsgraph import config
from newsgraph.errors import ModelNotFoundError
from newsgraph.nlp.analysis import register_extension

LOGGER = logging.getLogger(__name__)

# Our components, in the order they run; each module registers its factory with spaCy on import.
COMPONENTS = (
    "newsgraph_times",
    "newsgraph_actors",
    "newsgraph_places",
    "newsgraph_claims",
    "newsgraph_events",
    "newsgraph_relations",
)


def _import_factories() -> None:
    # Imported for their side effect: @Language.factory registrations.
    import newsgraph.actors.component
    import newsgraph.claims.component
    import newsgraph.events.component
    import newsgraph.places.component
    import newsgraph.relations.component
    import newsgraph.time.component  # noqa: F401


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, components: tuple[str, ...] = COMPONENTS) -> Language:
    """The configured spaCy model with our components added; cached per model name."""
    name = model or config.model_name()
    register_extension()
    _import_factories()
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFoundError(name, f"spaCy pipeline not installed ({err})") from err
    for component in components:
        nlp.add_pipe(component, last=True)
    LOGGER.debug("loaded %s with %s", name, nlp.pipe_names)
    return nlp
