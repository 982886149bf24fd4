"""Benchmark the interactive page: graphbuild's against a default pyvis page.

For seeded random news-like graphs (power-law-ish actor activity, about four
edges per node) at 500, 2,000 and 5,000 nodes this measures, in one run:

* the time to build the HTML in Python (``render_html`` for graphbuild;
  ``Network()`` + ``from_nx`` on a copy + ``generate_html`` for pyvis);
* the time to interactive in headless Chromium: from navigation start until
  the network has drawn after its layout is done and the page answers.
  graphbuild's page records it itself (``window.graphbuild.readyAt``: first
  ``afterDrawing`` after stabilisation, or at once when physics is off); the
  pyvis page gets the same probe inserted after its ``new vis.Network(...)``
  (first ``afterDrawing`` after ``stabilizationIterationsDone``).

Every request that is not ``file:`` or ``data:`` is aborted: pyvis's page
asks a CDN for Bootstrap, which would otherwise make the timings depend on
the network.  Results go to stdout and ``bench/results/page.md``.

Usage::

    .venv/bin/python bench/bench_page.py                 # 500, 2000, 5000 nodes
    .venv/bin/python bench/bench_page.py --sizes 500 --pyvis-timeout 60
"""
from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphbuild.render import render_html  # noqa: E402
from graphbuild.types import EVENT_TYPES  # noqa: E402
from graphbuild.util import atomic_write_text  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SIZES = (500, 2000, 5000)
EDGES_PER_NODE = 4
PLACE_SHARE = 0.15
ACTOR_TYPES = (("person", 0.5), ("organization", 0.25), ("state", 0.15), ("group", 0.10))
TYPE_WEIGHTS = {"meeting": 0.22, "statement": 0.34, "accusation": 0.10, "appeal": 0.08, "threat": 0.05,
                "denial": 0.04, "agreement": 0.07, "attack": 0.06}
STATUS_WEIGHTS = (("occurred", 0.8), ("planned", 0.08), ("proposed", 0.04),
                  ("negated", 0.04), ("hypothetical", 0.04))
TRIGGERS = {
    "meeting": "met", "statement": "said", "accusation": "accused", "appeal": "urged",
    "threat": "warned", "denial": "denied", "agreement": "agreed", "attack": "attacked",
}
SYLLABLES = ("al", "ba", "de", "ka", "lo", "mi", "na", "or", "ra", "sa", "ta", "vi", "ze", "qu",
             "hel", "mar", "ser", "tor", "von", "ju", "ber", "dan", "el", "fi")
FILLER = ("officials said on Monday, according to state media, as talks on a ceasefire "
          "continued amid reports of heavy fighting near the border.")
# Inserted into pyvis's page right after it builds its network: the same
# "drawn after stabilisation" moment graphbuild's page records itself.
PYVIS_ANCHOR = "network = new vis.Network(container, data, options);"
PYVIS_PROBE = (
    PYVIS_ANCHOR
    + "\nwindow.__bench = {readyAt: null};"
    + "\nnetwork.once('stabilizationIterationsDone', function () {"
    + " network.once('afterDrawing', function () { window.__bench.readyAt = performance.now(); });"
    + " });"
)


def _name(rng: random.Random, words: int) -> str:
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(words)
    )


