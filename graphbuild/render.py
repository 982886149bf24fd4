"""Draw a graphbuild graph as one self-contained, interactive HTML page.

Rendering is two steps, like displaCy: :func:`page_data` turns the
``networkx.MultiDiGraph`` described in ``docs/graph-schema.md`` into plain
node/edge/event dicts (the aggregated view: one edge per unordered node
pair), and :func:`render_html` turns those dicts into HTML.  :func:`show`
wraps the page for Jupyter and :func:`to_pyvis` hands the aggregated view to
users who want pyvis's own ``Network`` object.

The page inlines vis-network 9.1.2 (read from the installed pyvis package),
its CSS, our script and the data, so it opens from ``file://`` with no
network.  Security rules the page follows, because every string in the graph
may come from an article:

* the data travels as JSON in ``<script type="application/json">`` with
  ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\u003c`` etc., so no
  article text can close the block;
* the page script builds the side panel with ``createElement`` and
  ``textContent`` only, and gives vis-network plain-text tooltips (vis-network
  9.1.2 puts a string ``title`` in with ``innerText``; only ``Element`` titles
  are inserted as nodes);
* an article's source becomes a link only when it is an http(s) URL (checked
  here and again in the page), so no ``javascript:`` URL is ever followed;
* a Content-Security-Policy ``<meta>`` allows only the page's own two inline
  scripts (by SHA-256 hash) and no network fetches at all, so even an
  escaping mistake could neither run injected script nor load anything.

Large graphs (more than :data:`LARGE_GRAPH` nodes) are laid out in Python
by :func:`graphbuild.layout.force_layout` (ForceAtlas2 forces with FFT repulsion: under a
second at 5,000 nodes) and drawn without physics; the page then strokes the
edges and node labels on the canvas itself instead of giving them to
vis-network, whose per-edge objects and up-front label measuring take
seconds at that size.  Small graphs use vis-network's physics for 200
iterations, then stop.

vis-network.min.js contains a few URL strings (licence banners of core-js and
vis, an error message naming a GitHub page, the SVG namespace
``http://www.w3.org/2000/svg``); none is a resource the browser fetches.  Its
``sourceMappingURL`` comment is dropped so developer tools do not look for a
map file next to the page.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping, Union

import networkx as nx

from . import graph
from .event_types import REGISTRY
from .layout import LAYOUTS, LayoutFunc, layout_positions
from .types import EVENT_TYPES, STATUSES, GraphbuildError
from .util import atomic_write_text, data_path

if TYPE_CHECKING:  # pragma: no cover - typing only; pyvis is imported lazily
    from pyvis.network import Network

__all__ = [
    "page_data",
    "render_html",
    "show",
    "to_pyvis",
    "NotebookPage",
    "LARGE_GRAPH",
    "NODE_COLORS",
    "EVENT_COLORS",
]

#: Above this many drawn nodes the page gets positions computed in Python and
#: no physics: vis-network's own physics and ``improvedLayout`` take tens of
#: seconds (or minutes) on thousands of nodes.
LARGE_GRAPH = 300

# vis-network's ``improvedLayout`` (Kamada-Kawai seeding) is quadratic; only
# worth it on small graphs laid out by physics in the browser.
_IMPROVED_LAYOUT_MAX = 150
_STABILIZATION_ITERATIONS = 200
_VIS_DIR = ("lib", "vis-9.1.2")
_TEMPLATE_FILES = ("page.html", "page.css", "page.js", "loader.js")
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
# An article's address the panel links to: a web page, never a javascript: or data: URL.
_WEB_LINK = re.compile(r"^https?://\S+$", re.IGNORECASE)
_CSS_LENGTH = re.compile(r"^\d+(\.\d+)?(px|%|em|rem|vh|vw)$")
_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}
_NODE_FIELDS = ("title", "affiliation", "country", "code", "lat", "lon")
_EVENT_FIELDS = (
    "type", "status", "date", "date_text", "place", "trigger", "cameo", "quote",
    "sentence", "doc", "start", "end", "cluster", "reports",
)

#: Colours of nodes by type and of edges by (dominant) event type, shared by
#: the page (through :func:`page_data`) and :func:`to_pyvis`.
NODE_COLORS: Mapping[str, str] = MappingProxyType({
    "person": "#4E79A7",
    "organization": "#F28E2B",
    "state": "#E15759",
    "group": "#B07AA1",
    "place": "#59A14F",
})
#: Edge colours come from the event-type registry (``data/event_types.json``).
EVENT_COLORS: Mapping[str, str] = MappingProxyType({name: t.color for name, t in REGISTRY.items()})
_OTHER_COLOR = "#9AA0A6"



# --------------------------------------------------------------------------
# graph -> plain dicts
# --------------------------------------------------------------------------


def page_data(
    G: nx.Graph,
    *,
    layout: str | LayoutFunc | None = None,
    physics: bool | None = None,
    top: int | None = None,
) -> dict[str, Any]:
    """Turn a graphbuild graph into the plain dicts the page draws.

    The result is the aggregated view: one edge per unordered node pair that
    lists every event between the two, its number of events, its dominant
    event type (most events; ties go to the type listed first in
    :data:`graphbuild.types.EVENT_TYPES`) and whether it is dashed (no event of
    the pair occurred: all planned, proposed, negated or hypothetical).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph as described in ``docs/graph-schema.md``.  Any networkx graph
        whose nodes and edges carry those attributes works.
    layout : {"physics", "force", "spring", "circular"} or callable, optional
        ``"physics"`` lets vis-network lay the graph out in the browser
        (bounded stabilisation, then physics off); ``"force"`` is graphbuild's
        force-directed layout computed in Python (a fraction of a second at
        5,000 nodes); ``"spring"`` and ``"circular"`` are the networkx layouts
        (``"spring"`` needs scipy above 500 nodes).  A callable receives the
        aggregated ``networkx.Graph`` (edge attribute ``weight``) and returns
        ``{node: (x, y)}``.  By default graphs of at most
        :data:`LARGE_GRAPH` nodes use ``"physics"`` and larger ones ``"force"``.
    physics : bool, optional
        Whether vis-network runs its physics (200 stabilisation iterations,
        then off).  Defaults to on for ``"physics"`` and off otherwise;
        ``physics=False`` without a layout selects ``"force"``.
    top : int, optional
        Keep only the ``top`` most important actors and the places linked to
        them (:func:`graphbuild.graph.top_actors`).

    Returns
    -------
    dict
        JSON-ready dict with keys ``name``, ``documents``, ``counts``,
        ``layout``, ``event_types``, ``statuses``, ``dates``, ``colors``,
        ``nodes`` (each with the ids of every event it takes part in, with an
        edge or not), ``edges``, ``affiliations`` (``{from, to, sentence, doc}``
        for each tie of an actor to the state or organization it serves: not
        events, so they count for no weight), ``same`` (``[state, place]``
        pairs that name one country), ``document_titles`` and
        ``document_links`` (document id -> title, and -> web address when its
        source is an http(s) URL, for the articles the events cite) and
        ``events`` (each with ``doc_date``, its article's date, when it has
        no ISO date of its own; events of one happening share ``cluster``).
        ``counts["events_unplaced"]`` is the number of the graph's events
        that name no node (the page says so).  Every string is still raw article text:
        escaping happens in :func:`render_html`.

    Raises
    ------
    GraphbuildError
        When ``G`` is not a graph, on an unknown layout, a bad ``top`` or
        ``layout="physics"`` with ``physics=False``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(events={})
    >>> G.add_node("actor:a", kind="actor", label="A", type="person")
    >>> G.add_node("actor:b", kind="actor", label="B", type="state")
    >>> G.add_edge("actor:a", "actor:b", key="event:1", event="event:1",
    ...            type="meeting", status="occurred", sentence="A met B.")
    'event:1'
    >>> d = page_data(G)
    >>> [(e["from"], e["to"], e["count"], e["type"]) for e in d["edges"]]
    [('actor:a', 'actor:b', 1, 'meeting')]
    """
    if not isinstance(G, nx.Graph):
        raise GraphbuildError(f"expected a graph from graphbuild.build_graph, not {type(G).__name__}")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise GraphbuildError(f"top must be a positive whole number, not {top!r}")

    nodes_before = G.number_of_nodes()
    if top is not None:
        G = graph.top_actors(G, top)
    events = {str(eid): _event_dict(str(eid), rec) for eid, rec in graph.event_records(G).items()}
    node_ids = sorted(G.nodes, key=str)
    nodes_attrs = {str(n): G.nodes[n] for n in node_ids}
    keep = set(nodes_attrs)

    # One edge per unordered pair of distinct nodes, with its distinct events
    # (an event with a target and a place gives two edges per actor).  Widths
    # and weights count happenings (graph.aggregate: the reports of one
    # happening count once); the panel groups the reports by happening.
    pairs: dict[tuple[str, str], set[str]] = {}
    happenings: dict[tuple[str, str], int] = {}
    for u, v, attrs in graph.aggregate(G, attributes=False).edges(data=True):
        if u != v:
            a, b = sorted((str(u), str(v)))
            pairs[(a, b)] = set(attrs["events"])
            happenings[(a, b)] = attrs["weight"]
    # Ties of an actor to the state or organization it serves: not events.
    ties: dict[tuple[str, str], Mapping[str, Any]] = {}
    for u, v, attrs in G.edges(data=True):
        if u != v and not graph.is_event_edge(attrs):
            ties.setdefault((str(u), str(v)), attrs)

    weight: Counter[str] = Counter()
    for pair, n in happenings.items():
        weight[pair[0]] += n
        weight[pair[1]] += n

    # Every event is in the panel of each node taking part, with an edge or
    # not: a source with no target, a target with no source, a place alone.
    node_events: dict[str, set[str]] = {n: set() for n in keep}
    for eid, ev in events.items():
        for n in (ev["source_id"], *ev["target_ids"], ev["place_id"]):
            if n in keep:
                node_events[n].add(eid)
    for (a, b), evs in pairs.items():
        node_events[a] |= evs
        node_events[b] |= evs
    events_total = len(events)
    used = set().union(*node_events.values()) if node_events else set()
    events = {eid: ev for eid, ev in events.items() if eid in used}
    # An event that gives no date of its own is dated by its article, when that has one.
    doc_dates = G.graph.get("document_dates") or {}
    for ev in events.values():
        ev["doc_date"] = None if _iso_day(ev["date"]) else _iso_day(doc_dates.get(ev["doc"]))
    # Titles and web addresses of the articles the panel cites.
    cited = {ev["doc"] for ev in events.values() if ev["doc"]}
    titles = G.graph.get("document_titles") or {}
    sources = G.graph.get("document_sources") or {}
    doc_titles = {d: _text(titles[d]) for d in sorted(cited) if _text(titles.get(d))}
    doc_links = {d: sources[d] for d in sorted(cited) if isinstance(sources.get(d), str) and _WEB_LINK.match(sources[d])}
    labels = {i: _node_label(nodes_attrs[i], i) for i in keep}
    for ev in events.values():
        _fill_labels(ev, labels)

    def chronological(eid: str) -> tuple[str, str, int, str]:
        # Dates that are not ISO ("next Monday") go last.
        ev = events[eid]
        day = _iso_day(ev.get("date")) or ev["doc_date"] or "~"
        return (day, str(ev.get("doc") or ""), _int(ev.get("start")), eid)

    # Ranked once: lists of a hub's events are sorted many times over.
    order = {eid: i for i, eid in enumerate(sorted(events, key=chronological))}.__getitem__
    nodes = [
        _node_dict(i, nodes_attrs[i], weight[i], sorted(node_events[i], key=order))
        for i in sorted(keep)
    ]
    edges = []
    for n, ((a, b), evs) in enumerate(sorted(pairs.items())):
        ids = sorted(evs, key=order)
        types = Counter(events[e]["type"] for e in ids)
        edges.append(
            {
                "id": f"e{n}",
                "from": a,
                "to": b,
                "events": ids,
                "count": happenings[(a, b)],
                "type": _dominant(types),
                "dashed": not any(events[e]["status"] == "occurred" for e in ids),
            }
        )

    affiliations = [
        {"from": a, "to": b, "sentence": _text(attrs.get("sentence")), "doc": _text(attrs.get("doc"))}
        for (a, b), attrs in sorted(ties.items()) if a in keep and b in keep
    ]
    layout_info = _place_nodes(nodes, edges, layout=layout, physics=physics)
    dates = sorted(d for d in (_iso_day(ev["date"]) or ev["doc_date"] for ev in events.values()) if d)
    return {
        "name": _text(G.graph.get("name")) or "",
        "documents": sorted(_text(d) or "" for d in G.graph.get("documents", []) or []),
        "counts": {
            "actors": sum(1 for n in nodes if n["kind"] != "place"),
            "places": sum(1 for n in nodes if n["kind"] == "place"),
            "events": len(events),
            "events_unplaced": events_total - len(events),
            "edges": len(edges),
            "nodes_dropped": nodes_before - len(nodes),
        },
        "layout": layout_info,
        "event_types": _ordered(EVENT_TYPES, (ev["type"] for ev in events.values())),
        "statuses": _ordered(STATUSES, (ev["status"] for ev in events.values())),
        "dates": {"min": dates[0], "max": dates[-1]} if dates else None,
        "colors": {"nodes": dict(NODE_COLORS), "events": dict(EVENT_COLORS), "other": _OTHER_COLOR},
        "nodes": nodes,
        "edges": edges,
        "affiliations": affiliations,
        "same": _same_country(nodes),
        "document_titles": doc_titles,
        "document_links": doc_links,
        "events": {eid: events[eid] for eid in sorted(events)},
    }


def _same_country(nodes: list[dict[str, Any]]) -> list[list[str]]:
    """``[state, place]`` pairs that name one country: a state actor and the place of that name.

    The page links the two and puts the state at the place on the map.
    """
    places: dict[str, list[str]] = {}
    for n in nodes:
        if n["kind"] == "place":
            for name in {n["label"], *n["aliases"]}:
                places.setdefault(name.casefold(), []).append(n["id"])
    pairs = set()
    for n in nodes:
        if n["kind"] != "place" and n["type"] == "state":
            for pid in places.get(n["label"].casefold(), ()):
                pairs.add((n["id"], pid))
    return [list(p) for p in sorted(pairs)]


def _event_dict(eid: str, src: Mapping[str, Any]) -> dict[str, Any]:
    ev: dict[str, Any] = {"id": eid}
    for f in _EVENT_FIELDS:
        ev[f] = _clean(src.get(f))
    ev["type"] = ev["type"] or "event"
    ev["status"] = ev["status"] or "occurred"
    ev["source"] = _text(src.get("source"))
    ev["targets"] = [_text(t) or "" for t in src.get("targets") or []]
    sid = src.get("source_id")
    ev["source_id"] = str(sid) if sid not in (None, "") else None
    ev["target_ids"] = [str(t) for t in src.get("target_ids") or []]
    pid = src.get("place_id")
    ev["place_id"] = str(pid) if pid not in (None, "") else None
    return ev


def _fill_labels(ev: dict[str, Any], labels: Mapping[str, str]) -> None:
    """Give edge-built events the labels of their nodes (kept nodes only)."""
    if not ev.get("source") and ev.get("source_id") in labels:
        ev["source"] = labels[ev["source_id"]]
    if not ev.get("targets") and ev.get("target_ids"):
        ev["targets"] = [labels.get(t, t) for t in ev["target_ids"]]


def _node_dict(nid: str, attrs: Mapping[str, Any], weight: int, events: list[str]) -> dict[str, Any]:
    place = _is_place(attrs, nid)
    node: dict[str, Any] = {
        "id": nid,
        "label": _node_label(attrs, nid),
        "kind": "place" if place else "actor",
        "type": _text(attrs.get("type")) or ("place" if place else "actor"),
        "aliases": [_text(a) or "" for a in attrs.get("aliases") or []],
        "mentions": _int(attrs.get("mentions")),
        "docs": [_text(d) or "" for d in attrs.get("docs") or []],
        "weight": weight,
        "events": events,
    }
    for f in _NODE_FIELDS:
        node[f] = _clean(attrs.get(f))
    node["sectors"] = _codes_list(attrs.get("sectors"))
    return node


def _codes_list(value: Any) -> list[str]:
    """CAMEO sector codes as a list; GraphML and GEXF hold them joined ("GOV; MIL")."""
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return [_text(v) or "" for v in value or []]


def _is_place(attrs: Mapping[str, Any], nid: str) -> bool:
    return attrs.get("kind") == "place" or (attrs.get("kind") is None and nid.startswith("place:"))


def _node_label(attrs: Mapping[str, Any], nid: str) -> str:
    return _text(attrs.get("label")) or nid.split(":", 1)[-1]


def _dominant(types: Counter[str]) -> str:
    rank = {t: i for i, t in enumerate(EVENT_TYPES)}
    return min(types, key=lambda t: (-types[t], rank.get(t, len(rank)), t))


def _ordered(known: tuple[str, ...], values: Any) -> list[str]:
    present = set(values)
    return [v for v in known if v in present] + sorted(present - set(known))


_ISO = re.compile(r"^(\d{4})(-\d{2})?(-\d{2})?")


def _iso_day(value: Any) -> str | None:
    """First day covered by an ISO date (``"2016-05"`` -> ``"2016-05-01"``); None otherwise."""
    m = _ISO.match(value) if isinstance(value, str) else None
    if not m:
        return None
    return m.group(1) + (m.group(2) or "-01") + (m.group(3) or "-01")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _clean(value: Any) -> Any:
    """A JSON-safe scalar: NaN/inf (which JSON.parse rejects) become None."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    try:
        f = float(value)  # numpy scalars
    except (TypeError, ValueError):
        return str(value)
    return f if math.isfinite(f) else None


