"""The page in a real browser: headless Chromium driven by playwright.

Each page is opened from ``file://`` with every other request aborted and
recorded, so a page that reached for the network fails.  Set
``GRAPHBUILD_SCREENSHOT=1`` to rewrite ``docs/screenshot.png`` from the seed
graph (off by default so that tests do not touch tracked files).
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from graphbuild.render import page_data, render_html

try:  # the helpers live next to this file; pytest puts tests/ on sys.path
    from test_render import IMG, CLOSE, hostile_graph, seed_graph
except ImportError:  # pragma: no cover - when tests/ is a package
    from tests.test_render import IMG, CLOSE, hostile_graph, seed_graph

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "screenshot.png"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"needs Chromium at {CHROMIUM}"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Opened:
    """A page opened offline, with everything it tried to do recorded."""

    def __init__(self, browser: Any, path: Path, viewport: dict[str, int]) -> None:
        self.page = browser.new_page(viewport=viewport)
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.goto(path.as_uri())
        self.wait_ready()

    def _route(self, route: Any) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def wait_ready(self, timeout: float = 20.0) -> None:
        # Polled from here: wait_for_function would eval, which the page's CSP forbids.
        deadline = time.monotonic() + timeout
        while not self.js("!!(window.graphbuild && window.graphbuild.readyAt)"):
            assert time.monotonic() < deadline, "the page never finished drawing"
            time.sleep(0.05)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def drawn(self) -> tuple[int, int]:
        return tuple(self.js("[graphbuild.network.body.nodeIndices.length, graphbuild.drawnEdgeCount()]"))

    def screen_xy(self, node_id: str) -> tuple[float, float]:
        return tuple(self.js(
            """(id) => { const n = graphbuild.network;
                 const p = n.canvasToDOM(n.getPositions([id])[id]);
                 const r = document.getElementById('gb-network').getBoundingClientRect();
                 return [r.left + p.x, r.top + p.y]; }""", node_id))

    def panel(self) -> str:
        return self.js("document.getElementById('gb-panel').textContent")


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    G = seed_graph()
    path = tmp_path_factory.mktemp("page") / "seed.html"
    render_html(G, path, title="Kerry: Syrian Cease-Fire 'Understanding' Closer, But Work To Do")
    return path, page_data(G)


def test_page_draws_the_graph_offline(browser, seed_page):
    path, data = seed_page
    opened = Opened(browser, path, {"width": 1200, "height": 800})
    assert opened.drawn() == (len(data["nodes"]), len(data["edges"]))
    assert opened.js("[graphbuild.nodes.length, graphbuild.edges.length]") == [len(data["nodes"]), len(data["edges"])]
    assert opened.blocked == []
    assert opened.errors == [] and opened.dialogs == []
    if os.environ.get("GRAPHBUILD_SCREENSHOT"):
        x, y = opened.screen_xy("actor:john-kerry")
        opened.page.mouse.click(x, y)
        # Off the node but on the canvas, so that vis-network hides its tooltip.
        box = opened.page.locator("#gb-network").bounding_box()
        opened.page.mouse.move(box["x"] + 8, box["y"] + box["height"] - 8)
        opened.page.wait_for_timeout(600)
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        opened.page.screenshot(path=str(SCREENSHOT))
    opened.page.close()


def test_clicking_a_node_lists_its_evidence(browser, seed_page):
    path, _ = seed_page
    opened = Opened(browser, path, {"width": 1200, "height": 800})
    x, y = opened.screen_xy("actor:sergei-kuralenko")
    opened.page.mouse.click(x, y)
    text = opened.panel()
    assert text.startswith("Sergei Kuralenko")
    # The statement with no addressee is in the speaker's panel, trigger marked.
    assert "there is an active negotiation process taking place" in text
    assert opened.js("document.querySelector('#gb-panel mark').textContent") == "said"
    assert "General" in text and "Russia" in text
    # Clicking a participant in the panel moves to that node.
    opened.page.get_by_role("button", name="Aleppo").first.click()
    assert opened.panel().startswith("Aleppo")
    opened.page.close()


def test_filters_change_what_is_drawn(browser, seed_page):
    path, data = seed_page
    opened = Opened(browser, path, {"width": 1200, "height": 800})
    events = data["events"]
    expect = sum(any(events[e]["type"] != "meeting" for e in edge["events"]) for edge in data["edges"])
    assert expect < len(data["edges"])
    opened.page.locator("#gb-types input[value=meeting]").uncheck()
    assert opened.drawn()[1] == expect
    opened.page.locator("#gb-types input[value=meeting]").check()
    assert opened.drawn()[1] == len(data["edges"])

    places = sum(n["kind"] == "place" for n in data["nodes"])
    opened.page.locator("#gb-places").uncheck()
    assert opened.drawn()[0] == len(data["nodes"]) - places
    opened.page.locator("#gb-places").check()

    # Only 2016-05-03: the planned Lavrov - de Mistura meeting (and undated events).
    opened.page.locator("#gb-undated").uncheck()
    opened.page.locator("#gb-from").fill("2016-05-03")
    opened.page.locator("#gb-from").dispatch_event("change")
    assert opened.drawn()[1] == 3  # Lavrov - de Mistura, both of them - Moscow
    opened.page.locator("#gb-reset").click()
    assert opened.drawn() == (len(data["nodes"]), len(data["edges"]))
    opened.page.close()


def test_search_selects_an_actor_by_alias(browser, seed_page):
    path, _ = seed_page
    opened = Opened(browser, path, {"width": 1200, "height": 800})
    box = opened.page.locator("#gb-search")
    box.fill("jubeir")
    box.press("Enter")
    assert opened.panel().startswith("Adel al-Jubeir")
    assert opened.js("graphbuild.network.getSelectedNodes()") == ["actor:adel-al-jubeir"]
    box.fill("nobody at all")
    box.press("Enter")
    assert "No actor or place matches" in opened.js("document.getElementById('gb-search-msg').textContent")
    opened.page.close()


def test_article_text_never_runs(browser, tmp_path):
    G = hostile_graph()
    path = tmp_path / "hostile.html"
    render_html(G, path, title=f"{IMG} {CLOSE}")
    opened = Opened(browser, path, {"width": 1200, "height": 800})
    for node in G:
        x, y = opened.screen_xy(node)
        opened.page.mouse.move(x, y)  # tooltip
        opened.page.wait_for_timeout(250)
        opened.page.mouse.click(x, y)  # side panel
        assert IMG in opened.panel() or CLOSE in opened.panel() or node == "actor:quote"
    opened.page.locator("#gb-search").fill(CLOSE)
    opened.page.locator("#gb-search").press("Enter")
    assert opened.dialogs == [] and opened.blocked == []
    assert opened.js("document.querySelectorAll('img, iframe, object, embed, a').length") == 0
    assert opened.js("document.title") == f"{IMG} {CLOSE}"
    assert opened.js("[...document.querySelectorAll('script')].length") == 3
    opened.page.close()


def test_large_graph_draws_its_own_edges_and_hit_tests_them(browser, tmp_path):
    import networkx as nx

    try:
        from test_render import make_graph
    except ImportError:  # pragma: no cover
        from tests.test_render import make_graph
    n = 400
    ba = nx.barabasi_albert_graph(n, 2, seed=1)
    actors = [{"id": f"actor:{i:03d}", "label": f"Actor {i}"} for i in range(n)]
    events = [{"id": f"event:{k}", "type": ("meeting", "statement")[k % 2], "source_id": f"actor:{u:03d}",
               "target_ids": [f"actor:{v:03d}"], "sentence": f"Actor {u} and Actor {v}."}
              for k, (u, v) in enumerate(ba.edges())]
    G = make_graph(actors, [], events)
    path = tmp_path / "large.html"
    render_html(G, path)
    data = page_data(G)
    assert data["layout"]["edge_layer"]
    opened = Opened(browser, path, {"width": 1200, "height": 800})
    assert opened.drawn() == (n, len(data["edges"]))
    assert opened.js("graphbuild.network.body.edgeIndices.length") == 0  # drawn by the page
    # Click halfway along an edge, away from nodes and other edges: the panel shows that pair.
    edge = opened.js(
        """() => {
             const net = graphbuild.network, pos = net.getPositions(), es = graphbuild.edges.get();
             const dom = (p) => net.canvasToDOM(p);
             const seg = (p, a, b) => { const dx = b.x - a.x, dy = b.y - a.y, l = dx * dx + dy * dy;
               const t = l ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l)) : 0;
               return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y); };
             const r = document.getElementById('gb-network').getBoundingClientRect();
             for (const e of es) {
               const m = dom({x: (pos[e.from].x + pos[e.to].x) / 2, y: (pos[e.from].y + pos[e.to].y) / 2});
               if (m.x < 20 || m.y < 20 || m.x > r.width - 20 || m.y > r.height - 20) continue;
               if (net.getNodeAt(m) !== undefined) continue;
               const clear = es.every(o => o === e || seg(m, dom(pos[o.from]), dom(pos[o.to])) > 10);
               if (clear) return {id: e.id, x: r.left + m.x, y: r.top + m.y};
             }
             return null; }""")
    assert edge is not None, "no edge stands alone at this zoom"
    opened.page.mouse.click(edge["x"], edge["y"])
    heading = opened.js("document.querySelector('#gb-panel h2').textContent")
    pair = next(e for e in data["edges"] if e["id"] == edge["id"])
    labels = {nd["id"]: nd["label"] for nd in data["nodes"]}
    assert heading == f"{labels[pair['from']]} \u2014 {labels[pair['to']]}"
    opened.page.locator("#gb-types input[value=meeting]").uncheck()
    events_by_id = data["events"]
    expect = sum(any(events_by_id[e]["type"] != "meeting" for e in x["events"]) for x in data["edges"])
    assert opened.drawn()[1] == expect
    assert opened.errors == [] and opened.blocked == []
    opened.page.close()


def test_a_long_name_is_clipped_with_the_whole_name_on_hover(browser, tmp_path):
    try:
        from test_render import make_graph
    except ImportError:  # pragma: no cover
        from tests.test_render import make_graph
    long_name = "Kerry " + "x" * 100_000
    actors = [{"id": "actor:long", "label": long_name}, {"id": "actor:lavrov", "label": "Sergei Lavrov"}]
    events = [{"id": "event:1", "type": "meeting", "source_id": "actor:long", "target_ids": ["actor:lavrov"],
               "trigger": "met", "sentence": "Kerry met Lavrov."}]
    path = tmp_path / "long.html"
    render_html(make_graph(actors, [], events), path)
    opened = Opened(browser, path, {"width": 1200, "height": 800})
    drawn = opened.js("graphbuild.nodes.get('actor:long').label")
    assert drawn.startswith("Kerry x") and drawn.endswith("\u2026") and len(drawn) <= 80
    opened.js("graphbuild.select('actor:long')")
    heading = opened.js("[document.querySelector('#gb-panel h2').textContent,"
                        " document.querySelector('#gb-panel h2').title]")
    assert heading == [drawn, long_name]
    # The panel keeps its width: nothing in it is wider than the panel.
    assert opened.js("document.getElementById('gb-panel').scrollWidth <= "
                     "document.getElementById('gb-panel').clientWidth")
    # The other end's panel links back under the clipped name, whole on hover.
    opened.js("graphbuild.select('actor:lavrov')")
    links = opened.js("[...document.querySelectorAll('#gb-panel .gb-link')].map(b => [b.textContent, b.title])")
    assert [drawn, long_name] in links
    assert opened.errors == [] and opened.blocked == []
    opened.page.close()