def news_graph(n: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """A random graph shaped like graphbuild's output for a news corpus.

    Actors are picked with Zipf-like weights (a few heads of state and
    ministers appear everywhere, most names once or twice); about one event in
    three happens at a place.  Events are added until the graph has
    ``EDGES_PER_NODE * n`` edges.  Follows ``docs/graph-schema.md``.
    """
    rng = random.Random(seed)
    G = nx.MultiDiGraph(name=f"bench-{n}", documents=[], events={})
    n_places = max(1, int(n * PLACE_SHARE))
    actors, places = [], []
    for i in range(n - n_places):
        atype = rng.choices([t for t, _ in ACTOR_TYPES], [w for _, w in ACTOR_TYPES])[0]
        label = _name(rng, 2 if atype == "person" else rng.randint(1, 3))
        nid = f"actor:a{i}"
        G.add_node(nid, kind="actor", label=label, type=atype, aliases=[label, label.split()[-1]],
                   mentions=0, title=None, affiliation=None, docs=[])
        actors.append(nid)
    for i in range(n_places):
        label = _name(rng, 1)
        nid = f"place:p{i}"
        G.add_node(nid, kind="place", label=label, type="place", aliases=[label], mentions=0,
                   country=None, lat=None, lon=None, docs=[])
        places.append(nid)
    # Cumulative weights: random.choices would re-add n weights on every call.
    actor_w = list(itertools.accumulate(1.0 / (r + 1) ** 0.9 for r in range(len(actors))))
    place_w = list(itertools.accumulate(1.0 / (r + 1) ** 0.9 for r in range(len(places))))
    statuses, status_w = zip(*STATUS_WEIGHTS)

    k = edges = 0
    while edges < EDGES_PER_NODE * n:
        src = rng.choices(actors, cum_weights=actor_w)[0]
        tgt = rng.choices(actors, cum_weights=actor_w)[0] if rng.random() < 0.8 else None
        if tgt == src:
            continue
        place = rng.choices(places, cum_weights=place_w)[0] if rng.random() < 0.35 else None
        etype = rng.choices(EVENT_TYPES, [TYPE_WEIGHTS.get(t, 0.03) for t in EVENT_TYPES])[0]
        status = rng.choices(statuses, status_w)[0]
        date = f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc = f"doc_{k // 6:05d}.txt"
        trigger = TRIGGERS.get(etype, etype)
        lab = G.nodes
        sentence = f"{lab[src]['label']} {trigger} " + (f"{lab[tgt]['label']} " if tgt else "") + (
            f"in {lab[place]['label']} " if place else "") + FILLER
        eid = f"event:{k:06d}"
        ev = {
            "id": eid, "type": etype, "source": lab[src]["label"],
            "targets": [lab[tgt]["label"]] if tgt else [], "place": lab[place]["label"] if place else None,
            "date": date, "date_text": date, "status": status, "trigger": trigger, "cameo": None,
            "quote": "we will not accept this" if rng.random() < 0.2 else None,
            "sentence": sentence, "doc": doc, "start": 100 * (k % 6), "end": 100 * (k % 6) + len(sentence),
            "source_id": src, "target_ids": [tgt] if tgt else [], "place_id": place,
        }
        G.graph["events"][eid] = ev
        edge = {f: ev[f] for f in ("cameo", "status", "trigger", "date", "date_text", "place",
                                  "quote", "sentence", "doc", "start", "end")}
        m = 0
        if tgt:
            G.add_edge(src, tgt, key=eid, event=eid, type=etype, **edge)
            m += 1
            edges += 1
        if place:
            for actor in (src, tgt) if tgt else (src,):
                G.add_edge(actor, place, key=f"{eid}/{m}", event=eid, type="at", **edge)
                m += 1
                edges += 1
        for node in (src, tgt, place):
            if node:
                G.nodes[node]["mentions"] += 1
                if doc not in G.nodes[node]["docs"]:
                    G.nodes[node]["docs"].append(doc)
        k += 1
    G.graph["documents"] = sorted({ev["doc"] for ev in G.graph["events"].values()})
    return G


def build_graphbuild(G: nx.MultiDiGraph) -> tuple[str, float]:
    t = time.perf_counter()
    page = render_html(G, title=f"bench {G.number_of_nodes()} nodes")
    return page, time.perf_counter() - t


def build_pyvis(G: nx.MultiDiGraph) -> tuple[str, float]:
    from pyvis.network import Network

    t = time.perf_counter()
    net = Network(cdn_resources="in_line")
    net.from_nx(G.copy())  # from_nx rewrites node attributes of the graph it gets
    page = net.generate_html()
    seconds = time.perf_counter() - t
    if PYVIS_ANCHOR not in page:
        raise RuntimeError("pyvis page changed: cannot find where it builds its network")
    return page.replace(PYVIS_ANCHOR, PYVIS_PROBE, 1), seconds


def time_to_interactive(browser: Any, path: Path, probe: str, timeout_s: float) -> dict[str, Any]:
    """Open ``path`` and wait until ``probe`` (a JS expression) gives a number."""
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    out: dict[str, Any] = {"ready_s": None, "responds_s": None, "blocked": blocked, "errors": errors}
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        # Polled from Python: page.wait_for_function evaluates its predicate
        # with eval, which graphbuild's Content-Security-Policy forbids.
        deadline = time.monotonic() + timeout_s
        ready = None
        while ready is None and time.monotonic() < deadline:
            ready = page.evaluate(f"(() => {{ const r = {probe}; return typeof r === 'number' ? r : null; }})()")
            if ready is None:
                time.sleep(0.05)
        if ready is None:
            raise TimeoutError(f"not interactive after {timeout_s:.0f} s")
        out["ready_s"] = ready / 1000.0
        # The evaluate itself needs the main thread: a page still busy laying
        # out would answer late.
        out["responds_s"] = page.evaluate("performance.now()") / 1000.0
        out["drawn"] = page.evaluate(
            "window.graphbuild ? [graphbuild.network.body.nodeIndices.length, graphbuild.drawnEdgeCount()]"
            " : [network.body.nodeIndices.length, network.body.edgeIndices.length]"
        )
    except Exception as exc:  # timeout or crash: reported, not fatal to the run
        out["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
    finally:
        page.close()
    return out


def _fmt(seconds: float | None, timeout: float) -> str:
    return f">{timeout:.0f} s" if seconds is None else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    ap.add_argument("--pyvis-timeout", type=float, default=300.0, help="seconds (default 300)")
    ap.add_argument("--no-pyvis", action="store_true", help="only measure graphbuild's page")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "page.md")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    # Warm up (imports, numpy's FFT plans) so that every row measures the same work.
    build_graphbuild(news_graph(50, seed=1))
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in args.sizes:
            G = news_graph(n, seed=n)
            row: dict[str, Any] = {"nodes": n, "edges": G.number_of_edges(),
                                   "events": len(G.graph["events"])}
            html, row["gb_build"] = build_graphbuild(G)
            row["gb_mb"] = len(html.encode("utf-8")) / 1e6
            path = Path(tmp) / f"graphbuild_{n}.html"
            path.write_text(html, encoding="utf-8")
            gb = time_to_interactive(browser, path, "window.graphbuild && window.graphbuild.readyAt", 120.0)
            row["gb"] = gb
            print(f"{n} nodes: graphbuild build {row['gb_build']:.2f} s, ready {gb['ready_s']}, "
                  f"drawn {gb.get('drawn')}, blocked {len(gb['blocked'])}, errors {gb['errors']}",
                  file=sys.stderr, flush=True)
            if not args.no_pyvis:
                html, row["pv_build"] = build_pyvis(G)
                row["pv_mb"] = len(html.encode("utf-8")) / 1e6
                path = Path(tmp) / f"pyvis_{n}.html"
                path.write_text(html, encoding="utf-8")
                pv = time_to_interactive(browser, path, "window.__bench && window.__bench.readyAt",
                                         args.pyvis_timeout)
                row["pv"] = pv
                print(f"{n} nodes: pyvis build {row['pv_build']:.2f} s, ready {pv['ready_s']}, "
                      f"drawn {pv.get('drawn')}, blocked {len(pv['blocked'])}",
                      file=sys.stderr, flush=True)
            rows.append(row)
        version = browser.version
        browser.close()

    lines = [
        "# Page benchmark: graphbuild vs default pyvis",
        "",
        f"Chromium {version} headless, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}. Random news-like graphs (seeded), about "
        f"{EDGES_PER_NODE} edges per node. *Build*: Python time to produce the HTML. "
        "*Interactive*: navigation start until the network has drawn after its layout "
        "(and the page answers). Requests other than file:/data: aborted (pyvis asks a CDN "
        "for Bootstrap).",
        "",
        "| nodes | edges | events | graphbuild build | graphbuild page | graphbuild interactive "
        "| pyvis build | pyvis page | pyvis interactive |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        gb = r["gb"]
        cells = [str(r["nodes"]), str(r["edges"]), str(r["events"]), f"{r['gb_build']:.2f} s",
                 f"{r['gb_mb']:.1f} MB", _fmt(gb["ready_s"], 120.0)]
        if "pv" in r:
            cells += [f"{r['pv_build']:.2f} s", f"{r['pv_mb']:.1f} MB",
                      _fmt(r["pv"]["ready_s"], args.pyvis_timeout)]
        else:
            cells += ["-", "-", "-"]
        lines.append("| " + " | ".join(cells) + " |")
    drawn = [f"{r['nodes']}: graphbuild drew {r['gb'].get('drawn')}"
             + (f", pyvis drew {r['pv'].get('drawn')}" if "pv" in r else "") for r in rows]
    lines += ["", "Drawn [nodes, edges] (graphbuild draws one edge per node pair): "
              + "; ".join(drawn) + ".", ""]
    text = "\n".join(lines)
    print(text)
    atomic_write_text(args.out, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