# --------------------------------------------------------------------------
# layout
# --------------------------------------------------------------------------


def _place_nodes(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    *,
    layout: str | LayoutFunc | None,
    physics: bool | None,
) -> dict[str, Any]:
    """Choose the layout, compute positions when Python does it, and say how the page should draw."""
    n = len(nodes)
    large = n > LARGE_GRAPH
    if layout is None:
        name = "force" if (large or physics is False) else "physics"
    elif callable(layout):
        name = "custom"
    elif layout in LAYOUTS:
        name = layout
    else:
        raise GraphbuildError(
            f"unknown layout {layout!r}: use one of {', '.join(LAYOUTS)} or a function"
        )
    if name == "physics":
        if physics is False:
            raise GraphbuildError("layout='physics' needs physics; choose another layout")
        use_physics = True
    else:
        use_physics = bool(physics)
        positions = layout_positions(
            [nd["id"] for nd in nodes],
            [(e["from"], e["to"], e["count"]) for e in edges],
            layout if callable(layout) else name,
        )
        for node in nodes:
            x, y = positions[node["id"]]
            node["x"], node["y"] = x, y
    return {
        "name": name,
        "physics": use_physics,
        "stabilization": _STABILIZATION_ITERATIONS if use_physics else 0,
        "improved": name == "physics" and n <= _IMPROVED_LAYOUT_MAX,
        "large": large,
        # Large still graphs: the page strokes edges itself (see page.js);
        # physics needs vis-network's edges as springs.
        "edge_layer": large and not use_physics,
    }



