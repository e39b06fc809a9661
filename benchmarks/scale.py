"""Scale benchmark: heroes-kg against raw pyoxigraph and rdflib's Memory store.

For each size it writes a synthetic project (``heroes-kg synth``) and measures, each in
its own process (wall time, and peak memory from that process's own rusage):

  pipeline  heroes-kg: load the curated files, build, validate, write Turtle (and the
            persisted store), then answer every named query on the graph it built
            (``build(keep_graph=True)``); run a second time with the validation
            stage set aside, for the comparison with raw pyoxigraph;
  store     the same queries in a new process on the persisted store (RocksDB), as
            ``heroes-kg query`` answers them: reported, not part of any ratio;
  raw       the lower reference: pyoxigraph alone bulk-loads the N-Triples the pipeline
            produced, answers the same queries and dumps Turtle;
  rdflib    the common alternative: the same pipeline on rdflib's default in-memory
            store (pySHACL validation, rdflib SPARQL and Turtle); capped by a timeout;
  build     a full ``heroes-kg build`` (every standard export), timed per export.

Each query is answered once inside the end-to-end times; its best time over five runs
is measured afterwards, apart.

It prints a table with the ratios pipeline/raw and rdflib/pipeline and writes the
figures as JSON. Progress goes to stderr when it is a terminal.

    python benchmarks/scale.py                          # 10k, 100k and 1M triples
    python benchmarks/scale.py --sizes 10k,100k --rdflib-timeout 300
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QUERY_DIRS = (ROOT / "queries", ROOT / "benchmarks" / "queries")
#: The benchmark's own queries bind their variables to one entity or article: these are
#: the "selective" queries of the latency target.
SELECTIVE = {p.stem for p in (ROOT / "benchmarks" / "queries").glob("*.rq")}
#: A query "with a selective binding" must answer within this many milliseconds.
QUERY_TARGET_MS = 100.0


# --------------------------------------------------------------------------------------
# Children: each measured thing runs in its own process and writes its figures as JSON.
# --------------------------------------------------------------------------------------

def _queries(project: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8")
            for p in sorted((project / "queries").glob("*.rq"))}


def _size(answer: Any) -> int:
    """Rows of a SELECT, or distinct triples of a CONSTRUCT (Oxigraph hands back a
    triple once per solution that makes it; rdflib's graph holds it once)."""
    import pyoxigraph as ox

    return len(set(answer)) if isinstance(answer, ox.QueryTriples) else len(list(answer))


def _answer_all(run: Any, queries: dict[str, str]) -> dict[str, dict[str, float]]:
    """Answer every query once (this is what the end-to-end time counts): its time in ms
    and its row count."""
    out: dict[str, dict[str, float]] = {}
    for name, text in queries.items():
        started = time.perf_counter()
        rows = run(text)
        out[name] = {"first_ms": (time.perf_counter() - started) * 1000, "rows": rows}
    return out


def _latency(run: Any, queries: dict[str, str], answered: dict[str, dict[str, float]],
             repeats: int = 4) -> float:
    """Best time of each query over its first answer and ``repeats`` more (queries that
    took over a second are not repeated). Returns the seconds it took, which the parent
    takes off the end-to-end time."""
    began = time.perf_counter()
    for name, text in queries.items():
        times = [answered[name]["first_ms"]]
        if times[0] < 1000:
            for _ in range(repeats):
                started = time.perf_counter()
                run(text)
                times.append((time.perf_counter() - started) * 1000)
        answered[name]["best_ms"] = min(times)
    return time.perf_counter() - began


def child_pipeline(project: Path, work: Path, report: Path, validate: bool = True) -> None:
    """Load, build, validate, write Turtle (and the persisted store), answer every query
    on the graph the build made (as ``heroes_kg.build(keep_graph=True).graph`` does)."""
    from heroes_kg.pipeline import build
    from heroes_kg.project import find_project
    from heroes_kg.vocab import prefixes

    started = time.perf_counter()
    proj = find_project(project)
    result = build(proj, outdir=work / "exports", force=True, only=["heroes.ttl"],
                   validate=validate, keep_graph=True)
    built = time.perf_counter()
    kg = result.graph
    assert kg is not None
    ns = prefixes(proj.base_iri)

    def run(text: str) -> int:
        return _size(kg.store.query(text, prefixes=ns, use_default_graph_as_union=True))

    queries = _answer_all(run, _queries(project))
    stages = dict(result.timings)
    stages["queries"] = time.perf_counter() - built
    figures = {"triples": result.triples, "statements": result.statements,
               "stages": stages, "queries": queries, "seconds": time.perf_counter() - started}
    _write(report, figures)
    figures["latency_s"] = _latency(run, _queries(project), queries)
    _write(report, figures)


def child_store_queries(project: Path, report: Path) -> None:
    """Every query on the persisted store, in a new process: what ``heroes-kg query`` and
    ``heroes_kg.load()`` answer from (not part of the pipeline's time)."""
    from heroes_kg.pipeline import open_graph
    from heroes_kg.project import find_project
    from heroes_kg.vocab import prefixes

    started = time.perf_counter()
    proj = find_project(project)
    with open_graph(proj, rebuild=False) as kg:
        opened = time.perf_counter()
        ns = prefixes(proj.base_iri)

        def run(text: str) -> int:
            return _size(kg.store.query(text, prefixes=ns, use_default_graph_as_union=True))

        queries = _answer_all(run, _queries(project))
        figures = {"stages": {"open": opened - started,
                              "queries": time.perf_counter() - opened},
                   "queries": queries, "seconds": time.perf_counter() - started}
        _write(report, figures)
        figures["latency_s"] = _latency(run, _queries(project), queries)
    _write(report, figures)


def child_pipeline_without_validation(project: Path, work: Path, report: Path) -> None:
    """The pipeline with the validation stage set aside (the curated files are still
    checked as they are read): the figure compared with raw pyoxigraph."""
    child_pipeline(project, work, report, validate=False)


def child_build(project: Path, work: Path, report: Path) -> None:
    """``heroes-kg build`` as a user runs it: every standard export, and the store."""
    from heroes_kg.pipeline import build, standard_exports
    from heroes_kg.project import find_project

    started = time.perf_counter()
    timings: dict[str, float] = {}

    def progress(message: str) -> None:
        timings[message] = time.perf_counter() - started

    result = build(find_project(project), outdir=work / "all-exports", force=True,
                   progress=progress)
    made = {m.removeprefix("making "): t for m, t in timings.items()
            if m.removeprefix("making ") in standard_exports}
    names = list(made)
    ends = [*(made[n] for n in names[1:]), timings.get("writing the store", 0.0)]
    _write(report, {"stages": result.timings,
                    "exports": {n: end - made[n] for n, end in zip(names, ends)},
                    "seconds": time.perf_counter() - started})


def child_build_incremental(project: Path, work: Path, report: Path) -> None:
    """``heroes-kg build`` after an edit of the seeds (no ``--force``): every standard
    export, into the folder the full build wrote."""
    from heroes_kg.pipeline import build, standard_exports
    from heroes_kg.project import find_project

    started = time.perf_counter()
    timings: dict[str, float] = {}

    def progress(message: str) -> None:
        timings[message] = time.perf_counter() - started

    result = build(find_project(project), outdir=work / "all-exports", progress=progress)
    made = {m.removeprefix("making "): t for m, t in timings.items()
            if m.removeprefix("making ") in standard_exports}
    names = list(made)
    ends = [*(made[n] for n in names[1:]), timings.get("writing the store", 0.0)]
    _write(report, {"stages": result.timings, "up_to_date": result.up_to_date,
                    "exports": {n: end - made[n] for n, end in zip(names, ends)},
                    "reused_blocks": result.reused,
                    "triples": result.triples, "seconds": time.perf_counter() - started})


# --- The edits of the incremental cases ----------------------------------------------------

def _facts_file_of(project: Path, article_id: str) -> Path:
    prefix = article_id.split("-")[0] + "-"
    for path in sorted((project / "seeds" / "facts").glob("*.yaml")):
        if f"id: {prefix}" in path.read_text(encoding="utf-8"):
            return path
    raise SystemExit(f"no facts file declares the entities of {article_id}")


def _yaml_rewrite(path: Path, data: Any) -> None:
    import yaml

    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000),
                    encoding="utf-8")


