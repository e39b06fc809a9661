"""Growing the graph: add an article, write candidate facts for it, accept reviewed ones.

* :func:`add_article` copies a text into seeds/articles/ unchanged, with its metadata
  record;
* :func:`write_suggestions` runs :mod:`heroes_kg.grow.suggest` on one article and writes the
  candidates file (outside seeds/, by default ``candidates/ARTICLE.yaml``);
* :func:`accept` turns a reviewed candidates file into a new seeds/facts/ file, after the
  checks ``heroes-kg build`` runs, or refuses it with every reason.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._io import atomic_write
from ..corpus import YamlError, YamlMap, line_of, load_yaml
from ..corpus.writer import block, block_lines, inline, scalar
from ..errors import GrowError, HeroesKGError, Problem, relpath
from ..project import Project, is_absolute_iri

__all__ = ["AcceptReport", "accept", "add_article", "candidates_path", "render_candidates",
           "write_suggestions"]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Keys a candidates file adds to the curated-facts format; accept drops them.
CANDIDATE_KEYS = ("confidence", "rule")


def _decode(data: bytes, where: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GrowError(f"{where} is not UTF-8 text (byte 0x{data[exc.start]:02x} at "
                            f"offset {exc.start}); save it as UTF-8 and try again") from None
    if not text.strip():
        raise GrowError(f"{where} is empty")
    return text


def _existing_records(project: Project) -> list[tuple[Path, dict[str, Any]]]:
    records = []
    for path in sorted(project.articles_dir.glob("*.yaml")):
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YamlError):
            continue
        if isinstance(data, dict):
            records.append((path, data))
    return records


def add_article(project: Project, source: Path, article_id: str, *, title: str | None = None,
                publisher: str | None = None, date: str | None = None,
                url: str | None = None) -> Path:
    """Copy ``source`` into seeds/articles/ with a metadata record; returns the text's path.

    The text is copied byte for byte. Without ``title`` the first line of the text is the
    title. Refuses an id or a text the project already has, non-UTF-8 or empty text, a
    malformed date and a publisher that is not a known organization.
    """
    from ..corpus.curation import load_corpus
    folder = project.articles_dir
    if not folder.is_dir():
        raise GrowError(f"{relpath(folder, project.root)}/ does not exist; "
                            "this project has no articles folder")
    if not _ID.match(article_id):
        raise GrowError(f"article id {article_id!r} must be lowercase words joined by "
                            "'-' (e.g. sequel-confirmed)")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise GrowError(f"cannot read {source}: {exc.strerror}") from None
    text = _decode(data, str(source))
    if url is not None and not is_absolute_iri(url):
        raise GrowError(f"{{--url}} {url!r} is not an absolute IRI; write it as https://… "
                            "with no spaces")
    if date is not None:
        try:
            ok = bool(_DATE.match(date)) and _dt.date.fromisoformat(date) is not None
        except ValueError:
            ok = False
        if not ok:
            raise GrowError(f"malformed date {date!r}; write it as YYYY-MM-DD")
    for path, record in _existing_records(project):
        if record.get("id") == article_id:
            raise GrowError(f"article id {article_id!r} is already used by "
                                f"{relpath(path, project.root)}; choose another {{--id}}")
    for existing in sorted(folder.glob("*.txt")):
        if existing.read_bytes() == data:
            raise GrowError(f"{source} has the same text as "
                                f"{relpath(existing, project.root)}; it is already in the "
                                "project")
    if publisher is not None:
        from .. import vocab

        entity = load_corpus(project).entities.get(publisher)
        if entity is None or not vocab.is_subtype(entity.type, "Organization"):
            raise GrowError(f"publisher {publisher!r} is not an Organization entity in "
                                "seeds/facts/; declare it first or leave {--publisher} out")
    if title is None or not title.strip():
        title = next(line.strip() for line in text.splitlines() if line.strip())[:200]
        title_note = "# The title is the text's first line."
    else:
        title = title.strip()
        title_note = "# The title was given when the article was added."
    number = len(list(folder.glob("*.txt")))
    name = f"{number:03d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
    lines = [f"# Metadata for {name} (the text file is kept exactly as received).",
             f"id: {article_id}", f"file: {name}", title_note, f"title: {scalar(title)}"]
    if date is not None:
        lines.append(f"date: {date}")
    if publisher is not None:
        lines.append(f"publisher: {publisher}")
    if url is not None:
        lines.append(f"url: {scalar(url)}")
    text_path, record_path = folder / name, folder / f"{Path(name).stem}.yaml"
    atomic_write(text_path, data)
    try:
        atomic_write(record_path, ("\n".join(lines) + "\n").encode("utf-8"))
    except BaseException:
        text_path.unlink(missing_ok=True)
        raise
    return text_path


def candidates_path(project: Project, article_id: str) -> Path:
    """Where ``heroes-kg suggest`` writes by default: outside seeds/, never read by build."""
    return project.root / "candidates" / f"{article_id}.yaml"


def write_suggestions(project: Project, article_id: str, output: Path | None = None,
                      force: bool = False, min_confidence: float | None = None,
                      learned: bool = False) -> tuple[Path, Any]:
    """Suggest candidate facts for one article and write them; returns (path, suggestions).
    Candidates below ``min_confidence`` (default: suggest's floor) are left out;
    ``learned`` adds the learned relation layer's candidates to the rules'."""
    from ..corpus.curation import load_corpus
    from .suggest import MIN_CONFIDENCE, render, suggest

    corpus = load_corpus(project)
    article = corpus.articles.get(article_id)
    if article is None:
        raise GrowError(f"no article {article_id!r}; known articles: "
                            f"{', '.join(sorted(corpus.articles)) or 'none'}")
    path = output if output is not None else candidates_path(project, article_id)
    resolved = path.resolve()
    if resolved.is_relative_to(project.seeds.resolve()):
        raise GrowError(f"{path}: candidates are not written into seeds/; write them "
                            "elsewhere, review them, then run 'heroes-kg accept FILE'")
    if resolved.exists() and not force:
        raise GrowError(f"{path} already exists (it may hold your review); pass {{--force}} "
                            "to overwrite it or {--out} to write elsewhere")
    result = suggest(article, corpus.entities.values(), corpus.statements,
                     MIN_CONFIDENCE if min_confidence is None else min_confidence,
                     learned="merge" if learned else "off")
    resolved.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(resolved, render(result, article).encode("utf-8"))
    return path, result


@dataclass
class AcceptReport:
    path: Path
    entities: int
    statements: int
    refused: list[Problem] = field(default_factory=list)


def accept(project: Project, file: Path, target: str | None = None,
           skip_failing: bool = False) -> AcceptReport:
    """Write the reviewed candidates of ``file`` as a new seeds/facts/ file.

    The new file must pass every check of ``heroes-kg build`` together with the existing
    seeds; otherwise nothing is written and every problem is reported at its line in
    ``file``. With ``skip_failing`` the items that fail are left out (and listed in the
    report's ``refused``) and the rest is written, when every problem lies in ``file``.
    """
    from ..pipeline import check

    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise GrowError(f"cannot read {file}: {exc.strerror}") from None
    try:
        data = load_yaml(_decode(raw, str(file)))
    except YamlError as exc:
        where = f"{file}:{exc.line}" if exc.line else str(file)
        raise GrowError(f"{where}: {exc.message}; fix the YAML syntax") from None
    header = data.get("candidates") if isinstance(data, dict) else None
    if not isinstance(header, dict) or not isinstance(header.get("article"), str):
        raise GrowError(f"{file} is not a candidates file: it has no 'candidates:' "
                            "mapping with the article id (write one with 'heroes-kg "
                            "suggest')")
    assert isinstance(data, dict)
    article_id = header["article"]
    name = target or article_id
    if not _ID.match(name):
        raise GrowError(f"facts file name {name!r} must be lowercase words joined by '-'")
    dest = project.facts_dir / f"{name}.yaml"
    if dest.exists():
        raise GrowError(f"{relpath(dest, project.root)} already exists; pass {{--to}} "
                            "to write the accepted facts to another file")
    sections: dict[str, list[dict[str, Any]]] = {}
    for section in ("entities", "statements"):
        items = data.get(section) or []
        if not isinstance(items, list) or not all(isinstance(i, YamlMap) for i in items):
            raise GrowError(f"{file}: '{section}:' must be a list of mappings")
        sections[section] = [item.without(CANDIDATE_KEYS) for item in items]
    if not sections["entities"] and not sections["statements"]:
        raise GrowError(f"{file} has no entities or statements left to accept")
    kept = [(section, item) for section, items in sections.items() for item in items]
    refused: list[Problem] = []
    while True:
        text, origin = _render_facts(article_id, kept)
        found = _check_with(project, check, dest.name, text, str(file), origin)
        if not found:
            break
        problems = [p for p, _ in found]
        failing = {item for p, item in found if p.path == str(file) and item is not None}
        if not skip_failing or not failing or any(p.path != str(file) for p in problems):
            raise GrowError(f"{file}: refused, nothing was written", refused + problems)
        refused += problems
        kept = [(section, item) for section, item in kept if line_of(item) not in failing]
        if not kept:
            raise GrowError(f"{file}: every candidate failed, nothing was written",
                                refused)
    atomic_write(dest, text.encode("utf-8"))
    return AcceptReport(dest, sum(1 for s, _ in kept if s == "entities"),
                        sum(1 for s, _ in kept if s == "statements"), refused)


@dataclass(frozen=True)
class _Origin:
    """Where the lines of a rendered facts file come from in the candidates file."""

    items: list[tuple[int, int]]   # (first output line, the item's source line)
    lines: dict[int, int]          # output line -> source line

    def item(self, line: int | None) -> int | None:
        return next((src for first, src in reversed(self.items)
                     if line is not None and first <= line), None)


def _render_facts(article_id: str, kept: list[tuple[str, dict[str, Any]]]
                  ) -> tuple[str, _Origin]:
    """The facts file for ``kept`` items, and where each of its lines comes from."""
    lines = [f"# Facts accepted from the reviewed candidates for article {article_id!r}."]
    items: list[tuple[int, int]] = []
    sources: dict[int, int] = {}
    for section in ("entities", "statements"):
        chosen = [item for s, item in kept if s == section]
        if not chosen:
            continue
        lines += ["", f"{section}:"]
        for item in chosen:
            items.append((len(lines) + 1, line_of(item, 0) or 0))
            for text, source in block_lines([item], 2, line_of(item, 0) or 0):
                lines.append(text)
                sources[len(lines)] = source
    return "\n".join(lines) + "\n", _Origin(items, sources)


def render_candidates(article_id: str, items: list[tuple[str, dict[str, Any]]]
                      ) -> tuple[str, list[int]]:
    """A candidates file for article ``article_id`` holding ``items`` ((section, item)
    pairs, section "entities" or "statements"), and the line each item starts on: what
    the review screen hands to :func:`accept`."""
    lines = ["candidates:", f"  article: {inline(article_id)}"]
    starts: dict[int, int] = {}
    for section in ("entities", "statements"):
        chosen = [(i, item) for i, (s, item) in enumerate(items) if s == section]
        if not chosen:
            continue
        lines += ["", f"{section}:"]
        for i, item in chosen:
            starts[i] = len(lines) + 1
            lines += block([item], 2)
    return "\n".join(lines) + "\n", [starts[i] for i in range(len(items))]


def _check_with(project: Project, check: Any, name: str, text: str, source: str,
                origin: _Origin) -> list[tuple[Problem, int | None]]:
    """Every problem ``heroes-kg build`` finds in the project plus the facts file ``name``
    holding ``text``, pointed back at the candidates file."""
    with tempfile.TemporaryDirectory(prefix="heroes-kg-accept-") as tmp:
        root = Path(tmp)
        for folder in ("seeds", "ontology"):
            if (project.root / folder).is_dir():
                shutil.copytree(project.root / folder, root / folder)
        (root / "seeds" / "facts" / name).write_text(text, encoding="utf-8")
        try:
            check(Project(root, project.base_iri))
        except HeroesKGError as exc:
            return _map_problems(exc, f"seeds/facts/{name}", source, origin)
    return []


def _map_problems(exc: HeroesKGError, written: str, source: str,
                  origin: _Origin) -> list[tuple[Problem, int | None]]:
    """Problems in the would-be facts file, pointed back at the candidates file's lines,
    each with the line of the candidate item it concerns."""
    problems = exc.problems or [Problem(source, None, exc.message)]
    mapped: list[tuple[Problem, int | None]] = []
    for p in problems:
        if p.path == written:
            item = origin.item(p.line)
            line = origin.lines.get(p.line, item) if p.line is not None else None
            mapped.append((Problem(source, line, p.message), item))
        else:
            mapped.append((p, None))
    return mapped
