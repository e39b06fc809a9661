"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const groups = {};
  for (const g of data.groups) groups[g.id] = g;
  const byId = new Map(data.nodes.map(n => [n.id, n]));
  const edgeById = new Map(data.edges.map(e => [e.id, e]));
  const large = data.large;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function short(text, n) { return text.length > n ? text.slice(0, n - 1) + "…" : text; }

  function tooltip(n) {
    const lines = [n.name, n.type];
    if (n.aliases.length) lines.push("also: " + n.aliases.join(", "));
    for (const [label, value] of n.values.slice(0, 8)) lines.push(label + ": " + short(value, 80));
    return lines.join("\n");
  }

  const nodes = new vis.DataSet(data.nodes.map(n => {
    const g = groups[n.group];
    return {
      id: n.id, label: short(n.name, g.shape === "ellipse" ? 34 : 40), title: tooltip(n), x: n.x, y: n.y,
      shape: g.shape, color: { background: g.color, border: g.color,
        highlight: { background: g.color, border: "#1f2328" }, hover: { background: g.color, border: "#1f2328" } },
      size: n.group === "other" ? 8 : 13,
      font: g.shape === "ellipse" ? { color: "#fff", size: 11 } : { color: "#1f2328", size: 12, strokeWidth: 3, strokeColor: "#f6f7f9" },
      widthConstraint: { maximum: g.shape === "ellipse" ? 110 : 130 },
    };
  }));
  const edges = new vis.DataSet(data.edges.map(e => ({
    id: e.id, from: e.from, to: e.to,
    label: e.mentions ? undefined : (e.note ? e.label + "\n" + short(e.note, 40) : e.label),
    title: e.label + (e.note ? " (" + e.note + ")" : ""),
    arrows: { to: { enabled: true, scaleFactor: 0.5 } },
    dashes: e.mentions, length: e.mentions ? 420 : undefined,
    color: e.mentions ? { color: "#d5d9de", highlight: "#8c959f", hover: "#8c959f" } : { color: "#9aa3ad", highlight: "#1f2328", hover: "#57606a" },
    width: e.mentions ? 0.7 : 1.2,
    font: { size: 10, color: "#57606a", strokeWidth: 3, strokeColor: "#f6f7f9", multi: false },
  })));

  const shown = {};
  for (const g of data.groups) shown[g.id] = true;
  const nodeView = new vis.DataView(nodes, { filter: n => shown[byId.get(n.id).group] });
  const edgeView = new vis.DataView(edges, { filter: e => shown[byId.get(e.from).group] && shown[byId.get(e.to).group] });

  const network = new vis.Network(document.getElementById("network"), { nodes: nodeView, edges: edgeView }, {
    // Small graphs: a short, invisible settling run from the precomputed layout, then
    // physics off, so nothing moves once drawn. Large graphs: the layout as computed.
    physics: large ? { enabled: false } : {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -4500, centralGravity: 0.5, springLength: 130, springConstant: 0.03, avoidOverlap: 0.6, damping: 0.4 },
      stabilization: { enabled: true, iterations: 200, updateInterval: 1000, fit: true },
    },
    layout: { improvedLayout: false },
    interaction: { hover: !large, tooltipDelay: 200, hideEdgesOnDrag: large, hideEdgesOnZoom: large },
    edges: { smooth: large ? false : { type: "continuous", roundness: 0.3 } },
    nodes: { borderWidth: 1.5 },
  });
  const view = { network, nodes, edges, nodeView, edgeView, data, drawnAt: null };
  window.heroesView = view;
  network.once("afterDrawing", () => {
    view.drawnAt = performance.now();
    document.body.dataset.drawn = "1";
  });
  if (large) network.fit({ animation: false });
  else network.once("stabilizationIterationsDone", () => { network.setOptions({ physics: { enabled: false } }); network.fit({ animation: false }); });

  function updateCount() {
    const n = nodeView.length, e = edgeView.length;
    const all = n === data.nodes.length && e === data.edges.length;
    document.getElementById("count").textContent = n + " nodes, " + e + " edges" +
      (all ? "" : " shown (of " + data.nodes.length + ", " + data.edges.length + ")");
  }

  // Legend and class filters.
  const SVG = "http://www.w3.org/2000/svg";
  function swatch(g) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "-8 -8 16 16");
    const shapes = {
      dot: ["circle", { r: 6 }], square: ["rect", { x: -6, y: -6, width: 12, height: 12 }],
      diamond: ["polygon", { points: "0,-7 7,0 0,7 -7,0" }], triangle: ["polygon", { points: "0,-7 7,6 -7,6" }],
      triangleDown: ["polygon", { points: "0,7 7,-6 -7,-6" }], hexagon: ["polygon", { points: "-6,0 -3,-6 3,-6 6,0 3,6 -3,6" }],
      star: ["polygon", { points: "0,-7 2,-2 7,-2 3,1 5,7 0,3 -5,7 -3,1 -7,-2 -2,-2" }], ellipse: ["ellipse", { rx: 7.5, ry: 4.5 }],
    };
    const [tag, attrs] = shapes[g.shape] || shapes.dot;
    const s = document.createElementNS(SVG, tag);
    for (const k in attrs) s.setAttribute(k, String(attrs[k]));
    s.setAttribute("fill", g.color);
    svg.appendChild(s);
    return svg;
  }
  const legend = document.getElementById("legend");
  const counts = {};
  for (const n of data.nodes) counts[n.group] = (counts[n.group] || 0) + 1;
  for (const g of data.groups) {
    const label = el("label");
    const box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = g.id; box.dataset.group = g.id;
    box.addEventListener("change", () => { shown[g.id] = box.checked; nodeView.refresh(); edgeView.refresh(); updateCount(); });
    label.append(box, swatch(g), el("span", "", g.label), el("span", "n", String(counts[g.id])));
    legend.appendChild(label);
  }

  // Side panel: the facts behind a node or an edge, each with its quotes.
  const panel = document.getElementById("panel");
  const body = document.getElementById("panel-body");
  panel.querySelector(".close").addEventListener("click", () => { panel.hidden = true; network.unselectAll(); });

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
    for (const e of data.edges) {
      if (e.mentions && (e.from === n.id || e.to === n.id)) mentions.push(e);
      else if (e.from === n.id) out.push(e);
      else if (e.to === n.id) inc.push(e);
    }
    if (out.length || inc.length) body.appendChild(el("h3", "", "Facts"));
    for (const e of out.concat(inc)) {
      const f = el("div", "fact");
      const what = el("div", "what");
      if (e.from === n.id) what.append(el("span", "", e.label + " \u2192 "), link(byId.get(e.to)));
      else what.append(link(byId.get(e.from)), el("span", "", " \u2192 " + e.label));
      what.appendChild(el("span", "qual", quals(e)));
      f.appendChild(what);
      quotes(f, e.facts, "no quote recorded for this link");
      body.appendChild(f);
    }
    if (mentions.length) {
      body.appendChild(el("h3", "", n.group === "article" ? "Mentions" : "Mentioned in"));
      for (const e of mentions) {
        const f = el("div", "fact");
        const other = byId.get(e.from === n.id ? e.to : e.from);
        f.appendChild(el("div", "what")).appendChild(link(other));
        body.appendChild(f);
      }
    }
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function showEdge(e) {
    body.replaceChildren();
    const from = byId.get(e.from), to = byId.get(e.to);
    body.appendChild(el("h2", "", e.label));
    const what = el("div", "kind");
    what.append(link(from), el("span", "", " \u2192 " + e.label + " \u2192 "), link(to), el("span", "", quals(e)));
    body.appendChild(what);
    body.appendChild(el("h3", "", "Quotes"));
    quotes(body, e.facts, e.mentions ? "the name occurs in the article" : "no quote recorded for this link");
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function select(id) {
    const n = byId.get(id);
    if (!shown[n.group]) {
      shown[n.group] = true;
      legend.querySelector('input[data-group="' + n.group + '"]').checked = true;
      nodeView.refresh(); edgeView.refresh(); updateCount();
    }
    network.selectNodes([id]);
    delete document.body.dataset.focused;
    network.once("animationFinished", () => { document.body.dataset.focused = String(id); });
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), locked: false, animation: { duration: 400 } });
    showNode(n);
  }
  view.select = select;
  network.on("click", params => {
    if (params.nodes.length) showNode(byId.get(params.nodes[0]));
    else if (params.edges.length) showEdge(edgeById.get(params.edges[0]));
    else panel.hidden = true;
  });

  // Search by name or alias.
  const names = [];
  for (const n of data.nodes) for (const name of [n.name].concat(n.aliases)) names.push([name, n.id]);
  names.sort((a, b) => a[0].localeCompare(b[0]));
  const datalist = document.getElementById("names");
  const seen = new Set();
  for (const [name] of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const option = el("option");
    option.value = name;
    datalist.appendChild(option);
  }
  const search = document.getElementById("search");
  const status = document.getElementById("search-status");
  function find(text) {
    const q = text.trim().toLocaleLowerCase();
    if (!q) return null;
    const exact = names.find(([name]) => name.toLocaleLowerCase() === q);
    if (exact) return exact[1];
    const start = names.find(([name]) => name.toLocaleLowerCase().startsWith(q));
    if (start) return start[1];
    const part = names.find(([name]) => name.toLocaleLowerCase().includes(q));
    return part ? part[1] : null;
  }
  let handled = null;
  function go(ev) {
    // Enter, then the "change" that leaving the box fires: one search, not two.
    if (ev.type === "change" && search.value === handled) return;
    handled = search.value;
    const id = find(search.value);
    status.textContent = id === null && search.value.trim() ? "no match for \u201c" + search.value.trim() + "\u201d" : "";
    if (id !== null) { search.blur(); select(id); }
  }
  search.addEventListener("change", go);
  search.addEventListener("keydown", ev => { if (ev.key === "Enter") go(ev); });
  updateCount();
})();
