"""Rewrite the README's screenshots from a real corpus: the first view, the timeline and the map.

    python tools/screenshot.py                                   # the Lee articles, dated
    python tools/screenshot.py --extraction lee-extraction.json  # skip the extraction
    python tools/screenshot.py --corpus my.jsonl

Needs Chromium at /usr/bin/chromium and playwright.  By default it dates the
300 Lee articles (``bench/corpus/lee.jsonl``, fetched once by ``bench/bench_extract.py``; see ``tools/date_corpus.py``), extracts
them, builds the page as ``graphbuild build`` does, opens it offline in
headless Chromium and saves ``docs/screenshot.png`` (the first view),
``docs/screenshot-timeline.png`` (a month picked on the timeline, one actor's
panel open) and ``docs/screenshot-map.png`` (the map view).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

import graphbuild

sys.path.insert(0, str(Path(__file__).resolve().parent))
from date_corpus import date_file  # noqa: E402

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _lee_jsonl() -> Path:
    """The Lee articles as JSON Lines, fetched once by the extraction benchmark."""
    sys.path.insert(0, str(DOCS.parent / "bench"))
    import bench_extract

    return bench_extract.lee_jsonl()


#: The headless Chromium the page is measured in (also by bench/bench_labels.py, bench/bench_lee_page.py).
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build_page(args: argparse.Namespace, out: Path) -> Path:
    if args.extraction:
        x = graphbuild.read_extraction_json(args.extraction)
    else:
        corpus = args.corpus or _lee_jsonl()
        dated = out / "corpus.jsonl"
        date_file(corpus, dated, 2001)
        x = graphbuild.extract([str(dated)], workers=1)
    G = graphbuild.build_graph(x)
    page = out / "network.html"
    graphbuild.render_html(G, page, title=f"graphbuild network of {len(x.documents)} documents")
    return page


def open_page(browser: Any, path: Path, viewport: dict[str, int]) -> Any:
    """A tab with the page at ``path`` opened offline (every other request aborted) and drawn."""
    tab = browser.new_page(viewport=viewport)
    tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    tab.goto(path.as_uri())
    deadline = time.monotonic() + 60
    while not tab.evaluate("!!(window.graphbuild && window.graphbuild.readyAt)"):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path}: the page never finished drawing")
        time.sleep(0.05)
    return tab


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="a JSONL corpus (default: the Lee articles, bench/corpus/lee.jsonl)")
    ap.add_argument("--extraction", type=Path, help="an extraction JSON of the dated corpus")
    args = ap.parse_args(argv)
    page_path = build_page(args, Path(tempfile.mkdtemp()))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = open_page(browser, page_path, {"width": 1360, "height": 860})
        page.wait_for_timeout(800)
        page.screenshot(path=str(DOCS / "screenshot.png"))

        # The timeline: the busiest month picked, its most active actor's panel open.
        page.evaluate("""() => {
            const gb = graphbuild, months = {};
            Object.values(gb.data.events).forEach(ev => {
              const d = (ev.date && ev.date.length >= 7 ? ev.date : ev.doc_date) || "";
              if (d.startsWith("2001")) months[d.slice(0, 7)] = (months[d.slice(0, 7)] || 0) + 1; });
            const best = Object.keys(months).sort((a, b) => months[b] - months[a])[0];
            gb.setDateRange(best, best);
            const ids = gb.visible().nodes.filter(id => id.startsWith("actor:"));
            const top = ids.sort((a, b) => gb.data.nodes.find(n => n.id === b).weight
                                         - gb.data.nodes.find(n => n.id === a).weight)[0];
            if (top) gb.select(top); }""")
        page.click("#gb-fit")  # what a reader does next: frame the month's nodes
        page.wait_for_timeout(1200)
        page.screenshot(path=str(DOCS / "screenshot-timeline.png"))

        page.evaluate("() => { graphbuild.setDateRange(null, null); graphbuild.setView('map'); }")
        page.keyboard.press("Escape")
        page.wait_for_timeout(900)
        page.screenshot(path=str(DOCS / "screenshot-map.png"))
        browser.close()
    for name in ("screenshot.png", "screenshot-timeline.png", "screenshot-map.png"):
        print(DOCS / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
