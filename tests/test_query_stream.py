"""Large answers are written as they come: byte for byte the whole answer, counted as it
goes, stopped with advice at the time limit, quiet when the reader goes away."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import heroes_kg
from heroes_kg.errors import QueryTimeout
from heroes_kg.query import KnowledgeGraph, _table, engine, run_query
from heroes_kg.query.engine import list_queries
from heroes_kg.vocab import Names

from .conftest import ROOT

FORMATS = ("csv", "tsv", "json", "xml")
#: Every row of every triple with every other: millions of rows, written as they come.
ENDLESS = "SELECT * { ?a ?b ?c . ?d ?e ?f }"


@pytest.fixture(scope="module")
def kg(built_project: Path) -> Iterator[KnowledgeGraph]:
    with heroes_kg.load(built_project) as graph:
        yield graph


def _bindings(text: str) -> dict[str, str]:
    return {"entity": "pedro-pascal"} if "bind ?entity" in text else {}


def test_every_named_query_streams_the_bytes_of_its_whole_answer(kg: KnowledgeGraph) -> None:
    for named in list_queries(kg.project):  # type: ignore[arg-type]
        for bindings in ({}, _bindings(named.text)):
            whole = kg.query(named.name, bindings)
            for fmt in FORMATS if whole.kind == "select" else ("ntriples", "nt", "nquads"):
                out = io.BytesIO()
                streamed = run_query(kg, named.name, bindings, out=out, out_format=fmt)
                assert out.getvalue() == whole.serialize(fmt), (named.name, fmt)
                assert streamed.streamed == len(whole), (named.name, fmt)
                assert streamed.variables == whole.variables
            if whole.kind == "graph":  # formats with prefixes are written when complete
                out = io.BytesIO()
                kept = run_query(kg, named.name, bindings, out=out, out_format="turtle")
                assert out.getvalue() == b"" and kept.streamed is None
                assert kept.serialize("turtle") == whole.serialize("turtle")


@pytest.fixture(scope="module")
def awkward() -> KnowledgeGraph:
    """A graph of literals that trip up writers and row counters: quotes, commas, tabs,
    line breaks (in CSV a quoted value), and the very marks that open a row in JSON and
    XML, across many 8 KiB slices."""
    names = Names("https://example.org/")
    store = ox.Store()
    texts = ['say "hi", then go', "tab\there", "two\nlines", "crlf\r\nline", 'x"},{"y',
             '[{"a":1}]', "<result>not a row</result>", "", "ünïcödé ✓", "back\\slash\\"]
    quads = []
    for i in range(3000):
        subject = ox.NamedNode(f"https://example.org/resource/s{i:05d}")
        quads.append(ox.Quad(subject, ox.NamedNode("https://schema.org/name"),
                             ox.Literal(texts[i % len(texts)] + f" {i}"), names.facts))
        if i % 7 == 0:
            quads.append(ox.Quad(subject, ox.NamedNode("https://schema.org/url"),
                                 ox.NamedNode(f"https://example.org/page/{i}"),
                                 names.provenance))
    store.extend(quads)
    return KnowledgeGraph(store, names)


@pytest.mark.parametrize("query", [
    "SELECT ?s ?name ?url { ?s schema:name ?name OPTIONAL { ?s schema:url ?url } } "
    "ORDER BY ?s",
    "SELECT ?name { ?s schema:name ?name }",
    "SELECT ?s (STRLEN(?name) AS ?n) { ?s schema:name ?name } ORDER BY DESC(?n) ?s",
    "SELECT ?x { ?s schema:name ?name FILTER(false) }",
])
def test_awkward_values_stream_byte_for_byte_and_are_counted(awkward: KnowledgeGraph,
                                                             query: str) -> None:
    whole = awkward.query(query)
    for fmt in FORMATS:
        out = io.BytesIO()
        streamed = run_query(awkward, query, out=out, out_format=fmt)
        assert out.getvalue() == whole.serialize(fmt), fmt
        assert streamed.streamed == len(whole), fmt


@pytest.mark.parametrize("query", [
    "SELECT ?s ?name ?url { ?s schema:name ?name OPTIONAL { ?s schema:url ?url } } "
    "ORDER BY ?s",
    "SELECT ?x { ?s schema:name ?name FILTER(false) }",
    "SELECT * { ?s schema:url ?url } LIMIT 1"])
def test_a_table_that_fits_its_head_is_the_whole_table(
        awkward: KnowledgeGraph, query: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_table, "HEAD_ROWS", 10_000)
    monkeypatch.setattr(_table, "HEAD_SECONDS", 3600.0)
    out = io.BytesIO()
    streamed = run_query(awkward, query, out=out, out_format="table")
    whole = awkward.query(query)
    assert out.getvalue() == whole.table().encode()
    assert streamed.streamed == len(whole)


@pytest.mark.parametrize("order", ["DESC", "ASC"])
def test_a_long_table_takes_its_column_widths_from_its_first_rows(
        awkward: KnowledgeGraph, order: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the head, every row is written with the head's widths; a wider value later
    pushes its line right but is never cut shorter than in the whole table."""
    monkeypatch.setattr(_table, "HEAD_ROWS", 50)
    query = (f"SELECT ?s ?name {{ ?s schema:name ?name }} "
             f"ORDER BY {order}(STRLEN(?name)) ?s")
    whole = awkward.query(query)
    header = list(whole.variables)
    body = [[_table.cell(t, whole.prefixes) for t in row] for row in whole.terms]
    widths = [max([len(h)] + [len(r[i]) for r in body[:50]]) for i, h in enumerate(header)]
    expected = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()
                for r in [header, ["-" * w for w in widths], *body]]
    expected.append("(3000 rows)")
    out = io.BytesIO()
    streamed = run_query(awkward, query, out=out, out_format="table")
    assert out.getvalue().decode().split("\n")[:-1] == expected
    assert streamed.streamed == 3000
    if order == "ASC":  # the widest values come last, and stick out whole
        assert max(map(len, expected[2:-1])) > len(expected[1])


