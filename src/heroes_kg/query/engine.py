"""Query: SPARQL over the built graph, inline, from a file or by name from queries/.

The front door is :func:`run_query` (:meth:`KnowledgeGraph.query` delegates to it). Queries
see the union of the facts and provenance graphs; with ``infer=True`` they see the
RDFS/OWL-RL closure of facts, provenance and ontology instead. Results are materialised
within the time limit and returned as a :class:`QueryResult`: rows of plain Python values,
and serializations in the W3C SPARQL result formats or as RDF.

Only pyoxigraph is imported here; rdflib and owlrl are loaded for ``infer=True`` alone.
"""

from __future__ import annotations

import datetime as _dt
import queue
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from .. import vocab
from ..errors import HeroesKGError, QueryError, QueryTimeout, relpath
from ..rdf.store import Graph, open_store, read_state
from ..vocab import Names, prefixes
from ._patterns import Pattern, read_patterns
from ._stream import GRAPH_FORMATS, RESULT_FORMATS, Lost, Output
from ._table import MAX_WIDTH, cell, render
from .guard import balanced, check_query, check_timeout

if TYPE_CHECKING:
    from ..project import Project

__all__ = [
    "GRAPH_FORMATS",
    "INLINE_LABEL",
    "RESULT_FORMATS",
    "KnowledgeGraph",
    "NamedQuery",
    "QueryResult",
    "QueryTimeout",
    "Term",
    "bind_query",
    "for_base",
    "list_queries",
    "named_query",
    "open_current",
    "prefixes",
    "resolve_query",
    "run_query",
    "to_python",
]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_PREFIXED_FORMATS = {"turtle", "trig", "rdfxml", "jsonld"}

