"""graphbuild.export: every format reads back, and the same graph gives the same bytes."""
from __future__ import annotations

import csv
import doctest
import json
import random
from collections import Counter
from pathlib import Path

import jsonschema
import networkx as nx
import pytest

import graphbuild.export as export_mod
from graphbuild.export import (
    read_extraction_json,
    write,
    write_actors_csv,
    write_events_csv,
    write_extraction_json,
    write_gexf,
    write_graphml,
    write_node_link_json,
)
from graphbuild.graph import EVENT_COLUMNS, aggregate, build_graph, graph_from_json
from graphbuild.types import Actor, Event, Extraction, GraphbuildError

from conftest import SCRIPT, make_small_extraction

SCHEMA = Path(__file__).parent / "data" / "extraction-schema.json"


def edge_events(G):
    """Multiset of (u, v, event id): what a round trip must preserve."""
    return Counter((u, v, d.get("event")) for u, v, d in G.edges(data=True))


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- extraction JSON --------------------------------------------------------------


def test_extraction_json_validates_and_round_trips(small_extraction, tmp_path):
    path = write_extraction_json(small_extraction, tmp_path / "extraction.json")
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert "Zürich" in text and "£2bn" in text  # not \u-escaped
    data = json.loads(text)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data == small_extraction.to_dict()
    assert read_extraction_json(path) == Extraction.from_dict(small_extraction.to_dict())


