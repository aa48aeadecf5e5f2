"""The spaCy backbone: model loading and the shared per-document analysis our components fill."""

from newsgraph.nlp.analysis import Analysis, analysis
from newsgraph.nlp.pipeline import COMPONENTS, load_pipeline

__all__ = ["COMPONENTS", "Analysis", "analysis", "load_pipeline"]
