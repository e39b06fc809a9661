"""User mistakes that used to end in a traceback, a crash, exit 0, or an error at the
wrong line: each is now one clear line at the right place and a non-zero exit."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import heroes_kg
from heroes_kg.errors import HeroesKGError
from heroes_kg.query import KnowledgeGraph
from heroes_kg.query.guard import MAX_DEPTH, MAX_STRUCTURE

NEWS = "seeds/facts/news.yaml"


@pytest.fixture(scope="module")
def kg(built_project: Path) -> Iterator[KnowledgeGraph]:
    with heroes_kg.load(built_project) as graph:
        yield graph


def _edit(project: Path, rel: str, old: str, new: str) -> int:
    """Replace the first ``old`` in ``rel`` with ``new``; the line where it starts."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def _one_problem(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "Error: 1 problem in the curated input:", result.stderr
    assert len(lines) == 2, result.stderr
    return lines[1].strip()


# --- the query path: nesting before the parser --------------------------------------


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(depth=st.integers(1, 20_000),
       kind=st.sampled_from(["group", "paren", "bracket", "subselect", "optional"]))
def test_any_nesting_depth_is_answered_or_refused_never_a_crash(
        kg: KnowledgeGraph, depth: int, kind: str) -> None:
    if kind == "group":
        text, deep = "ASK " + "{" * depth + " ?s ?p ?o " + "}" * depth, depth
    elif kind == "paren":
        text, deep = "ASK { FILTER(" + "(" * depth + "true" + ")" * depth + ") }", depth + 2
    elif kind == "bracket":
        text, deep = "ASK { ?s ?p " + "[ ?q " * depth + "1" + " ]" * depth + " }", depth + 1
    elif kind == "subselect":
        text = "ASK " + "{ SELECT * WHERE " * depth + "{ ?s ?p ?o }" + " }" * depth
        deep = depth + 1
    else:
        text = "ASK { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * depth + "}" * (depth + 1)
        deep = depth + 1
    try:
        kg.query(text, timeout=20)
    except HeroesKGError as exc:
        assert deep > MAX_DEPTH or "more than the" in exc.message, exc.message
        assert "\n" not in exc.message
    else:
        assert deep <= MAX_DEPTH


@pytest.mark.parametrize("text", [
    "ASK { FILTER(" + " + ".join(["1"] * 10_000) + " > 0) }",
    "ASK { " + " UNION ".join(["{ ?s ?p ?o }"] * 10_000) + " }",
    "ASK { ?s ?p ?o " + " ".join(f"BIND({i} AS ?b{i})" for i in range(3000)) + " }",
])
def test_long_chains_are_refused_on_the_cli(run: Callable[..., Result], built_project: Path,
                                            text: str) -> None:
    result = run("query", text, "--project", str(built_project))
    assert result.exit_code == 1
    assert re.fullmatch(rf"Error: the query has [\d,]+ operators, brackets and pattern "
                        rf"keywords, more than the {MAX_STRUCTURE:,} allowed; split it into "
                        r"smaller queries\n", result.stderr), result.stderr


def test_ten_thousand_nested_groups_on_the_cli(run: Callable[..., Result],
                                               built_project: Path) -> None:
    text = "SELECT * WHERE " + "{ " * 10_000 + "?s ?p ?o" + " }" * 10_000
    result = run("query", text, "--project", str(built_project))
    assert (result.exit_code, result.stderr) == (
        1, f"Error: the query nests brackets 10000 deep (deeper than {MAX_DEPTH} from line "
           f"1, column {15 + 2 * MAX_DEPTH + 1}), more than the {MAX_DEPTH} allowed; "
           "flatten it\n")


