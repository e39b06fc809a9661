"""`heroes-kg query`, `heroes-kg queries` and KnowledgeGraph.query: formats, bindings,
inference, time limits and errors."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import Result

import heroes_kg
from heroes_kg.errors import HeroesKGError
from heroes_kg.query import KnowledgeGraph, QueryResult, to_python

from .conftest import ROOT

RES = "https://w3id.org/heroes-kg/resource/"
HOUSEHOLDS = ("SELECT ?name ?h { ?f heroes:households ?h ; schema:about ?w . "
              "?w schema:name ?name } ORDER BY ?h")


@pytest.fixture
def query(run: Callable[..., Result], built_project: Path) -> Callable[..., Result]:
    def invoke(*args: str) -> Result:
        return run("query", *args, "--project", str(built_project))

    return invoke


@pytest.fixture(scope="module")
def kg(built_project: Path) -> Iterator[KnowledgeGraph]:
    with heroes_kg.load(built_project) as graph:
        yield graph


# --- Output formats --------------------------------------------------------------------

def test_select_prints_an_aligned_table(query: Callable[..., Result]) -> None:
    result = query(HOUSEHOLDS)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "name              h\n"
        "----------------  --------\n"
        "We Can Be Heroes  44000000\n"
        "Bridgerton        63000000\n"
        "(2 rows)\n")


def test_table_shortens_iris_with_the_known_prefixes(query: Callable[..., Result]) -> None:
    result = query("replacements")
    assert result.stdout.splitlines()[2].split() == [
        "JJ", "Dashnaw", "Taylor", "Lautner", "Sharkboy", "We", "Can", "Be", "Heroes"]
    result = query("sequel-director")
    assert "res:we-can-be-heroes-sequel  res:robert-rodriguez  Robert Rodriguez  director" \
        in result.stdout


def test_select_as_w3c_csv_and_tsv(query: Callable[..., Result]) -> None:
    assert query(HOUSEHOLDS, "--format", "csv").stdout_bytes == (
        b"name,h\r\nWe Can Be Heroes,44000000\r\nBridgerton,63000000\r\n")
    assert query(HOUSEHOLDS, "--format", "tsv").stdout_bytes == (
        b'?name\t?h\n"We Can Be Heroes"\t44000000\n"Bridgerton"\t63000000\n')


def test_select_as_w3c_json(query: Callable[..., Result]) -> None:
    data = json.loads(query(HOUSEHOLDS, "--format", "json").stdout)
    assert data["head"] == {"vars": ["name", "h"]}
    assert data["results"]["bindings"][0] == {
        "name": {"type": "literal", "value": "We Can Be Heroes"},
        "h": {"type": "literal", "value": "44000000",
              "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}


def test_select_as_w3c_xml(query: Callable[..., Result]) -> None:
    root = ET.fromstring(query(HOUSEHOLDS, "--format", "xml").stdout_bytes)
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    assert [v.get("name") for v in root.findall("s:head/s:variable", ns)] == ["name", "h"]
    literals = root.findall("s:results/s:result/s:binding/s:literal", ns)
    assert [lit.text for lit in literals] == ["We Can Be Heroes", "44000000", "Bridgerton",
                                              "63000000"]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_every_result_format_ends_with_a_newline(query: Callable[..., Result],
                                                 fmt: str) -> None:
    assert query(HOUSEHOLDS, "--format", fmt).stdout_bytes.endswith(b"\n")


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_ask_result_formats_end_with_a_newline(query: Callable[..., Result], fmt: str) -> None:
    assert query("ASK { ?s ?p ?o }", "--format", fmt).stdout_bytes.endswith(b"\n")


@pytest.mark.parametrize("names,rdf_format", [
    (("ttl", "turtle"), ox.RdfFormat.TURTLE),
    (("nt", "ntriples", "n-triples"), ox.RdfFormat.N_TRIPLES),
    (("jsonld", "json-ld"), ox.RdfFormat.JSON_LD),
    (("rdf", "xml", "rdfxml"), ox.RdfFormat.RDF_XML),
    (("trig",), ox.RdfFormat.TRIG),
    (("nq", "nquads"), ox.RdfFormat.N_QUADS),
])
def test_construct_takes_every_format_name(query: Callable[..., Result], names: tuple[str, ...],
                                           rdf_format: ox.RdfFormat) -> None:
    outputs = {query(CONSTRUCT, "--format", name).stdout_bytes for name in names}
    assert len(outputs) == 1
    data = outputs.pop()
    assert data.endswith(b"\n")
    assert len(list(ox.parse(data, format=rdf_format))) == 1


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_other_tools_read_the_result_formats(query: Callable[..., Result], fmt: str) -> None:
    from rdflib.query import Result as RdflibResult

    data = query(HOUSEHOLDS, "--format", fmt).stdout_bytes
    parsed = RdflibResult.parse(source=__import__("io").BytesIO(data), format=fmt)
    assert [str(row[0]) for row in parsed] == ["We Can Be Heroes", "Bridgerton"]
    if fmt != "csv":  # W3C CSV drops datatypes by design
        # Read in one expression: Oxigraph's result object must not outlive it, or the
        # garbage collector may free it later on a query thread, which pyo3 refuses.
        households = [int(s["h"].value) for s in ox.parse_query_results(
            data, {"tsv": ox.QueryResultsFormat.TSV, "json": ox.QueryResultsFormat.JSON,
                   "xml": ox.QueryResultsFormat.XML}[fmt])]
        assert households == [44000000, 63000000]


def test_ask_prints_true_or_false(query: Callable[..., Result]) -> None:
    assert query("ASK { res:pedro-pascal a heroes:Actor }").stdout == "true\n"
    assert query("ASK { res:pedro-pascal a heroes:Filmmaker }").stdout == "false\n"
    assert query("ASK { res:pedro-pascal a heroes:Actor }", "--format", "json").stdout == (
        '{"head":{},"boolean":true}\n')
    xml = query("ASK { res:pedro-pascal a heroes:Actor }", "--format", "xml").stdout
    assert "<boolean>true</boolean>" in xml


def test_ask_cannot_be_csv(query: Callable[..., Result]) -> None:
    result = query("ASK { ?s ?p ?o }", "--format", "csv")
    assert result.exit_code == 1
    assert result.stderr == ("Error: an ASK result cannot be written as csv (the W3C CSV "
                             "format has no boolean); use json, xml or tsv\n")


CONSTRUCT = "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a heroes:Filmmaker ; schema:name ?n }"


def test_construct_as_turtle_by_default(query: Callable[..., Result]) -> None:
    out = query(CONSTRUCT).stdout
    assert out.endswith('res:robert-rodriguez schema:name "Robert Rodriguez" .\n')
    graph = ox.parse(out.encode(), format=ox.RdfFormat.TURTLE)
    assert len(list(graph)) == 1


@pytest.mark.parametrize("fmt,rdf_format", [("nt", ox.RdfFormat.N_TRIPLES),
                                            ("jsonld", ox.RdfFormat.JSON_LD),
                                            ("ttl", ox.RdfFormat.TURTLE)])
def test_construct_formats(query: Callable[..., Result], fmt: str,
                           rdf_format: ox.RdfFormat) -> None:
    data = query(CONSTRUCT, "--format", fmt).stdout_bytes
    assert [str(t) for t in ox.parse(data, format=rdf_format)] == [
        f'<{RES}robert-rodriguez> <https://schema.org/name> "Robert Rodriguez"']


def test_describe(query: Callable[..., Result]) -> None:
    out = query("DESCRIBE res:guppy", "--format", "nt").stdout
    assert f'<{RES}guppy> <https://schema.org/name> "Guppy" .' in out.splitlines()


def test_select_cannot_be_turtle(query: Callable[..., Result]) -> None:
    result = query(HOUSEHOLDS, "--format", "ttl")
    assert result.exit_code == 1
    assert result.stderr == ("Error: a SELECT result cannot be written as 'ttl'; use one "
                             "of csv, tsv, json, xml\n")


# --- Where the query comes from ----------------------------------------------------------

def test_named_query_from_a_file_and_by_path(query: Callable[..., Result],
                                             built_project: Path) -> None:
    by_name = query("family").stdout
    path = built_project / "queries" / "family.rq"
    assert query("-f", str(path)).stdout == by_name
    assert query(str(path)).stdout == by_name
    assert "Marcus Moreno  Missy Moreno" in by_name


def test_query_and_file_together_is_an_error(query: Callable[..., Result],
                                             built_project: Path) -> None:
    result = query("family", "-f", str(built_project / "queries" / "family.rq"))
    assert result.exit_code == 1
    assert result.stderr == ("Error: give a query (SPARQL, a .rq path or a name) or -f FILE, "
                             "not both and not neither\n")


def test_missing_query_file(query: Callable[..., Result], tmp_path: Path) -> None:
    result = query(str(tmp_path / "nope.rq"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: no query file {tmp_path / 'nope.rq'}\n"


def test_unknown_named_query_lists_close_names(query: Callable[..., Result]) -> None:
    result = query("sequel-directr")
    assert result.exit_code == 1
    assert result.stderr == ("Error: no named query 'sequel-directr' in queries/; did you "
                             "mean sequel-director, sequel-news, sequel-status?\n")
    result = query("zzz")
    assert result.stderr == ("Error: no named query 'zzz' in queries/; 'heroes-kg queries' "
                             "lists them\n")


def test_queries_lists_names_and_questions(run: Callable[..., Result],
                                           built_project: Path) -> None:
    result = run("queries", "--project", str(built_project))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) >= 15
    assert "sequel-director         Who directs and who writes the \"We Can Be Heroes\" " \
           "sequel?" in lines
    assert any(line.startswith("facts-about ") and "(bind ?entity" in line for line in lines)


# --- Bindings ----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["pedro-pascal", "Pedro Pascal", "pascal",
                                   f"<{RES}pedro-pascal>", "res:pedro-pascal",
                                   f"{RES}pedro-pascal"])
def test_bind_resolves_ids_names_and_iris(query: Callable[..., Result], value: str) -> None:
    result = query("roles-of", "--bind", f"person={value}", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == (f"person,character,work,reprised\r\n{RES}pedro-pascal,"
                                   "Marcus Moreno,We Can Be Heroes,false\r\n").encode()


def test_bind_literals(query: Callable[..., Result]) -> None:
    q = ("SELECT ?thing { ?thing ?p ?value "
         "FILTER(?p != rdf:object && STRSTARTS(STR(?thing), STR(res:))) }")
    cases = {
        "44000000": f"{RES}we-can-be-heroes-viewership",
        '"in development"': f"{RES}we-can-be-heroes-sequel",
        '"2021-01-05"^^xsd:date': f"{RES}chopra-sequel-tweet",
        '"2005"^^<http://www.w3.org/2001/XMLSchema#gYear>': f"{RES}sharkboy-and-lavagirl",
        "2020-12-31": f"{RES}we-can-be-heroes-kids-ranking",
        "'global'": f"{RES}we-can-be-heroes-films-ranking",
    }
    for value, expected in cases.items():
        result = query(q, "--bind", f"value={value}", "--format", "csv")
        assert result.exit_code == 0, result.stderr
        assert result.stdout.splitlines()[1:] == [expected], value


def test_bind_several_variables(query: Callable[..., Result]) -> None:
    result = query("SELECT ?s { ?s ?p ?o }", "--bind", "p=heroes:parentOf",
                   "--bind", "o=guppy", "--format", "csv")
    assert sorted(result.stdout.splitlines()[1:]) == [f"{RES}lavagirl", f"{RES}sharkboy"]


def test_bind_unknown_variable_is_an_error(query: Callable[..., Result]) -> None:
    result = query("family", "--bind", "person=pedro-pascal")
    assert result.exit_code == 1
    assert result.stderr == ("Error: cannot bind ?person: queries/family.rq has no such "
                             "variable (its variables: ?parentName, ?childName, ?parent, "
                             "?child)\n")


def test_bind_unknown_entity_is_an_error(query: Callable[..., Result]) -> None:
    result = query("roles-of", "--bind", "person=pedro pascall")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: cannot bind ?person: no entity with id or name 'pedro pascall'; did you mean "
        "'pedro-pascal', 'Pedro Pascal'? (for a text literal write it in quotes: "
        "person='\"pedro pascall\"')\n")


def test_bind_without_equals_sign(query: Callable[..., Result]) -> None:
    result = query("roles-of", "--bind", "person")
    assert result.exit_code == 1
    assert result.stderr == ("Error: --bind 'person': write it as NAME=VALUE, e.g. "
                             "--bind entity=pedro-pascal\n")


# --- Inference ---------------------------------------------------------------------------

def test_infer_finds_people_typed_with_our_subclasses(query: Callable[..., Result]) -> None:
    # schema:Person is asserted beside heroes:Actor at build, so both agree
    q = "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a schema:Person }"
    assert query(q, "--format", "csv").stdout_bytes == b"n\r\n11\r\n"
    result = query(q, "--format", "csv", "--infer")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == b"n\r\n11\r\n"  # ten actors and one filmmaker


def test_infer_follows_subproperties(kg: KnowledgeGraph) -> None:
    q = "SELECT ?w { ?w schema:author res:robert-rodriguez } ORDER BY ?w"
    plain = [r["w"] for r in kg.query(q)]
    inferred = [r["w"] for r in kg.query(q, infer=True)]
    assert f"{RES}rodriguez-sequel-tweet" in plain
    assert f"{RES}we-can-be-heroes-sequel" not in plain
    assert f"{RES}we-can-be-heroes-sequel" in inferred  # heroes:screenwriter ⊑ schema:author


def test_queries_do_not_see_the_ontology_unless_inferring(kg: KnowledgeGraph) -> None:
    q = "ASK { heroes:Actor rdfs:subClassOf schema:Person }"
    assert kg.query(q).boolean is False
    assert kg.query(q, infer=True).boolean is True


# --- Time limits and errors --------------------------------------------------------------

def test_timeout_stops_a_runaway_query(built_project: Path) -> None:
    # a separate process: a stopped query must not keep a core busy for the other tests
    runaway = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    done = subprocess.run(
        [sys.executable, "-m", "heroes_kg", "query", runaway, "--timeout", "0.5",
         "--project", str(built_project)],
        capture_output=True, text=True, timeout=60, check=False,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == ("Error: the query did not finish within 0.5 s and was stopped; "
                           "narrow it (add a LIMIT or more specific patterns) or raise "
                           "--timeout\n")


def test_timeout_lets_a_quick_query_finish(query: Callable[..., Result]) -> None:
    assert query("handles", "--timeout", "30", "--format", "csv").stdout_bytes.count(b"\r\n") == 4


def test_syntax_error_gives_line_column_and_a_caret(query: Callable[..., Result]) -> None:
    result = query("SELECT ?x WHERE {\n  ?x a schema:Movie .\n  FILTER(?x = ?y }")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: SPARQL syntax error in the query at line 3, column 18: this '}' does not "
        "match the '(' opened at line 3, column 9; close that with ')'\n"
        "    FILTER(?x = ?y }\n"
        "                   ^\n")


def test_misspelt_keyword_gets_a_did_you_mean(query: Callable[..., Result]) -> None:
    result = query("SELCT ?x WHERE { ?x a schema:Person }")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: SPARQL syntax error in the query at line 1, column 1: 'SELCT' is not a "
        "SPARQL keyword; did you mean SELECT?\n"
        "  SELCT ?x WHERE { ?x a schema:Person }\n"
        "  ^\n")
    assert "did you mean FILTER?" in query(
        "SELECT ?x WHERE { ?x ?p ?o FILTR(?x) }").stderr
    assert "did you mean LIMIT?" in query("SELECT ?x WHERE { ?x ?p ?o } LIMT 5").stderr


def test_unknown_prefix_names_the_known_ones(query: Callable[..., Result]) -> None:
    result = query("SELECT ?x WHERE {\n  ?x a schem:Person }")
    assert result.exit_code == 1
    first, source, caret = result.stderr.splitlines()
    assert first == (
        "Error: SPARQL syntax error in the query at line 2, column 8: unknown prefix "
        "'schem:' in schem:Person; did you mean schema:? the known prefixes are "
        "article:, heroes:, oa:, owl:, prov:, rdf:, rdfs:, res:, role:, schema:, skos:, "
        "statement:, xsd: (declare another with PREFIX name: <IRI>)")
    assert (source, caret) == ("    ?x a schem:Person }", "         ^")


def test_a_declared_prefix_is_not_unknown(query: Callable[..., Result]) -> None:
    result = query("PREFIX ex: <http://example.org/>\nSELECT ?x { ?x a ex:Thing }")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_unclosed_string(query: Callable[..., Result]) -> None:
    result = query('SELECT ?x WHERE { ?x schema:name "Pedro }')
    assert result.stderr.startswith(
        "Error: SPARQL syntax error in the query at line 1, column 34: this string is "
        'never closed; end it with the same quote (") it starts with\n')


def test_syntax_error_in_a_named_query_names_the_file(project: Path,
                                                      run: Callable[..., Result]) -> None:
    (project / "queries" / "broken.rq").write_text("# Broken?\nSELECT ?x {\n  ?x a ?y\n")
    result = run("query", "broken", "--project", str(project))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: SPARQL syntax error in queries/broken.rq at "
                                    "line 2, column 11: this '{' is never closed")


def test_syntax_error_position_is_unchanged_by_bindings(query: Callable[..., Result]) -> None:
    plain = query("SELECT ?x { ?x ?p ?o FILTER(?x = ) }").stderr
    bound = query("SELECT ?x { ?x ?p ?o FILTER(?x = ) }", "--bind", "x=guppy").stderr
    assert "line 1, column" in plain
    assert bound == plain


@pytest.mark.parametrize("text", [
    "SELECT ?x WHERE { ?x a schem:Person }", "SELCT ?x { ?x ?p ?o }",
    "SELECT ?x { ?x ?p ?o FILTER(?x = ) }", "SELECT ?x { ?x ?p ?o", 'ASK { ?x ?p "a }',
    "SELECT ?x { ?x ?p ?o } ORDER ?x", "SELECT * { ?s ?p ?o . } }"])
def test_no_parser_dump_reaches_the_user(query: Callable[..., Result], text: str) -> None:
    stderr = query(text).stderr
    assert "expected one of" not in stderr and "'\\u{" not in stderr
    assert len(stderr.splitlines()[0]) < 300


def test_a_term_in_no_graph_gets_a_warning(query: Callable[..., Result]) -> None:
    result = query("SELECT ?x WHERE { ?x schema:actors ?y . ?y a heroes:Actr }")
    assert result.exit_code == 0
    assert result.stdout.endswith("(0 rows)\n")
    assert result.stderr == (
        "Warning: schema:actors is in no graph, so the patterns that use it match nothing; "
        "closest terms: schema:actor\n"
        "Warning: heroes:Actr is in no graph, so the patterns that use it match nothing; "
        "closest terms: heroes:Actor\n")


def test_terms_in_the_graph_get_no_warning(query: Callable[..., Result]) -> None:
    result = query("SELECT ?x { ?x a heroes:Actor ; schema:name ?n . "
                   "?st prov:wasDerivedFrom/oa:hasSource ?a }")
    assert result.stderr == ""


@pytest.mark.parametrize("update,keyword", [
    ("INSERT DATA { res:a res:b res:c }", "INSERT"),
    ("PREFIX ex: <http://example.org/>\n# tidy up\nDELETE WHERE { ?s ?p ?o }", "DELETE"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("CLEAR ALL", "CLEAR"),
    ("DROP GRAPH <http://example.org/g>", "DROP"),
    ("WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
])
def test_updates_are_refused(query: Callable[..., Result], update: str, keyword: str) -> None:
    result = query(update)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: the query is a SPARQL update ({keyword}), and queries only read the graph, "
        "which is built from seeds/; to change it, edit seeds/facts/ and run "
        "'heroes-kg build'\n")


# --- Python API ----------------------------------------------------------------------------

def test_python_api_returns_plain_values(kg: KnowledgeGraph) -> None:
    result = kg.query("rankings")
    assert isinstance(result, QueryResult)
    kids = result.rows[1]
    assert kids["rank"] == 1 and isinstance(kids["rank"], int)
    assert kids["start"] == dt.date(2020, 12, 25)
    assert kids["chart"] == "Top 10 kids overall list on Netflix"
    assert result.rows[0]["rank"] is None
    assert [row["chart"] for row in result] == ["Top 10 for all films",
                                                "Top 10 kids overall list on Netflix"]
    assert len(result) == 2 and result.variables[0] == "chart"
    assert kg.query("viewership").rows[0]["projected"] is True


def test_python_api_bindings_accept_python_values(kg: KnowledgeGraph) -> None:
    q = ("SELECT ?thing { ?thing ?p ?value "
         "FILTER(?p != rdf:object && STRSTARTS(STR(?thing), STR(res:))) }")
    assert kg.query(q, {"value": 44000000}).rows == [
        {"thing": f"{RES}we-can-be-heroes-viewership"}]
    assert kg.query(q, {"value": dt.date(2021, 1, 5)}).rows == [
        {"thing": f"{RES}chopra-sequel-tweet"}]
    assert kg.query(q, {"value": ox.Literal("in development")}).rows == [
        {"thing": f"{RES}we-can-be-heroes-sequel"}]


def test_python_api_ask_and_construct(kg: KnowledgeGraph) -> None:
    assert kg.query("ASK { res:guppy a heroes:FictionalCharacter }").boolean is True
    assert bool(kg.query("ASK { res:guppy a schema:Movie }")) is False
    triples = kg.query(CONSTRUCT).triples
    assert [t.object.value for t in triples] == ["Robert Rodriguez"]


def test_python_api_raises_library_errors(kg: KnowledgeGraph) -> None:
    with pytest.raises(HeroesKGError, match="did you mean sequel-director"):
        kg.query("sequel-directr")


def test_load_returns_a_graph_with_query(built_project: Path) -> None:
    with heroes_kg.load(built_project) as kg:
        assert [r["name"] for r in kg.query("handles")] == ["Netflix", "Priyanka Chopra",
                                                              "Robert Rodriguez"]


def test_to_python() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert to_python(None) is None
    assert to_python(ox.NamedNode("http://x/")) == "http://x/"
    assert to_python(ox.Literal("7", datatype=ox.NamedNode(xsd + "integer"))) == 7
    assert to_python(ox.Literal("1.50", datatype=ox.NamedNode(xsd + "decimal"))) == \
        Decimal("1.50")
    assert to_python(ox.Literal("2.5e0", datatype=ox.NamedNode(xsd + "double"))) == 2.5
    assert to_python(ox.Literal("false", datatype=ox.NamedNode(xsd + "boolean"))) is False
    assert to_python(ox.Literal("2021-01-04", datatype=ox.NamedNode(xsd + "date"))) == \
        dt.date(2021, 1, 4)
    assert to_python(ox.Literal("2021-01-04T10:00:00Z",
                                datatype=ox.NamedNode(xsd + "dateTime"))) == \
        dt.datetime(2021, 1, 4, 10, tzinfo=dt.UTC)
    assert to_python(ox.Literal("hola", language="es")) == "hola"


# --- What the query path loads -------------------------------------------------------------

def test_query_path_imports_only_what_it_needs(built_project: Path) -> None:
    script = (
        "import sys\n"
        "from heroes_kg.cli import main\n"
        "try:\n"
        f"    main(['query', 'sequel-director', '--project', {str(built_project)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('pyvis', 'pyshacl', 'networkx', 'numpy', 'rdflib', 'owlrl', 'jinja2',\n"
        "         'yaml', 'heroes_kg.corpus', 'heroes_kg.validate', 'heroes_kg.outputs',\n"
        "         'heroes_kg.grow', 'heroes_kg.serve', 'heroes_kg.pipeline',\n"
        "         'heroes_kg.rdf.delta', 'heroes_kg.rdf.units')\n"
        "print(sorted(m for m in sys.modules\n"
        "             if any(m == h or m.startswith(h + '.') for h in heavy)))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env={**__import__("os").environ,
                                           "PYTHONPATH": str(ROOT / "src")})
    assert done.stdout.splitlines()[-1] == "[]"
    assert "Robert Rodriguez" in done.stdout


def test_a_question_opens_a_current_store_alone_and_reads_its_parts_when_needed(
        project: Path, run: Callable[..., Result]) -> None:
    """``open_current`` opens a store built from the seeds as they are, without finding
    the sorted N-Triples beside it until a question needs them; a store the seeds have
    outdated (or none) is not opened, and the query command then builds it first."""
    from heroes_kg.project import find_project
    from heroes_kg.query import open_current

    found = find_project(project)
    assert open_current(found) is None  # never built
    heroes_kg.build(project)
    kg = open_current(found)
    assert kg is not None
    with kg:
        assert kg._parts is None and kg._parts_of is not None and kg.may_have_parts()
        parts = kg.parts
        assert parts is not None and kg._parts_of is None
        assert sorted(g.value for g in parts) == sorted(g.value for g in kg.data_graphs)
        assert all(path.is_file() for paths in parts.values() for path in paths)
        assert kg.query("sequel-director").rows
    facts = sorted((project / "seeds" / "facts").glob("*.yaml"))[0]
    facts.write_text(facts.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert open_current(found) is None  # outdated by an edit
    result = run("query", "sequel-director", "--project", str(project), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "Robert Rodriguez" in result.stdout
    again = open_current(found)
    assert again is not None
    again.close()


def test_inferred_closure_is_cached_per_build(project: Path) -> None:
    q = "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a schema:Person }"
    with heroes_kg.load(project) as kg:
        assert kg.query(q, infer=True).rows == [{"n": 11}]
    cached = sorted(p.name for p in (project / ".heroes-kg").glob("inferred-*.nq"))
    assert len(cached) == 1
    script = (
        "import sys, heroes_kg\n"
        f"kg = heroes_kg.load({str(project)!r})\n"
        f"print(kg.query({q!r}, infer=True).rows)\n"
        "print(sorted(m for m in ('rdflib', 'owlrl') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env={**__import__("os").environ,
                                           "PYTHONPATH": str(ROOT / "src")})
    assert done.stdout.splitlines() == ["[{'n': 11}]", "[]"]


def test_bind_in_construct_and_describe(query: Callable[..., Result]) -> None:
    name = f'<{RES}guppy> <https://schema.org/name> "Guppy" .'
    out = query("CONSTRUCT { ?x schema:name ?n } WHERE { ?x schema:name ?n }",
                "--bind", "x=guppy", "--format", "nt").stdout
    assert out.splitlines() == [name]
    assert name in query("DESCRIBE ?x", "--bind", "x=guppy", "--format", "nt").stdout
    out = query("DESCRIBE ?x { ?x schema:name ?n }", "--bind", "n='Guppy'",
                "--format", "nt").stdout
    assert name in out.splitlines()
    result = query("CONSTRUCT WHERE { ?x schema:name ?n }", "--bind", "x=guppy")
    assert result.exit_code == 1
    assert result.stderr == ("Error: cannot bind variables in the query: the short form "
                             "CONSTRUCT WHERE { … } takes only triple patterns; write "
                             "CONSTRUCT { … } WHERE { … }\n")


def test_build_can_hand_back_the_graph_it_made(project: Path) -> None:
    """``build(keep_graph=True)`` returns the graph it built, in memory (it answers with
    the persisted store gone), and when up to date the persisted one, opened."""
    import shutil

    made = heroes_kg.build(project, keep_graph=True)
    assert made.graph is not None and not made.up_to_date
    assert len(made.graph) == made.triples == 2750
    shutil.rmtree(project / ".heroes-kg" / "store")
    cast = made.graph.query("cast").rows
    assert {"name": "Pedro Pascal", "character": "Marcus Moreno"} in [
        {"name": row["name"], "character": row["character"]} for row in cast]
    heroes_kg.build(project)  # the store is missing: rebuilt
    again = heroes_kg.build(project, keep_graph=True)
    assert again.up_to_date and again.graph is not None
    with again.graph as kg:
        assert kg.query("cast").rows == cast
    assert heroes_kg.build(project).graph is None


def test_a_long_question_is_also_answered_in_memory_with_the_same_rows(
        built_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the persisted store a question still running after a moment is raced by the
    same question on the graph loaded into memory from the build's sorted N-Triples;
    both give the same rows, and once loaded the graph in memory answers the rest."""
    import time

    from heroes_kg.query import engine
    from heroes_kg.query.engine import list_queries

    with heroes_kg.load(built_project) as kg:
        assert kg.parts is not None
        names = [q.name for q in list_queries(kg.project)]
        on_disk = {name: kg.query(name).rows for name in names}
    monkeypatch.setattr(engine, "IN_MEMORY_AFTER", 0.0)
    with heroes_kg.load(built_project) as kg:
        for name in names:  # the store or the memory answers, whichever comes first
            assert kg.query(name).rows == on_disk[name]
        for _ in range(200):
            if "in_memory" in kg.memo:
                break
            time.sleep(0.05)
        assert len(kg.memo["in_memory"]) == len(kg.store) - len(list(
            kg.store.quads_for_pattern(None, None, None, kg.names.ontology)))
        for name in names:
            assert kg.query(name).rows == on_disk[name]