# --------------------------------------------------------------------------
# dicts -> HTML
# --------------------------------------------------------------------------


def render_html(
    G: Union[nx.Graph, Mapping[str, Any]],
    path: str | os.PathLike[str] | None = None,
    *,
    title: str = "graphbuild network",
    layout: str | LayoutFunc | None = None,
    physics: bool | None = None,
    top: int | None = None,
) -> str:
    """One self-contained interactive HTML page of the graph.

    Parameters
    ----------
    G : networkx.MultiDiGraph or dict
        A graphbuild graph, or the dict :func:`page_data` returned for one
        (then ``layout``, ``physics`` and ``top`` are ignored).
    path : str or os.PathLike, optional
        Where to write the page (atomically; parent folders are created).
    title : str
        Page title and heading (escaped).
    layout, physics, top
        As in :func:`page_data`.

    Returns
    -------
    str
        The HTML.  The same graph and options always give the same bytes.

    Examples
    --------
    >>> import networkx as nx
    >>> page = render_html(nx.MultiDiGraph(), title="empty")
    >>> "Nothing to show" in page
    True
    """
    data = G if isinstance(G, Mapping) else page_data(G, layout=layout, physics=physics, top=top)
    page = _page(data, title, _assets())
    if path is not None:
        atomic_write_text(path, page)
    return page


