// The review screen: one candidates file beside its article. Each candidate can be
// accepted (the default), rejected or edited; Save sends the decisions to the server,
// which runs the checks of `heroes-kg accept` and writes seeds/facts/ only if they pass.
// Every text from the file or the article is set with textContent.
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("config").textContent);
  const $ = (id) => document.getElementById(id);
  const article = config.article;
  const FIELDS = {entities: ["id", "type", "name"],
                  statements: ["subject", "property", "object", "value", "in", "as"]};

  const setState = (s) => { document.body.dataset.state = s; };

  // --- the candidates -----------------------------------------------------------------
  const items = [];
  for (const section of ["entities", "statements"]) {
    config[section].forEach((item, index) => items.push({section, index, item,
                                                         key: `${section}/${index}`}));
  }

  // Where each statement's quotes are in the article: the given start when it matches,
  // else the n-th occurrence (occurrence: N, default 1).
  function spans(item) {
    const found = [];
    for (const ev of item.evidence || []) {
      if (!ev || typeof ev.quote !== "string" || !ev.quote) continue;
      if (ev.article && ev.article !== article.id) continue;
      let at = -1;
      if (Number.isInteger(ev.start) && article.text.substr(ev.start, ev.quote.length) === ev.quote) {
        at = ev.start;
      } else {
        const n = Number.isInteger(ev.occurrence) && ev.occurrence > 0 ? ev.occurrence : 1;
        for (let i = 0, from = 0; i < n; i++) {
          at = article.text.indexOf(ev.quote, from);
          if (at < 0) break;
          from = at + 1;
        }
      }
      if (at >= 0) found.push([at, at + ev.quote.length]);
    }
    return found;
  }

  // --- the article, with every quote marked -------------------------------------------
  function drawArticle() {
    const text = article.text;
    const ranges = [];
    for (const c of items) for (const [a, b] of spans(c.item)) ranges.push({a, b, key: c.key});
    const cuts = new Set([0, text.length]);
    for (const r of ranges) { cuts.add(r.a); cuts.add(r.b); }
    const points = [...cuts].sort((x, y) => x - y);
    const box = $("article");
    box.replaceChildren();
    if (!text) { box.append(el("p", {class: "muted"}, `The text of article '${article.id}' was not found in seeds/articles/.`)); return; }
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const keys = ranges.filter((r) => r.a <= a && r.b >= b).map((r) => r.key);
      const piece = text.slice(a, b);
      box.append(keys.length ? el("mark", {"data-keys": keys.join(" "), title: "Click to see the candidate",
        onclick: () => focus(keys[0], false)}, piece) : piece);
    }
  }

  function focus(key, scrollArticle) {
    document.querySelectorAll(".article mark").forEach((m) =>
      m.classList.toggle("current", m.dataset.keys.split(" ").includes(key)));
    const card = document.querySelector(`.candidate[data-key="${key}"]`);
    if (!scrollArticle && card) card.scrollIntoView({block: "nearest"});
    if (scrollArticle) {
      const mark = document.querySelector(".article mark.current");
      if (mark) mark.scrollIntoView({block: "center"});
    }
  }

  // --- one card per candidate ---------------------------------------------------------
  function summary(c) {
    const it = c.item;
    if (c.section === "entities") return `${it.type || "?"} ${it.id || "?"}`;
    const object = "object" in it ? it.object : JSON.stringify(it.value);
    return `${it.subject} —${it.property}→ ${object}`;
  }

  function card(c) {
    const it = c.item;
    const fields = FIELDS[c.section].filter((f) => f in it || (f === "object" && !("value" in it)));
    const reject = el("input", {type: "checkbox", class: "reject", "aria-label": "Reject"});
    const node = el("div", {class: "candidate", "data-key": c.key,
                            onclick: (event) => { if (event.target.tagName !== "INPUT") focus(c.key, true); }},
      el("div", {class: "head"},
        el("strong", {class: "summary"}, summary(c)), el("span", {class: "grow"}),
        el("label", {class: "decision"}, reject, "Reject")),
      el("div", {class: "meta"}, [c.section === "entities" ? "entity" : "statement",
        "confidence" in it ? `confidence ${it.confidence}` : null,
        it.rule ? `rule ${it.rule}` : null].filter(Boolean).join(" · ")),
      el("div", {class: "fields"}, ...fields.flatMap((f) => [
        el("label", {for: `${c.key}/${f}`}, f),
        el("input", {id: `${c.key}/${f}`, "data-field": f, value: f in it ? (typeof it[f] === "string" ? it[f] : JSON.stringify(it[f])) : ""})])),
      ...(it.evidence || []).filter((ev) => ev && ev.quote).map((ev) =>
        el("div", {class: "quote"}, `“${ev.quote}”`)),
      el("div", {class: "problems"}));
    reject.addEventListener("change", () => {
      node.classList.toggle("rejected", reject.checked);
      document.querySelectorAll(".article mark").forEach((m) => {
        if (m.dataset.keys.split(" ").every((k) => document.querySelector(
          `.candidate[data-key="${k}"]`).classList.contains("rejected"))) m.classList.add("rejected");
        else m.classList.remove("rejected");
      });
    });
    return node;
  }

  function decisions() {
    const found = {};
    for (const node of document.querySelectorAll(".candidate")) {
      const edits = {};
      for (const input of node.querySelectorAll("input[data-field]")) {
        const original = input.getAttribute("value");
        if (input.value !== original) edits[input.dataset.field] = input.value;
      }
      found[node.dataset.key] = {reject: node.querySelector(".reject").checked, edits};
    }
    return found;
  }

  // --- saving and rebuilding ----------------------------------------------------------
  function status(message, lines, kind) {
    const box = $("review-status");
    box.className = kind || "";
    box.replaceChildren(el("strong", {}, message),
      ...(lines || []).map((l) => el("div", {class: "problem"}, l)));
  }

  async function call(action, body) {
    const response = await fetch("/curate/api/" + action, {method: "POST",
      headers: {"Content-Type": "application/json", "X-Review-Token": config.token},
      body: JSON.stringify(body || {})});
    return [response.status, await response.json()];
  }

  async function save() {
    setState("saving");
    document.querySelectorAll(".candidate").forEach((n) => {
      n.classList.remove("failed");
      n.querySelector(".problems").replaceChildren();
    });
    status("Checking…");
    const [code, data] = await call("save", {file: config.file, target: $("target").value.trim(),
                                             decisions: decisions()});
    if (code === 200) {
      status(data.message + ". Rebuild the graph to serve them.", [], "ok");
      $("rebuild").disabled = false;
      $("save").disabled = true;
      setState("saved");
      return;
    }
    for (const [key, messages] of Object.entries(data.items || {})) {
      const node = document.querySelector(`.candidate[data-key="${key}"]`);
      if (!node) continue;
      node.classList.add("failed");
      node.querySelector(".problems").replaceChildren(...messages.map((m) =>
        el("div", {class: "problem"}, m)));
    }
    const first = document.querySelector(".candidate.failed");
    if (first) first.scrollIntoView({block: "nearest"});
    status(data.error, data.general, "failed");
    setState("refused");
  }

  async function rebuild() {
    setState("rebuilding");
    $("rebuild").disabled = true;
    status("Rebuilding the graph…");
    const [code, data] = await call("rebuild");
    if (code !== 200) {
      status(data.error, data.general, "failed");
      $("rebuild").disabled = false;
      setState("error");
      return;
    }
    const accepted = [...document.querySelectorAll('.candidate[data-key^="entities/"]:not(.rejected)')]
      .map((n) => n.querySelector('input[data-field="id"]').value);
    status(data.message, []);
    $("review-status").append(el("div", {id: "accepted"}, "Open: ",
      ...accepted.flatMap((id, i) => [i ? ", " : "",
        el("a", {href: "/resource/" + encodeURIComponent(id)}, id)])));
    setState("rebuilt");
  }

  $("article-title").textContent = `${article.title}${article.date ? " (" + article.date + ")" : ""}`;
  $("target").value = config.target;
  $("candidates").replaceChildren(...items.map(card));
  drawArticle();
  $("save").addEventListener("click", save);
  $("rebuild").addEventListener("click", rebuild);
  setState("ready");
})();
