"""The review screen of ``heroes-kg serve --curate``: suggested facts, beside their article.

``/curate?token=T`` lists the candidates files in candidates/; ``/curate/FILE?token=T``
shows one beside its article text, each candidate's quote highlighted. The curator
accepts, rejects or edits each candidate; Save (``POST /curate/api/save``) writes the
reviewed candidates to a temporary candidates file and hands it to
:func:`heroes_kg.grow.accept`, the function behind ``heroes-kg accept``: the same checks,
and seeds/facts/ written (atomically) only when they pass. Each problem comes back at the
line of its candidate. Rebuild (``POST /curate/api/rebuild``) runs the build and serves
the new graph.

Nothing here answers without ``--curate``; every request needs the random token the
server printed (pages in the URL, writes in the ``X-Review-Token`` header, which a page
from another origin cannot send without a CORS grant this server never gives).
"""

from __future__ import annotations

import html
import json
import re
import secrets
import tempfile
import threading
import urllib.parse
from pathlib import Path
from typing import Any

from ..corpus import YamlError, load_yaml
from ..errors import HeroesKGError, ServeError, relpath

__all__ = ["answer", "load_candidates"]

_FILE = re.compile(r"^[A-Za-z0-9][\w.-]*\.ya?ml$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Saves and rebuilds run one at a time.
_WRITING = threading.Lock()
_MAX_BODY = 4 << 20


def answer(handler: Any, path: str, query_string: str) -> None:
    """Answer a request under /curate."""
    app = handler.server.app
    if app.token is None:
        handler._send(404, b"Not found. This server was started without the review "
                           b"screen, so nothing can be written through it.\n")
        return
    if path.startswith("/curate/api/"):
        if handler.command != "POST":
            handler._send(405, b"POST only.\n", extra={"Allow": "POST"})
        elif not secrets.compare_digest(handler.headers.get("X-Review-Token") or "",
                                        app.token):
            _json(handler, 403, {"error": "missing or wrong review token; open the review "
                                          "URL the server printed when it started"})
        else:
            _api(handler, path[len("/curate/api/"):])
        return
    token = (urllib.parse.parse_qs(query_string).get("token") or [""])[0]
    if handler.command not in ("GET", "HEAD"):
        handler._send(405, b"Only GET here.\n", extra={"Allow": "GET, HEAD"})
    elif not secrets.compare_digest(token, app.token):
        handler._send(403, b"This review screen needs the token in the URL that "
                           b"'heroes-kg serve --curate' printed.\n")
    elif path == "/curate":
        _list_page(handler)
    else:
        _review_page(handler, path[len("/curate/"):])


def _json(handler: Any, status: int, data: Any) -> None:
    handler._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                  "application/json; charset=utf-8", {"Cache-Control": "no-store"})


def _folder(handler: Any) -> Path:
    return Path(handler.server.app.project.root) / "candidates"


def _candidates_file(handler: Any, name: str) -> Path:
    if not _FILE.match(name):
        raise ServeError(f"{name!r} is not a candidates file name")
    path = _folder(handler) / name
    if not path.is_file():
        raise ServeError(f"no candidates file candidates/{name}")
    return path


def _plain(value: Any) -> Any:
    """A loaded YAML value as JSON can carry it (string keys, dates as text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)  # dates


def load_candidates(path: Path) -> dict[str, Any]:
    """A candidates file read defensively: its article id, entities and statements (each
    a mapping; unknown keys are kept), and mentions. Raises HeroesKGError with the line of
    a YAML error, or when the file is not a candidates file."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ServeError(f"cannot read {path.name}: {exc}") from None
    except YamlError as exc:
        where = f"{path.name}:{exc.line}" if exc.line else path.name
        raise ServeError(f"{where}: {exc.message}; fix the YAML syntax") from None
    header = data.get("candidates") if isinstance(data, dict) else None
    if not isinstance(header, dict) or not isinstance(header.get("article"), str):
        raise ServeError(f"{path.name} is not a candidates file: it has no "
                            "'candidates:' mapping with the article id")
    assert isinstance(data, dict)
    found: dict[str, Any] = {"article": header["article"]}
    for section in ("entities", "statements", "mentions"):
        items = data.get(section) or []
        if not isinstance(items, list):
            raise ServeError(f"{path.name}: '{section}:' must be a list")
        found[section] = [_plain(i) for i in items if isinstance(i, dict)]
    return found


