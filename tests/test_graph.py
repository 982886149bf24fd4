"""graphbuild.graph: the graph contract of docs/graph-schema.md and the analysis views."""
from __future__ import annotations

import copy
import doctest
import json
import random
import sys
import warnings
from collections import Counter

import networkx as nx
import pytest

import graphbuild.graph as graph_mod
from graphbuild.graph import (
    actors_table,
    aggregate,
    build_graph,
    centrality,
    communities,
    ego_graph,
    events_table,
    filter_events,
    graph_from_json,
    min_weight,
    top_actors,
)
from graphbuild.types import EVENT_TYPES, Actor, Event, Extraction, GraphbuildError, Place

from conftest import SCRIPT, make_small_extraction

KERRY, JUBEIR, LAVROV = "actor:john-kerry", "actor:adel-al-jubeir", "actor:sergei-lavrov"
ASSAD, SYRIA, UN = "actor:bashar-al-assad", "actor:syria", "actor:united-nations"
JAISH = "actor:jaish-al-fatah"
GENEVA, ZURICH, SYRIA_PLACE = "place:geneva", "place:zurich", "place:syria"

EDGE_FIELDS = {"kind", "event", "type", "cameo", "goldstein", "quad_class", "status", "trigger", "date",
               "date_text", "place", "quote", "sentence", "doc", "start", "end", "cluster", "reports"}


def edges_of(G, event_id):
    """(u, v, type) of every edge an event gave, sorted."""
    return sorted((u, v, d["type"]) for u, v, d in G.edges(data=True) if d.get("event") == event_id)


def edge_events(G):
    """(u, v, event) of every event edge: affiliation ties are not events."""
    return Counter((u, v, d["event"]) for u, v, d in G.edges(data=True) if d["kind"] == "event")


# --- build_graph: nodes ---------------------------------------------------


def test_nodes_follow_the_schema(small_graph):
    kerry = small_graph.nodes[KERRY]
    assert kerry == {
        "kind": "actor", "label": "John Kerry", "type": "person",
        "aliases": ["John Kerry", "Kerry", "Secretary Kerry"], "mentions": 6,
        "title": "Secretary of State", "affiliation": None,
        "country": None, "sectors": [], "code": None,
        "docs": ["aleppo.txt", "geneva.txt"],
    }
    syria_place = small_graph.nodes[SYRIA_PLACE]
    assert syria_place == {
        "kind": "place", "label": "Syria", "type": "place", "aliases": ["Syria"],
        "mentions": 2, "country": "SY", "lat": None, "lon": None,
        "docs": ["aleppo.txt", "geneva.txt"],
    }
    assert small_graph.nodes[ZURICH]["label"] == "Zürich"


def test_actor_and_place_with_the_same_label_are_two_nodes(small_graph):
    assert small_graph.nodes[SYRIA]["kind"] == "actor"
    assert small_graph.nodes[SYRIA]["type"] == "state"
    assert small_graph.nodes[SYRIA_PLACE]["kind"] == "place"
    # The attack by the state happened in the country: an "at" edge joins the two.
    assert edges_of(small_graph, "event:strikes-on-aleppo") == [(SYRIA, SYRIA_PLACE, "at")]


def test_graph_attributes(small_graph, small_extraction):
    assert small_graph.graph["name"] == "graphbuild"
    assert small_graph.graph["documents"] == ["aleppo.txt", "geneva.txt"]
    events = small_graph.graph["events"]
    assert set(events) == {e.id for e in small_extraction.events}
    talks = next(e for e in small_extraction.events if e.id == "event:kerry-jubeir-talks")
    assert events["event:kerry-jubeir-talks"] == talks.to_dict()
    assert build_graph(small_extraction, name="demo").graph["name"] == "demo"


def test_strings_are_kept_verbatim(small_graph):
    # Escaping is the renderer's job: the graph holds the article's text as it was.
    assert SCRIPT in small_graph.nodes[JAISH]["label"]
    appeal = small_graph.graph["events"]["event:un-appeal"]
    assert appeal["quote"] == f"Let £2bn of aid through {SCRIPT}"