def _page(data: Mapping[str, Any], title: str, assets: Mapping[str, str], shared: str | None = None) -> str:
    """The page of ``data``; with ``shared`` (an assets key), without vis-network, the page
    script, their styles and the map, which the notebook sends (see ``loader.js``)."""
    scripts = [assets["loader.js"]] if shared else [assets["vis.js"], assets["page.js"]]
    # Script hashes let the CSP allow exactly the page's own inline scripts.
    allowed = [assets["vis.js"], assets["page.js"]] + scripts[:1] * bool(shared)
    csp = (
        "default-src 'none'; "
        f"script-src {' '.join(chr(39) + _sha256(s) + chr(39) for s in allowed)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    empty = (
        '<p class="empty" id="empty">Nothing to show: the graph has no actors or places.</p>'
        if not data.get("nodes")
        else ""
    )
    values = {
        "TITLE": html.escape(title, quote=True),
        "CSP": html.escape(csp, quote=True),
        "VIS_CSS": "" if shared else assets["vis.css"],
        "PAGE_CSS": assets["page.css"],
        "SCRIPTS": "\n".join(f"<script>{s}</script>" for s in scripts),
        "BODY_ATTRS": f' data-assets="{shared}"' if shared else "",
        "DATA": _script_json(data),
        "WORLD": "" if shared else assets["world.json"],
        "EMPTY": empty,
    }
    # One pass: text substituted in is never scanned for placeholders again,
    # so an article containing "@@DATA@@" cannot reshape the page.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], assets["page.html"])


