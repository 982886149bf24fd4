"""Write extractions and graphs to files: JSON, node-link JSON, GraphML, GEXF, CSV.

Every writer goes through :func:`graphbuild.util.atomic_write_bytes`, so a
reader never sees half a file, and sorts what it writes, so the same graph
always gives the same bytes.

GraphML and GEXF hold only strings, numbers and booleans.  Before writing,
lists become ``"; "``-joined strings, dicts become JSON strings and None
values are left out; numbers stay numbers.  The graph-level ``events`` dict
(the evidence of every event, edges or not) is not written into GraphML or
GEXF: use node-link JSON or the events CSV to keep it.  GEXF reserves some
edge attribute names, so there the edge ``type`` is written as
``edge_type`` and the sentence offsets ``start``/``end`` as
``sentence_start``/``sentence_end``.  This module never imports spaCy.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import numbers
import os
import re
from pathlib import Path
from typing import Any, Callable, Hashable, Iterable, Mapping

import networkx as nx

from graphbuild.graph import (
    ACTOR_COLUMNS,
    EVENT_COLUMNS,
    actors_table,
    build_graph,
    events_table,
    load_json,
)
from graphbuild.types import Extraction, GraphbuildError
from graphbuild.util import atomic_write_bytes, atomic_write_text

__all__ = [
    "FORMATS",
    "write",
    "write_extraction_json",
    "read_extraction_json",
    "write_node_link_json",
    "write_graphml",
    "write_gexf",
    "write_events_csv",
    "write_actors_csv",
    "write_rows_csv",
]

# Format name -> file suffix, for :func:`write`.
FORMATS = {"json": ".json", "graphml": ".graphml", "gexf": ".gexf", "csv": ".csv"}

LIST_SEPARATOR = "; "

# XML 1.0 cannot hold these characters at all, not even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# GEXF gives these edge attributes a meaning of its own (edge direction,
# time interval), so graphbuild's values are written under other names.
_GEXF_EDGE_RENAMES = {"type": "edge_type", "start": "sentence_start", "end": "sentence_end"}
# Any other name GEXF or networkx's GEXF writer would take over gets a "_".
_GEXF_RESERVED = frozenset(
    {"id", "pid", "start", "end", "spells", "slices", "viz", "parents", "key", "networkx_key"}
)
_GEXF_DATE = re.compile(rb' lastmodifieddate="[^"]*"')


# ---------------------------------------------------------------------------
# extraction JSON


def write_extraction_json(extraction: Extraction, path: str | os.PathLike[str]) -> Path:
    """Write ``extraction`` as the JSON of ``graphbuild extract``.

    Parameters
    ----------
    extraction : Extraction
    path : str or path

    Returns
    -------
    pathlib.Path
        The file written (UTF-8, indented, ending with a newline; non-ASCII
        characters are written as themselves).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graphbuild.types import Actor, Extraction
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "extraction.json"
    >>> _ = write_extraction_json(Extraction(actors=[Actor("Zürich FC", "group")]), path)
    >>> read_extraction_json(path).actors[0].label
    'Zürich FC'
    """
    text = json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2, sort_keys=False)
    return atomic_write_text(path, text + "\n")


def read_extraction_json(path: str | os.PathLike[str]) -> Extraction:
    """Read an extraction written by :func:`write_extraction_json`.

    Parameters
    ----------
    path : str or path

    Returns
    -------
    Extraction

    Raises
    ------
    GraphbuildError
        Naming the file when it is missing, is not JSON, or does not hold an
        extraction (an object with ``actors``, ``places`` and ``events`` lists;
        each of its ``documents`` with an ``id``).
    """
    data = load_json(path, "extraction")
    if not isinstance(data, dict):
        raise GraphbuildError(f"{path} does not hold an extraction: expected a JSON object")
    wrong = [k for k in ("actors", "places", "events") if not isinstance(data.get(k, []), list)]
    if wrong or not any(k in data for k in ("actors", "places", "events")):
        raise GraphbuildError(
            f"{path} does not hold an extraction: expected lists 'actors', 'places' and 'events'"
        )
    for key, required in (("documents", "id"), ("skipped", "path")):
        entries = data.get(key, [])
        if not isinstance(entries, list):
            raise GraphbuildError(f"{path} does not hold a valid extraction: '{key}' is not a list")
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not isinstance(entry.get(required), str) or not entry[required]:
                raise GraphbuildError(
                    f"{path} does not hold a valid extraction: {key}[{i}] has no '{required}' string"
                )
    try:
        return Extraction.from_dict(data)
    except (TypeError, KeyError, AttributeError) as exc:
        raise GraphbuildError(f"{path} does not hold a valid extraction: {exc}") from exc


# ---------------------------------------------------------------------------
# graph formats


def write_node_link_json(G: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` as networkx node-link JSON, graph attributes included.

    Read it back with :func:`graphbuild.graph.graph_from_json`.

    Parameters
    ----------
    G : networkx.Graph
        Any graph; lists, dicts and None are kept as JSON.
    path : str or path

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graphbuild.graph import graph_from_json
    >>> G = nx.MultiDiGraph(events={})
    >>> G.add_edge("actor:a", "actor:b", key="event:1", type="meeting")
    'event:1'
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
    >>> list(graph_from_json(write_node_link_json(G, path)).edges(keys=True))
    [('actor:a', 'actor:b', 'event:1')]
    """
    data = nx.node_link_data(_canonical(G), edges="edges")
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=_json_default)
    return atomic_write_text(path, text + "\n")