# --- build_graph: edges ---------------------------------------------------


def test_meeting_is_an_edge_carrying_its_evidence(small_graph):
    data = small_graph.edges[KERRY, JUBEIR, "event:kerry-jubeir-talks/0"]
    assert set(data) == EDGE_FIELDS
    assert data["type"] == "meeting"
    assert data["status"] == "occurred"
    assert data["place"] == "Geneva"
    assert data["date"] == "2016-05-02"
    assert data["sentence"].startswith("But Kerry told reporters in Geneva ahead of talks")
    assert (data["doc"], data["start"], data["end"]) == ("geneva.txt", 420, 560)


def test_event_with_a_place_links_each_participant_to_it(small_graph):
    assert edges_of(small_graph, "event:kerry-jubeir-talks") == [
        (JUBEIR, GENEVA, "at"), (KERRY, JUBEIR, "meeting"), (KERRY, GENEVA, "at"),
    ]
    at = small_graph.edges[KERRY, GENEVA, "event:kerry-jubeir-talks/2"]
    assert at["type"] == "at"
    meeting = small_graph.edges[KERRY, JUBEIR, "event:kerry-jubeir-talks/0"]
    assert at["sentence"] == meeting["sentence"]


def test_event_with_two_targets_gives_an_edge_to_each(small_graph):
    got = edges_of(small_graph, "event:zurich-meeting")
    assert (KERRY, LAVROV, "meeting") in got
    assert (KERRY, JUBEIR, "meeting") in got
    assert {(u, v) for u, v, t in got if t == "at"} == {
        (KERRY, ZURICH), (LAVROV, ZURICH), (JUBEIR, ZURICH)
    }
    keys = sorted(k for _, _, k, d in small_graph.edges(keys=True, data=True)
                  if d.get("event") == "event:zurich-meeting")
    assert keys == [f"event:zurich-meeting/{n}" for n in range(5)]


def test_event_with_one_edge_is_keyed_by_its_id(small_graph):
    assert small_graph.has_edge(KERRY, SYRIA, key="event:kerry-syria-out-of-control")
    # The statement is about Syria the state, not the place of the same name.
    assert not small_graph.has_edge(KERRY, SYRIA_PLACE)


def test_statement_without_target_has_evidence_but_no_edge(small_graph):
    event = small_graph.graph["events"]["event:kerry-understanding"]
    assert event["targets"] == []
    assert "getting closer to a place of understanding" in event["sentence"]
    assert edges_of(small_graph, "event:kerry-understanding") == []


def test_unknown_node_id_skips_the_edge_but_keeps_the_event():
    ext = Extraction(
        actors=[Actor("A", "person"), Actor("B", "person")],
        events=[Event("meeting", "A", ["B", "Ghost"], source_id="actor:a",
                      target_ids=["actor:b", "actor:ghost"], id="event:1")],
    )
    with pytest.warns(UserWarning, match="1 event participant"):
        G = build_graph(ext)
    assert "actor:ghost" not in G
    assert edges_of(G, "event:1") == [("actor:a", "actor:b", "meeting")]
    assert "event:1" in G.graph["events"]


def test_labels_are_resolved_when_ids_are_missing():
    # An extraction written by hand (or by the schema alone) carries labels only.
    ext = Extraction(
        actors=[Actor("Syria", "state"), Actor("John Kerry", "person", aliases=["Kerry"])],
        places=[Place("Syria"), Place("Geneva")],
        events=[
            Event("statement", "kerry", ["Geneva", "Syria"], place="Syria", id="event:1"),
            Event("threat", "Syria", ["Kerry"], id="event:2"),
        ],
    )
    G = build_graph(ext)
    assert edges_of(G, "event:1") == [
        ("actor:john-kerry", "actor:syria", "statement"),
        ("actor:john-kerry", "place:geneva", "statement"),
        ("actor:john-kerry", "place:syria", "at"),
        ("actor:syria", "place:syria", "at"),
    ]
    event = G.graph["events"]["event:1"]
    assert event["source_id"] == "actor:john-kerry"
    assert event["place_id"] == "place:syria"
    assert event["target_ids"] == ["place:geneva", "actor:syria"]  # label order
    assert edges_of(G, "event:2") == [("actor:syria", "actor:john-kerry", "threat")]
    assert ext.events[0].source_id == ""  # filled in the graph's copy only


