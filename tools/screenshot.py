"""Rewrite docs/screenshot.png from the sample article's real extraction.

    python tools/screenshot.py          # needs Chromium at /usr/bin/chromium and playwright

Builds the page exactly as ``make demo`` does, opens it offline in headless
Chromium, clicks John Kerry so the side panel shows his events, and saves the
picture README shows.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

import graphbuild
from graphbuild.read import sample_documents

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshot.png"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> int:
    x = graphbuild.extract(documents=sample_documents(), workers=1)
    G = graphbuild.build_graph(x)
    page_path = Path(tempfile.mkdtemp()) / "network.html"
    graphbuild.render_html(G, page_path, title=x.documents[0].get("title") or "graphbuild")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 820})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        page.goto(page_path.as_uri())
        deadline = time.monotonic() + 30
        while not page.evaluate("!!(window.graphbuild && window.graphbuild.readyAt)"):
            if time.monotonic() > deadline:
                print("the page never finished drawing", file=sys.stderr)
                return 1
            time.sleep(0.05)
        x_, y_ = page.evaluate("""() => { const n = graphbuild.network;
            const p = n.canvasToDOM(n.getPositions(['actor:john-kerry'])['actor:john-kerry']);
            const r = document.getElementById('gb-network').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }""")
        page.mouse.click(x_, y_)
        box = page.locator("#gb-network").bounding_box()
        page.mouse.move(box["x"] + 8, box["y"] + box["height"] - 8)
        page.wait_for_timeout(800)
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