def _article(handler: Any, article_id: str) -> dict[str, str]:
    """The article's title, date and text, from its metadata record in seeds/articles/."""
    folder = handler.server.app.project.articles_dir
    for record_path in sorted(folder.glob("*.yaml")):
        try:
            record = load_yaml(record_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YamlError):
            continue
        if isinstance(record, dict) and record.get("id") == article_id:
            name = str(record.get("file") or record_path.with_suffix(".txt").name)
            text_path = folder / Path(name).name  # never outside seeds/articles/
            try:
                text = text_path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            return {"id": article_id, "title": str(record.get("title") or ""),
                    "date": str(record.get("date") or ""), "text": text}
    return {"id": article_id, "title": "", "date": "", "text": ""}


def _list_page(handler: Any) -> None:
    from ._html import html_page, page_head

    e = html.escape
    token = handler.server.app.token
    folder = _folder(handler)
    rows = []
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        if not _FILE.match(path.name):
            continue
        try:
            data = load_candidates(path)
            note = (f"article {data['article']}: {len(data['statements'])} statements, "
                    f"{len(data['entities'])} entities")
        except HeroesKGError as exc:
            note = exc.message
        href = f"/curate/{urllib.parse.quote(path.name)}?token={urllib.parse.quote(token)}"
        rows.append(f'<li><a href="{e(href)}">{e(path.name)}</a> '
                    f'<span class="muted">{e(note)}</span></li>')
    listing = "".join(rows) or ('<li class="muted">(none: write one with heroes-kg '
                                "suggest ARTICLE_ID)</li>")
    html_page(handler, 200, page_head("Review suggested facts") +
              '<header class="bar"><h1>Review suggested facts</h1><span class="grow"></span>'
              '<a href="/">Workbench</a></header><main><h2>Candidates files</h2>'
              f'<ul class="files" id="files">{listing}</ul></main></body></html>\n')


def _review_page(handler: Any, name: str) -> None:
    from ._html import html_page, page_head, script_json

    e = html.escape
    try:
        path = _candidates_file(handler, name)
        data = load_candidates(path)
    except HeroesKGError as exc:
        html_page(handler, 404, page_head("Cannot review") +
                  f'<p class="message">{e(exc.message)}</p></body></html>\n')
        return
    app = handler.server.app
    config = {"file": name, "token": app.token, "article": _article(handler, data["article"]),
              "entities": data["entities"], "statements": data["statements"],
              "mentions": data["mentions"],
              "target": data["article"] if _NAME.match(data["article"]) else ""}
    html_page(handler, 200, page_head(f"Review {name}", "reviewing") + f"""
<header class="bar"><h1>Review <code>{e(name)}</code></h1>
<span class="muted" id="article-title"></span><span class="grow"></span>
<label>Save as seeds/facts/<input id="target" size="18">.yaml</label>
<button id="save" type="button">Save</button>
<button id="rebuild" type="button" disabled>Rebuild the graph</button>
<a href="/curate?token={e(urllib.parse.quote(app.token))}">All files</a></header>
<div id="review-status" role="status" aria-live="polite"></div>
<div class="review"><article class="article" id="article"></article>
<section class="candidates" id="candidates"></section></div>
<script type="application/json" id="config">{script_json(config)}</script>
<script src="/static/dom.js"></script>
<script src="/static/review.js"></script></body></html>
""")


def _body(handler: Any) -> Any:
    try:
        length = int(handler.headers.get("Content-Length") or 0)
    except ValueError:
        raise ServeError("the review was sent with a malformed Content-Length") from None
    if length > _MAX_BODY or length < 0:
        raise ServeError("the review is too large")
    try:
        return json.loads(handler.rfile.read(length) or b"{}")
    except ValueError:
        raise ServeError("the review was not sent as JSON") from None


def _api(handler: Any, action: str) -> None:
    try:
        body = _body(handler)
    except HeroesKGError as exc:
        _json(handler, 400, {"error": exc.message})
        return
    if action == "save":
        with _WRITING:
            _save(handler, body)
    elif action == "rebuild":
        with _WRITING:
            _rebuild(handler)
    else:
        _json(handler, 404, {"error": f"no action {action!r}"})


