"""Attributed statements: quotes and reported speech with speaker, cue, content and contradictions."""

from newsgraph.claims.covering import claim_covering

__all__ = ["claim_covering"]
