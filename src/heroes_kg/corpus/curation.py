"""Curation: read seeds/, check every fact and find every quote in its article.

The front door is :func:`load_corpus`. It returns plain, typed objects, or raises
:class:`~heroes_kg.errors.CurationError` listing every problem with its file:line.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import difflib
import gc
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import vocab as _vocab
from ..errors import CurationError, Problem, relpath
from ..project import Project, is_absolute_iri
from ._yaml import YamlError, item_lines, key_line, line_of, load_many

__all__ = [
    "Article",
    "Corpus",
    "Entity",
    "Evidence",
    "FactsFile",
    "Mentions",
    "Statement",
    "Value",
    "load_corpus",
    "paused_gc",
]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_INT = re.compile(r"^[+-]?\d+$")
#: Characters of context kept on each side of a quote (oa:prefix / oa:suffix).
CONTEXT = 32


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    file: str
    text: str
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    title_is_editorial: bool = False
    path: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    path: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Value:
    """A typed literal: its lexical form and its XSD datatype's local name."""

    lexical: str
    datatype: str


@dataclass(frozen=True)
class Evidence:
    article: str
    quote: str
    start: int
    end: int
    path: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Statement:
    id: str
    subject: str
    property: str
    object: str | None
    value: Value | None
    qualifiers: tuple[tuple[str, str], ...]
    evidence: tuple[Evidence, ...]
    path: str = ""
    line: int | None = None


@dataclass(frozen=True)
class FactsFile:
    """One facts file as checked: what it declares and states, and what of the rest of
    the corpus its checks read, so that a later build can take it as it is while its
    bytes and what it read are unchanged (see :func:`load_corpus`)."""

    #: Where it is, relative to the project (as messages show it), and the SHA-256 of
    #: its bytes.
    path: str
    digest: str
    entities: tuple[Entity, ...]
    statements: tuple[Statement, ...]
    #: Entity id -> (type, name) of every entity its statements refer to.
    uses: tuple[tuple[str, str, str], ...]
    #: Article id -> SHA-256 of the text of every article its evidence quotes.
    quotes: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Mentions:
    """What :meth:`Corpus.mentions` found, and from what: each name with the ids of
    the entities it names, and each article's text digest (SHA-256)."""

    names: dict[str, set[str]]
    texts: dict[str, str]
    found: dict[str, set[str]]


@dataclass
class Corpus:
    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    #: Each facts file as checked, in the order read (see :class:`FactsFile`).
    files: list[FactsFile] = field(default_factory=list, repr=False, compare=False)
    _by_id: dict[str, Statement] = field(default_factory=dict, repr=False, compare=False)
    #: What the last call of :meth:`mentions` found, for a later corpus to start from.
    mentions_found: Mentions | None = field(default=None, repr=False, compare=False)

    def statement(self, statement_id: str) -> Statement | None:
        """The statement with this id, or None (an index built on first use)."""
        if len(self._by_id) != len(self.statements):
            self._by_id = {st.id: st for st in self.statements}
        return self._by_id.get(statement_id)

    def mentions(self, earlier: Mentions | None = None) -> dict[str, set[str]]:
        """Article id -> ids of the entities whose name or an alias occurs in its text
        (as whole words: not preceded or followed by a word character).

        The scan is leftmost-longest and non-overlapping, like a regex alternation of
        every name, longest first; but instead of trying every name at every position
        (slow with thousands of names), it looks names up by their first characters at
        each position where a name may start.

        With ``earlier`` (the :attr:`mentions_found` of an earlier corpus), an article
        whose text is unchanged and in which no name whose entities changed occurs
        keeps its earlier mentions: the scan would find the same."""
        by_name: dict[str, set[str]] = {}
        for entity in self.entities.values():
            for name in (entity.name, *entity.aliases):
                by_name.setdefault(name, set()).add(entity.id)
        texts = {a.id: hashlib.sha256(a.text.encode()).hexdigest()
                 for a in self.articles.values()}
        found: dict[str, set[str]] = {a: set() for a in self.articles}
        todo = list(self.articles.values())
        if earlier is not None:
            changed = [n for n in by_name.keys() | earlier.names.keys()
                       if by_name.get(n) != earlier.names.get(n)]
            if len(changed) <= _CHANGED_NAMES:
                todo = [a for a in todo if earlier.texts.get(a.id) != texts[a.id]
                        or any(n in a.text for n in changed)]
                for article in self.articles.values():
                    if article.id in earlier.found:
                        found[article.id] = set(earlier.found[article.id])
        self.mentions_found = Mentions(by_name, texts, found)
        if by_name and todo:
            self._scan(by_name, todo, found)
        return found

    def _scan(self, by_name: dict[str, set[str]], articles: list[Article],
              found: dict[str, set[str]]) -> None:
        groups: dict[str, list[str]] = {}
        for name in sorted(by_name, key=lambda n: (-len(n), n)):
            groups.setdefault(name[:_KEY], []).append(name)
        by_key: dict[str, tuple[list[str], dict[str, list[str]]]] = {}
        for key, group in groups.items():
            if len(group) <= _CROWDED:
                by_key[key] = (group, {})
                continue
            sub: dict[str, list[str]] = {}
            for name in group:
                if len(name) >= _SUBKEY:
                    sub.setdefault(name[:_SUBKEY], []).append(name)
            by_key[key] = ([n for n in group if len(n) < _SUBKEY], sub)
        key_lengths = sorted({len(k) for k in by_key}, reverse=True)
        for article in articles:
            found[article.id] = hits = set()
            text, end = article.text, 0
            for start in (m.start() for m in _NAME_START.finditer(text)):
                if start < end:
                    continue
                match = _longest_name(text, start, by_key, key_lengths)
                if match is not None:
                    hits |= by_name[match]
                    end = start + len(match)