class Edits:
    """The three edits of the incremental cases on a synthetic project: the last article
    removed (with its entities and statements), added back, and one statement edited.

    The facts file they touch is rewritten once by the YAML dumper before the full
    build, so that each edit changes only the lines it is about."""

    def __init__(self, project: Path) -> None:
        import yaml

        self.project = project
        articles = sorted((project / "seeds" / "articles").glob("*.yaml"))
        self.meta = articles[-1]
        record = yaml.safe_load(self.meta.read_text(encoding="utf-8"))
        self.article = record["id"]
        self.text = self.meta.parent / record["file"]
        self.facts = _facts_file_of(project, self.article)
        self.data = yaml.safe_load(self.facts.read_text(encoding="utf-8"))
        _yaml_rewrite(self.facts, self.data)
        self.saved = (self.meta.read_bytes(), self.text.read_bytes(), self.facts.read_bytes())
        prefix = self.article.split("-")[0] + "-"
        self.statements = sum(
            1 for st in self.data["statements"]
            if any(ev["article"] == self.article for ev in st["evidence"]))
        self.entities = sum(1 for e in self.data["entities"] if e["id"].startswith(prefix))
        self.prefix = prefix

    def remove_article(self) -> None:
        prefix = self.prefix
        data = {"entities": [e for e in self.data["entities"] if not e["id"].startswith(prefix)],
                "statements": [st for st in self.data["statements"]
                               if not any(ev["article"] == self.article
                                          for ev in st["evidence"])
                               and not any(str(st.get(k, "")).startswith(prefix)
                                           for k in ("subject", "object", "in", "as"))]}
        _yaml_rewrite(self.facts, data)
        self.meta.unlink()
        self.text.unlink()

    def add_article(self) -> None:
        meta, text, facts = self.saved
        self.meta.write_bytes(meta)
        self.text.write_bytes(text)
        self.facts.write_bytes(facts)

    def edit_statement(self) -> None:
        """Change one figure: a statement's whole-number value, by one."""
        data = copy.deepcopy(self.data)
        for st in data["statements"]:
            if isinstance(st.get("value"), int) and st["property"] == "households":
                st["value"] += 1
                break
        else:
            raise SystemExit(f"no households figure in {self.facts.name}")
        _yaml_rewrite(self.facts, data)


