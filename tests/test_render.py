"""The HTML page: escaping, offline resources, determinism, Jupyter and pyvis wrappers.

Graphs are built by hand (:func:`make_graph`) exactly as ``docs/graph-schema.md``
describes them, so these tests need neither spaCy nor ``graphbuild.graph``.
No browser here: ``test_browser.py`` opens the pages in Chromium.
"""
from __future__ import annotations

import base64
import copy
import hashlib
import html
import json
import re
from html.parser import HTMLParser
from typing import Any

import networkx as nx
import pytest

from graphbuild.layout import force_layout
from graphbuild.render import (
    LARGE_GRAPH,
    page_data,
    render_html,
    show,
    to_pyvis,
)
from graphbuild.types import GraphbuildError

IMG = "<img src=x onerror=alert(1)>"
CLOSE = "</script><script>alert(1)</script>"
QUOTES = '"quotes" & \'single\''
JS_HREF = "href=javascript:alert(1)"
PAYLOADS = (IMG, CLOSE, QUOTES, JS_HREF)
DOC = "000_seed.txt"

_EDGE_FIELDS = ("cameo", "status", "trigger", "date", "date_text", "place", "quote",
                "sentence", "doc", "start", "end")


def make_graph(
    actors: list[dict[str, Any]],
    places: list[dict[str, Any]],
    events: list[dict[str, Any]],
    *,
    name: str = "test",
) -> nx.MultiDiGraph:
    """A graph shaped as ``docs/graph-schema.md`` says ``build_graph`` makes it.

    ``actors``/``places`` are node attribute dicts with an ``id``; ``events``
    are event dicts with ``id``, ``type``, ``source_id``, ``target_ids`` and
    optionally ``place_id`` plus any event field.
    """
    G = nx.MultiDiGraph(name=name, documents=[], events={})
    for a in actors:
        G.add_node(a["id"], kind="actor", label=a["label"], type=a.get("type", "person"),
                   aliases=a.get("aliases", [a["label"]]), mentions=a.get("mentions", 1),
                   title=a.get("title"), affiliation=a.get("affiliation"),
                   docs=a.get("docs", [DOC]))
    for p in places:
        G.add_node(p["id"], kind="place", label=p["label"], type="place",
                   aliases=p.get("aliases", [p["label"]]), mentions=p.get("mentions", 1),
                   country=p.get("country"), lat=p.get("lat"), lon=p.get("lon"),
                   docs=p.get("docs", [DOC]))
    label = {n: G.nodes[n]["label"] for n in G}
    for ev in events:
        record = {
            "type": ev["type"], "source": label[ev["source_id"]],
            "targets": [label[t] for t in ev.get("target_ids", [])],
            "place": label.get(ev.get("place_id")), "date": ev.get("date"),
            "date_text": ev.get("date_text"), "status": ev.get("status", "occurred"),
            "trigger": ev.get("trigger", ""), "cameo": ev.get("cameo"), "quote": ev.get("quote"),
            "sentence": ev.get("sentence", ""), "doc": ev.get("doc", DOC),
            "start": ev.get("start", 0), "end": ev.get("end", 0),
            "source_id": ev["source_id"], "target_ids": list(ev.get("target_ids", [])),
            "place_id": ev.get("place_id"), "id": ev["id"],
        }
        G.graph["events"][ev["id"]] = record
        edges = [(ev["source_id"], t, ev["type"]) for t in record["target_ids"]]
        if record["place_id"]:
            actors_in = [ev["source_id"]] + [t for t in record["target_ids"] if t.startswith("actor:")]
            edges += [(a, record["place_id"], "at") for a in actors_in]
        attrs = {f: record[f] for f in _EDGE_FIELDS}
        for n, (u, v, etype) in enumerate(edges):
            key = ev["id"] if len(edges) == 1 else f"{ev['id']}/{n}"
            G.add_edge(u, v, key=key, event=ev["id"], type=etype, **attrs)
    G.graph["documents"] = sorted({r["doc"] for r in G.graph["events"].values()} | {DOC})
    return G


