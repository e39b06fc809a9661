"""Model: curated objects -> RDF quads (facts, provenance), with readable, stable IRIs.

The front door is :func:`nquads`, which writes the graph as N-Quads lines; Oxigraph
parses them (in Rust) far faster than Python can make a million ``Quad`` objects, and
the same lines feed the in-memory store and the persisted one. :func:`to_quads` parses
them for callers that want objects. No blank nodes are made, so the same corpus always
gives the same quads, and exports are byte-for-byte reproducible.

Every IRI is made from checked parts: the base IRI, ids that match ``[a-z0-9-]``,
vocabulary IRIs and article URLs checked when the seeds are read. Literal text is
escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .. import vocab
from ..vocab import HEROES, OA, PROV, RDF, RDFS, SCHEMA, XSD

if TYPE_CHECKING:  # curation (and PyYAML) load only when quads are made, not for Names
    from ..corpus.curation import Corpus, Entity, FactsFile, Mentions, Statement

__all__ = ["article_lines", "file_lines", "lines_about", "nquads", "to_quads"]

_ROLE_PROPERTIES = {"plays", "reprisedRole"}


#: N-Quads escapes in a literal: the four the grammar requires, and other control
#: characters as \uXXXX, so every line reads back as it was written.
_ESCAPES = str.maketrans({
    **{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
    '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r",
})


def _text(value: str) -> str:
    """A plain (xsd:string) literal in N-Quads."""
    return '"' + value.translate(_ESCAPES) + '"'


def _literal(lexical: str, datatype: str) -> str:
    if datatype == "string":
        return _text(lexical)
    return f"{_text(lexical)}^^<{XSD}{datatype}>"


def to_quads(corpus: Corpus, base: str) -> Iterator[ox.Quad]:
    """Every quad of the built graph except the ontology, as Oxigraph ``Quad`` objects."""
    data = "".join(nquads(corpus, base)).encode("utf-8")
    return iter(ox.parse(data, format=ox.RdfFormat.N_QUADS))


def nquads(corpus: Corpus, base: str) -> Iterator[str]:
    """Every quad of the built graph except the ontology: one N-Quads line (ending in a
    newline) at a time."""
    yield from article_lines(corpus, base)
    for entity in corpus.entities.values():
        yield from _entity_lines(entity, base)
    for statement in corpus.statements:
        yield from _statement_lines(statement, corpus, base)


def article_lines(corpus: Corpus, base: str, earlier: Mentions | None = None
                  ) -> Iterator[str]:
    """The quads of the articles (with the entities each mentions; ``earlier``: see
    :meth:`~heroes_kg.corpus.curation.Corpus.mentions`)."""
    facts = f" <{base}graph/facts> .\n"
    res, art = f"<{base}resource/", f"<{base}article/"
    a_type = f"<{RDF}type>"
    label = f"<{RDFS}label>"
    mentions = corpus.mentions(earlier)
    for article in corpus.articles.values():
        node = f"{art}{article.id}>"
        title = _text(article.title)
        yield f"{node} {a_type} <{SCHEMA}NewsArticle>{facts}"
        yield f"{node} <{SCHEMA}headline> {title}{facts}"
        yield f"{node} {label} {title}{facts}"
        yield f"{node} <{HEROES}fileName> {_text(article.file)}{facts}"
        if article.date:
            yield f"{node} <{SCHEMA}datePublished> {_literal(article.date, 'date')}{facts}"
        if article.publisher:
            yield f"{node} <{SCHEMA}publisher> {res}{article.publisher}>{facts}"
        if article.url:
            yield f"{node} <{SCHEMA}url> <{article.url}>{facts}"
        for entity_id in sorted(mentions[article.id]):
            yield f"{node} <{SCHEMA}mentions> {res}{entity_id}>{facts}"


def file_lines(file: FactsFile, corpus: Corpus, base: str) -> Iterator[str]:
    """The quads of one facts file's entities and statements (``corpus`` gives the
    articles quoted and the characters' names)."""
    for entity in file.entities:
        yield from _entity_lines(entity, base)
    for statement in file.statements:
        yield from _statement_lines(statement, corpus, base)


def lines_about(corpus: Corpus, base: str, subjects: Iterable[str], *,
                limit: int = 10_000) -> list[str] | None:
    """The lines of the facts files' entities and statements that may have one of
    ``subjects`` (IRIs as N-Quads writes them) as their subject: a superset, made again
    from each entity and statement whose id, or an id it refers to, such an IRI is made
    from (every subject a statement's lines have is made from its id, its subject, or
    the work it is in). None when a subject is not an IRI made here, or when more than
    ``limit`` statements would be made again. An article's lines are not among them
    (see :func:`article_lines`)."""
    ids: set[str] = set()
    head = f"<{base}"
    for subject in subjects:
        if not (subject.startswith(head) and subject.endswith(">")):
            return None
        kind, _, rest = subject[len(head):-1].partition("/")
        if kind == "resource":
            ids.add(rest)
        elif kind == "role":  # work--subject--object
            ids.update(rest.split("--"))
        elif kind == "statement":  # the record, or its evidence below it
            ids.add(rest.split("/", 1)[0])
        elif kind != "article":
            return None
    statements = [st for st in corpus.statements
                  if st.id in ids or st.subject in ids or st.object in ids
                  or any(ref in ids for _, ref in st.qualifiers)]
    if len(statements) > limit:
        return None
    lines = [line for entity_id in sorted(ids) if entity_id in corpus.entities
             for line in _entity_lines(corpus.entities[entity_id], base)]
    for st in statements:
        lines.extend(_statement_lines(st, corpus, base))
    return lines