def _shared_assets(assets: Mapping[str, str]) -> tuple[str, str]:
    """(key, script): a notebook script that keeps the assets a shared page asks for."""
    names = ("vis.js", "page.js", "vis.css")
    bundle = {n: assets[n] for n in names}
    bundle["world"] = assets["world.json"]
    # ASCII only: the notebook page's encoding cannot change a byte of what the frame hashes.
    text = json.dumps(bundle, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    script = (
        "(function(){var A=window.__graphbuildAssets=window.__graphbuildAssets||{};"
        f'A["{key}"]={text.translate(_JSON_ESCAPES)};'
        "if(window.__graphbuildServes)return;window.__graphbuildServes=true;"
        'window.addEventListener("message",function(e){var m=e.data;'
        'if(m&&m.graphbuild==="assets?"&&typeof m.key==="string"&&'
        "Object.prototype.hasOwnProperty.call(A,m.key)&&e.source)"
        'e.source.postMessage({graphbuild:"assets",key:m.key,assets:A[m.key]},"*");});})();'
    )
    return key, script


def _script_json(data: Mapping[str, Any]) -> str:
    """JSON that cannot end its ``<script>`` block or break a JS parser."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_JSON_ESCAPES)


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _assets() -> dict[str, str]:
    """Template files and vis-network's JS/CSS, read from the installed packages.

    Read on every call rather than cached in a module global: rendering
    dominates anyway and the files are small.
    """
    here = resources.files("graphbuild") / "templates"
    out = {name: (here / name).read_text(encoding="utf-8") for name in _TEMPLATE_FILES}
    try:
        vis = resources.files("pyvis").joinpath(*_VIS_DIR)
        vis_js = vis.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        vis_css = vis.joinpath("vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise GraphbuildError(
            "vis-network 9.1.2 ships with pyvis 0.3.2; install it with pip install pyvis==0.3.2"
        ) from exc
    # Country outlines for the map (Natural Earth via world-atlas; see data/world_LICENSE.txt).
    world = data_path("world.json").read_text(encoding="utf-8")
    out["world.json"] = world.strip().translate(_JSON_ESCAPES)
    out["vis.js"] = re.sub(r"\n?//# sourceMappingURL=\S*\s*$", "\n", vis_js)
    out["vis.css"] = re.sub(r"/\*# sourceMappingURL=\S* \*/\s*$", "\n", vis_css)
    # Inlined code must not be able to close its own element early.
    for name, closer in (("vis.js", "</script"), ("page.js", "</script"), ("loader.js", "</script"),
                         ("vis.css", "</style"), ("page.css", "</style")):
        low = out[name].lower()
        if closer in low or "<!--" in low:
            raise GraphbuildError(f"{name} contains {closer!r} or '<!--' and cannot be inlined")
    return out


# --------------------------------------------------------------------------
# Jupyter
# --------------------------------------------------------------------------


_UNTRUSTED_NOTE = (
    "graphbuild network: an interactive page of actors, places and events. If you read this "
    "instead of the network, the notebook is not trusted: trust it (File > Trust Notebook) or run "
    "the cell again; or save the page with .save('network.html') and open it in a browser."
)


@dataclass(frozen=True)
class NotebookPage:
    """A rendered page that Jupyter displays in a sandboxed iframe.

    Attributes
    ----------
    html : str
        The full, self-contained page, as :func:`render_html` returns it
        (what :meth:`save` writes).
    height, width : str
        CSS size of the iframe.
    frame : str, optional
        The page the iframe shows when the notebook shares the scripts:
        without vis-network, the page script and the map, which it asks the
        notebook for (None: the iframe shows ``html``).
    assets : str, optional
        The notebook script that keeps those shared scripts: given by the
        first view of a session only.
    """

    html: str
    height: str = "650px"
    width: str = "100%"
    frame: str | None = None
    assets: str | None = None

    def _repr_html_(self) -> str:
        # srcdoc keeps the page in the notebook file (no side files) and the
        # sandbox without allow-same-origin keeps its script away from the
        # notebook's own page.  The note under the frame is covered by it; an
        # untrusted notebook strips the frame and the note shows instead.
        carrier = f"<script>{self.assets}</script>" if self.assets else ""
        return (
            '<div class="graphbuild-notebook" style="position:relative;width:100%">'
            '<p style="position:absolute;top:0;left:0;margin:8px;z-index:0;color:#57606a">'
            f"{html.escape(_UNTRUSTED_NOTE)}</p>"
            f'<iframe srcdoc="{html.escape(self.frame or self.html, quote=True)}" '
            f'style="position:relative;z-index:1;background:#fff;width:{self.width};height:{self.height};'
            'border:1px solid #ddd" sandbox="allow-scripts" title="graphbuild network"></iframe>'
            f"{carrier}</div>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """HTML for Jupyter, and a plain-text note for front ends that show no HTML."""
        return {"text/html": self._repr_html_(), "text/plain": _UNTRUSTED_NOTE}

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the self-contained page to ``path`` atomically."""
        atomic_write_text(path, self.html)

    def display(self) -> None:
        """Display now (IPython's ``display``), e.g. from inside a loop."""
        try:
            from IPython.display import HTML, display
        except ImportError as exc:
            raise GraphbuildError("display() needs IPython; return the object instead") from exc
        display(HTML(self._repr_html_()))


# Keys of the shared scripts this Python process has already given a notebook.
_ASSETS_GIVEN: set[str] = set()


def show(
    G: Union[nx.Graph, Mapping[str, Any]],
    height: str = "650px",
    *,
    width: str = "100%",
    title: str = "graphbuild network",
    layout: str | LayoutFunc | None = None,
    physics: bool | None = None,
    top: int | None = None,
    standalone: bool = False,
) -> NotebookPage:
    """The page for Jupyter: the last expression of a cell displays it.

    The views of one session share their scripts: the first carries
    vis-network, the page script and the map outlines (about 0.6 MB) into
    the notebook once, and every later view (a few kilobytes plus its data)
    asks for them, so a notebook with many views stays light.  A view whose
    carrier is gone (its output cleared, the notebook reopened untrusted)
    says to run its cell again.

    Parameters
    ----------
    G : networkx.MultiDiGraph or dict
        As in :func:`render_html`.
    height, width : str
        CSS lengths of the iframe, e.g. ``"650px"`` or ``"100%"``.
    title, layout, physics, top
        As in :func:`render_html`.
    standalone : bool, optional
        Put everything in this view's frame, sharing nothing.

    Returns
    -------
    NotebookPage
        An object with ``_repr_html_`` (no IPython needed to build it).

    Examples
    --------
    >>> import networkx as nx
    >>> show(nx.MultiDiGraph(), height="300px")._repr_html_().startswith("<div")
    True
    """
    for name, value in (("height", height), ("width", width)):
        if not _CSS_LENGTH.match(str(value)):
            raise GraphbuildError(f"{name} must be a CSS length such as '650px' or '100%', not {value!r}")
    data = G if isinstance(G, Mapping) else page_data(G, layout=layout, physics=physics, top=top)
    assets = _assets()
    page = _page(data, title, assets)
    if standalone:
        return NotebookPage(page, height=height, width=width)
    key, script = _shared_assets(assets)
    carrier = key not in _ASSETS_GIVEN
    _ASSETS_GIVEN.add(key)
    return NotebookPage(page, height=height, width=width, frame=_page(data, title, assets, shared=key),
                        assets=script if carrier else None)


# --------------------------------------------------------------------------
# pyvis
# --------------------------------------------------------------------------

def to_pyvis(
    G: nx.Graph,
    *,
    top: int | None = None,
    height: str = "750px",
    width: str = "100%",
) -> "Network":
    """The aggregated view as a ``pyvis.network.Network``.

    Built with ``Network.from_nx`` on a new graph made from :func:`page_data`,
    so ``G`` is never modified (``from_nx`` rewrites the attributes of the
    graph it is given).  Tooltips are HTML-escaped because pyvis's template
    can insert them with ``innerHTML``.  pyvis's page loads Bootstrap and, by
    default, vis-network from CDNs; :func:`render_html` is the offline page.
    pyvis's ``add_edge`` scans every edge, so this takes minutes on tens of
    thousands of edges.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graphbuild graph.
    top : int, optional
        As in :func:`page_data`.
    height, width : str
        Passed to ``pyvis.network.Network``.

    Returns
    -------
    pyvis.network.Network
    """
    from pyvis.network import Network

    data = page_data(G, layout="physics", top=top)
    H = nx.Graph()
    for node in data["nodes"]:
        tip = node["label"] + f" ({node['type']}, {node['weight']} events)"
        H.add_node(
            node["id"],
            label=node["label"],
            title=html.escape(tip, quote=True),
            color=NODE_COLORS.get(node["type"], _OTHER_COLOR),
            shape="square" if node["kind"] == "place" else "dot",
            size=int(10 + 4 * math.sqrt(node["weight"])),
        )
    for edge in data["edges"]:
        tip = f"{edge['count']} events, mostly {edge['type']}"
        H.add_edge(
            edge["from"],
            edge["to"],
            weight=round(1 + 1.5 * math.log2(edge["count"]), 2),
            color=EVENT_COLORS.get(edge["type"], _OTHER_COLOR),
            dashes=edge["dashed"],
            title=html.escape(tip, quote=True),
        )
    net = Network(height=height, width=width, directed=False, cdn_resources="in_line")
    net.from_nx(H)
    return net
