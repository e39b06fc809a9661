"""Generated parts of the documentation, written into the pages by cog.

Each page keeps its generated part between ``[[[cog`` and ``[[[end]]]`` markers; run

    python3 -m cogapp -r -I docs docs/*.md

to bring them up to date, and ``tests/test_docs.py`` fails when one is out of date.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import cog
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

ROOT = Path(__file__).resolve().parent.parent


def _this_checkout() -> None:
    """Document the heroes_kg of this checkout, whatever else is installed (cog restores
    sys.path after each block, so this runs at each call)."""
    src = str(ROOT / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    loaded = sys.modules.get("heroes_kg")
    assert loaded is None or str(loaded.__file__).startswith(src), loaded

SH = Namespace("http://www.w3.org/ns/shacl#")
PREFIXES = {
    "https://w3id.org/heroes-kg/ontology#": "heroes:",
    "https://schema.org/": "schema:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/ns/oa#": "oa:",
    "http://www.wikidata.org/entity/": "wd:",
    "http://www.wikidata.org/prop/direct/": "wdt:",
    "https://w3id.org/heroes-kg/shapes#": "hs:",
}


def _short(term: object) -> str:
    text = str(term)
    for namespace, prefix in PREFIXES.items():
        if text.startswith(namespace):
            return prefix + text[len(namespace):]
    return f"<{text}>" if isinstance(term, URIRef) else text


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _term(graph: Graph, term: object) -> str:
    union = graph.value(term, OWL.unionOf) if isinstance(term, BNode) else None
    if union is not None:
        return " or ".join(sorted(_term(graph, t) for t in Collection(graph, union)))
    return f"`{_short(term)}`"


def _joined(graph: Graph, subject: object, predicate: URIRef) -> str:
    return ", ".join(sorted(_term(graph, o) for o in graph.objects(subject, predicate)))


def _ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "heroes.ttl")


def classes() -> None:
    """The classes of ontology/heroes.ttl as a table."""
    graph = _ontology()
    cog.outl("| class | label | subclass of | what it is | mapped to |")
    cog.outl("| --- | --- | --- | --- | --- |")
    for cls in sorted(graph.subjects(RDF.type, OWL.Class), key=str):
        if isinstance(cls, BNode):
            continue
        maps = ", ".join(filter(None, (_joined(graph, cls, p) for p in (
            SKOS.exactMatch, SKOS.closeMatch, SKOS.relatedMatch))))
        cog.outl(f"| `{_short(cls)}` | {_cell(str(graph.value(cls, RDFS.label) or ''))} | "
                 f"{_joined(graph, cls, RDFS.subClassOf)} | "
                 f"{_cell(str(graph.value(cls, RDFS.comment) or ''))} | {maps} |")


def properties() -> None:
    """The properties of ontology/heroes.ttl as a table."""
    graph = _ontology()
    found = set()
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        found |= {p for p in graph.subjects(RDF.type, kind) if isinstance(p, URIRef)}
    cog.outl("| property | label | domain → range | sub-property of | what it says | mapped to |")
    cog.outl("| --- | --- | --- | --- | --- | --- |")
    for prop in sorted(found, key=str):
        domain = _joined(graph, prop, RDFS.domain) or "—"
        range_ = _joined(graph, prop, RDFS.range) or "—"
        maps = ", ".join(filter(None, (_joined(graph, prop, p) for p in (
            SKOS.exactMatch, SKOS.closeMatch, SKOS.relatedMatch))))
        cog.outl(f"| `{_short(prop)}` | {_cell(str(graph.value(prop, RDFS.label) or ''))} | "
                 f"{domain} → {range_} | {_joined(graph, prop, RDFS.subPropertyOf)} | "
                 f"{_cell(str(graph.value(prop, RDFS.comment) or ''))} | {maps} |")


def _constraint(graph: Graph, shape: object) -> str:
    parts = []
    for key in ("minCount", "maxCount", "datatype", "class", "nodeKind", "pattern",
                "minInclusive", "minLength", "lessThan", "lessThanOrEquals", "node"):
        for value in sorted(graph.objects(shape, SH[key]), key=str):
            shown = f'"{value}"' if isinstance(value, Literal) and key == "pattern" else \
                _short(value)
            parts.append(f"{key} {shown}")
    for either in sorted(graph.objects(shape, SH["or"]), key=str):
        options = [", ".join(sorted(f"{p.split('#')[-1]} {_short(o)}" for p, o in
                                    graph.predicate_objects(item)))
                   for item in Collection(graph, either)]
        parts.append("one of: " + " / ".join(options))
    return "; ".join(f"`{p}`" if not p.startswith("one of") else p for p in parts)


def shapes() -> None:
    """Each targeted shape of ontology/shapes.ttl with its property constraints."""
    graph = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    targets = [("targetClass", "every"), ("targetSubjectsOf", "every subject of"),
               ("targetObjectsOf", "every object of")]
    for shape in sorted(set(graph.subjects(RDF.type, SH.NodeShape)), key=str):
        aims = [f"{words} `{_short(t)}`" for key, words in targets
                for t in graph.objects(shape, SH[key])]
        if not aims or isinstance(shape, BNode):
            continue
        cog.outl(f"**`{_short(shape)}`**: {', '.join(aims)}")
        comment = graph.value(shape, RDFS.comment)
        if comment:
            cog.outl("")
            cog.outl(_cell(str(comment)))
        cog.outl("")
        rows = []
        for prop in graph.objects(shape, SH.property):
            path = graph.value(prop, SH.path)
            inverse = graph.value(path, SH.inversePath) if isinstance(path, BNode) else None
            shown = f"^{_short(inverse)}" if inverse is not None else _short(path)
            rows.append(f"| `{shown}` | {_constraint(graph, prop)} | "
                        f"{_cell(str(graph.value(prop, SH.message) or ''))} |")
        if rows:
            cog.outl("| path | constraint | message when it fails |")
            cog.outl("| --- | --- | --- |")
            for row in sorted(rows):
                cog.outl(row)
            cog.outl("")


def named_queries() -> None:
    """The named queries in queries/ with the question each answers."""
    _this_checkout()
    from heroes_kg.project import find_project
    from heroes_kg.query import list_queries

    cog.outl("| name | kind | question |")
    cog.outl("| --- | --- | --- |")
    for named in list_queries(find_project(ROOT)):
        body = "\n".join(line for line in named.text.splitlines()
                         if not line.lstrip().startswith("#"))
        kind = re.search(r"(?i)\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", body)
        cog.outl(f"| `{named.name}` | {kind[1].upper() if kind else ''} | "
                 f"{_cell(named.question)} |")


def cli_reference() -> None:
    """``heroes-kg --help`` and each command's ``--help``, as they are now."""
    _this_checkout()
    import click

    from heroes_kg.cli import main

    def helptext(*args: str) -> str:
        # a fixed width, whatever the terminal or the process that runs this
        settings = {**main.context_settings, "terminal_width": 88, "max_content_width": 88}
        with click.Context(main, info_name="heroes-kg", **settings) as top:
            if not args:
                return main.get_help(top) + "\n"
            command = main.commands[args[0]]
            with click.Context(command, info_name=args[0], parent=top, **settings) as ctx:
                return command.get_help(ctx) + "\n"

    cog.outl("```text")
    cog.out(helptext())
    cog.outl("```")
    for name in sorted(main.commands):
        cog.outl("")
        cog.outl(f"## heroes-kg {name}")
        cog.outl("")
        cog.outl("```text")
        cog.out(helptext(name))
        cog.outl("```")