def test_schema_check_is_not_vacuous(small_extraction):
    data = small_extraction.to_dict()
    data["events"][0]["status"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_read_extraction_json_errors_name_the_file(tmp_path):
    with pytest.raises(GraphbuildError, match="not found.*nope.json"):
        read_extraction_json(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"actors": [}', encoding="utf-8")
    with pytest.raises(GraphbuildError, match=r"bad.json is not valid JSON .*line 1"):
        read_extraction_json(bad)
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(GraphbuildError, match="bad.json does not hold an extraction"):
        read_extraction_json(bad)
    bad.write_text('{"actors": [{"label": "A"}], "places": [], "events": []}', encoding="utf-8")
    with pytest.raises(GraphbuildError, match="bad.json does not hold a valid extraction"):
        read_extraction_json(bad)


# --- round trips through networkx's own readers ------------------------------------


def test_node_link_json_round_trip(small_graph, tmp_path):
    path = write_node_link_json(small_graph, tmp_path / "graph.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    for H in (graph_from_json(path), nx.node_link_graph(data, edges="edges")):
        assert set(H) == set(small_graph)
        assert edge_events(H) == edge_events(small_graph)
        assert dict(H.nodes(data=True)) == dict(small_graph.nodes(data=True))
        assert H.graph == small_graph.graph  # events dict included
        assert set(H.edges(keys=True)) == set(small_graph.edges(keys=True))


def test_graphml_round_trip(small_graph, tmp_path):
    path = write_graphml(small_graph, tmp_path / "graph.graphml")
    H = nx.read_graphml(path, force_multigraph=True)
    assert set(H) == set(small_graph)
    assert edge_events(H) == edge_events(small_graph)
    assert set(H.edges(keys=True)) == set(small_graph.edges(keys=True))
    kerry = H.nodes["actor:john-kerry"]
    assert kerry["aliases"] == "John Kerry; Kerry; Secretary Kerry"
    assert kerry["mentions"] == 6 and isinstance(kerry["mentions"], int)
    assert "affiliation" not in kerry  # None is left out
    assert H.nodes["place:zurich"]["lat"] == pytest.approx(47.36667)
    assert "lat" not in H.nodes["place:syria"]
    assert H.nodes["actor:jaish-al-fatah"]["label"] == f'Jaish al-Fatah & "Friends" {SCRIPT}'
    edge = H.edges["actor:adel-al-jubeir", "actor:bashar-al-assad", "event:jubeir-blames-assad/0"]
    original = small_graph.edges[
        "actor:adel-al-jubeir", "actor:bashar-al-assad", "event:jubeir-blames-assad/0"
    ]
    assert edge["sentence"] == original["sentence"]  # newline, quotes and "&" intact
    assert edge["start"] == 900
    assert H.graph["name"] == "graphbuild"
    assert H.graph["documents"] == "aleppo.txt; geneva.txt"
    assert "events" not in H.graph


def test_gexf_round_trip(small_graph, tmp_path):
    path = write_gexf(small_graph, tmp_path / "graph.gexf")
    H = nx.read_gexf(path)
    assert set(H) == set(small_graph)
    assert edge_events(H) == edge_events(small_graph)
    assert H.nodes["place:zurich"]["label"] == "Zürich"
    edge = H.edges["actor:john-kerry", "actor:adel-al-jubeir", "event:kerry-jubeir-talks/0"]
    # GEXF keeps "type", "start" and "end" for itself: renamed, not lost.
    got = (edge["edge_type"], edge["sentence_start"], edge["sentence_end"])
    assert got == ("meeting", 420, 560)
    assert "lastmodifieddate" not in path.read_text(encoding="utf-8")


def test_aggregated_view_writes_too(small_graph, tmp_path):
    A = aggregate(small_graph)
    H = nx.read_graphml(write_graphml(A, tmp_path / "a.graphml"))
    assert json.loads(H.edges["actor:john-kerry", "actor:sergei-lavrov"]["types"]) == {
        "agreement": 1, "meeting": 1
    }
    G = nx.read_gexf(write_gexf(A, tmp_path / "a.gexf"))
    assert G.edges["actor:john-kerry", "actor:sergei-lavrov"]["weight"] == 2


def test_xml_formats_survive_control_characters(tmp_path):
    ext = Extraction(
        actors=[Actor("A", "person"), Actor("B", "person")],
        events=[Event("meeting", "A", ["B"], sentence="A met\x0c B.\x00", id="event:1")],
    )
    G = build_graph(ext)
    H = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"))
    assert next(iter(H.edges(data="sentence")))[2] == "A met B."
    H = nx.read_gexf(write_gexf(G, tmp_path / "g.gexf"))
    assert next(iter(H.edges(data="sentence")))[2] == "A met B."


# --- determinism and atomicity ----------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".graphml", ".gexf", ".csv"])
def test_same_graph_same_bytes(small_graph, tmp_path, suffix):
    first = write(small_graph, tmp_path / f"a{suffix}").read_bytes()
    second = write(small_graph, tmp_path / f"b{suffix}").read_bytes()
    assert first == second
    # A graph built from the same records given in another order writes the same bytes.
    shuffled = make_small_extraction()
    rng = random.Random(3)
    for items in (shuffled.actors, shuffled.places, shuffled.events):
        rng.shuffle(items)
    assert write(build_graph(shuffled), tmp_path / f"c{suffix}").read_bytes() == first
    # So does the same graph put together in another order, attributes included.
    G = nx.MultiDiGraph()
    G.graph.update(reversed(list(small_graph.graph.items())))
    G.add_nodes_from((n, dict(reversed(list(d.items()))))
                     for n, d in reversed(list(small_graph.nodes(data=True))))
    G.add_edges_from((u, v, k, dict(reversed(list(d.items()))))
                     for u, v, k, d in reversed(list(small_graph.edges(keys=True, data=True))))
    assert write(G, tmp_path / f"d{suffix}").read_bytes() == first


def test_writes_leave_no_temporary_files(small_graph, small_extraction, tmp_path):
    out = tmp_path / "out"
    write_extraction_json(small_extraction, out / "extraction.json")
    for suffix in (".json", ".graphml", ".gexf", ".csv"):
        write(small_graph, out / f"graph{suffix}")
    write_actors_csv(small_graph, out / "actors.csv")
    assert sorted(p.name for p in out.iterdir()) == [
        "actors.csv", "extraction.json", "graph.csv", "graph.gexf", "graph.graphml", "graph.json"
    ]


# --- CSV ---------------------------------------------------------------------------


def test_events_csv_one_row_per_event_with_evidence_intact(small_extraction, small_graph, tmp_path):
    path = write_events_csv(small_graph, tmp_path / "events.csv")
    rows = read_csv(path)
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert len(rows) == len(small_extraction.events) == 11
    by_id = {r["id"]: r for r in rows}
    blame = by_id["event:jubeir-blames-assad"]
    assert blame["sentence"] == (
        "He blamed Syrian President Bashar al-Assad for air strikes that have "
        'killed hundreds,\nsaying "Assad must go" & soon.'
    )
    assert by_id["event:zurich-meeting"]["targets"] == "Sergei Lavrov; Adel al-Jubeir"
    assert by_id["event:kerry-understanding"]["targets"] == ""  # no addressee, still a row
    assert by_id["event:un-appeal"]["quote"] == f"Let £2bn of aid through {SCRIPT}"
    assert by_id["event:lavrov-refuses-assad"]["place"] == ""  # None is an empty cell
    assert [(r["doc"], int(r["start"])) for r in rows] == sorted(
        (r["doc"], int(r["start"])) for r in rows
    )


def test_events_csv_from_extraction_equals_from_graph(small_extraction, small_graph, tmp_path):
    a = write_events_csv(small_extraction, tmp_path / "a.csv").read_bytes()
    b = write_events_csv(small_graph, tmp_path / "b.csv").read_bytes()
    assert a == b


def test_actors_csv(small_extraction, tmp_path):
    rows = read_csv(write_actors_csv(small_extraction, tmp_path / "actors.csv"))
    assert len(rows) == 7
    kerry = rows[0]
    assert (kerry["label"], kerry["aliases"], kerry["events"]) == (
        "John Kerry", "John Kerry; Kerry; Secretary Kerry", "5"
    )
    jaish = next(r for r in rows if r["id"] == "actor:jaish-al-fatah")
    assert jaish["label"] == f'Jaish al-Fatah & "Friends" {SCRIPT}'


def test_csv_rejects_other_inputs(tmp_path):
    with pytest.raises(GraphbuildError, match="Extraction or a graph"):
        write_events_csv({"events": []}, tmp_path / "x.csv")


# --- write() dispatch -------------------------------------------------------------------


def test_write_dispatches_on_suffix(small_graph, small_extraction, tmp_path):
    assert graph_from_json(write(small_graph, tmp_path / "g.JSON")).number_of_edges() == 21  # 20 events, 1 tie
    assert nx.read_graphml(write(small_graph, tmp_path / "g.graphml")).number_of_nodes() == 10
    assert nx.read_gexf(write(small_graph, tmp_path / "g.gexf")).number_of_nodes() == 10
    assert len(read_csv(write(small_graph, tmp_path / "g.csv"))) == 11
    # An extraction is turned into its graph first.
    H = graph_from_json(write(small_extraction, tmp_path / "e.json"))
    assert edge_events(H) == edge_events(small_graph)
    # format= wins over the suffix.
    out = write(small_graph, tmp_path / "graph.txt", format="graphml")
    assert nx.read_graphml(out).number_of_nodes() == 10


def test_write_unknown_format_is_an_error(small_graph, tmp_path):
    with pytest.raises(GraphbuildError, match=r"'\.png'.*\.graphml"):
        write(small_graph, tmp_path / "g.png")
    with pytest.raises(GraphbuildError, match="unknown format 'dot'"):
        write(small_graph, tmp_path / "g.json", format="dot")
    with pytest.raises(GraphbuildError, match="graph or an Extraction"):
        write([1, 2], tmp_path / "g.json")
    assert not list(tmp_path.iterdir())


# --- examples in the docstrings ------------------------------------------------------------


def test_docstring_examples_run():
    result = doctest.testmod(export_mod, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