def test_schema_org_types_need_no_reasoner(query: Callable[..., Result]) -> None:
    # people are curated as heroes:Actor or heroes:Filmmaker; the schema.org class is
    # asserted beside it, so plain SPARQL (and any tool reading the Turtle) finds them
    plain = query("SELECT ?x WHERE { ?x a schema:Person }", "--format", "csv").stdout
    inferred = query("SELECT ?x WHERE { ?x a schema:Person }", "--format", "csv",
                     "--infer").stdout
    assert len(plain.splitlines()) == 12  # a header and 11 people
    assert sorted(plain.splitlines()) == sorted(inferred.splitlines())
    for cls, n in (("schema:Organization", 7), ("schema:CreativeWork", 22),
                   ("schema:Event", 3)):
        result = query(f"SELECT (COUNT(?x) AS ?n) {{ ?x a {cls} }}", "--format", "csv")
        assert result.stdout.splitlines()[1] == str(n), cls
    assert query("ASK { res:pedro-pascal a heroes:Actor, schema:Person }").stdout == "true\n"


def test_the_loading_into_memory_waits_for_cpu_time_spent_not_wall_time() -> None:
    """The graph is loaded into memory once the process has spent on the question as
    much CPU time as the loading takes: time spent waiting for a core (or sleeping)
    does not count."""
    import threading
    import time

    from heroes_kg.query.engine import _spent

    done = threading.Event()
    started = time.process_time()
    waited = time.monotonic()
    assert _spent(0.0, started, done)
    worker = threading.Thread(target=lambda: _spent(0.3, time.process_time(), done))
    worker.start()
    time.sleep(0.4)  # wall time passes, hardly any CPU time
    assert worker.is_alive()
    done.set()
    worker.join(2)
    assert not worker.is_alive()
    started = time.process_time()
    spinning = threading.Event()

    def spin() -> None:
        while not spinning.is_set():
            sum(range(1000))

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        assert _spent(0.2, started, threading.Event())
        assert time.process_time() - started >= 0.2
    finally:
        spinning.set()
        spinner.join()
    assert time.monotonic() - waited < 30
