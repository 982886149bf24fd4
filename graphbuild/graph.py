"""Build the actor/event network from an extraction, and analyse it.

:func:`build_graph` turns an :class:`~graphbuild.types.Extraction` into the
``networkx.MultiDiGraph`` described in ``docs/graph-schema.md``: one node per
actor or place, one edge per (event, counterpart), and every event -- with or
without an edge -- under ``G.graph["events"]``.

Everything else here takes that graph first and returns something new
(a graph, a dict, a list of rows); nothing mutates its input.  This module
never imports spaCy, so analysing a saved graph needs no language model.
"""
from __future__ import annotations

import copy
import difflib
import json
import os
import re
import warnings
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Hashable, Iterable, Mapping

import networkx as nx

from graphbuild.types import EVENT_TYPES, STATUSES, Event, Extraction, GraphbuildError

__all__ = [
    "CENTRALITY_KINDS",
    "EVENT_COLUMNS",
    "ACTOR_COLUMNS",
    "build_graph",
    "aggregate",
    "centrality",
    "communities",
    "ego_graph",
    "filter_events",
    "min_weight",
    "top_actors",
    "actors_table",
    "events_table",
    "is_event_edge",
    "AFFILIATION",
    "event_records",
    "ranking",
    "load_json",
    "read_named_file",
    "graph_from_json",
]

CENTRALITY_KINDS = ("degree", "betweenness", "pagerank", "weighted_degree")

# Columns of :func:`events_table`, in the order the CSV export writes them.
EVENT_COLUMNS = (
    "id", "doc", "type", "cameo", "goldstein", "quad_class", "status", "source", "targets", "place",
    "date", "date_text", "trigger", "quote", "sentence", "start", "end", "cluster", "reports",
)
ACTOR_COLUMNS = (
    "id", "label", "type", "title", "affiliation", "country", "sectors", "code", "aliases",
    "mentions", "docs", "events", "neighbors",
)
#: ``kind`` of an edge that ties an actor to the state or organization it serves (not an event).
AFFILIATION = "affiliation"

# Edge attributes copied from the event onto every edge it gives (schema order).
_EDGE_FIELDS = (
    "cameo", "goldstein", "quad_class", "status", "trigger", "date", "date_text", "place", "quote",
    "sentence", "doc", "start", "end", "cluster", "reports",
)

# "2016", "2016-05", "2016-05-02" and anything that starts with one ("2016-05-02T10:00").
_ISO_PREFIX = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\d])")
_ISO_BOUND = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# Edge keys are "<event id>" or "<event id>/<n>" (graph-schema.md).
_KEY_SUFFIX = re.compile(r"/\d+$")


# ---------------------------------------------------------------------------
# building


def build_graph(extraction: Extraction, *, name: str = "graphbuild") -> nx.MultiDiGraph:
    """Return the actor/event network of ``extraction`` (see ``docs/graph-schema.md``).

    Parameters
    ----------
    extraction : Extraction
        Resolved actors, places and events (a dict as written by
        ``Extraction.to_dict`` is accepted too).  It is not modified.
    name : str, optional
        Stored as ``G.graph["name"]``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes ``actor:<slug>`` and ``place:<slug>``; one edge from an event's
        source to each target and one ``type="at"`` edge from each actor taking
        part to the event's place.  Edge keys are the event id, or
        ``"<event id>/<n>"`` (n from 0) when the event gives several edges.
        ``G.graph["events"]`` holds every event, including those without an
        edge; ids the extraction left empty are filled in there from the labels.

    Warns
    -----
    UserWarning
        When the extraction has no actor or place (the graph is empty), and
        when some event names an actor or place that is not a node (that edge
        is skipped; the event stays in ``G.graph["events"]``).

    Notes
    -----
    Nodes and edges are added in sorted order (nodes by id, events by
    document, offset and id), so the same extraction always gives the same
    graph and the same files.  When ``source_id``/``target_ids``/``place_id``
    are empty, labels are looked up among labels then aliases, actors before
    places (the event's ``place`` only among places).

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> ext = Extraction(
    ...     actors=[Actor("John Kerry", "person", aliases=["Kerry"]),
    ...             Actor("Adel al-Jubeir", "person")],
    ...     events=[Event("meeting", "John Kerry", ["Adel al-Jubeir"], doc="a.txt",
    ...                   sentence="Kerry met Jubeir.")])
    >>> G = build_graph(ext)
    >>> sorted(G)
    ['actor:adel-al-jubeir', 'actor:john-kerry']
    >>> [(u, v, d["type"], d["sentence"]) for u, v, d in G.edges(data=True)]
    [('actor:john-kerry', 'actor:adel-al-jubeir', 'meeting', 'Kerry met Jubeir.')]
    """
    if isinstance(extraction, Mapping):
        extraction = Extraction.from_dict(extraction)
    if not isinstance(extraction, Extraction):
        raise GraphbuildError(
            f"build_graph needs an Extraction, not {type(extraction).__name__}"
        )
    events = sorted(extraction.events, key=lambda e: (e.doc, e.start, e.id))
    doc_ids = {d["id"] for d in extraction.documents if d.get("id")}
    doc_ids.update(e.doc for e in events if e.doc)
    def by_doc(field: str) -> dict[str, Any]:
        return dict(sorted((d["id"], d[field]) for d in extraction.documents if d.get("id") and d.get(field)))

    G = nx.MultiDiGraph(
        name=name, documents=sorted(doc_ids), document_dates=by_doc("date"),
        document_titles=by_doc("title"), document_sources=by_doc("source"), events={}
    )

    duplicates = 0
    for actor in sorted(extraction.actors, key=lambda a: a.id):
        if actor.id in G:
            duplicates += 1
            continue
        G.add_node(
            actor.id,
            kind="actor",
            label=actor.label,
            type=actor.type,
            aliases=list(actor.aliases),
            mentions=actor.mentions,
            title=actor.title,
            affiliation=actor.affiliation,
            country=actor.country,
            sectors=list(actor.sectors),
            code=actor.code,
            docs=list(actor.docs),
        )
    for place in sorted(extraction.places, key=lambda p: p.id):
        if place.id in G:
            duplicates += 1
            continue
        G.add_node(
            place.id,
            kind="place",
            label=place.label,
            type="place",
            aliases=list(place.aliases),
            mentions=place.mentions,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            docs=list(place.docs),
        )
    if G.number_of_nodes() == 0:
        warnings.warn(
            "the extraction has no actors or places: the graph is empty", stacklevel=2
        )

    index = _label_index(G)
    missing = 0
    for event in events:
        if event.id in G.graph["events"]:
            duplicates += 1
            continue
        record = event.to_dict()
        G.graph["events"][event.id] = record
        edges, unresolved = _event_edges(G, index, event, record)
        missing += unresolved
        for n, (u, v, etype) in enumerate(edges):
            key = event.id if len(edges) == 1 else f"{event.id}/{n}"
            G.add_edge(u, v, key=key, **_edge_attrs(event, etype))
    for actor in sorted(extraction.actors, key=lambda a: a.id):
        edge = _affiliation_edge(G, index, actor)
        if edge is not None:
            G.add_edge(actor.id, edge.pop("to"), key=f"{AFFILIATION}:{actor.id}", **edge)
    if missing:
        warnings.warn(
            f"{missing} event participant(s) name no actor or place in the extraction; "
            "their edges were skipped (the events are still in G.graph['events'])",
            stacklevel=2,
        )
    if duplicates:
        warnings.warn(
            f"{duplicates} duplicate actor, place or event id(s) were ignored "
            "(the first in sorted order was kept)",
            stacklevel=2,
        )
    return G


