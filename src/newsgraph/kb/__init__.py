"""The knowledge base: many reports merged into one sourced picture, queried as of any date.

from newsgraph.kb import KnowledgeBase, build_briefing
"""

from newsgraph.kb.brief import Briefing, build_briefing, render_markdown
from newsgraph.kb.query import KnowledgeBase

__all__ = ["Briefing", "KnowledgeBase", "build_briefing", "render_markdown"]