def hostile_graph() -> nx.MultiDiGraph:
    """Every string an article controls carries a payload."""
    actors = [
        {"id": "actor:kerry", "label": f"John Kerry {IMG}", "aliases": ["Kerry", CLOSE, JS_HREF],
         "title": f"Secretary {QUOTES}", "affiliation": f"U.S. {CLOSE}", "docs": [f"doc {IMG}"]},
        {"id": "actor:evil", "label": CLOSE, "type": "group", "aliases": [IMG]},
        {"id": "actor:quote", "label": QUOTES, "type": "organization", "aliases": [JS_HREF]},
    ]
    places = [{"id": "place:geneva", "label": f"Geneva {IMG}", "country": CLOSE, "lat": 46.2, "lon": 6.1}]
    events = [
        {"id": "event:1", "type": "meeting", "source_id": "actor:kerry", "target_ids": ["actor:evil"],
         "place_id": "place:geneva", "trigger": "met", "date": "2016-05-02",
         "sentence": f"Kerry met {CLOSE} in Geneva {IMG}\u2028next line\u2029.", "quote": JS_HREF,
         "doc": f"{DOC} {CLOSE}"},
        {"id": "event:2", "type": "accusation", "source_id": "actor:quote", "target_ids": ["actor:kerry"],
         "trigger": IMG, "sentence": f"They blamed {QUOTES} {IMG}", "doc": f"<b>{IMG}</b>",
         "status": "negated"},
        {"id": "event:3", "type": "statement", "source_id": "actor:evil", "trigger": "said",
         "sentence": f"{CLOSE} said nothing", "quote": CLOSE},
    ]
    return make_graph(actors, places, events, name=f"name {CLOSE}")


