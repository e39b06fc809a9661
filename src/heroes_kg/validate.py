"""Validate: the built graph against ontology/shapes.ttl (pySHACL).

:func:`validate_graph` is the front door. Each SHACL result becomes a
:class:`~heroes_kg.errors.Problem` pointing at the curated entity or statement it is
about, so a curator sees file:line rather than an IRI.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .curation import Corpus
from .errors import HeroesKGError, Problem, ValidationError
from . import _vocab
from .model import Names
from .store import KnowledgeGraph, select

__all__ = ["validate_graph"]

_SH = "http://www.w3.org/ns/shacl#"


def _rdflib_graph(triples: list[ox.Triple]):  # type: ignore[no-untyped-def]
    import rdflib

    graph = rdflib.Graph()
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data, format="nt")
    return graph


def _load_turtle(path: Path):  # type: ignore[no-untyped-def]
    import rdflib

    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise HeroesKGError(f"{path.name} is missing from {path.parent}") from None
    except Exception as exc:  # rdflib raises many types for bad Turtle
        raise HeroesKGError(f"{path}: not valid Turtle: {exc}") from None
    return graph


def validate_graph(kg: KnowledgeGraph, corpus: Corpus, shapes: Path, ontology: Path) -> None:
    """Raise ValidationError unless the graph conforms to the shapes and to the checks
    that no shape can express (each quote really is at its recorded offsets, each
    provenance record describes an asserted fact)."""
    import pyshacl

    problems = _whole_graph_checks(kg, corpus)
    data = _rdflib_graph(kg.triples())
    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=_load_turtle(shapes), ont_graph=_load_turtle(ontology),
        inference="none", advanced=True, allow_warnings=True)
    if not conforms:
        problems.extend(_problems(results, corpus, kg.names))
    if problems:
        raise ValidationError(sorted(set(problems), key=lambda p: (p.path, p.line or 0,
                                                                    p.message)))


_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in _vocab.PREFIXES.items())


def _whole_graph_checks(kg: KnowledgeGraph, corpus: Corpus) -> list[Problem]:
    """Checks run as one SPARQL query each over the whole store (fast at any size)."""
    names = kg.names
    found: list[Problem] = []
    facts, prov = names.facts.value, names.provenance.value
    for row in select(kg.store, _PREFIXES + f"""
        SELECT ?st ?s ?p ?o WHERE {{
          GRAPH <{prov}> {{ ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ;
                                rdf:object ?o }}
          FILTER NOT EXISTS {{ GRAPH <{facts}> {{ ?s ?p ?o }} }} }}"""):
        path, line = _locate(row["st"].value, corpus, names)
        found.append(Problem(path, line, "the fact this provenance record describes is not "
                                         f"in the graph (at <{row['st'].value}>)"))
    texts = {names.article(a.id).value: a.text for a in corpus.articles.values()}
    for row in select(kg.store, _PREFIXES + f"""
        SELECT ?ev ?a ?exact ?start ?end WHERE {{ GRAPH <{prov}> {{
          ?ev oa:hasSource ?a ; oa:hasSelector ?q, ?pos .
          ?q oa:exact ?exact . ?pos oa:start ?start ; oa:end ?end }} }}"""):
        text = texts.get(row["a"].value)
        start, end = int(row["start"].value), int(row["end"].value)
        if text is None or text[start:end] != row["exact"].value:
            path, line = _locate(row["ev"].value, corpus, names)
            found.append(Problem(path, line, f"the quote is not at characters {start}-{end} of "
                                             f"its article (at <{row['ev'].value}>)"))
    return found


def _problems(results, corpus: Corpus, names: Names) -> list[Problem]:  # type: ignore[no-untyped-def]
    import rdflib

    sh = rdflib.Namespace(_SH)
    found: list[Problem] = []
    for report in results.subjects(rdflib.RDF.type, sh.ValidationReport):
        for result in results.objects(report, sh.result):
            if results.value(result, sh.resultSeverity) != sh.Violation:
                continue
            focus = str(results.value(result, sh.focusNode))
            message = str(results.value(result, sh.resultMessage) or "constraint violated")
            path = results.value(result, sh.resultPath)
            where, line = _locate(focus, corpus, names)
            suffix = f" [{_short(str(path))}]" if isinstance(path, rdflib.URIRef) else ""
            found.append(Problem(where, line, f"{message}{suffix} (at <{focus}>)"))
    return found


def _short(iri: str) -> str:
    from ._vocab import PREFIXES

    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _locate(focus: str, corpus: Corpus, names: Names) -> tuple[str, int | None]:
    entity_id = names.entity_id(focus)
    if entity_id and entity_id in corpus.entities:
        entity = corpus.entities[entity_id]
        return entity.path, entity.line
    statement_prefix = names.base + "statement/"
    if focus.startswith(statement_prefix):
        sid = focus[len(statement_prefix):].split("/", 1)[0]
        for st in corpus.statements:
            if st.id == sid:
                return st.path, st.line
    article_prefix = names.base + "article/"
    if focus.startswith(article_prefix):
        article = corpus.articles.get(focus[len(article_prefix):])
        if article:
            return article.path, article.line
    return "graph", None