_EDITABLE = {"entities": ("id", "type", "name"),
             "statements": ("subject", "property", "object", "value", "in", "as")}


def _edited(item: dict[str, Any], edits: Any, section: str) -> dict[str, Any]:
    """``item`` with the curator's edits of its editable fields (text from the page)."""
    result = dict(item)
    if not isinstance(edits, dict):
        return result
    for key in _EDITABLE[section]:
        if key not in edits:
            continue
        text = str(edits[key]).strip()
        before = item.get(key)
        if before is not None and text == str(before):
            continue
        if not text:
            result.pop(key, None)
        elif isinstance(before, bool) or not isinstance(before, (int, float)):
            result[key] = text
        else:
            try:
                result[key] = int(text) if re.fullmatch(r"[+-]?\d+", text) else float(text)
            except ValueError:
                result[key] = text
    return result


def _save(handler: Any, body: Any) -> None:
    from ..grow.curate import accept, render_candidates

    app = handler.server.app
    project = app.project
    try:
        name = str(body.get("file", ""))
        data = load_candidates(_candidates_file(handler, name))
        target = str(body.get("target") or data["article"])
        decisions = body.get("decisions") or {}
        if not isinstance(decisions, dict):
            raise ServeError("decisions must be a mapping")
    except (HeroesKGError, AttributeError) as exc:
        message = exc.message if isinstance(exc, HeroesKGError) else "malformed review"
        _json(handler, 400, {"error": message})
        return
    kept: list[tuple[str, dict[str, Any]]] = []
    keys: list[str] = []
    for section in ("entities", "statements"):
        for index, item in enumerate(data[section]):
            key = f"{section}/{index}"
            decision = decisions.get(key) or {}
            if not isinstance(decision, dict) or decision.get("reject"):
                continue
            kept.append((section, _edited(item, decision.get("edits"), section)))
            keys.append(key)
    if not kept:
        _json(handler, 400, {"error": "every candidate is rejected: nothing to save"})
        return
    text, starts = render_candidates(data["article"], kept)
    with tempfile.TemporaryDirectory(prefix="heroes-kg-review-") as tmp:
        reviewed = Path(tmp) / name
        reviewed.write_text(text, encoding="utf-8")
        try:
            report = accept(project, reviewed, target=target)
        except HeroesKGError as exc:
            _json(handler, 422, _problems(exc, str(reviewed), starts, keys))
            return
    _json(handler, 200, {
        "written": relpath(report.path, project.root), "entities": report.entities,
        "statements": report.statements,
        "message": f"Accepted {report.statements} statements and {report.entities} "
                   f"entities into {relpath(report.path, project.root)}"})


def _problems(exc: HeroesKGError, reviewed: str, starts: list[int],
              keys: list[str]) -> dict[str, Any]:
    """The refusal as the page shows it: each problem at its candidate, the rest apart."""
    by_item: dict[str, list[str]] = {}
    general: list[str] = []
    order = sorted(zip(starts, keys))
    for problem in exc.problems:
        if problem.path == reviewed and problem.line is not None:
            owner = next((key for start, key in reversed(order) if start <= problem.line),
                         None)
            if owner is not None:
                by_item.setdefault(owner, []).append(problem.message)
                continue
        general.append(problem.message if problem.path == reviewed else str(problem))
    if not exc.problems:
        general.append(exc.render(lambda name: "a different 'Save as' name" if name == "to"
                                  else repr(name)).replace(reviewed, "the reviewed candidates"))
    return {"error": "Not saved: the checks of heroes-kg accept failed; nothing was "
                     "written", "items": by_item, "general": general}


def _rebuild(handler: Any) -> None:
    from ..pipeline import build

    app = handler.server.app
    try:
        report = build(app.project)
        app.reload()
    except HeroesKGError as exc:
        _json(handler, 422, {"error": exc.message, "general": exc.lines()})
        return
    _json(handler, 200, {"triples": report.triples, "statements": report.statements,
                         "entities": report.entities,
                         "message": f"Rebuilt: {report.triples} triples, "
                                    f"{report.statements} statements, {report.entities} "
                                    "entities; the endpoint serves the new graph"})
