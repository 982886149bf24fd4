/* graphbuild page: draws the graph in #graph-data with vis-network.
 *
 * Every string in the data comes from articles, so this script only ever
 * puts data into the page with textContent, element properties and
 * plain-text vis-network tooltips (vis-network 9.1.2 sets a string title
 * with innerText), never as markup.
 *
 * window.graphbuild = {data, network, nodes, edges, ready, readyAt, select,
 * applyFilters, state, drawnEdgeCount} is exposed for tests and notebook
 * users; nodes and edges are vis DataSets holding exactly what is drawn
 * (on large graphs the edges are drawn by this script, not vis-network).
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
  // A name longer than this is clipped where it is drawn; hovering shows it whole.
  var LABEL_CLIP = 80;

  performance.mark("graphbuild:start");
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  performance.mark("graphbuild:parsed");
  var EVENT_COLORS = data.colors.events, NODE_COLORS = data.colors.nodes, OTHER_COLOR = data.colors.other;
  var events = data.events;
  var nodeById = Object.create(null);
  var edgeById = Object.create(null);
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  var typeRank = Object.create(null);
  data.event_types.forEach(function (t, i) { typeRank[t] = i; });

  // Maps keyed by data (event types, ids) have no prototype: a type named
  // "__proto__" or "constructor" is just a key.
  var state = { types: Object.create(null), statuses: Object.create(null), from: "", to: "", undated: true, places: true };
  var gb = {
    data: data, network: null, nodes: null, edges: null, state: state,
    readyAt: null, ready: null, select: select, applyFilters: applyFilters,
    drawnEdgeCount: drawnEdgeCount
  };
  var resolveReady;
  gb.ready = new Promise(function (resolve) { resolveReady = resolve; });
  window.graphbuild = gb;

  var $ = function (id) { return document.getElementById(id); };
  var panel = $("gb-panel");
  var current = null; // {kind: "node"|"edge", id}
  var lastPositions = Object.create(null);
  var drawnEdges = new Map(); // edge id -> key of its drawn look, to update only what changed
  var layer = null; // EdgeLayer when the page draws the edges itself

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
  function colorOf(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : OTHER_COLOR;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function isPlace(id) { return nodeById[id] && nodeById[id].kind === "place"; }

  // ---- filters -------------------------------------------------------------

  function dateOk(ev) {
    var m = typeof ev.date === "string" ? ISO.exec(ev.date) : null;
    if (!m) return state.undated;
    var lo = m[1] + (m[2] || "-01") + (m[3] || "-01");
    var hi = m[1] + (m[2] || "-12") + (m[3] || "-31");
    if (state.from && hi < state.from) return false;
    if (state.to && lo > state.to) return false;
    return true;
  }
  function passes(ev) {
    return state.types[ev.type] !== false && state.statuses[ev.status] !== false && dateOk(ev);
  }

  function dominant(counts) {
    var best = null;
    Object.keys(counts).forEach(function (t) {
      if (best === null || counts[t] > counts[best] ||
          (counts[t] === counts[best] && typeRank[t] < typeRank[best])) best = t;
    });
    return best;
  }

  function edgeItem(e) {
    if (!state.places && (isPlace(e.from) || isPlace(e.to))) return null;
    var counts = Object.create(null), n = 0, occurred = false;
    for (var i = 0; i < e.events.length; i++) {
      var ev = events[e.events[i]];
      if (!ev || !passes(ev)) continue;
      n++;
      counts[ev.type] = (counts[ev.type] || 0) + 1;
      if (ev.status === "occurred") occurred = true;
    }
    if (!n) return null;
    var type = dominant(counts);
    var color = colorOf(EVENT_COLORS, type);
    var parts = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; })
      .map(function (t) { return t + " \u00d7" + counts[t]; });
    var ends = nodeById[e.from].label + " \u2014 " + nodeById[e.to].label;
    return {
      key: n + "|" + type + "|" + occurred,
      item: {
        id: e.id, from: e.from, to: e.to,
        width: Math.min(1.2 + 1.6 * Math.log2(n), 10),
        color: { color: color, highlight: color, hover: color, opacity: 0.8 },
        dashes: !occurred,
        title: ends + "\n" + plural(n, "event") + ": " + parts.join(", ") +
          (occurred ? "" : "\nnone occurred (planned, proposed, negated or hypothetical)")
      }
    };
  }

  function nodeItem(n) {
    var color = colorOf(NODE_COLORS, n.kind === "place" ? "place" : n.type);
    var lines = [n.label, n.type + (n.title ? " \u00b7 " + n.title : "") +
      (n.affiliation ? " \u00b7 " + n.affiliation : "")];
    lines.push(plural(n.events.length, "event") + " \u00b7 " + plural(n.mentions, "mention"));
    var item = {
      id: n.id, label: data.layout.edge_layer ? undefined : clip(n.label), value: n.weight + 1,
      shape: n.kind === "place" ? "square" : "dot",
      color: { background: color, border: color, highlight: { background: color, border: "#1f2328" },
               hover: { background: color, border: "#1f2328" } },
      title: lines.join("\n")
    };
    var pos = lastPositions[n.id];
    if (pos) { item.x = pos.x; item.y = pos.y; }
    else if (typeof n.x === "number") { item.x = n.x; item.y = n.y; }
    return item;
  }

  function syncNodes() {
    var want = data.nodes.filter(function (n) { return state.places || n.kind !== "place"; });
    var wantIds = new Set(want.map(function (n) { return n.id; }));
    var gone = gb.nodes.getIds().filter(function (id) { return !wantIds.has(id); });
    if (gone.length) {
      // Remember where removed nodes were so that showing them again puts
      // them back in place rather than at random.
      var pos = gb.network.getPositions(gone);
      Object.keys(pos).forEach(function (id) { lastPositions[id] = pos[id]; });
      gb.nodes.remove(gone);
    }
    var added = want.filter(function (n) { return !gb.nodes.get(n.id); }).map(nodeItem);
    if (added.length) gb.nodes.add(added);
  }

  function syncEdges() {
    var want = new Map();
    data.edges.forEach(function (e) { var x = edgeItem(e); if (x) want.set(e.id, x); });
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
    ctx.textAlign = "center";
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
      var w = self.widths[l.id] * font / 100, x0 = node.x - w / 2, y0 = node.y + r + 2 / scale, y1 = y0 + font * 1.15;
      var clash = placed.some(function (b) { return x0 < b[2] && b[0] < x0 + w && y0 < b[3] && b[1] < y1; });
      if (clash && i >= first.length) continue;
      placed.push([x0, y0, x0 + w, y1]);
      ctx.font = font + face;
      ctx.lineWidth = font / 4;
      ctx.strokeText(l.label, node.x, y0);
      ctx.fillText(l.label, node.x, y0);
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
      ctx.lineTo(b.x, b.y);
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
  EdgeLayer.prototype.edgeAt = function (p) {
    var body = this.network.body.nodes, scale = this.network.getScale();
    var best = null, bestD = Infinity;
    for (var i = 0; i < this.items.length; i++) {
      var e = this.items[i], a = body[e.from], b = body[e.to];
      if (!a || !b) continue;
      var dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      var t = len2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
      var ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
      var d = Math.sqrt(ex * ex + ey * ey) - e.width / 2;
      if (d < bestD) { bestD = d; best = e.id; }
    }
    return bestD <= 6 / scale ? best : null;
  };
  EdgeLayer.prototype.focus = function (nodeId, edgeId) {
    this.focusNode = nodeId;
    this.selectedEdge = edgeId;
    this.network.redraw();
  };

  function drawnEdgeCount() {
    if (!gb.network) return 0;
    return layer ? layer.drawn : gb.network.body.edgeIndices.length;
  }

  function applyFilters() {
    if (!gb.network) return;
    syncNodes();
    syncEdges();
    if (current) (current.kind === "node" ? showNode : showEdge)(current.id);
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
      dl.appendChild(el("dd", null, Array.isArray(r[1]) ? r[1].join(", ") : r[1]));
    });
    return dl;
  }

  function nodeLink(id, label) {
    if (!nodeById[id]) return named("span", null, label || id);
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

  function eventItem(ev) {
    var li = el("li", "gb-event");
    var head = el("div", "gb-event-head");
    var badge = el("span", "gb-badge", ev.type);
    badge.style.background = colorOf(EVENT_COLORS, ev.type);
    head.appendChild(badge);
    if (ev.status !== "occurred") head.appendChild(el("span", "gb-status", ev.status));
    if (ev.cameo) head.appendChild(el("span", "gb-cameo", "CAMEO " + ev.cameo));
    var when = ev.date || ev.date_text;
    if (when) head.appendChild(el("span", "gb-date", when));
    li.appendChild(head);

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
    li.appendChild(sentence(ev));
    if (ev.quote) li.appendChild(el("p", "gb-quote", "\u201c" + ev.quote + "\u201d"));
    if (ev.doc) li.appendChild(el("p", "gb-doc", "Source: " + ev.doc));
    return li;
  }

  function eventList(ids) {
    var frag = document.createDocumentFragment();
    var shown = ids.filter(function (id) { return events[id] && passes(events[id]); });
    var hidden = ids.length - shown.length;
    frag.appendChild(el("p", "gb-sub", plural(shown.length, "event") +
      (hidden ? " (" + hidden + " hidden by the filters)" : "")));
    var ol = el("ol", "gb-events");
    frag.appendChild(ol);
    var done = 0;
    function more() {
      var stop = Math.min(done + PANEL_PAGE, shown.length);
      for (; done < stop; done++) ol.appendChild(eventItem(events[shown[done]]));
      if (done < shown.length) {
        var b = el("button", "gb-more", "Show " + Math.min(PANEL_PAGE, shown.length - done) + " more");
        b.type = "button";
        b.addEventListener("click", function () { b.remove(); more(); });
        ol.appendChild(b);
      }
    }
    more();
    return frag;
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
    panel.appendChild(facts([
      ["Title", n.title], ["Affiliation", n.affiliation], ["Also called", aliases],
      ["Country", n.country], ["Coordinates", coords], ["Mentions", n.mentions],
      ["Documents", n.docs && n.docs.length > 3 ? plural(n.docs.length, "document") : n.docs]
    ]));
    panel.appendChild(eventList(n.events));
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

  // ---- search ----------------------------------------------------------------

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
    var labels = data.nodes.map(function (n) { return n.label; }).sort();
    labels.forEach(function (l) { var o = document.createElement("option"); o.value = l; list.appendChild(o); });
  }
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return null;
    if (names.has(q)) return names.get(q);
    var hit = null;
    names.forEach(function (id, k) { if (hit === null && k.indexOf(q) === 0) hit = id; });
    if (hit === null) names.forEach(function (id, k) { if (hit === null && k.indexOf(q) >= 0) hit = id; });
    return hit;
  }
  function search() {
    var q = $("gb-search").value;
    var id = find(q);
    $("gb-search-msg").textContent = id === null && q.trim() ? "No actor or place matches \u201c" + q.trim() + "\u201d." : "";
    if (id !== null) select(id);
  }

  function select(id) {
    if (!nodeById[id]) return false;
    if (isPlace(id) && !state.places) { state.places = true; $("gb-places").checked = true; applyFilters(); }
    if (gb.network && gb.nodes.get(id)) {
      gb.network.selectNodes([id]);
      if (layer) layer.focus(id, null);
      gb.network.focus(id, { scale: Math.max(gb.network.getScale(), 1.1), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    }
    showNode(id);
    return true;
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

    var legend = $("gb-node-legend");
    var kinds = count(data.nodes.map(function (n) { return n.kind === "place" ? "place" : n.type; }));
    var order = NODE_ORDER.filter(function (t) { return kinds[t]; })
      .concat(Object.keys(kinds).filter(function (t) { return NODE_ORDER.indexOf(t) < 0; }).sort());
    order.forEach(function (t) {
      var row = el("div", "gb-row");
      var sw = el("span", "gb-swatch-node" + (t === "place" ? " gb-square" : ""));
      sw.style.background = colorOf(NODE_COLORS, t);
      row.appendChild(sw);
      row.appendChild(el("span", null, t));
      row.appendChild(el("span", "gb-count", kinds[t]));
      legend.appendChild(row);
    });

    $("gb-reset").addEventListener("click", function () {
      document.querySelectorAll(".gb-controls input[type=checkbox]").forEach(function (b) { b.checked = true; });
      from.value = ""; to.value = "";
      Object.keys(state.types).forEach(function (t) { state.types[t] = true; });
      Object.keys(state.statuses).forEach(function (s) { state.statuses[s] = true; });
      state.from = state.to = ""; state.undated = true; state.places = true;
      applyFilters();
    });
    $("gb-fit").addEventListener("click", function () { if (gb.network) gb.network.fit({ animation: { duration: 400 } }); });
    $("gb-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); search(); } });
    // Picking a name from the datalist inserts it in one go: search at once.
    $("gb-search").addEventListener("input", function (ev) { if (ev.inputType === "insertReplacementText") search(); });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && gb.network) {
        gb.network.unselectAll();
        if (layer) layer.focus(null, null);
        hint();
      }
    });

    var c = data.counts;
    var parts = [plural(c.actors, "actor"), plural(c.places, "place"), plural(c.events, "event"),
      plural(data.documents.length, "document")];
    if (c.nodes_dropped) parts.push(c.nodes_dropped + " less important nodes left out");
    $("gb-summary").textContent = parts.join(" \u00b7 ");
  }

  // ---- network ---------------------------------------------------------------

  function markReady() {
    if (gb.readyAt !== null) return;
    gb.readyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
    resolveReady(gb.readyAt);
    setTimeout(buildNames, 0);
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
          face: "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif",
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
    syncNodes0();
    syncEdges();
    performance.mark("graphbuild:datasets");
    var network = new vis.Network($("gb-network"), { nodes: gb.nodes, edges: L.edge_layer ? [] : gb.edges }, options);
    gb.network = network;
    if (L.edge_layer) layer = new EdgeLayer(network);
    performance.mark("graphbuild:network");
    if (L.physics) {
      // Bounded stabilisation, then physics off: the drawing stays still and
      // dragging a node moves only that node.
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        network.once("afterDrawing", markReady);
        network.fit();
      });
    } else {
      network.once("afterDrawing", markReady);
      network.fit();
    }
    if (layer) layer.rebuild();
    network.on("click", function (p) {
      var edge = p.edges.length ? p.edges[0] : null;
      if (!p.nodes.length && layer) edge = layer.edgeAt(p.pointer.canvas);
      if (layer) layer.focus(p.nodes.length ? p.nodes[0] : null, p.nodes.length ? null : edge);
      if (p.nodes.length) showNode(p.nodes[0]);
      else if (edge !== null) showEdge(edge);
      else hint();
    });
  }

  // Initial fill without the network (syncNodes needs one for positions).
  function syncNodes0() {
    gb.nodes.add(data.nodes.map(nodeItem));
  }

  buildControls();
  performance.mark("graphbuild:controls");
  if (!data.nodes.length) {
    $("gb-network").hidden = true;
    markReady();
    return;
  }
  draw();
})();