def seed_graph() -> nx.MultiDiGraph:
    """The seed article (Kerry in Geneva), by hand: 17 actors, 6 places, 16 events."""
    A = lambda id, label, type="person", **kw: {"id": f"actor:{id}", "label": label, "type": type, **kw}  # noqa: E731
    actors = [
        A("john-kerry", "John Kerry", aliases=["John Kerry", "Kerry", "U.S. Secretary of State John Kerry"],
          title="Secretary of State", affiliation="United States", mentions=9),
        A("adel-al-jubeir", "Adel al-Jubeir", aliases=["Adel al-Jubeir", "Jubeir"],
          title="Foreign Minister", affiliation="Saudi Arabia", mentions=4),
        A("nasser-judeh", "Nasser Judeh", aliases=["Nasser Judeh", "Judeh"], title="foreign minister",
          affiliation="Jordan"),
        A("staffan-de-mistura", "Staffan de Mistura", aliases=["Staffan de Mistura", "de Mistura"],
          title="special envoy", affiliation="United Nations", mentions=2),
        A("sergei-lavrov", "Sergei Lavrov", aliases=["Sergei Lavrov", "Lavrov"], title="Foreign Minister",
          affiliation="Russia", mentions=3),
        A("bashar-al-assad", "Bashar al-Assad", aliases=["Bashar al-Assad", "Assad"], title="President",
          affiliation="Syria", mentions=3),
        A("sergei-kuralenko", "Sergei Kuralenko", aliases=["General Sergei Kuralenko", "Kuralenko"],
          title="General", affiliation="Russia"),
        A("russia", "Russia", "state", aliases=["Russia", "Moscow", "the Russians"], mentions=5),
        A("united-states", "United States", "state", aliases=["U.S.", "Washington"], mentions=2),
        A("syria", "Syria", "state", aliases=["Syria", "government forces", "the regime"], mentions=4),
        A("saudi-arabia", "Saudi Arabia", "state"),
        A("kremlin", "Kremlin", "organization", aliases=["the Kremlin"]),
        A("syrian-army", "Syrian Army", "organization", aliases=["the Syrian Army"], mentions=2),
        A("united-nations", "United Nations", "organization", aliases=["UN"]),
        A("opposition", "Opposition forces", "group", aliases=["rebels"]),
        A("islamic-state", "Islamic State", "group", aliases=["Islamic militants"]),
        A("coalition", "anti-Islamic State coalition", "group"),
    ]
    places = [
        {"id": "place:geneva", "label": "Geneva", "country": "CH", "lat": 46.20222, "lon": 6.14569},
        {"id": "place:aleppo", "label": "Aleppo", "country": "SY", "lat": 36.20124, "lon": 37.16117},
        {"id": "place:moscow", "label": "Moscow", "country": "RU", "lat": 55.75222, "lon": 37.61556},
        {"id": "place:damascus", "label": "Damascus", "country": "SY", "lat": 33.5102, "lon": 36.29128},
        {"id": "place:latakia", "label": "Latakia", "country": "SY"},
        {"id": "place:eastern-ghouta", "label": "Eastern Ghouta", "country": "SY"},
    ]

    def E(id, type, src, tgts, place=None, **kw):
        return {"id": f"event:{id}", "type": type, "source_id": f"actor:{src}",
                "target_ids": [t if ":" in t else f"actor:{t}" for t in tgts],
                "place_id": f"place:{place}" if place else None, **kw}

    events = [
        E("understanding", "statement", "john-kerry", ["russia", "coalition"], date="2016-05-02",
          trigger="said", quote="getting closer to a place of understanding",
          sentence="U.S. Secretary of State John Kerry said on May 2 that talks with Russia and "
                   "anti-Islamic State coalition partners were \u201cgetting closer to a place of "
                   "understanding\u201d to reestablish a cease-fire in Syria."),
        E("jubeir-talks", "meeting", "john-kerry", ["adel-al-jubeir"], "geneva", date="2016-05-02",
          trigger="talks", quote="some work to do.",
          sentence="But Kerry told reporters in Geneva ahead of talks with Saudi Arabia\u2019s Foreign "
                   "Minister Adel al-Jubeir that there was still \u201csome work to do.\u201d"),
        E("out-of-control", "statement", "john-kerry", ["syria"], date="2016-05-02", trigger="said",
          quote="in many ways out of control.",
          sentence='Speaking after those talks with Jubeir, Kerry said Syria was still "in many ways '
                   'out of control."'),
        E("condemned", "accusation", "adel-al-jubeir", ["place:aleppo"], date="2016-05-02",
          trigger="condemned", quote="violation of all humanitarian laws.",
          sentence="Jubeir condemned an escalation of fighting in and around Aleppo in the midst of a "
                   "cease-fire as a \u201cviolation of all humanitarian laws.\u201d"),
        E("blamed", "accusation", "adel-al-jubeir", ["bashar-al-assad"], date="2016-05-02",
          trigger="blamed",
          sentence="He blamed Syrian President Bashar al-Assad for air strikes that have killed "
                   "hundreds there during the past week."),
        E("not-urge", "appeal", "russia", ["bashar-al-assad"], status="negated", date="2016-04-30",
          date_text="at the weekend", trigger="urge",
          sentence="Russia said at the weekend that it would not urge Assad\u2019s forces to halt air "
                   "strikes on Aleppo."),
        E("claimed", "statement", "russia", ["islamic-state"], trigger="claimed",
          sentence="Moscow claimed they were targeting Islamic militants not covered by an "
                   "internationally brokered cease-fire."),
        E("de-mistura-talks", "meeting", "john-kerry", ["staffan-de-mistura"], "geneva",
          date="2016-05-02", trigger="talks",
          sentence="Kerry arrived in Geneva for talks with Arab counterparts and Staffan de Mistura, "
                   "the UN special envoy for Syria."),
        E("cooperation", "appeal", "john-kerry", ["russia"], trigger="look for",
          quote="We look for Russia's cooperation",
          sentence='"These are critical hours. We look for Russia\'s cooperation, and we obviously '
                   'look for the regime to listen to Russia and to respond."'),
        E("judeh-meeting", "meeting", "john-kerry", ["nasser-judeh"], "geneva", date="2016-05-02",
          trigger="meeting",
          sentence='"The hope is we can make some progress," Kerry said at the start of a meeting with '
                   "Jordan's foreign minister, Nasser Judeh, shortly after his arrival."),
        E("shelled", "attack", "opposition", ["syria"], "aleppo", date="2016-05-01", trigger="shelled",
          sentence="Opposition forces in control of part of Aleppo shelled government-held positions."),
        E("calm", "statement", "sergei-kuralenko", [], "aleppo", date="2016-05-01", trigger="said",
          quote="there is an active negotiation process taking place",
          sentence='"At present, there is an active negotiation process taking place to establish a '
                   'regime of calm also in Aleppo province," said General Sergei Kuralenko.'),
        E("lavrov-not-geneva", "meeting", "sergei-lavrov", ["place:geneva"], status="negated",
          trigger="arrive",
          sentence="While Russian Foreign Minister Sergei Lavrov was not slated to arrive in Geneva "
                   "for the talks, Kerry said that \u201cwe are talking directly to the Russians.\u201d"),
        E("lavrov-de-mistura", "meeting", "sergei-lavrov", ["staffan-de-mistura"], "moscow",
          status="planned", date="2016-05-03", date_text="on May 3", trigger="meet",
          sentence="The Kremlin announced on May 2 that Lavrov would meet de Mistura for talks on "
                   "Syria in Moscow on May 3."),
        E("regime-of-calm", "statement", "syrian-army", ["place:latakia", "place:damascus"],
          date="2016-04-29", trigger="announced",
          sentence='The Syrian Army announced a "regime of calm" late on April 29 in the province of '
                   "Latakia and Damascus suburbs."),
        E("confirmed", "agreement", "syrian-army", ["russia"], "eastern-ghouta", date="2016-05-01",
          trigger="confirmed",
          sentence='The Syrian Army confirmed a Russian announcement on May 1 that a "regime of calm" '
                   "around Damascus has been extended for another 24 hours."),
    ]
    return make_graph(actors, places, events, name="seed")