def write_graphml(G: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` as GraphML (lists joined by ``"; "``, None left out).

    The graph-level ``events`` dict is not written; see the module notes.

    Parameters
    ----------
    G : networkx.Graph
    path : str or path

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("actor:a", aliases=["A", "Mr A"], title=None, mentions=2)
    >>> path = write_graphml(G, pathlib.Path(tempfile.mkdtemp()) / "g.graphml")
    >>> dict(nx.read_graphml(path).nodes["actor:a"])
    {'aliases': 'A; Mr A', 'mentions': 2}
    """
    H = _canonical(G, lambda d, _: _flat(d), graph_attrs=_flat_graph_attrs)
    buf = io.BytesIO()
    # The stdlib writer, not lxml's, so the bytes do not depend on what is installed.
    nx.write_graphml_xml(H, buf, encoding="utf-8", prettyprint=True, infer_numeric_types=True)
    return atomic_write_bytes(path, buf.getvalue())


def write_gexf(G: nx.Graph, path: str | os.PathLike[str], *, dynamic: bool = False) -> Path:
    """Write ``G`` as GEXF 1.2 for Gephi.

    Lists are joined by ``"; "`` and None left out; edge ``type``,
    ``start`` and ``end`` are written as ``edge_type``, ``sentence_start``
    and ``sentence_end`` because GEXF reserves those names.  Graph
    attributes other than the name are not written.

    Parameters
    ----------
    G : networkx.Graph
    path : str or path
    dynamic : bool, optional
        ``start``/``end`` of nodes and edges are GEXF time bounds, written
        as such (``G.graph["mode"] = "dynamic"``); see
        :func:`graphbuild.eventdata.write_dynamic_gexf`.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("actor:a", "actor:b", key="event:1", type="meeting", start=10)
    'event:1'
    >>> path = write_gexf(G, pathlib.Path(tempfile.mkdtemp()) / "g.gexf")
    >>> [(d["edge_type"], d["sentence_start"]) for *_, d in nx.read_gexf(path).edges(data=True)]
    [('meeting', 10)]
    """
    H = _canonical(G, _gexf_dynamic_attrs if dynamic else _gexf_attrs, graph_attrs=_flat_graph_attrs)
    buf = io.BytesIO()
    nx.write_gexf(H, buf, encoding="utf-8", prettyprint=True, version="1.2draft")
    # networkx stamps today's date into <meta>; drop it so that the bytes
    # depend on the graph alone.
    return atomic_write_bytes(path, _GEXF_DATE.sub(b"", buf.getvalue(), count=1))


# ---------------------------------------------------------------------------
# CSV


def write_events_csv(extraction_or_G: Extraction | nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write one CSV row per event, the evidence sentence verbatim.

    Parameters
    ----------
    extraction_or_G : Extraction or networkx.MultiDiGraph
        From a graph, its ``G.graph["events"]`` (or, for a graph read from
        GraphML/GEXF, the events rebuilt from its edges).
    path : str or path

    Returns
    -------
    pathlib.Path
        UTF-8 CSV with columns ``id, doc, type, cameo, goldstein, quad_class,
        status, source, targets, place, date, date_text, trigger, quote,
        sentence, start, end``, sorted by document, offset and id; targets are joined by
        ``"; "`` and None is an empty cell.

    Examples
    --------
    >>> import csv, tempfile, pathlib
    >>> from graphbuild.types import Event, Extraction
    >>> ext = Extraction(events=[Event("statement", "A", ["B", "C"], sentence='A said, "no".')])
    >>> path = write_events_csv(ext, pathlib.Path(tempfile.mkdtemp()) / "events.csv")
    >>> row = next(csv.DictReader(path.open(encoding="utf-8", newline="")))
    >>> row["targets"], row["sentence"]
    ('B; C', 'A said, "no".')
    """
    if isinstance(extraction_or_G, Extraction):
        rows = [e.to_dict() for e in extraction_or_G.events]
        rows.sort(key=lambda r: (r["doc"], r["start"], r["id"]))
    elif isinstance(extraction_or_G, nx.Graph):
        rows = events_table(extraction_or_G, as_frame=False)
    else:
        raise GraphbuildError(
            f"write_events_csv needs an Extraction or a graph, not {type(extraction_or_G).__name__}"
        )
    return write_rows_csv(path, EVENT_COLUMNS, rows)


def write_actors_csv(extraction_or_G: Extraction | nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write one CSV row per actor (see :func:`graphbuild.graph.actors_table`).

    Parameters
    ----------
    extraction_or_G : Extraction or networkx.MultiDiGraph
        An extraction is turned into a graph first, to count events and
        neighbours.
    path : str or path

    Returns
    -------
    pathlib.Path
        UTF-8 CSV with columns ``id, label, type, title, affiliation,
        aliases, mentions, docs, events, neighbors``; lists joined by ``"; "``.

    Examples
    --------
    >>> import csv, tempfile, pathlib
    >>> from graphbuild.types import Actor, Extraction
    >>> ext = Extraction(actors=[Actor("John Kerry", "person", aliases=["Kerry", "John Kerry"])])
    >>> path = write_actors_csv(ext, pathlib.Path(tempfile.mkdtemp()) / "actors.csv")
    >>> next(csv.DictReader(path.open(encoding="utf-8", newline="")))["aliases"]
    'Kerry; John Kerry'
    """
    return write_rows_csv(path, ACTOR_COLUMNS, actors_table(_as_graph(extraction_or_G), as_frame=False))


def write_rows_csv(
    path: str | os.PathLike[str], columns: Iterable[str], rows: list[dict[str, Any]]
) -> Path:
    """Write ``rows`` (dicts) as UTF-8 CSV with ``columns``: None is an empty cell, lists are joined by ``"; "``."""
    columns = list(columns)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)  # quotes cells with commas, quotes or newlines (RFC 4180)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return atomic_write_text(path, buf.getvalue())


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


# ---------------------------------------------------------------------------
# dispatch


def write(
    G_or_extraction: nx.Graph | Extraction,
    path: str | os.PathLike[str],
    format: str | None = None,
) -> Path:
    """Write a graph (or an extraction, turned into a graph) in the format of ``path``.

    Parameters
    ----------
    G_or_extraction : networkx.Graph or Extraction
    path : str or path
        ``.json`` writes node-link JSON, ``.graphml`` GraphML, ``.gexf``
        GEXF and ``.csv`` the events CSV.
    format : {"json", "graphml", "gexf", "csv"}, optional
        Overrides the suffix.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    GraphbuildError
        For a format (or suffix) that is not one of the above.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write(nx.MultiDiGraph(), folder / "g.graphml").name
    'g.graphml'
    >>> write(nx.MultiDiGraph(), folder / "g.png")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphbuild.types.GraphbuildError: cannot write '.png' files; use one of: ...
    """
    if format is None:
        suffix = Path(path).suffix.lower()
        format = next((f for f, s in FORMATS.items() if s == suffix), None)
        if format is None:
            raise GraphbuildError(
                f"cannot write {suffix or 'suffix-less'!r} files; use one of: "
                + ", ".join(FORMATS.values())
            )
    fmt = format.lower().lstrip(".")
    if fmt == "csv":
        return write_events_csv(G_or_extraction, path)
    writers: dict[str, Callable[[nx.Graph, str | os.PathLike[str]], Path]] = {
        "json": write_node_link_json,
        "graphml": write_graphml,
        "gexf": write_gexf,
    }
    if fmt not in writers:
        raise GraphbuildError(f"unknown format {format!r}; use one of: {', '.join(FORMATS)}")
    return writers[fmt](_as_graph(G_or_extraction), path)


# ---------------------------------------------------------------------------
# helpers


def _as_graph(obj: nx.Graph | Extraction) -> nx.Graph:
    if isinstance(obj, nx.Graph):
        return obj
    if isinstance(obj, Extraction):
        return build_graph(obj)
    raise GraphbuildError(f"expected a graph or an Extraction, not {type(obj).__name__}")


def _canonical(
    G: nx.Graph,
    attrs: Callable[[Mapping[str, Any], str], dict[str, Any]] = lambda d, _: dict(d),
    graph_attrs: Callable[[Mapping[str, Any]], dict[str, Any]] = dict,
) -> nx.Graph:
    """A copy of ``G`` with nodes, edges and attribute names in sorted order.

    Writers number attributes and elements in the order they meet them, so
    sorting here is what makes repeated writes byte-identical.  ``attrs``
    converts a node's or an edge's attributes (told which by its second
    argument).
    """
    H = G.__class__()
    H.graph.update(_sorted_dict(graph_attrs(G.graph)))
    H.add_nodes_from(
        (n, _sorted_dict(attrs(G.nodes[n], "node"))) for n in sorted(G, key=_sort_key)
    )
    if G.is_multigraph():
        edges = sorted(G.edges(keys=True, data=True), key=lambda e: tuple(map(_sort_key, e[:3])))
        for u, v, k, d in edges:
            H.add_edge(u, v, key=k, **_sorted_dict(attrs(d, "edge")))
    else:
        for u, v, d in sorted(G.edges(data=True), key=lambda e: tuple(map(_sort_key, e[:2]))):
            H.add_edge(u, v, **_sorted_dict(attrs(d, "edge")))
    return H


def _sort_key(x: Hashable) -> tuple[str, str]:
    # Node ids are strings in graphbuild, but a hand-made graph may mix types.
    return (type(x).__name__, str(x))


def _sorted_dict(d: Mapping[str, Any]) -> dict[str, Any]:
    return {k: d[k] for k in sorted(d, key=str)}


def _flat(d: Mapping[str, Any]) -> dict[str, Any]:
    """Attributes as XML formats can hold them: str, int, float or bool; None left out."""
    out: dict[str, Any] = {}
    for key, value in d.items():
        value = _flat_value(value)
        if value is not None:
            out[str(key)] = value
    return out


def _flat_value(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        if all(isinstance(v, (str, numbers.Number)) for v in items):
            return _XML_ILLEGAL.sub("", LIST_SEPARATOR.join(str(v) for v in items))
        return _XML_ILLEGAL.sub("", json.dumps(items, ensure_ascii=False, default=_json_default))
    if isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)
        return _XML_ILLEGAL.sub("", text)
    return _XML_ILLEGAL.sub("", str(value))


def _flat_graph_attrs(graph: Mapping[str, Any]) -> dict[str, Any]:
    # The events dict would be one huge JSON string in a single cell: leave
    # it to node-link JSON and the events CSV.
    return _flat({k: v for k, v in graph.items() if k != "events"})


def _gexf_attrs(d: Mapping[str, Any], where: str) -> dict[str, Any]:
    out = {}
    for key, value in _flat(d).items():
        if where == "edge" and key in _GEXF_EDGE_RENAMES:
            key = _GEXF_EDGE_RENAMES[key]
        elif key in _GEXF_RESERVED or _bad_gexf_weight(key, value, where):
            key += "_"
        out[key] = value
    return out


def _gexf_dynamic_attrs(d: Mapping[str, Any], where: str) -> dict[str, Any]:
    bounds = {k: d[k] for k in ("start", "end") if d.get(k) is not None}
    out = _gexf_attrs({k: v for k, v in d.items() if k not in bounds}, where)
    out.update(bounds)
    return out


def _bad_gexf_weight(key: str, value: Any, where: str) -> bool:
    # GEXF's edge weight must be a number; any other "weight" is an attribute.
    return where == "edge" and key == "weight" and isinstance(value, str)


def _json_default(value: Any) -> Any:
    """JSON for the few non-JSON values a graph may carry."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise GraphbuildError(f"cannot write a {type(value).__name__} value as JSON: {value!r}")
