// The workbench: runs the editor's query on the served SPARQL endpoint and shows the
// answer as a sortable, paged table (SELECT, ASK) or as the network view and a table of
// triples (CONSTRUCT, DESCRIBE). Every text from the graph is set with textContent.
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("config").textContent);
  const $ = (id) => document.getElementById(id);
  const PAGE = 50;
  const RESULT_TYPES = {
    csv: ["text/csv", "csv"], tsv: ["text/tab-separated-values", "tsv"],
    json: ["application/sparql-results+json", "json"],
    ttl: ["text/turtle", "ttl"], nt: ["application/n-triples", "nt"],
    jsonld: ["application/ld+json", "jsonld"],
  };
  const prefixes = config.prefixes;
  let current = null; // {kind, vars, rows, sort: [col, dir], page}


  function setState(state) { document.body.dataset.state = state; }

  const editor = window.HeroesEditor.create($("editor"), {
    doc: config.example, prefixes, terms: config.terms, onRun: () => run(),
  });

  // --- what kind of query -------------------------------------------------------------
  function kindOf(text) {
    const bare = text.replace(/<[^<>"{}|^`\\\s]*>/g, " ")
      .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, " ")
      .replace(/#[^\n]*/g, " ");
    const m = /\b(SELECT|CONSTRUCT|DESCRIBE|ASK|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP)\b/i
      .exec(bare);
    return m ? m[1].toUpperCase() : "";
  }
  const isGraph = (kind) => kind === "CONSTRUCT" || kind === "DESCRIBE";

  // --- showing terms ------------------------------------------------------------------
  function compact(iri) {
    let best = null;
    for (const [p, ns] of Object.entries(prefixes)) {
      if (iri.startsWith(ns) && /^[\w.-]*$/.test(iri.slice(ns.length)) &&
          (!best || ns.length > prefixes[best].length)) best = p;
    }
    return best ? best + ":" + iri.slice(prefixes[best].length) : "<" + iri + ">";
  }

  function termCell(term) {
    const td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      if (term.value.startsWith(config.resource)) {
        const id = term.value.slice(config.resource.length);
        td.append(el("a", {href: "/resource/" + encodeURIComponent(id), class: "entity"},
                     compact(term.value)));
      } else if (/^https?:/.test(term.value)) {
        td.append(el("a", {href: term.value, rel: "noopener noreferrer", target: "_blank"},
                     compact(term.value)));
      } else {
        td.append(el("span", {class: "iri"}, compact(term.value)));
      }
    } else if (term.type === "bnode") {
      td.append(el("span", {class: "bnode"}, "_:" + term.value));
    } else {
      td.append(el("span", {class: "literal"}, term.value));
      if (term["xml:lang"]) td.append(el("span", {class: "dt"}, "@" + term["xml:lang"]));
      else if (term.datatype) td.append(el("span", {class: "dt"}, compact(term.datatype)));
    }
    return td;
  }

  function sortKey(term) {
    if (!term) return [2, ""];
    if (term.type === "literal" && term.datatype && /#(integer|decimal|double|float|int|long)$/
        .test(term.datatype)) return [0, Number(term.value)];
    return [1, term.value];
  }

  function compare(a, b) {
    const [ka, va] = sortKey(a), [kb, vb] = sortKey(b);
    if (ka !== kb) return ka - kb;
    return va < vb ? -1 : va > vb ? 1 : 0;
  }

  // --- the table ----------------------------------------------------------------------
  function drawTable() {
    const {vars, rows, sort, page} = current;
    const order = rows.map((r, i) => i);
    if (sort) order.sort((i, j) => sort[1] * compare(rows[i][sort[0]], rows[j][sort[0]]) || i - j);
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    const first = page * PAGE;
    const shown = order.slice(first, first + PAGE);
    const head = el("tr", {}, ...vars.map((v) => el("th", {
      scope: "col", "aria-sort": sort && sort[0] === v ? (sort[1] > 0 ? "ascending" : "descending") : "none",
      title: "Sort by ?" + v,
      onclick: () => {
        current.sort = sort && sort[0] === v ? [v, -sort[1]] : [v, 1];
        current.page = 0;
        drawTable();
      }}, "?" + v, sort && sort[0] === v ? (sort[1] > 0 ? " ▲" : " ▼") : "")));
    const body = shown.map((i) => el("tr", {}, ...vars.map((v) => termCell(rows[i][v]))));
    const table = el("table", {id: "table"}, el("thead", {}, head), el("tbody", {}, ...body));
    const pager = el("div", {class: "pager"},
      el("button", {type: "button", id: "prev", onclick: () => { current.page--; drawTable(); }},
         "‹ Previous"),
      el("span", {id: "page"}, rows.length ? `rows ${first + 1}–${first + shown.length} of ${rows.length}`
                                           : "no rows"),
      el("button", {type: "button", id: "next", onclick: () => { current.page++; drawTable(); }},
         "Next ›"));
    pager.querySelector("#prev").disabled = page === 0;
    pager.querySelector("#next").disabled = page >= pages - 1;
    const box = $("table-box") || el("div", {id: "table-box"});
    box.replaceChildren(table, pager);
    return box;
  }

  // --- N-Triples (what the endpoint returns for CONSTRUCT) ----------------------------
  const NT_TERM = /^(?:<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([\w-]+)|\^\^<([^>]*)>)?)\s*/;
  function unescapeNT(s) {
    return s.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g, (m, u, U, c) =>
      u ? String.fromCharCode(parseInt(u, 16)) : U ? String.fromCodePoint(parseInt(U, 16))
        : ({t: "\t", n: "\n", r: "\r", b: "\b", f: "\f"}[c] || c));
  }
  function parseNTriples(text) {
    const rows = [];
    for (const line of text.split("\n")) {
      let rest = line.trim();
      if (!rest || rest.startsWith("#")) continue;
      const row = {};
      for (const v of ["subject", "predicate", "object"]) {
        const m = NT_TERM.exec(rest);
        if (!m) break;
        row[v] = m[1] !== undefined ? {type: "uri", value: m[1]}
          : m[2] !== undefined ? {type: "bnode", value: m[2]}
          : {type: "literal", value: unescapeNT(m[3]), "xml:lang": m[4], datatype: m[5]};
        rest = rest.slice(m[0].length);
      }
      if (row.object) rows.push(row);
    }
    return rows;
  }

  // --- errors -------------------------------------------------------------------------
  function showError(message, hint, action) {
    const box = $("error");
    box.replaceChildren(el("strong", {}, message));
    if (hint) box.append(el("div", {class: "hint"}, hint));
    if (action) box.append(action);
    box.hidden = false;
  }

  function syntaxError(text, body) {
    const m = /error at (\d+):(\d+): ([\s\S]*)/.exec(body);
    if (!m) { showError(body.trim().split("\n")[0]); return; }
    const line = Number(m[1]), column = Number(m[2]);
    let detail = m[3].replace(/\s+/g, " ").trim();
    editor.markError(line, column);
    const source = text.split("\n")[line - 1] || "";
    if (/Prefix not found/.test(detail)) {
      const before = source.slice(0, column - 1);
      const used = /([A-Za-z][\w.-]*)?:[\w.-]*$/.exec(before);
      const name = used ? (used[1] || "") : "";
      // Oxigraph points past the prefixed name: show where the name starts.
      const start = used ? before.length - used[0].length + 1 : column;
      editor.markError(line, start);
      const known = Object.keys(prefixes);
      const message = `Unknown prefix ${name}: at line ${line}, column ${start}`;
      const hint = `Known prefixes: ${known.join(", ")}. Declare it first: PREFIX ${name}: <…>`;
      let action = null;
      if (prefixes[name]) {
        action = el("button", {type: "button", id: "add-prefix", onclick: () => {
          editor.setValue(`PREFIX ${name}: <${prefixes[name]}>\n` + editor.getValue());
          run();
        }}, `Add PREFIX ${name}: <${prefixes[name]}> and run`);
      }
      showError(message, hint, action);
      return;
    }
    if (detail.length > 160) detail = detail.slice(0, 159) + "…";
    const near = source.slice(Math.max(0, column - 31), column - 1).trim();
    showError(`Syntax error at line ${line}, column ${column}` +
              (near ? ` (near "${near}")` : ""), detail);
  }

  // --- running ------------------------------------------------------------------------
  async function post(text, accept) {
    return fetch(config.endpoint, {
      method: "POST", body: new URLSearchParams({query: text}),
      headers: {Accept: accept},
    });
  }

  async function run() {
    const text = editor.getValue();
    const kind = kindOf(text);
    const started = performance.now();
    $("error").hidden = true;
    editor.clearError();
    setState("running");
    $("status").textContent = "Running…";
    let response, body;
    try {
      response = await post(text, isGraph(kind) ? "application/n-triples"
                                                : "application/sparql-results+json");
      body = await response.text();
    } catch (err) {
      showError("The endpoint did not answer: " + err.message);
      $("status").textContent = "";
      setState("error");
      return;
    }
    const ms = Math.round(performance.now() - started);
    if (!response.ok) {
      if (response.status === 400) syntaxError(text, body);
      else showError(`HTTP ${response.status}: ${body.trim().split("\n")[0]}`);
      $("status").textContent = "";
      $("results").replaceChildren();
      setState("error");
      return;
    }
    const results = $("results");
    if (isGraph(kind)) {
      const rows = parseNTriples(body);
      current = {kind, vars: ["subject", "predicate", "object"], rows, sort: null, page: 0};
      $("status").textContent = `${rows.length} triple${rows.length === 1 ? "" : "s"} in ${ms} ms`;
      const frame = rows.length ? el("iframe", {id: "network", title: "Network view",
        src: "/view?query=" + encodeURIComponent(text)}) : null;
      results.replaceChildren(...[frame, drawTable()].filter(Boolean));
    } else {
      const data = JSON.parse(body);
      if ("boolean" in data) {
        current = {kind: "ASK", vars: [], rows: []};
        $("status").textContent = `ASK in ${ms} ms`;
        results.replaceChildren(el("p", {id: "boolean", class: "boolean"}, String(data.boolean)));
      } else {
        const rows = data.results.bindings;
        current = {kind, vars: data.head.vars, rows, sort: null, page: 0};
        $("status").textContent = `${rows.length} row${rows.length === 1 ? "" : "s"} in ${ms} ms`;
        results.replaceChildren(drawTable());
      }
    }
    drawDownloads(kind);
    setState("done");
  }

  // --- downloads ----------------------------------------------------------------------
  function drawDownloads(kind) {
    const names = isGraph(kind) ? ["ttl", "nt", "jsonld"] : kind === "ASK" ? ["json", "tsv"]
      : ["csv", "tsv", "json"];
    const labels = {csv: "CSV", tsv: "TSV", json: "JSON", ttl: "Turtle", nt: "N-Triples",
                    jsonld: "JSON-LD"};
    $("downloads").replaceChildren("Download: ", ...names.map((n) => el("button", {
      type: "button", class: "download", "data-format": n,
      onclick: () => download(n)}, labels[n])));
  }

  async function download(name) {
    const [media, extension] = RESULT_TYPES[name];
    const response = await post(editor.getValue(), media);
    if (!response.ok) { showError(`HTTP ${response.status}: ${(await response.text()).trim()}`); return; }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const a = el("a", {href: url, download: "result." + extension});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // --- named queries ------------------------------------------------------------------
  function openNamed(q) {
    editor.setValue(q.text);
    const binding = $("binding");
    binding.replaceChildren();
    if (q.binds.length) {
      const inputs = q.binds.map((v) => el("input", {type: "text", name: v, id: "bind-" + v,
        placeholder: "id or name", "aria-label": "Bind ?" + v}));
      const form = el("form", {class: "bind", onsubmit: async (event) => {
        event.preventDefault();
        const params = new URLSearchParams({query: q.name});
        for (const input of inputs) params.set(input.name, input.value);
        const response = await fetch("/api/bind?" + params);
        const data = await response.json();
        if (!response.ok) { showError(data.error); setState("error"); return; }
        editor.setValue(data.query);
        run();
      }}, ...q.binds.flatMap((v, i) => [el("label", {for: "bind-" + v}, "?" + v), inputs[i]]),
        el("button", {type: "submit", id: "bind-run"}, "Run with binding"));
      binding.append(form);
    }
    document.querySelectorAll("#queries li").forEach((li) =>
      li.classList.toggle("active", li.dataset.name === q.name));
    run();
  }

  $("queries").replaceChildren(...config.queries.map((q) => el("li", {"data-name": q.name},
    el("button", {type: "button", class: "named", onclick: () => openNamed(q)}, q.name),
    el("div", {class: "question"}, q.question))));
  $("exports").replaceChildren(...config.exports.map((name) => el("li", {},
    el("a", {href: "/exports/" + encodeURIComponent(name)}, name))));
  $("run").addEventListener("click", () => run());
  setState("ready");
})();