def run_incremental(project: Path, out: Path, tag: str, progress: Progress
                    ) -> dict[str, Any]:
    """A full build with every export, then one article removed, added back, one
    statement edited and nothing changed, each an incremental build (its own process)."""
    edits = Edits(project)
    cases: dict[str, Any] = {"statements_in_article": edits.statements,
                             "entities_in_article": edits.entities}
    cases["full"] = measure("build", [str(project), str(out)],
                            f"{tag} heroes-kg build --force, every export", progress)
    for name, edit in (("article_removed", edits.remove_article),
                       ("article_added", edits.add_article),
                       ("statement_edited", edits.edit_statement),
                       ("nothing_changed", lambda: None)):
        edit()
        cases[name] = measure("build-incremental", [str(project), str(out)],
                              f"{tag} heroes-kg build, {name.replace('_', ' ')}", progress)
    return cases


def child_dump(project: Path, nt: Path, report: Path) -> None:
    from heroes_kg.pipeline import open_graph
    from heroes_kg.project import find_project

    with open_graph(find_project(project), rebuild=False) as kg:
        nt.write_bytes(kg.sorted_ntriples())
    _write(report, {})


def child_raw(project: Path, nt: Path, work: Path, report: Path) -> None:
    import pyoxigraph as ox

    from heroes_kg.project import find_project
    from heroes_kg.vocab import prefixes

    started = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    loaded = time.perf_counter()
    ns = prefixes(find_project(project).base_iri)

    def run(text: str) -> int:
        return _size(store.query(text, prefixes=ns))

    queries = _answer_all(run, _queries(project))
    answered = time.perf_counter()
    store.dump(str(work / "raw.ttl"), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
               prefixes=ns)
    done = time.perf_counter()
    figures = {"stages": {"load": loaded - started, "queries": answered - loaded,
                          "export": done - answered},
               "queries": queries, "seconds": done - started}
    _write(report, figures)
    figures["latency_s"] = _latency(run, _queries(project), queries)
    _write(report, figures)