class _Scripts(HTMLParser):
    """Script elements as the browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, Any]] = []
        self.ends = 0
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts.append({"attrs": dict(attrs), "text": ""})

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.ends += 1

    def handle_data(self, data: str) -> None:
        if self.scripts and self.lasttag == "script" and self.ends < len(self.scripts):
            self.scripts[-1]["text"] += data


def _parse(page: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(page)
    parser.close()
    return parser


def _outside_data(page: str) -> str:
    """The page without the JSON block (where payloads legitimately sit, escaped)."""
    return re.sub(r'(<script type="application/json" id="graph-data">).*?(</script>)', r"\1\2",
                  page, count=1, flags=re.S)


# --------------------------------------------------------------------------
# page_data


def test_page_data_aggregates_one_edge_per_pair():
    d = page_data(seed_graph())
    edges = {(e["from"], e["to"]): e for e in d["edges"]}
    assert len(edges) == len(d["edges"])  # one per unordered pair
    kerry_geneva = edges[("actor:john-kerry", "place:geneva")]
    # Three meetings in Geneva, each seen once although each gave two "at" edges.
    assert kerry_geneva["events"] == ["event:de-mistura-talks", "event:jubeir-talks", "event:judeh-meeting"]
    assert (kerry_geneva["count"], kerry_geneva["type"], kerry_geneva["dashed"]) == (3, "meeting", False)
    planned = edges[("actor:sergei-lavrov", "actor:staffan-de-mistura")]
    assert (planned["type"], planned["dashed"]) == ("meeting", True)
    negated = edges[("actor:sergei-lavrov", "place:geneva")]
    assert negated["dashed"] and negated["type"] == "meeting"
    # The trap: Lavrov did not meet Kerry, so there is no such edge.
    assert ("actor:john-kerry", "actor:sergei-lavrov") not in edges


def test_page_widths_count_happenings_and_events_carry_their_reports():
    from graphbuild.cluster import assign_clusters
    from graphbuild.graph import build_graph
    from graphbuild.types import Actor, Event, Extraction

    def meeting(doc: str) -> Event:
        return Event("meeting", "A", ["B"], date="2016-05-02", doc=doc, sentence=f"{doc}: A met B.")

    x = Extraction(actors=[Actor("A", "person"), Actor("B", "person")],
                   documents=[{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d", "duplicate_of": "a"}],
                   events=[meeting("a"), meeting("b"), meeting("c")])
    d = page_data(build_graph(assign_clusters(x)))
    (edge,) = d["edges"]
    assert edge["count"] == 1 and len(edge["events"]) == 3  # one happening, every report listed
    assert {n["id"]: n["weight"] for n in d["nodes"]} == {"actor:a": 1, "actor:b": 1}
    reports = {ev["doc"]: (ev["cluster"], ev["reports"]) for ev in d["events"].values()}
    assert len({c for c, _ in reports.values()}) == 1 and {r for _, r in reports.values()} == {4}


def test_page_data_nodes_carry_their_events_including_targetless_ones():
    d = page_data(seed_graph())
    nodes = {n["id"]: n for n in d["nodes"]}
    kuralenko = nodes["actor:sergei-kuralenko"]
    assert "event:calm" in kuralenko["events"]
    assert kuralenko["title"] == "General" and kuralenko["affiliation"] == "Russia"
    kerry = nodes["actor:john-kerry"]
    assert kerry["kind"] == "actor" and kerry["type"] == "person"
    assert "Kerry" in kerry["aliases"]
    assert kerry["weight"] == max(n["weight"] for n in d["nodes"])
    assert nodes["place:geneva"]["kind"] == "place" and nodes["place:geneva"]["lat"] == 46.20222
    # Chronological, undated events last.
    dates = [d["events"][e]["date"] or "~" for e in kerry["events"]]
    assert dates == sorted(dates) and dates[-1] == "~"
    assert d["event_types"][0] == "meeting" and set(d["statuses"]) == {"occurred", "planned", "negated"}
    assert d["dates"] == {"min": "2016-04-29", "max": "2016-05-03"}


def test_page_data_builds_events_from_edges_when_graph_has_none():
    G = nx.MultiDiGraph()
    G.add_node("actor:a", kind="actor", label="A", type="person")
    G.add_node("actor:b", kind="actor", label="B", type="state")
    G.add_node("place:p", kind="place", label="P", type="place")
    common = {"event": "event:x", "status": "planned", "sentence": "A will meet B in P.", "place": "P"}
    G.add_edge("actor:a", "place:p", key="event:x/1", type="at", **common)
    G.add_edge("actor:a", "actor:b", key="event:x/0", type="meeting", **common)
    d = page_data(G)
    ev = d["events"]["event:x"]
    assert ev["type"] == "meeting" and ev["source"] == "A" and ev["targets"] == ["B"]
    assert ev["place_id"] == "place:p"
    assert all(e["dashed"] and e["type"] == "meeting" for e in d["edges"])


def test_top_keeps_the_most_connected_actors_and_their_places():
    d = page_data(seed_graph(), top=3)
    actors = [n["id"] for n in d["nodes"] if n["kind"] == "actor"]
    assert actors == ["actor:adel-al-jubeir", "actor:john-kerry", "actor:russia"]
    # Places where a kept actor was: Russia is the counterpart of an agreement in Eastern Ghouta.
    places = {n["id"] for n in d["nodes"] if n["kind"] == "place"}
    assert places == {"place:aleppo", "place:geneva", "place:eastern-ghouta"}
    assert d["counts"]["nodes_dropped"] == 23 - len(d["nodes"])
    kept = {n["id"] for n in d["nodes"]}
    assert all(e["from"] in kept and e["to"] in kept for e in d["edges"])


@pytest.mark.parametrize("top", [0, -1, 2.5, True, "3"])
def test_top_must_be_a_positive_int(top):
    with pytest.raises(GraphbuildError, match="top"):
        page_data(seed_graph(), top=top)


def test_layout_choices():
    G = seed_graph()
    small = page_data(G)
    assert small["layout"]["name"] == "physics" and small["layout"]["physics"]
    assert "x" not in small["nodes"][0]
    forced = page_data(G, layout="force")
    assert forced["layout"] == {"name": "force", "physics": False, "stabilization": 0,
                                "improved": False, "large": False, "edge_layer": False}
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in forced["nodes"])
    assert page_data(G, physics=False)["layout"]["name"] == "force"
    custom = page_data(G, layout=lambda H: {n: (i, 0) for i, n in enumerate(sorted(H))})
    assert custom["layout"]["name"] == "custom"
    assert len({n["x"] for n in custom["nodes"]}) == len(custom["nodes"])
    assert page_data(G, layout="circular")["layout"]["name"] == "circular"
    with pytest.raises(GraphbuildError, match="unknown layout"):
        page_data(G, layout="hairball")
    with pytest.raises(GraphbuildError, match="physics"):
        page_data(G, layout="physics", physics=False)


def _ring_graph(n: int) -> nx.MultiDiGraph:
    actors = [{"id": f"actor:{i:04d}", "label": f"Actor {i}"} for i in range(n)]
    events = [{"id": f"event:{i}", "type": "statement", "source_id": f"actor:{i:04d}",
               "target_ids": [f"actor:{(i * 7 + 1) % (n - 5):04d}"], "sentence": f"Actor {i} spoke."}
              for i in range(n - 5)]  # the last five actors stay isolated
    return make_graph(actors, [], events)


def test_large_graphs_get_python_positions_and_no_physics():
    G = _ring_graph(LARGE_GRAPH + 20)
    d = page_data(G)
    assert d["layout"]["name"] == "force" and not d["layout"]["physics"]
    assert d["layout"]["large"] and d["layout"]["edge_layer"] and not d["layout"]["improved"]
    xy = {(n["x"], n["y"]) for n in d["nodes"]}
    assert len(xy) > 0.95 * len(d["nodes"])  # spread out, not piled up


def test_force_layout_is_deterministic_and_places_isolated_nodes():
    np = pytest.importorskip("numpy")
    src, dst = np.array([0, 1, 2, 3]), np.array([1, 2, 3, 0])
    a = force_layout(7, src, dst, seed=3)
    b = force_layout(7, src, dst, seed=3)
    assert np.array_equal(a, b) and np.isfinite(a).all()
    core = np.linalg.norm(a[:4] - a[:4].mean(axis=0), axis=1).max()
    ring = np.linalg.norm(a[4:] - a[:4].mean(axis=0), axis=1)
    assert (ring > core).all()


# --------------------------------------------------------------------------
# HTML safety


def test_no_payload_reaches_the_page_unescaped():
    page = render_html(hostile_graph(), title=f"Title {IMG} {CLOSE} {QUOTES} {JS_HREF}")
    for payload in (IMG, CLOSE, QUOTES):
        assert payload not in page, payload
    assert "<img src=x" not in page
    assert "</script><script>" not in page
    outside = _outside_data(page)
    # Harmless as text (it has no character to escape); it must never be an attribute.
    assert JS_HREF not in outside.replace(f"{html.escape(QUOTES)} {JS_HREF}", "")
    assert "javascript:" not in "".join(str(v) for _, attrs in _parse(page).tags for v in attrs.values())
    # onerror= may only appear as escaped text (title/heading), never inside a tag.
    assert re.search(r"<[^>]*onerror=", outside) is None
    assert html.escape(f"Title {IMG}", quote=True) in outside
    tags = _parse(page).tags
    assert not [t for t, _ in tags if t in ("img", "iframe", "object", "embed", "a", "link", "base")]
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]


def test_each_script_block_closes_once_and_data_round_trips():
    G = hostile_graph()
    page = render_html(G)
    parsed = _parse(page)
    assert len(parsed.scripts) == parsed.ends == 4
    data, world, vis_js, page_js = parsed.scripts
    assert data["attrs"] == {"type": "application/json", "id": "graph-data"}
    assert world["attrs"] == {"type": "application/json", "id": "graph-world"}
    assert len(json.loads(world["text"])["countries"]) > 150
    for block in parsed.scripts:
        assert "</script" not in block["text"].lower()
    # What the page parses is exactly page_data, every payload intact.
    assert json.loads(data["text"]) == json.loads(json.dumps(page_data(G)))
    for char in "<>&\u2028\u2029":
        assert char not in data["text"]
    assert "\\u003c/script\\u003e\\u003cscript\\u003e" in data["text"]
    assert "window.graphbuild" in page_js["text"]
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in page_js["text"], sink


def test_content_security_policy_allows_only_the_pages_own_scripts():
    page = render_html(seed_graph())
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    csp = html.unescape(csp)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    for block in _parse(page).scripts[2:]:  # the two JSON blocks are data, not scripts
        digest = base64.b64encode(hashlib.sha256(block["text"].encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";")[0]


def test_page_references_no_remote_resource():
    page = render_html(seed_graph())
    for pattern in (r"""src\s*=\s*["']?\s*https?:""", r"""href\s*=\s*["']?\s*https?:""",
                    r"@import", r"""url\(\s*["']?\s*https?:""", r"sourceMappingURL"):
        assert re.search(pattern, page, flags=re.I) is None, pattern
    assert "//cdn" not in page


