"""The extraction stage's entry points, kept at their old address.

The stage lives in :mod:`graphbuild.extraction` (one module per concern).
"""
from __future__ import annotations

from .extraction import SPEECH_TYPES, extract_document, iter_events

__all__ = ["extract_document", "iter_events", "SPEECH_TYPES"]
