"""Export: every format is read by readers heroes-kg did not write (rapper, serdi,
pyoxigraph, rdflib, networkx, pyld, Python's csv) and says exactly what the graph says."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from heroes_kg.outputs.formats import property_graph
from heroes_kg.pipeline import open_graph, standard_exports
from heroes_kg.project import find_project
from heroes_kg.query import KnowledgeGraph
from heroes_kg.vocab import Names

from .conftest import ROOT

SCHEMA = "https://schema.org/"
R = "https://w3id.org/heroes-kg/resource/"
NAMES = Names("https://w3id.org/heroes-kg/")
FACTS, PROVENANCE, ONTOLOGY = NAMES.facts, NAMES.provenance, NAMES.ontology

# file in exports/ -> (format, facts_only, the named graphs it holds, merged or not,
#                      rapper's name, serdi's name, pyoxigraph's format)
RDF_EXPORTS = {
    "heroes.ttl": ("turtle", False, (FACTS, PROVENANCE), False, "turtle", "turtle",
                   ox.RdfFormat.TURTLE),
    "heroes-facts.ttl": ("turtle", True, (FACTS,), False, "turtle", "turtle",
                         ox.RdfFormat.TURTLE),
    "heroes.nt": ("ntriples", False, (FACTS, PROVENANCE), False, "ntriples", "ntriples",
                  ox.RdfFormat.N_TRIPLES),
    "heroes.rdf": ("rdfxml", False, (FACTS, PROVENANCE), False, "rdfxml", None,
                   ox.RdfFormat.RDF_XML),
    "heroes.jsonld": ("jsonld", False, (FACTS, PROVENANCE), False, None, None,
                      ox.RdfFormat.JSON_LD),
    "heroes.trig": ("trig", False, (FACTS, PROVENANCE, ONTOLOGY), True, "trig", "trig",
                    ox.RdfFormat.TRIG),
    "heroes.nq": ("nquads", False, (FACTS, PROVENANCE, ONTOLOGY), True, "nquads", "nquads",
                  ox.RdfFormat.N_QUADS),
}
PG_EXPORTS = {"heroes.graphml": "graphml", "heroes.gexf": "gexf",
              "heroes-nodes.csv": "csv-nodes", "heroes-edges.csv": "csv-edges"}


def _kg(root: Path) -> KnowledgeGraph:
    """The built graph, without the shared lock (no build runs while these tests read)."""
    return open_graph(find_project(root), hold_lock=False)


def _graph(kg: KnowledgeGraph, *graphs: ox.NamedNode) -> rdflib.Graph:
    """The union of ``graphs`` as read from the store, as an rdflib Graph."""
    quads = [q for g in graphs for q in kg.store.quads_for_pattern(None, None, None, g)]
    data = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")


def _expected_count(kg: KnowledgeGraph, graphs: tuple[ox.NamedNode, ...], quads: bool) -> int:
    if quads:
        return sum(len(list(kg.store.quads_for_pattern(None, None, None, g))) for g in graphs)
    return len(kg.triples(graphs))


@pytest.mark.slow
def test_exports_do_not_depend_on_hash_order(tmp_path: Path) -> None:
    """A build in another process, with another string hash seed, writes the same bytes
    as the committed exports (no set or dict order leaks into a file)."""
    from .conftest import ROOT, copy_project

    root = copy_project(tmp_path / "p")
    env = {**os.environ, "PYTHONHASHSEED": "4242",
           "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run([sys.executable, "-m", "heroes_kg", "build", "--project", str(root)],
                   check=True, capture_output=True, env=env)
    for name in standard_exports:
        assert (root / "exports" / name).read_bytes() == \
            (ROOT / "exports" / name).read_bytes(), name


def test_the_standard_set_is_what_build_writes(built_project: Path) -> None:
    written = sorted(p.name for p in (built_project / "exports").iterdir())
    assert written == sorted(standard_exports)
    assert set(RDF_EXPORTS) | set(PG_EXPORTS) <= set(standard_exports)


@pytest.mark.parametrize("name", sorted(n for n, v in RDF_EXPORTS.items() if v[4]))
def test_rapper_reads_it_without_a_warning(built_project: Path, name: str) -> None:
    """rapper reads every RDF export but the JSON-LD (it has no JSON-LD parser)."""
    _fmt, _facts_only, graphs, quads, rapper_name, _serdi, _ox = RDF_EXPORTS[name]
    path = built_project / "exports" / name
    proc = subprocess.run(["rapper", "-i", rapper_name, "-c", str(path)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    expected = _expected_count(_kg(built_project), graphs, quads)
    assert proc.stderr.splitlines() == [
        f"rapper: Parsing URI {path.as_uri()} with parser {rapper_name}",
        f"rapper: Parsing returned {expected} triples"]


@pytest.mark.parametrize("name", sorted(n for n, v in RDF_EXPORTS.items() if v[5]))
def test_serdi_reads_it_without_a_warning(built_project: Path, name: str) -> None:
    _fmt, _facts_only, graphs, quads, _rapper, serdi_name, _ox = RDF_EXPORTS[name]
    proc = subprocess.run(["serdi", "-i", serdi_name, str(built_project / "exports" / name)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    expected = _expected_count(_kg(built_project), graphs, quads)
    assert len(proc.stdout.splitlines()) == expected


@pytest.mark.parametrize("name", sorted(RDF_EXPORTS))
def test_pyoxigraph_reads_the_same_count(built_project: Path, name: str) -> None:
    _fmt, _facts_only, graphs, quads, _rapper, _serdi, ox_format = RDF_EXPORTS[name]
    parsed = list(ox.parse(path=str(built_project / "exports" / name), format=ox_format))
    assert len(parsed) == _expected_count(_kg(built_project), graphs, quads) > 400
    if quads:
        assert {q.graph_name for q in parsed} == set(graphs)


@pytest.mark.parametrize("name", sorted(RDF_EXPORTS))
def test_rdflib_reads_back_the_built_graph(built_project: Path, name: str) -> None:
    """Isomorphic to the store's graphs; for quad formats, named graph by named graph."""
    _fmt, _facts_only, graphs, quads, _rapper, _serdi, _ox = RDF_EXPORTS[name]
    kg = _kg(built_project)
    path = built_project / "exports" / name
    rdflib_format = {"heroes.rdf": "xml", "heroes.jsonld": "json-ld", "heroes.nt": "nt",
                     "heroes.trig": "trig", "heroes.nq": "nquads"}.get(name, "turtle")
    if quads:
        dataset = rdflib.Dataset().parse(path, format=rdflib_format)
        contexts = {str(g.identifier): g for g in dataset.graphs() if len(g)}
        assert sorted(contexts) == sorted(g.value for g in graphs)
        for g in graphs:
            exported = rdflib.Graph()
            for triple in contexts[g.value]:
                exported.add(triple)
            assert isomorphic(exported, _graph(kg, g)), g.value
    else:
        exported = rdflib.Graph().parse(path, format=rdflib_format)
        expected = _graph(kg, *graphs)
        assert len(exported) == len(expected)
        assert isomorphic(exported, expected)


