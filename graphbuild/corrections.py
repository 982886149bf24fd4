"""Corrections that last: a file of fixes applied to every extraction.

A wrong merge or a junk actor fixed by hand in an output comes back on the
next run.  A corrections file says the fix once; ``graphbuild extract`` and
``graphbuild build`` apply it after resolution on every run
(``--corrections FILE``), so it holds when new articles arrive.  The format
is documented in ``docs/corrections.md`` and checked against the JSON Schema
``graphbuild/data/corrections.schema.json``.

Kinds: ``merge`` (fold one actor into another), ``split`` (make an alias an
actor of its own), ``rename``, ``retype``, ``set`` (country, sectors, code),
``drop`` (an actor) and ``drop_event`` (an event, or every report of a
happening).  An actor is named by id, label or alias (case-insensitive).

Nothing here prints or exits: :func:`load_corrections` raises
:class:`~graphbuild.types.GraphbuildError` for a file that cannot be read at
all, and every other problem -- a malformed entry, an unknown id, a cycle of
merges, a correction that matches nothing -- is a :class:`Problem` naming
the file and line; that correction is skipped and every other one applies.

Examples
--------
>>> from graphbuild.types import Actor, Event, Extraction
>>> x = Extraction(actors=[Actor("Sergei Lavrov", "person"), Actor("Lavrov", "organization")],
...                events=[Event("statement", "Lavrov", source_id="actor:lavrov")])
>>> corrections = parse_corrections("- {kind: merge, actor: Lavrov, into: Sergei Lavrov}\\n")
>>> apply_corrections(x, corrections)
[]
>>> [a.label for a in x.actors], x.events[0].source
(['Sergei Lavrov'], 'Sergei Lavrov')
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .names import name_key
from .types import Actor, Extraction, GraphbuildError, slugify

__all__ = [
    "Correction",
    "Problem",
    "KINDS",
    "CSV_COLUMNS",
    "load_corrections",
    "parse_corrections",
    "apply_corrections",
    "schema",
]

KINDS = ("merge", "split", "rename", "retype", "set", "drop", "drop_event")
#: Columns a CSV corrections file may have (any subset, ``kind`` required).
CSV_COLUMNS = ("kind", "actor", "into", "alias", "label", "type", "country", "sectors", "code",
               "event", "note")
_SET_FIELDS = ("country", "sectors", "code")


@dataclass
class Correction:
    """One entry of a corrections file and where it was written."""

    kind: str
    fields: dict[str, Any]
    line: int
    source: str = "corrections"

    def __getitem__(self, key: str) -> Any:
        return self.fields[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)


@dataclass
class Problem:
    """A correction that was not applied, and why."""

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source} line {self.line}: {self.message}"


@dataclass
class Corrections:
    """What a corrections file holds: the valid entries and the problems of the others."""

    entries: list[Correction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source: str = "corrections"


def schema() -> dict[str, Any]:
    """The JSON Schema of one correction (``graphbuild/data/corrections.schema.json``)."""
    from .util import load_data

    return load_data("corrections.schema.json")


# --------------------------------------------------------------------------- #
# Reading
# --------------------------------------------------------------------------- #


def load_corrections(path: str | os.PathLike[str]) -> Corrections:
    """Read a corrections file: YAML (``.yaml``/``.yml``) or CSV (``.csv``).

    Raises
    ------
    GraphbuildError
        When the file is missing, unreadable, not valid YAML or CSV, or not a
        list of corrections (naming the file and, where known, the line).
        A bad entry is not an error: it is listed in ``problems``.
    """
    from .graph import read_named_file

    text = read_named_file(path, "corrections", encoding="utf-8-sig")
    fmt = "csv" if Path(path).suffix.lower() == ".csv" else "yaml"
    return parse_corrections(text, format=fmt, source=str(path))


def parse_corrections(text: str, *, format: str = "yaml", source: str = "corrections") -> Corrections:
    """Parse and check the text of a corrections file (see :func:`load_corrections`)."""
    if format == "csv":
        raw = _read_csv(text, source)
    elif format == "yaml":
        raw = _read_yaml(text, source)
    else:
        raise GraphbuildError(f"corrections are YAML or CSV, not {format!r}")
    out = Corrections(source=source)
    for line, item in raw:
        problem = _check(item)
        if problem:
            out.problems.append(Problem(source, line, problem))
        else:
            out.entries.append(Correction(item["kind"], dict(item), line, source))
    return out


def _read_yaml(text: str, source: str) -> list[tuple[int, Any]]:
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        reason = getattr(exc, "problem", None) or str(exc)
        raise GraphbuildError(f"{source}{where}: not valid YAML ({reason})") from None
    if data is None:
        return []
    if isinstance(data, dict) and list(data) == ["corrections"]:
        data = data["corrections"]
        root = root.value[0][1]
    if not isinstance(data, list):
        raise GraphbuildError(f"{source}: expected a list of corrections ('- kind: merge ...'), "
                              f"not a {type(data).__name__}")
    return [(node.start_mark.line + 1, item) for node, item in zip(root.value, data)]


def _read_csv(text: str, source: str) -> list[tuple[int, Any]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise GraphbuildError(f"{source} line {reader.line_num}: not valid CSV ({exc})") from None
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if "kind" not in header or unknown:
        what = f"unknown column(s) {', '.join(map(repr, unknown))}" if unknown else "no 'kind' column"
        raise GraphbuildError(f"{source} line 1: {what}; the columns are {', '.join(CSV_COLUMNS)}")
    out = []
    # csv.reader counts physical lines; a row's line is where it starts.
    line = 1
    for row in rows[1:]:
        line += 1
        if not any(cell.strip() for cell in row):
            continue
        if row[0].lstrip().startswith("#"):
            continue
        if len(row) > len(header):
            out.append((line, {"kind": row[0].strip(), "_extra": row[len(header):]}))
            continue
        item: dict[str, Any] = {}
        for name, cell in zip(header, row):
            cell = cell.strip()
            if not cell:
                continue
            item[name] = [s.strip() for s in cell.split(";") if s.strip()] if name == "sectors" else cell
        out.append((line, item))
    return out


def _check(item: Any) -> str | None:
    """Why ``item`` is not a valid correction, or None."""
    import jsonschema

    if not isinstance(item, dict):
        return f"expected a mapping like 'kind: merge', not {_show(item)}"
    if "_extra" in item:
        return "more cells than the header has columns"
    kind = item.get("kind")
    if kind not in KINDS:
        return f"unknown kind {_show(kind)}; the kinds are {', '.join(KINDS)}"
    full = schema()
    sub = dict(full["$defs"][kind], **{"$defs": full["$defs"]})
    errors = sorted(jsonschema.Draft202012Validator(sub).iter_errors(item), key=lambda e: list(e.path))
    if not errors:
        return None
    e = errors[0]
    if e.validator == "additionalProperties":
        extra = sorted(set(item) - set(full["$defs"][kind]["properties"]))
        return f"{kind}: unknown field(s) {', '.join(map(repr, extra))}; " \
               f"a {kind} has {', '.join(sorted(full['$defs'][kind]['properties']))}"
    if e.validator == "anyOf":
        return f"{kind}: give at least one of {', '.join(_SET_FIELDS)}"
    where = f"'{e.path[0]}': " if e.path else ""
    return f"{kind}: {where}{e.message}"


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


# --------------------------------------------------------------------------- #
# Applying
# --------------------------------------------------------------------------- #


class _Actors:
    """Find actors by id, label or alias while corrections change them."""

    def __init__(self, extraction: Extraction) -> None:
        self.x = extraction
        self.by_id = {a.id: a for a in extraction.actors}

    def find(self, ref: str) -> tuple[Actor | None, str | None]:
        """The actor ``ref`` names, or None and why not."""
        if ref in self.by_id:
            return self.by_id[ref], None
        if ref.startswith("actor:"):
            return None, f"no actor has the id {ref!r}"
        key = _key(ref)
        for names in (lambda a: [a.label], lambda a: a.aliases):
            hits = [a for a in self.by_id.values() if any(_key(n) == key for n in names(a))]
            if len(hits) == 1:
                return hits[0], None
            if len(hits) > 1:
                ids = ", ".join(sorted(a.id for a in hits))
                return None, f"{ref!r} names several actors ({ids}); use an id"
        return None, f"no actor is named {ref!r}"

    def remove(self, actor: Actor) -> None:
        del self.by_id[actor.id]

    def add(self, actor: Actor) -> None:
        wanted, n = actor.id, 2
        while actor.id in self.by_id:
            actor.id = f"{wanted}-{n}"
            n += 1
        self.by_id[actor.id] = actor


def _key(name: str) -> str:
    return name_key(name)


def apply_corrections(extraction: Extraction, corrections: Corrections | Iterable[Correction]) -> list[Problem]:
    """Apply ``corrections`` to ``extraction`` (in place), in file order.

    Event labels follow the actors they name, and happenings are grouped
    again (:func:`graphbuild.cluster.assign_clusters`), since a merge or a
    drop changes which events report one happening.

    Returns
    -------
    list of Problem
        The problems found reading the file, merges that form a cycle (none
        of them applied), and every correction that matched nothing.  A
        correction already in effect (a merge of two names of one actor, a
        rename to the current label) is not a problem.
    """
    from .cluster import assign_clusters

    if isinstance(corrections, Corrections):
        problems, entries = list(corrections.problems), list(corrections.entries)
    else:
        problems, entries = [], list(corrections)
    actors = _Actors(extraction)
    cyclic = _merge_cycles(entries, actors)
    for lines, names in cyclic:
        first = next(e for e in entries if e.line == lines[0])
        problems.append(Problem(first.source, lines[0], "merges form a cycle ("
                                + " -> ".join(names) + f"; lines {', '.join(map(str, lines))}); "
                                "none of them was applied"))
    skip = {line for lines, _ in cyclic for line in lines}
    for c in entries:
        if c.line in skip:
            continue
        if c.kind == "drop_event":
            message = _drop_event(extraction, c)
        else:
            actor, why = actors.find(c["actor"])
            message = _APPLY[c.kind](extraction, actors, c, actor) if actor is not None else why
        if message:
            problems.append(Problem(c.source, c.line, f"{c.kind}: {message}"))
    extraction.actors = sorted(actors.by_id.values(), key=lambda a: a.id)
    _relabel(extraction)
    assign_clusters(extraction)
    problems.sort(key=lambda p: (p.source, p.line))
    return problems


def _merge_cycles(entries: list[Correction], actors: _Actors) -> list[tuple[list[int], list[str]]]:
    """Groups of merges that lead back to where they start: (lines, names)."""
    edges: dict[str, tuple[str, int, str]] = {}
    for c in entries:
        if c.kind != "merge":
            continue
        src, dst = (actors.find(c[k])[0] for k in ("actor", "into"))
        u = src.id if src else "name:" + _key(c["actor"])
        v = dst.id if dst else "name:" + _key(c["into"])
        if u != v:
            edges.setdefault(u, (v, c.line, c["actor"]))
    cycles, done = [], set()
    for start in sorted(edges):
        path, node = [], start
        while node in edges and node not in path and node not in done:
            path.append(node)
            node = edges[node][0]
        if node in path:
            loop = path[path.index(node):]
            cycles.append((sorted(edges[n][1] for n in loop), [edges[n][2] for n in loop]
                           + [edges[loop[0]][2]]))
        done.update(path)
    return cycles


def _merge(x: Extraction, actors: _Actors, c: Correction, src: Actor) -> str | None:
    dst, why = actors.find(c["into"])
    if dst is None:
        return why
    if src is dst:
        return None  # already one actor (a re-run: the merged name is an alias now)
    dst.aliases = sorted(set(dst.aliases) | set(src.aliases) | {src.label})
    dst.mentions += src.mentions
    dst.docs = sorted(set(dst.docs) | set(src.docs))
    dst.title = dst.title or src.title
    dst.affiliation = dst.affiliation or src.affiliation
    for name in _SET_FIELDS:
        if not getattr(dst, name, None) and getattr(src, name, None):
            setattr(dst, name, getattr(src, name))
    actors.remove(src)
    for e in x.events:
        if e.source_id == src.id:
            e.source_id = dst.id
        if src.id in e.target_ids:
            e.target_ids = list(dict.fromkeys(dst.id if t == src.id else t for t in e.target_ids))
        if e.source_id in e.target_ids:  # "A met B" with A and B one actor now
            e.target_ids = [t for t in e.target_ids if t != e.source_id]
    return None


def _split(x: Extraction, actors: _Actors, c: Correction, actor: Actor) -> str | None:
    alias = c["alias"]
    if _key(alias) == _key(actor.label):
        return f"{alias!r} is the label of {actor.id}; rename it instead"
    if not any(_key(a) == _key(alias) for a in actor.aliases):
        if any(_key(alias) in (_key(n) for n in [a.label, *a.aliases]) for a in actors.by_id.values()):
            return None  # already split off (a re-run)
        return f"{actor.id} has no alias {alias!r}"
    actor.aliases = [a for a in actor.aliases if _key(a) != _key(alias)]
    new = Actor(label=alias, type=c.get("type") or actor.type, aliases=[alias],
                id="actor:" + slugify(alias))
    actors.add(new)
    other_names = [n for n in {actor.label, *actor.aliases} if n]
    said = _mentions(alias)
    docs = set()
    for e in x.events:
        if actor.id != e.source_id and actor.id not in e.target_ids:
            continue
        if not said(e.sentence) or any(_mentions(n)(e.sentence) for n in other_names
                                         if _key(alias) not in _key(n)):
            continue
        if e.source_id == actor.id:
            e.source_id = new.id
        e.target_ids = [new.id if t == actor.id else t for t in e.target_ids]
        docs.add(e.doc)
    new.docs = sorted(docs)
    return None


def _mentions(name: str):
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
    return lambda text: bool(pattern.search(text or ""))


def _rename(x: Extraction, actors: _Actors, c: Correction, actor: Actor) -> str | None:
    if actor.label != c["label"]:
        actor.aliases = sorted(set(actor.aliases) | {actor.label})
        actor.label = c["label"]
    return None


def _retype(x: Extraction, actors: _Actors, c: Correction, actor: Actor) -> str | None:
    actor.type = c["type"]
    return None


def _set(x: Extraction, actors: _Actors, c: Correction, actor: Actor) -> str | None:
    for name in _SET_FIELDS:
        if name in c.fields:
            value = c[name]
            setattr(actor, name, list(value) if name == "sectors" else value)
    return None


def _drop(x: Extraction, actors: _Actors, c: Correction, actor: Actor) -> str | None:
    actors.remove(actor)
    kept = []
    for e in x.events:
        if e.source_id == actor.id:
            continue
        if actor.id in e.target_ids:
            e.target_ids = [t for t in e.target_ids if t != actor.id]
            if not e.target_ids:
                continue  # it was about the dropped actor only
        kept.append(e)
    x.events = kept
    for other in actors.by_id.values():
        if other.affiliation and _key(other.affiliation) == _key(actor.label):
            other.affiliation = None
    return None


def _drop_event(x: Extraction, c: Correction) -> str | None:
    ref = c["event"]
    kept = [e for e in x.events if e.id != ref and e.cluster != ref]
    if len(kept) == len(x.events):
        return f"no event or happening has the id {ref!r}"
    x.events = kept
    return None


#: What each kind does to the actor it names (``drop_event`` names an event instead).
_APPLY = {"merge": _merge, "split": _split, "rename": _rename, "retype": _retype, "set": _set,
          "drop": _drop}


def _relabel(x: Extraction) -> None:
    """Event labels from the actors and places their ids name."""
    labels = {**{p.id: p.label for p in x.places}, **{a.id: a.label for a in x.actors}}
    for e in x.events:
        if e.source_id in labels:
            e.source = labels[e.source_id]
        if e.target_ids:
            e.targets = [labels.get(t, t) for t in e.target_ids]
