"""CAMEO event codes: the Goldstein scale value and QuadClass of each code.

The tables are data with their provenance, in ``graphbuild/data/cameo_scales.json``:
the Goldstein values are GDELT's ``CAMEO.goldsteinscale.txt`` copied unchanged, and the
QuadClass follows the code's root as in the GDELT event codebook.

>>> goldstein("042"), quad_class("042")
(1.9, 1)
>>> goldstein("1823"), quad_class("1823")
(-10.0, 4)
>>> goldstein("999") is None and quad_class(None) is None
True

Nothing here knows spaCy.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from .util import load_data

__all__ = ["GOLDSTEIN", "QUAD_CLASSES", "goldstein", "quad_class", "is_code"]

_TABLES = load_data("cameo_scales.json")

#: Goldstein value of every CAMEO code (roots, base codes and four-digit codes).
GOLDSTEIN: Mapping[str, float] = MappingProxyType(dict(_TABLES["goldstein"]))
_QUAD_BY_ROOT: Mapping[str, int] = MappingProxyType(dict(_TABLES["quad_class"]))
#: What each QuadClass means.
QUAD_CLASSES: Mapping[int, str] = MappingProxyType({
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
})


def is_code(code: str | None) -> bool:
    """Whether ``code`` is a CAMEO event code ("042", "1823"; not "999")."""
    return code in GOLDSTEIN


def goldstein(code: str | None) -> float | None:
    """The Goldstein scale value of a CAMEO code (-10 most conflictual to +10 most cooperative)."""
    return GOLDSTEIN.get(code) if code else None


def quad_class(code: str | None) -> int | None:
    """The QuadClass of a CAMEO code: 1 verbal cooperation, 2 material cooperation,
    3 verbal conflict, 4 material conflict."""
    return _QUAD_BY_ROOT.get(code[:2]) if is_code(code) else None
