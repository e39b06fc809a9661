"use strict";
// The network page. One data format (see outputs/page.py), two renderers: vis-network
// draws a graph a person reads at once; sigma.js (WebGL) draws the overview of a large
// one, whose groups open on demand. The legend, search and side panel are shared.
(function () {
  const source = document.getElementById("graph-data");
  const view = { data: null, drawnAt: null };
  window.heroesView = view;

  async function load() {
    if (source.dataset.encoding !== "gzip-base64") return JSON.parse(source.textContent);
    const bytes = Uint8Array.from(atob(source.textContent), c => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  }

  load().then(start).catch(error => {
    // Say so on the page rather than leave it blank (e.g. a browser without
    // DecompressionStream: Chrome 80, Firefox 113 and Safari 16.4 have it).
    document.getElementById("count").textContent = "This browser cannot draw this page: " + error;
    throw error;
  });

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function short(text, n) { return text.length > n ? text.slice(0, n - 1) + "\u2026" : text; }
  function number(n) { return n.toLocaleString("en-US"); }

  function start(data) {
    view.data = data;
    const groups = {};
    for (const g of data.groups) groups[g.id] = g;
    const byId = data.nodes;  // ids are indices
    const incident = data.nodes.map(() => []);
    for (const e of data.edges) { incident[e.from].push(e); if (e.to !== e.from) incident[e.to].push(e); }
    const prop = e => data.properties[e.p];
    const shown = {};
    for (const g of data.groups) shown[g.id] = true;
    const state = { mentions: false };
    const overview = data.clusters.length > 0;
    view.overview = overview;

    // ------------------------------------------------------------------ side panel
    const panel = document.getElementById("panel");
    const body = document.getElementById("panel-body");
    let renderer = null;
    panel.querySelector(".close").addEventListener("click", () => { panel.hidden = true; renderer.unselect(); });

    function quotes(container, facts, emptyText) {
      let any = false;
      for (const f of facts) {
        for (const [a, text] of f.quotes) {
          any = true;
          container.appendChild(el("blockquote", "", "\u201c" + text + "\u201d"));
          const [title, date] = data.articles[a];
          container.appendChild(el("div", "cite", "\u2014 " + title + (date ? ", " + date : "")));
        }
      }
      if (!any && emptyText) container.appendChild(el("div", "none", emptyText));
    }
    function link(node) {
      const a = el("a", "", node.name);
      a.href = "#";
      a.addEventListener("click", ev => { ev.preventDefault(); select(node.id); });
      return a;
    }
    function quals(e) { return e.note ? " (" + e.note + ")" : ""; }
    // A fact read from one end, in the natural direction: "directed by Robert Rodriguez"
    // on the film's side, "director of We Can Be Heroes" on the person's.
    function reading(e, from) {
      const what = el("div", "what");
      const forward = e.from === from;
      what.append(el("span", "", (forward ? prop(e).fw : prop(e).bw) + " "), link(byId[forward ? e.to : e.from]));
      what.appendChild(el("span", "qual", quals(e)));
      return what;
    }

    function showNode(n) {
      body.replaceChildren();
      body.append(el("h2", "", n.name), el("div", "kind", n.type + (n.aliases.length ? " \u00b7 also " + n.aliases.join(", ") : "")), el("div", "iri", n.iri));
      if (n.values.length) {
        body.appendChild(el("h3", "", "Values"));
        for (const [label, value, facts] of n.values) {
          const f = el("div", "fact");
          const what = el("div", "what", label + ": ");
          what.appendChild(el("span", "", value));
          f.appendChild(what);
          quotes(f, facts, "");
          body.appendChild(f);
        }
      }
      const out = [], inc = [], mentions = [];
      for (const e of incident[n.id]) {
        if (e.mentions) mentions.push(e);
        else if (e.from === n.id) out.push(e);
        else inc.push(e);
      }
      if (out.length || inc.length) body.appendChild(el("h3", "", "Facts"));
      for (const e of out.concat(inc)) {
        const f = el("div", "fact");
        f.appendChild(reading(e, n.id));
        quotes(f, e.facts, "no quote recorded for this link");
        body.appendChild(f);
      }
      if (mentions.length) {
        body.appendChild(el("h3", "", n.group === "article" ? "Mentions" : "Mentioned in"));
        for (const e of mentions) {
          const f = el("div", "fact");
          f.appendChild(el("div", "what")).appendChild(link(byId[e.from === n.id ? e.to : e.from]));
          body.appendChild(f);
        }
      }
      panel.hidden = false;
      panel.scrollTop = 0;
    }
    function showEdge(e) {
      body.replaceChildren();
      const from = byId[e.from], to = byId[e.to];
      body.appendChild(el("h2", "", prop(e).label));
      const what = el("div", "kind");
      what.append(link(from), el("span", "", " " + prop(e).fw + " "), link(to), el("span", "", quals(e)));
      body.appendChild(what);
      body.appendChild(el("h3", "", "Quotes"));
      quotes(body, e.facts, e.mentions ? "the name occurs in the article" : "no quote recorded for this link");
      panel.hidden = false;
      panel.scrollTop = 0;
    }
    view.showNode = showNode;

    // ------------------------------------------------------------------ legend
    const SVG = "http://www.w3.org/2000/svg";
    function swatch(g) {
      const svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "-8 -8 16 16");
      const shapes = {
        dot: ["circle", { r: 6 }], square: ["rect", { x: -6, y: -6, width: 12, height: 12 }],
        diamond: ["polygon", { points: "0,-7 7,0 0,7 -7,0" }], triangle: ["polygon", { points: "0,-7 7,6 -7,6" }],
        triangleDown: ["polygon", { points: "0,7 7,-6 -7,-6" }], hexagon: ["polygon", { points: "-6,0 -3,-6 3,-6 6,0 3,6 -3,6" }],
        star: ["polygon", { points: "0,-7 2,-2 7,-2 3,1 5,7 0,3 -5,7 -3,1 -7,-2 -2,-2" }], ellipse: ["ellipse", { rx: 7.5, ry: 4.5 }],
        line: ["line", { x1: -7, y1: 0, x2: 7, y2: 0, stroke: "#9aa3ad", "stroke-width": 2, "stroke-dasharray": "3 2" }],
      };
      const [tag, attrs] = shapes[overview && g.shape !== "line" ? "dot" : g.shape] || shapes.dot;
      const s = document.createElementNS(SVG, tag);
      for (const k in attrs) s.setAttribute(k, String(attrs[k]));
      if (g.color) s.setAttribute("fill", g.color);
      svg.appendChild(s);
      return svg;
    }
    const classes = document.getElementById("classes");
    const counts = {};
    for (const n of data.nodes) counts[n.group] = (counts[n.group] || 0) + 1;
    function toggle(label, swatchOf, count, checked, onChange, dataset) {
      const row = el("label");
      const box = el("input");
      box.type = "checkbox"; box.checked = checked;
      Object.assign(box.dataset, dataset);
      box.addEventListener("change", () => onChange(box.checked));
      row.append(box, swatch(swatchOf), el("span", "", label), el("span", "n", number(count)));
      classes.appendChild(row);
      return box;
    }
    for (const g of data.groups) {
      toggle(g.label, g, counts[g.id], true, on => { shown[g.id] = on; renderer.filter(); updateCount(); }, { group: g.id });
    }
    const mentionCount = data.edges.filter(e => e.mentions).length;
    if (mentionCount) {
      classes.appendChild(el("div", "sep"));
      toggle("Article mentions", { shape: "line" }, mentionCount, false,
        on => { state.mentions = on; renderer.filter(); updateCount(); }, { mentions: "1" });
    }
    function reveal(n) {
      if (shown[n.group]) return;
      shown[n.group] = true;
      classes.querySelector('input[data-group="' + n.group + '"]').checked = true;
      renderer.filter();
    }

    function updateCount() {
      document.getElementById("count").textContent = renderer.count();
    }

    // ------------------------------------------------------------------ search
    const names = [];
    for (const n of data.nodes) for (const name of [n.name].concat(n.aliases)) names.push([name.toLocaleLowerCase(), name, n.id]);
    names.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]);
    const datalist = document.getElementById("names");
    function matches(text, limit) {
      const q = text.trim().toLocaleLowerCase();
      if (!q) return [];
      const exact = [], prefix = [], part = [];
      for (const entry of names) {
        const i = entry[0].indexOf(q);
        if (i < 0) continue;
        (entry[0] === q ? exact : i === 0 ? prefix : part).push(entry);
        if (exact.length + prefix.length >= limit) break;
      }
      return exact.concat(prefix, part).slice(0, limit);
    }
    const search = document.getElementById("search");
    const status = document.getElementById("search-status");
    let typed = null, timer = null;
    function go(final) {
      clearTimeout(timer);
      const text = search.value;
      if (text === typed && !final) return;
      typed = text;
      const found = matches(text, 12);
      const options = found.map(([, name]) => { const o = el("option"); o.value = name; return o; });
      datalist.replaceChildren(...options);
      status.textContent = !found.length && text.trim() ? "no match for \u201c" + text.trim() + "\u201d" : "";
      if (found.length) select(found[0][2], { keepFocus: !final });
    }
    // Search as you type: a short pause after the last key; Enter searches at once.
    search.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => go(false), 180); });
    search.addEventListener("keydown", ev => { if (ev.key === "Enter") { typed = null; go(true); } });
    view.find = text => { const f = matches(text, 1); return f.length ? f[0][2] : null; };

    function select(id, options) {
      const n = byId[id];
      reveal(n);
      delete document.body.dataset.focused;
      renderer.select(id, () => { document.body.dataset.focused = String(id); });
      showNode(n);
      if (!(options && options.keepFocus)) search.blur();
    }
    view.select = select;

    renderer = overview ? sigmaRenderer() : visRenderer();
    updateCount();

    // ------------------------------------------------------------------ vis-network
    function visRenderer() {
      const nodes = new vis.DataSet(data.nodes.map(n => {
        const g = groups[n.group];
        return {
          id: n.id, label: short(n.name, g.shape === "ellipse" ? 34 : 40), title: tooltip(n), x: n.x, y: n.y,
          shape: g.shape, color: { background: g.color, border: g.color,
            highlight: { background: g.color, border: "#1f2328" }, hover: { background: g.color, border: "#1f2328" } },
          size: n.group === "other" ? 8 : 13,
          font: g.shape === "ellipse" ? { color: "#fff", size: 13 } : { color: "#1f2328", strokeWidth: 3, strokeColor: "#f6f7f9" },
          widthConstraint: { maximum: g.shape === "ellipse" ? 110 : 150 },
        };
      }));
      function tooltip(n) {
        const lines = [n.name, n.type];
        if (n.aliases.length) lines.push("also: " + n.aliases.join(", "));
        for (const [label, value] of n.values.slice(0, 8)) lines.push(label + ": " + short(value, 80));
        return lines.join("\n");
      }
      const edges = new vis.DataSet(data.edges.map(e => ({
        id: e.id, from: e.from, to: e.to,
        label: e.mentions ? undefined : (e.note ? prop(e).label + "\n" + short(e.note, 40) : prop(e).label),
        title: byId[e.from].name + " " + prop(e).fw + " " + byId[e.to].name + quals(e),
        arrows: { to: { enabled: true, scaleFactor: 0.5 } },
        dashes: e.mentions,
        color: e.mentions ? { color: "#d5d9de", highlight: "#8c959f", hover: "#8c959f" } : { color: "#9aa3ad", highlight: "#1f2328", hover: "#57606a" },
        width: e.mentions ? 0.7 : 1.2, hoverWidth: 1.5, selectionWidth: 1.5,
        font: { color: "#57606a", strokeWidth: 3, strokeColor: "#f6f7f9", multi: false },
      })));
      const nodeView = new vis.DataView(nodes, { filter: n => shown[byId[n.id].group] });
      const edgeView = new vis.DataView(edges, { filter: e => {
        const d = data.edges[e.id];
        return (state.mentions || !d.mentions) && shown[byId[d.from].group] && shown[byId[d.to].group];
      } });
      const large = data.large;
      const container = document.getElementById("network");
      const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
        // Small graphs: a short, invisible settling run from the precomputed layout, then
        // physics off, so nothing moves once drawn. Large graphs: the layout as computed.
        physics: large ? { enabled: false } : {
          enabled: true, solver: "barnesHut",
          barnesHut: { gravitationalConstant: -9000, centralGravity: 0.15, springLength: 140, springConstant: 0.03, avoidOverlap: 0.8, damping: 0.4 },
          stabilization: { enabled: true, iterations: 200, updateInterval: 1000, fit: true },
        },
        layout: { improvedLayout: false },
        interaction: { hover: !large, tooltipDelay: 200, hideEdgesOnDrag: large, hideEdgesOnZoom: large },
        edges: { smooth: large ? false : { type: "continuous", roundness: 0.3 }, font: { size: 11 } },
        nodes: { borderWidth: 1.5, font: { size: 14 } },
      });
      Object.assign(view, { network, nodes, edges, nodeView, edgeView });
      network.once("afterDrawing", () => {
        view.drawnAt = performance.now();
        document.body.dataset.drawn = "1";
      });
      // Fill the screen: the layout is stretched to the shape of the canvas, and labels
      // are sized for the scale the whole graph is seen at, so they read without zooming.
      function settle() {
        const positions = network.getPositions();
        const ids = Object.keys(positions);
        if (ids.length > 1) {
          let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
          for (const id of ids) {
            const p = positions[id];
            x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y);
          }
          const width = Math.max(1, x1 - x0), height = Math.max(1, y1 - y0);
          const want = container.clientWidth / Math.max(1, container.clientHeight);
          const stretch = Math.min(2.5, Math.max(1, want * height / width));
          const cx = (x0 + x1) / 2;
          nodes.update(ids.map(id => ({ id: Number(id), x: cx + (positions[id].x - cx) * stretch, y: positions[id].y })));
        }
        network.fit({ animation: false });
        const scale = network.getScale(), grow = Math.min(3, Math.max(1, 1 / scale));
        nodes.update(nodes.get().map(n => ({ id: n.id, font: { size: (n.shape === "ellipse" ? 13 : 14) * grow }, size: n.size * Math.sqrt(grow),
          widthConstraint: { maximum: (n.shape === "ellipse" ? 110 : 150) * grow } })));
        edges.update(edges.get().map(e => ({ id: e.id, width: data.edges[e.id].mentions ? 0.7 * grow : 1.2 * grow, font: { size: 11 * grow } })));
        view.fontScale = scale;
      }
      if (large) { network.fit({ animation: false }); view.fontScale = network.getScale(); }
      else network.once("stabilizationIterationsDone", () => { network.setOptions({ physics: { enabled: false } }); settle(); });
      // Nodes moved by hand keep their place when filters hide and show them again.
      network.on("dragEnd", params => {
        if (params.nodes.length) {
          const positions = network.getPositions(params.nodes);
          nodes.update(params.nodes.map(id => ({ id, x: positions[id].x, y: positions[id].y })));
        }
      });

      // An edge is hit within 8 screen pixels of its line, not only on it.
      function nearestEdge(pointer) {
        const at = network.DOMtoCanvas(pointer), reach = 8 / network.getScale();
        let best = null, bestDistance = reach;
        for (const id of edgeView.getIds()) {
          const edge = network.body.edges[id];
          if (!edge || !edge.connected) continue;
          for (let i = 0; i <= 16; i++) {
            const p = edge.edgeType.getPoint(i / 16);
            const d = Math.hypot(p.x - at.x, p.y - at.y);
            if (d < bestDistance) { best = id; bestDistance = d; }
          }
        }
        return best;
      }
      network.on("click", params => {
        if (params.nodes.length) select(params.nodes[0]);
        else {
          const edge = params.edges.length === 1 ? params.edges[0] : nearestEdge(params.pointer.DOM);
          if (edge !== null && edge !== undefined) { network.selectEdges([edge]); showEdge(data.edges[edge]); }
          else panel.hidden = true;
        }
      });
      return {
        filter() { nodeView.refresh(); edgeView.refresh(); },
        count() {
          const n = nodeView.length, e = edgeView.length;
          const all = n === data.nodes.length && e === data.edges.length;
          return n + " nodes, " + e + " edges" + (all ? "" : " shown (of " + data.nodes.length + ", " + data.edges.length + ")");
        },
        // Click to zoom: the node comes to the middle, close enough to read around it.
        select(id, done) {
          network.selectNodes([id]);
          network.once("animationFinished", done);
          // Labels are sized for the whole graph's scale: 1.7 times that reads well.
          const target = Math.max(network.getScale(), (view.fontScale || 1) * 1.7);
          network.focus(id, { scale: target, locked: false, animation: { duration: 400 } });
        },
        unselect() { network.unselectAll(); },
      };
    }

    // ------------------------------------------------------------------ sigma.js overview
    function sigmaRenderer() {
      const { Graph, Sigma } = window.HeroesGraph;
      // Each change is made on a new graph that is then given to sigma at once: adding a
      // thousand nodes one by one to the graph sigma draws reprocesses it a thousand times.
      let graph = null, sigma = null;
      function change(fresh, edit) {
        graph = fresh ? new Graph({ multi: true, type: "directed" }) : graph.copy();
        edit();
        if (sigma) sigma.setGraph(graph);
        view.graph = graph;
      }
      const container = document.getElementById("network");
      const back = document.getElementById("back");
      const degree = data.nodes.map(n => incident[n.id].length);
      // Two groupings: the communities computed when the page was written, and classes.
      const byMembers = (a, b) => degree[b] - degree[a] || a - b;
      const communities = { clusters: data.clusters, links: data.links, of: data.nodes.map(n => n.c) };
      communities.members = data.clusters.map(() => []);
      for (const n of data.nodes) communities.members[n.c].push(n.id);
      for (const list of communities.members) list.sort(byMembers);
      const byClass = { of: [], members: data.groups.map(() => []) };
      {
        const index = {};
        data.groups.forEach((g, i) => { index[g.id] = i; });
        for (const n of data.nodes) { byClass.of.push(index[n.group]); byClass.members[index[n.group]].push(n.id); }
        for (const list of byClass.members) list.sort(byMembers);
        // Placed on a circle as wide as the communities' overview.
        let extent = 1;
        for (const c of data.clusters) extent = Math.max(extent, Math.abs(c.x), Math.abs(c.y));
        byClass.clusters = data.groups.map((g, i) => ({ id: i, kind: "class", group: g.id, size: byClass.members[i].length,
          top: byClass.members[i][0], x: Math.round(0.6 * extent * Math.cos(2 * Math.PI * i / data.groups.length)),
          y: Math.round(0.6 * extent * Math.sin(2 * Math.PI * i / data.groups.length)) }));
        const between = new Map();
        for (const e of data.edges) {
          if (e.mentions) continue;
          const a = Math.min(byClass.of[e.from], byClass.of[e.to]), b = Math.max(byClass.of[e.from], byClass.of[e.to]);
          if (a !== b) between.set(a + " " + b, (between.get(a + " " + b) || 0) + 1);
        }
        byClass.links = Array.from(between, ([key, n]) => key.split(" ").map(Number).concat([n]));
      }
      let grouping = communities;
      const open = new Set();
      let focus = null;  // the entity whose neighbourhood is shown, or null
      let selected = null;

      function clusterLabel(c) {
        if (c.kind === "pool") return groups[c.group].label + ": " + number(c.size) + " in small groups";
        if (c.kind === "class") return groups[c.group].label + ": " + number(c.size);
        return short(byId[c.top].name, 32) + " and " + number(c.size - 1) + " more";
      }
      function addCluster(c) {
        graph.addNode("g" + c.id, { x: c.x, y: -c.y, size: Math.min(28, 4 + 1.1 * Math.sqrt(c.size)), label: clusterLabel(c),
          color: groups[c.group].color, cluster: c.id, group: c.group });
      }
      function addEntity(id, x, y, size) {
        const n = byId[id];
        graph.addNode("n" + id, { x, y, size, label: n.name, color: groups[n.group].color, entity: id, group: n.group });
      }
      const spread = 4;  // distance between members of an opened group
      function place(list, cx, cy, step) {
        // A sunflower: the best-connected member in the middle, the rest around it.
        const golden = Math.PI * (3 - Math.sqrt(5));
        return list.map((id, i) => [id, cx + step * Math.sqrt(i + 0.5) * Math.cos(i * golden), cy + step * Math.sqrt(i + 0.5) * Math.sin(i * golden)]);
      }
      function edgeAttributes(e) {
        return { size: e.mentions ? 0.5 : 1, color: e.mentions ? "#dfe3e8" : "#b4bcc6", label: prop(e).label, mentions: e.mentions, edge: e.id, type: "arrow" };
      }
      function linkEntities() {
        // Facts between the entities shown; a fact to a closed group goes to the group.
        const where = id => graph.hasNode("n" + id) ? "n" + id : (focus === null && !open.has(grouping.of[id]) ? "g" + grouping.of[id] : null);
        const seen = new Set();
        graph.forEachNode((key, attrs) => {
          if (attrs.entity === undefined) return;
          for (const e of incident[attrs.entity]) {
            if (seen.has(e.id)) continue;
            seen.add(e.id);
            const a = where(e.from), b = where(e.to);
            if (a === null || b === null || a === b) continue;
            if (a[0] === "g" || b[0] === "g") {
              const key2 = "x" + a + "-" + b;
              if (!graph.hasEdge(key2)) graph.addEdgeWithKey(key2, a, b, { size: 0.6, color: "#d0d6dd", type: "line", mentions: e.mentions });
            } else graph.addEdgeWithKey("e" + e.id, a, b, edgeAttributes(e));
          }
        });
      }
      function showOverview() {
        open.clear();
        focus = null;
        change(true, () => {
          for (const c of grouping.clusters) addCluster(c);
          for (const [a, b, w] of grouping.links) graph.addEdgeWithKey("l" + a + "-" + b, "g" + a, "g" + b, { size: Math.min(6, 0.6 + Math.log(w)), color: "#c9d0d8", type: "line" });
        });
        back.hidden = true;
      }
      showOverview();

      function visible(attrs) { return shown[attrs.group] !== false; }
      sigma = new Sigma(graph, container, {
        renderEdgeLabels: false, enableEdgeEvents: true, defaultEdgeType: "line",
        labelFont: "system-ui, sans-serif", labelSize: 13, labelWeight: "500", labelColor: { color: "#1f2328" },
        labelRenderedSizeThreshold: 6, labelDensity: 0.5, zIndex: true, stagePadding: 40,
        nodeReducer(key, attrs) {
          const out = Object.assign({}, attrs);
          if (!visible(attrs)) out.hidden = true;
          if (key === selected) { out.highlighted = true; out.zIndex = 2; }
          if (focus !== null || open.size) {
            if (attrs.cluster !== undefined) { out.color = "#d9dde2"; out.label = ""; }
            else out.zIndex = 1;
          }
          return out;
        },
        edgeReducer(key, attrs) {
          const out = Object.assign({}, attrs);
          if (attrs.mentions && !state.mentions) out.hidden = true;
          if (key[0] === "l" && open.size) out.color = "#eceff2";  // links between closed groups, behind
          return out;
        },
      });
      const bbox = sigma.getBBox();
      sigma.setCustomBBox(bbox);
      Object.assign(view, { sigma });
      requestAnimationFrame(() => { view.drawnAt = performance.now(); document.body.dataset.drawn = "1"; });

      function frame(keys, done) {
        // The camera onto ``keys``: their bounding box fills most of the screen.
        let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
        for (const key of keys) {
          const d = sigma.getNodeDisplayData(key);
          if (!d) continue;
          x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y);
        }
        if (x0 === Infinity) { if (done) done(); return; }
        const ratio = Math.min(1.2, Math.max(0.04, 1.3 * Math.max(x1 - x0, y1 - y0)));
        sigma.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 300 }, done);
      }

      function openGroup(cid, done) {
        if (focus !== null) showOverview();
        if (!open.has(cid)) {
          const c = grouping.clusters[cid];
          open.add(cid);
          change(false, () => {
            graph.dropNode("g" + cid);
            for (const [id, x, y] of place(grouping.members[cid], c.x, -c.y, spread)) addEntity(id, x, y, 4 + Math.min(6, degree[id] / 3));
            linkEntities();
          });
          back.hidden = false;
        }
        sigma.refresh();
        frame(grouping.members[cid].map(id => "n" + id), done);
        updateCount();
      }
      view.openGroup = cid => new Promise(resolve => openGroup(cid, resolve));
      view.opened = () => Array.from(open);
      // The legend's choice of grouping.
      const choice = el("label");
      const menu = el("select");
      menu.id = "grouping";
      for (const [value, text] of [["community", "communities"], ["class", "classes"]]) {
        const option = el("option", "", text);
        option.value = value;
        menu.appendChild(option);
      }
      menu.addEventListener("change", () => {
        grouping = menu.value === "class" ? byClass : communities;
        back.click();
      });
      choice.append(el("span", "", "Group by"), menu);
      document.getElementById("classes").prepend(choice, el("div", "sep"));

      function neighbourhood(id, done) {
        // An entity in the middle, what it is linked to around it (mentions too when shown).
        open.clear();
        focus = id;
        sigma.setCustomBBox(null);
        const around = [];
        const seen = new Set([id]);
        for (const e of incident[id]) {
          if (e.mentions && !state.mentions) continue;
          const other = e.from === id ? e.to : e.from;
          if (!seen.has(other)) { seen.add(other); around.push(other); }
        }
        const positions = around.length <= 40
          ? around.map((other, i) => [other, 100 * Math.cos(2 * Math.PI * i / around.length), 100 * Math.sin(2 * Math.PI * i / around.length)])
          : place(around, 0, 0, 16).map(([other, x, y]) => [other, x + Math.sign(x) * 30, y + Math.sign(y) * 30]);
        change(true, () => {
          addEntity(id, 0, 0, 12);
          for (const [other, x, y] of positions) addEntity(other, x, y, 7);
          linkEntities();
        });
        back.hidden = false;
        sigma.refresh();
        // The panel covers the right of the screen: the neighbourhood sits left of it.
        const right = Math.min(380, 0.9 * window.innerWidth) / Math.max(1, container.clientWidth);
        sigma.getCamera().setState({ x: 0.5 + 0.6 * right, y: 0.5, ratio: 1.2, angle: 0 });
        requestAnimationFrame(() => { if (done) done(); });
        updateCount();
      }
      back.addEventListener("click", () => {
        showOverview();
        sigma.setCustomBBox(bbox);
        selected = null;
        sigma.refresh();
        sigma.getCamera().animatedReset({ duration: 300 });
        panel.hidden = true;
        updateCount();
      });

      sigma.on("clickNode", ({ node }) => {
        const attrs = graph.getNodeAttributes(node);
        if (attrs.cluster !== undefined) { openGroup(attrs.cluster); return; }
        selected = node;
        showNode(byId[attrs.entity]);
        sigma.refresh();
      });
      sigma.on("doubleClickNode", ({ node, event }) => {
        const attrs = graph.getNodeAttributes(node);
        if (attrs.entity !== undefined) { event.preventSigmaDefault(); select(attrs.entity); }
      });
      sigma.on("clickEdge", ({ edge }) => {
        const attrs = graph.getEdgeAttributes(edge);
        if (attrs.edge !== undefined) showEdge(data.edges[attrs.edge]);
      });
      sigma.on("clickStage", () => { panel.hidden = true; selected = null; sigma.refresh(); });

      return {
        filter() { sigma.refresh(); },
        count() {
          let n = 0, e = 0;
          graph.forEachNode((k, a) => { if (visible(a)) n += a.cluster !== undefined ? grouping.clusters[a.cluster].size : 1; });
          graph.forEachEdge((k, a) => { if (!a.mentions || state.mentions) e += 1; });
          const groupsShown = graph.filterNodes((k, a) => a.cluster !== undefined).length;
          if (focus !== null) return "around " + byId[focus].name + ": " + number(graph.order - 1) + " linked, of " + number(data.nodes.length) + " entities";
          return number(groupsShown) + " groups and " + number(graph.order - groupsShown) + " entities shown, of " + number(data.nodes.length) + " entities and " + number(data.edges.length) + " links";
        },
        // Search and links open the entity's neighbourhood, with its facts in the panel.
        select(id, done) { neighbourhood(id, done); selected = "n" + id; sigma.refresh(); },
        unselect() { selected = null; sigma.refresh(); },
      };
    }
  }
})();
