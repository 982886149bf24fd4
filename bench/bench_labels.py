"""Overlapping node labels on small pages, counted in headless Chromium.

    .venv/bin/python bench/bench_labels.py                  # the sample article and the seed article
    .venv/bin/python bench/bench_labels.py page.html ...     # pages built elsewhere (e.g. by another revision)

Without arguments it builds the page of the bundled sample article (``graphbuild
build --sample``), of the sample corpus (that article and three short ones) and of the seed article (``/work/shared/corpus/seed``, when
it is there) with this checkout.  Each page is opened offline at 1280x800 and
measured in the first view (the fitted graph), zoomed in twice and four
times on its centre, and in the neighbourhood of the node with the most events.  A label's box is the one vis-network draws (its text at
the size shown on screen: past ``maxVisible`` the text stops growing); only
labels vis-network draws at that zoom and that lie in the frame count.  The
script prints the number of labels, the pairs of labels whose boxes overlap,
and the labels that cover another node's disc.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from screenshot import ARGS, CHROMIUM, open_page  # noqa: E402

SEED = Path("/work/shared/corpus/seed/000_a18b5537a7df3696.txt")
ZOOMS = (1, 2, 4)

#: The drawn label boxes and node discs of the current view (canvas units).
BOXES = """() => {
  const net = graphbuild.network, body = net.body.nodes, scale = net.getScale();
  const frame = net.canvas.frame.canvas;
  const tl = net.DOMtoCanvas({x: 0, y: 0}), br = net.DOMtoCanvas({x: frame.clientWidth, y: frame.clientHeight});
  const labels = [], discs = [];
  for (const id of graphbuild.nodes.getIds()) {
    const n = body[id];
    if (!n || n.x < tl.x || n.x > br.x || n.y < tl.y || n.y > br.y) continue;
    const r = n.options.size;
    discs.push([n.x - r, n.y - r, n.x + r, n.y + r, id]);
    const L = n.labelModule;
    if (!L.visible()) continue;
    let {left, top, width, height} = L.size;
    const onScreen = L.fontOptions.size * scale, most = n.options.scaling.label.maxVisible;
    if (onScreen > most) {  // vis-network draws the text smaller than the box it measured
      const k = most / onScreen, cx = left + width / 2;
      width *= k; height *= k; left = cx - width / 2;
    }
    labels.push([left, top, left + width, top + height, id]);
  }
  return {labels: labels, discs: discs, scale: scale};
}"""


def overlaps(a: list[Any], b: list[Any], slack: float) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def count(view: dict[str, Any]) -> dict[str, int]:
    """Pairs of overlapping labels, and labels over another node's disc (1 screen pixel of slack)."""
    slack = 1 / view["scale"]
    labels, discs = view["labels"], view["discs"]
    pairs = sum(overlaps(a, b, slack) for i, a in enumerate(labels) for b in labels[i + 1:])
    covering = sum(any(d[4] != a[4] and overlaps(a, d, slack) for d in discs) for a in labels)
    return {"labels": len(labels), "label_pairs": pairs, "labels_on_nodes": covering}


def measure_view(tab: Any, zooms: tuple[int, ...] = ZOOMS) -> dict[str, dict[str, int]]:
    """{"zoom xN": counts} of what the tab shows now, fitted and zoomed in on its centre."""
    tab.evaluate("graphbuild.network.fit()")
    time.sleep(0.2)
    fitted = tab.evaluate("graphbuild.network.getScale()")
    out = {}
    for zoom in zooms:
        tab.evaluate("(s) => { graphbuild.network.moveTo({scale: s}); graphbuild.network.redraw(); }", fitted * zoom)
        time.sleep(0.2)
        out[f"zoom x{zoom}"] = count(tab.evaluate(BOXES))
    return out


def measure(browser: Any, page: Path) -> dict[str, dict[str, int]]:
    """Counts of the first view and of the neighbourhood of the node with the most events."""
    tab = open_page(browser, page, {"width": 1280, "height": 800})
    out = {f"first view, {k}": v for k, v in measure_view(tab).items()}
    hub = tab.evaluate("graphbuild.data.nodes.slice().sort((a, b) => b.events.length - a.events.length"
                       " || (a.id < b.id ? -1 : 1))[0].id")
    tab.evaluate("(id) => graphbuild.neighbourhood(id, 1)", hub)
    time.sleep(0.6)  # the fit is animated
    out.update({f"neighbourhood of {hub}, {k}": v for k, v in measure_view(tab, ZOOMS[:1]).items()})
    tab.close()
    return out


def build_pages(out: Path) -> list[Path]:
    import graphbuild
    from graphbuild.read import sample_documents

    pages = []
    inputs = [("sample", graphbuild.extract(documents=sample_documents(), workers=1)),
              ("sample-corpus", graphbuild.extract(documents=sample_documents(corpus=True), workers=1))]
    if SEED.exists():
        inputs.append(("seed", graphbuild.extract([str(SEED)], workers=1)))
    for name, x in inputs:
        page = out / f"{name}.html"
        graphbuild.render_html(graphbuild.build_graph(x), page, title=name)
        pages.append(page)
    return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="*", type=Path, help="pages to measure (default: build the sample and seed pages)")
    args = ap.parse_args(argv)
    pages = args.pages or build_pages(Path(tempfile.mkdtemp()))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for page in pages:
            for view, c in measure(browser, page).items():
                print(f"{page.name}: {view}: {c['labels']} labels drawn, {c['label_pairs']} overlapping "
                      f"pairs, {c['labels_on_nodes']} over another node")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