def _label_index(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Casefolded label or alias -> node ids, best match first.

    Labels rank before aliases and actors before places, so "Syria" the state
    wins over "Syria" the place unless the caller asks for places only.
    """
    ranked: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for node, data in G.nodes(data=True):
        place = int(data.get("kind") == "place")
        ranked[str(node).casefold()].append((0, place, node))
        if data.get("label"):
            ranked[str(data["label"]).casefold()].append((0, place, node))
        for alias in data.get("aliases") or ():
            ranked[str(alias).casefold()].append((1, place, node))
    index = {}
    for key, hits in ranked.items():
        seen: dict[str, None] = {}
        for _, _, node in sorted(hits):
            seen.setdefault(node, None)
        index[key] = list(seen)
    return index


def _lookup(
    G: nx.MultiDiGraph, index: Mapping[str, list[str]], label: str | None, kinds: tuple[str, ...]
) -> str | None:
    for node in index.get((label or "").casefold(), ()):
        if G.nodes[node].get("kind") in kinds:
            return node
    return None


def _event_edges(
    G: nx.MultiDiGraph, index: Mapping[str, list[str]], event: Event, record: dict[str, Any]
) -> tuple[list[tuple[str, str, str]], int]:
    """The (u, v, type) edges of ``event`` and how many participants found no node.

    Fills empty ids in ``record`` (a copy, never the event itself) with the
    nodes found from the labels.
    """
    unresolved = 0
    both = ("actor", "place")

    source = event.source_id or _lookup(G, index, event.source, both)
    if source and source not in G:
        source = None
    if source is None:
        unresolved += bool(event.source)  # an empty source is "not named in the text", not a dangling label
    elif not event.source_id:
        record["source_id"] = source

    if event.target_ids:
        candidates = list(event.target_ids)
    else:
        candidates = [_lookup(G, index, label, both) for label in event.targets]
    found = list(dict.fromkeys(t for t in candidates if t and t in G))
    unresolved += sum(1 for t in candidates if not t or t not in G)
    if found and not event.target_ids:
        record["target_ids"] = found  # in the order of the labels they stand for
    targets = sorted(found)

    place = event.place_id or (_lookup(G, index, event.place, ("place",)) if event.place else None)
    if place and place not in G:
        place = None
        unresolved += 1
    elif event.place and place is None:
        unresolved += 1
    elif place and not event.place_id:
        record["place_id"] = place

    edges: list[tuple[str, str, str]] = []
    if source is not None:
        edges.extend((source, t, event.type) for t in targets)
    if place is not None:
        # Places do not stand "at" places: only actors taking part get an edge.
        participants = {source, *targets} - {None, place}
        edges.extend(
            (p, place, "at")
            for p in sorted(participants)  # type: ignore[type-var]
            if G.nodes[p].get("kind") == "actor"
        )
    return edges, unresolved


def _edge_attrs(event: Event, etype: str) -> dict[str, Any]:
    attrs: dict[str, Any] = {"kind": "event", "event": event.id, "type": etype}
    attrs.update((f, getattr(event, f)) for f in _EDGE_FIELDS)
    return attrs


def _affiliation_edge(G: nx.MultiDiGraph, index: Mapping[str, list[str]], actor) -> dict[str, Any] | None:
    """The edge from ``actor`` to the actor named by its affiliation, with the sentence that says so."""
    if not actor.affiliation or actor.id not in G:
        return None
    to = _lookup(G, index, actor.affiliation, ("actor",))
    if to is None or to == actor.id:
        return None
    evidence = actor.affiliation_evidence or {}
    return {
        "to": to, "kind": AFFILIATION, "type": AFFILIATION,
        "sentence": evidence.get("sentence"), "doc": evidence.get("doc"),
        "start": evidence.get("start"), "end": evidence.get("end"),
    }


def is_event_edge(data: Mapping[str, Any]) -> bool:
    """Whether an edge stands for an event (not an affiliation tie).

    Graphs written before edges had a ``kind`` count as all-event.
    """
    return data.get("kind", "event") != AFFILIATION


def _event_edges_of(G: nx.Graph) -> Iterable[tuple[Hashable, Hashable, Hashable, dict[str, Any]]]:
    """(u, v, key, data) of the event edges only."""
    return ((u, v, k, d) for u, v, k, d in _edges(G) if is_event_edge(d))


def _affiliation_edges_among(G: nx.Graph, nodes: set) -> list[tuple[Hashable, Hashable, Hashable]]:
    return [(u, v, k) for u, v, k, d in _edges(G) if not is_event_edge(d) and u in nodes and v in nodes]


# ---------------------------------------------------------------------------
# helpers shared by the views below


def event_records(G: nx.Graph) -> dict[str, dict[str, Any]]:
    """Every event of ``G`` by id, those without an edge included.

    The one reading of a graph's events that the tables, the exports and the
    page share.  ``G.graph["events"]`` is authoritative (it also holds events
    with no target); events known only from edges (a graph read back from
    GraphML or GEXF has no ``events`` dict, or one made by hand) are rebuilt
    from the edge attributes: the type from a non-``at`` edge, ``source_id``
    and ``target_ids`` from those edges, ``place_id`` from the ``at`` edges,
    and the labels of those nodes.

    Parameters
    ----------
    G : networkx.MultiDiGraph

    Returns
    -------
    dict
        Event id -> a new dict (the graph is not modified), in the order of
        ``G.graph["events"]``, then of the edges.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("actor:a", label="A")
    >>> G.add_node("place:p", label="P", kind="place")
    >>> G.add_edge("actor:a", "actor:b", key="e1/0", event="e1", type="meeting")
    'e1/0'
    >>> G.add_edge("actor:a", "place:p", key="e1/1", event="e1", type="at")
    'e1/1'
    >>> r = event_records(G)["e1"]
    >>> r["type"], r["source"], r["target_ids"], r["place_id"]
    ('meeting', 'A', ['actor:b'], 'place:p')
    """
    records = {k: dict(v) for k, v in (G.graph.get("events") or {}).items()}
    rebuilt: dict[str, dict[str, Any]] = {}
    for u, v, k, d in _event_edges_of(G):
        eid = _edge_event(d, k)
        if eid in records:
            continue
        rec = rebuilt.get(eid)
        if rec is None or (rec.get("type") == "at" and d.get("type") != "at"):
            fresh = {f: d.get(f) for f in _EDGE_FIELDS}
            fresh.update(id=eid, type=d.get("type"), source_id=None, target_ids=[], place_id=None)
            if rec is not None:
                fresh["place_id"] = rec["place_id"]
            rec = rebuilt[eid] = fresh
        if d.get("type") == "at":
            rec["place_id"] = v
        else:
            rec["source_id"] = u
            rec["target_ids"] = sorted({*rec["target_ids"], v}, key=str)
    for rec in rebuilt.values():
        source = rec["source_id"]
        rec["source"] = G.nodes[source].get("label", source) if source is not None else None
        rec["targets"] = [G.nodes[t].get("label", t) for t in rec["target_ids"]]
    records.update(rebuilt)
    return records


def _edge_event(d: Mapping[str, Any], key: Hashable) -> Any:
    """The event id of an edge: its ``event`` attribute, else its key without ``/<n>``."""
    eid = d.get("event")
    if eid is not None:
        return eid
    if isinstance(key, str):
        return _KEY_SUFFIX.sub("", key)
    return key


def _edges(G: nx.Graph) -> Iterable[tuple[Hashable, Hashable, Hashable, dict[str, Any]]]:
    """(u, v, key, data) for multigraphs and simple graphs alike."""
    if G.is_multigraph():
        yield from G.edges(keys=True, data=True)
    else:
        for u, v, d in G.edges(data=True):
            yield u, v, None, d


def _restrict(
    G: nx.MultiDiGraph,
    nodes: Iterable[Hashable],
    edges: Iterable[tuple[Hashable, Hashable, Hashable]] | None = None,
    events: Iterable[str] | None = None,
) -> nx.MultiDiGraph:
    """A new graph with ``nodes`` (in G's order), ``edges`` among them and ``events``.

    ``edges`` defaults to every edge of G between kept nodes.  ``events``
    defaults to the events of the kept edges plus the events that have no
    edge in G at all and whose source is kept (a statement with no
    addressee belongs with its speaker).
    """
    keep = set(nodes)
    if edges is None:
        kept_edges = [(u, v, k) for u, v, k in G.edges(keys=True) if u in keep and v in keep]
    else:
        kept_edges = [(u, v, k) for u, v, k in edges if u in keep and v in keep]
    all_events = G.graph.get("events") or {}
    if events is None:
        with_edges = {_edge_event(d, k) for _, _, k, d in G.edges(keys=True, data=True) if is_event_edge(d)}
        wanted = {_edge_event(G.edges[e], e[2]) for e in kept_edges if is_event_edge(G.edges[e])}
        wanted.update(
            eid
            for eid, ev in all_events.items()
            if eid not in with_edges and ev.get("source_id") in keep
        )
    else:
        wanted = set(events)

    H = nx.MultiDiGraph()
    H.graph.update(copy.deepcopy({k: v for k, v in G.graph.items() if k != "events"}))
    if "events" in G.graph:
        H.graph["events"] = {
            eid: copy.deepcopy(ev) for eid, ev in all_events.items() if eid in wanted
        }
    H.add_nodes_from((n, copy.deepcopy(d)) for n, d in G.nodes(data=True) if n in keep)
    order = {e: i for i, e in enumerate(G.edges(keys=True))}
    for u, v, k in sorted(set(kept_edges), key=order.__getitem__):
        H.add_edge(u, v, key=k, **copy.deepcopy(G.edges[u, v, k]))
    return H


def _as_list(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    return list(value)


def _iso(value: Any) -> str | None:
    """The ISO date prefix of ``value`` ("2016-05-02" of "2016-05-02T10:00"), or None."""
    if not isinstance(value, str):
        return None
    m = _ISO_PREFIX.match(value)
    return m.group(1) if m else None


def _check_choices(kind: str, given: list[str] | None, valid: Iterable[str]) -> None:
    if given is None:
        return
    valid = tuple(valid)
    unknown = [g for g in given if g not in valid]
    if unknown:
        raise GraphbuildError(
            f"unknown event {kind} {', '.join(map(repr, unknown))}; "
            f"valid {kind}s are: {', '.join(valid)}"
        )


# ---------------------------------------------------------------------------
# views


def aggregate(G: nx.MultiDiGraph, *, attributes: bool = True) -> nx.Graph:
    """Collapse ``G`` to one weighted edge per unordered pair of nodes.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`build_graph`.
    attributes : bool, optional
        Copy the graph's and the nodes' attributes (deep copies).  With
        False the result has the same nodes, in the same order, without
        attributes: several times faster on large graphs when only the edges
        are wanted.

    Returns
    -------
    networkx.Graph
        Same nodes and attributes.  Each edge has ``weight`` (number of
        distinct happenings between the pair, ``at`` edges included: events
        with the same ``cluster`` count once, an event without one counts
        alone), ``types`` (edge type -> number of happenings, ``"at"`` among
        them), ``statuses`` (status -> number of happenings), ``events``
        (sorted ids of every event, each report included), ``docs`` (sorted
        document ids) and ``first_date``/``last_date`` (earliest and latest
        ISO date, None when no event has one).

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> ext = Extraction(
    ...     actors=[Actor("A", "person"), Actor("B", "person")],
    ...     events=[Event("meeting", "A", ["B"], date="2016-05-02", start=0),
    ...             Event("statement", "B", ["A"], date="2016-05-01", start=9)])
    >>> A = aggregate(build_graph(ext))
    >>> d = A.edges["actor:a", "actor:b"]
    >>> d["weight"], d["types"], d["first_date"], d["last_date"]
    (2, {'meeting': 1, 'statement': 1}, '2016-05-01', '2016-05-02')
    """
    A = nx.Graph()
    if attributes:
        A.graph.update(copy.deepcopy(G.graph))
        A.add_nodes_from((n, copy.deepcopy(d)) for n, d in G.nodes(data=True))
    else:
        A.add_nodes_from(G)

    # pair -> event id -> (attributes of the event's first edge, edge types)
    per_pair: dict[tuple[Hashable, Hashable], dict[Any, tuple[Mapping[str, Any], set[Any]]]] = {}
    for u, v, k, d in _event_edges_of(G):
        pair = (u, v) if str(u) <= str(v) else (v, u)
        eid = _edge_event(d, k)
        events = per_pair.get(pair)
        if events is None:
            events = per_pair[pair] = {}
        seen = events.get(eid)
        if seen is None:
            events[eid] = (d, {d.get("type")})
        else:
            seen[1].add(d.get("type"))

    for pair in sorted(per_pair, key=lambda p: (str(p[0]), str(p[1]))):
        events = per_pair[pair]
        # Reports of one happening (same cluster) count once; the first
        # report (by event id) stands for it in the type and status counts.
        happenings: dict[Any, tuple[Mapping[str, Any], set[Any]]] = {}
        for eid in sorted(events, key=str):
            happenings.setdefault(events[eid][0].get("cluster") or eid, events[eid])
        types: dict[str, int] = {}
        statuses: dict[str, int] = {}
        dates = []
        docs = set()
        for d, etypes in happenings.values():
            for t in etypes:
                if t is not None:
                    types[t] = types.get(t, 0) + 1
            status = d.get("status")
            if status is not None:
                statuses[status] = statuses.get(status, 0) + 1
        for d, _ in events.values():
            day = _iso(d.get("date"))
            if day:
                dates.append(day)
            if d.get("doc"):
                docs.add(d["doc"])
        dates.sort()
        A.add_edge(
            *pair,
            weight=len(happenings),
            types=dict(sorted(types.items())) if len(types) > 1 else types,
            statuses=dict(sorted(statuses.items())) if len(statuses) > 1 else statuses,
            events=sorted(map(str, events)),
            docs=sorted(docs),
            first_date=dates[0] if dates else None,
            last_date=dates[-1] if dates else None,
        )
    return A


def centrality(G: nx.MultiDiGraph, kind: str = "degree") -> dict[Hashable, float]:
    """Importance of every node, computed on the :func:`aggregate` view.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    kind : {"degree", "betweenness", "pagerank", "weighted_degree"}
        ``degree``: networkx degree centrality (share of other nodes linked);
        ``betweenness``: unweighted betweenness (event counts are not
        distances); ``pagerank``: PageRank with event counts as weights;
        ``weighted_degree``: number of events per neighbour, summed.

    Returns
    -------
    dict
        Node -> score, in node order.

    Raises
    ------
    GraphbuildError
        For an unknown ``kind``.

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> ext = Extraction(
    ...     actors=[Actor("A", "person"), Actor("B", "person"), Actor("C", "person")],
    ...     events=[Event("meeting", "A", ["B"], start=0), Event("meeting", "A", ["C"], start=1),
    ...             Event("threat", "A", ["C"], start=2)])
    >>> centrality(build_graph(ext), "weighted_degree")
    {'actor:a': 3.0, 'actor:b': 1.0, 'actor:c': 2.0}
    """
    if kind not in CENTRALITY_KINDS:
        raise GraphbuildError(
            f"unknown centrality {kind!r}; choose one of: {', '.join(CENTRALITY_KINDS)}"
        )
    A = aggregate(G, attributes=False)
    if A.number_of_nodes() == 0:
        return {}
    if kind == "degree":
        scores = nx.degree_centrality(A)
    elif kind == "betweenness":
        scores = nx.betweenness_centrality(A)
    elif kind == "pagerank":
        try:
            scores = nx.pagerank(A, weight="weight")
        except ImportError:
            # networkx's pagerank needs scipy, which graphbuild does not require.
            scores = _pagerank(A)
    else:
        scores = dict(A.degree(weight="weight"))
    return {n: float(scores[n]) for n in A}


def _pagerank(
    A: nx.Graph, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-6
) -> dict[Hashable, float]:
    """Weighted PageRank by power iteration (what networkx computes, without scipy)."""
    nodes = list(A)
    n = len(nodes)
    out = {u: sum(d.get("weight", 1) for _, _, d in A.edges(u, data=True)) for u in nodes}
    x = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(x[u] for u in nodes if out[u] == 0) / n
        nxt = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u in nodes:
            if out[u]:
                share = alpha * x[u] / out[u]
                for _, v, d in A.edges(u, data=True):
                    nxt[v] += share * d.get("weight", 1)
        err = sum(abs(nxt[u] - x[u]) for u in nodes)
        x = nxt
        if err < n * tol:
            break
    return x


def communities(G: nx.MultiDiGraph, seed: int = 0) -> dict[Hashable, int]:
    """Louvain communities of the :func:`aggregate` view, weighted by event counts.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    seed : int, optional
        Seed of the Louvain shuffle; the same seed gives the same partition.

    Returns
    -------
    dict
        Node -> community number, in node order.  Community 0 is the largest;
        ties are broken by the smallest node id in each community.

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> names = ["A", "B", "C", "D"]
    >>> ext = Extraction(
    ...     actors=[Actor(x, "person") for x in names],
    ...     events=[Event("meeting", "A", ["B"], start=0), Event("meeting", "C", ["D"], start=1)])
    >>> communities(build_graph(ext))
    {'actor:a': 0, 'actor:b': 0, 'actor:c': 1, 'actor:d': 1}
    """
    A = aggregate(G, attributes=False)
    if A.number_of_nodes() == 0:
        return {}
    parts = nx.community.louvain_communities(A, weight="weight", seed=seed)
    parts = sorted(parts, key=lambda c: (-len(c), min(map(str, c))))
    number = {n: i for i, part in enumerate(parts) for n in part}
    return {n: number[n] for n in A}


def ranking(G: nx.MultiDiGraph, by: str = "weighted_degree", n: int = 20) -> list[dict[str, Any]]:
    """The ``n`` most central actors, with their community: the table of ``graphbuild analyze``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    by : str, optional
        A :func:`centrality` kind.
    n : int, optional
        How many rows (actors) at most.

    Returns
    -------
    list of dict
        One row per actor, most central first (ties by node id), with keys
        ``rank`` (from 1), ``actor`` (label), ``type``, ``<by>`` (the score,
        rounded to 4 places) and ``community`` (:func:`communities`; None
        when the graph has no edge).

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> ext = Extraction(
    ...     actors=[Actor("A", "person"), Actor("B", "state"), Actor("C", "person")],
    ...     events=[Event("meeting", "A", ["B"], start=0), Event("threat", "A", ["C"], start=1)])
    >>> [(r["rank"], r["actor"], r["weighted_degree"]) for r in ranking(build_graph(ext), n=2)]
    [(1, 'A', 2.0), (2, 'B', 1.0)]
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise GraphbuildError(f"n must be a whole number >= 0, not {n!r}")
    scores = centrality(G, kind=by)
    groups = communities(G) if G.number_of_edges() else {}
    rows = sorted(
        ((score, node) for node, score in scores.items() if G.nodes[node].get("kind") == "actor"),
        key=lambda r: (-r[0], r[1]),
    )[:n]
    return [
        {
            "rank": i + 1,
            "actor": G.nodes[node]["label"],
            "type": G.nodes[node].get("type"),
            by: round(score, 4),
            "community": groups.get(node),
        }
        for i, (score, node) in enumerate(rows)
    ]


def ego_graph(G: nx.MultiDiGraph, name: str, radius: int = 1) -> nx.MultiDiGraph:
    """The neighbourhood of one actor or place, edges in either direction.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    name : str
        A node id, label or alias, case-insensitive.  A label beats an alias
        and an actor beats a place ("Syria" is the state, "place:syria" the
        place).
    radius : int, optional
        How many steps away from the centre to include.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes within ``radius`` of the centre, every edge among them and the
        events of those edges (plus the centre's events with no edge at all).

    Raises
    ------
    GraphbuildError
        When no node has that name (with the closest name as a suggestion),
        or ``radius`` is negative.

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> ext = Extraction(
    ...     actors=[Actor("John Kerry", "person", aliases=["Kerry"]),
    ...             Actor("B", "person"), Actor("C", "person")],
    ...     events=[Event("meeting", "John Kerry", ["B"], start=0),
    ...             Event("meeting", "C", ["C"], start=1)])
    >>> sorted(ego_graph(build_graph(ext), "kerry"))
    ['actor:b', 'actor:john-kerry']
    >>> ego_graph(build_graph(ext), "Kery")
    Traceback (most recent call last):
    ...
    graphbuild.types.GraphbuildError: no actor or place named 'Kery'; did you mean 'Kerry'?
    """
    if not isinstance(radius, int) or radius < 0:
        raise GraphbuildError(f"radius must be a whole number >= 0, not {radius!r}")
    center = _find_node(G, name)
    reach = nx.single_source_shortest_path_length(
        G.to_undirected(as_view=True), center, cutoff=radius
    )
    return _restrict(G, reach)


def _find_node(G: nx.MultiDiGraph, name: str) -> Hashable:
    if name in G:
        return name
    hits = _label_index(G).get(str(name).casefold())
    if hits:
        return hits[0]
    names: dict[str, str] = {}
    for node, data in G.nodes(data=True):
        for candidate in (data.get("label"), *(data.get("aliases") or ())):
            if candidate:
                names.setdefault(str(candidate).casefold(), str(candidate))
    close = difflib.get_close_matches(str(name).casefold(), list(names), n=1)
    hint = f"; did you mean '{names[close[0]]}'?" if close else ""
    raise GraphbuildError(f"no actor or place named '{name}'{hint}")


def filter_events(
    G: nx.MultiDiGraph,
    *,
    types: str | Iterable[str] | None = None,
    statuses: str | Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    docs: str | Iterable[str] | None = None,
    keep_isolated: bool = False,
) -> nx.MultiDiGraph:
    """Keep only the events that match every criterion given.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    types, statuses : str or list of str, optional
        Event types (meeting, statement, ...) and statuses (occurred,
        planned, ...) to keep.  ``at`` edges follow their event.
    date_from, date_to : str, optional
        Inclusive bounds ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; dates are
        compared on their common prefix, so ``date_to="2016-05"`` keeps all of
        May.  With a bound, events whose date is not ISO are dropped.
    docs : str or list of str, optional
        Document ids to keep.
    keep_isolated : bool, optional
        Keep every node; by default a node is dropped when it takes part in
        no kept event (neither on a kept edge nor source of a kept event).

    Returns
    -------
    networkx.MultiDiGraph
        The kept edges and nodes; ``graph["events"]`` holds the kept events,
        those without an edge included.

    Raises
    ------
    GraphbuildError
        For an unknown type or status (the valid ones are listed) or a bound
        that is not an ISO date.

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> ext = Extraction(
    ...     actors=[Actor("A", "person"), Actor("B", "person"), Actor("C", "person")],
    ...     events=[Event("meeting", "A", ["B"], date="2016-05-02", start=0),
    ...             Event("threat", "A", ["C"], date="May 3", start=1)])
    >>> sorted(filter_events(build_graph(ext), types="meeting"))
    ['actor:a', 'actor:b']
    >>> H = filter_events(build_graph(ext), date_from="2016-05")
    >>> [d["type"] for d in H.graph["events"].values()]
    ['meeting']
    """
    types = _as_list(types)
    statuses = _as_list(statuses)
    docs = _as_list(docs)
    _check_choices("type", types, EVENT_TYPES)
    _check_choices("status", statuses, STATUSES)
    bounds = []
    for label, bound in (("date_from", date_from), ("date_to", date_to)):
        if bound is not None:
            bound = bound.isoformat() if hasattr(bound, "isoformat") else str(bound)
            if not _ISO_BOUND.match(bound):
                raise GraphbuildError(
                    f"{label} must be YYYY, YYYY-MM or YYYY-MM-DD, not {bound!r}"
                )
        bounds.append(bound)
    lo, hi = bounds

    def keep(ev: Mapping[str, Any]) -> bool:
        if types is not None and ev.get("type") not in types:
            return False
        if statuses is not None and ev.get("status") not in statuses:
            return False
        if docs is not None and ev.get("doc") not in docs:
            return False
        if lo is None and hi is None:
            return True
        date = _iso(ev.get("date"))
        if date is None:
            return False
        if lo is not None and date[: len(lo)] < lo[: len(date)]:
            return False
        if hi is not None and date[: len(hi)] > hi[: len(date)]:
            return False
        return True

    records = event_records(G)
    kept_events = {eid for eid, ev in records.items() if keep(ev)}
    edges = [
        (u, v, k)
        for u, v, k, d in G.edges(keys=True, data=True)
        if _edge_event(d, k) in kept_events
    ]
    if keep_isolated:
        nodes: set[Hashable] = set(G)
    else:
        nodes = {n for u, v, _ in edges for n in (u, v)}
        nodes.update(
            records[eid]["source_id"]
            for eid in kept_events
            if records[eid].get("source_id") in G
        )
    return _restrict(G, nodes, edges + _affiliation_edges_among(G, nodes), kept_events)


def min_weight(G: nx.MultiDiGraph, weight: int) -> nx.MultiDiGraph:
    """Keep only the pairs of nodes linked by at least ``weight`` events.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    weight : int
        Minimum number of distinct events between two nodes (``at`` edges
        count, as in :func:`aggregate`).

    Returns
    -------
    networkx.MultiDiGraph
        The edges of the kept pairs, their nodes, and their events.

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> ext = Extraction(
    ...     actors=[Actor("A", "person"), Actor("B", "person"), Actor("C", "person")],
    ...     events=[Event("meeting", "A", ["B"], start=0), Event("statement", "B", ["A"], start=1),
    ...             Event("threat", "A", ["C"], start=2)])
    >>> sorted(min_weight(build_graph(ext), 2))
    ['actor:a', 'actor:b']
    """
    if isinstance(weight, bool) or not isinstance(weight, (int, float)):
        raise GraphbuildError(f"weight must be a number of events, not {weight!r}")
    A = aggregate(G, attributes=False)
    edges = [
        (u, v, k)
        for u, v, k, d in _event_edges_of(G)
        if A.edges[u, v]["weight"] >= weight
    ]
    nodes = {n for u, v, _ in edges for n in (u, v)}
    return _restrict(G, nodes, edges + _affiliation_edges_among(G, nodes))


def top_actors(G: nx.MultiDiGraph, n: int, by: str = "weighted_degree") -> nx.MultiDiGraph:
    """Keep the ``n`` most important actors and the places linked to them.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    n : int
        How many actors to keep.
    by : str, optional
        A :func:`centrality` kind; ties go to the smaller node id.

    Returns
    -------
    networkx.MultiDiGraph
        The kept actors, every place with an edge to one of them, and every
        edge among those nodes.

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> ext = Extraction(
    ...     actors=[Actor("A", "person"), Actor("B", "person"), Actor("C", "person")],
    ...     events=[Event("meeting", "A", ["B"], start=0), Event("threat", "A", ["C"], start=1),
    ...             Event("statement", "B", ["A"], start=2)])
    >>> sorted(top_actors(build_graph(ext), 2))
    ['actor:a', 'actor:b']
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise GraphbuildError(f"n must be a whole number >= 0, not {n!r}")
    scores = centrality(G, by)
    actors = [x for x, d in G.nodes(data=True) if d.get("kind") != "place"]
    ranked = sorted(actors, key=lambda x: (-scores[x], str(x)))[:n]
    keep = set(ranked)
    for actor in ranked:
        for other in nx.all_neighbors(G, actor):
            if G.nodes[other].get("kind") == "place":
                keep.add(other)
    return _restrict(G, keep)


# ---------------------------------------------------------------------------
# tables


def actors_table(G: nx.MultiDiGraph, *, as_frame: bool | None = None) -> Any:
    """One row per actor: its attributes, events and neighbours.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    as_frame : bool, optional
        Return a ``pandas.DataFrame`` (True: pandas must be installed) or a
        list of dicts (False).  By default a DataFrame when pandas is
        installed (``pip install "graphbuild[notebook]"``), else the list.

    Returns
    -------
    list of dict or pandas.DataFrame
        Columns ``id, label, type, title, affiliation, country, sectors, code,
        aliases, mentions, docs, events`` (number of distinct events the actor
        takes part in) and ``neighbors`` (number of distinct other nodes linked
        by events; affiliation ties count for neither).  Most
        events first, then by label and id.

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> ext = Extraction(
    ...     actors=[Actor("A", "person"), Actor("B", "state")],
    ...     events=[Event("statement", "B", ["A"], start=0), Event("statement", "B", [], start=1)])
    >>> [(r["label"], r["events"], r["neighbors"]) for r in actors_table(build_graph(ext), as_frame=False)]
    [('B', 2, 1), ('A', 1, 1)]
    """
    involved: dict[Hashable, set[str]] = defaultdict(set)
    linked: dict[Hashable, set[Hashable]] = defaultdict(set)
    for u, v, k, d in _event_edges_of(G):
        involved[u].add(_edge_event(d, k))
        involved[v].add(_edge_event(d, k))
        linked[u].add(v)
        linked[v].add(u)
    for eid, ev in event_records(G).items():
        if ev.get("source_id") in G:
            involved[ev["source_id"]].add(eid)
    rows = []
    for node, data in G.nodes(data=True):
        if data.get("kind") == "place":
            continue
        row = {c: copy.deepcopy(data.get(c)) for c in ACTOR_COLUMNS}
        row["id"] = node
        row["events"] = len(involved[node])
        row["neighbors"] = len(linked[node] - {node})
        rows.append(row)
    rows.sort(key=lambda r: (-r["events"], str(r["label"]).casefold(), str(r["id"])))
    return _frame(rows, ACTOR_COLUMNS, as_frame)


def events_table(G: nx.MultiDiGraph, *, as_frame: bool | None = None) -> Any:
    """One row per event, those without an edge included.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    as_frame : bool, optional
        Return a ``pandas.DataFrame`` (True: pandas must be installed) or a
        list of dicts (False).  By default a DataFrame when pandas is
        installed (``pip install "graphbuild[notebook]"``), else the list.

    Returns
    -------
    list of dict or pandas.DataFrame
        Columns ``id, doc, type, cameo, goldstein, quad_class, status, source, targets,
        place, date, date_text, trigger, quote, sentence, start, end, cluster, reports`` sorted by document,
        offset and id; ``targets`` is a list of labels.

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> ext = Extraction(actors=[Actor("A", "person")],
    ...                  events=[Event("statement", "A", [], sentence="A spoke.")])
    >>> rows = events_table(build_graph(ext), as_frame=False)
    >>> [(r["type"], r["source"], r["targets"], r["sentence"]) for r in rows]
    [('statement', 'A', [], 'A spoke.')]
    """
    rows = [
        {c: copy.deepcopy(ev.get(c)) for c in EVENT_COLUMNS}
        for ev in event_records(G).values()
    ]
    for row in rows:
        row["targets"] = list(row["targets"] or [])
    rows.sort(key=lambda r: (str(r["doc"] or ""), r["start"] or 0, str(r["id"])))
    return _frame(rows, EVENT_COLUMNS, as_frame)


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...], as_frame: bool | None) -> Any:
    """``rows`` as a DataFrame when asked (or, by default, when pandas is installed)."""
    if as_frame is False:
        return rows
    try:
        import pandas as pd  # optional: the notebook extra
    except ImportError as exc:
        if as_frame is None:
            return rows
        raise GraphbuildError(
            "as_frame=True needs pandas (pip install pandas); "
            "without it the rows are returned as a list of dicts"
        ) from exc
    return pd.DataFrame(rows, columns=list(columns))


# ---------------------------------------------------------------------------
# reading back


def read_named_file(path: str | os.PathLike[str], what: str, encoding: str = "utf-8") -> str:
    """The text of a file the user named, or a GraphbuildError naming the file and ``what`` it is."""
    p = Path(path)
    try:
        return p.read_text(encoding=encoding)
    except FileNotFoundError:
        raise GraphbuildError(f"{what} file not found: {p}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphbuildError(f"cannot read {what} file {p}: {exc}") from exc


def load_json(path: str | os.PathLike[str], what: str) -> Any:
    """Parsed JSON of the file ``path``, or a GraphbuildError that names the file.

    ``what`` says what the file should hold ("graph", "extraction"), for the
    message.
    """
    p = Path(path)
    text = read_named_file(p, what)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise GraphbuildError(
            f"{p} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None


def graph_from_json(path_or_dict: str | os.PathLike[str] | Mapping[str, Any]) -> nx.MultiDiGraph:
    """Rebuild the graph from node-link JSON written by ``export.write_node_link_json``.

    Parameters
    ----------
    path_or_dict : str, path or dict
        A file name, or the already parsed JSON (it is not modified).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes, edges with their keys, and graph attributes (``events``
        included) as they were written.

    Raises
    ------
    GraphbuildError
        When the file is missing, is not JSON, or is not node-link data.

    Examples
    --------
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> G = build_graph(Extraction(actors=[Actor("A", "person"), Actor("B", "person")],
    ...                            events=[Event("meeting", "A", ["B"])]))
    >>> data = nx.node_link_data(G, edges="edges")
    >>> H = graph_from_json(data)
    >>> sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    True
    """
    if isinstance(path_or_dict, Mapping):
        data, where = copy.deepcopy(dict(path_or_dict)), "node-link data"
    else:
        data, where = load_json(path_or_dict, "graph"), str(path_or_dict)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise GraphbuildError(f"{where} is not node-link graph JSON (no 'nodes' list)")
    # networkx < 3.4 wrote "links"; accept both.
    edges_key = "edges" if "edges" in data or "links" not in data else "links"
    data.setdefault(edges_key, [])
    try:
        H = nx.node_link_graph(data, directed=True, multigraph=True, edges=edges_key)
    except (KeyError, TypeError, nx.NetworkXError) as exc:
        raise GraphbuildError(f"{where} is not valid node-link graph JSON: {exc!r}") from exc
    return H if isinstance(H, nx.MultiDiGraph) else nx.MultiDiGraph(H)