def _entity_lines(entity: Entity, base: str) -> Iterator[str]:
    facts = f" <{base}graph/facts> .\n"
    node = f"<{base}resource/{entity.id}>"
    a_type = f"<{RDF}type>"
    text = _text(entity.name)
    yield f"{node} {a_type} <{vocab.CLASSES[entity.type].iri}>{facts}"
    # the schema.org classes above it too, so that no reasoner is needed to find an
    # actor as a schema:Person (the ontology is unchanged)
    for iri in vocab.schema_types(entity.type):
        yield f"{node} {a_type} <{iri}>{facts}"
    yield f"{node} <{SCHEMA}name> {text}{facts}"
    yield f"{node} <{RDFS}label> {text}{facts}"
    for alias in entity.aliases:
        yield f"{node} <{SCHEMA}alternateName> {_text(alias)}{facts}"


def _statement_lines(st: Statement, corpus: Corpus, base: str) -> Iterator[str]:
    from ..corpus.curation import CONTEXT

    facts, prov = f" <{base}graph/facts> .\n", f" <{base}graph/provenance> .\n"
    res, a_type = f"<{base}resource/", f"<{RDF}type>"
    subject = f"{res}{st.subject}>"
    predicate = f"<{vocab.PROPERTIES[st.property].iri}>"
    if st.object is not None:
        obj = f"{res}{st.object}>"
    else:
        assert st.value is not None
        obj = _literal(st.value.lexical, st.value.datatype)
    yield f"{subject} {predicate} {obj}{facts}"
    if st.property in _ROLE_PROPERTIES and st.object is not None:
        # The schema.org PerformanceRole pattern, so schema.org readers find the cast.
        work = dict(st.qualifiers)["in"]
        role = f"<{base}role/{work}--{st.subject}--{st.object}>"
        yield f"{res}{work}> <{SCHEMA}actor> {role}{facts}"
        yield f"{role} {a_type} <{SCHEMA}PerformanceRole>{facts}"
        yield f"{role} <{SCHEMA}actor> {subject}{facts}"
        yield f"{role} <{SCHEMA}characterName> {_text(corpus.entities[st.object].name)}{facts}"
        yield f"{role} <{HEROES}character> {obj}{facts}"
    iri = f"{base}statement/{st.id}"
    node = f"<{iri}>"
    yield f"{node} {a_type} <{RDF}Statement>{prov}"
    yield f"{node} <{RDF}subject> {subject}{prov}"
    yield f"{node} <{RDF}predicate> {predicate}{prov}"
    yield f"{node} <{RDF}object> {obj}{prov}"
    for key, ref in st.qualifiers:
        yield f"{node} <{vocab.QUALIFIERS[key][0]}> {res}{ref}>{prov}"
    for n, ev in enumerate(st.evidence, start=1):
        evidence = f"<{iri}/evidence-{n}>"
        quote, position = f"<{iri}/evidence-{n}/quote>", f"<{iri}/evidence-{n}/position>"
        text = corpus.articles[ev.article].text
        yield f"{node} <{PROV}wasDerivedFrom> {evidence}{prov}"
        yield f"{evidence} {a_type} <{PROV}Entity>{prov}"
        yield f"{evidence} {a_type} <{OA}SpecificResource>{prov}"
        yield f"{evidence} <{OA}hasSource> <{base}article/{ev.article}>{prov}"
        yield f"{evidence} <{OA}hasSelector> {quote}{prov}"
        yield f"{evidence} <{OA}hasSelector> {position}{prov}"
        yield f"{quote} {a_type} <{OA}TextQuoteSelector>{prov}"
        yield f"{quote} <{OA}exact> {_text(ev.quote)}{prov}"
        yield f"{quote} <{OA}prefix> {_text(text[max(0, ev.start - CONTEXT):ev.start])}{prov}"
        yield f"{quote} <{OA}suffix> {_text(text[ev.end:ev.end + CONTEXT])}{prov}"
        yield f"{position} {a_type} <{OA}TextPositionSelector>{prov}"
        yield f'{position} <{OA}start> "{ev.start}"^^<{XSD}integer>{prov}'
        yield f'{position} <{OA}end> "{ev.end}"^^<{XSD}integer>{prov}'