def test_same_graph_gives_the_same_bytes():
    assert render_html(seed_graph()) == render_html(seed_graph())
    assert render_html(_ring_graph(LARGE_GRAPH + 20)) == render_html(_ring_graph(LARGE_GRAPH + 20))


def test_empty_graph_says_there_is_nothing_to_show(tmp_path):
    out = tmp_path / "sub" / "empty.html"
    page = render_html(nx.MultiDiGraph(), out, title="Empty")
    assert "Nothing to show" in page
    assert out.read_text(encoding="utf-8") == page
    assert page_data(nx.MultiDiGraph())["nodes"] == []


def test_render_html_accepts_page_data():
    G = seed_graph()
    d = page_data(G, layout="force")
    assert render_html(d, title="x") == render_html(G, title="x", layout="force")


def test_fixture_graph_renders_with_its_payloads_escaped(small_graph):
    page = render_html(small_graph)
    data = json.loads(_parse(page).scripts[0]["text"])
    assert len(data["events"]) == len(small_graph.graph["events"])
    assert "<script>alert(1)</script>" not in page


# --------------------------------------------------------------------------
# Jupyter and pyvis


def test_show_wraps_the_page_in_a_sandboxed_srcdoc_iframe():
    G = hostile_graph()
    nb = show(G, height="420px", standalone=True)
    out = nb._repr_html_()
    assert out.startswith('<div class="graphbuild-notebook"') and out.endswith("</iframe></div>")
    m = re.search(r'<iframe srcdoc="([^"]*)" ', out)
    assert m is not None
    assert "<" not in m.group(1) and ">" not in m.group(1)
    assert html.unescape(m.group(1)) == nb.html == render_html(G)
    assert 'sandbox="allow-scripts"' in out and "height:420px" in out
    with pytest.raises(GraphbuildError, match="height"):
        show(G, height='1px" onload="alert(1)')
    # Front ends without HTML, and untrusted notebooks, get a note that says how to see it.
    bundle = nb._repr_mimebundle_()
    assert "trust" in bundle["text/plain"] and "trust" in out


