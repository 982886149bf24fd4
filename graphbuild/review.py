"""Suggest corrections for a person to confirm: likely duplicate actors and junk.

:func:`suggest_corrections` looks at the actors of an extraction for

* **duplicates** -- two actors of one type whose names are nearly the same
  (rapidfuzz ``token_sort_ratio`` of labels, or of any two names, at least
  ``threshold``: "Sergei Lavrov" / "Sergey Lavrov"), that share an alias, or
  (states, organizations, groups) that carry the same actor code;
* **junk** -- "actors" that are likely not actors: a name with no capital
  letter, a name of one or two characters that is not an acronym ("UN"), a
  person's name of more than five words or any other of more than ten ("a
  senior official who asked not to be named"), or a name holding a web address or a
  digit-only word.  (An actor named once in no event is not suggested: on
  real news that is mostly real bodies named in passing, "EU", "Hezbollah".)

:func:`suggestions_yaml` writes them as a corrections file in which every
suggestion is commented out: uncomment the ones that are right and pass the
file to ``--corrections`` (see ``docs/corrections.md``).  Nothing is
changed by a suggestion alone.

Examples
--------
>>> from graphbuild.types import Actor, Extraction
>>> x = Extraction(actors=[Actor("Sergei Lavrov", "person", mentions=5),
...                        Actor("Sergey Lavrov", "person", mentions=1)])
>>> [(s.kind, s.to_dict()) for s in suggest_corrections(x)]
[('merge', {'kind': 'merge', 'actor': 'actor:sergey-lavrov', 'into': 'actor:sergei-lavrov'})]
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from .names import name_key
from .types import Actor, Extraction

__all__ = ["Suggestion", "suggest_corrections", "suggestions_yaml", "FUZZY_THRESHOLD"]

#: rapidfuzz token_sort_ratio (0-100) at or above which two names look like one.
FUZZY_THRESHOLD = 90
_URL = re.compile(r"https?://|www\.|@|\.com\b", re.IGNORECASE)
_MAX_WORDS = {"person": 5}
_MAX_WORDS_OTHER = 10


@dataclass
class Suggestion:
    """A correction to confirm, and why it is suggested."""

    kind: str
    fields: dict[str, Any]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.fields}


def suggest_corrections(extraction: Extraction, *, threshold: int = FUZZY_THRESHOLD) -> list[Suggestion]:
    """Likely duplicate actors (merges) and junk actors (drops), most certain first within each.

    Parameters
    ----------
    extraction : Extraction
    threshold : int
        Name similarity (0-100) for a fuzzy duplicate.

    Returns
    -------
    list of Suggestion
        Merges (into the actor with the fuller label -- more words -- then
        more mentions, then the smaller id), then drops, each in a stable
        order.
    """
    from rapidfuzz import fuzz, process

    actors = sorted(extraction.actors, key=lambda a: a.id)
    pairs: dict[tuple[str, str], tuple[float, str]] = {}

    def propose(a: Actor, b: Actor, score: float, reason: str) -> None:
        key = (min(a.id, b.id), max(a.id, b.id))
        if key not in pairs or pairs[key][0] < score:
            pairs[key] = (score, reason)

    by_type: dict[str, list[Actor]] = {}
    for a in actors:
        by_type.setdefault(a.type, []).append(a)
    for group in by_type.values():
        names = [name_key(a.label) for a in group]
        scores = process.cdist(names, names, scorer=fuzz.token_sort_ratio, score_cutoff=threshold,
                               dtype="uint8")
        for i, j in zip(*scores.nonzero()):
            if i < j:
                propose(group[i], group[j], float(scores[i, j]),
                        f"names alike ({int(scores[i, j])}): {group[i].label!r} ~ {group[j].label!r}")
        owners: dict[str, list[Actor]] = {}
        for a in group:
            for n in sorted({name_key(n) for n in [a.label, *a.aliases]}):
                owners.setdefault(n, []).append(a)
        for name, same in sorted(owners.items()):
            for a, b in combinations(same, 2):
                propose(a, b, 100.0, f"both are called {name!r}")
        codes: dict[str, list[Actor]] = {}
        for a in group:
            if getattr(a, "code", None) and a.type != "person":
                codes.setdefault(a.code, []).append(a)
        for code, same in sorted(codes.items()):
            for a, b in combinations(same, 2):
                propose(a, b, 95.0, f"same code {code}")

    by_id = {a.id: a for a in actors}
    out = []
    for (x, y), (score, reason) in sorted(pairs.items(), key=lambda kv: (-kv[1][0], kv[0])):
        keep, fold = sorted((by_id[x], by_id[y]), key=lambda a: (-len(a.label.split()), -a.mentions, a.id))
        out.append(Suggestion("merge", {"actor": fold.id, "into": keep.id},
                              f"{reason}; keep {keep.label!r}"))
    for a in actors:
        why = _junk(a)
        if why:
            out.append(Suggestion("drop", {"actor": a.id}, f"{a.label!r}: {why}"))
    return out


def _junk(a: Actor) -> str | None:
    label = a.label.strip()
    words = label.split()
    if not any(ch.isupper() for ch in label):
        return "no capital letter"
    if len(label.replace(".", "")) <= 2 and not label.isupper():
        return "one or two characters"
    most = _MAX_WORDS.get(a.type, _MAX_WORDS_OTHER)
    if len(words) > most:
        return f"more than {most} words for a {a.type}"
    if _URL.search(label) or any(w.isdigit() for w in words):
        return "a web address or a number"
    return None


def suggestions_yaml(suggestions: list[Suggestion], *, source: str = "") -> str:
    """A corrections file with every suggestion commented out, its reason beside it."""
    lines = ["# Corrections suggested by 'graphbuild review'" + (f" for {source}" if source else "") + ".",
             "# Uncomment (remove the leading '# ') the ones that are right, then pass this file",
             "# to 'graphbuild extract/build --corrections FILE'.  See docs/corrections.md.", ""]
    if not suggestions:
        lines.append("# nothing to suggest")
    for s in suggestions:
        lines.append(f"# {s.reason}")
        body = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in s.to_dict().items())
        lines.append(f"# - {{{body}}}")
    return "\n".join(lines) + "\n"
