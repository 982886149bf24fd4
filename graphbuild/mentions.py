"""The mentions of one document, kept at their old address: see :mod:`graphbuild.extraction.mentions`."""
from __future__ import annotations

from .extraction.mentions import SUBJECT_DEPS, LocalEntity, Mentions

__all__ = ["Mentions", "LocalEntity", "SUBJECT_DEPS"]