def child_rdflib(project: Path, work: Path, report: Path) -> None:
    """The heroes-kg pipeline with rdflib's default (Memory) store in place of Oxigraph."""
    import pyoxigraph as ox
    import pyshacl
    import rdflib

    from heroes_kg.corpus.curation import load_corpus
    from heroes_kg.project import find_project
    from heroes_kg.rdf.model import to_quads
    from heroes_kg.vocab import Names, prefixes

    figures: dict[str, Any] = {"stages": {}}
    started = last = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        figures["stages"][stage] = now - last
        figures["seconds"] = now - started
        last = now
        _write(report, figures)  # what is done so far survives a timeout

    proj = find_project(project)
    corpus = load_corpus(proj)
    lap("load")
    names = Names(proj.base_iri)

    def term(t: Any) -> Any:
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if isinstance(t, ox.Literal):
            dt = t.datatype.value
            if t.language:
                return rdflib.Literal(t.value, lang=t.language)
            return rdflib.Literal(t.value, datatype=None if dt.endswith("#string") else dt)
        return rdflib.BNode(t.value)

    dataset = rdflib.Dataset(default_union=True)
    graphs = {g.value: dataset.graph(rdflib.URIRef(g.value))
              for g in (names.facts, names.provenance)}
    for quad in to_quads(corpus, proj.base_iri):
        graphs[quad.graph_name.value].add((term(quad.subject), term(quad.predicate),
                                           term(quad.object)))
    data = rdflib.Graph()
    for graph in graphs.values():
        for triple in graph:
            data.add(triple)
    ontology = rdflib.Graph().parse(proj.ontology_file, format="turtle")
    shapes = rdflib.Graph().parse(proj.shapes_file, format="turtle")
    lap("model")
    pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                     advanced=True, allow_warnings=True)
    lap("validate")
    ns = prefixes(proj.base_iri)
    for prefix, iri in ns.items():
        data.bind(prefix, iri)
    data.serialize(work / "rdflib.ttl", format="turtle")
    lap("export")
    figures["queries"] = {}
    for name, text in _queries(project).items():  # one at a time: a timeout keeps the rest
        figures["queries"].update(_answer_all(lambda q: len(list(dataset.query(q, initNs=ns))),
                                              {name: text}))
        figures["queries"][name]["best_ms"] = figures["queries"][name]["first_ms"]
    lap("queries")


