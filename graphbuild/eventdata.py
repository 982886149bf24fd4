"""Event data: the events as the field's tables, a dynamic GEXF and dyad time series.

Analysts lay graphbuild's events beside GDELT, ICEWS or POLECAT data, so
:func:`event_data_rows` writes them as event data is written: one row per
dyad (an event with two targets is two rows, one with none is one row with
an empty target), in the columns of :data:`EVENT_DATA_COLUMNS` --

``date, source_name, source_code, source_country, target_name, target_code,
target_country, cameo_code, quad_class, goldstein, place, lat, lon,
document, sentence, cluster, reports, event_id, event_type, status``

``date`` is the event's ISO day (empty when only "May" or "next week" is
known); codes and countries are the actors' CAMEO code and ISO 3166 alpha-3
country, empty where the actor has none; ``cluster`` and ``reports`` are
the happening the row reports and how many articles report it
(:mod:`graphbuild.cluster`).  :func:`write_event_data` writes CSV or
Parquet (``pip install 'graphbuild[parquet]'``); :func:`read_event_data`
reads either back into pandas with the dtypes of :data:`EVENT_DATA_DTYPES`.

:func:`write_dynamic_gexf` writes a GEXF whose edges carry their event's
date as ``start``/``end`` (Gephi's timeline), and :func:`dyad_series`
counts happenings and sums their Goldstein scores per actor pair and period
(``graphbuild analyze --series dyad --freq W``).  Nothing here imports
spaCy; pandas and pyarrow are imported only when asked for.
"""
from __future__ import annotations

import datetime as _dt
import io
import os
from pathlib import Path
from typing import Any, Hashable, Iterable, Mapping

import networkx as nx

from .graph import event_records, is_event_edge
from .types import GraphbuildError

__all__ = [
    "EVENT_DATA_COLUMNS",
    "EVENT_DATA_DTYPES",
    "FREQUENCIES",
    "event_data_rows",
    "event_data_frame",
    "write_event_data",
    "read_event_data",
    "write_dynamic_gexf",
    "dyad_series",
]

EVENT_DATA_COLUMNS = (
    "date", "source_name", "source_code", "source_country", "target_name", "target_code",
    "target_country", "cameo_code", "quad_class", "goldstein", "place", "lat", "lon", "document",
    "sentence", "cluster", "reports", "event_id", "event_type", "status",
)
#: pandas dtypes of the columns (nullable integers; text as pandas strings).
EVENT_DATA_DTYPES = {
    "date": "datetime64[ns]", "quad_class": "Int64", "goldstein": "float64", "lat": "float64",
    "lon": "float64", "reports": "Int64",
    **{c: "string" for c in ("source_name", "source_code", "source_country", "target_name",
                             "target_code", "target_country", "cameo_code", "place", "document",
                             "sentence", "cluster", "event_id", "event_type", "status")},
}
#: Periods of :func:`dyad_series`: day, week (from Monday), month, quarter, year.
FREQUENCIES = ("D", "W", "M", "Q", "Y")


def _day(value: Any) -> str | None:
    if isinstance(value, str) and len(value) >= 10:
        try:
            return _dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    return None


