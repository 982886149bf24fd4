"""The page in a real browser: headless Chromium driven by playwright.

Each page is opened from ``file://`` with every other request aborted and
recorded, so a page that reached for the network fails.  The README's
screenshots come from ``tools/screenshot.py``.
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

    def __init__(self, browser: Any, path: Path, viewport: dict[str, int] | None = None) -> None:
        self.page = browser.new_page(viewport=viewport or {"width": 1200, "height": 800})
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

    def close_clean(self) -> None:
        """Close the page, which must have raised no error and asked for nothing online."""
        assert self.errors == [] and self.blocked == []
        self.page.close()

    def panel(self) -> str:
        return self.js("document.getElementById('gb-panel').textContent")


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    G = seed_graph()
    path = tmp_path_factory.mktemp("page") / "seed.html"
    render_html(G, path, title="Kerry: Syrian Cease-Fire 'Understanding' Closer, But Work To Do")
    return path, page_data(G)


def linked(data: dict[str, Any]) -> set[str]:
    """The nodes of the page data that have an edge."""
    return {n for e in data["edges"] for n in (e["from"], e["to"])}


def test_page_draws_the_graph_offline(browser, seed_page):
    path, data = seed_page
    opened = Opened(browser, path)
    # Every edge, and every node that has one: a node with no edge is hidden.
    assert opened.drawn() == (len(linked(data)), len(data["edges"]))
    assert opened.js("[graphbuild.nodes.length, graphbuild.edges.length]") == [len(linked(data)), len(data["edges"])]
    assert opened.dialogs == []
    opened.close_clean()


def test_clicking_a_node_lists_its_evidence(browser, seed_page):
    path, _ = seed_page
    opened = Opened(browser, path)
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


def test_merge_and_drop_buttons_download_a_corrections_file(browser, seed_page, tmp_path):
    from graphbuild.corrections import parse_corrections

    path, _ = seed_page
    opened = Opened(browser, path)
    opened.page.mouse.click(*opened.screen_xy("actor:sergei-kuralenko"))
    with opened.page.expect_download() as first:
        opened.page.get_by_role("button", name="drop", exact=True).click()
    assert first.value.suggested_filename == "corrections.yaml"
    opened.page.mouse.click(*opened.screen_xy("actor:nasser-judeh"))
    pick = opened.page.get_by_label("merge into")
    pick.focus()
    with opened.page.expect_download() as second:
        pick.select_option("actor:john-kerry")
    saved = tmp_path / "corrections.yaml"
    second.value.save_as(saved)
    corrections = parse_corrections(saved.read_text(encoding="utf-8"))
    assert corrections.problems == []
    assert [(c.kind, c.fields) for c in corrections.entries] == [
        ("drop", {"kind": "drop", "actor": "actor:sergei-kuralenko"}),
        ("merge", {"kind": "merge", "actor": "actor:nasser-judeh", "into": "actor:john-kerry"})]
    opened.close_clean()


def test_filters_change_what_is_drawn(browser, seed_page):
    path, data = seed_page
    opened = Opened(browser, path)
    events = data["events"]
    expect = sum(any(events[e]["type"] != "meeting" for e in edge["events"]) for edge in data["edges"])
    assert expect < len(data["edges"])
    opened.page.locator("#gb-types input[value=meeting]").uncheck()
    assert opened.drawn()[1] == expect
    opened.page.locator("#gb-types input[value=meeting]").check()
    assert opened.drawn()[1] == len(data["edges"])

    no_places = [e for e in data["edges"] if not (e["from"].startswith("place:") or e["to"].startswith("place:"))]
    opened.page.locator("#gb-places").uncheck()
    # Actors linked only to places are left without a visible edge: hidden too.
    assert opened.drawn() == (len({n for e in no_places for n in (e["from"], e["to"])}), len(no_places))
    opened.page.locator("#gb-places").check()

    # Only 2016-05-03: the planned Lavrov - de Mistura meeting (and undated events).
    opened.page.locator("#gb-undated").uncheck()
    opened.page.locator("#gb-from").fill("2016-05-03")
    opened.page.locator("#gb-from").dispatch_event("change")
    assert opened.drawn()[1] == 3  # Lavrov - de Mistura, both of them - Moscow
    assert opened.drawn()[0] == 3  # and the nodes left without an edge are hidden
    opened.page.locator("#gb-reset").click()
    assert opened.drawn() == (len(linked(data)), len(data["edges"]))
    opened.page.close()


def test_search_selects_an_actor_by_alias(browser, seed_page):
    path, _ = seed_page
    opened = Opened(browser, path)
    box = opened.page.locator("#gb-search")
    box.fill("jubeir")
    box.press("Enter")
    assert opened.panel().startswith("Adel al-Jubeir")
    assert opened.js("graphbuild.network.getSelectedNodes()") == ["actor:adel-al-jubeir"]
    box.fill("nobody at all")
    box.press("Enter")
    assert "No actor or place matches" in opened.js("document.getElementById('gb-search-msg').textContent")
    # Words of a sentence list the events that report them.
    box.fill("regime of calm")
    box.press("Enter")
    assert opened.panel().startswith("Sentences with \u201cregime of calm\u201d3 events")
    assert "active negotiation process" in opened.panel()
    opened.page.close()


def test_article_text_never_runs(browser, tmp_path):
    G = hostile_graph()
    path = tmp_path / "hostile.html"
    render_html(G, path, title=f"{IMG} {CLOSE}")
    opened = Opened(browser, path)
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
    assert opened.js("[...document.querySelectorAll('script')].length") == 4  # data, map, vis, page
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
    opened = Opened(browser, path)
    # It opens on the most active actors, every one with an edge, and says so.
    first = opened.js("graphbuild.visible()")
    assert 0 < len(first["nodes"]) <= 80
    assert {x for e in first["edges"] for x in e} == set(first["nodes"])
    showing = opened.js("document.getElementById('gb-showing').textContent")
    assert showing.startswith(f"Showing {len(first['nodes'])} of {n} actors")
    opened.page.locator("#gb-all").click()
    opened.page.wait_for_timeout(700)  # the view zooms out to fit them (400 ms)
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
    opened.close_clean()


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
    opened = Opened(browser, path)
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
    opened.close_clean()


# ---------------------------------------------------------------------------
# exploring a corpus: timeline, map, neighbourhood, evidence search


def corpus_graph():
    """Six dated days of a small story: states with a place of their name, cities with
    coordinates, affiliations, an event with no target, one with no source, one undated."""
    from graphbuild.graph import build_graph
    from graphbuild.types import Actor, Event, Extraction, Place

    actors = [
        Actor("John Kerry", "person", affiliation="United States", mentions=5),
        Actor("Sergei Lavrov", "person", affiliation="Russia", mentions=4),
        Actor("United States", "state", country="USA", mentions=3),
        Actor("Russia", "state", country="RUS", mentions=3),
        Actor("Syria", "state", country="SYR", mentions=3),
        Actor("Bashar al-Assad", "person", mentions=2),
        Actor("United Nations", "organization", mentions=2),
        Actor("Rebels", "group", mentions=1),
        Actor("Spokesman", "person", mentions=1),
    ]
    places = [
        Place("Geneva", country="CH", lat=46.2, lon=6.15),
        Place("Moscow", country="RU", lat=55.75, lon=37.62),
        Place("Damascus", country="SY", lat=33.51, lon=36.29),
        Place("Washington", country="US", lat=38.9, lon=-77.04),
        Place("Syria", country="SY", lat=35.0, lon=38.5),
    ]
    E = Event
    events = [
        E("meeting", "John Kerry", ["Sergei Lavrov"], place="Geneva", date="2016-05-01", trigger="met",
          sentence="Kerry met Lavrov in Geneva to discuss the ceasefire.", doc="a", start=1),
        E("statement", "Sergei Lavrov", ["John Kerry"], place="Moscow", date="2016-05-02", trigger="said",
          sentence="Lavrov told Kerry in Moscow that the talks would go on.", doc="b", start=1),
        E("accusation", "United States", ["Russia"], place="Washington", date="2016-05-02", trigger="accused",
          sentence="Washington accused Moscow of shelling hospitals.", doc="b", start=2),
        E("attack", "Syria", ["Rebels"], place="Damascus", date="2016-05-03", trigger="shelled",
          sentence="Syrian forces shelled rebel positions near Damascus.", doc="c", start=1),
        E("appeal", "United Nations", ["Syria"], place="Syria", date="2016-05-04", trigger="urged",
          sentence="The UN urged Syria to allow aid convoys.", doc="d", start=1),
        E("meeting", "Bashar al-Assad", ["Sergei Lavrov"], place="Damascus", date="2016-05-05", trigger="met",
          sentence="Assad met Lavrov in Damascus.", doc="e", start=1),
        E("statement", "Spokesman", [], date="2016-05-06", trigger="said",
          sentence="The spokesman said the aid convoys were delayed.", doc="f", start=1),
        E("accusation", "", ["United Nations"], date="2016-05-06", trigger="accused",
          sentence="Some accused the United Nations of bias.", doc="f", start=2),
        E("appeal", "John Kerry", ["United Nations"], trigger="asked",
          sentence="Kerry asked the United Nations for a new resolution.", doc="g", start=1),
    ]
    docs = [{"id": d, "date": None} for d in "abcdefg"]
    return build_graph(Extraction(documents=docs, actors=actors, places=places, events=events))


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    G = corpus_graph()
    path = tmp_path_factory.mktemp("corpus") / "corpus.html"
    render_html(G, path, title="A small dated story")
    return path, page_data(G)


def test_brushing_the_timeline_filters_the_graph_and_the_panel(browser, corpus_page):
    path, data = corpus_page
    opened = Opened(browser, path)
    everything = opened.js("graphbuild.visible()")
    assert len(everything["edges"]) == len(data["edges"])
    box = opened.page.locator("#gb-timeline").bounding_box()
    # Six days, one bar each, then a gap and the bar of undated events (30 px).
    bar = (box["width"] - 38) / 6
    y = box["y"] + box["height"] / 2
    opened.page.mouse.move(box["x"] + bar * 0.5, y)
    opened.page.mouse.down()
    opened.page.mouse.move(box["x"] + bar * 1.2, y, steps=4)
    opened.page.mouse.move(box["x"] + bar * 1.5, y, steps=2)
    opened.page.mouse.up()
    assert opened.js("[graphbuild.state.from, graphbuild.state.to]") == ["2016-05-01", "2016-05-02"]
    brushed = opened.js("graphbuild.visible()")
    pairs = {tuple(sorted(e)) for e in brushed["edges"]}
    # Kerry-Lavrov (1st, 2nd), the United States - Russia accusation (2nd), the places
    # of those events, and Kerry - United Nations, which has no date.
    assert ("actor:john-kerry", "actor:sergei-lavrov") in pairs
    assert ("actor:russia", "actor:united-states") in pairs
    assert ("actor:john-kerry", "actor:united-nations") in pairs
    assert not any("damascus" in a + b or "syria" in a + b for a, b in pairs)
    assert 0 < len(brushed["edges"]) < len(everything["edges"])
    assert opened.js("document.getElementById('gb-from').value") == "2016-05-01"
    # The panel follows the range.
    opened.js("graphbuild.select('actor:sergei-lavrov')")
    assert "hidden by the filters" in opened.panel()
    # One day: fewer edges again, but some.
    opened.js("graphbuild.setDateRange('2016-05-03', '2016-05-03')")
    one_day = opened.js("graphbuild.visible()")["edges"]
    assert ["actor:rebels", "actor:syria"] in [sorted(e) for e in one_day]
    # Play steps through the days, one at a time; a second click stops it.
    opened.page.locator("#gb-play").click()
    assert opened.js("[graphbuild.state.from, graphbuild.state.to]") == ["2016-05-04", "2016-05-04"]
    opened.page.locator("#gb-play").click()
    opened.js("graphbuild.setDateRange(null, null)")
    assert len(opened.js("graphbuild.visible()")["edges"]) == len(data["edges"])
    opened.close_clean()


def test_the_map_puts_places_at_their_coordinates(browser, corpus_page):
    path, data = corpus_page
    opened = Opened(browser, path)
    graph_positions = opened.js("graphbuild.positions()")
    opened.page.locator("#gb-view-map").click()
    assert opened.js("graphbuild.state.view") == "map"
    assert opened.js("document.getElementById('gb-view-map').getAttribute('aria-pressed')") == "true"
    pos = opened.js("graphbuild.positions()")
    places = [n for n in data["nodes"] if n["kind"] == "place" and n["id"] in pos]
    assert len(places) >= 4
    by_lon = sorted(places, key=lambda n: n["lon"])
    by_lat = sorted(places, key=lambda n: n["lat"])
    assert [pos[n["id"]]["x"] for n in by_lon] == sorted(pos[n["id"]]["x"] for n in places)
    assert [pos[n["id"]]["y"] for n in by_lat] == sorted((pos[n["id"]]["y"] for n in places), reverse=True)
    # A country is one thing: the state Syria stands at the place Syria, and the two are linked.
    assert ["actor:syria", "place:syria"] in data["same"]
    assert pos["actor:syria"] == pos["place:syria"]
    # Actors stand near the place of their events: Kerry by Geneva, not by Moscow.
    def dist(a, b):
        return ((pos[a]["x"] - pos[b]["x"]) ** 2 + (pos[a]["y"] - pos[b]["y"]) ** 2) ** 0.5
    assert dist("actor:bashar-al-assad", "place:damascus") < dist("actor:bashar-al-assad", "place:moscow")
    opened.js("graphbuild.setView('graph')")
    assert opened.js("graphbuild.positions()") == graph_positions
    opened.close_clean()


def test_double_click_opens_the_neighbourhood(browser, corpus_page):
    path, data = corpus_page
    opened = Opened(browser, path)
    x, y = opened.screen_xy("actor:rebels")
    opened.page.mouse.dblclick(x, y)
    assert sorted(opened.js("graphbuild.visible()")["nodes"]) == ["actor:rebels", "actor:syria", "place:damascus"]
    assert "Neighbourhood of Rebels" in opened.js("document.getElementById('gb-focus').textContent")
    opened.page.get_by_role("button", name="2 steps").first.click()
    two = set(opened.js("graphbuild.visible()")["nodes"])
    assert {"actor:united-nations", "actor:bashar-al-assad", "place:syria"} <= two
    assert "actor:john-kerry" not in two
    opened.page.get_by_role("button", name="Back to the whole network").click()
    assert len(opened.js("graphbuild.visible()")["edges"]) == len(data["edges"])
    opened.close_clean()


def test_evidence_search_and_every_event_in_a_panel(browser, corpus_page):
    path, data = corpus_page
    opened = Opened(browser, path)
    box = opened.page.locator("#gb-search")
    box.fill("aid convoys")
    box.press("Enter")
    text = opened.panel()
    assert text.startswith("Sentences with \u201caid convoys\u201d2 events")
    assert "The UN urged Syria to allow aid convoys." in text
    assert "The spokesman said the aid convoys were delayed." in text
    # The speaker with no addressee has no edge, so no node, but a link to its panel.
    opened.page.get_by_role("button", name="Spokesman").click()
    assert opened.panel().startswith("Spokesman")
    # An event with a target and no source is in the target's panel.
    opened.js("graphbuild.select('actor:united-nations')")
    assert "Some accused the United Nations of bias." in opened.panel()
    # Page and command line count the same events.
    assert data["counts"]["events"] + data["counts"]["events_unplaced"] == 9
    opened.close_clean()


def test_a_narrow_frame_folds_the_panel(browser, corpus_page):
    path, _ = corpus_page
    opened = Opened(browser, path, {"width": 360, "height": 700})
    assert opened.js("document.documentElement.scrollWidth") <= 360
    assert opened.js("getComputedStyle(document.getElementById('gb-panel')).display") == "none"
    opened.js("graphbuild.select('actor:john-kerry')")
    assert opened.js("getComputedStyle(document.getElementById('gb-panel')).display") == "block"
    opened.close_clean()


def test_notebook_views_share_scripts_and_all_draw(browser, tmp_path):
    import graphbuild.render as render_mod
    from graphbuild.render import show

    render_mod._ASSETS_GIVEN.clear()
    G = corpus_graph()
    views = [show(G, height="400px")._repr_html_() for _ in range(3)]
    render_mod._ASSETS_GIVEN.clear()
    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><html><body>" + "".join(views) + "</body></html>", encoding="utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    blocked: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:"))
               else (blocked.append(r.request.url), r.abort()))
    page.goto(host.as_uri())
    frames = [f for f in page.frames if f != page.main_frame]
    assert len(frames) == 3
    deadline = time.monotonic() + 30
    for frame in frames:
        while not frame.evaluate("!!(window.graphbuild && window.graphbuild.readyAt)"):
            assert time.monotonic() < deadline, "a view never drew"
            time.sleep(0.1)
        assert len(frame.evaluate("graphbuild.visible().edges")) == len(page_data(G)["edges"])
    assert errors == [] and blocked == []
    page.close()


# ---------------------------------------------------------------------------
# labels: room for every name on small graphs


def _label_counts():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import bench_labels

    return bench_labels


def crowded_graph():
    """A hub meeting twenty actors with long names, and a ring of statements among them."""
    try:
        from test_render import make_graph
    except ImportError:  # pragma: no cover
        from tests.test_render import make_graph
    names = [f"Deputy Minister of Foreign Affairs number {i}" for i in range(20)]
    actors = [{"id": "actor:hub", "label": "Special Envoy"}] + [
        {"id": f"actor:a{i}", "label": name} for i, name in enumerate(names)]
    events = [{"id": f"event:m{i}", "type": "meeting", "source_id": "actor:hub", "target_ids": [f"actor:a{i}"],
               "trigger": "met", "sentence": f"The envoy met {name}."} for i, name in enumerate(names)]
    events += [{"id": f"event:s{i}", "type": "statement", "source_id": f"actor:a{i}",
                "target_ids": [f"actor:a{(i + 1) % 20}"], "trigger": "told", "sentence": "One told the next."}
               for i in range(20)]
    return make_graph(actors, [], events)


@pytest.mark.parametrize("which", ["seed", "crowded"])
def test_labels_do_not_overlap_on_small_graphs(browser, seed_page, tmp_path, which):
    bench = _label_counts()
    if which == "seed":
        path = seed_page[0]
    else:
        path = tmp_path / "crowded.html"
        render_html(crowded_graph(), path)
    tab = bench.open_page(browser, path, {"width": 1280, "height": 800})
    views = {f"first view, {k}": v for k, v in bench.measure_view(tab).items()}
    # Few nodes drawn: the neighbourhood of one actor, fitted (zoomed in).
    hub = "actor:john-kerry" if which == "seed" else "actor:a3"
    tab.evaluate("(id) => graphbuild.neighbourhood(id, 1)", hub)
    time.sleep(0.6)
    views.update({f"neighbourhood, {k}": v for k, v in bench.measure_view(tab).items()})
    assert views["first view, zoom x1"]["labels"] >= 19
    for view, c in views.items():
        assert (view, c["label_pairs"], c["labels_on_nodes"]) == (view, 0, 0)
    tab.close()


# ---------------------------------------------------------------------------
# reports of one happening


def happening_graph():
    """One meeting reported by three articles (one of them twice), and a statement reported once."""
    from graphbuild.cluster import assign_clusters
    from graphbuild.graph import build_graph
    from graphbuild.types import Actor, Event, Extraction

    actors = [Actor("John Kerry", "person", mentions=4), Actor("Sergei Lavrov", "person", mentions=4)]
    docs = [
        {"id": "ap.txt", "title": "Kerry and Lavrov meet in Geneva", "date": "2016-05-02",
         "source": "https://news.example/ap/kerry-lavrov"},
        {"id": "rt.txt", "title": "Lavrov hosts Kerry", "date": "2016-05-02", "source": "javascript:alert(1)"},
        {"id": "wire.txt", "title": None, "date": "2016-05-03", "source": "wire.txt"},
    ]
    meeting = dict(type="meeting", source="John Kerry", targets=["Sergei Lavrov"], trigger="met",
                   source_id="actor:john-kerry", target_ids=["actor:sergei-lavrov"])
    events = [
        Event(**meeting, date="2016-05-02", doc="ap.txt", start=1, sentence="Kerry met Lavrov in Geneva on Monday."),
        Event(**meeting, date="2016-05-02", doc="rt.txt", start=1, sentence="Lavrov and Kerry met for three hours."),
        Event(**meeting, date="2016-05-02", doc="rt.txt", start=9, sentence="The two men met again after lunch."),
        Event(**meeting, date="2016-05-03", doc="wire.txt", start=1, sentence="Kerry met Lavrov, officials said."),
        Event("statement", "Sergei Lavrov", ["John Kerry"], trigger="told", date="2016-05-03", doc="wire.txt",
              start=2, sentence="Lavrov told Kerry the truce would hold.", source_id="actor:sergei-lavrov",
              target_ids=["actor:john-kerry"]),
    ]
    x = assign_clusters(Extraction(documents=docs, actors=actors, events=events))
    return build_graph(x)


def test_reports_of_one_happening_are_one_entry_that_unfolds(browser, tmp_path):
    path = tmp_path / "happening.html"
    render_html(happening_graph(), path)
    opened = Opened(browser, path)
    opened.js("graphbuild.select('actor:john-kerry')")
    panel = opened.page.locator("#gb-panel")
    # Five reports, two happenings: one entry each.
    assert panel.locator(".gb-sub").last.text_content() == "5 events in 2 happenings"
    entries = panel.locator(".gb-events > li")
    assert entries.count() == 2
    meeting = entries.nth(0)
    head = meeting.locator(".gb-event-head").text_content()
    assert "meeting" in head and "2016-05-02" in head and "reported in 3 articles" in head
    assert meeting.locator(".gb-who").text_content() == "John Kerry \u2192 Sergei Lavrov"
    # The first report is shown, the others unfold: every sentence can be reached.
    assert meeting.locator(".gb-sentence").first.is_visible()
    summary = meeting.locator("summary")
    assert summary.text_content() == "3 more reports"
    later = meeting.locator(".gb-report")
    assert later.count() == 3 and not later.first.is_visible()
    summary.click()
    assert [later.nth(i).locator(".gb-sentence").text_content() for i in range(3)] == [
        "Lavrov and Kerry met for three hours.", "The two men met again after lunch.",
        "Kerry met Lavrov, officials said."]
    assert later.nth(0).locator("mark").text_content() == "met"
    # Each report names its article: title and id, linked only to a web address.
    assert meeting.locator(".gb-doc").first.text_content() == "Source: Kerry and Lavrov meet in Geneva (ap.txt)"
    assert meeting.locator("a.gb-doc-name").first.get_attribute("href") == "https://news.example/ap/kerry-lavrov"
    assert later.nth(0).locator(".gb-doc").text_content() == "Source: Lavrov hosts Kerry (rt.txt)"
    assert meeting.locator("a.gb-doc-name").count() == 1  # javascript: is not a link
    assert later.nth(2).locator(".gb-doc").text_content() == "Source: wire.txt"
    assert later.nth(2).locator(".gb-date").text_content() == "2016-05-03"
    # A happening reported once is one plain entry; the edge's panel groups the same way.
    assert entries.nth(1).locator("summary").count() == 0
    opened.js("graphbuild.select('actor:sergei-lavrov')")
    assert panel.locator(".gb-sub").last.text_content() == "5 events in 2 happenings"
    # A filter that leaves one report per happening: plain entries again.
    opened.js("graphbuild.setDateRange('2016-05-03', '2016-05-03')")
    assert panel.locator(".gb-sub").last.text_content() == "2 events (3 hidden by the filters)"
    assert panel.locator(".gb-events summary").count() == 0
    assert opened.dialogs == []
    opened.close_clean()
