"""Event data exports: the field's table (CSV, Parquet), a dynamic GEXF, dyad time series."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import networkx as nx
import pytest

from conftest import make_small_extraction
from graphbuild.cluster import assign_clusters
from graphbuild.eventdata import (
    EVENT_DATA_COLUMNS,
    EVENT_DATA_DTYPES,
    dyad_series,
    event_data_rows,
    read_event_data,
    write_dynamic_gexf,
    write_event_data,
)
from graphbuild.graph import build_graph
from graphbuild.types import Actor, Event, Extraction, GraphbuildError


def _graph() -> nx.MultiDiGraph:
    x = make_small_extraction()
    for a in x.actors:  # what actor coding adds
        a.code, a.country = {"John Kerry": ("USAGOV", "USA"), "Syria": ("SYR", "SYR")}.get(a.label, (None, None))
    for e in x.events:  # what the CAMEO scales add
        e.goldstein, e.quad_class = {"meeting": (1.0, 1), "accusation": (-2.0, 3)}.get(e.type, (None, None))
    return build_graph(assign_clusters(x))


def _row(rows, event_id: str, target: str | None = None):
    return next(r for r in rows if r["event_id"] == "event:" + event_id and r["target_name"] == target)


def test_one_row_per_dyad_in_the_fields_columns() -> None:
    rows = event_data_rows(_graph())
    assert list(rows[0]) == list(EVENT_DATA_COLUMNS)
    # Two targets: two rows; no target: one row with an empty target.
    assert [r["target_name"] for r in rows if r["event_id"] == "event:zurich-meeting"] == \
        ["Adel al-Jubeir", "Sergei Lavrov"]
    talks = _row(rows, "kerry-jubeir-talks", "Adel al-Jubeir")
    assert (talks["date"], talks["source_name"], talks["source_code"], talks["source_country"]) == \
        ("2016-05-02", "John Kerry", "USAGOV", "USA")
    assert (talks["cameo_code"], talks["quad_class"], talks["goldstein"]) == ("046", 1, 1.0)
    assert (talks["place"], talks["lat"], talks["lon"], talks["document"]) == ("Geneva", 46.20222, 6.14569, "geneva.txt")
    assert talks["cluster"].startswith("happening:") and talks["reports"] == 1
    statement = _row(rows, "kerry-understanding")
    assert statement["date"] is None  # "May 2" is no ISO day
    appeal = _row(rows, "un-appeal", "Syria")
    assert (appeal["target_code"], appeal["target_country"], appeal["goldstein"]) == ("SYR", "SYR", None)
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and rows[-1]["date"] is None  # chronological, undated last


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_the_table_loads_in_pandas_with_the_right_dtypes(tmp_path: Path, suffix: str) -> None:
    pd = pytest.importorskip("pandas")
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    path = write_event_data(_graph(), tmp_path / f"events{suffix}")
    frame = read_event_data(path)
    assert list(frame.columns) == list(EVENT_DATA_COLUMNS)
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        c: ("str" if t == "string" and str(frame[c].dtype) == "str" else t) for c, t in EVENT_DATA_DTYPES.items()}
    talks = frame[(frame.event_id == "event:kerry-jubeir-talks")].iloc[0]
    assert talks.date == pd.Timestamp("2016-05-02") and talks.goldstein == 1.0 and talks.quad_class == 1
    assert pd.isna(frame[frame.event_id == "event:kerry-understanding"].iloc[0].date)
    assert frame.quad_class.isna().sum() > 0 and frame.lat.dtype == "float64"
    assert (frame.sentence == pd.Series([r["sentence"] for r in event_data_rows(_graph())])).all()
    # Plain pandas reads the CSV too: dates and numbers parse, text stays text.
    if suffix == ".csv":
        plain = pd.read_csv(path, parse_dates=["date"])
        assert str(plain.date.dtype).startswith("datetime64") and plain.goldstein.dtype == "float64"


def test_parquet_without_pyarrow_says_how_to_get_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(GraphbuildError, match=r"pip install 'graphbuild\[parquet\]'"):
        write_event_data(_graph(), tmp_path / "events.parquet")
    assert not (tmp_path / "events.parquet").exists()
    with pytest.raises(GraphbuildError, match=r"\.csv or \.parquet"):
        write_event_data(_graph(), tmp_path / "events.xlsx")


def test_the_dynamic_gexf_round_trips_through_networkx(tmp_path: Path) -> None:
    G = _graph()
    path = write_dynamic_gexf(G, tmp_path / "g.gexf")
    H = nx.read_gexf(path)
    assert H.graph["mode"] == "dynamic"
    assert 'timeformat="date"' in path.read_text(encoding="utf-8")
    assert set(H) == set(G)
    assert sorted(H.edges(keys=True)) == sorted((u, v, str(k)) for u, v, k in G.edges(keys=True))
    for u, v, k, d in G.edges(keys=True, data=True):
        back = H.edges[u, v, str(k)]
        if d.get("event") is None:
            continue  # an affiliation tie: no time
        day = d["date"] if d.get("date") and len(d["date"]) == 10 else None
        assert (back.get("start"), back.get("end")) == (day, day)
        assert back["edge_type"] == d["type"] and back["sentence"] == d["sentence"]
        assert back["sentence_start"] == d["start"]
    assert H.nodes["actor:john-kerry"]["start"] == "2016-05-02"   # its first dated event


def test_dyad_series_counts_happenings_and_sums_goldstein() -> None:
    actors = [Actor("A", "state"), Actor("B", "state")]
    x = Extraction(actors=actors, documents=[{"id": d} for d in "abc"], events=[
        Event("appeal", "A", ["B"], date="2016-05-02", doc="a", goldstein=3.0),
        Event("appeal", "A", ["B"], date="2016-05-03", doc="b", goldstein=3.0),  # the same appeal, reported again
        Event("threat", "A", ["B"], date="2016-05-06", doc="a", start=5, goldstein=-4.0),
        Event("meeting", "B", ["A"], date="2016-05-09", doc="c", goldstein=1.0),
        Event("statement", "A", [], date="2016-05-09", doc="c", start=9, goldstein=0.0),  # no dyad
        Event("meeting", "B", ["A"], date="May", doc="c", start=20),                       # no day
    ])
    G = build_graph(assign_clusters(x))
    week = [(r["period"], r["source"], r["target"], r["events"], r["reports"], r["goldstein"])
            for r in dyad_series(G, "W")]
    assert week == [("2016-05-02", "A", "B", 2, 3, -1.0), ("2016-05-09", "B", "A", 1, 1, 1.0)]
    month = dyad_series(G, "M")
    assert [(r["period"], r["events"]) for r in month] == [("2016-05", 2), ("2016-05", 1)]
    assert [r["events"] for r in dyad_series(G, "D")] == [1, 1, 1]
    assert dyad_series(G, "W", types=["threat"])[0]["goldstein"] == -4.0
    with pytest.raises(GraphbuildError, match="unknown frequency"):
        dyad_series(G, "fortnight")


def test_cli_writes_event_data_and_prints_the_dyad_series(tmp_path: Path, capsys) -> None:
    from graphbuild.cli import main
    from graphbuild.export import write_extraction_json

    x = make_small_extraction()
    path = write_extraction_json(x, tmp_path / "x.json")
    out = tmp_path / "events.csv"
    assert main(["build", "-q", "--extraction", str(path), "--no-html", "--event-data", str(out),
                 "--gexf-dynamic", str(tmp_path / "d.gexf")]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(EVENT_DATA_COLUMNS)
    assert nx.read_gexf(tmp_path / "d.gexf").graph["mode"] == "dynamic"
    assert main(["analyze", str(path), "--series", "dyad", "--freq", "W", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    talks = [r for r in rows if (r["source"], r["target"]) == ("John Kerry", "Adel al-Jubeir")]
    assert [(r["period"], r["events"]) for r in talks] == [("2016-05-02", 1), ("2016-05-09", 1)]  # talks, Zurich plan
    assert main(["analyze", str(path), "--series", "dyad", "--freq", "M"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["period", "source", "target", "events", "reports", "goldstein"]