_UPDATE_KEYWORDS = vocab.SPARQL_UPDATE_KEYWORDS
_QUERY_KEYWORDS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}
_NAME = r"^[a-z0-9][a-z0-9_-]*$"
#: How messages name a query given as SPARQL text rather than a file or a name.
INLINE_LABEL = "the query"
#: A one-line query argument ending in one of these is the path of a query file.
_FILE_SUFFIXES = (".rq", ".sparql")
_XSD = vocab.XSD
_INTEGER_TYPES = {_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
#: (Characters from U+00C0 to U+FFFF as a negated class: Python compiles the range
#: itself in 10 ms, at every start.)
_TOKEN = r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$](?:[A-Za-z0-9_\u00b7]|[^\x00-\xbf\U00010000-\U0010ffff])+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_.\-]*(?::[^\s{}()\[\];,]*)?)
  | (?P<brace>\{)
  | (?P<other>\S)
"""


#: The terms a query's class or property names are compared with, for warnings.
_VOCABULARY = [
    *(t.iri for t in vocab.CLASSES.values()), *(p.iri for p in vocab.PROPERTIES.values()),
    *(iri for iri, _ in vocab.QUALIFIERS.values()),
    *(vocab.SCHEMA + t for t in ("name", "alternateName", "headline", "mentions", "actor",
                                 "characterName", "PerformanceRole", "url")),
    vocab.HEROES + "character", vocab.HEROES + "fileName",
    *(vocab.PROV + t for t in ("wasDerivedFrom", "Entity")),
    *(vocab.OA + t for t in ("hasSource", "hasSelector", "exact", "prefix", "suffix", "start",
                             "end", "TextQuoteSelector", "TextPositionSelector",
                             "SpecificResource")),
]


# --- Named queries ---------------------------------------------------------------------

@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    question: str
    text: str


def _question(text: str) -> str:
    """The first paragraph of the query's header comment."""
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        if not body:
            if lines:
                break
            continue
        lines.append(body)
    return " ".join(lines)


def read_query_file(path: Path, shown: str | None = None) -> str:
    """The text of the query file ``path``, or one clear error (missing, unreadable, not
    UTF-8)."""
    shown = shown or str(path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"query file {shown} is not UTF-8 text (byte "
                            f"0x{exc.object[exc.start]:02x} at offset {exc.start}); save "
                            "it as UTF-8") from None
    except OSError as exc:
        raise QueryError(f"cannot read query file {shown}: "
                            f"{exc.strerror or exc}") from None


def list_queries(project: Project) -> list[NamedQuery]:
    """The named queries in the project's queries/ folder, by name."""
    folder = project.queries_dir
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.rq")):
        text = read_query_file(path, relpath(path, project.root))
        found.append(NamedQuery(path.stem, path, _question(text), text))
    return found


def named_query(project: Project, name: str) -> NamedQuery | None:
    """The query in queries/NAME.rq, or None when there is none."""
    path = project.queries_dir / f"{name}.rq"
    if not path.is_file():
        return None
    text = read_query_file(path, relpath(path, project.root))
    return NamedQuery(name, path, _question(text), text)


def _named(project: Project, name: str) -> NamedQuery:
    found = named_query(project, name)
    if found is not None:
        return found
    names = [q.name for q in list_queries(project)]
    import difflib  # for a name not found only

    close = difflib.get_close_matches(name, names, n=4, cutoff=0.5)
    close += [n for n in names if name in n and n not in close][:4 - len(close)]
    hint = (f"; did you mean {', '.join(close)}?" if close
            else "; 'heroes-kg queries' lists them")
    raise QueryError(f"no named query {name!r} in queries/{hint}")


def resolve_query(project: Project | None, query: str) -> tuple[str, str]:
    """``query`` as (SPARQL text, label for messages): a path ending in .rq or .sparql,
    a named query from queries/, or SPARQL itself.

    This is the one rule for every command that takes a query (``query``, ``viz``)."""
    stripped = query.strip()
    if stripped.endswith(_FILE_SUFFIXES) and "\n" not in stripped:
        path = Path(stripped)
        if not path.is_file():
            raise QueryError(f"no query file {stripped}")
        return read_query_file(path, stripped), stripped
    if re.match(_NAME, stripped):
        if project is None:
            raise QueryError(f"cannot look up named query {stripped!r}: the graph was "
                                "opened without a project")
        named = _named(project, stripped)
        return for_base(named.text, project.base_iri), relpath(named.path, project.root)
    return query, INLINE_LABEL


def for_base(text: str, base_iri: str) -> str:
    """A named query's text for a project whose base IRI is ``base_iri``.

    The files in queries/ are self-contained: they declare their prefixes, those under
    our resource paths (``res:``) with the default base IRI, so that they run unchanged
    on any SPARQL engine. A project built with another ``--base-iri`` gets its own.
    The ontology's namespace (``heroes:``) is the same for every project and stays."""
    from ..project import DEFAULT_BASE_IRI

    if base_iri == DEFAULT_BASE_IRI:
        return text
    fixed = ""
    if vocab.HEROES.startswith(DEFAULT_BASE_IRI):
        fixed = f"(?!{re.escape(vocab.HEROES[len(DEFAULT_BASE_IRI):])}>)"
    return re.sub(r"(?im)^(\s*PREFIX\s+[\w.-]*:\s*<)" + re.escape(DEFAULT_BASE_IRI) + fixed,
                  lambda m: m[1] + base_iri, text)


# --- Lexing just enough SPARQL ---------------------------------------------------------

@dataclass(frozen=True)
class _Shape:
    keyword: str
    variables: tuple[str, ...]
    where_brace: int | None
    short_construct: bool = False


def _shape(text: str) -> _Shape:
    """The query's form keyword, its variables, and where its WHERE group opens."""
    keyword = ""
    variables: list[str] = []
    where_brace: int | None = None
    seen_where = False
    short = False
    form_at: int | None = None
    braces_before_where = 0
    for match in re.finditer(_TOKEN, text, re.VERBOSE):
        kind = match.lastgroup
        token = match.group()
        if kind == "var":
            if token[1:] not in variables:
                variables.append(token[1:])
        elif kind == "word":
            upper = token.upper()
            if not keyword and upper in _QUERY_KEYWORDS | _UPDATE_KEYWORDS:
                keyword = upper
                form_at = match.start()
            elif upper == "WHERE" and not seen_where:
                seen_where = True
                short = keyword == "CONSTRUCT" and braces_before_where == 0
        if kind == "brace" and not seen_where:
            braces_before_where += 1
        if (kind == "brace" and where_brace is None and form_at is not None
              and (seen_where or keyword in ("SELECT", "ASK", "DESCRIBE"))):
            where_brace = match.start()
    return _Shape(keyword, tuple(variables), where_brace, short)


# --- Bindings --------------------------------------------------------------------------

#: A quoted literal, optionally with @lang or ^^datatype (an <IRI> or a prefixed name).
_LITERAL = (r'''^(?P<q>"|')(?P<body>.*)(?P=q)'''
            r'''(?:@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)'''
            r'''|\^\^(?P<dt><[^<>\s]+>|[A-Za-z][\w-]*:[\w.-]*))?$''')
_PREFIXED = r"^(?P<p>[A-Za-z][\w-]*|):(?P<local>[^\s]*)$"


def _expand(name: str, known: Mapping[str, str]) -> str | None:
    if name.startswith("<") and name.endswith(">"):
        return name[1:-1]
    match = re.match(_PREFIXED, name)
    if match and match["p"] in known:
        return known[match["p"]] + match["local"]
    return None


def _binding_term(kg: Graph, variable: str, value: Any,
                  known: Mapping[str, str]) -> Term:
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple)):
        return value
    if isinstance(value, bool):
        return ox.Literal(value)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(value)
    from decimal import Decimal  # for a question with bindings only

    if isinstance(value, Decimal):
        return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "decimal"))
    if isinstance(value, _dt.datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(_XSD + "dateTime"))
    if isinstance(value, _dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(_XSD + "date"))
    if not isinstance(value, str):
        raise QueryError(f"cannot bind ?{variable} to a {type(value).__name__}; give "
                            "an id, a name, an IRI, a literal or a number")
    text = value.strip()
    literal = re.match(_LITERAL, text, re.DOTALL)
    if literal:
        body = re.sub(r"\\(.)", r"\1", literal["body"])
        if literal["lang"]:
            return ox.Literal(body, language=literal["lang"])
        if literal["dt"]:
            datatype = _expand(literal["dt"], known)
            if datatype is None:
                raise QueryError(f"cannot bind ?{variable}: unknown datatype prefix in "
                                    f"{literal['dt']!r}")
            try:
                return ox.Literal(body, datatype=ox.NamedNode(datatype))
            except ValueError as exc:
                raise QueryError(f"cannot bind ?{variable}: {exc}") from None
        return ox.Literal(body)
    iri = _expand(text, known)
    if iri is None and re.match(r"^(https?|urn|mailto|file):\S+$", text):
        iri = text
    if iri is not None:
        try:
            return ox.NamedNode(iri)
        except ValueError as exc:
            raise QueryError(f"cannot bind ?{variable}: {exc}") from None
    if text in ("true", "false"):
        return ox.Literal(text == "true")
    if re.match(r"^[+-]?\d+$", text):
        return ox.Literal(text, datatype=ox.NamedNode(_XSD + "integer"))
    if re.match(r"^[+-]?\d*\.\d+$", text):
        return ox.Literal(text, datatype=ox.NamedNode(_XSD + "decimal"))
    if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        return ox.Literal(text, datatype=ox.NamedNode(_XSD + "date"))
    from ..rdf.read import find_entity  # for a binding that names an entity only

    try:
        return ox.NamedNode(find_entity(kg, text))
    except HeroesKGError as exc:
        raise QueryError(f"cannot bind ?{variable}: {exc.message} (for a text literal "
                            f"write it in quotes: {variable}='\"{text}\"')") from None


