"""Validate: the built graph against ontology/shapes.ttl.

:func:`validate_graph` is the front door. SHACL runs on Oxigraph by default: the shapes
are compiled into SPARQL queries over the whole graph (:mod:`heroes_kg.validate._shacl`), which
gives the same results as pySHACL (a test keeps both in step) in a fraction of the time.
``engine="pyshacl"`` runs pySHACL itself. Each SHACL result becomes a
:class:`~heroes_kg.errors.Problem` pointing at the curated entity or statement it is
about, so a curator sees file:line rather than an IRI.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .. import vocab
from ..corpus.curation import Corpus
from ..errors import Problem, ProjectError, ValidationError
from ..rdf.store import Graph, select
from ..vocab import Names

if TYPE_CHECKING:  # rdflib is imported where pySHACL is used, never with this module
    import rdflib

__all__ = ["ENGINES", "validate_graph"]

#: Above this many triples to read around a change, the whole graph is validated instead
#: (reading them costs about what validating a million triples does).
AROUND_LIMIT = 250_000
#: The SHACL engines :func:`validate_graph` can use; the first is the default.
ENGINES = ("oxigraph", "pyshacl")



def _rdflib_graph(triples: list[ox.Triple]) -> rdflib.Graph:
    import rdflib

    graph = rdflib.Graph()
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data, format="nt")
    return graph


def _load_turtle(path: Path) -> rdflib.Graph:
    import rdflib

    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise ProjectError(f"{path.name} is missing from {path.parent}") from None
    except Exception as exc:  # rdflib raises many types for bad Turtle
        raise ProjectError(f"{path}: not valid Turtle: {exc}") from None
    return graph


def validate_graph(kg: Graph, corpus: Corpus, shapes: Path, ontology: Path, *,
                   engine: str = "oxigraph", changed: Sequence[ox.Quad] | None = None
                   ) -> None:
    """Raise ValidationError unless the graph conforms to the shapes and to the check
    that no shape can express (each provenance record describes an asserted fact).

    Quotes are not checked again here: curation is where each quote is found in its
    article and given its offsets (:func:`heroes_kg.corpus.curation.load_corpus`), and
    the graph is made from those.

    ``engine`` is "oxigraph" (the shapes compiled to SPARQL; falls back to pySHACL when
    the shapes use a feature it does not compile) or "pyshacl"."""
    if engine not in ENGINES:
        raise ProjectError(f"unknown SHACL engine {engine!r}; use one of "
                           f"{', '.join(ENGINES)}")
    shape_triples = _parse_turtle(shapes)
    _check_patterns(shape_triples, shapes)
    problems = _whole_graph_checks(kg, corpus, changed)
    results: set[tuple[str, str | None, str]] | None = None
    if engine == "oxigraph":
        from ._shacl import ShapesEngine, UnsupportedShapes

        # The build loaded the ontology into its own graph already: read it from there.
        ontology_triples = [q.triple for q in kg.store.quads_for_pattern(
            None, None, None, kg.names.ontology)] or _parse_turtle(ontology)
        try:
            compiled = ShapesEngine(shape_triples, ontology_triples)
        except UnsupportedShapes:
            compiled = None
        if compiled is not None:
            from ._shacl import validate_around

            graphs = list(kg.data_graphs)
            found = None
            if changed is not None:
                found = validate_around(compiled, kg.store, graphs, changed,
                                        limit=AROUND_LIMIT)
            if found is None:
                found = compiled.validate(kg.store, graphs)
            results = {(r.focus, r.path, r.message) for r in found}
    if results is None:
        results = _pyshacl_results(kg, shapes, ontology)
    problems.extend(_problems(results, corpus, kg.names))
    if problems:
        raise ValidationError(sorted(set(problems), key=lambda p: (p.path, p.line or 0,
                                                                    p.message)))


def _check_patterns(triples: list[ox.Triple], path: Path) -> None:
    """Refuse an sh:pattern that is not a regular expression: SPARQL's REGEX and pySHACL
    would treat it as matching nothing, or everything, and the build would pass."""
    import re

    for triple in triples:
        if (triple.predicate.value != vocab.SH + "pattern"
                or not isinstance(triple.object, ox.Literal)):
            continue
        pattern = triple.object.value
        try:
            re.compile(pattern)
        except re.error as exc:
            line = next((n for n, text in enumerate(
                path.read_text("utf-8", "replace").splitlines(), start=1)
                if "pattern" in text and (pattern in text
                                          or pattern.replace("\\", "\\\\") in text)), None)
            where = f"{path}:{line}" if line else str(path)
            raise ProjectError(f"{where}: sh:pattern {pattern!r} is not a valid regular "
                                f"expression ({exc}); fix the pattern") from None


def _parse_turtle(path: Path) -> list[ox.Triple]:
    try:
        return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except FileNotFoundError:
        raise ProjectError(f"{path.name} is missing from {path.parent}") from None
    except (SyntaxError, OSError) as exc:
        raise ProjectError(f"{path}: not valid Turtle: {exc}") from None


def _pyshacl_results(kg: Graph, shapes: Path, ontology: Path
                     ) -> set[tuple[str, str | None, str]]:
    """(focus, path, message) of each violation pySHACL reports; an inverse path is
    written ``^IRI``, a blank focus node ``_:``."""
    import pyshacl

    data = _rdflib_graph(kg.triples())
    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=_load_turtle(shapes), ont_graph=_load_turtle(ontology),
        inference="none", advanced=True, allow_warnings=True)
    return shacl_report_results(report)


def shacl_report_results(report: rdflib.Graph) -> set[tuple[str, str | None, str]]:
    """The (focus, path, message) of each sh:Violation in a pySHACL report graph."""
    import rdflib

    sh = rdflib.Namespace(vocab.SH)
    found: set[tuple[str, str | None, str]] = set()
    for vr in report.subjects(rdflib.RDF.type, sh.ValidationReport):
        for result in report.objects(vr, sh.result):
            if report.value(result, sh.resultSeverity) != sh.Violation:
                continue
            focus = report.value(result, sh.focusNode)
            path = report.value(result, sh.resultPath)
            shown: str | None = None
            if isinstance(path, rdflib.URIRef):
                shown = str(path)
            elif path is not None:
                shown = "^" + str(report.value(path, sh.inversePath))
            message = str(report.value(result, sh.resultMessage) or "constraint violated")
            found.add(("_:" if isinstance(focus, rdflib.BNode) else str(focus), shown,
                       message))
    return found


_PREFIXES = vocab.SPARQL_PREFIXES


def _whole_graph_checks(kg: Graph, corpus: Corpus,
                        changed: Sequence[ox.Quad] | None = None) -> list[Problem]:
    """The check no shape expresses, as one SPARQL query over the whole store; with
    ``changed`` (see :func:`validate_graph`), over the provenance records the change
    can affect: those changed, and those that describe a changed fact."""
    names = kg.names
    found: list[Problem] = []
    facts, prov = names.facts.value, names.provenance.value
    only = ""
    if changed is not None:
        records = _records_around(kg, changed)
        if not records:
            return found
        only = "VALUES ?st { " + " ".join(str(r) for r in sorted(records, key=str)) + " }"
    for row in select(kg.store, _PREFIXES + f"""
        SELECT ?st ?s ?p ?o WHERE {{ {only}
          GRAPH <{prov}> {{ ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ;
                                rdf:object ?o }}
          FILTER NOT EXISTS {{ GRAPH <{facts}> {{ ?s ?p ?o }} }} }}"""):
        path, line = _locate(row["st"].value, corpus, names)
        found.append(Problem(path, line, "the fact this provenance record describes is not "
                                         f"in the graph (at <{row['st'].value}>)"))
    return found


def _records_around(kg: Graph, changed: Sequence[ox.Quad]) -> set[ox.NamedNode]:
    """The provenance records a change can affect: the subjects of its changed
    provenance quads, and the records (in the new graph) of its changed facts."""
    names = kg.names
    subject, predicate, obj = (ox.NamedNode(vocab.RDF + k)
                               for k in ("subject", "predicate", "object"))
    records: set[ox.NamedNode] = set()
    store = kg.store
    facts = {q.triple for q in changed if q.graph_name == names.facts}
    if not any(isinstance(t, ox.BlankNode) for f in facts for t in (f.subject, f.object)):
        # One query: Oxigraph looks each fact's records up by index, where a loop over
        # the records of each object reads every record of a much-used object (on a
        # store on disk, each one costs).
        records.update(q.subject for q in changed
                       if q.graph_name == names.provenance
                       and isinstance(q.subject, ox.NamedNode))
        ordered = sorted(facts, key=str)
        for at in range(0, len(ordered), 500):
            values = " ".join(f"({f.subject} {f.predicate} {f.object})"
                              for f in ordered[at:at + 500])
            for row in select(store, _PREFIXES + f"""SELECT DISTINCT ?st WHERE {{
                    VALUES (?s ?p ?o) {{ {values} }}
                    GRAPH <{names.provenance.value}> {{ ?st rdf:subject ?s ;
                        rdf:predicate ?p ; rdf:object ?o }} }}"""):
                if isinstance(row["st"], ox.NamedNode):
                    records.add(row["st"])
        return records
    for quad in changed:
        if quad.graph_name == names.provenance:
            if isinstance(quad.subject, ox.NamedNode):
                records.add(quad.subject)
        elif quad.graph_name == names.facts:
            for record in store.quads_for_pattern(None, obj, quad.object, names.provenance):
                st = record.subject
                if (isinstance(st, ox.NamedNode)
                        and ox.Quad(st, subject, quad.subject, names.provenance) in store
                        and ox.Quad(st, predicate, quad.predicate, names.provenance) in store):
                    records.add(st)
    return records


def _problems(results: set[tuple[str, str | None, str]], corpus: Corpus,
              names: Names) -> list[Problem]:
    found: list[Problem] = []
    for focus, path, message in results:
        where, line = _locate(focus, corpus, names)
        suffix = f" [{_compact(path)}]" if path is not None and not path.startswith("^") else ""
        found.append(Problem(where, line, f"{message}{suffix} (at <{focus}>)"))
    return found




def _locate(focus: str, corpus: Corpus, names: Names) -> tuple[str, int | None]:
    entity_id = names.entity_id(focus)
    if entity_id and entity_id in corpus.entities:
        entity = corpus.entities[entity_id]
        return entity.path, entity.line
    sid = names.statement_id(focus)
    if sid is not None:
        st = corpus.statement(sid)
        if st is not None:
            return st.path, st.line
    aid = names.article_id(focus)
    if aid is not None:
        article = corpus.articles.get(aid)
        if article:
            return article.path, article.line
    return "graph", None


def _compact(iri: str) -> str:
    return vocab.compact(iri) or iri
