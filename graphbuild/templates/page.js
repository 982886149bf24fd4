/* graphbuild page: draws the graph in #graph-data with vis-network.
 *
 * Every string in the data comes from articles, so this script only ever
 * puts data into the page with textContent, element properties and
 * plain-text vis-network tooltips (vis-network 9.1.2 sets a string title
 * with innerText), never as markup.
 *
 * The script is one closure in sections: filters and the view model (what
 * is drawn), drawing (vis-network items, the canvas layer of large graphs,
 * the map), the side panel, search, the timeline, the controls, and the
 * hooks on window.graphbuild:
 *
 *   data, network, nodes, edges (vis DataSets holding exactly what is drawn;
 *   on large graphs the edges are drawn by this script, not vis-network),
 *   ready, readyAt, state, select(id), applyFilters(), drawnEdgeCount(),
 *   visible() -> {nodes: [ids], edges: [[from, to], ...]},
 *   setView("graph" | "map"), positions() -> {id: {x, y}},
 *   setDateRange(from, to) (ISO dates or null), neighbourhood(id, depth),
 *   showAll(on), setMinEvents(n), search(text).
 */
(function () {
  "use strict";

  var NODE_ORDER = ["person", "organization", "state", "group", "place"];
  var PANEL_PAGE = 100;
  // Labels the large-graph layer draws per frame at most, and their font
  // sizes (canvas units, smallest to largest node) and smallest readable size.
  var LABELS_MAX = 350, LABEL_MIN = 13, LABEL_MAX = 28, LABEL_READABLE = 7;
  // The most connected nodes keep a readable label even fully zoomed out.
  var LABELS_ALWAYS = 12, LABEL_ALWAYS_PX = 12;
  var ISO = /^(\d{4})(-\d{2})?(-\d{2})?/;
  // The only addresses an article's link may have: no javascript: or data: URL is ever followed.
  var WEB_LINK = /^https?:\/\/[^\s]+$/i;
  // A name longer than this is clipped where it is drawn; hovering shows it whole.
  var LABEL_CLIP = 80;
  // The first view of a corpus: the actors and places with the most events, this many.
  var CORE_ACTORS = 80, CORE_PLACES = 40;
  // Map: canvas pixels per degree (an equirectangular projection).
  var MAP_K = 12;
  var DAY = 86400000;
  var PLAY_MS = 900;
  var COUNTRY_PALETTE = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
    "#B07AA1", "#FF9DA7", "#9C755F", "#1F6FB2", "#8B0000"];

  performance.mark("graphbuild:start");
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var worldEl = document.getElementById("graph-world");
  var world = worldEl ? JSON.parse(worldEl.textContent) : { countries: [] };
  performance.mark("graphbuild:parsed");
  var EVENT_COLORS = data.colors.events, NODE_COLORS = data.colors.nodes, OTHER_COLOR = data.colors.other;
  var events = data.events;
  var affiliations = data.affiliations || [];
  var docTitles = data.document_titles || {};
  var docLinks = data.document_links || {};
  var sameCountry = data.same || [];
  var nodeById = Object.create(null);
  var edgeById = Object.create(null);
  var adjacency = Object.create(null); // node id -> edges touching it
  data.nodes.forEach(function (n) { nodeById[n.id] = n; adjacency[n.id] = []; });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    adjacency[e.from].push(e);
    adjacency[e.to].push(e);
  });
  var typeRank = Object.create(null);
  data.event_types.forEach(function (t, i) { typeRank[t] = i; });
  var countryByCode = Object.create(null); // ISO alpha-2 or alpha-3 -> world country
  world.countries.forEach(function (c) {
    if (c.iso2) countryByCode[c.iso2] = c;
    if (c.iso3) countryByCode[c.iso3] = c;
  });

  // Maps keyed by data (event types, ids) have no prototype: a type named
  // "__proto__" or "constructor" is just a key.
  var state = {
    types: Object.create(null), statuses: Object.create(null), from: "", to: "", undated: true,
    places: true, all: false, minEvents: 1, hideLonely: true, focus: null, depth: 1,
    pinned: null, view: "graph", colorBy: "type", ties: true
  };
  var gb = {
    data: data, network: null, nodes: null, edges: null, state: state,
    readyAt: null, ready: null, select: select, applyFilters: applyFilters,
    drawnEdgeCount: drawnEdgeCount, visible: visible, setView: setView, positions: positions,
    setDateRange: setDateRange, neighbourhood: neighbourhood, showAll: showAll,
    setMinEvents: setMinEvents, search: searchFor
  };
  var resolveReady;
  gb.ready = new Promise(function (resolve) { resolveReady = resolve; });
  window.graphbuild = gb;

  var $ = function (id) { return document.getElementById(id); };
  var panel = $("gb-panel");
  var current = null; // {kind: "node"|"edge"|"search", id}
  var graphPositions = Object.create(null); // where nodes were in the graph view
  var drawnEdges = new Map(); // edge id -> key of its drawn look, to update only what changed
  var layer = null; // EdgeLayer when the page draws the edges itself
  var lastView = null; // the last computeView() result

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clip(text) {
    text = String(text);
    return text.length > LABEL_CLIP ? text.slice(0, LABEL_CLIP - 1) + "\u2026" : text;
  }
  // An element showing a clipped name, with the whole name as its hover title.
  function named(tag, className, text) {
    var e = el(tag, className, clip(text));
    if (String(text).length > LABEL_CLIP) e.title = String(text);
    return e;
  }
  function button(className, text, onClick) {
    var b = el("button", className, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function own(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null;
  }
  function colorOf(map, key) {
    var c = own(map, key);
    return c === null ? OTHER_COLOR : c;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function isPlace(id) { return nodeById[id] && nodeById[id].kind === "place"; }

  // ---- dates -----------------------------------------------------------------

  function isoDay(value) {
    var m = typeof value === "string" ? ISO.exec(value) : null;
    return m ? m[1] + (m[2] || "-01") + (m[3] || "-01") : null;
  }
  function eventDay(ev) { var span = spanOf(ev.id); return span ? span[0] : null; }
  function dayOf(t) { return new Date(t).toISOString().slice(0, 10); }
  function addDays(day, n) { return dayOf(Date.parse(day) + n * DAY); }
  function lastOfMonth(day) {
    var d = new Date(Date.parse(day.slice(0, 7) + "-01"));
    d.setUTCMonth(d.getUTCMonth() + 1);
    return dayOf(d.getTime() - DAY);
  }
  // "2001", "2001-03" or "2001-03-04" as the first or last day it covers.
  function boundDay(value, last) {
    if (value === null || value === undefined || value === "") return "";
    var m = /^(\d{4})(-\d{2})?(-\d{2})?$/.exec(String(value));
    if (!m) throw new Error("not an ISO date: " + value);
    if (m[3]) return m[1] + m[2] + m[3];
    if (m[2]) return last ? lastOfMonth(m[1] + m[2] + "-01") : m[1] + m[2] + "-01";
    return m[1] + (last ? "-12-31" : "-01-01");
  }

  // ---- filters and the view model ------------------------------------------

  // The first and last day an event's date covers: its own date, else its
  // article's (doc_date); null when it has none.  Computed once per event.
  var spans = Object.create(null);
  function spanOf(id) {
    if (id in spans) return spans[id];
    var ev = events[id];
    var m = typeof ev.date === "string" ? ISO.exec(ev.date) : null;
    if (!m && ev.doc_date) m = ISO.exec(ev.doc_date);
    return (spans[id] = m ? [m[1] + (m[2] || "-01") + (m[3] || "-01"), m[1] + (m[2] || "-12") + (m[3] || "-31")] : null);
  }
  function dateOk(ev) {
    var span = spanOf(ev.id);
    if (!span) return state.undated;
    if (state.from && span[1] < state.from) return false;
    if (state.to && span[0] > state.to) return false;
    return true;
  }
  function passes(ev) {
    return state.types[ev.type] !== false && state.statuses[ev.status] !== false && dateOk(ev);
  }

  // The first view: the actors and the places with the most events (nodes
  // left without an edge among them are hidden like any other).
  var core = (function () {
    var actors = data.nodes.filter(function (n) { return n.kind !== "place" && n.weight > 0; });
    if (actors.length <= CORE_ACTORS) return null;
    function top(list, k) {
      return list.sort(function (a, b) { return b.weight - a.weight || (a.id < b.id ? -1 : 1); })
        .slice(0, k).map(function (n) { return n.id; });
    }
    var places = data.nodes.filter(function (n) { return n.kind === "place" && n.weight > 0; });
    return new Set(top(actors, CORE_ACTORS).concat(top(places, CORE_PLACES)));
  })();

  var mapPos = null; // lazily: id -> {x, y} on the map
  function allowed(n) {
    if (n.kind === "place" && !state.places) return false;
    if (state.view === "map" && !mapPositions()[n.id]) return false;
    return true;
  }

  // What is drawn under the current filters: {nodes: [ids], edges: Map id -> item, ...}.
  function computeView() {
    var ok = Object.create(null);
    Object.keys(events).forEach(function (k) { ok[k] = passes(events[k]); });
    var eventsIn = new Set();
    var eligible = new Set();
    var edgeLook = Object.create(null);
    function look(e) {
      if (!(e.id in edgeLook)) edgeLook[e.id] = edgeItem(e, ok);
      return edgeLook[e.id];
    }
    if (state.focus && nodeById[state.focus]) {
      eligible.add(state.focus);
      var frontier = [state.focus];
      for (var d = 0; d < state.depth; d++) {
        var next = [];
        frontier.forEach(function (id) {
          adjacency[id].forEach(function (e) {
            var other = e.from === id ? e.to : e.from;
            if (eligible.has(other) || !allowed(nodeById[other]) || !look(e)) return;
            eligible.add(other);
            next.push(other);
          });
        });
        frontier = next;
      }
    } else {
      data.nodes.forEach(function (n) {
        if (!allowed(n)) return;
        if (!state.all && core && !core.has(n.id)) return;
        if (state.minEvents > 1) {
          var c = 0;
          for (var i = 0; i < n.events.length && c < state.minEvents; i++) if (ok[n.events[i]]) c++;
          if (c < state.minEvents) return;
        }
        eligible.add(n.id);
      });
    }
    if (state.pinned && nodeById[state.pinned] && allowed(nodeById[state.pinned])) eligible.add(state.pinned);
    var edges = new Map();
    var linked = new Set();
    data.edges.forEach(function (e) {
      if (!eligible.has(e.from) || !eligible.has(e.to)) return;
      var x = look(e);
      if (!x) return;
      edges.set(e.id, x);
      linked.add(e.from);
      linked.add(e.to);
    });
    var nodes = [];
    eligible.forEach(function (id) {
      if (!state.hideLonely || linked.has(id) || id === state.focus || id === state.pinned) nodes.push(id);
    });
    var shown = new Set(nodes);
    nodes.forEach(function (id) {
      nodeById[id].events.forEach(function (k) { if (ok[k]) eventsIn.add(k); });
    });
    var lonely = 0;
    eligible.forEach(function (id) { if (!shown.has(id)) lonely++; });
    return { nodes: nodes, shown: shown, edges: edges, events: eventsIn.size, lonely: lonely };
  }

  function dominant(counts) {
    var best = null;
    Object.keys(counts).forEach(function (t) {
      if (best === null || counts[t] > counts[best] ||
          (counts[t] === counts[best] && typeRank[t] < typeRank[best])) best = t;
    });
    return best;
  }

  function edgeItem(e, ok) {
    // Widths count happenings: the reports of one happening (one cluster) count once.
    var counts = Object.create(null), seen = Object.create(null), n = 0, reports = 0, occurred = false;
    for (var i = 0; i < e.events.length; i++) {
      var ev = events[e.events[i]];
      if (!ev || !ok[e.events[i]]) continue;
      reports++;
      if (ev.status === "occurred") occurred = true;
      var key = ev.cluster || ev.id;
      if (seen[key]) continue;
      seen[key] = true;
      n++;
      counts[ev.type] = (counts[ev.type] || 0) + 1;
    }
    if (!n) return null;
    var type = dominant(counts);
    var color = colorOf(EVENT_COLORS, type);
    var parts = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; })
      .map(function (t) { return t + " \u00d7" + counts[t]; });
    var ends = clip(nodeById[e.from].label) + " \u2014 " + clip(nodeById[e.to].label);
    return {
      key: n + "|" + type + "|" + occurred,
      item: {
        id: e.id, from: e.from, to: e.to,
        width: Math.min(1.2 + 1.6 * Math.log2(n), 10),
        color: { color: color, highlight: color, hover: color, opacity: 0.8 },
        dashes: !occurred,
        title: ends + "\n" + eventsIn(reports, n) + ": " + parts.join(", ") +
          (occurred ? "" : "\nnone occurred (planned, proposed, negated or hypothetical)")
      }
    };
  }

  // ---- colours ---------------------------------------------------------------

  function countryOf(n) {
    var c = n.country;
    if (!c) return null;
    var w = countryByCode[c];
    return w && w.iso3 ? w.iso3 : String(c);
  }
  function countryName(code) {
    var w = countryByCode[code];
    return w && w.name ? w.name : code;
  }
  var countryColors = (function () {
    var counts = Object.create(null);
    data.nodes.forEach(function (n) { var c = countryOf(n); if (c) counts[c] = (counts[c] || 0) + 1; });
    var ranked = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); });
    var colors = Object.create(null);
    ranked.slice(0, COUNTRY_PALETTE.length).forEach(function (c, i) { colors[c] = COUNTRY_PALETTE[i]; });
    return { colors: colors, ranked: ranked, counts: counts };
  })();
  function nodeColor(n) {
    if (state.colorBy === "country") {
      var c = countryOf(n);
      return c && countryColors.colors[c] ? countryColors.colors[c] : OTHER_COLOR;
    }
    return colorOf(NODE_COLORS, n.kind === "place" ? "place" : n.type);
  }

  // ---- drawing: vis-network items --------------------------------------------

  function nodeItem(n) {
    var color = nodeColor(n);
    var lines = [clip(n.label), n.type + (n.title ? " \u00b7 " + clip(n.title) : "") +
      (n.affiliation ? " \u00b7 " + clip(n.affiliation) : "") + (n.country ? " \u00b7 " + n.country : "")];
    lines.push(plural(n.events.length, "event") + " \u00b7 " + plural(n.mentions, "mention"));
    var item = {
      id: n.id, label: data.layout.edge_layer ? undefined : clip(n.label), value: n.weight + 1,
      shape: n.kind === "place" ? "square" : "dot",
      color: { background: color, border: color, highlight: { background: color, border: "#1f2328" },
               hover: { background: color, border: "#1f2328" } },
      title: lines.join("\n")
    };
    var pos = positionFor(n);
    if (pos) { item.x = pos.x; item.y = pos.y; }
    return item;
  }

  function positionFor(n) {
    if (state.view === "map") return mapPositions()[n.id] || null;
    if (graphPositions[n.id]) return graphPositions[n.id];
    if (typeof n.x === "number") return { x: n.x, y: n.y };
    // A node shown for the first time next to a drawn neighbour.
    if (gb.network) {
      var es = adjacency[n.id];
      for (var i = 0; i < es.length; i++) {
        var other = es[i].from === n.id ? es[i].to : es[i].from;
        if (gb.nodes.get(other)) {
          var p = gb.network.getPosition(other);
          var a = (i + 1) * 2.39996;
          return { x: p.x + 60 * Math.cos(a), y: p.y + 60 * Math.sin(a) };
        }
      }
    }
    return null;
  }

  function rememberGraphPositions(ids) {
    if (!gb.network || state.view !== "graph" || !ids.length) return;
    var pos = gb.network.getPositions(ids);
    Object.keys(pos).forEach(function (id) { graphPositions[id] = pos[id]; });
  }

  function syncNodes(view) {
    var gone = gb.nodes.getIds().filter(function (id) { return !view.shown.has(id); });
    if (gone.length) {
      // Remember where removed nodes were so that showing them again puts
      // them back in place rather than at random.
      rememberGraphPositions(gone);
      gb.nodes.remove(gone);
    }
    var added = view.nodes.filter(function (id) { return !gb.nodes.get(id); })
      .map(function (id) { return nodeItem(nodeById[id]); });
    if (added.length) gb.nodes.add(added);
  }

  function syncEdges(view) {
    var want = view.edges;
    var gone = [];
    drawnEdges.forEach(function (key, id) { if (!want.has(id)) gone.push(id); });
    gone.forEach(function (id) { drawnEdges.delete(id); });
    if (gone.length) gb.edges.remove(gone);
    var changed = [];
    want.forEach(function (x, id) {
      if (drawnEdges.get(id) !== x.key) { changed.push(x.item); drawnEdges.set(id, x.key); }
    });
    if (changed.length) gb.edges.update(changed);
    if (layer) layer.rebuild();
  }

  function recolor() {
    if (!gb.nodes) return;
    gb.nodes.update(gb.nodes.getIds().map(function (id) {
      var c = nodeColor(nodeById[id]);
      return { id: id, color: { background: c, border: c, highlight: { background: c, border: "#1f2328" },
                                hover: { background: c, border: "#1f2328" } } };
    }));
    buildLegend();
  }

  // ---- the map ---------------------------------------------------------------

  function project(lon, lat) { return { x: lon * MAP_K, y: -lat * MAP_K }; }

  // Places at their coordinates; a state at the place of its name, else at its
  // country's point; any other actor around the place where most of its
  // events happened (spread on a small spiral so that they do not overlap).
  function mapPositions() {
    if (mapPos) return mapPos;
    mapPos = Object.create(null);
    var countryNamed = Object.create(null);
    world.countries.forEach(function (c) { if (c.name) countryNamed[c.name.toLowerCase()] = c; });
    data.nodes.forEach(function (n) {
      if (typeof n.lat === "number" && typeof n.lon === "number") mapPos[n.id] = project(n.lon, n.lat);
      // A country named as a place, with no coordinates of its own: its point.
      else if (n.kind === "place" && countryNamed[n.label.toLowerCase()]) {
        var c = countryNamed[n.label.toLowerCase()].center;
        mapPos[n.id] = project(c[0], c[1]);
      }
    });
    sameCountry.forEach(function (p) { if (mapPos[p[1]] && !mapPos[p[0]]) mapPos[p[0]] = mapPos[p[1]]; });
    var crowd = Object.create(null);
    data.nodes.forEach(function (n) {
      if (mapPos[n.id] || n.kind === "place") return;
      if (n.type === "state" && n.country && countryByCode[n.country]) {
        var c = countryByCode[n.country].center;
        mapPos[n.id] = project(c[0], c[1]);
        return;
      }
      var where = Object.create(null), best = null;
      n.events.forEach(function (k) {
        var p = events[k] && events[k].place_id;
        if (!p || !mapPos[p]) return;
        where[p] = (where[p] || 0) + 1;
        if (best === null || where[p] > where[best] || (where[p] === where[best] && p < best)) best = p;
      });
      var at = best !== null ? mapPos[best] : null;
      if (!at) return;
      var k = crowd[best] = (crowd[best] || 0) + 1;
      var r = 10 + 7 * Math.sqrt(k), a = k * 2.39996;
      mapPos[n.id] = { x: at.x + r * Math.cos(a), y: at.y + r * Math.sin(a) };
    });
    return mapPos;
  }
  function mapAvailable() {
    return data.nodes.some(function (n) {
      return typeof n.lat === "number" || (n.type === "state" && n.country && countryByCode[n.country]) ||
        (n.kind === "place" && world.countries.some(function (c) { return c.name && c.name.toLowerCase() === n.label.toLowerCase(); }));
    });
  }

  var worldPath = null;
  function drawWorld(ctx) {
    if (state.view !== "map") return;
    if (!worldPath) {
      worldPath = new Path2D();
      world.countries.forEach(function (c) {
        c.rings.forEach(function (r) {
          for (var i = 0; i < r.length; i += 2) {
            var x = r[i] * MAP_K / 10, y = -r[i + 1] * MAP_K / 10;
            // A jump across the antimeridian starts a new line.
            if (i === 0 || Math.abs(r[i] - r[i - 2]) > 1800) worldPath.moveTo(x, y);
            else worldPath.lineTo(x, y);
          }
        });
      });
    }
    var scale = gb.network.getScale();
    ctx.save();
    ctx.fillStyle = "#f3f0e8";
    ctx.strokeStyle = "#b9b3a5";
    ctx.lineWidth = 0.8 / scale;
    ctx.fill(worldPath);
    ctx.stroke(worldPath);
    ctx.restore();
  }

  // Affiliation ties (thin, dotted) and state = place links (dashed), under the edges.
  function drawLinks(ctx) {
    var body = gb.network.body.nodes, scale = gb.network.getScale();
    ctx.save();
    ctx.lineWidth = 1.2 / Math.max(scale, 0.3);
    if (state.ties && affiliations.length) {
      ctx.strokeStyle = "#8c959f";
      ctx.setLineDash([2 / scale, 3 / scale]);
      ctx.beginPath();
      affiliations.forEach(function (t) {
        var a = body[t.from], b = body[t.to];
        if (!a || !b || !gb.nodes.get(t.from) || !gb.nodes.get(t.to)) return;
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      });
      ctx.stroke();
    }
    ctx.strokeStyle = colorOf(NODE_COLORS, "state");
    ctx.setLineDash([6 / scale, 4 / scale]);
    ctx.beginPath();
    sameCountry.forEach(function (p) {
      var a = body[p[0]], b = body[p[1]];
      if (!a || !b || !gb.nodes.get(p[0]) || !gb.nodes.get(p[1])) return;
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    });
    ctx.stroke();
    ctx.restore();
  }

  // The control point of an edge drawn as an arc on the map (null: a straight line).
  function arcControl(a, b) {
    if (state.view !== "map") return null;
    var dx = b.x - a.x, dy = b.y - a.y;
    return { x: (a.x + b.x) / 2 - dy * 0.2, y: (a.y + b.y) / 2 + dx * 0.2 };
  }

  function setView(view) {
    if (view !== "graph" && view !== "map") throw new Error("setView takes \"graph\" or \"map\"");
    if (view === state.view) return;
    if (view === "map" && !mapAvailable()) return;
    if (gb.network && state.view === "graph") rememberGraphPositions(gb.nodes.getIds());
    state.view = view;
    $("gb-view-graph").setAttribute("aria-pressed", String(view === "graph"));
    $("gb-view-map").setAttribute("aria-pressed", String(view === "map"));
    document.querySelector(".gb-canvas").classList.toggle("gb-map", view === "map");
    if (!gb.network) return;
    if (!data.layout.edge_layer) {
      gb.network.setOptions({ edges: { smooth: view === "map"
        ? { enabled: true, type: "curvedCW", roundness: 0.25 }
        : (data.layout.large ? false : { enabled: true, type: "continuous", roundness: 0.18 }) } });
    }
    applyFilters();
    gb.nodes.update(gb.nodes.getIds().map(function (id) {
      var p = positionFor(nodeById[id]);
      return p ? { id: id, x: p.x, y: p.y } : { id: id };
    }));
    fit(false);
  }

  // ---- canvas layer for large, still graphs ----------------------------------
  //
  // vis-network builds a full Edge object (options, label module, ...) per
  // edge, about a second per 15,000 edges before anything is drawn, strokes
  // them one by one every frame, and measures every node label up front.
  // When physics is off the edges are plain lines between node centres, so
  // large graphs draw them here instead, one canvas path per colour/width/
  // dash, under vis-network's nodes; and draw labels on top, biggest nodes
  // first, only those readable at the current zoom and not overlapping.
  // gb.edges still holds exactly the drawn edges; clicks are hit-tested here.

  function EdgeLayer(network) {
    this.network = network;
    this.groups = [];
    this.items = [];
    this.selectedEdge = null;
    this.focusNode = null;
    this.drawn = 0;
    this.widths = Object.create(null); // label widths at font size 100
    var maxW = 1;
    data.nodes.forEach(function (n) { maxW = Math.max(maxW, n.weight); });
    this.byWeight = data.nodes.slice().sort(function (a, b) { return b.weight - a.weight; })
      .map(function (n) {
        return { id: n.id, label: clip(n.label), font: LABEL_MIN + (LABEL_MAX - LABEL_MIN) * Math.sqrt(n.weight / maxW) };
      });
    network.on("beforeDrawing", this.draw.bind(this));
    network.on("afterDrawing", this.drawLabels.bind(this));
  }
  EdgeLayer.prototype.drawLabels = function (ctx) {
    var net = this.network, body = net.body.nodes, scale = net.getScale();
    var canvas = net.canvas.frame.canvas;
    var tl = net.DOMtoCanvas({ x: 0, y: 0 });
    var br = net.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
    var placed = [], self = this, face = "px system-ui, -apple-system, Segoe UI, Roboto, sans-serif";
    var first = this.focusNode !== null ? [{ id: this.focusNode, label: clip(nodeById[this.focusNode].label), font: LABEL_MAX }] : [];
    ctx.save();
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.fillStyle = "#1f2328";
    ctx.strokeStyle = "#ffffff";
    var list = first.concat(this.byWeight);
    for (var i = 0; i < list.length && placed.length < LABELS_MAX; i++) {
      var l = list[i], font = l.font;
      if (i < first.length + LABELS_ALWAYS) font = Math.max(font, LABEL_ALWAYS_PX / scale);
      // Fonts shrink with weight, so once one is unreadable all later ones are.
      else if (font * scale < LABEL_READABLE) break;
      var node = body[l.id];
      if (!node || !gb.nodes.get(l.id)) continue;
      var r = node.options.size || 10;
      if (node.x < tl.x - 200 / scale || node.x > br.x + 200 / scale || node.y < tl.y - 200 / scale || node.y > br.y) continue;
      if (!(l.id in self.widths)) { ctx.font = "100" + face; self.widths[l.id] = ctx.measureText(l.label).width; }
      var w = self.widths[l.id] * font / 100, y0 = node.y + r + 2 / scale, y1 = y0 + font * 1.15;
      // Centred under the node, but kept inside the frame.
      var x0 = Math.max(tl.x + 2 / scale, Math.min(node.x - w / 2, br.x - w - 2 / scale));
      var clash = placed.some(function (b) { return x0 < b[2] && b[0] < x0 + w && y0 < b[3] && b[1] < y1; });
      if (clash && i >= first.length) continue;
      placed.push([x0, y0, x0 + w, y1]);
      ctx.font = font + face;
      ctx.lineWidth = font / 4;
      ctx.strokeText(l.label, x0, y0);
      ctx.fillText(l.label, x0, y0);
    }
    ctx.restore();
  };
  EdgeLayer.prototype.rebuild = function () {
    var groups = new Map();
    this.items = gb.edges.get();
    this.items.forEach(function (e) {
      var k = e.color.color + "|" + e.width + "|" + e.dashes;
      var g = groups.get(k);
      if (!g) { g = { color: e.color.color, width: e.width, dashes: e.dashes, from: [], to: [] }; groups.set(k, g); }
      g.from.push(e.from);
      g.to.push(e.to);
    });
    // Thin lines first so that the strong relations stay on top.
    this.groups = Array.from(groups.values()).sort(function (a, b) { return a.width - b.width; });
    if (this.selectedEdge && !gb.edges.get(this.selectedEdge)) this.selectedEdge = null;
    var body = this.network.body.nodes;
    this.drawn = this.items.filter(function (e) { return body[e.from] && body[e.to]; }).length;
    this.network.redraw();
  };
  EdgeLayer.prototype.stroke = function (ctx, g, scale, from, to, alpha, extra) {
    var body = this.network.body.nodes, n = 0;
    ctx.beginPath();
    for (var i = 0; i < from.length; i++) {
      var a = body[from[i]], b = body[to[i]];
      if (!a || !b) continue;
      ctx.moveTo(a.x, a.y);
      var c = arcControl(a, b);
      if (c) ctx.quadraticCurveTo(c.x, c.y, b.x, b.y);
      else ctx.lineTo(b.x, b.y);
      n++;
    }
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = g.color;
    // Like vis-network: widths live in canvas units but never vanish when zoomed out.
    ctx.lineWidth = Math.max(g.width + extra, 0.4 / scale);
    ctx.setLineDash(g.dashes ? [6 / Math.max(scale, 0.5), 5 / Math.max(scale, 0.5)] : []);
    ctx.stroke();
    return n;
  };
  EdgeLayer.prototype.draw = function (ctx) {
    var scale = this.network.getScale(), self = this, n = 0;
    ctx.save();
    ctx.lineCap = "round";
    var dim = this.focusNode !== null || this.selectedEdge !== null;
    this.groups.forEach(function (g) { n += self.stroke(ctx, g, scale, g.from, g.to, dim ? 0.25 : 0.6, 0); });
    this.drawn = n;
    var hi = !dim ? [] : this.items.filter(function (e) {
      return e.id === self.selectedEdge || e.from === self.focusNode || e.to === self.focusNode;
    });
    hi.forEach(function (e) {
      self.stroke(ctx, { color: e.color.color, width: e.width, dashes: e.dashes }, scale, [e.from], [e.to], 1, 1.5);
    });
    ctx.restore();
  };
  function segmentDistance(p, a, b) {
    var dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    var t = len2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
    var ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return Math.sqrt(ex * ex + ey * ey);
  }
  EdgeLayer.prototype.edgeAt = function (p) {
    var body = this.network.body.nodes, scale = this.network.getScale();
    var best = null, bestD = Infinity;
    for (var i = 0; i < this.items.length; i++) {
      var e = this.items[i], a = body[e.from], b = body[e.to];
      if (!a || !b) continue;
      var c = arcControl(a, b), d;
      if (!c) d = segmentDistance(p, a, b);
      else {
        // An arc: the nearest of eight chords.
        d = Infinity;
        var prev = a;
        for (var s = 1; s <= 8; s++) {
          var t = s / 8, u = 1 - t;
          var q = { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
          d = Math.min(d, segmentDistance(p, prev, q));
          prev = q;
        }
      }
      d -= e.width / 2;
      if (d < bestD) { bestD = d; best = e.id; }
    }
    return bestD <= 6 / scale ? best : null;
  };
  EdgeLayer.prototype.focus = function (nodeId, edgeId) {
    this.focusNode = nodeId;
    this.selectedEdge = edgeId;
    this.network.redraw();
  };

  // ---- room for labels on small graphs ----------------------------------------
  //
  // vis-network's physics keeps the discs of nodes apart, not the labels that
  // hang under them, which are often wider than the gap to the next node.
  // Once the layout is still, nodes are pushed apart, each pair along the
  // axis where they overlap least, until no node's box (its disc and its
  // label, with a margin) overlaps another's.  Node and label sizes depend on
  // the node's weight only (scaleByWeight), not on what else is drawn, and a
  // label keeps its canvas size until it reaches maxVisible on screen, then
  // shrinks: so the layout stays free of overlaps in any subset (a
  // neighbourhood, a filter) and at any zoom.

  var LABEL_FACE = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";
  var ROOM_MARGIN = 6, ROOM_ROUNDS = 200;
  var weightRange = (function () {
    var lo = Infinity, hi = -Infinity;
    data.nodes.forEach(function (n) { lo = Math.min(lo, n.weight + 1); hi = Math.max(hi, n.weight + 1); });
    return [lo, hi];
  })();
  // vis-network's scaling, over the weights of the whole graph rather than of the drawn nodes.
  function scaleByWeight(min, max, total, value) {
    var lo = weightRange[0], hi = weightRange[1];
    return hi === lo ? 0.5 : Math.max(0, Math.min(1, (value - lo) / (hi - lo)));
  }

  // Each drawn node's box around its centre: {id, x, y, l, r, t, b} (canvas units).
  function nodeBoxes(ids) {
    var body = gb.network.body.nodes;
    var ctx = document.createElement("canvas").getContext("2d");
    return ids.filter(function (id) { return body[id]; }).sort().map(function (id) {
      var n = body[id], size = n.options.size, half = size, below = size;
      var label = n.options.label;
      if (label) {
        var font = n.options.font.size;
        ctx.font = font + "px " + LABEL_FACE;
        var lines = String(label).split("\n"), w = 0;
        lines.forEach(function (line) { w = Math.max(w, ctx.measureText(line).width); });
        half = Math.max(half, w / 2 + 2);  // vis-network's text stroke is 4 wide
        below = size + lines.length * font * 1.2 + 2;
      }
      return { id: id, x: n.x, y: n.y, l: half + ROOM_MARGIN, r: half + ROOM_MARGIN, t: size + ROOM_MARGIN, b: below + ROOM_MARGIN };
    });
  }

  // Push the boxes apart (sweep along x, then fix each overlapping pair);
  // returns the ids that moved.
  function separate(boxes) {
    var moved = Object.create(null);
    for (var round = 0; round < ROOM_ROUNDS; round++) {
      var any = false;
      boxes.sort(function (a, b) { return (a.x - a.l) - (b.x - b.l) || (a.id < b.id ? -1 : 1); });
      for (var i = 0; i < boxes.length; i++) {
        var a = boxes[i];
        for (var j = i + 1; j < boxes.length; j++) {
          var b = boxes[j];
          if (b.x - b.l >= a.x + a.r) break;
          var ox = Math.min(a.x + a.r, b.x + b.r) - Math.max(a.x - a.l, b.x - b.l);
          var oy = Math.min(a.y + a.b, b.y + b.b) - Math.max(a.y - a.t, b.y - b.t);
          if (ox <= 0 || oy <= 0) continue;
          any = true;
          moved[a.id] = moved[b.id] = true;
          if (ox < oy) {
            var sx = (b.x > a.x || (b.x === a.x && b.id > a.id)) ? 1 : -1;
            a.x -= sx * ox / 2; b.x += sx * ox / 2;
          } else {
            var sy = (b.y > a.y || (b.y === a.y && b.id > a.id)) ? 1 : -1;
            a.y -= sy * oy / 2; b.y += sy * oy / 2;
          }
        }
      }
      if (!any) break;
    }
    return boxes.filter(function (x) { return moved[x.id]; });
  }

  function makeRoomForLabels() {
    if (!gb.network || data.layout.large || state.view !== "graph") return;
    separate(nodeBoxes(gb.nodes.getIds())).forEach(function (x) { gb.network.moveNode(x.id, x.x, x.y); });
  }

  function drawnEdgeCount() {
    if (!gb.network) return 0;
    return layer ? layer.drawn : gb.network.body.edgeIndices.length;
  }

  function applyFilters() {
    if (!gb.nodes) return;
    lastView = computeView();
    syncNodes(lastView);
    syncEdges(lastView);
    if (gb.network) gb.network.redraw();
    updateShowing();
    if (gb.readyAt !== null) drawTimeline();
    if (!current) return;
    if (current.kind === "node") showNode(current.id);
    else if (current.kind === "edge") showEdge(current.id);
    else showSearch(current.id);
  }

  function fit(animate) {
    if (!gb.network) return;
    gb.network.fit(animate ? { animation: { duration: 400 } } : undefined);
    // A little room at the edges so that labels stay inside the frame.
    if (!animate) gb.network.moveTo({ scale: gb.network.getScale() * 0.92 });
  }

  // ---- hooks ------------------------------------------------------------------

  function visible() {
    if (!gb.nodes) return { nodes: [], edges: [] };
    return {
      nodes: gb.nodes.getIds(),
      edges: gb.edges.get().map(function (e) { return [e.from, e.to]; })
    };
  }
  // On the map, the projected positions themselves (vis-network keeps whole pixels).
  function positions() {
    if (!gb.network) return {};
    var pos = gb.network.getPositions();
    if (state.view === "map") {
      var exact = mapPositions();
      Object.keys(pos).forEach(function (id) { if (exact[id]) pos[id] = { x: exact[id].x, y: exact[id].y }; });
    }
    return pos;
  }
  function setDateRange(from, to) {
    state.from = boundDay(from, false);
    state.to = boundDay(to, true);
    $("gb-from").value = state.from;
    $("gb-to").value = state.to;
    applyFilters();
  }
  function neighbourhood(id, depth) {
    if (id === null || id === undefined) { state.focus = null; updateFocusBar(); applyFilters(); fit(true); return true; }
    if (!nodeById[id]) return false;
    state.focus = id;
    state.depth = depth === 2 ? 2 : 1;
    if (isPlace(id) && !state.places) { state.places = true; $("gb-places").checked = true; }
    updateFocusBar();
    applyFilters();
    fit(true);
    showNode(id);
    return true;
  }
  function showAll(on) {
    state.all = !!on;
    applyFilters();
    fit(true);
  }
  function setMinEvents(n) {
    state.minEvents = Math.max(1, Math.floor(Number(n)) || 1);
    $("gb-min").value = String(state.minEvents);
    $("gb-min-out").textContent = String(state.minEvents);
    applyFilters();
  }

  // ---- side panel ------------------------------------------------------------

  function clearPanel() {
    while (panel.firstChild) panel.removeChild(panel.firstChild);
  }
  function hint() {
    clearPanel();
    current = null;
    panel.appendChild(el("p", "gb-hint", "Click a node or an edge to see its events and the sentences that report them."));
  }

  function facts(rows) {
    var dl = el("dl", "gb-facts");
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "" || (Array.isArray(r[1]) && !r[1].length)) return;
      dl.appendChild(el("dt", null, r[0]));
      var dd = el("dd");
      if (r[1] instanceof Node) dd.appendChild(r[1]);
      else if (Array.isArray(r[1])) r[1].forEach(function (x, i) {
        if (i) dd.appendChild(document.createTextNode(", "));
        dd.appendChild(x instanceof Node ? x : named("span", null, x));
      });
      else dd.appendChild(named("span", null, r[1]));
      dl.appendChild(dd);
    });
    return dl;
  }

  function nodeLink(id, label) {
    if (!nodeById[id]) return named("span", null, label || id || "someone not named");
    var b = named("button", "gb-link", label || nodeById[id].label);
    b.type = "button";
    b.addEventListener("click", function () { select(id); });
    return b;
  }

  function sentence(ev) {
    var q = el("blockquote", "gb-sentence");
    var text = ev.sentence || "";
    var trig = ev.trigger || "";
    var at = trig ? text.toLowerCase().indexOf(trig.toLowerCase()) : -1;
    if (at < 0) { q.textContent = text; return q; }
    q.appendChild(document.createTextNode(text.slice(0, at)));
    q.appendChild(el("mark", null, text.slice(at, at + trig.length)));
    q.appendChild(document.createTextNode(text.slice(at + trig.length)));
    return q;
  }

  function eventHead(ev, reports) {
    var head = el("div", "gb-event-head");
    var badge = el("span", "gb-badge", ev.type);
    badge.style.background = colorOf(EVENT_COLORS, ev.type);
    head.appendChild(badge);
    if (ev.status !== "occurred") head.appendChild(el("span", "gb-status", ev.status));
    if (ev.cameo) head.appendChild(el("span", "gb-cameo", "CAMEO " + ev.cameo));
    var when = whenOf(ev);
    if (when) head.appendChild(el("span", "gb-date", when));
    if (reports > 1) head.appendChild(el("span", "gb-reports", "reported in " + reports + " articles"));
    return head;
  }
  function whenOf(ev) {
    var when = ev.date || ev.date_text;
    if (!when && ev.doc_date) when = ev.doc_date + " (article date)";
    return when;
  }

  // The article of a report: its title and id, a link when the article has a web address.
  function sourceOf(ev) {
    var p = el("p", "gb-doc", "Source: ");
    var title = own(docTitles, ev.doc), link = own(docLinks, ev.doc);
    var name = title ? title + " (" + ev.doc + ")" : ev.doc;
    var a = named(link && WEB_LINK.test(link) ? "a" : "span", "gb-doc-name", name);
    if (a.tagName === "A") {
      a.href = link;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    }
    p.appendChild(a);
    return p;
  }

  // What one report says: its sentence (trigger marked), quote and article.
  function evidenceOf(ev, into) {
    into.appendChild(sentence(ev));
    if (ev.quote) into.appendChild(el("p", "gb-quote", "\u201c" + ev.quote + "\u201d"));
    if (ev.doc) into.appendChild(sourceOf(ev));
  }

  // One happening: its type, date, parties and first report; with more
  // reports, "N more reports" unfolds the sentence and article of each.
  function eventItem(ids) {
    var ev = events[ids[0]], reports = 0;
    ids.forEach(function (id) { reports = Math.max(reports, events[id].reports || 1); });
    var li = el("li", "gb-event");
    li.appendChild(eventHead(ev, reports));

    var who = el("div", "gb-who");
    who.appendChild(nodeLink(ev.source_id, ev.source));
    var targets = ev.target_ids || [];
    if (targets.length) {
      who.appendChild(document.createTextNode(" \u2192 "));
      targets.forEach(function (t, i) {
        if (i) who.appendChild(document.createTextNode(", "));
        who.appendChild(nodeLink(t, (ev.targets || [])[i]));
      });
    }
    if (ev.place) {
      who.appendChild(document.createTextNode(" \u00b7 at "));
      who.appendChild(nodeLink(ev.place_id, ev.place));
    }
    li.appendChild(who);
    evidenceOf(ev, li);
    if (ids.length > 1) {
      var more = el("details", "gb-more-reports");
      more.appendChild(el("summary", null, plural(ids.length - 1, "more report")));
      var ol = el("ol", "gb-report-list");
      ids.slice(1).forEach(function (id) {
        var r = events[id], item = el("li", "gb-report");
        var when = whenOf(r);
        if (when && when !== whenOf(ev)) item.appendChild(el("p", "gb-date", when));
        evidenceOf(r, item);
        ol.appendChild(item);
      });
      more.appendChild(ol);
      li.appendChild(more);
    }
    return li;
  }

  // The events of ids grouped by happening (their cluster), in the order of their first report.
  function happenings(ids) {
    var groups = [], at = Object.create(null);
    ids.forEach(function (id) {
      var key = events[id].cluster || id;
      if (!(key in at)) { at[key] = groups.length; groups.push([]); }
      groups[at[key]].push(id);
    });
    return groups;
  }
  function eventsIn(n, happened) {
    return plural(n, "event") + (happened < n ? " in " + plural(happened, "happening") : "");
  }

  function eventList(ids) {
    var frag = document.createDocumentFragment();
    var shown = ids.filter(function (id) { return events[id] && passes(events[id]); });
    var hidden = ids.length - shown.length;
    var groups = happenings(shown);
    frag.appendChild(el("p", "gb-sub", eventsIn(shown.length, groups.length) +
      (hidden ? " (" + hidden + " hidden by the filters)" : "")));
    var ol = el("ol", "gb-events");
    frag.appendChild(ol);
    var done = 0;
    function more() {
      var stop = Math.min(done + PANEL_PAGE, groups.length);
      for (; done < stop; done++) ol.appendChild(eventItem(groups[done]));
      if (done < groups.length) {
        var b = button("gb-more", "Show " + Math.min(PANEL_PAGE, groups.length - done) + " more", function () { b.remove(); more(); });
        ol.appendChild(b);
      }
    }
    more();
    return frag;
  }

  function linksOf(id) {
    var serves = [], members = [], same = [];
    affiliations.forEach(function (t) {
      if (t.from === id) serves.push(nodeLink(t.to));
      if (t.to === id) members.push(nodeLink(t.from));
    });
    sameCountry.forEach(function (p) {
      if (p[0] === id) same.push(nodeLink(p[1]));
      if (p[1] === id) same.push(nodeLink(p[0]));
    });
    return { serves: serves, members: members, same: same };
  }

  function showNode(id) {
    var n = nodeById[id];
    if (!n) return;
    clearPanel();
    current = { kind: "node", id: id };
    panel.appendChild(named("h2", null, n.label));
    panel.appendChild(el("p", "gb-sub", n.kind === "place" ? "place" : n.type));
    var coords = (typeof n.lat === "number" && typeof n.lon === "number") ? n.lat.toFixed(3) + ", " + n.lon.toFixed(3) : null;
    var aliases = (n.aliases || []).filter(function (a) { return a !== n.label; });
    var country = n.country ? n.country + (countryByCode[n.country] ? " (" + countryName(n.country) + ")" : "") : null;
    var links = linksOf(id);
    panel.appendChild(facts([
      ["Title", n.title], ["Affiliation", n.affiliation], ["Serves", links.serves], ["Members", links.members],
      [n.kind === "place" ? "Also the state" : "Also the place", links.same],
      ["Also called", aliases], ["Country", country], ["Code", n.code], ["Sectors", n.sectors],
      ["Coordinates", coords], ["Mentions", n.mentions],
      ["Documents", n.docs && n.docs.length > 3 ? plural(n.docs.length, "document") : n.docs]
    ]));
    var nb = el("p", "gb-neighbourhood", "Neighbourhood: ");
    nb.appendChild(button("gb-small", "1 step", function () { neighbourhood(id, 1); }));
    nb.appendChild(document.createTextNode(" "));
    nb.appendChild(button("gb-small", "2 steps", function () { neighbourhood(id, 2); }));
    panel.appendChild(nb);
    if (n.kind !== "place") panel.appendChild(correctionTools(n));
    panel.appendChild(eventList(n.events));
  }

  // ---- corrections: "merge into..." and "drop" download a corrections file --
  // (docs/corrections.md; pass it to graphbuild with --corrections).  Each
  // click adds to the file of this visit and downloads it again: no server.

  var fixes = [];
  function downloadFixes() {
    var text = "# graphbuild corrections from the page: graphbuild build ... --corrections corrections.yaml\n" +
      fixes.map(function (f) { return "- " + JSON.stringify(f) + "\n"; }).join("");
    var url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    var a = el("a");
    a.href = url;
    a.download = "corrections.yaml";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function correctionTools(n) {
    var p = el("p", "gb-fix", "Correct: ");
    var pick = el("select", "gb-small");
    pick.setAttribute("aria-label", "merge into");
    pick.appendChild(el("option", null, "merge into\u2026")).value = "";
    var filled = false;
    function fill() {  // on first use: a corpus has thousands of actors
      if (filled) return;
      filled = true;
      data.nodes.filter(function (m) { return m.kind !== "place" && m.id !== n.id; })
        .sort(function (a, b) { return a.label.localeCompare(b.label); })
        .forEach(function (m) { pick.appendChild(el("option", null, m.label)).value = m.id; });
    }
    pick.addEventListener("focus", fill);
    pick.addEventListener("mousedown", fill);
    pick.addEventListener("change", function () {
      if (!pick.value) return;
      fixes.push({ kind: "merge", actor: n.id, into: pick.value });
      downloadFixes();
    });
    p.appendChild(pick);
    p.appendChild(document.createTextNode(" "));
    p.appendChild(button("gb-small", "drop", function () {
      fixes.push({ kind: "drop", actor: n.id });
      downloadFixes();
    }));
    return p;
  }

  function showEdge(id) {
    var e = edgeById[id];
    if (!e) return;
    clearPanel();
    current = { kind: "edge", id: id };
    var h = el("h2");
    h.appendChild(nodeLink(e.from));
    h.appendChild(document.createTextNode(" \u2014 "));
    h.appendChild(nodeLink(e.to));
    panel.appendChild(h);
    panel.appendChild(eventList(e.events));
  }

  // ---- search: names, then the evidence -------------------------------------

  var names = new Map();
  function buildNames() {
    var byWeight = data.nodes.slice().sort(function (a, b) { return b.weight - a.weight; });
    byWeight.forEach(function (n) {
      var k = n.label.toLowerCase();
      if (!names.has(k)) names.set(k, n.id);
    });
    byWeight.forEach(function (n) {
      (n.aliases || []).forEach(function (a) {
        var k = String(a).toLowerCase();
        if (!names.has(k)) names.set(k, n.id);
      });
    });
    var list = $("gb-names");
    var labels = data.nodes.map(function (n) { return clip(n.label); }).sort();
    labels.forEach(function (l) { var o = document.createElement("option"); o.value = l; list.appendChild(o); });
  }
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return null;
    if (!names.size) buildNames();
    if (names.has(q)) return names.get(q);
    var hit = null;
    names.forEach(function (id, k) { if (hit === null && k.indexOf(q) === 0) hit = id; });
    if (hit === null) names.forEach(function (id, k) { if (hit === null && k.indexOf(q) >= 0) hit = id; });
    return hit;
  }
  var evidenceText = null; // event id -> lower-case searchable text
  function evidence(q) {
    if (!evidenceText) {
      evidenceText = Object.create(null);
      Object.keys(events).forEach(function (k) {
        var ev = events[k];
        evidenceText[k] = [ev.sentence, ev.quote, ev.trigger, ev.date_text, ev.doc].filter(Boolean).join(" \u0000 ").toLowerCase();
      });
    }
    q = q.trim().toLowerCase();
    return Object.keys(evidenceText).filter(function (k) { return evidenceText[k].indexOf(q) >= 0; })
      .sort(function (a, b) {
        var da = eventDay(events[a]) || "~", db = eventDay(events[b]) || "~";
        return da < db ? -1 : da > db ? 1 : (a < b ? -1 : 1);
      });
  }
  function showSearch(q) {
    clearPanel();
    current = { kind: "search", id: q };
    var h = el("h2", null, "Sentences with \u201c");
    h.appendChild(named("span", null, q));
    h.appendChild(document.createTextNode("\u201d"));
    panel.appendChild(h);
    panel.appendChild(eventList(evidence(q)));
  }
  function searchFor(text) {
    var q = String(text || "").trim();
    var msg = $("gb-search-msg");
    msg.textContent = "";
    if (!q) return null;
    var id = find(q);
    var hits = evidence(q);
    if (id !== null) {
      select(id);
      if (hits.length) {
        msg.appendChild(document.createTextNode(plural(hits.length, "sentence") + " also contain it: "));
        msg.appendChild(button("gb-link", "list them", function () { showSearch(q); }));
      }
      return id;
    }
    if (hits.length) {
      showSearch(q);
      msg.textContent = plural(hits.length, "event") + " with these words.";
      return q;
    }
    msg.textContent = "No actor or place matches \u201c" + clip(q) + "\u201d, and no sentence contains it.";
    return null;
  }

  function select(id) {
    if (!nodeById[id]) return false;
    if (isPlace(id) && !state.places) { state.places = true; $("gb-places").checked = true; }
    if (gb.nodes && !gb.nodes.get(id)) { state.pinned = id; applyFilters(); }
    if (gb.network && gb.nodes.get(id)) {
      gb.network.selectNodes([id]);
      if (layer) layer.focus(id, null);
      gb.network.focus(id, { scale: Math.max(gb.network.getScale(), 1.1), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    }
    showNode(id);
    openPanel();
    return true;
  }

  // ---- timeline ----------------------------------------------------------------
  //
  // A histogram of events over time, stacked by type, with a last bin for the
  // undated; it counts the events that pass the type and status filters (not
  // the dates, which it sets).  Dragging across it selects a range of dates;
  // a click on the undated bin toggles those events; Play steps through bins.

  // bins are built on the first drawing, after the page is interactive.
  var timeline = { bins: null, unit: "day", canvas: null, drag: null, timer: null, geometry: null };

  // The bins cover the dates of 90% of the dated events (a story of 2001
  // that recalls 1971 should not squeeze 2001 into one bar); the earlier and
  // later ones are counted in the first and last bins, which say so.
  function buildBins() {
    var bins = [];
    var days = [];
    Object.keys(events).forEach(function (k) { var d = eventDay(events[k]); if (d) days.push(d); });
    days.sort();
    if (days.length) {
      var first = days[Math.floor(days.length * 0.05)], last = days[Math.max(0, Math.ceil(days.length * 0.95) - 1)];
      var span = Math.round((Date.parse(last) - Date.parse(first)) / DAY) + 1;
      var unit = span <= 92 ? "day" : span <= 800 ? "week" : "month";
      var day = unit === "month" ? first.slice(0, 7) + "-01" : first;
      while (day <= last) {
        var end = unit === "day" ? day : unit === "week" ? addDays(day, 6) : lastOfMonth(day);
        bins.push({ from: day, to: end });
        day = addDays(end, 1);
      }
      timeline.unit = unit;
      timeline.before = days[0] < bins[0].from;
      timeline.after = days[days.length - 1] > bins[bins.length - 1].to;
    }
    timeline.bins = bins;
  }
  function binIndex(day) {
    var bins = timeline.bins, lo = 0, hi = bins.length - 1;
    if (!bins.length) return -1;
    if (day < bins[0].from) return 0;
    if (day > bins[hi].to) return hi;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (bins[mid].from <= day) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function drawTimeline() {
    var cv = timeline.canvas;
    if (!cv) return;
    if (!timeline.bins) buildBins();
    var W = cv.clientWidth, H = cv.clientHeight, dpr = window.devicePixelRatio || 1;
    if (!W || !H) return;
    if (cv.width !== Math.round(W * dpr) || cv.height !== Math.round(H * dpr)) {
      cv.width = Math.round(W * dpr);
      cv.height = Math.round(H * dpr);
    }
    var ctx = cv.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    var bins = timeline.bins, nb = bins.length;
    var counts = bins.map(function () { return Object.create(null); });
    var undated = Object.create(null), nUndated = 0;
    Object.keys(events).forEach(function (k) {
      var ev = events[k];
      if (state.types[ev.type] === false || state.statuses[ev.status] === false) return;
      var d = eventDay(ev), i = d ? binIndex(d) : -1;
      if (i < 0) { undated[ev.type] = (undated[ev.type] || 0) + 1; nUndated++; return; }
      counts[i][ev.type] = (counts[i][ev.type] || 0) + 1;
    });
    var totals = counts.map(function (c) { var s = 0; for (var t in c) s += c[t]; return s; });
    var max = Math.max(1, nUndated, Math.max.apply(null, totals.concat([0])));
    var labelH = 13, top = 2, plotH = H - labelH - top;
    var undatedW = 30, gap = 8, plotW = Math.max(10, W - undatedW - gap);
    var bw = nb ? plotW / nb : 0;
    timeline.geometry = { plotW: plotW, bw: bw, undatedX: plotW + gap, W: W };
    // The selected range.
    var sel = selectedBins();
    if (sel) {
      ctx.fillStyle = "#dbe9f7";
      ctx.fillRect(sel[0] * bw, 0, (sel[1] - sel[0] + 1) * bw, plotH + top);
    }
    if (timeline.drag && timeline.drag.moved) {
      var a = Math.min(timeline.drag.i0, timeline.drag.i1), b = Math.max(timeline.drag.i0, timeline.drag.i1);
      ctx.fillStyle = "rgba(11, 98, 196, .18)";
      ctx.fillRect(a * bw, 0, (b - a + 1) * bw, plotH + top);
    }
    function stack(c, x, w, faded) {
      var y = top + plotH;
      data.event_types.forEach(function (t) {
        if (!c[t]) return;
        var h = c[t] / max * plotH;
        ctx.fillStyle = colorOf(EVENT_COLORS, t);
        ctx.globalAlpha = faded ? 0.3 : 0.9;
        ctx.fillRect(x, y - h, w, h);
        y -= h;
      });
      ctx.globalAlpha = 1;
    }
    for (var i = 0; i < nb; i++) {
      var out = sel && (i < sel[0] || i > sel[1]);
      stack(counts[i], i * bw + (bw > 3 ? 0.5 : 0), Math.max(bw - (bw > 3 ? 1 : 0), 0.5), out);
    }
    stack(undated, plotW + gap, undatedW, !state.undated);
    ctx.fillStyle = "#57606a";
    ctx.font = "10px system-ui, sans-serif";
    ctx.textBaseline = "bottom";
    if (nb) {
      ctx.textAlign = "left";
      ctx.fillText((timeline.before ? "\u2264 " : "") + bins[0].from, 0, H);
      ctx.textAlign = "right";
      if (plotW > 160) ctx.fillText((timeline.after ? "\u2265 " : "") + bins[nb - 1].to, plotW, H);
    } else {
      ctx.textAlign = "left";
      ctx.fillText("no dated events", 0, H);
    }
    ctx.textAlign = "center";
    ctx.fillText("none", plotW + gap + undatedW / 2, H);
    ctx.strokeStyle = "#d0d7de";
    ctx.beginPath();
    ctx.moveTo(0, top + plotH + 0.5);
    ctx.lineTo(W, top + plotH + 0.5);
    ctx.stroke();
    var range = state.from || state.to ? (state.from || "\u2026") + " \u2013 " + (state.to || "\u2026") : "all dates";
    $("gb-range").textContent = range + (timeline.bins.length ? " \u00b7 by " + timeline.unit : "") +
      (state.undated ? "" : " \u00b7 undated hidden");
  }
  // The first and last bins also hold the earlier and later events: open ends.
  function setBinRange(a, b) {
    var bins = timeline.bins;
    setDateRange(a === 0 && timeline.before ? null : bins[a].from,
                 b === bins.length - 1 && timeline.after ? null : bins[b].to);
  }
  function selectedBins() {
    if (!timeline.bins || !timeline.bins.length || (!state.from && !state.to)) return null;
    var bins = timeline.bins, a = 0, b = bins.length - 1;
    while (a < bins.length && state.from && bins[a].to < state.from) a++;
    while (b >= 0 && state.to && bins[b].from > state.to) b--;
    return a <= b ? [a, b] : null;
  }
  function binAt(x) {
    var g = timeline.geometry;
    if (!g || !timeline.bins.length) return -1;
    if (x >= g.plotW) return x >= g.undatedX ? -2 : timeline.bins.length - 1;
    return Math.max(0, Math.min(timeline.bins.length - 1, Math.floor(x / g.bw)));
  }
  function setupTimeline() {
    var cv = $("gb-timeline");
    timeline.canvas = cv;
    function x(ev) { return ev.clientX - cv.getBoundingClientRect().left; }
    cv.addEventListener("pointerdown", function (ev) {
      var i = binAt(x(ev));
      if (i === -2) { state.undated = !state.undated; $("gb-undated").checked = state.undated; applyFilters(); return; }
      if (i < 0) return;
      stopPlay();
      timeline.drag = { i0: i, i1: i, moved: false };
      cv.setPointerCapture(ev.pointerId);
    });
    cv.addEventListener("pointermove", function (ev) {
      if (!timeline.drag) return;
      var i = binAt(x(ev));
      if (i < 0) i = timeline.bins.length - 1;
      if (i !== timeline.drag.i1) { timeline.drag.i1 = i; timeline.drag.moved = true; drawTimeline(); }
    });
    cv.addEventListener("pointerup", function () {
      var d = timeline.drag;
      timeline.drag = null;
      if (!d) return;
      var a = Math.min(d.i0, d.i1), b = Math.max(d.i0, d.i1), sel = selectedBins();
      // A click on the one selected bin clears the range.
      if (!d.moved && sel && sel[0] === a && sel[1] === b) setDateRange(null, null);
      else setBinRange(a, b);
    });
    $("gb-play").addEventListener("click", function () { if (timeline.timer) stopPlay(); else play(); });
    if (!data.dates) $("gb-play").disabled = true;
    window.addEventListener("resize", drawTimeline);
  }
  function play() {
    if (!timeline.bins) buildBins();
    var bins = timeline.bins;
    if (!bins.length) return;
    var sel = selectedBins();
    var i = sel && sel[0] === sel[1] && sel[0] < bins.length - 1 ? sel[0] + 1 : 0;
    $("gb-play").textContent = "\u275a\u275a";
    $("gb-play").setAttribute("aria-label", "Pause");
    function step() {
      setBinRange(i, i);
      i++;
      if (i >= bins.length) stopPlay();
    }
    step();
    if (timeline.bins.length > 1) timeline.timer = setInterval(step, PLAY_MS);
  }
  function stopPlay() {
    if (timeline.timer) clearInterval(timeline.timer);
    timeline.timer = null;
    $("gb-play").textContent = "\u25b6";
    $("gb-play").setAttribute("aria-label", "Play through time");
  }

  // ---- controls --------------------------------------------------------------

  function count(values) {
    var c = Object.create(null);
    values.forEach(function (v) { c[v] = (c[v] || 0) + 1; });
    return c;
  }

  function checkRow(name, n, swatch, checked, onChange) {
    var label = el("label", "gb-check");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = checked;
    box.value = name;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    if (swatch) label.appendChild(swatch);
    label.appendChild(el("span", null, name));
    label.appendChild(el("span", "gb-count", n));
    return label;
  }

  function buildLegend() {
    var legend = $("gb-node-legend");
    while (legend.firstChild) legend.removeChild(legend.firstChild);
    var rows;
    if (state.colorBy === "country") {
      var cc = countryColors;
      rows = cc.ranked.slice(0, COUNTRY_PALETTE.length).map(function (c) {
        return [countryName(c), cc.colors[c], cc.counts[c], false];
      });
      var rest = data.nodes.length - rows.reduce(function (s, r) { return s + r[2]; }, 0);
      if (rest) rows.push(["other or none", OTHER_COLOR, rest, false]);
    } else {
      var kinds = count(data.nodes.map(function (n) { return n.kind === "place" ? "place" : n.type; }));
      rows = NODE_ORDER.filter(function (t) { return kinds[t]; })
        .concat(Object.keys(kinds).filter(function (t) { return NODE_ORDER.indexOf(t) < 0; }).sort())
        .map(function (t) { return [t, colorOf(NODE_COLORS, t), kinds[t], t === "place"]; });
    }
    rows.forEach(function (r) {
      var row = el("div", "gb-row");
      var sw = el("span", "gb-swatch-node" + (r[3] ? " gb-square" : ""));
      sw.style.background = r[1];
      row.appendChild(sw);
      row.appendChild(named("span", null, r[0]));
      row.appendChild(el("span", "gb-count", r[2]));
      legend.appendChild(row);
    });
  }

  function updateShowing() {
    var v = lastView;
    if (!v) return;
    var actors = 0, places = 0;
    v.nodes.forEach(function (id) { if (isPlace(id)) places++; else actors++; });
    var total = data.counts.actors;
    var text = "Showing " + actors + " of " + plural(total, "actor") + ", " + plural(places, "place") +
      " \u00b7 " + plural(v.edges.size, "link") + " \u00b7 " + plural(v.events, "event");
    if (v.lonely && state.hideLonely) text += " \u00b7 " + v.lonely + " without a visible edge hidden";
    if (state.view === "map") {
      var off = data.nodes.length - Object.keys(mapPositions()).length;
      if (off) text += " \u00b7 " + off + " with no known place are not on the map";
    }
    $("gb-showing").textContent = text;
    var all = $("gb-all");
    all.hidden = !core || !!state.focus;
    all.textContent = state.all ? "Show the " + CORE_ACTORS + " most active" : "Show all";
  }

  function updateFocusBar() {
    var bar = $("gb-focus");
    while (bar.firstChild) bar.removeChild(bar.firstChild);
    if (!state.focus) { bar.hidden = true; return; }
    bar.hidden = false;
    bar.appendChild(document.createTextNode("Neighbourhood of "));
    bar.appendChild(named("strong", null, nodeById[state.focus].label));
    bar.appendChild(document.createTextNode(", " + plural(state.depth, "step") + " \u00b7 "));
    var other = state.depth === 1 ? 2 : 1;
    var id = state.focus;
    bar.appendChild(button("gb-small", plural(other, "step"), function () { neighbourhood(id, other); }));
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(button("gb-small", "Back to the whole network", function () { neighbourhood(null); }));
  }

  function openPanel() { panel.classList.add("gb-open"); }

  function buildControls() {
    var all = Object.keys(events).map(function (k) { return events[k]; });
    var typeCounts = count(all.map(function (e) { return e.type; }));
    var box = $("gb-types");
    data.event_types.forEach(function (t) {
      state.types[t] = true;
      var sw = el("span", "gb-swatch-line");
      sw.style.borderTopColor = colorOf(EVENT_COLORS, t);
      box.appendChild(checkRow(t, typeCounts[t] || 0, sw, true, function (on) { state.types[t] = on; applyFilters(); }));
    });
    var statusCounts = count(all.map(function (e) { return e.status; }));
    var sbox = $("gb-statuses");
    data.statuses.forEach(function (s) {
      state.statuses[s] = true;
      sbox.appendChild(checkRow(s, statusCounts[s] || 0, null, true, function (on) { state.statuses[s] = on; applyFilters(); }));
    });

    var from = $("gb-from"), to = $("gb-to");
    if (data.dates) {
      [from, to].forEach(function (i) { i.min = data.dates.min; i.max = data.dates.max; });
    }
    from.addEventListener("change", function () { state.from = from.value; applyFilters(); });
    to.addEventListener("change", function () { state.to = to.value; applyFilters(); });
    $("gb-undated").addEventListener("change", function (ev) { state.undated = ev.target.checked; applyFilters(); });
    $("gb-places").addEventListener("change", function (ev) { state.places = ev.target.checked; applyFilters(); });
    $("gb-ties").addEventListener("change", function (ev) { state.ties = ev.target.checked; if (gb.network) gb.network.redraw(); });
    if (!affiliations.length) $("gb-ties").parentNode.hidden = true;
    $("gb-lonely").addEventListener("change", function (ev) { state.hideLonely = ev.target.checked; applyFilters(); });
    $("gb-all").addEventListener("click", function () { showAll(!state.all); });
    var maxEvents = 1;
    data.nodes.forEach(function (n) { maxEvents = Math.max(maxEvents, n.events.length); });
    $("gb-min").max = String(Math.max(2, Math.min(maxEvents, 50)));
    $("gb-min").addEventListener("input", function (ev) { setMinEvents(ev.target.value); });
    $("gb-color").addEventListener("change", function (ev) { state.colorBy = ev.target.value; recolor(); });
    if (!countryColors.ranked.length) $("gb-color").parentNode.hidden = true;
    buildLegend();

    $("gb-view-graph").addEventListener("click", function () { setView("graph"); });
    $("gb-view-map").addEventListener("click", function () { setView("map"); });
    if (!mapAvailable()) {
      $("gb-view-map").disabled = true;
      $("gb-view-map").title = "No place in this graph has coordinates";
    }
    $("gb-panel-toggle").addEventListener("click", function () { panel.classList.toggle("gb-open"); });

    $("gb-reset").addEventListener("click", function () {
      stopPlay();
      document.querySelectorAll(".gb-controls input[type=checkbox]").forEach(function (b) { b.checked = true; });
      from.value = ""; to.value = "";
      Object.keys(state.types).forEach(function (t) { state.types[t] = true; });
      Object.keys(state.statuses).forEach(function (s) { state.statuses[s] = true; });
      state.from = state.to = ""; state.undated = true; state.places = true; state.ties = true;
      state.hideLonely = true; state.pinned = null;
      state.focus = null;
      updateFocusBar();
      setMinEvents(1);
    });
    $("gb-fit").addEventListener("click", function () { fit(true); });
    $("gb-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); searchFor($("gb-search").value); } });
    // Picking a name from the datalist inserts it in one go: search at once.
    $("gb-search").addEventListener("input", function (ev) { if (ev.inputType === "insertReplacementText") searchFor($("gb-search").value); });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && gb.network) {
        gb.network.unselectAll();
        if (layer) layer.focus(null, null);
        panel.classList.remove("gb-open");
        hint();
      }
    });

    var c = data.counts;
    var parts = [plural(c.actors, "actor"), plural(c.places, "place"), plural(c.events, "event"),
      plural(data.documents.length, "document")];
    if (c.events_unplaced) parts.push(c.events_unplaced + " more events name no actor or place of this graph");
    if (c.nodes_dropped) parts.push(c.nodes_dropped + " less important nodes left out");
    $("gb-summary").textContent = parts.join(" \u00b7 ");
    setupTimeline();
  }

  // ---- network ---------------------------------------------------------------

  function markReady() {
    if (gb.readyAt !== null) return;
    gb.readyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
    resolveReady(gb.readyAt);
    setTimeout(function () { if (!names.size) buildNames(); drawTimeline(); }, 0);
  }

  function draw() {
    var L = data.layout;
    var large = L.large;
    gb.nodes = new vis.DataSet();
    gb.edges = new vis.DataSet();
    var options = {
      autoResize: true,
      layout: { randomSeed: 7, improvedLayout: L.improved },
      nodes: {
        shape: "dot",
        borderWidth: 1.5, borderWidthSelected: 3,
        scaling: {
          min: 9, max: 42,
          // Labels grow with importance and fade out when too small to read,
          // so a zoomed-out large graph shows only its main actors' names.
          label: { enabled: true, min: 13, max: 28, drawThreshold: 7, maxVisible: 34 }
        },
        font: {
          face: LABEL_FACE,
          color: "#1f2328", strokeWidth: 4, strokeColor: "#ffffff"
        }
      },
      edges: {
        smooth: large ? false : { enabled: true, type: "continuous", roundness: 0.18 },
        selectionWidth: 2, hoverWidth: 0.6,
        color: { inherit: false }
      },
      interaction: {
        hover: !large, tooltipDelay: 160, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
        multiselect: false, navigationButtons: false, keyboard: false
      },
      physics: L.physics ? {
        enabled: true, solver: "forceAtlas2Based",
        forceAtlas2Based: { gravitationalConstant: -70, springLength: 110, springConstant: 0.06, avoidOverlap: 0.5 },
        stabilization: { enabled: true, iterations: L.stabilization, updateInterval: 50, fit: true }
      } : { enabled: false }
    };
    // Small graphs: a node keeps its size whatever else is drawn (see makeRoomForLabels).
    if (!large) options.nodes.scaling.customScalingFunction = scaleByWeight;
    applyFilters();
    performance.mark("graphbuild:datasets");
    var network = new vis.Network($("gb-network"), { nodes: gb.nodes, edges: L.edge_layer ? [] : gb.edges }, options);
    gb.network = network;
    // Registered first, drawn first: the map under the links under the edges.
    network.on("beforeDrawing", drawWorld);
    network.on("beforeDrawing", drawLinks);
    if (L.edge_layer) layer = new EdgeLayer(network);
    performance.mark("graphbuild:network");
    if (L.physics) {
      // Bounded stabilisation, then physics off: the drawing stays still and
      // dragging a node moves only that node.
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        makeRoomForLabels();
        network.once("afterDrawing", markReady);
        fit(false);
      });
    } else {
      makeRoomForLabels();
      network.once("afterDrawing", markReady);
      fit(false);
    }
    if (layer) layer.rebuild();
    network.on("click", function (p) {
      var edge = p.edges.length ? p.edges[0] : null;
      if (!p.nodes.length && layer) edge = layer.edgeAt(p.pointer.canvas);
      if (layer) layer.focus(p.nodes.length ? p.nodes[0] : null, p.nodes.length ? null : edge);
      if (p.nodes.length) { showNode(p.nodes[0]); openPanel(); }
      else if (edge !== null) { showEdge(edge); openPanel(); }
      else hint();
    });
    network.on("doubleClick", function (p) {
      if (p.nodes.length) neighbourhood(p.nodes[0], 1);
    });
  }

  performance.mark("graphbuild:setup");
  buildControls();
  performance.mark("graphbuild:controls");
  if (!data.nodes.length) {
    $("gb-network").hidden = true;
    markReady();
    return;
  }
  draw();
})();