#: Above this many names whose entities changed, every article is scanned again.
_CHANGED_NAMES = 500
#: Characters of a name used to look it up; a position where a name may start.
_KEY = 3
#: Names sharing their first _KEY characters beyond this many are grouped again by
#: their first _SUBKEY characters.
_CROWDED = 8
_SUBKEY = 10
_NAME_START = re.compile(r"(?<!\w)\S")
_WORD_CHAR = re.compile(r"\w")


def _longest_name(text: str, start: int,
                  by_key: dict[str, tuple[list[str], dict[str, list[str]]]],
                  key_lengths: list[int]) -> str | None:
    """The longest name occurring at ``start`` and not followed by a word character."""
    best: str | None = None
    for k in key_lengths:
        entry = by_key.get(text[start:start + k])
        if entry is None:
            continue
        short, sub = entry
        for names in (sub.get(text[start:start + _SUBKEY], ()) if sub else (), short):
            for name in names:
                if best is not None and len(name) <= len(best):
                    break
                if text.startswith(name, start) and not _WORD_CHAR.match(text,
                                                                         start + len(name)):
                    best = name
                    break
    return best

class _Collector:
    """Gathers problems so one run reports all of them, not just the first."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self._shown: dict[Path, str] = {}

    def rel(self, path: Path) -> str:
        """``path`` relative to the project, as messages show it (cached per file)."""
        shown = self._shown.get(path)
        if shown is None:
            shown = self._shown[path] = relpath(path, self.root)
        return shown

    def add(self, path: Path | str, line: int | None, message: str) -> None:
        where = relpath(path, self.root) if isinstance(path, Path) else path
        self.problems.append(Problem(where, line, message))


def _suggest(word: Any, choices: Any) -> str:
    if not isinstance(word, str) or len(word) > 200:
        return ""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


def _read_text(path: Path, what: str, out: _Collector) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        out.add(path, None, f"cannot read {what}: {exc.strerror}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        out.add(path, line, f"{what} is not UTF-8 text (byte 0x{data[exc.start]:02x} at "
                            f"offset {exc.start}); save it as UTF-8")
        return None
    if not text.strip():
        out.add(path, None, f"{what} is empty")
        return None
    return text


def _load_documents(paths: list[Path], what: str, out: _Collector
                    ) -> Iterator[tuple[Path, dict[str, Any] | None]]:
    """Each YAML mapping file of ``paths`` with its parsed contents, in order (None where
    it could not be read or parsed: the problem is reported); a large batch is parsed
    partly in a second process (see :func:`heroes_kg.corpus._yaml.load_many`)."""
    unread: dict[Path, list[Problem]] = {}  # reported in file order, below
    texts: dict[Path, str] = {}
    for path in paths:
        scratch = _Collector(out.root)
        text = _read_text(path, what, scratch)
        if text is None:
            unread[path] = scratch.problems
        else:
            texts[path] = text
    parsed = dict(zip(texts, load_many(list(texts.values()))))
    del texts
    for path in paths:
        if path in unread:
            out.problems.extend(unread[path])
            yield path, None
        else:
            yield path, _document(path, what, parsed.pop(path), out)


def _document(path: Path, what: str, data: Any, out: _Collector) -> dict[str, Any] | None:
    if isinstance(data, YamlError):
        out.add(path, data.line, f"{data.message}; fix the YAML syntax")
        return None
    if not isinstance(data, dict):
        out.add(path, 1, f"{what} must be a YAML mapping (key: value lines), "
                         f"not {_kind(data)}")
        return None
    return data


def _a(type_name: str) -> str:
    """A type name with its indefinite article: "an Award", "a Person"."""
    return ("an " if type_name[:1] in "AEIOU" else "a ") + type_name


def _brief(value: Any) -> str:
    """A short, safe rendering of a value from the input for a message."""
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:59] + "…")
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    return _kind(value)


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {value!r}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if value is None:
        return "empty"
    if isinstance(value, str):
        return f"the text {_brief(value)}"
    return f"a {type(value).__name__}"


def _load_articles(project: Project, out: _Collector, corpus: Corpus) -> None:
    folder = project.articles_dir
    if not folder.is_dir():
        out.add(folder, None, "articles folder is missing; create seeds/articles/")
        return
    records = sorted(folder.glob("*.yaml"))
    described: set[str] = set()
    for path, data in _load_documents(records, "article metadata", out):
        if data is None:
            continue
        line = line_of(data)
        unknown = set(data) - {"id", "file", "title", "date", "publisher", "url",
                               "title_is_editorial"}
        for key in sorted(unknown, key=str):
            out.add(path, line, f"unknown key {_brief(key)} in article metadata "
                                "(known: id, file, title, date, publisher, url, "
                                "title_is_editorial)")
        ok = True
        for key in ("id", "file", "title"):
            if not isinstance(data.get(key), str) or not data[key].strip():
                out.add(path, line, f"article metadata needs {_brief(key)} (text)")
                ok = False
        if not ok:
            continue
        article_id = data["id"]
        if not _ID.match(article_id):
            out.add(path, line, f"article id {_brief(article_id)} must be lowercase words "
                                "joined by '-' (e.g. sequel-confirmed)")
            continue
        if article_id in corpus.articles:
            first = corpus.articles[article_id]
            out.add(path, line, f"duplicate article id {_brief(article_id)} "
                                f"(first defined in {first.path}:{first.line})")
            continue
        date = data.get("date")
        if date is not None and (not isinstance(date, str) or not _valid_date(date)):
            out.add(path, line, f"malformed date {_brief(date)}; write it as YYYY-MM-DD")
            continue
        publisher = data.get("publisher")
        if publisher is not None and (not isinstance(publisher, str) or not publisher):
            out.add(path, key_line(data, "publisher"),
                    f"publisher must be one Organization entity id (text), not "
                    f"{_kind(publisher)}")
            publisher = None  # reported: the rest of the record is still checked
        url = data.get("url")
        if url is not None and not is_absolute_iri(url):
            out.add(path, key_line(data, "url"), f"url {_brief(url)} is not an absolute "
                                                 "IRI; write it as https://… with no spaces")
            url = None  # reported: the rest of the record is still checked
        text_path = folder / data["file"]
        if text_path.parent != folder:
            out.add(path, line, f"file {data['file']!r} must name a file in seeds/articles/")
            continue
        described.add(data["file"])
        if not text_path.is_file():
            out.add(path, line, f"article text {data['file']!r} does not exist in "
                                f"{relpath(folder, out.root)}/")
            continue
        text = _read_text(text_path, "article text", out)
        if text is None:
            continue
        corpus.articles[article_id] = Article(
            id=article_id, title=data["title"].strip(), file=data["file"], text=text,
            date=None if date is None else str(date),
            publisher=publisher, url=url,
            title_is_editorial=bool(data.get("title_is_editorial", False)),
            path=relpath(path, out.root), line=line)
    for text_path in sorted(folder.glob("*.txt")):
        if text_path.name not in described:
            out.add(text_path, None, "article text has no metadata record; add "
                                     f"{text_path.stem}.yaml with id, file and title")


def _valid_date(text: str) -> bool:
    if not _DATE.match(text):
        return False
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


_STATEMENT_KEYS = {"subject", "property", "object", "value", "evidence", *_vocab.QUALIFIERS}


def _facts_files(project: Project, out: _Collector) -> list[Path]:
    folder = project.facts_dir
    if not folder.is_dir():
        out.add(folder, None, "facts folder is missing; create seeds/facts/")
        return []
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        out.add(folder, None, "no facts files (*.yaml) in seeds/facts/")
    return files


def _load_facts(project: Project, out: _Collector, corpus: Corpus
                ) -> list[tuple[Path, dict[str, Any]]]:
    raw: list[tuple[Path, dict[str, Any]]] = []
    for path, data in _load_documents(_facts_files(project, out), "facts file", out):
        if data is not None:
            _facts_document(path, data, out, corpus, raw)
    return raw


def _facts_document(path: Path, data: dict[str, Any], out: _Collector, corpus: Corpus,
                    raw: list[tuple[Path, dict[str, Any]]], *, entities: bool = True) -> None:
    """Check the structure of one parsed facts file, declare its entities (unless
    ``entities`` is false) and append its statements to ``raw``, unchecked."""
    if "candidates" in data:
        # Suggested facts are never part of the graph until a curator accepts them.
        out.add(path, line_of(data), "this is a candidates file from 'heroes-kg suggest', "
                                  "not curated facts; move it out of seeds/facts/, "
                                  "review it and run 'heroes-kg accept FILE'")
        return
    for key in sorted(set(data) - {"entities", "statements"}, key=str):
        out.add(path, line_of(data), f"unknown top-level key {_brief(key)}; a facts file has "
                                  "'entities:' and 'statements:'")
    for section in ("entities", "statements"):
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            out.add(path, line_of(data), f"'{section}:' must be a list of mappings "
                                      f"('- key: value' items), not {_kind(items)}")
            continue
        lines = item_lines(items)
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                line = lines[index] if lines else key_line(data, section)
                out.add(path, line, f"each item of '{section}:' must be a mapping, "
                                    f"not {_kind(item)}")
            elif section == "entities":
                if entities:
                    _add_entity(path, item, out, corpus)
            else:
                raw.append((path, item))


def _add_entity(path: Path, item: dict[str, Any], out: _Collector, corpus: Corpus) -> None:
    line = line_of(item)
    for key in sorted(set(item) - {"id", "type", "name", "aliases"}, key=str):
        out.add(path, line, f"unknown key {_brief(key)} in entity (known: id, type, name, aliases)")
    entity_id, type_, name = item.get("id"), item.get("type"), item.get("name")
    if not isinstance(entity_id, str) or not _ID.match(entity_id):
        out.add(path, line, f"entity id {_brief(entity_id)} must be lowercase words joined by '-' "
                            "(e.g. pedro-pascal)")
        return
    if entity_id in corpus.entities:
        first = corpus.entities[entity_id]
        out.add(path, line, f"duplicate entity id {_brief(entity_id)} (first defined in "
                            f"{first.path}:{first.line}); give each entity one id")
        return
    if not isinstance(type_, str) or type_ not in _vocab.CLASSES:
        out.add(path, line, f"unknown entity type {_brief(type_)} for {_brief(entity_id)}"
                            f"{_suggest(type_, _vocab.CLASSES)}; known types: "
                            f"{', '.join(sorted(_vocab.CLASSES))}")
        return
    if not isinstance(name, str) or not name.strip():
        out.add(path, line, f"entity {_brief(entity_id)} needs a 'name' (text)")
        return
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip()
                                                for a in aliases):
        out.add(path, line, f"'aliases' of {_brief(entity_id)} must be a list of names")
        return
    corpus.entities[entity_id] = Entity(entity_id, type_, name.strip(),
                                        tuple(a.strip() for a in aliases),
                                        out.rel(path), line)


def _coerce(prop: _vocab.Property, raw: Any) -> Value | str:
    """The typed value of ``raw`` for ``prop``, or a message saying what is wrong."""
    types = prop.datatype
    if isinstance(raw, (dict, list)) or raw is None:
        return f"value of {prop.name!r} must be {_expected(types)}, not {_kind(raw)}"
    if "boolean" in types:
        if isinstance(raw, bool):
            return Value("true" if raw else "false", "boolean")
        return f"value of {prop.name!r} must be true or false, not {_kind(raw)}"
    if "integer" in types:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return Value(str(raw), "integer")
        if isinstance(raw, str) and _INT.match(raw.strip()):
            return Value(str(int(raw)), "integer")
        return (f"malformed number {_brief(raw)} for {prop.name!r}; write digits only "
                "(44000000, not '44 million')")
    text = str(raw) if isinstance(raw, (str, int)) and not isinstance(raw, bool) else None
    if "date" in types or "gYear" in types:
        if text is not None and "date" in types and _DATE.match(text):
            if _valid_date(text):
                return Value(text, "date")
            return f"malformed date {text!r} for {prop.name!r}: no such day"
        if text is not None and "gYearMonth" in types and _YEAR_MONTH.match(text):
            return Value(text, "gYearMonth")
        if text is not None and "gYear" in types and _YEAR.match(text):
            return Value(text, "gYear")
        return f"malformed date {_brief(raw)} for {prop.name!r}; write it as {_expected(types)}"
    if isinstance(raw, str) and raw.strip():
        return Value(raw, "string")
    return f"value of {prop.name!r} must be non-empty text, not {_kind(raw)}"


def _expected(types: tuple[str, ...]) -> str:
    words = {"date": "a date YYYY-MM-DD", "gYearMonth": "a month YYYY-MM",
             "gYear": "a year YYYY", "integer": "a whole number",
             "boolean": "true or false", "string": "text"}
    return " or ".join(words[t] for t in types)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > 40 or not slug or slug != text:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug[:40].strip('-')}-{digest}".strip("-")
    return slug


def _locate(article: Article, quote: str, occurrence: int | None) -> tuple[int, int] | str:
    """Character offsets of ``quote`` in the article, or a message saying why not."""
    text = article.text
    starts: list[int] = []
    pos = text.find(quote)
    while pos != -1:
        starts.append(pos)
        pos = text.find(quote, pos + 1)
    if starts:
        if occurrence is None:
            if len(starts) > 1:
                return (f"quote occurs {len(starts)} times in article {article.id!r}; "
                        "lengthen it until it is unique, or add 'occurrence: N'")
            return starts[0], starts[0] + len(quote)
        if 1 <= occurrence <= len(starts):
            start = starts[occurrence - 1]
            return start, start + len(quote)
        return (f"occurrence {occurrence} asked for, but the quote occurs {len(starts)} "
                f"time(s) in article {article.id!r}")
    return (f"quote not found in article {article.id!r} ({article.file}): "
            f"{_clip(quote)}; closest passage: {_clip(_closest(text, quote))}"
            f"{_hint(text, quote)}; copy the quote exactly from the article")


def _clip(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'


def _closest(text: str, quote: str) -> str:
    """The passage of ``text``, as long as ``quote``, that best matches it."""
    n = len(quote)
    if n >= len(text):
        return text
    step = max(1, n // 8)
    best, best_start = -1.0, 0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    for start in range(0, len(text) - n + 1, step):
        matcher.set_seq1(text[start:start + n])
        if matcher.real_quick_ratio() <= best or matcher.quick_ratio() <= best:
            continue
        score = matcher.ratio()
        if score > best:
            best, best_start = score, start
    lo, hi = max(0, best_start - step), min(len(text) - n, best_start + step)
    for start in range(lo, hi + 1):
        matcher.set_seq1(text[start:start + n])
        score = matcher.ratio()
        if score > best:
            best, best_start = score, start
    # Trim the window to the part that actually matches, then widen it to whole words.
    lo = max(0, best_start - n // 4)
    window = text[lo:best_start + n + n // 4]
    matcher = difflib.SequenceMatcher(None, window, quote, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
    if not blocks:
        return text[best_start:best_start + n]
    start, end = lo + blocks[0].a, lo + blocks[-1].a + blocks[-1].size
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "…": "...",
                             "–": "-", "—": "-", "\u00a0": " "})


def _normal(text: str) -> str:
    return " ".join(text.translate(_TYPOGRAPHY).split())


def _hint(text: str, quote: str) -> str:
    if _normal(quote) in _normal(text):
        return " (it differs only in quotation marks, dashes or spacing)"
    if quote.lower() in text.lower():
        return " (it differs only in upper/lower case)"
    return ""


def _check_statement(path: Path, item: dict[str, Any], out: _Collector,
                     corpus: Corpus) -> Statement | None:
    line = line_of(item)
    problems_before = len(out.problems)
    for key in sorted(set(item) - _STATEMENT_KEYS, key=str):
        out.add(path, line, f"unknown key {_brief(key)} in statement (known: subject, property, "
                            f"object, value, {', '.join(_vocab.QUALIFIERS)}, evidence)")
    subject, prop_name = item.get("subject"), item.get("property")

    def at(key: str) -> int | None:
        return key_line(item, key)

    if not isinstance(prop_name, str) or prop_name not in _vocab.PROPERTIES:
        out.add(path, at("property"), f"unknown property {_brief(prop_name)}"
                                      f"{_suggest(prop_name, _vocab.PROPERTIES)}; "
                                      "use one of the properties listed in docs/curation.md")
        return None
    prop = _vocab.PROPERTIES[prop_name]
    entity = corpus.entities.get(subject) if isinstance(subject, str) else None
    if entity is None:
        out.add(path, at("subject"), f"unknown entity id {_brief(subject)} in 'subject'"
                                     f"{_suggest(subject, corpus.entities)}; declare it under "
                                     "'entities:' or fix the id")
    elif not any(_vocab.is_subtype(entity.type, d) for d in prop.domain):
        out.add(path, at("subject"), f"{_brief(prop_name)} does not apply to {_brief(subject)}, "
                                     f"{_a(entity.type)}; its subject must be "
                                     f"{_a(' or '.join(prop.domain))}")
    obj: str | None = None
    value: Value | None = None
    if prop.is_literal:
        if "object" in item:
            out.add(path, at("object"), f"{_brief(prop_name)} takes a 'value' "
                                        f"({_expected(prop.datatype)}), not an 'object'")
        elif "value" not in item:
            out.add(path, line, f"statement needs a 'value' ({_expected(prop.datatype)})")
        else:
            coerced = _coerce(prop, item["value"])
            if isinstance(coerced, str):
                out.add(path, at("value"), coerced)
            else:
                value = coerced
    elif "value" in item:
        out.add(path, at("value"), f"{_brief(prop_name)} links to an entity: write 'object: "
                                   f"<entity id>' (a {' or '.join(prop.range)}), not a 'value'")
    elif "object" not in item:
        out.add(path, line, f"statement needs an 'object' (the id of a "
                            f"{' or '.join(prop.range)})")
    else:
        obj = _check_ref(path, at("object"), "object", item["object"], prop.range, out, corpus,
                         prop_name)
    qualifiers: list[tuple[str, str]] = []
    for key, (_iri, allowed) in _vocab.QUALIFIERS.items():
        if key not in item:
            if key in prop.requires:
                out.add(path, line, f"{_brief(prop_name)} needs '{key}: <entity id>' (a "
                                    f"{' or '.join(allowed)})")
            continue
        if key not in prop.requires and key not in prop.allows:
            out.add(path, key_line(item, key), f"'{key}:' does not apply to {_brief(prop_name)}")
            continue
        ref = _check_ref(path, key_line(item, key), key, item[key], allowed, out, corpus, prop_name)
        if ref is not None:
            qualifiers.append((key, ref))
    evidence = _check_evidence(path, line, item.get("evidence"), out, corpus)
    if len(out.problems) > problems_before or entity is None:
        return None
    target = obj if obj is not None else value.lexical if value is not None else ""
    sid = "--".join([entity.id, prop_name, obj or _slug(target),
                     *(f"{k}-{v}" for k, v in qualifiers)])
    return Statement(sid, entity.id, prop_name, obj, value, tuple(qualifiers),
                     tuple(evidence), out.rel(path), line)


def _check_ref(path: Path, line: int | None, key: str, ref: Any, allowed: tuple[str, ...],
               out: _Collector, corpus: Corpus, prop_name: str) -> str | None:
    target = corpus.entities.get(ref) if isinstance(ref, str) else None
    if target is None:
        if isinstance(ref, str):
            out.add(path, line, f"unknown entity id {_brief(ref)} in '{key}'"
                                f"{_suggest(ref, corpus.entities)}; declare it under "
                                "'entities:' or fix the id")
        else:
            out.add(path, line, f"'{key}' of {_brief(prop_name)} must be an entity id "
                                f"({_a(' or '.join(allowed))}), not {_kind(ref)}")
        return None
    if not any(_vocab.is_subtype(target.type, t) for t in allowed):
        out.add(path, line, f"'{key}' of {_brief(prop_name)} must be "
                            f"{_a(' or '.join(allowed))}, but {_brief(ref)} is "
                            f"{_a(target.type)}")
        return None
    return target.id


def _check_evidence(path: Path, line: int | None, raw: Any, out: _Collector,
                    corpus: Corpus) -> list[Evidence]:
    if raw is None:
        out.add(path, line, "statement has no evidence; add 'evidence:' with an article id "
                            "and a verbatim quote")
        return []
    items = [raw] if isinstance(raw, dict) else raw
    if not isinstance(items, list) or not items:
        out.add(path, line, "'evidence' must be a list of {article, quote} mappings")
        return []
    found: list[Evidence] = []
    for item in items:
        if not isinstance(item, dict):
            out.add(path, line, f"each evidence item must be a mapping with 'article' and "
                                f"'quote', not {_kind(item)}")
            continue
        eline = line_of(item, line)
        for key in sorted(set(item) - {"article", "quote", "occurrence"}, key=str):
            out.add(path, eline, f"unknown key {_brief(key)} in evidence (known: article, quote, "
                                 "occurrence)")
        article_id, quote = item.get("article"), item.get("quote")
        aline, qline = key_line(item, "article") or eline, key_line(item, "quote") or eline
        article = corpus.articles.get(article_id) if isinstance(article_id, str) else None
        if article is None:
            out.add(path, aline, f"evidence names unknown article {_brief(article_id)}"
                                 f"{_suggest(article_id, corpus.articles)}; known "
                                 f"articles: {', '.join(sorted(corpus.articles)) or 'none'}")
            continue
        if not isinstance(quote, str) or not quote.strip():
            out.add(path, qline, "evidence needs a 'quote': the verbatim text from the article")
            continue
        occurrence = item.get("occurrence")
        if occurrence is not None and (not isinstance(occurrence, int)
                                       or isinstance(occurrence, bool) or occurrence < 1):
            out.add(path, eline, "'occurrence' must be a whole number from 1")
            continue
        located = _locate(article, quote, occurrence)
        if isinstance(located, str):
            out.add(path, qline, located)
            continue
        found.append(Evidence(article.id, quote, located[0], located[1],
                              out.rel(path), qline))
    return found


#: A lookup of a facts file checked by an earlier build: (path as shown, SHA-256 of its
#: bytes) -> that file's :class:`FactsFile`, or None.
Reuse = Callable[[str, str], "FactsFile | None"]


def load_corpus(project: Project, reuse: Reuse | None = None) -> Corpus:
    """Read and check the articles and curated facts of ``project``.

    With ``reuse``, a facts file whose bytes an earlier build checked is not parsed nor
    checked again when every entity and article its checks read is as it was then
    (entity references are still checked against the whole corpus); the result is the
    corpus a load without ``reuse`` gives. Any problem makes it load everything again
    without ``reuse``, so errors are reported exactly as a full load reports them."""
    with paused_gc():
        if reuse is not None:
            corpus = _load_corpus_reusing(project, reuse)
            if corpus is not None:
                return corpus
        corpus = _load_corpus(project)
        corpus.files = _checked_files(project, corpus, {})
        return corpus


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: loading makes millions of objects and no
    cycles, and each full collection walks every live object, which makes loading a
    large corpus quadratic (measured: 7.9 s instead of 3.4 s at a million triples)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_corpus(project: Project) -> Corpus:
    out = _Collector(project.root)
    corpus = Corpus()
    _load_articles(project, out, corpus)
    raw = _load_facts(project, out, corpus)
    if out.problems:
        # A file that could not be read would make every reference into it look
        # unknown: report the file-level problems alone.
        raise CurationError(out.problems)
    for article in corpus.articles.values():
        if article.publisher is not None:
            publisher = corpus.entities.get(article.publisher)
            if publisher is None or not _vocab.is_subtype(publisher.type, "Organization"):
                out.add(article.path, article.line,
                        f"publisher {_brief(article.publisher)} is not an Organization entity"
                        f"{_suggest(article.publisher, corpus.entities)}")
    seen: dict[str, Statement] = {}
    # Consumed in order and dropped as they are checked, so the parsed YAML and the
    # checked statements are not both held in full.
    raw.reverse()
    while raw:
        path, item = raw.pop()
        statement = _check_statement(path, item, out, corpus)
        if statement is None:
            continue
        first = seen.get(statement.id)
        if first is not None:
            out.add(path, statement.line, f"duplicate statement (same as {first.path}:"
                                          f"{first.line}); merge their evidence into one")
            continue
        seen[statement.id] = statement
        corpus.statements.append(statement)
    if out.problems:
        raise CurationError(out.problems)
    return corpus


def _text_digests(corpus: Corpus) -> Callable[[str], str | None]:
    """Article id -> SHA-256 of its text (each computed once), or None if unknown."""
    known: dict[str, str] = {}

    def digest(article_id: str) -> str | None:
        found = known.get(article_id)
        if found is None:
            article = corpus.articles.get(article_id)
            if article is None:
                return None
            found = known[article_id] = hashlib.sha256(article.text.encode()).hexdigest()
        return found

    return digest


def _checked_files(project: Project, corpus: Corpus, digests: dict[str, str],
                   reused: dict[str, FactsFile] | None = None) -> list[FactsFile]:
    """Each facts file of the (checked) corpus, in order, as a :class:`FactsFile`; the
    ``reused`` ones as they are. ``digests`` gives the files' SHA-256 where known."""
    entities: dict[str, list[Entity]] = {}
    statements: dict[str, list[Statement]] = {}
    for entity in corpus.entities.values():
        entities.setdefault(entity.path, []).append(entity)
    for statement in corpus.statements:
        statements.setdefault(statement.path, []).append(statement)
    text_digest = _text_digests(corpus)
    out = _Collector(project.root)
    files: list[FactsFile] = []
    for path in _facts_files(project, out):
        shown = out.rel(path)
        if reused and shown in reused:
            files.append(reused[shown])
            continue
        digest = digests.get(shown) or hashlib.sha256(path.read_bytes()).hexdigest()
        mine = statements.get(shown, [])
        ids = sorted({ref for st in mine
                      for ref in (st.subject, st.object, *(v for _, v in st.qualifiers))
                      if ref is not None})
        uses = tuple((i, corpus.entities[i].type, corpus.entities[i].name) for i in ids)
        quoted = sorted({ev.article for st in mine for ev in st.evidence})
        quotes = tuple((a, text_digest(a) or "") for a in quoted)
        files.append(FactsFile(shown, digest, tuple(entities.get(shown, ())), tuple(mine),
                               uses, quotes))
    return files