def test_notebook_views_share_their_scripts():
    import graphbuild.render as render_mod

    render_mod._ASSETS_GIVEN.clear()
    G = hostile_graph()
    first, second, third = (show(G)._repr_html_() for _ in range(3))
    # The first view carries vis-network and the page script once; the others ask for them.
    assert len(first) > 500_000 and len(second) < 80_000 and len(third) == len(second)
    assert first.count("<script>") == 1 and "<script>" not in second.replace("&lt;script&gt;", "")
    frame = html.unescape(re.search(r'srcdoc="([^"]*)"', second).group(1))
    assert "vis.Network" not in frame and 'data-assets="' in frame
    # The frame may run only the expected scripts: their hashes are in its policy.
    csp = html.unescape(re.search(r'Content-Security-Policy" content="([^"]+)"', frame).group(1))
    assets = render_mod._assets()
    for name in ("vis.js", "page.js", "loader.js"):
        assert render_mod._sha256(assets[name]) in csp, name
    render_mod._ASSETS_GIVEN.clear()


def test_to_pyvis_leaves_the_graph_alone_and_escapes_titles():
    pytest.importorskip("pyvis")
    G = hostile_graph()
    before = (copy.deepcopy(dict(G.nodes(data=True))),
              copy.deepcopy(list(G.edges(keys=True, data=True))), copy.deepcopy(G.graph))
    net = to_pyvis(G)
    after = (dict(G.nodes(data=True)), list(G.edges(keys=True, data=True)), G.graph)
    assert before == after
    assert len(net.nodes) == G.number_of_nodes()
    assert len(net.edges) == len(page_data(G)["edges"])
    for item in net.nodes + net.edges:
        assert "<" not in item["title"]