# --- Results ---------------------------------------------------------------------------

def to_python(term: Term | None) -> Any:
    """A plain Python value for an RDF term: IRIs as str, numbers as int/Decimal/float,
    xsd:date as datetime.date, xsd:dateTime as datetime, xsd:boolean as bool, text as
    str, blank nodes as '_:id', unbound as None."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    datatype = term.datatype.value
    lexical = term.value
    try:
        if datatype in _INTEGER_TYPES or datatype == _XSD + "gYear":
            return int(lexical)
        if datatype == _XSD + "decimal":
            from decimal import Decimal, InvalidOperation  # not on every question's path

            try:
                return Decimal(lexical)
            except InvalidOperation:
                return lexical
        if datatype in (_XSD + "double", _XSD + "float"):
            return float(lexical)
        if datatype == _XSD + "boolean":
            return lexical in ("true", "1")
        if datatype == _XSD + "date":
            return _dt.date.fromisoformat(lexical)
        if datatype == _XSD + "dateTime":
            return _dt.datetime.fromisoformat(lexical)
    except ValueError:
        return lexical
    return lexical


class QueryResult:
    """The answer to one query.

    SELECT: iterate for rows (dicts of variable -> plain Python value, None when
    unbound); ``variables``, ``terms`` (the RDF terms). ASK: ``boolean`` (and ``bool()``).
    CONSTRUCT/DESCRIBE: ``triples``. Any kind: ``serialize(format)`` gives bytes.
    """

    def __init__(self, kind: str, *, variables: list[str] | None = None,
                 solutions: bytes = b"", boolean: bool | None = None,
                 triples: list[ox.Triple] | None = None,
                 prefixes: dict[str, str] | None = None) -> None:
        self.kind = kind
        self.variables = variables or []
        self.boolean = boolean
        self.triples = triples or []
        self.prefixes = prefixes or {}
        self._solutions = solutions
        #: Notes on the query for its author: terms it names that are in no graph.
        self.warnings: list[str] = []
        #: For an answer written to a stream as it came (its rows or triples are not
        #: kept here): how many were written.
        self.streamed: int | None = None
        self._terms: list[tuple[Term | None, ...]] | None = None

    @property
    def terms(self) -> list[tuple[Term | None, ...]]:
        """SELECT rows as tuples of RDF terms (None when unbound), in ``variables`` order."""
        if self._terms is None:
            self._terms = []
            if self.kind == "select" and self.streamed is None:
                parsed = ox.parse_query_results(self._solutions, ox.QueryResultsFormat.JSON)
                assert isinstance(parsed, ox.QuerySolutions)
                self._terms = [tuple(s[v] for v in self.variables) for s in parsed]
        return self._terms

    @property
    def rows(self) -> list[dict[str, Any]]:
        return [{v: to_python(t) for v, t in zip(self.variables, row)} for row in self.terms]

    def __iter__(self) -> Iterator[Any]:
        if self.kind == "graph":
            return iter(self.triples)
        return iter(self.rows)

    def __len__(self) -> int:
        if self.streamed is not None:
            return self.streamed
        if self.kind == "graph":
            return len(self.triples)
        if self.kind == "ask":
            return 1
        return len(self.terms)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def __repr__(self) -> str:
        if self.kind == "ask":
            return f"<QueryResult ask {self.boolean}>"
        unit = "triples" if self.kind == "graph" else "rows"
        return f"<QueryResult {self.kind}, {len(self)} {unit}>"

    def serialize(self, format: str) -> bytes:
        """The result in ``format``, ending with a newline: csv, tsv, json, xml for SELECT
        and ASK (W3C SPARQL 1.1 results; CSV cannot express ASK); turtle (ttl), ntriples
        (nt), rdfxml (rdf, xml), jsonld (json-ld), trig or nquads (nq) for
        CONSTRUCT/DESCRIBE."""
        if self.kind == "graph":
            name = vocab.RDF_FORMAT_NAMES.get(format.lower(), "")
            if name not in GRAPH_FORMATS:
                raise QueryError(f"a CONSTRUCT or DESCRIBE result cannot be written as "
                                    f"{format!r}; use one of {', '.join(GRAPH_FORMATS)}")
            prefixes = self.prefixes if name in _PREFIXED_FORMATS else None
            return _ended(ox.serialize(self.triples, format=GRAPH_FORMATS[name],
                                       prefixes=prefixes) or b"")
        if format not in RESULT_FORMATS:
            raise QueryError(f"a {self.kind.upper()} result cannot be written as "
                                f"{format!r}; use one of {', '.join(RESULT_FORMATS)}")
        if self.kind == "ask" and format == "csv":
            raise QueryError("an ASK result cannot be written as csv (the W3C CSV "
                                "format has no boolean); use json, xml or tsv")
        if self.kind == "ask":
            parsed = ox.parse_query_results(
                '{"head":{},"boolean":%s}' % ("true" if self.boolean else "false"),
                ox.QueryResultsFormat.JSON)
        else:
            parsed = ox.parse_query_results(self._solutions, ox.QueryResultsFormat.JSON)
        return _ended(parsed.serialize(format=RESULT_FORMATS[format]) or b"")

    def table(self, max_width: int = MAX_WIDTH) -> str:
        """SELECT rows as an aligned text table, IRIs shortened with the known prefixes."""
        body = [[cell(t, self.prefixes, max_width) for t in row] for row in self.terms]
        return render(list(self.variables), body)


def _ended(data: bytes) -> bytes:
    """``data`` ending with a line end, as text output should (Oxigraph's JSON and XML
    writers end without one)."""
    return data if not data or data.endswith(b"\n") else data + b"\n"


# --- Running ---------------------------------------------------------------------------

def _at_end(text: str, lines: list[str], line: int, column: int) -> bool:
    """Whether (line, column) is past everything but spaces and comments."""
    if line > len(lines):
        return True
    rest = "\n".join([lines[line - 1][column - 1:], *lines[line:]])
    return not re.sub(r"#[^\n]*", "", rest).strip()


def _where_it_breaks(text: str) -> tuple[int, int] | None:
    """(line, column) where rdflib's SPARQL parser stops, if it stops before the end."""
    try:
        from pyparsing import ParseBaseException
        from rdflib.plugins.sparql.parser import parseQuery
    except ImportError:
        return None
    try:
        parseQuery(text.replace("\t", " "))  # pyparsing would count a tab as 8 columns
    except ParseBaseException as exc:
        lines = text.splitlines() or [""]
        if not _at_end(text, lines, exc.lineno, exc.col):
            return exc.lineno, exc.col
    except Exception:
        return None
    return None