def _write(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


# --------------------------------------------------------------------------------------
# Parent: runs the children one at a time, measures them, prints and saves the table.
# --------------------------------------------------------------------------------------

class Progress:
    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()

    def show(self, text: str, final: bool = False) -> None:
        if self.tty:
            sys.stderr.write("\r\033[K" + text + ("\n" if final else ""))
            sys.stderr.flush()


def measure(kind: str, args: list[str], label: str, progress: Progress,
            timeout: float | None = None) -> dict[str, Any]:
    """Run one child; its wall time, its own peak RSS and the figures it wrote."""
    report = Path(tempfile.mkstemp(prefix=f"scale-{kind}-", suffix=".json")[1])
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep
           + os.environ.get("PYTHONPATH", "")}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", kind, *args, str(report)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        elapsed = time.perf_counter() - started
        if pid:
            break
        if timeout is not None and elapsed > timeout:
            proc.send_signal(signal.SIGKILL)
            _pid, status, usage = os.wait4(proc.pid, 0)
            timed_out = True
            break
        progress.show(f"{label}: {elapsed:6.1f} s")
        time.sleep(0.1)
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    wall = time.perf_counter() - started
    try:
        figures = json.loads(report.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        figures = {}
    report.unlink(missing_ok=True)
    if not timed_out and proc.returncode != 0:
        raise SystemExit(f"{label} failed (exit {proc.returncode}):\n{errors}")
    progress.show(f"{label}: {wall:6.1f} s" + (" (timed out)" if timed_out else ""),
                  final=True)
    # ru_maxrss is in KiB on Linux.
    # The repeated query runs for latency figures are not part of the end-to-end time.
    wall -= figures.get("latency_s", 0.0)
    return {**figures, "wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024, "timed_out": timed_out}


def parse_size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else \
        f"{n // 1000}k" if n >= 1000 else str(n)


def run_size(size: int, workdir: Path, args: argparse.Namespace,
             progress: Progress) -> dict[str, Any]:
    from heroes_kg.synth import write_corpus

    project = workdir / f"corpus-{label(size)}"
    shutil.rmtree(project, ignore_errors=True)
    started = time.perf_counter()
    synth = write_corpus(project, size, ontology=ROOT / "ontology", seed=args.seed)
    (project / "queries").mkdir()
    for folder in QUERY_DIRS:
        for query in sorted(folder.glob("*.rq")):
            shutil.copy(query, project / "queries" / query.name)
    generated = time.perf_counter() - started
    tag = f"[{label(size)}]"
    out = workdir / f"out-{label(size)}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    if args.builds_only:
        cases = run_incremental(project, out, tag, progress)
        if not args.keep:
            shutil.rmtree(project, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
        return {"size": size, "articles": synth.articles, "statements": synth.statements,
                "triples": cases["full"].get("triples"), "generate_s": generated,
                "incremental": cases}
    pipeline = measure("pipeline", [str(project), str(out)], f"{tag} pipeline", progress)
    stored = measure("store-queries", [str(project)],
                     f"{tag} queries on the persisted store", progress)
    nt = out / "graph.nt"
    measure("dump", [str(project), str(nt)], f"{tag} dump N-Triples (not timed)", progress)
    # The two sides of the headline ratio run in turns, --repeat times each, and the
    # median run of each is reported: on a shared machine one run can be 20 % off.
    novals, raws = [], []
    for turn in range(1, args.repeat + 1):
        of = f" ({turn}/{args.repeat})" if args.repeat > 1 else ""
        novals.append(measure("pipeline-noval", [str(project), str(out)],
                              f"{tag} pipeline, validation aside{of}", progress))
        raws.append(measure("raw", [str(project), str(nt), str(out)],
                            f"{tag} raw pyoxigraph{of}", progress))
    noval, raw = _median_run(novals), _median_run(raws)
    rdf = measure("rdflib", [str(project), str(out)], f"{tag} rdflib Memory", progress,
                  timeout=args.rdflib_timeout)
    full = None
    cases = None
    if args.full_build:
        cases = run_incremental(project, out, tag, progress)
        full = cases["full"]
    if not args.keep:
        shutil.rmtree(project, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    return {"size": size, "articles": synth.articles, "statements": synth.statements,
            "triples": pipeline.get("triples"), "generate_s": generated,
            "pipeline": pipeline, "pipeline_without_validation": noval, "raw": raw,
            "store_queries": stored, "rdflib": rdf, "full_build": full,
            "incremental": cases}


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median wall time, with every run's wall time beside it."""
    middle = sorted(runs, key=lambda run: run["wall_s"])[(len(runs) - 1) // 2]
    return {**middle, "runs_wall_s": [run["wall_s"] for run in runs]}


def summarise(row: dict[str, Any]) -> dict[str, Any]:
    """The headline figures of one size: totals without validation, and ratios."""
    p, r, x = row["pipeline"], row["raw"], row["rdflib"]
    p_stages = p.get("stages", {})
    x_stages = x.get("stages", {})
    # Measured in its own run: the store is written while the graph is validated, so
    # taking the validation stage off the full run's time would hide part of it.
    nv = row["pipeline_without_validation"]
    p_wo = nv["wall_s"]
    x_done = {"load", "model", "validate", "export", "queries"} <= set(x_stages)
    x_wo = x["wall_s"] - x_stages.get("validate", 0.0) if x_done else None
    selective = {k: v["best_ms"] for k, v in p.get("queries", {}).items()
                 if k in SELECTIVE}
    full = row.get("full_build")
    return {
        "triples": row["triples"],
        "pipeline_s": p["wall_s"], "pipeline_without_validation_s": p_wo,
        "cpu_s": {"pipeline": p["cpu_s"], "raw": r["cpu_s"], "rdflib": x["cpu_s"]},
        "validate_s": p_stages.get("validate"),
        "raw_s": r["wall_s"], "rdflib_s": x["wall_s"] if x_done else None,
        "rdflib_without_validation_s": x_wo,
        "rdflib_timed_out": x["timed_out"] or not x_done,
        "pipeline_over_raw": p_wo / r["wall_s"],
        # The same without the queries, which run on the same engine in both and can
        # dominate both totals: what the pipeline itself adds.
        "pipeline_over_raw_without_queries": (
            (p_wo - nv.get("stages", {}).get("queries", 0.0))
            / (r["wall_s"] - r.get("stages", {}).get("queries", 0.0))),
        "rdflib_over_pipeline": (x_wo / p_wo) if x_wo else None,
        # When rdflib was stopped: what it had spent, validation taken off if it had
        # finished validating, over the pipeline's time (a lower bound of the ratio).
        "rdflib_over_pipeline_at_least": None if x_wo else (
            (x["wall_s"] - x_stages.get("validate", 0.0)) / p_wo),
        "pipeline_us_per_triple": p_wo / row["triples"] * 1e6,
        "peak_mb": {"pipeline": p["peak_mb"], "raw": r["peak_mb"], "rdflib": x["peak_mb"],
                    "pipeline_without_validation": nv["peak_mb"]},
        "query_best_ms": selective,
        "slowest_selective_query_ms": max(selective.values(), default=None),
        "full_build_s": full["wall_s"] if full else None,
        "full_build_peak_mb": full["peak_mb"] if full else None,
    }


def incremental_table(rows: list[dict[str, Any]]) -> str:
    """Full build against the incremental cases: wall, CPU and peak, and the ratio."""
    lines = ["Builds with every standard export: the full build (--force) and incremental "
             "builds after one edit (wall s / CPU s / peak MB; ratio of wall to the full "
             "build's in the same run)"]
    for row in rows:
        cases = row.get("incremental")
        if not cases:
            continue
        full = cases["full"]
        page = full.get("exports", {}).get("heroes.html")
        lines.append(f"  {label(row['size']):>5} full: {full['wall_s']:.1f} / "
                     f"{full['cpu_s']:.1f} / {full['peak_mb']:.0f}"
                     + (f" (of which the HTML page {page:.1f} s; without it "
                        f"{full['wall_s'] - page:.1f} s)" if page else ""))
        for name in ("article_removed", "article_added", "statement_edited",
                     "nothing_changed"):
            case = cases[name]
            stages = " ".join(f"{k}={v:.1f}" for k, v in case.get("stages", {}).items())
            lines.append(f"  {label(row['size']):>5} {name.replace('_', ' '):<17} "
                         f"{case['wall_s']:.1f} / {case['cpu_s']:.1f} / "
                         f"{case['peak_mb']:.0f}  {case['wall_s'] / full['wall_s']:.2f}×"
                         + (f"  [{stages}]" if stages else ""))
            if case.get("exports"):
                lines.append("          s per export: " + " ".join(
                    f"{k}={v:.1f}" for k, v in case["exports"].items()))
        lines.append(f"        (the article: {cases['statements_in_article']} statements, "
                     f"{cases['entities_in_article']} entities)")
        if full.get("exports"):
            shown = " ".join(f"{k}={v:.1f}" for k, v in full["exports"].items())
            lines.append(f"        full build, s per export: {shown}")
            lines.append("        full build, s per stage: " + " ".join(
                f"{k}={v:.1f}" for k, v in full.get("stages", {}).items()))
    return "\n".join(lines)


def table(rows: list[dict[str, Any]]) -> str:
    lines = []
    head = (f"{'triples':>9} {'pipeline':>9} {'(no val.)':>9} {'validate':>8} {'raw ox':>7} "
            f"{'rdflib':>9} {'(no val.)':>9} {'pipe/raw':>8} {'rdf/pipe':>8} "
            f"{'µs/triple':>9} {'peak MB pipe/raw/rdflib':>24}")
    lines.append(head)
    lines.append("-" * len(head))
    for row in rows:
        s = row["summary"]
        rdf = f"{s['rdflib_s']:.1f}" if s["rdflib_s"] else f">{row['rdflib']['wall_s']:.0f}"
        rdf_wo = f"{s['rdflib_without_validation_s']:.1f}" \
            if s["rdflib_without_validation_s"] else "-"
        ratio = f"{s['rdflib_over_pipeline']:.1f}×" if s["rdflib_over_pipeline"] else \
            f">{s['rdflib_over_pipeline_at_least']:.1f}×"
        peak = s["peak_mb"]
        lines.append(
            f"{s['triples']:>9} {s['pipeline_s']:>8.2f}s "
            f"{s['pipeline_without_validation_s']:>8.2f}s"
            f" {s['validate_s'] or 0:>7.2f}s {s['raw_s']:>6.2f}s {rdf:>8}s {rdf_wo:>8}s"
            f" {s['pipeline_over_raw']:>7.2f}× {ratio:>8} {s['pipeline_us_per_triple']:>9.1f}"
            f" {peak['pipeline']:>8.0f}/{peak['raw']:.0f}/{peak['rdflib']:.0f}")
    lines.append("")
    lines.append("pipeline/raw without the queries (both answer the same queries on the same "
                 "engine):")
    for row in rows:
        lines.append(f"  {label(row['size']):>5} "
                     f"{row['summary']['pipeline_over_raw_without_queries']:.2f}×")
    lines.append("")
    lines.append("Every run behind the ratio (s; the median of each is the one shown): "
                 "pipeline, validation aside | raw pyoxigraph")
    for row in rows:
        runs = [" ".join(f"{t:.2f}" for t in row[kind].get("runs_wall_s", [row[kind]["wall_s"]]))
                for kind in ("pipeline_without_validation", "raw")]
        lines.append(f"  {label(row['size']):>5} {runs[0]} | {runs[1]}")
    lines.append("")
    lines.append("CPU time (s, user+sys; less sensitive than wall time to a busy machine): "
                 "pipeline / raw / rdflib")
    for row in rows:
        cpu = row["summary"]["cpu_s"]
        lines.append(f"  {label(row['size']):>5} {cpu['pipeline']:.2f} / {cpu['raw']:.2f} / "
                     f"{cpu['rdflib']:.2f}" + (" (rdflib stopped by the timeout)"
                                               if row["summary"]["rdflib_timed_out"] else ""))
    lines.append("")
    lines.append("Stages (s): pipeline = load model validate export store queries; "
                 "raw = load queries export; rdflib = load model validate export queries")
    for row in rows:
        for kind in ("pipeline", "pipeline_without_validation", "raw", "rdflib"):
            stages = row[kind].get("stages", {})
            shown = " ".join(f"{k}={v:.2f}" for k, v in stages.items())
            kind_shown = kind.replace("_without_validation", " (no val.)")
            lines.append(f"  {label(row['size']):>5} {kind_shown:<19} {shown}")
    lines.append("")
    lines.append("Full 'heroes-kg build' (every standard export, and the store): seconds "
                 "per export")
    for row in rows:
        full = row.get("full_build")
        if full:
            shown = " ".join(f"{k}={v:.1f}" for k, v in full.get("exports", {}).items())
            lines.append(f"  {label(row['size']):>5} {full['wall_s']:.1f} s, peak "
                         f"{full['peak_mb']:.0f} MB: {shown}")
    lines.append("")
    lines.append(f"Queries, best of 5 (ms; * = selective, target ≤ {QUERY_TARGET_MS:.0f} ms; "
                 "rdflib answered once): pipeline (in memory) / persisted store / raw / "
                 "rdflib")
    for row in rows:
        names = sorted(row["pipeline"].get("queries", {}))
        for name in names:
            cells = []
            for kind in ("pipeline", "store_queries", "raw", "rdflib"):
                q = (row.get(kind) or {}).get("queries", {}).get(name)
                cells.append(f"{q['best_ms']:.1f}" if q else "-")
            mark = "*" if name in SELECTIVE else " "
            lines.append(f"  {label(row['size']):>5} {mark}{name:<28} {' / '.join(cells)}")
    return "\n".join(lines)


def _tables(rows: list[dict[str, Any]]) -> str:
    """The comparison table (when the pipeline was measured) and the builds table."""
    shown = []
    compared = [row for row in rows if "pipeline" in row]
    for row in compared:
        row["summary"] = summarise(row)
    if compared:
        shown.append(table(compared))
    if any(row.get("incremental") for row in rows):
        shown.append(incremental_table(rows))
    return "\n\n".join(shown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1M",
                        help="comma-separated triple counts (default 10k,100k,1M)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rdflib-timeout", type=float, default=600.0, metavar="S",
                        help="stop the rdflib run after S seconds (default 600)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where corpora are written (default: a temporary folder)")
    parser.add_argument("--out", type=Path,
                        default=ROOT / "benchmarks" / "results" / "scale.json",
                        help="JSON results file (default benchmarks/results/scale.json)")
    parser.add_argument("--repeat", type=int, default=3, metavar="N",
                        help="runs of the pipeline (validation aside) and of raw "
                             "pyoxigraph, in turns; the median of each is reported "
                             "(default 3)")
    parser.add_argument("--keep", action="store_true", help="keep corpora and outputs")
    parser.add_argument("--no-full-build", dest="full_build", action="store_false",
                        help="skip timing a full 'heroes-kg build' (every export) per size")
    parser.add_argument("--builds-only", action="store_true",
                        help="time only the full build and the incremental builds after "
                             "one article removed, added back and one statement edited")
    parser.add_argument("--table", type=Path, metavar="JSON",
                        help="print the table of an earlier results file and exit")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.child:
        kind, *rest = args.child
        children = {"pipeline": child_pipeline, "dump": child_dump, "raw": child_raw,
                    "rdflib": child_rdflib, "build": child_build,
                    "pipeline-noval": child_pipeline_without_validation,
                    "store-queries": child_store_queries,
                    "build-incremental": child_build_incremental}
        children[kind](*map(Path, rest))
        return 0
    if args.table:
        rows = json.loads(args.table.read_text(encoding="utf-8"))["sizes"]
        print(_tables(rows))
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    progress = Progress()
    rows = []
    with tempfile.TemporaryDirectory(prefix="heroes-kg-scale-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            row = run_size(size, workdir, args, progress)
            if "pipeline" in row:
                row["summary"] = summarise(row)
            rows.append(row)
    import pyoxigraph
    import pyshacl
    import rdflib

    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "pyoxigraph": pyoxigraph.__version__,
                    "rdflib": rdflib.__version__, "pyshacl": pyshacl.__version__},
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "sizes": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(_tables(rows))
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