@pytest.mark.parametrize("fmt, end", [("csv", b"back\\slash\\ 2999\r\n"),
                                      ("table", b"(3000 rows)\n")])
def test_rows_reach_the_output_before_the_answer_is_complete(
        awkward: KnowledgeGraph, fmt: str, end: bytes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first slice of rows is written while the question is still being answered:
    the output holds it up, and the question cannot have finished meanwhile."""
    monkeypatch.setattr(_table, "HEAD_ROWS", 10)
    first_write = threading.Event()
    release = threading.Event()

    class Held(io.BytesIO):
        def write(self, data: object) -> int:  # type: ignore[override]
            first_write.set()
            release.wait(30)
            return super().write(data)  # type: ignore[arg-type]

    out = Held()
    finished: list[object] = []
    asking = threading.Thread(target=lambda: finished.append(run_query(
        awkward, "SELECT ?s ?name { ?s schema:name ?name } ORDER BY ?s", out=out,
        out_format=fmt)))
    asking.start()
    try:
        assert first_write.wait(30)
        time.sleep(0.2)
        assert not finished and asking.is_alive()
    finally:
        release.set()
        asking.join(30)
    assert len(finished) == 1 and len(finished[0]) == 3000  # type: ignore[arg-type]
    assert out.getvalue().endswith(end)


def test_progress_is_reported_while_rows_are_written(
        awkward: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PROGRESS_AFTER", 0.0)
    seen: list[tuple[int, float]] = []
    out = io.BytesIO()
    with pytest.raises(QueryTimeout) as stopped:
        run_query(awkward, ENDLESS, out=out, out_format="tsv", timeout=1.5,
                  progress=lambda rows, elapsed: seen.append((rows, elapsed)))
    assert seen and seen[-1][0] > 0
    assert [rows for rows, _ in seen] == sorted(rows for rows, _ in seen)
    written = out.getvalue()
    assert written.endswith(b"\n")  # whole rows only
    rows = written.count(b"\n") - 1
    assert str(stopped.value) == (
        f"the query did not finish within 1.5 s and was stopped after writing {rows:,} "
        "rows (the answer is incomplete); narrow it (add a LIMIT or more specific "
        "patterns) or raise 'timeout'")
    # the writing stopped with the question: the evaluation ended at its next slice
    size = len(out.getvalue())
    for _ in range(50):
        if not any(t.name.startswith("heroes-kg-query") for t in threading.enumerate()):
            break
        time.sleep(0.1)
    assert not any(t.name.startswith("heroes-kg-query") for t in threading.enumerate())
    assert len(out.getvalue()) == size


def test_a_question_meant_for_one_entity_stopped_says_to_bind_it(kg: KnowledgeGraph) -> None:
    from heroes_kg.query._stream import Output
    from heroes_kg.query.engine import _stopped

    text = (ROOT / "queries" / "facts-about.rq").read_text(encoding="utf-8")
    assert _stopped("queries/facts-about.rq", text, 30, Output(None), None) == (
        "queries/facts-about.rq did not finish within 30 s and was stopped; ask about "
        "one entity ({--bind} entity=…) or raise {--timeout}")
    assert "LIMIT" not in _stopped("q", "SELECT * { ?s ?p ?o } LIMIT 5", 1, Output(None),
                                   None).split(";")[1].replace("more specific", "")


def _cli(project: Path, *args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "heroes_kg", "query", *args, "--project", str(project)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, **kwargs)  # type: ignore[call-overload]


def test_the_cli_stops_a_streaming_question_with_one_line_of_advice(
        built_project: Path) -> None:
    # A few seconds, so that a loaded machine still writes rows before the limit.
    done = _cli(built_project, ENDLESS, "--format", "csv", "--timeout", "4",
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = done.communicate(timeout=120)
    assert done.returncode == 1
    rows = out.count(b"\r\n") - 1
    assert rows > 0 and out.endswith(b"\r\n")
    assert err.decode() == (
        f"Error: the query did not finish within 4 s and was stopped after writing "
        f"{rows:,} rows (the answer is incomplete); narrow it (add a LIMIT or more "
        "specific patterns) or raise --timeout\n")  # no progress line: not a terminal


def test_the_cli_table_streams_and_stops_on_a_whole_row(built_project: Path) -> None:
    """The default output, a table, is written as the rows come too: a question stopped
    at its time limit has printed its header and whole rows, as many as it says."""
    done = _cli(built_project, ENDLESS, "--timeout", "4", stdout=subprocess.PIPE,
                stderr=subprocess.PIPE)
    out, err = done.communicate(timeout=120)
    assert done.returncode == 1
    lines = out.decode().split("\n")
    assert lines[0].split() == ["a", "b", "c", "d", "e", "f"]
    assert set(lines[1].replace(" ", "")) == {"-"} and lines[-1] == ""
    rows = len(lines) - 3
    assert rows >= 1000  # past the head, which fixes the widths
    assert all(line.strip() for line in lines[2:-1])
    assert all(len(line) <= len(lines[1]) for line in lines[2:1002])  # the head fits
    assert err.decode().startswith(
        f"Error: the query did not finish within 4 s and was stopped after writing "
        f"{rows:,} rows (the answer is incomplete)")


def test_the_cli_prints_a_progress_line_on_a_terminal_only(built_project: Path) -> None:
    import pty

    main, secondary = pty.openpty()
    done = _cli(built_project, ENDLESS, "--format", "tsv", "--timeout", "3",
                stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    said = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        said += chunk
    os.close(main)
    assert done.wait(60) == 1
    text = said.decode()
    assert " rows so far, " in text and text.count("\r") >= 2
    assert "\x1b[K" in text  # the progress line is cleared before the message
    assert text.rstrip().endswith("or raise --timeout")


def test_a_reader_that_goes_away_ends_the_question_quietly(built_project: Path) -> None:
    with _cli(built_project, ENDLESS, "--format", "csv", stdout=subprocess.PIPE,
              stderr=subprocess.PIPE) as done:
        assert done.stdout is not None and done.stderr is not None
        assert done.stdout.readline().startswith(b"a,b,c,d,e,f")
        done.stdout.close()
        assert done.wait(60) == 1
        assert done.stderr.read() == b""


@pytest.mark.parametrize("name, fmt", [
    *(("mentions", fmt) for fmt in (*FORMATS, "table")), ("cast-graph", "nt"),
    ("cast-graph", "nq"), ("cast-graph", "ttl"), ("cast-graph", "xml")])
def test_the_cli_writes_what_it_wrote_when_answers_came_whole(
        built_project: Path, kg: KnowledgeGraph, name: str, fmt: str) -> None:
    from heroes_kg.cli import main

    result = CliRunner().invoke(main, ["query", name, "--format", fmt,
                                       "--project", str(built_project)])
    assert result.exit_code == 0, result.output
    whole = kg.query(name)
    expected = whole.table().encode() if fmt == "table" else whole.serialize(fmt)
    assert result.stdout_bytes == expected


def test_a_format_of_the_other_kind_is_the_same_error_as_before(
        built_project: Path) -> None:
    from heroes_kg.cli import main

    for name, fmt, said in (
            ("mentions", "nt", "Error: a SELECT result cannot be written as 'nt'"),
            ("cast-graph", "csv",
             "Error: a CONSTRUCT or DESCRIBE result cannot be written as 'csv'")):
        result = CliRunner().invoke(main, ["query", name, "--format", fmt,
                                           "--project", str(built_project)])
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.startswith(said)


def test_a_streamed_answer_is_the_same_from_the_store_or_memory(
        built_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Racing the store and the graph loaded into memory, the side that writes first
    writes it all: the bytes are those of the whole answer either way."""
    with heroes_kg.load(built_project) as graph:
        names = [q.name for q in list_queries(graph.project)]  # type: ignore[arg-type]
        whole = {name: graph.query(name).serialize("csv") for name in names
                 if graph.query(name).kind == "select"}
    monkeypatch.setattr(engine, "IN_MEMORY_AFTER", 0.0)
    with heroes_kg.load(built_project) as graph:
        for name, expected in whole.items():
            out = io.BytesIO()
            run_query(graph, name, out=out, out_format="csv")
            assert out.getvalue() == expected, name


class _SlowAfterFirst(io.BytesIO):
    """A reader that takes its first slice at once and the next ones slowly."""

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.tell():
            time.sleep(0.3)
        return super().write(data)


def test_an_answer_the_store_has_begun_to_write_is_not_also_loaded_into_memory(
        built_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the store's side writes an answer it writes it all, so loading the graph into
    memory for it would only take a core from that side: it is not started."""
    whole_graph = "CONSTRUCT WHERE { ?s ?p ?o }"
    with heroes_kg.load(built_project) as graph:
        expected = graph.query(whole_graph).serialize("nt")
    assert len(expected) > 3 * 8192  # several slices, the later ones slow
    monkeypatch.setattr(engine, "IN_MEMORY_AFTER", 0.1)
    with heroes_kg.load(built_project) as graph:
        out = _SlowAfterFirst()
        run_query(graph, whole_graph, out=out, out_format="nt")
        time.sleep(0.5)  # what a loading started late would need
        assert sorted(out.getvalue().splitlines()) == sorted(expected.splitlines())
        assert "in_memory" not in graph.memo
        # A question whose first row comes late (it sorts) is still raced (at once: on
        # the seed graph it costs less CPU time than any wait).
        monkeypatch.setattr(engine, "IN_MEMORY_AFTER", 0.0)
        run_query(graph, "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o",
                  out=io.BytesIO(), out_format="csv")
        for _ in range(100):
            if "in_memory" in graph.memo:
                break
            time.sleep(0.05)
        assert "in_memory" in graph.memo