def _inferred_store(kg: Graph) -> ox.Store:
    """A fresh in-memory store with the OWL-RL closure of facts, provenance and ontology.

    The closure is kept in .heroes-kg/inferred-<fingerprint>.nq, so only the first
    inferring query after a build pays for computing it.
    """
    cache = _inference_cache(kg)
    store = ox.Store()
    if cache is not None and cache.is_file():
        store.load(path=str(cache), format=ox.RdfFormat.N_QUADS)
        return store
    import owlrl
    import rdflib

    quads: list[ox.Quad] = []
    for graph in (*kg.data_graphs, kg.names.ontology):
        quads.extend(kg.store.quads_for_pattern(None, None, None, graph))
    data = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES) or b""
    closure = rdflib.Graph()
    closure.parse(data=data, format="nt")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, rdfs_closure=False,
                           axiomatic_triples=False, datatype_axioms=False).expand(closure)
    # OWL-RL also derives generalized triples (literal subjects); RDF stores cannot hold them
    # The filter below keeps subjects and predicates that a Quad takes; mypy cannot see it.
    store.bulk_extend(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o))  # type: ignore[arg-type]
                      for s, p, o in closure if not isinstance(s, rdflib.Literal)
                      and isinstance(p, rdflib.URIRef))
    if cache is not None:
        from .._io import atomic_write

        for old in cache.parent.glob("inferred-*.nq"):
            old.unlink(missing_ok=True)
        atomic_write(cache, ox.serialize(store, format=ox.RdfFormat.N_QUADS) or b"")
    return store


def _inference_cache(kg: Graph) -> Path | None:
    if kg.project is None:
        return None
    fingerprint = read_state(kg.project).get("fingerprint")
    if not isinstance(fingerprint, str) or not kg.project.state_dir.is_dir():
        return None
    return kg.project.state_dir / f"inferred-{fingerprint[:16]}.nq"


def _ox_term(term: Any) -> Term:
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


#: Stack of the thread that runs a query (the guard keeps its use far below this).
_QUERY_STACK = 64 << 20
_STACK_LOCK = threading.Lock()