def _load_corpus_reusing(project: Project, reuse: Reuse) -> Corpus | None:
    """:func:`_load_corpus` taking what it can from ``reuse``; None on any problem (the
    caller then loads everything again, which reports it)."""
    out = _Collector(project.root)
    corpus = Corpus()
    _load_articles(project, out, corpus)
    files = _facts_files(project, out)
    if out.problems:
        return None
    reused: dict[str, FactsFile] = {}
    fresh: list[Path] = []
    digests: dict[str, str] = {}
    for path in files:
        shown = out.rel(path)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        digests[shown] = digest
        earlier = reuse(shown, digest)
        if earlier is None:
            fresh.append(path)
        else:
            reused[shown] = earlier
    parsed = dict(_load_documents(fresh, "facts file", out))
    raw: list[tuple[Path, dict[str, Any]]] = []
    order: list[tuple[str, Path]] = []
    for path in files:  # entities in the order a full load declares them
        shown = out.rel(path)
        if shown in reused:
            for entity in reused[shown].entities:
                if entity.id in corpus.entities:
                    return None
                corpus.entities[entity.id] = entity
            order.append((shown, path))
            continue
        data = parsed.get(path)
        if data is None:
            return None
        _facts_document(path, data, out, corpus, raw)
        order.append((shown, path))
    if out.problems:
        return None
    text_digest = _text_digests(corpus)
    for shown, earlier in list(reused.items()):
        entities = corpus.entities
        if all((e := entities.get(i)) is not None and e.type == t and e.name == n
               for i, t, n in earlier.uses) and all(text_digest(a) == d
                                                    for a, d in earlier.quotes):
            continue
        # What its checks read changed: check its statements again.
        del reused[shown]
        path = next(p for s, p in order if s == shown)
        document = next(iter(_load_documents([path], "facts file", out)))[1]
        if document is None:
            return None
        _facts_document(path, document, out, corpus, raw, entities=False)
    for article in corpus.articles.values():
        if article.publisher is not None:
            publisher = corpus.entities.get(article.publisher)
            if publisher is None or not _vocab.is_subtype(publisher.type, "Organization"):
                return None
    checked: dict[str, list[Statement]] = {}
    for path, item in raw:
        statement = _check_statement(path, item, out, corpus)
        if statement is None:
            return None
        checked.setdefault(statement.path, []).append(statement)
    seen: set[str] = set()
    for shown, _path in order:
        statements = reused[shown].statements if shown in reused else checked.get(shown, ())
        for statement in statements:
            if statement.id in seen:
                return None
            seen.add(statement.id)
            corpus.statements.append(statement)
    if out.problems:
        return None
    corpus.files = _checked_files(project, corpus, digests, reused)
    return corpus
