"""The Lee page, measured as a new user would see it: first view, map order, one-day range.

    .venv/bin/python bench/bench_lee_page.py                         # dates and extracts the Lee articles
    .venv/bin/python bench/bench_lee_page.py --extraction leed.json  # an extraction of the dated copy

The 300 Lee articles carry no dates; ``tools/date_corpus.py`` gives each a
deterministic date in 2001.  The page is built as ``graphbuild build`` does and
opened offline in headless Chromium, which reports:

* the share of drawn nodes that have no drawn edge in the first view (goal: at most 10%);
* whether the map orders the drawn places by longitude (x) and latitude (y);
* the edges drawn over all days and for the busiest single day (goal: fewer, and more than none).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from screenshot import ARGS, CHROMIUM, build_page, open_page  # noqa: E402

PROBE = """() => {
  const gb = graphbuild, v = gb.visible();
  const ends = new Set(); v.edges.forEach(e => { ends.add(e[0]); ends.add(e[1]); });
  const lonely = v.nodes.filter(n => !ends.has(n)).length;
  const days = {};
  gb.data.edges.forEach(e => e.events.forEach(k => {
    const ev = gb.data.events[k]; const d = (ev.date && ev.date.length >= 10 ? ev.date.slice(0, 10) : ev.doc_date);
    if (d) days[d] = (days[d] || 0) + 1; }));
  const busiest = Object.keys(days).sort((a, b) => days[b] - days[a] || (a < b ? -1 : 1))[0];
  gb.setDateRange(busiest, busiest);
  const oneDay = gb.visible().edges.length;
  gb.setDateRange(null, null);
  gb.setView("map");
  const pos = gb.positions(), byId = {}; gb.data.nodes.forEach(n => { byId[n.id] = n; });
  const places = Object.keys(pos).filter(id => byId[id].kind === "place" && typeof byId[id].lon === "number");
  let xOrder = true, yOrder = true;
  for (const a of places) for (const b of places) {
    if (byId[a].lon < byId[b].lon && !(pos[a].x < pos[b].x)) xOrder = false;
    if (byId[a].lat < byId[b].lat && !(pos[a].y > pos[b].y)) yOrder = false;
  }
  return {nodes: v.nodes.length, edges: v.edges.length, lonely: lonely, busiest: busiest,
          one_day_edges: oneDay, map_places: places.length, map_x_by_longitude: xOrder,
          map_y_by_latitude: yOrder, showing: document.getElementById("gb-showing").textContent};
}"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="a JSONL corpus (default: the Lee articles, bench/corpus/lee.jsonl)")
    ap.add_argument("--extraction", type=Path, help="an extraction of the dated corpus")
    args = ap.parse_args(argv)
    out = Path(tempfile.mkdtemp())
    page = build_page(args, out)  # the same page the README's screenshots show
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = open_page(browser, page, {"width": 1280, "height": 800})
        r = tab.evaluate(PROBE)
        browser.close()
    share = r["lonely"] / r["nodes"] if r["nodes"] else 0.0
    print(f"first view: {r['nodes']} nodes, {r['edges']} edges, {r['lonely']} without a drawn edge ({share:.1%})")
    print(f"  {r['showing']}")
    print(f"one day ({r['busiest']}): {r['one_day_edges']} edges of {r['edges']}")
    print(f"map: {r['map_places']} places; x follows longitude: {r['map_x_by_longitude']}, "
          f"y follows latitude: {r['map_y_by_latitude']}")
    ok = share <= 0.10 and 0 < r["one_day_edges"] < r["edges"] and r["map_x_by_longitude"] and r["map_y_by_latitude"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