def test_empty_extraction_gives_empty_graph_and_warns():
    with pytest.warns(UserWarning, match="empty"):
        G = build_graph(Extraction())
    assert isinstance(G, nx.MultiDiGraph)
    assert G.number_of_nodes() == 0 and G.graph["events"] == {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert aggregate(G).number_of_nodes() == 0
        assert centrality(G, "pagerank") == {}
        assert communities(G) == {}


def test_build_graph_does_not_mutate_the_extraction(small_extraction):
    before = copy.deepcopy(small_extraction.to_dict())
    G = build_graph(small_extraction)
    G.nodes[KERRY]["aliases"].append("changed")
    G.graph["events"]["event:zurich-meeting"]["targets"].append("changed")
    assert small_extraction.to_dict() == before


def test_build_graph_is_deterministic_whatever_the_input_order():
    def dump(G):
        return (list(G.nodes(data=True)), list(G.edges(keys=True, data=True)),
                json.dumps(G.graph, sort_keys=False))

    a = make_small_extraction()
    b = make_small_extraction()
    rng = random.Random(7)
    for items in (b.actors, b.places, b.events, b.documents):
        rng.shuffle(items)
    assert dump(build_graph(a)) == dump(build_graph(b))


def test_build_graph_rejects_what_is_not_an_extraction():
    with pytest.raises(GraphbuildError, match="needs an Extraction"):
        build_graph(["not", "an", "extraction"])


# --- aggregate --------------------------------------------------------------


def test_aggregate_counts_events_per_pair(small_graph):
    A = aggregate(small_graph)
    assert isinstance(A, nx.Graph) and not A.is_multigraph()
    assert set(A) == set(small_graph)
    kl = A.edges[KERRY, LAVROV]
    assert kl["weight"] == 2
    assert kl["types"] == {"agreement": 1, "meeting": 1}
    assert kl["statuses"] == {"planned": 1, "proposed": 1}
    assert kl["events"] == ["event:kerry-lavrov-deal", "event:zurich-meeting"]
    assert (kl["first_date"], kl["last_date"]) == ("2016-05", "2016-05-09")
    # Directions are merged: the U.N.'s appeal and Syria's denial are one pair.
    assert A.edges[UN, SYRIA]["weight"] == 2
    # "at" edges count, marked as such.
    assert A.edges[KERRY, GENEVA]["types"] == {"at": 2}
    assert A.number_of_edges() == 16


def test_aggregate_does_not_mutate_the_graph(small_graph):
    before = (list(small_graph.edges(keys=True, data=True)), copy.deepcopy(small_graph.graph))
    A = aggregate(small_graph)
    A.graph["events"].clear()
    A.nodes[KERRY]["aliases"].clear()
    assert (list(small_graph.edges(keys=True, data=True)), small_graph.graph) == before
    assert small_graph.nodes[KERRY]["aliases"]


# --- centrality / communities -----------------------------------------------


def test_weighted_degree_sums_event_counts(small_graph):
    scores = centrality(small_graph, "weighted_degree")
    # Kerry: Jubeir 2 + Lavrov 2 + Geneva 2 + Zürich 1 + Syria 1.
    assert scores[KERRY] == 8.0
    assert max(scores, key=scores.get) == KERRY
    assert set(scores) == set(small_graph)


def test_degree_betweenness_and_pagerank(small_graph):
    degree = centrality(small_graph, "degree")
    # Kerry and Jubeir each deal with five of the nine other nodes.
    assert degree[KERRY] == degree[JUBEIR] == pytest.approx(5 / 9)
    assert max(degree.values()) == degree[KERRY]
    betweenness = centrality(small_graph, "betweenness")
    # Assad is the only way to Jaish al-Fatah; a leaf lies on no path.
    assert betweenness[JAISH] == 0.0
    assert betweenness[ASSAD] > betweenness[LAVROV] > 0
    pagerank = centrality(small_graph, "pagerank")
    assert max(pagerank, key=pagerank.get) == KERRY
    assert sum(pagerank.values()) == pytest.approx(1.0)


def test_pagerank_fallback_matches_networkx(small_graph):
    reference = getattr(nx.algorithms.link_analysis.pagerank_alg, "_pagerank_python", None)
    if reference is None:
        pytest.skip("networkx no longer ships its pure-Python pagerank")
    A = aggregate(small_graph)
    ours = graph_mod._pagerank(A, tol=1e-12, max_iter=1000)
    theirs = reference(A, weight="weight", tol=1e-12, max_iter=1000)
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_unknown_centrality_is_an_error(small_graph):
    with pytest.raises(GraphbuildError, match="weighted_degree"):
        centrality(small_graph, "closeness")


def test_communities_separate_unrelated_groups():
    names = ["A", "B", "C", "D", "E"]
    ext = Extraction(
        actors=[Actor(x, "person") for x in names],
        events=[Event("meeting", s, [t], start=i) for i, (s, t) in
                enumerate([("A", "B"), ("B", "C"), ("C", "A"), ("D", "E")])],
    )
    got = communities(build_graph(ext))
    # Numbered by size: the triangle is community 0.
    assert got == {"actor:a": 0, "actor:b": 0, "actor:c": 0, "actor:d": 1, "actor:e": 1}


def test_communities_are_deterministic(small_graph):
    first = communities(small_graph, seed=0)
    assert communities(build_graph(make_small_extraction()), seed=0) == first
    assert set(first) == set(small_graph)
    sizes = Counter(first.values())
    assert sorted(sizes) == list(range(len(sizes)))
    assert [sizes[i] for i in sorted(sizes)] == sorted(sizes.values(), reverse=True)
    # Kerry and his two counterparts end up together.
    assert first[KERRY] == first[JUBEIR] == first[LAVROV]


def test_communities_follow_the_seed():
    # A ring has many equally good partitions: the seed picks one, every time.
    names = [f"N{i:02d}" for i in range(12)]
    ext = Extraction(
        actors=[Actor(x, "person") for x in names],
        events=[Event("meeting", names[i], [names[(i + 1) % 12]], start=i) for i in range(12)],
    )
    G = build_graph(ext)
    by_seed = {seed: communities(G, seed=seed) for seed in range(5)}
    assert all(communities(G, seed=seed) == got for seed, got in by_seed.items())
    assert len({tuple(got.items()) for got in by_seed.values()}) > 1


# --- ego_graph ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["Kerry", "kerry", "JOHN KERRY", KERRY])
def test_ego_of_kerry_holds_his_counterparts_only(small_graph, name):
    ego = ego_graph(small_graph, name)
    assert set(ego) == {KERRY, JUBEIR, LAVROV, SYRIA, GENEVA, ZURICH}
    assert ASSAD not in ego and UN not in ego
    # His statement with no addressee comes along with him...
    assert "event:kerry-understanding" in ego.graph["events"]
    # ...but Jubeir's accusation of Assad does not (Assad is outside).
    assert "event:jubeir-blames-assad" not in ego.graph["events"]
    assert all(d["event"] in ego.graph["events"] for *_, d in ego.edges(data=True))


def test_ego_radius_two_reaches_further(small_graph):
    assert ASSAD in ego_graph(small_graph, "Kerry", radius=2)
    assert set(ego_graph(small_graph, "Kerry", radius=0)) == {KERRY}


def test_ego_prefers_the_actor_when_a_place_shares_the_name(small_graph):
    assert UN in ego_graph(small_graph, "Syria")
    assert UN not in ego_graph(small_graph, SYRIA_PLACE)


def test_ego_unknown_name_suggests_the_closest(small_graph):
    with pytest.raises(GraphbuildError) as err:
        ego_graph(small_graph, "Kery")
    assert str(err.value) == "no actor or place named 'Kery'; did you mean 'Kerry'?"
    with pytest.raises(GraphbuildError, match="^no actor or place named 'Qwxyz'$"):
        ego_graph(small_graph, "Qwxyz")


def test_ego_does_not_mutate_the_graph(small_graph):
    n, m = small_graph.number_of_nodes(), small_graph.number_of_edges()
    ego = ego_graph(small_graph, "Kerry")
    ego.nodes[KERRY]["aliases"].clear()
    ego.graph["events"].clear()
    assert (small_graph.number_of_nodes(), small_graph.number_of_edges()) == (n, m)
    assert small_graph.nodes[KERRY]["aliases"] and len(small_graph.graph["events"]) == 11


# --- filter_events -------------------------------------------------------------


def test_filter_by_type_keeps_only_that_type(small_graph):
    H = filter_events(small_graph, types=["meeting"])
    assert {d["type"] for d in H.graph["events"].values()} == {"meeting"}
    assert set(H.graph["events"]) == {
        "event:kerry-jubeir-talks", "event:zurich-meeting", "event:lavrov-refuses-assad"
    }
    assert {d["type"] for *_, d in H.edges(data=True)} == {"meeting", "at"}
    # "at" edges follow their event: Geneva stays through the talks, Syria the place goes.
    assert H.has_edge(KERRY, GENEVA, "event:kerry-jubeir-talks/2")
    assert not H.has_edge(KERRY, GENEVA, "event:kerry-lavrov-deal/1")
    assert SYRIA_PLACE not in H and UN not in H


def test_filter_keeps_the_speaker_of_a_kept_statement(small_graph):
    H = filter_events(small_graph, types="statement")
    assert set(H.graph["events"]) == {
        "event:kerry-understanding", "event:kerry-syria-out-of-control"
    }
    assert set(H) == {KERRY, SYRIA}
    assert GENEVA not in H  # no statement happened "at" a place


def test_filter_unknown_type_lists_the_valid_ones(small_graph):
    with pytest.raises(GraphbuildError) as err:
        filter_events(small_graph, types=["meeting", "summit"])
    assert "'summit'" in str(err.value)
    assert all(t in str(err.value) for t in EVENT_TYPES)
    with pytest.raises(GraphbuildError, match="occurred"):
        filter_events(small_graph, statuses=["done"])


def test_filter_by_status(small_graph):
    H = filter_events(small_graph, statuses=["planned", "proposed"])
    assert set(H.graph["events"]) == {"event:zurich-meeting", "event:kerry-lavrov-deal"}
    assert {d["status"] for *_, d in H.edges(data=True)} == {"planned", "proposed"}


def test_filter_by_dates_uses_iso_prefixes_and_drops_other_dates(small_graph):
    H = filter_events(small_graph, date_from="2016-05-03", date_to="2016-05-03")
    assert set(H.graph["events"]) == {
        "event:strikes-on-aleppo", "event:un-appeal", "event:lavrov-refuses-assad",
        "event:assad-threat",
        # dated "2016-05": as far as we know it may be on the 3rd, so it stays
        "event:kerry-lavrov-deal",
    }
    may = filter_events(small_graph, date_from="2016-05", date_to="2016-05")
    # Everything but the statement dated "May 2", which is not ISO.
    everything = set(small_graph.graph["events"])
    assert set(may.graph["events"]) == everything - {"event:kerry-understanding"}
    assert filter_events(small_graph, date_to="2016-04-30").number_of_edges() == 0
    with pytest.raises(GraphbuildError, match="YYYY-MM-DD"):
        filter_events(small_graph, date_from="May 2016")


def test_filter_by_document(small_graph):
    H = filter_events(small_graph, docs="aleppo.txt")
    assert {d["doc"] for *_, d in H.edges(data=True) if d["kind"] == "event"} == {"aleppo.txt"}
    assert KERRY not in H
    assert len(H.graph["events"]) == 5


def test_filter_keep_isolated(small_graph):
    H = filter_events(small_graph, types="threat", keep_isolated=True)
    assert set(H) == set(small_graph)
    assert sorted(H.edges(data="type")) == [(ASSAD, JAISH, "threat"), (ASSAD, SYRIA, "affiliation")]
    # Affiliation ties are no events: they follow the nodes kept, and keep none themselves.
    assert set(filter_events(small_graph, types="threat")) == {ASSAD, JAISH}


def test_filter_without_criteria_keeps_every_event(small_graph):
    H = filter_events(small_graph)
    assert edge_events(H) == edge_events(small_graph)
    assert H.graph["events"] == small_graph.graph["events"]


# --- min_weight / top_actors ---------------------------------------------------


def test_min_weight_keeps_repeated_pairs(small_graph):
    H = min_weight(small_graph, 2)
    assert set(H) == {KERRY, JUBEIR, LAVROV, GENEVA, UN, SYRIA}
    pairs = {frozenset((u, v)) for u, v in H.edges()}
    assert pairs == {frozenset(p) for p in [(KERRY, JUBEIR), (KERRY, LAVROV), (KERRY, GENEVA),
                                            (UN, SYRIA)]}
    assert "event:assad-threat" not in H.graph["events"]
    assert edge_events(min_weight(small_graph, 1)) == edge_events(small_graph)


def test_top_actors_keeps_the_most_active_and_their_places(small_graph):
    H = top_actors(small_graph, 2)
    assert set(H) == {KERRY, JUBEIR, GENEVA, ZURICH, SYRIA_PLACE}
    assert H.has_edge(KERRY, JUBEIR, "event:kerry-jubeir-talks/0")
    assert set(top_actors(small_graph, 0)) == set()
    with pytest.raises(GraphbuildError):
        top_actors(small_graph, -1)


# --- tables ---------------------------------------------------------------------


def test_actors_table(small_graph):
    rows = actors_table(small_graph, as_frame=False)
    # Kerry takes part in 5 events, Syria (the state) in 4, Jubeir in 3.
    assert [(r["id"], r["events"]) for r in rows][:3] == [(KERRY, 5), (SYRIA, 4), (JUBEIR, 3)]
    assert len(rows) == 7 and all(r["id"].startswith("actor:") for r in rows)
    kerry = rows[0]
    assert kerry["events"] == 5  # four with edges and the statement with no addressee
    assert kerry["neighbors"] == 5
    assert kerry["aliases"] == ["John Kerry", "Kerry", "Secretary Kerry"]


def test_events_table(small_graph):
    rows = events_table(small_graph, as_frame=False)
    assert len(rows) == 11
    assert [(r["doc"], r["start"]) for r in rows] == sorted((r["doc"], r["start"]) for r in rows)
    assert list(rows[0]) == list(graph_mod.EVENT_COLUMNS)
    zurich = next(r for r in rows if r["id"] == "event:zurich-meeting")
    assert zurich["targets"] == ["Sergei Lavrov", "Adel al-Jubeir"]
    assert zurich["place"] == "Zürich"


def test_tables_as_frame_without_pandas_is_a_clear_error(small_graph, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(GraphbuildError, match="pandas"):
        actors_table(small_graph, as_frame=True)


def test_tables_are_frames_by_default_when_pandas_is_installed(small_graph, monkeypatch):
    pd = pytest.importorskip("pandas")
    assert isinstance(actors_table(small_graph), pd.DataFrame)
    assert isinstance(events_table(small_graph), pd.DataFrame)
    monkeypatch.setitem(sys.modules, "pandas", None)
    assert isinstance(actors_table(small_graph), list) and isinstance(events_table(small_graph), list)


def test_tables_as_frame_with_pandas(small_graph):
    pd = pytest.importorskip("pandas")
    frame = events_table(small_graph, as_frame=True)
    assert isinstance(frame, pd.DataFrame) and len(frame) == 11


def test_events_table_from_a_graph_without_events_dict(small_graph):
    # GraphML/GEXF cannot hold G.graph["events"]; the edges still tell the events.
    H = small_graph.copy()
    del H.graph["events"]
    rows = {r["id"]: r for r in events_table(H, as_frame=False)}
    assert rows["event:zurich-meeting"]["type"] == "meeting"
    assert rows["event:zurich-meeting"]["targets"] == ["Adel al-Jubeir", "Sergei Lavrov"]
    assert rows["event:strikes-on-aleppo"]["type"] == "at"
    assert "event:kerry-understanding" not in rows  # no edge, no trace


# --- graph_from_json ---------------------------------------------------------------


def test_graph_from_json_dict_and_file(small_graph, tmp_path):
    data = nx.node_link_data(small_graph, edges="edges")
    H = graph_from_json(data)
    assert edge_events(H) == edge_events(small_graph)
    assert H.graph == small_graph.graph
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert dict(graph_from_json(path).nodes(data=True)) == dict(small_graph.nodes(data=True))


def test_graph_from_json_errors_name_the_file(tmp_path):
    with pytest.raises(GraphbuildError, match="not found.*missing.json"):
        graph_from_json(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [', encoding="utf-8")
    with pytest.raises(GraphbuildError, match="bad.json is not valid JSON"):
        graph_from_json(bad)
    bad.write_text('{"actors": []}', encoding="utf-8")
    with pytest.raises(GraphbuildError, match="not node-link"):
        graph_from_json(bad)


# --- examples in the docstrings ------------------------------------------------------


def test_docstring_examples_run():
    result = doctest.testmod(graph_mod, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_aggregate_without_attributes_has_the_same_edges(small_graph):
    full, bare = aggregate(small_graph), aggregate(small_graph, attributes=False)
    assert list(bare) == list(full)
    assert sorted(bare.edges(data=True)) == sorted(full.edges(data=True))
    assert all(not d for _, d in bare.nodes(data=True)) and not bare.graph


def test_ranking_is_the_centrality_order_of_actors_with_their_community(small_graph):
    rows = graph_mod.ranking(small_graph, by="weighted_degree", n=3)
    scores = graph_mod.centrality(small_graph, "weighted_degree")
    actors = sorted((n for n, d in small_graph.nodes(data=True) if d["kind"] == "actor"),
                    key=lambda n: (-scores[n], n))[:3]
    assert [r["actor"] for r in rows] == [small_graph.nodes[n]["label"] for n in actors]
    assert [r["rank"] for r in rows] == [1, 2, 3]
    groups = graph_mod.communities(small_graph)
    assert [r["community"] for r in rows] == [groups[n] for n in actors]
    with pytest.raises(GraphbuildError):
        graph_mod.ranking(small_graph, n=-1)


def test_event_records_rebuild_places_and_targets_from_edges(small_graph):
    H = small_graph.copy()
    del H.graph["events"]
    want = small_graph.graph["events"]
    got = graph_mod.event_records(H)
    with_edges = {d["event"] for _, _, d in H.edges(data=True) if graph_mod.is_event_edge(d)}
    assert set(got) == with_edges  # events with no edge are lost with the events dict
    for eid, rec in got.items():
        if want[eid].get("target_ids"):
            assert rec["target_ids"] == sorted(want[eid]["target_ids"]), eid
            assert rec["source_id"] == want[eid]["source_id"], eid
        if want[eid].get("place_id") and (want[eid].get("source_id") or want[eid].get("target_ids")):
            assert rec["place_id"] == want[eid]["place_id"], eid