def test_facts_only_turtle_has_no_provenance(built_project: Path) -> None:
    text = (built_project / "exports" / "heroes-facts.ttl").read_text(encoding="utf-8")
    assert "rdf:Statement" not in text and "oa:exact" not in text
    graph = rdflib.Graph().parse(data=text, format="turtle")
    assert (rdflib.URIRef(R + "pedro-pascal"),
            rdflib.URIRef("https://w3id.org/heroes-kg/ontology#plays"),
            rdflib.URIRef(R + "marcus-moreno")) in graph


def test_jsonld_read_as_schema_org_exposes_the_film(built_project: Path) -> None:
    """A plain JSON-LD processor (pyld), with only the schema.org vocabulary as context,
    finds the film, its name, its director and its cast with character names."""
    from pyld import jsonld

    doc = json.loads((built_project / "exports" / "heroes.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["@vocab"] == SCHEMA
    flat = jsonld.flatten(doc, {"@vocab": SCHEMA})
    nodes = {n["@id"]: n for n in flat["@graph"]}

    def many(value: object) -> list:  # type: ignore[type-arg]
        return value if isinstance(value, list) else [value]

    # a film is a schema:Movie, and (asserted, so no reasoner is needed) a CreativeWork

    films = [n for n in nodes.values() if "Movie" in many(n.get("@type"))
             and n.get("name") == "We Can Be Heroes"]
    assert len(films) == 1
    film = films[0]
    assert [nodes[d["@id"]]["name"] for d in many(film["director"])] == ["Robert Rodriguez"]
    cast = {}
    for ref in many(film["actor"]):
        role = nodes[ref["@id"]]
        assert role["@type"] == "PerformanceRole"
        cast[role["characterName"]] = nodes[role["actor"]["@id"]]["name"]
    assert cast["Marcus Moreno"] == "Pedro Pascal"
    assert cast["Sharkboy"] == "JJ Dashnaw"
    assert len(cast) == 9


def test_jsonld_is_compact_with_native_numbers(built_project: Path) -> None:
    doc = json.loads((built_project / "exports" / "heroes.jsonld").read_text(encoding="utf-8"))
    nodes = {n["@id"]: n for n in doc["@graph"]}
    pedro = nodes["res:pedro-pascal"]
    assert pedro["@type"] == ["Person", "heroes:Actor"] and pedro["name"] == "Pedro Pascal"
    assert pedro["heroes:plays"] == {"@id": "res:marcus-moreno"}
    figures = [n for n in nodes.values() if n.get("heroes:households") == 44000000]
    assert len(figures) == 1 and figures[0]["heroes:periodDays"] == 28
    assert [n["@id"] for n in doc["@graph"]] == sorted(n["@id"] for n in doc["@graph"])


def _facts_nodes_and_edges(kg: KnowledgeGraph) -> tuple[set[str], int]:
    facts = kg.triples((FACTS,))
    nodes = {t.subject.value for t in facts}
    edges = sum(1 for t in facts if isinstance(t.object, ox.NamedNode)
                and t.object.value in nodes and t.predicate.value != ox.NamedNode(
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type").value)
    return nodes, edges


@pytest.mark.parametrize("name", ["heroes.graphml", "heroes.gexf"])
def test_networkx_reads_the_property_graph(built_project: Path, name: str) -> None:
    import networkx as nx

    path = built_project / "exports" / name
    graph = nx.read_graphml(path) if name.endswith("graphml") else nx.read_gexf(path)
    nodes, edges = _facts_nodes_and_edges(_kg(built_project))
    assert set(graph.nodes) == nodes
    assert graph.number_of_edges() == edges > 150
    pedro = graph.nodes[R + "pedro-pascal"]
    assert (pedro["label"], pedro["class"], pedro["category"]) == \
        ("Pedro Pascal", "Actor", "Person")
    figure = next(d for _, d in graph.nodes(data=True) if d.get("households") == 44000000)
    assert figure["periodDays"] == 28 and figure["projected"] is True
    plays = [d for _, _, d in graph.edges(R + "pedro-pascal", data=True)
             if d["label"] == "plays"]
    assert len(plays) == 1
    assert plays[0]["property"] == "https://w3id.org/heroes-kg/ontology#plays"
    assert "Pedro Pascal as Missy's dad Marcus Moreno" in plays[0]["evidence"]
    assert plays[0]["in"] == "We Can Be Heroes"
    directors = [u for u, _, d in graph.in_edges(R + "robert-rodriguez", data=True)
                 if d["label"] == "director"]
    assert R + "we-can-be-heroes" in directors
    # Every attribute comes back with its value and type, line breaks included.
    expected = property_graph(_kg(built_project))
    assert {n: dict(graph.nodes[n]) for n in graph.nodes} == expected.nodes
    assert sorted((u, v, sorted((k, x) for k, x in d.items() if k != "id"))
                  for u, v, d in graph.edges(data=True)) == \
        sorted((u, v, sorted(d.items())) for u, v, d in expected.edges)
    assert any("\n" in str(d.get("text", "")) for _, d in graph.nodes(data=True))


def test_neo4j_csv_has_the_import_shape(built_project: Path) -> None:
    def rows(name: str) -> list[dict[str, str]]:
        text = (built_project / "exports" / name).read_text(encoding="utf-8")
        return list(csv.DictReader(io.StringIO(text)))

    nodes, edges = rows("heroes-nodes.csv"), rows("heroes-edges.csv")
    expected_nodes, expected_edges = _facts_nodes_and_edges(_kg(built_project))
    ids = [n["id:ID"] for n in nodes]
    assert sorted(ids) == sorted(expected_nodes) and len(set(ids)) == len(ids)
    assert len(edges) == expected_edges
    assert {e[":START_ID"] for e in edges} | {e[":END_ID"] for e in edges} <= set(ids)
    pedro = next(n for n in nodes if n["id:ID"] == R + "pedro-pascal")
    assert pedro[":LABEL"] == "Actor;Person" and pedro["name"] == "Pedro Pascal"
    figure = next(n for n in nodes if n["households:long"] == "44000000")
    assert figure["periodDays:long"] == "28" and figure["projected:boolean"] == "true"
    plays = next(e for e in edges if e[":START_ID"] == R + "pedro-pascal"
                 and e[":TYPE"] == "PLAYS")
    assert plays[":END_ID"] == R + "marcus-moreno"
    assert "Pedro Pascal as Missy's dad Marcus Moreno" in plays["evidence"]
    assert {e[":TYPE"] for e in edges} >= {"DIRECTOR", "PRODUCTION_COMPANY", "ACTOR",
                                          "MENTIONS"}
    # Every value is there, as Neo4j's import reads its column type.
    expected = property_graph(_kg(built_project))
    for row in nodes:
        attrs = expected.nodes[row["id:ID"]]
        for column, cell in row.items():
            key = column.split(":")[0]
            if key in attrs:
                value = attrs[key]
                assert cell == (str(value).lower() if isinstance(value, bool) else str(value))
            elif key not in ("id", ""):
                assert cell == "", (row["id:ID"], column)


# --- the command ------------------------------------------------------------------------

STANDARD_OPTIONS = {
    "heroes.ttl": ["-f", "turtle"], "heroes-facts.ttl": ["-f", "turtle", "--facts-only"],
    "heroes.nt": ["-f", "ntriples"], "heroes.rdf": ["-f", "rdfxml"],
    "heroes.jsonld": ["-f", "jsonld"], "heroes.trig": ["-f", "trig"],
    "heroes.nq": ["-f", "nquads"], "heroes.graphml": ["-f", "graphml"],
    "heroes.gexf": ["-f", "gexf"], "heroes-nodes.csv": ["-f", "csv-nodes"],
    "heroes-edges.csv": ["-f", "csv-edges"],
}


@pytest.mark.parametrize("name", sorted(STANDARD_OPTIONS))
def test_export_to_stdout_is_the_standard_file(built_project: Path, run, name: str) -> None:  # type: ignore[no-untyped-def]
    result = run("export", *STANDARD_OPTIONS[name], "--project", str(built_project))
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == (built_project / "exports" / name).read_bytes()


def test_export_to_a_file(built_project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "g.nq"
    result = run("export", "--format", "NQuads", "-o", str(out), "--without-ontology",
                 "--project", str(built_project))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    graphs = {q.graph_name for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)}
    assert graphs == {FACTS, PROVENANCE}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.nq"]


def test_with_ontology_merges_it_into_triple_formats(built_project: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("export", "-f", "turtle", "--facts-only", "--with-ontology",
                 "--project", str(built_project))
    assert result.exit_code == 0, result.stderr
    exported = rdflib.Graph().parse(data=result.stdout, format="turtle")
    kg = _kg(built_project)
    assert isomorphic(exported, _graph(kg, FACTS, ONTOLOGY))
    # Blank nodes of the ontology are canonicalized: the same bytes on every run.
    again = run("export", "-f", "turtle", "--facts-only", "--with-ontology",
                "--project", str(built_project))
    assert again.stdout_bytes == result.stdout_bytes and "_:c14n" in result.stdout


@pytest.mark.parametrize("fmt, rapper_name, rdflib_format", [
    ("turtle", "turtle", "turtle"), ("ntriples", "ntriples", "nt"),
    ("rdfxml", "rdfxml", "xml"), ("jsonld", None, "json-ld")])
def test_with_ontology_round_trips_in_every_triple_format(  # type: ignore[no-untyped-def]
        built_project: Path, run, tmp_path: Path, fmt: str, rapper_name: str | None,
        rdflib_format: str) -> None:
    """The ontology's blank nodes (owl:unionOf lists) survive every triple format."""
    out = tmp_path / f"with-ontology.{fmt}"
    result = run("export", "-f", fmt, "--with-ontology", "-o", str(out),
                 "--project", str(built_project))
    assert result.exit_code == 0, result.stderr
    kg = _kg(built_project)
    expected = _graph(kg, FACTS, PROVENANCE, ONTOLOGY)
    if rapper_name:
        proc = subprocess.run(["rapper", "-i", rapper_name, "-c", str(out)],
                              capture_output=True, text=True, check=False)
        assert proc.stderr.splitlines()[1:] == [
            f"rapper: Parsing returned {len(expected)} triples"]
    assert isomorphic(rdflib.Graph().parse(out, format=rdflib_format), expected)


def test_facts_only_property_graph_has_no_evidence(built_project: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("export", "-f", "csv-edges", "--facts-only", "--project", str(built_project))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == ":START_ID,:END_ID,:TYPE,property"


def test_unknown_format_lists_the_known_ones(built_project: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("export", "-f", "turtel", "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("Error: unknown export format 'turtel' (did you mean turtle?); "
                             "known formats: turtle (ttl), ntriples (nt, n-triples), rdfxml "
                             "(rdf, xml), jsonld (json-ld), trig, nquads (nq, n-quads), "
                             "graphml, gexf, csv-nodes, csv-edges\n")


@pytest.mark.parametrize("names", [("turtle", "ttl"), ("ntriples", "nt", "n-triples"),
                                   ("rdfxml", "rdf", "xml"), ("jsonld", "json-ld"),
                                   ("nquads", "nq", "n-quads"), ("trig",)])
def test_every_format_name_is_accepted(built_project: Path, run,  # type: ignore[no-untyped-def]
                                       names: tuple[str, ...]) -> None:
    outputs = set()
    for name in names:
        result = run("export", "-f", name, "--project", str(built_project))
        assert result.exit_code == 0, result.stderr
        outputs.add(result.stdout_bytes)
    assert len(outputs) == 1


def test_ontology_with_a_property_graph_is_refused(built_project: Path, run) -> None:  # type: ignore[no-untyped-def]
    result = run("export", "-f", "graphml", "--with-ontology", "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr == ("Error: --with-ontology applies to RDF formats only, not to "
                             "graphml; the ontology is in ontology/heroes.ttl\n")


def test_missing_folder_is_a_clear_error(built_project: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "no" / "such" / "g.ttl"
    result = run("export", "-f", "turtle", "-o", str(out), "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot write {out}: the folder {out.parent} does not "
                             "exist; create it first\n")
    assert not (tmp_path / "no").exists()


def test_a_file_in_place_of_the_folder_is_a_clear_error(built_project: Path, run,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    out = tmp_path / "plain" / "g.ttl"
    result = run("export", "-f", "turtle", "-o", str(out), "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {out}: {out.parent} is not a folder\n"


def test_a_failed_write_leaves_nothing(built_project: Path, run) -> None:  # type: ignore[no-untyped-def]
    """/proc accepts no new files, even from root: the write fails after serializing."""
    result = run("export", "-f", "turtle", "-o", "/proc/heroes.ttl",
                 "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot write /proc/heroes.ttl: ")
    assert not any(p.name.startswith(".heroes.ttl") for p in Path("/proc").iterdir())


def test_exporting_imports_neither_rdflib_nor_networkx_until_needed() -> None:
    code = ("import sys, heroes_kg.outputs.formats; "
            "print(sorted(m for m in ('rdflib', 'networkx', 'pyld') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_jsonld_round_trips_unusual_terms() -> None:
    """Blank nodes, language tags, non-canonical numbers, names that clash with the
    context's prefixes and IRIs no prefix covers all come back as they went in."""
    from pyld import jsonld

    from heroes_kg.export import export  # the path the README documents

    names = Names("http://example.org/")
    res, xsd = "http://example.org/resource/", "http://www.w3.org/2001/XMLSchema#"
    a, b = ox.NamedNode(res + "a"), ox.BlankNode()
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    triples = [
        (a, rdf_type, ox.NamedNode(SCHEMA + "Movie")),
        (a, rdf_type, b),
        (b, ox.NamedNode(SCHEMA + "name"), ox.Literal("chat", language="fr")),
        (a, ox.NamedNode(SCHEMA + "article"), ox.Literal("clashes with the article: prefix")),
        (a, ox.NamedNode(SCHEMA + "with-dash"), ox.Literal("1.5", datatype=ox.NamedNode(
            xsd + "double"))),
        (a, ox.NamedNode(SCHEMA + "count"), ox.Literal("007", datatype=ox.NamedNode(
            xsd + "integer"))),
        (a, ox.NamedNode(SCHEMA + "flag"), ox.Literal("1", datatype=ox.NamedNode(
            xsd + "boolean"))),
        (a, ox.NamedNode(SCHEMA + "big"), ox.Literal("-12", datatype=ox.NamedNode(
            xsd + "integer"))),
        (a, ox.NamedNode("http://other.example/p#q"), ox.NamedNode("http://other.example/a#b")),
    ]
    store = ox.Store()
    store.extend(ox.Quad(s, p, o, names.facts) for s, p, o in triples)
    data = export(KnowledgeGraph(store, names), "jsonld")
    expected = rdflib.Graph().parse(data=ox.serialize(
        [ox.Triple(s, p, o) for s, p, o in triples], format=ox.RdfFormat.N_TRIPLES),
        format="nt")
    assert isomorphic(rdflib.Graph().parse(data=data, format="json-ld"), expected)
    nquads = jsonld.to_rdf(json.loads(data), {"format": "application/n-quads"})
    assert isomorphic(rdflib.Graph().parse(data=nquads, format="nt"), expected)
    doc = json.loads(data)
    movie = next(n for n in doc["@graph"] if n["@id"] == "res:a")
    assert movie["schema:article"] == "clashes with the article: prefix"
    assert movie["big"] == -12 and movie["count"] == 7 and movie["flag"] is True


def test_graphml_is_what_networkx_writes() -> None:
    """The GraphML writer gives networkx's bytes for the same property graph, with text
    that needs escaping, characters outside ASCII and line breaks of every kind."""
    import networkx as nx

    from heroes_kg.outputs.formats import FORMATS, PropertyGraph, _networkx

    odd = 'a & b < c > d "e" \r f\n g\t h \x0b i \u2028 j \x85 k é 😀'
    pg = PropertyGraph(kinds={"households": "long", "name": "string", "projected": "boolean"})
    pg.nodes = {
        "http://example.org/a?x=1&y=\"2\"": {"label": odd, "class": "Movie",
                                             "category": "CreativeWork", "households": 7,
                                             "projected": True, "name": "x\ty"},
        "http://example.org/b": {"label": "b", "class": "Person", "category": "Person"},
    }
    pg.edges = [("http://example.org/a?x=1&y=\"2\"", "http://example.org/b",
                 {"label": "director", "property": "https://schema.org/director",
                  "evidence": odd}),
                ("http://example.org/b", "http://example.org/b",
                 {"label": "knows", "property": "https://schema.org/knows"})]
    expected = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                + "\n".join(nx.generate_graphml(_networkx(pg), encoding="utf-8")).encode()
                + b"\n")
    assert FORMATS["graphml"].write(pg) == expected  # type: ignore[attr-defined]
    empty = PropertyGraph()
    assert FORMATS["graphml"].write(empty) == (  # type: ignore[attr-defined]
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + "\n".join(nx.generate_graphml(_networkx(empty), encoding="utf-8")).encode() + b"\n")


def test_gexf_is_what_networkx_writes(built_project: Path) -> None:
    """The GEXF writer gives networkx's bytes for the same property graph: the seeds, and
    text that needs escaping, characters outside ASCII, line breaks of every kind, a node
    without attributes, an edge without evidence, and no nodes at all."""
    from heroes_kg.outputs.formats import FORMATS, PropertyGraph, _gexf_networkx

    with _kg(built_project) as kg:
        pg = property_graph(kg)
        assert FORMATS["gexf"].write(pg) == _gexf_networkx(pg)  # type: ignore[attr-defined]
    odd = 'a & b < c > d "e" \r f\n g\t h \x0b i \u2028 j \x85 k é 😀'
    pg = PropertyGraph(kinds={"households": "long", "name": "string", "projected": "boolean"})
    pg.nodes = {
        "http://example.org/a?x=1&y=\"2\"": {"label": odd, "class": "Movie",
                                             "category": "CreativeWork", "households": 7,
                                             "projected": True, "name": "x\ty"},
        "http://example.org/b": {"label": "b", "class": "Person", "category": "Person",
                                 "projected": False},
        "http://example.org/c": {},
    }
    pg.edges = [("http://example.org/a?x=1&y=\"2\"", "http://example.org/b",
                 {"label": "director", "property": "https://schema.org/director",
                  "evidence": odd}),
                ("http://example.org/b", "http://example.org/b",
                 {"label": "knows", "property": "https://schema.org/knows"}),
                ("http://example.org/c", "http://example.org/b", {})]
    for graph in (pg, PropertyGraph(), PropertyGraph(nodes={"x": {}}),
                  PropertyGraph(nodes={"x": {}}, edges=[("x", "x", {})])):
        assert FORMATS["gexf"].write(graph) == _gexf_networkx(graph)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["heroes.ttl", "heroes.trig"])
def test_statement_iris_are_written_with_a_prefix(name: str) -> None:
    # the provenance reads as well as the facts: statement:…, not 100-character IRIs
    text = (ROOT / "exports" / name).read_text("utf-8")
    assert "@prefix statement: <https://w3id.org/heroes-kg/statement/> ." in text
    body = text.replace("@prefix statement: <https://w3id.org/heroes-kg/statement/> .", "")
    assert "<https://w3id.org/heroes-kg/statement/" not in body
    assert sum(len(line) > 200 for line in text.splitlines()) < 40


def test_pieces_are_the_export(built_project: Path, monkeypatch: pytest.MonkeyPatch
                               ) -> None:
    """What a build writes piece by piece (N-Triples and N-Quads are never joined into
    one more copy; N-Quads made a piece at a time, here of a few lines) is the export,
    for every format and option."""
    from heroes_kg.outputs import formats
    from heroes_kg.outputs.formats import FORMATS, export, export_pieces

    monkeypatch.setattr(formats, "_PIECE", 500)

    with open_graph(find_project(built_project), hold_lock=False) as kg:
        for fmt in FORMATS:
            for facts_only in (False, True):
                for with_ontology in ((None, True, False) if fmt not in PG_EXPORTS.values()
                                      else (None,)):
                    pieces = export_pieces(kg, fmt, facts_only=facts_only,
                                           with_ontology=with_ontology)
                    joined = b"".join(pieces)
                    assert joined == export(kg, fmt, facts_only=facts_only,
                                            with_ontology=with_ontology), fmt
                    assert b"".join(pieces) == joined  # made again as often as read
                    if fmt == "nquads":
                        assert len(list(pieces)) > 10
                        assert getattr(pieces, "size", len(joined)) == len(joined)