def run_query(kg: Graph, query: str,
              bindings: Mapping[str, Any] | None = None, *, infer: bool = False,
              timeout: float | None = None, endpoint: str | None = None,
              auth_env: str | None = None, label: str | None = None,
              out: IO[bytes] | None = None, out_format: str = "json",
              progress: Callable[[int, float], None] | None = None) -> QueryResult:
    """Run ``query`` (SPARQL, a path ending in .rq or .sparql, or the name of a query in
    queries/) over the graph.

    ``bindings`` maps variable names to values: pyoxigraph terms, Python values, or
    strings (an entity id or name, an IRI as <…> or prefix:name, a quoted literal with
    optional @lang or ^^datatype, a number, a date, true/false). ``infer`` adds the
    RDFS/OWL-RL entailments of the ontology; ``timeout`` (seconds) bounds the whole run.
    With ``endpoint`` the query (named queries and bindings resolved here, as for a local
    run) is sent to that SPARQL 1.1 endpoint instead, asking for our facts and provenance
    graphs as its default graph. ``label`` names the query in messages (by default its
    file, or "the query").

    With ``out`` (a binary stream) a SELECT answer on the local graph is written there
    in ``out_format`` if it is csv, tsv, json, xml or table (a CONSTRUCT or DESCRIBE
    answer if it is ntriples or nquads) as it is evaluated, the bytes
    ``result.serialize(out_format)`` (or ``result.table()``) would give (a table longer
    than :data:`~._table.HEAD_ROWS` rows takes its column widths from its first rows),
    and the result returned holds no rows (``result.streamed`` is how many were
    written). Other answers (and any answer in
    another format) are returned as usual, to be serialized. ``progress`` is called
    about twice a second, from the first second on, with the rows written or read so
    far and the seconds elapsed. A question stopped at ``timeout`` after some rows were
    written has written only those.
    """
    if endpoint is not None and infer:
        raise QueryError("{--infer} works on the local graph only; the endpoint answers "
                            "with its own entailment regime")
    text, found = resolve_query(kg.project, query)
    label = label or found
    named_label = (None if kg.project is None or not re.match(_NAME, query.strip())
                   else found)
    shape = _shape(text)
    if shape.keyword in _UPDATE_KEYWORDS:
        raise QueryError(
            f"{label} is a SPARQL update ({shape.keyword}), and queries only read the "
            "graph, which is built from seeds/; to change it, edit seeds/facts/ and run "
            "'heroes-kg build'")
    known = prefixes(kg.names.base)
    text_to_run, shift = _bind(kg, text, shape, bindings, label, known)
    outcome: dict[str, Any] = {}
    if out_format not in RESULT_FORMATS:
        out_format = vocab.RDF_FORMAT_NAMES.get(out_format.lower(), out_format)
    output = Output(out, out_format, known)

    def work() -> None:
        try:
            if endpoint is None:
                outcome["result"] = _evaluate(kg, text_to_run, known, infer, output)
            else:
                outcome["result"] = _evaluate_remote(kg, text_to_run, known, endpoint,
                                                     auth_env, timeout)
        except BaseException as exc:  # handed to the calling thread
            # without its frames: they hold Oxigraph objects that must be dropped on
            # this thread (pyo3 "unsendable"), not on the caller's
            exc.__traceback__ = exc.__context__ = exc.__cause__ = None
            outcome["error"] = exc

    check_timeout(timeout)
    # Before the parser: it recurses, and a native stack overflow cannot be caught.
    check_query(text_to_run, label)
    # Oxigraph cannot be interrupted mid-evaluation, so it runs in a daemon thread: the
    # caller regains control at the time limit (or on Ctrl-C) and the process can exit.
    # The thread gets a stack of its own size, whatever the platform's default is.
    worker = threading.Thread(target=work, name="heroes-kg-query", daemon=True)
    with _STACK_LOCK:
        previous = threading.stack_size(_QUERY_STACK)
        try:
            worker.start()
        finally:
            threading.stack_size(previous)
    _wait(worker, timeout, output, progress)
    if worker.is_alive():
        raise QueryTimeout(_stopped(label, text, timeout, output, bindings))
    error = outcome.get("error")
    if isinstance(error, SyntaxError):
        from ._diagnose import syntax_error  # only for a query that does not parse

        raise syntax_error(error, text, label, known, shift,
                           lambda t: _where_it_breaks(t) if balanced(t) else None) from None
    if isinstance(error, BrokenPipeError):
        raise error  # the reader of the answer went away (| head): nothing to say
    if isinstance(error, (RuntimeError, OSError, ValueError)):
        raise QueryError(f"{label} failed: {error}") from None
    if error is not None:
        raise error
    result: QueryResult = outcome["result"]
    if endpoint is None and found != named_label:
        from ._diagnose import unknown_terms

        result.warnings = unknown_terms(kg.store, text, known, _VOCABULARY,
                                        (vocab.HEROES, vocab.SCHEMA, vocab.PROV, vocab.OA))
    return result


#: Seconds before the first call of a question's ``progress``, and between calls.
PROGRESS_AFTER = 1.0
_PROGRESS_EVERY = 0.5


def _wait(worker: threading.Thread, timeout: float | None, output: Output,
          progress: Callable[[int, float], None] | None) -> None:
    """Wait for ``worker`` until ``timeout``, calling ``progress`` as it goes; stop the
    writing of the answer if it is still running when the wait ends (time limit,
    Ctrl-C)."""
    started = time.monotonic()
    deadline = None if timeout is None else started + timeout
    shown = started + PROGRESS_AFTER
    try:
        while worker.is_alive():
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                break
            wake = shown if progress is not None else (deadline or now + 3600)
            worker.join(max(0.0, min(wake, deadline or wake) - now))
            now = time.monotonic()
            if progress is not None and now >= shown and worker.is_alive():
                progress(output.rows, now - started)
                shown = now + _PROGRESS_EVERY
    finally:
        if worker.is_alive():
            output.stop()