def test_every_event_is_in_the_panel_of_each_node_taking_part():
    from graphbuild.graph import build_graph
    from graphbuild.types import Actor, Event, Extraction, Place

    ext = Extraction(
        documents=[{"id": "a", "date": "2016-05-02"}],
        actors=[Actor("Syria", "state"), Actor("United Nations", "organization"), Actor("Rebels", "group")],
        places=[Place("Syria", lat=35.0, lon=38.5)],
        events=[Event("accusation", "", ["United Nations"], doc="a", start=1, sentence="Some accused the UN."),
                Event("statement", "Rebels", [], doc="a", start=2, date="2016-04-30", sentence="Rebels spoke."),
                Event("attack", "", [], place="Syria", doc="a", start=3, sentence="Shells fell in Syria.")])
    d = page_data(build_graph(ext))
    nodes = {n["id"]: n for n in d["nodes"]}
    events = d["events"]
    # A target with no source, a source with no target, a place alone: each in its node's list.
    assert [events[e]["sentence"] for e in nodes["actor:united-nations"]["events"]] == ["Some accused the UN."]
    assert [events[e]["sentence"] for e in nodes["actor:rebels"]["events"]] == ["Rebels spoke."]
    assert [events[e]["sentence"] for e in nodes["place:syria"]["events"]] == ["Shells fell in Syria."]
    assert d["counts"]["events"] == 3 and d["counts"]["events_unplaced"] == 0
    # An event with no date of its own is dated by its article, for the timeline.
    dated = {ev["sentence"]: (ev["date"], ev["doc_date"]) for ev in events.values()}
    assert dated["Rebels spoke."] == ("2016-04-30", None)
    assert dated["Some accused the UN."] == (None, "2016-05-02")
    assert d["dates"] == {"min": "2016-04-30", "max": "2016-05-02"}
    # A state and the place of its name are one country.
    assert d["same"] == [["actor:syria", "place:syria"]]