def event_data_rows(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per dyad of every event of ``G``, in :data:`EVENT_DATA_COLUMNS`.

    Rows are sorted by date (undated last), document, offset, event id and
    target.  Missing values are None.

    Examples
    --------
    >>> from graphbuild.graph import build_graph
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> x = Extraction(actors=[Actor("A", "state"), Actor("B", "state"), Actor("C", "state")],
    ...                events=[Event("accusation", "A", ["B", "C"], date="2016-05-02", cameo="112")])
    >>> x.actors[0].code = "USA"
    >>> [(r["source_code"], r["target_name"], r["cameo_code"]) for r in event_data_rows(build_graph(x))]
    [('USA', 'B', '112'), ('USA', 'C', '112')]
    """
    nodes = G.nodes
    rows = []
    for eid, ev in event_records(G).items():
        src = ev.get("source_id")
        sattrs = nodes[src] if src in nodes else {}
        place = ev.get("place_id")
        pattrs = nodes[place] if place in nodes else {}
        base = {
            "date": _day(ev.get("date")),
            "source_name": sattrs.get("label") or ev.get("source") or None,
            "source_code": sattrs.get("code"),
            "source_country": sattrs.get("country"),
            "cameo_code": ev.get("cameo"),
            "quad_class": ev.get("quad_class"),
            "goldstein": ev.get("goldstein"),
            "place": pattrs.get("label") or ev.get("place"),
            "lat": pattrs.get("lat"),
            "lon": pattrs.get("lon"),
            "document": ev.get("doc") or None,
            "sentence": ev.get("sentence") or None,
            "cluster": ev.get("cluster"),
            "reports": ev.get("reports"),
            "event_id": eid,
            "event_type": ev.get("type"),
            "status": ev.get("status"),
        }
        targets = list(ev.get("target_ids") or [])
        labels = list(ev.get("targets") or [])
        if not targets:
            rows.append({**base, "target_name": None, "target_code": None, "target_country": None,
                         "_order": (ev.get("start") or 0, "")})
        for i, t in enumerate(targets):
            tattrs = nodes[t] if t in nodes else {}
            rows.append({**base, "target_name": tattrs.get("label") or (labels[i] if i < len(labels) else t),
                         "target_code": tattrs.get("code"), "target_country": tattrs.get("country"),
                         "_order": (ev.get("start") or 0, str(t))})
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["document"] or "", r["_order"],
                             r["event_id"]))
    for r in rows:
        del r["_order"]
    return [{c: r.get(c) for c in EVENT_DATA_COLUMNS} for r in rows]


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:
        raise GraphbuildError("event data as a table needs pandas: pip install 'graphbuild[parquet]'") from exc
    return pd


def event_data_frame(G: nx.MultiDiGraph) -> Any:
    """:func:`event_data_rows` as a ``pandas.DataFrame`` with :data:`EVENT_DATA_DTYPES`."""
    pd = _pandas()
    frame = pd.DataFrame(event_data_rows(G), columns=list(EVENT_DATA_COLUMNS))
    return _typed(pd, frame)


def _typed(pd: Any, frame: Any) -> Any:
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce").astype("datetime64[ns]")
    for col, dtype in EVENT_DATA_DTYPES.items():
        if col == "date":
            continue
        if dtype == "Int64":
            frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("Int64")
        elif dtype == "float64":
            frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
        else:
            frame[col] = frame[col].astype("string")
    return frame


def write_event_data(G: nx.MultiDiGraph, path: str | os.PathLike[str], format: str | None = None) -> Path:
    """Write the event data table as CSV (``.csv``) or Parquet (``.parquet``).

    CSV needs nothing beyond the standard library (empty cells for missing
    values, dates as ``YYYY-MM-DD``); Parquet needs pandas and pyarrow and
    keeps the dtypes.

    Raises
    ------
    GraphbuildError
        For another suffix, or Parquet without pyarrow (with the command that
        installs it).
    """
    from .export import write_rows_csv
    from .util import atomic_write_bytes

    fmt = (format or Path(path).suffix.lstrip(".")).lower()
    if fmt == "csv":
        return write_rows_csv(path, EVENT_DATA_COLUMNS, event_data_rows(G))
    if fmt != "parquet":
        raise GraphbuildError(f"event data is written as .csv or .parquet, not {Path(path).name!r}")
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise GraphbuildError("writing Parquet needs pyarrow: pip install 'graphbuild[parquet]' "
                              "(or write the event data as .csv)") from None
    buf = io.BytesIO()
    event_data_frame(G).to_parquet(buf, index=False, engine="pyarrow")
    return atomic_write_bytes(path, buf.getvalue())


def read_event_data(path: str | os.PathLike[str]) -> Any:
    """Read a table written by :func:`write_event_data` into pandas, with :data:`EVENT_DATA_DTYPES`."""
    pd = _pandas()
    p = Path(path)
    if p.suffix.lower() == ".parquet":
        return _typed(pd, pd.read_parquet(p))
    frame = pd.read_csv(p, dtype=str, keep_default_na=False, na_values=[""])
    return _typed(pd, frame)


# --------------------------------------------------------------------------- #
# Dynamic GEXF
# --------------------------------------------------------------------------- #


def write_dynamic_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` as a dynamic GEXF for Gephi's timeline.

    Every event edge gets ``start`` and ``end``: its event's ISO day (Gephi
    draws it on that day); an edge whose event has no ISO day has none and
    shows at every time.  A node starts on the first day of its events.
    Other attributes are written as by :func:`graphbuild.export.write_gexf`
    (the sentence offsets as ``sentence_start``/``sentence_end``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graphbuild.graph import build_graph
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> G = build_graph(Extraction(actors=[Actor("A", "person"), Actor("B", "person")],
    ...                 events=[Event("meeting", "A", ["B"], date="2016-05-02")]))
    >>> path = write_dynamic_gexf(G, pathlib.Path(tempfile.mkdtemp()) / "g.gexf")
    >>> [(d["start"], d["end"]) for *_, d in nx.read_gexf(path).edges(data=True)]
    [('2016-05-02', '2016-05-02')]
    """
    from .export import write_gexf

    H = G.copy()
    first: dict[Hashable, str] = {}
    for u, v, k, d in H.edges(keys=True, data=True):
        day = _day(d.get("date")) if is_event_edge(d) else None
        d["sentence_start"], d["sentence_end"] = d.pop("start", None), d.pop("end", None)
        if day:
            d["start"] = d["end"] = day
            for n in (u, v):
                if n not in first or day < first[n]:
                    first[n] = day
    for n, day in first.items():
        H.nodes[n]["start"] = day
    H.graph["mode"] = "dynamic"
    H.graph["timeformat"] = "date"
    return write_gexf(H, path, dynamic=True)


# --------------------------------------------------------------------------- #
# Dyad time series
# --------------------------------------------------------------------------- #


def _period(day: str, freq: str) -> str:
    d = _dt.date.fromisoformat(day)
    if freq == "D":
        return day
    if freq == "W":
        return (d - _dt.timedelta(days=d.weekday())).isoformat()
    if freq == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if freq == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    return f"{d.year:04d}"


def dyad_series(G: nx.MultiDiGraph, freq: str = "W", *, types: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Happenings and Goldstein sums per directed actor pair and period.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    freq : {"D", "W", "M", "Q", "Y"}
        Day, week (labelled by its Monday), month, quarter or year.
    types : list of str, optional
        Count only these event types.

    Returns
    -------
    list of dict
        ``period, source, target, events`` (happenings: the reports of one
        happening count once), ``reports`` (event records), ``goldstein``
        (sum over the happenings; None when none has a score) and
        ``mean_goldstein``; sorted by period, source and target.  Events
        with no ISO day or no target are left out; a happening reported on
        several days counts in the period of its first day.

    Examples
    --------
    >>> from graphbuild.graph import build_graph
    >>> from graphbuild.types import Actor, Event, Extraction
    >>> x = Extraction(actors=[Actor("A", "state"), Actor("B", "state")], events=[
    ...     Event("appeal", "A", ["B"], date="2016-05-02", doc="a", goldstein=3.0, cluster="h1"),
    ...     Event("appeal", "A", ["B"], date="2016-05-02", doc="b", goldstein=3.0, cluster="h1"),
    ...     Event("threat", "A", ["B"], date="2016-05-05", doc="a", start=9, goldstein=-4.0, cluster="h2")])
    >>> [(r["period"], r["events"], r["reports"], r["goldstein"]) for r in dyad_series(build_graph(x), "W")]
    [('2016-05-02', 2, 3, -1.0)]
    """
    if freq not in FREQUENCIES:
        raise GraphbuildError(f"unknown frequency {freq!r}; choose one of: {', '.join(FREQUENCIES)}")
    wanted = set(types) if types is not None else None
    records = {eid: ev for eid, ev in event_records(G).items()
               if _day(ev.get("date")) and (wanted is None or ev.get("type") in wanted)}
    # A happening belongs to the period of its first report's day.
    first: dict[Any, str] = {}
    for eid, ev in records.items():
        h, day = ev.get("cluster") or eid, _day(ev.get("date"))
        if h not in first or day < first[h]:
            first[h] = day
    cells: dict[tuple[str, str, str], dict[str, Any]] = {}
    for eid, ev in records.items():
        src = ev.get("source_id")
        for t in ev.get("target_ids") or []:
            if src is None:
                continue
            key = (_period(first[ev.get("cluster") or eid], freq), _label(G, src), _label(G, t))
            cell = cells.setdefault(key, {"happenings": {}, "reports": 0})
            cell["reports"] += 1
            cell["happenings"].setdefault(ev.get("cluster") or eid, ev.get("goldstein"))
    rows = []
    for (period, source, target), cell in sorted(cells.items()):
        scores = [g for g in cell["happenings"].values() if isinstance(g, (int, float))]
        total = round(sum(scores), 4) if scores else None
        rows.append({"period": period, "source": source, "target": target,
                     "events": len(cell["happenings"]), "reports": cell["reports"], "goldstein": total,
                     "mean_goldstein": round(total / len(scores), 4) if scores else None})
    return rows


def _label(G: nx.Graph, node: Hashable) -> str:
    return str(G.nodes[node].get("label", node)) if node in G else str(node)