def _stopped(label: str, text: str, timeout: float | None,
             output: Output, bindings: Mapping[str, Any] | None) -> str:
    """What to say of a question stopped at its time limit, and what to do instead."""
    written = (f" after writing {output.rows:,} row{'s' if output.rows != 1 else ''} "
               "(the answer is incomplete)" if output.wrote else "")
    hinted = re.search(r"#[^\n]*\bbind \?(\w+)", text, re.IGNORECASE)
    if hinted and not bindings:  # a named query meant for one entity, asked of all
        advice = f"ask about one {hinted[1]} ({{--bind}} {hinted[1]}=…)"
    elif re.search(r"(?im)^[^#\n]*\bLIMIT\s+\d", text):
        advice = "narrow it (more specific patterns)"
    else:
        advice = "narrow it (add a LIMIT or more specific patterns)"
    return (f"{label} did not finish within {timeout:g} s and was stopped{written}; "
            f"{advice} or raise {{--timeout}}")


def bind_query(kg: Graph, query: str, bindings: Mapping[str, Any]) -> str:
    """The SPARQL text ``run_query(kg, query, bindings)`` evaluates: the query (text, a
    path ending in .rq or .sparql, or a named query) with a ``VALUES`` block for each binding."""
    text, label = resolve_query(kg.project, query)
    return _bind(kg, text, _shape(text), bindings, label, prefixes(kg.names.base))[0]


def _bind(kg: Graph, text: str, shape: _Shape, bindings: Mapping[str, Any] | None,
          label: str, known: dict[str, str]) -> tuple[str, tuple[int, int, int]]:
    """``text`` with the bindings as VALUES blocks, and where they were put in (line,
    column, length) to correct the position of a syntax error."""
    shift = (0, 0, 0)
    if bindings:
        missing = [name.lstrip("?$") for name in bindings
                   if name.lstrip("?$") not in shape.variables]
        if missing:
            have = ", ".join(f"?{v}" for v in shape.variables) or "none"
            raise QueryError(f"cannot bind ?{missing[0]}: {label} has no such variable "
                             f"(its variables: {have})")
        if shape.short_construct:
            raise QueryError(f"cannot bind variables in {label}: the short form "
                             "CONSTRUCT WHERE { … } takes only triple patterns; write "
                             "CONSTRUCT { … } WHERE { … }")
        values = " ".join(
            f"VALUES ?{name.lstrip('?$')} {{ "
            f"{_binding_term(kg, name.lstrip('?$'), value, known)} }}"
            for name, value in bindings.items())
        if shape.where_brace is None:  # DESCRIBE ?x, with no group to join the values to
            text_to_run = f"{text}\nWHERE {{ {values} }}"
        else:
            at = shape.where_brace + 1
            inject = f" {values} "
            line = text.count("\n", 0, at) + 1
            col = at - (text.rfind("\n", 0, at) + 1) + 1
            shift = (line, col, len(inject))
            text_to_run = text[:at] + inject + text[at:]
    else:
        text_to_run = text
    return text_to_run, shift


def _evaluate_remote(kg: Graph, text: str, known: dict[str, str], endpoint: str,
                     auth_env: str | None, timeout: float | None) -> QueryResult:
    from ..remote import DEFAULT_TIMEOUT, run_remote_query

    graphs = [g.value for g in kg.data_graphs]
    answer = run_remote_query(endpoint, text, prefixes=known, default_graphs=graphs,
                              named_graphs=graphs, auth_env=auth_env,
                              timeout=timeout or DEFAULT_TIMEOUT)
    return QueryResult(answer.kind, variables=answer.variables, solutions=answer.solutions,
                       boolean=answer.boolean, triples=answer.triples, prefixes=known)


def _evaluate(kg: Graph, text: str, known: dict[str, str], infer: bool,
              output: Output) -> QueryResult:
    if infer:
        try:
            store = _inferred_store(kg)
        except Exception as exc:
            raise QueryError(f"OWL-RL inference over the graph failed: {exc}") from None
        answer = store.query(text, prefixes=known)
    else:
        return _on_disk_or_in_memory(kg, text, known, output)
    return _result(answer, known, output, store)


def _result(answer: Any, known: dict[str, str], output: Output, side: object) -> QueryResult:
    """A query's answer: a SELECT's rows written to the output (or kept in it) as they
    come, as the evaluation on ``side``; the rest read in full."""
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer), prefixes=known)
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        data = output.write(answer, side)
        result = QueryResult("select", variables=variables, solutions=data or b"",
                             prefixes=known)
        if data is None:
            result.streamed = output.rows
        return result
    if output.streams(answer):
        output.write(answer, side)
        result = QueryResult("graph", prefixes=known)
        result.streamed = output.rows
        return result
    return QueryResult("graph", triples=list(answer), prefixes=known)


#: CPU seconds this process spends on a question on the persisted store before the graph
#: is also loaded into memory to answer it there, whichever answers first; None: twice
#: the CPU time the loading takes (at least a second), what the other side costs: the
#: loading, and an answer in memory, taken to cost as much again. Waiting as long as
#: the other side costs, as one rents skis for as long as buying them would cost, keeps
#: a question within about twice the better side. It is counted in CPU time, not wall
#: time: on a busy machine a question that waits for a core has done less work than its
#: wall time says, and the loading then takes part of the core the store's side needs.
#: At a million triples (185 MB) the loading takes 3.3-3.8 s of CPU; `facts-in-one-article`
#: takes 4.3 s on the store, and the loading started after 6 s of wall time (the rule
#: before) or after one loading's CPU time only added to it; `facts-about` takes a
#: minute and more on the store and seconds in memory.
IN_MEMORY_AFTER: float | None = None
#: About how many bytes of the build's N-Triples one thread loads into memory a CPU
#: second (49-56 MB/s measured at a million triples, lenient: the build wrote and
#: checked them).
_LOAD_RATE = 50e6