@pytest.fixture
def hangs_up() -> Iterator[int]:
    """A port that accepts a connection, reads the request and closes without a word."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            conn.recv(65536)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join(2)
    server.close()


def test_a_service_that_hangs_up_is_one_line(run: Callable[..., Result], built_project: Path,
                                             hangs_up: int) -> None:
    result = run("query", f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{hangs_up}/sparql> "
                          "{ ?s ?p ?o } }", "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the query failed: ")
    assert result.stderr.count("\n") == 1 and "unsendable" not in result.stderr


def test_a_query_file_that_is_not_utf8(run: Callable[..., Result], project: Path) -> None:
    run("build", "--project", str(project))
    bad = project / "queries" / "zz-latin1.rq"
    bad.write_bytes("# Qui a réalisé le film ?\nSELECT * WHERE { ?s ?p ?o }\n".encode("latin-1"))
    message = ("query file queries/zz-latin1.rq is not UTF-8 text (byte 0xe9 at offset 9); "
               "save it as UTF-8")
    for args in (["query", "zz-latin1"], ["queries"]):
        result = run(*args, "--project", str(project))
        assert (result.exit_code, result.stderr) == (1, f"Error: {message}\n"), args
    result = run("query", "-f", str(bad), "--project", str(project))
    assert result.stderr == f"Error: {message.replace('queries/zz-latin1.rq', str(bad))}\n"


@pytest.mark.parametrize("value", ["nan", "inf"])
def test_a_query_timeout_that_is_not_a_number_of_seconds(
        run: Callable[..., Result], built_project: Path, value: str) -> None:
    result = run("query", "cast", "--timeout", value, "--project", str(built_project))
    assert (result.exit_code, result.stderr) == (
        1, f"Error: --timeout must be a positive number of seconds, not {value}\n")


# --- the curated input ----------------------------------------------------------------


def test_a_5000_digit_number(run: Callable[..., Result], project: Path) -> None:
    line = _edit(project, NEWS, "value: 44000000", "value: " + "4" * 5000)
    assert _one_problem(run("validate", "--project", str(project))) == (
        f"{NEWS}:{line}: YAML syntax error: the number 444444444444… has 5,000 characters, "
        "too many for a whole number; fix the YAML syntax")


def test_two_quote_keys_in_one_evidence_item(run: Callable[..., Result], project: Path) -> None:
    old = "        quote: 44 million households viewed the movie"
    first = _edit(project, NEWS, old, "        quote: 44 million households\n" + old)
    assert _one_problem(run("build", "--project", str(project))) == (
        f"{NEWS}:{first + 1}: YAML syntax error: duplicate key 'quote' (first on line "
        f"{first}); keep one of them; fix the YAML syntax")
    assert not (project / "exports").exists()


def test_an_unclosed_quote_points_at_its_line(run: Callable[..., Result],
                                              project: Path) -> None:
    line = _edit(project, NEWS, "value: 28\n", 'value: "28\n')
    assert _one_problem(run("validate", "--project", str(project))) == (
        f'{NEWS}:{line}: YAML syntax error: the double quote (") opened on this line is not '
        "closed; fix the YAML syntax")


def test_a_statement_that_is_a_plain_string(run: Callable[..., Result],
                                            project: Path) -> None:
    line = _edit(project, NEWS, "statements:\n", "statements:\n  - pascal plays moreno\n") + 1
    assert _one_problem(run("validate", "--project", str(project))) == (
        f"{NEWS}:{line}: each item of 'statements:' must be a mapping, not the text "
        "'pascal plays moreno'")


def test_a_publisher_that_is_a_list(run: Callable[..., Result], project: Path) -> None:
    record = next(p for p in (project / "seeds" / "articles").glob("*.yaml")
                  if "publisher:" in p.read_text(encoding="utf-8"))
    rel = record.relative_to(project).as_posix()
    line = _edit(project, rel, "publisher: comicbook-com", "publisher: [comicbook-com, netflix]")
    assert _one_problem(run("validate", "--project", str(project))) == (
        f"{rel}:{line}: publisher must be one Organization entity id (text), not a list")


def test_add_article_with_a_url_that_is_not_an_absolute_iri(
        run: Callable[..., Result], project: Path, tmp_path: Path) -> None:
    text = tmp_path / "new.txt"
    text.write_text("Heroes return in a new film.\n", encoding="utf-8")
    before = sorted(p.name for p in (project / "seeds" / "articles").iterdir())
    for url in ("not a url", "/relative/path", "www.example.com/news"):
        result = run("add-article", str(text), "--id", "new-article", "--url", url,
                     "--project", str(project))
        assert (result.exit_code, result.stderr) == (
            1, f"Error: --url {url!r} is not an absolute IRI; write it as https://… with "
               "no spaces\n")
    assert sorted(p.name for p in (project / "seeds" / "articles").iterdir()) == before


def test_a_shape_with_an_invalid_pattern(run: Callable[..., Result], project: Path) -> None:
    line = _edit(project, "ontology/shapes.ttl", 'sh:pattern "\\\\.txt$"',
                 'sh:pattern "([a-z]+\\\\.txt$"')
    result = run("build", "--project", str(project))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {project / 'ontology' / 'shapes.ttl'}:{line}: sh:pattern '([a-z]+\\\\.txt$' "
        "is not a valid regular expression (missing ), unterminated subpattern at position "
        "0); fix the pattern\n")
    assert not (project / "exports").exists()


@pytest.mark.parametrize(("text", "line", "column", "near"), [
    ("# Who?\nSELECT ?x WHERE {\n  ?x schema:name \"Pédro Pascàl 🦸\" . ?x ?y\n}\n", 3, 37,
     "?x ?y"),
    ("SELECT ?x WHERE {\n\t?x schema:name \"a\" ; ?y\n}\n", 2, 23, "?y"),
    # the "=" with nothing after it
    ("SELECT ?x WHERE { ?x schema:name \"é\" FILTER(?x = ) }\n", 1, 48, "FILTER(?x = ) }"),
])
def test_a_syntax_error_in_a_query_file_points_at_its_column(
        run: Callable[..., Result], built_project: Path, tmp_path: Path, text: str, line: int,
        column: int, near: str) -> None:
    path = tmp_path / "question.rq"
    path.write_text(text, encoding="utf-8")
    result = run("query", str(path), "--project", str(built_project))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: SPARQL syntax error in {path} at line {line}, "
                                    f"column {column}: "), result.stderr
    shown, caret = result.stderr.splitlines()[1:3]  # the line as written, a caret under it
    assert near in shown and caret.index("^") - 2 == len(text.splitlines()[line - 1]
                                                          .expandtabs(1)[:column - 1])


def test_a_missing_closing_brace_is_at_the_end(run: Callable[..., Result],
                                               built_project: Path, tmp_path: Path) -> None:
    path = tmp_path / "open.rq"
    path.write_text("SELECT ?x WHERE {\n  ?x ?y ?z .\n", encoding="utf-8")
    result = run("query", str(path), "--project", str(built_project))
    # the brace that is never closed, not the end of the file where the parser gave up
    assert result.stderr.startswith(f"Error: SPARQL syntax error in {path} at line 1, column "
                                    "17: this '{' is never closed"), result.stderr