#: The least CPU time :func:`_in_memory_after` gives: what a question spends before the
#: build's parts are even looked for (a ``stat`` of each, 3-5 ms at a million triples,
#: beside the store's side, that a question answered sooner never needs).
_IN_MEMORY_AFTER_AT_LEAST = 1.0


def _in_memory_after(parts: Mapping[ox.NamedNode, list[Path]]) -> float:
    if IN_MEMORY_AFTER is not None:
        return IN_MEMORY_AFTER
    try:
        size = sum(path.stat().st_size for paths in parts.values() for path in paths)
    except OSError:
        return _IN_MEMORY_AFTER_AT_LEAST
    return max(_IN_MEMORY_AFTER_AT_LEAST, 2 * size / _LOAD_RATE)


def _spent(cpu: float, started: float, done: threading.Event) -> bool:
    """Wait until this process has spent ``cpu`` seconds of CPU time since ``started``
    (a :func:`time.process_time`); False when ``done`` is set first."""
    while True:
        left = cpu - (time.process_time() - started)
        if left <= 0:
            return True
        if done.wait(min(max(left, 0.05), 0.5)):
            return False


def _answer(store: ox.Store, kg: Graph, text: str, known: dict[str, str],
            output: Output) -> QueryResult:
    graphs: list[ox.NamedNode | ox.BlankNode] = list(kg.data_graphs)
    if _union_is_the_same(store, graphs, text, known):
        answer = store.query(text, prefixes=known, use_default_graph_as_union=True,
                             named_graphs=graphs)
    else:
        answer = store.query(text, prefixes=known, default_graph=list(graphs),
                             named_graphs=graphs)
    return _result(answer, known, output, store)


def _union_is_the_same(store: ox.Store, graphs: list[ox.NamedNode | ox.BlankNode],
                       text: str, known: dict[str, str]) -> bool:
    """Whether ``text`` asked of the union of the store's graphs has the answers it has
    asked of ``graphs`` (:mod:`._patterns`): there is no other graph (the graph loaded
    into memory), or no row can be made from a triple of another graph (the ontology's,
    on a persisted store): no triple pattern matches one, or every match is joined with
    a pattern that nothing matches with its values. Oxigraph reads the union with one
    index lookup a pattern, the data graphs with one a graph."""
    others = [g for g in store.named_graphs() if g not in graphs]
    if not others:
        return True
    patterns = read_patterns(text, known)
    if patterns is None:
        return False
    seen: dict[tuple[Term | None, str, Term | None], bool] = {}
    try:
        return all(_no_row_from(store, pattern, graph, seen)
                   for pattern in patterns for graph in others)
    except ValueError:  # an IRI Oxigraph will say more about when it parses the query
        return False


#: More matches of one pattern in the other graphs than this: not looked into.
_MATCHES_LOOKED_INTO = 2000


def _no_row_from(store: ox.Store, pattern: Pattern, graph: ox.NamedNode | ox.BlankNode,
                 seen: dict[tuple[Term | None, str, Term | None], bool]) -> bool:
    """Whether no row of the answer can come from a match of ``pattern`` in ``graph``
    (``seen``: the lookups made so far, whether each found a triple)."""
    def node(iri: str | None) -> ox.NamedNode | None:
        return None if iri is None else ox.NamedNode(iri)

    matches = (quad for p in (pattern.predicates or (None,))
               for quad in store.quads_for_pattern(node(pattern.subject), node(p),
                                                   node(pattern.object), graph))
    guards = list(pattern.guards()) if pattern.simple else []
    for count, match in enumerate(matches):
        if not guards or count >= _MATCHES_LOOKED_INTO:
            return False
        values: dict[str, Term] = {}
        for name, term in zip(pattern.variables,
                              (match.subject, match.predicate, match.object)):
            if name is not None and values.setdefault(name, term) != term:
                break  # ?x ?p ?x, and this match is not one
        else:
            if not any(_nothing_matches(store, guard, values, seen) for guard in guards):
                return False
    return True


def _nothing_matches(store: ox.Store, guard: Pattern, values: dict[str, Term],
                     seen: dict[tuple[Term | None, str, Term | None], bool]) -> bool:
    """Whether ``guard`` matches nothing in the store once its variables shared with
    ``values`` take those values (False when it shares none)."""
    subject_name, _, object_name = guard.variables
    subject: Term | None = None if guard.subject is None else ox.NamedNode(guard.subject)
    obj: Term | None = None if guard.object is None else ox.NamedNode(guard.object)
    shared = False
    if subject_name is not None and subject_name in values:
        subject, shared = values[subject_name], True
    if object_name is not None and object_name in values:
        obj, shared = values[object_name], True
    if not shared:
        return False
    if not isinstance(subject, (ox.NamedNode, ox.BlankNode, type(None))):
        return True  # a literal is no triple's subject
    assert guard.predicates is not None
    for p in guard.predicates:
        key = (subject, p, obj)
        if key not in seen:
            seen[key] = next(iter(store.quads_for_pattern(subject, ox.NamedNode(p), obj,
                                                          None)), None) is not None
        if seen[key]:
            return False
    return True


def _on_disk_or_in_memory(kg: Graph, text: str, known: dict[str, str],
                          output: Output) -> QueryResult:
    """Answer on the store; on a persisted store (RocksDB), a question that is still
    running after it cost as much CPU time as loading the graph into memory and
    answering there would (:data:`IN_MEMORY_AFTER`) is also answered on the graph
    loaded into memory from the sorted N-Triples the build kept, and the first answer
    wins.

    Questions that walk the whole graph run 10-20x faster in memory than on RocksDB,
    and loading it takes seconds even at a million triples; questions about one entity
    answer on RocksDB in milliseconds, before any loading starts. Once loaded, the
    graph in memory answers every later question of this process. Oxigraph cannot stop
    a running query: the slower side runs on in the background until it ends, or until
    it writes its first rows (the side that writes first writes the whole answer)."""
    memory = kg.memo.get("in_memory")
    if memory is not None:
        return _answer(memory, kg, text, known, output)
    if not kg.may_have_parts():
        return _answer(kg.store, kg, text, known, output)
    started = time.process_time()
    answers: queue.Queue[tuple[QueryResult | None, BaseException | None]] = queue.Queue()
    done = threading.Event()

    def answer_on(store: ox.Store) -> None:
        try:
            answers.put((_answer(store, kg, text, known, output), None))
        except BaseException as exc:  # handed to the calling thread, without the frames
            # that hold this thread's query objects (Oxigraph's must be freed here)
            answers.put((None, exc.with_traceback(None)))

    def in_memory() -> None:
        # An answer the store's side has begun to write is its own to finish (the graph
        # in memory would repeat its rows): loading it then would only take a core from
        # that side (at a million triples, 3.3-3.8 s of CPU).
        # The parts are looked for once the question has run for the least wait
        # (:data:`_IN_MEMORY_AFTER_AT_LEAST`), so that one answered sooner never does.
        first = (IN_MEMORY_AFTER if IN_MEMORY_AFTER is not None
                 else _IN_MEMORY_AFTER_AT_LEAST)
        if not _spent(first, started, done):
            return
        parts = kg.parts
        if parts is None or not _spent(_in_memory_after(parts), started, done):
            return
        try:
            # One thread (the bulk loader would take every core from the store's side;
            # two threads, one a graph, take as long: Oxigraph writes one at a time).
            store = ox.Store()
            for graph, paths in parts.items():
                for path in paths:
                    if output.wrote:
                        return
                    store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES,
                               to_graph=graph, lenient=True)
        except (OSError, SyntaxError, ValueError):
            return  # a part that cannot be read: the store answers
        kg.memo["in_memory"] = store
        if not done.is_set():
            answer_on(store)

    for target, name in ((lambda: answer_on(kg.store), "heroes-kg-query-store"),
                         (in_memory, "heroes-kg-query-memory")):
        threading.Thread(target=target, name=name, daemon=True).start()
    while True:
        result, error = answers.get()
        if not isinstance(error, Lost):  # the other side is writing: its answer comes
            break
    done.set()
    if error is not None:
        raise error
    assert result is not None
    return result


class KnowledgeGraph(Graph):
    """The built graph, ready for questions: what :func:`heroes_kg.load` and
    ``heroes_kg.build(keep_graph=True).graph`` hand out."""

    @classmethod
    def taking(cls, opened: Graph) -> KnowledgeGraph:
        """The graph :func:`~heroes_kg.rdf.store.open_store` opened, ready for questions:
        its shared lock (if it holds one) and its parts are this graph's now."""
        kg = cls(opened.store, opened.names, opened.project)
        kg._lock, opened._lock = opened._lock, None
        kg._parts_of, kg._parts = opened._parts_of, opened._parts
        return kg

    def query(self, query: str, bindings: Mapping[str, Any] | None = None, *,
              infer: bool = False, timeout: float | None = None) -> QueryResult:
        """Run a SPARQL query over the facts and provenance graphs.

        ``query`` is SPARQL, a path ending in .rq or .sparql, or the name of a query in
        queries/ (``kg.query("sequel-director")``). ``bindings`` gives variables values
        before evaluation: ``{"entity": "pedro-pascal"}`` (ids, names, IRIs, literals,
        numbers, dates). ``infer=True`` adds RDFS/OWL-RL entailments of the ontology;
        ``timeout`` stops the query after that many seconds. SELECT results iterate as
        dicts of plain Python values; see :class:`QueryResult`.
        """
        return run_query(self, query, bindings, infer=infer, timeout=timeout)


def open_current(project: Project) -> KnowledgeGraph | None:
    """The persisted graph of ``project`` when it is current (built from the seeds as
    they are, intact), with a shared lock until closed; else None, and
    :func:`heroes_kg.pipeline.open_graph` rebuilds or says why it cannot.

    The way a question opens the graph: it imports nothing of the build."""
    opened = open_store(project, Names(project.base_iri))
    return KnowledgeGraph.taking(opened) if isinstance(opened, Graph) else None
