"""The ``heroes-kg`` command: parse arguments, call one library function, print.

Library errors (:class:`~heroes_kg.errors.HeroesKGError`) become ``Error: ...`` lines on
stderr and exit code 1; no traceback reaches the user for a mistake in the input.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ._version import __version__
from .errors import HeroesKGError, StoreError
from .vocab import RDF_FORMAT_NAMES

if TYPE_CHECKING:  # the CLI imports the library where a command needs it
    from .project import Project
    from .query import KnowledgeGraph

F = TypeVar("F", bound=Callable[..., Any])

#: Problems listed before the rest are summarised as "… and N more".
_MAX_PROBLEMS = 20


#: How the command line names the parameters a library error mentions as ``{--name}``.
_OPTIONS = {
    "auth_env": "--auth-env",
    "depth": "--depth",
    "force": "--force",
    "host": "--host",
    "id": "--id",
    "infer": "--infer",
    "out": "-o",
    "port": "--port",
    "project": "--project DIR",
    "publisher": "--publisher",
    "query_endpoint": "--query-endpoint URL",
    "timeout": "--timeout",
    "to": "--to NAME",
    "triples": "--triples",
    "with_ontology": "--with-ontology",
}


def _option(name: str) -> str:
    return _OPTIONS.get(name, f"--{name.replace('_', '-')}")


def _fail(exc: HeroesKGError) -> None:
    lines = exc.lines(_option)
    if isinstance(exc, StoreError):
        lines = [f"{line}; run 'heroes-kg build'" for line in lines]
    if exc.problems:
        click.echo(f"Error: {exc.message}:", err=True)
        for line in lines[:_MAX_PROBLEMS]:
            click.echo(f"  {line}", err=True)
        if len(lines) > _MAX_PROBLEMS:
            click.echo(f"  … and {len(lines) - _MAX_PROBLEMS} more", err=True)
    else:
        for line in lines:
            click.echo(f"Error: {line}", err=True)
        for line in exc.context:
            click.echo(line, err=True)
    sys.exit(1)


def _interrupted(exc: BaseException | None) -> bool:
    """Whether ``exc`` is, or arose while handling, a Ctrl-C (an import cut short by
    Ctrl-C fails again later with ImportError, for one)."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, KeyboardInterrupt):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _exit_interrupted() -> None:
    """Exit with 130 (128 + SIGINT) now. The library's clean-up has run as the interrupt
    unwound it; exiting at once keeps a late interrupt in Python's own shut-down from
    turning the code into a signal death."""
    try:
        click.echo("Interrupted.", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(130)


def reports_errors(func: F) -> F:
    """Turn heroes-kg's own errors into one clear message and exit code 1, and Ctrl-C
    into "Interrupted." and exit code 130."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctrl_c = _CtrlC()
        previous = _set_sigint(ctrl_c.on_sigint)
        if previous is not None:
            ctrl_c.watch()
        pressed = ctrl_c.pressed
        try:
            result = func(*args, **kwargs)
        except HeroesKGError as exc:
            if pressed or _interrupted(exc):
                _exit_interrupted()
            _fail(exc)
        except KeyboardInterrupt:
            _exit_interrupted()
        except Exception as exc:
            if pressed or _interrupted(exc):
                _exit_interrupted()
            raise
        finally:
            # Run as the heroes-kg program, a Ctrl-C from here on (the command has
            # finished, only printing and exiting are left) is noted, not raised: the
            # exit code stays that of the finished command.
            if previous is not None:
                ctrl_c.unwatch()
                _set_sigint(_noted if _as_program() else previous)
        if pressed:
            _exit_interrupted()
        if _as_program() and previous is not None:
            # Done: exit now, so that a Ctrl-C during Python's own shut-down (which puts
            # the default handler back) cannot turn a finished command into a signal
            # death with its output lost.
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except OSError:  # a reader that went away (| head): nothing more to say
                pass
            os._exit(0)
        return result

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps F's signature


class _CtrlC:
    """Ctrl-C during a command: raised as :class:`KeyboardInterrupt` where the command
    is, and raised again a moment later where Python could not let it through.

    Python runs a signal handler between any two bytecodes, also inside a weakref
    callback or a ``__del__`` (the import system's module locks have one). An exception
    raised there cannot propagate: Python prints "Exception ignored in …" with a
    traceback and goes on. Such a Ctrl-C is caught before it is printed and raised again
    20 ms later, by then back in the command's own code.
    """

    _AGAIN_AFTER = 0.02

    def __init__(self) -> None:
        self.pressed: list[int] = []
        self._hook: Any = None
        self._alarm: Any = None

    def on_sigint(self, signum: int, frame: object) -> None:
        # Remembered as well as raised: should it still be lost, the command exits 130
        # once it has finished instead of 0.
        self.pressed.append(signum)
        raise KeyboardInterrupt

    def watch(self) -> None:
        """Catch Ctrl-Cs Python could not let through (main thread only)."""
        import signal

        self._hook = sys.unraisablehook
        sys.unraisablehook = self._unraisable
        self._alarm = signal.signal(signal.SIGALRM, self._again)

    def unwatch(self) -> None:
        import signal

        signal.setitimer(signal.ITIMER_REAL, 0)
        if self._alarm is not None:
            signal.signal(signal.SIGALRM, self._alarm)
        if self._hook is not None:
            sys.unraisablehook = self._hook

    def _unraisable(self, unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            import signal

            signal.setitimer(signal.ITIMER_REAL, self._AGAIN_AFTER)
        else:
            self._hook(unraisable)

    def _again(self, signum: int, frame: object) -> None:
        raise KeyboardInterrupt


def _noted(signum: int, frame: object) -> None:
    """A Ctrl-C after the command finished: nothing left to stop."""


def _as_program() -> bool:
    """Whether this process is the heroes-kg program (not a test or another program
    calling the CLI)."""
    here = Path(sys.argv[0] if sys.argv else "")
    return here.name == "heroes-kg" or (here.name == "__main__.py"
                                        and here.parent.name == "heroes_kg")


def _set_sigint(handler: Any) -> Any:
    """Install ``handler`` for SIGINT in the main thread (elsewhere: nothing); the one it
    replaces."""
    import signal
    import threading

    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        return None  # started ignoring Ctrl-C (in the background): keep it so
    try:
        return signal.signal(signal.SIGINT, handler)
    except (ValueError, OSError):
        return None


project_option = click.option(
    "--project", "project_dir", type=click.Path(file_okay=False, path_type=Path),
    help="Project folder (default: the nearest folder above with seeds/facts/; "
         "or set HEROES_KG_PROJECT).")
shacl_option = click.option(
    "--shacl", type=click.Choice(["oxigraph", "pyshacl"]), default="oxigraph",
    show_default=True,
    help="SHACL engine: the shapes compiled to SPARQL on Oxigraph, or pySHACL "
         "(the reference; same results, much slower on large graphs).")
base_option = click.option(
    "--base-iri", default=None, metavar="IRI",
    help="Base IRI of resources (default https://w3id.org/heroes-kg/; "
         "or set HEROES_KG_BASE_IRI).")


def _project(project_dir: Path | None, base_iri: str | None = None) -> Project:
    from .project import find_project

    return find_project(project_dir, base_iri)


def _open_graph(project_dir: Path | None, project: Project | None = None
                ) -> KnowledgeGraph:
    """The built graph, telling the user on stderr what had to be repaired to open it."""
    from .pipeline import open_graph

    kg = open_graph(project or _project(project_dir))
    for note in kg.notes:
        click.echo(f"Note: {note}", err=True)
    return kg


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="heroes-kg")
def main() -> None:
    """Build an evidence-grounded knowledge graph from news articles.

    Every fact in seeds/facts/ carries a verbatim quote from an article in
    seeds/articles/; heroes-kg finds each quote, builds an RDF graph with a
    provenance record per fact, validates it and writes exports/.

    \b
    Example:
        heroes-kg build
        heroes-kg show "Pedro Pascal"
    """


@main.command()
@project_option
@base_option
@click.option("-o", "--out", "outdir", type=click.Path(file_okay=False, path_type=Path),
              help="Write the exports here instead of exports/.")
@click.option("--force", is_flag=True, help="Rebuild even if nothing changed.")
@click.option("--only", "only", multiple=True, metavar="FILE",
              help="Write only this export (repeatable), e.g. heroes.ttl; the store is "
                   "always built. A later build without --only writes every export.")
@shacl_option
@reports_errors
def build(project_dir: Path | None, base_iri: str | None, outdir: Path | None,
          force: bool, only: tuple[str, ...], shacl: str) -> None:
    """Check the seeds, build and validate the graph, write exports/.

    Nothing is written unless every check passes. When no input changed since
    the last build, nothing is redone. On a terminal, each stage is shown as
    it starts.

    \b
    Example:
        heroes-kg build
        heroes-kg build --out /tmp/heroes-exports --force
        heroes-kg build --only heroes.ttl --only heroes.nq
    """
    from .pipeline import build as run_build

    started = time.perf_counter()
    project = _project(project_dir, base_iri)
    progress = _StageProgress(started) if sys.stderr.isatty() else None
    try:
        report = run_build(project, outdir=outdir, force=force, shacl=shacl,
                           only=only or None, progress=progress)
    finally:
        if progress is not None:
            progress.clear()
    elapsed = time.perf_counter() - started
    if report.up_to_date:
        click.echo(f"Up to date: {report.triples} triples from {report.statements} "
                   f"statements; nothing changed since the last build ({elapsed:.2f} s).")
        return
    click.echo(f"Built {report.triples} triples: {report.articles} articles, "
               f"{report.entities} entities, {report.statements} statements, "
               f"each quote found in its article ({elapsed:.2f} s).")
    for path in report.written:
        click.echo(f"  wrote {_display(path, project.root)}")


class _StageProgress:
    """Shows the current stage of a long command on one line of a terminal's stderr."""

    def __init__(self, started: float) -> None:
        self.started = started

    def __call__(self, message: str) -> None:
        elapsed = time.perf_counter() - self.started
        sys.stderr.write(f"\r\033[K[{elapsed:6.1f} s] {message}…")
        sys.stderr.flush()

    def clear(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def _count(n: int, one: str, many: str | None = None) -> str:
    """"1 candidate statement", "2 candidate statements"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


@main.command()
@project_option
@base_option
@shacl_option
@reports_errors
def validate(project_dir: Path | None, base_iri: str | None, shacl: str) -> None:
    """Run every check of 'build' and write nothing; exit 0 if all pass, else 1.

    Checks the YAML, ids, properties and value types, finds every quote in its
    article, and validates the graph against ontology/shapes.ttl.

    \b
    Example:
        heroes-kg validate && echo "seeds are good"
        heroes-kg validate --shacl pyshacl
    """
    from .pipeline import check

    report = check(_project(project_dir, base_iri), shacl=shacl)
    click.echo(f"Valid: {report.articles} articles, {report.entities} entities, "
               f"{report.statements} statements, {report.triples} triples; every quote "
               "found and every shape satisfied.")


@main.command()
@click.argument("entity")
@project_option
@reports_errors
def show(entity: str, project_dir: Path | None) -> None:
    """Show everything the graph says about ENTITY, with the quotes behind it.

    ENTITY is an id (pedro-pascal) or a name or alias, in any case.

    \b
    Example:
        heroes-kg show "pedro pascal"
        heroes-kg show we-can-be-heroes-sequel
    """
    from .query.inspect import show as run_show

    with _open_graph(project_dir) as kg:
        view = run_show(kg, entity)
    click.secho(f"{view.name}", bold=True, nl=False)
    click.echo(f"  ({view.type}, id {view.id})")
    click.echo(f"  {view.iri}")
    if view.aliases:
        click.echo(f"  also known as: {', '.join(view.aliases)}")
    if view.mentioned_in:
        click.echo(f"  mentioned in: {', '.join(view.mentioned_in)}")
    if not view.facts:
        click.echo("  (no curated statements)")
    width = max(20, min(100, shutil.get_terminal_size().columns - 8))
    for fact in view.facts:
        qualifiers = "".join(f" [{k}: {v}]" for k, v in fact.qualifiers)
        if fact.incoming:
            click.echo(f"\n  {fact.other} —{fact.property}→ {view.name}{qualifiers}")
        else:
            click.echo(f"\n  {fact.property}: {fact.other}{qualifiers}")
        for quote in fact.quotes:
            source = quote.article + (f", {quote.date}" if quote.date else "")
            body = textwrap.fill(f"“{quote.text}”", width, initial_indent="    ",
                                 subsequent_indent="     ")
            click.echo(f"{body}\n      — {source}, chars {quote.start}–{quote.end}")


@main.command()
@project_option
@reports_errors
def stats(project_dir: Path | None) -> None:
    """Count what the graph holds, by class and by property.

    \b
    Example:
        heroes-kg stats
    """
    from .query.inspect import stats as run_stats

    with _open_graph(project_dir) as kg:
        result = run_stats(kg)
    click.echo(f"{result.triples} triples, {result.statements} curated statements, "
               f"{result.evidence} evidence quotes")
    for title, rows in (("Classes", result.classes), ("Properties", result.properties)):
        click.echo(f"\n{title}:")
        width = max(len(name) for name, _ in rows) if rows else 0
        for name, count in rows:
            click.echo(f"  {name:<{width}}  {count:>6}")


@main.command()
@click.option("-f", "--format", "fmt", required=True, metavar="FORMAT",
              help="turtle (ttl), ntriples (nt), rdfxml (rdf, xml), jsonld (json-ld), trig, "
                   "nquads (nq), graphml, gexf, csv-nodes or csv-edges.")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--with-ontology/--without-ontology", default=None,
              help="Include the ontology: in its own named graph for trig and nquads "
                   "(their default), merged for the triple formats (default: without).")
@click.option("--facts-only", is_flag=True,
              help="Leave out the provenance records (for property graphs: the evidence "
                   "attributes of edges).")
@project_option
@reports_errors
def export(fmt: str, out: Path | None, with_ontology: bool | None, facts_only: bool,
           project_dir: Path | None) -> None:
    """Write the graph in FORMAT, to standard output or to a file.

    The same seeds always give the same bytes. Files are written under a
    temporary name and renamed, so an interrupted export leaves nothing behind.

    \b
    Example:
        heroes-kg export --format jsonld -o heroes.jsonld
        heroes-kg export -f turtle --facts-only --with-ontology -o heroes-tbox-and-facts.ttl
        heroes-kg export -f csv-nodes -o nodes.csv && heroes-kg export -f csv-edges -o edges.csv
    """
    from .outputs.formats import export_to

    data = export_to(lambda: _open_graph(project_dir), fmt, out, facts_only=facts_only,
                     with_ontology=with_ontology)
    if out is None:
        click.echo(data, nl=False)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def init(directory: Path) -> None:
    """Start a new knowledge graph in DIRECTORY: an empty corpus with the ontology,
    SHACL shapes, corpus-independent named queries and a README.

    DIRECTORY must not exist yet or be empty. Then add articles, draft facts with
    suggest, review and accept them, and build.

    \b
    Example:
        heroes-kg init film-news
        cd film-news
        heroes-kg add-article ~/story.txt --id casting-news --date 2024-04-12
        heroes-kg suggest casting-news
        heroes-kg accept candidates/casting-news.yaml
        heroes-kg build
    """
    from .scaffold import init_project

    path = init_project(directory)
    click.echo(f"Started a heroes-kg project in {path}")
    click.echo("  next: heroes-kg add-article FILE --id ID   (run inside the folder, or pass "
               "--project)")


@main.command("add-article")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "article_id", required=True, help="Id of the article (lowercase words "
              "joined by '-').")
@click.option("--title", default=None, help="Title (default: the text's first line).")
@click.option("--publisher", default=None, metavar="ENTITY",
              help="Id of the publishing Organization entity.")
@click.option("--date", default=None, metavar="YYYY-MM-DD", help="Publication date.")
@click.option("--url", default=None, help="Where the article was published.")
@project_option
@reports_errors
def add_article(file: Path, article_id: str, title: str | None, publisher: str | None,
                date: str | None, url: str | None, project_dir: Path | None) -> None:
    """Copy an article's text into seeds/articles/ with its metadata record.

    The text is kept byte for byte; the record (NNN_HASH.yaml) holds the id, title,
    date, publisher and URL. A text or id the project already has is refused.

    \b
    Example:
        heroes-kg add-article sequel-news.txt --id sequel-news --date 2021-01-06
    """
    from .grow.curate import add_article as run_add

    project = _project(project_dir)
    path = run_add(project, file, article_id, title=title, publisher=publisher, date=date,
                   url=url)
    click.echo(f"Added article {article_id!r}: {path.relative_to(project.root)} "
               f"(metadata {path.with_suffix('.yaml').name})")


@main.command()
@click.argument("article_id")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Candidates file (default: candidates/ARTICLE_ID.yaml).")
@click.option("--force", is_flag=True, help="Overwrite an existing candidates file.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.45,
              show_default=True,
              help="Leave out candidates below this confidence (0 writes them all). A "
                   "candidate's confidence is how often its rule's candidates drafted so "
                   "were right on news the rules had not seen.")
@click.option("--learned", is_flag=True,
              help="Also draft the learned relation layer's candidates (rule "
                   "'learned:PROPERTY') where no rule found the same fact; experimental, "
                   "see the grow guide.")
@project_option
@reports_errors
def suggest(article_id: str, output: Path | None, force: bool, min_confidence: float,
            learned: bool, project_dir: Path | None) -> None:
    """Write candidate facts for an article, each with its verbatim quote.

    Candidates are marked as such (a 'candidates:' header, 'confidence:' and 'rule:' on
    every item), so build refuses them until you review them and run accept. Each
    confidence is calibrated: the share of such candidates that were right on news the
    rules had not seen. Candidates below --min-confidence (default 0.45) are left out,
    and counted.

    \b
    Example:
        heroes-kg suggest sequel-news
        heroes-kg suggest sequel-news -o review.yaml
        heroes-kg suggest sequel-news --learned
    """
    from .grow.curate import write_suggestions

    project = _project(project_dir)
    path, result = write_suggestions(project, article_id, output, force, min_confidence,
                                     learned)
    known = len({m.entity for m in result.mentions})
    click.echo(f"Wrote {_count(len(result.statements), 'candidate statement')}, "
               f"{_count(len(result.entities), 'new entity candidate', 'new entity candidates')}"
               f" and {_count(known, 'known entity', 'known entities')} mentioned "
               f"to {_display(path, project.root)}")
    if result.below_floor:
        click.echo(f"Left out {_count(result.below_floor, 'candidate')} under confidence "
                   f"{min_confidence:g} (right less often than that on news the rules had "
                   "not seen); --min-confidence 0 writes them too")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "target", default=None, metavar="NAME",
              help="Write seeds/facts/NAME.yaml (default: the article id).")
@click.option("--skip-failing", is_flag=True,
              help="Leave out the candidates that fail the checks (listed on stderr) and "
                   "accept the rest.")
@project_option
@reports_errors
def accept(file: Path, target: str | None, skip_failing: bool,
           project_dir: Path | None) -> None:
    """Add reviewed candidates to the curated facts, after build's checks.

    Drops the 'confidence:' and 'rule:' keys and writes seeds/facts/ARTICLE.yaml, only
    if the project with it passes every check of build; otherwise nothing is written
    and every problem is listed at its line in FILE (or, with --skip-failing, the
    failing items are left out and listed).

    \b
    Example:
        heroes-kg accept candidates/sequel-news.yaml
        heroes-kg accept candidates/sequel-news.yaml --skip-failing
    """
    from .grow.curate import accept as run_accept

    project = _project(project_dir)
    report = run_accept(project, file, target, skip_failing)
    for problem in report.refused:
        click.echo(f"Refused {problem}", err=True)
    click.echo(f"Accepted {report.statements} statements and {report.entities} entities "
               f"into {report.path.relative_to(project.root)}; run 'heroes-kg build'")


@main.command()
@project_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (keep 127.0.0.1 unless others should reach it).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--timeout", default=30.0, show_default=True, type=float, metavar="S",
              help="Stop a query after S seconds (the client gets HTTP 503).")
@click.option("--cors", metavar="ORIGIN", default=None,
              help="Let browser pages from ORIGIN (e.g. http://localhost:3000, or '*') "
                   "send queries to the endpoint. Off by default.")
@click.option("--curate", is_flag=True,
              help="Add the review screen for candidates/ (it writes seeds/facts/): "
                   "127.0.0.1 only, behind a random token in the printed URL.")
@click.option("--allow-service", is_flag=True,
              help="Let queries call other endpoints with SERVICE. Off by default: the "
                   "server would make HTTP requests wherever a client's query says (into "
                   "this host's network too); only for trusted local use.")
@reports_errors
def serve(project_dir: Path | None, host: str, port: int, timeout: float,
          cors: str | None, curate: bool, allow_service: bool) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint and a workbench in
    the browser, until Ctrl-C.

    Runs the Oxigraph server (the 'oxigraph' package) on a snapshot of the
    graph. The page at / is a query editor with the named queries (queries/);
    /resource/ID shows an entity (HTML, or Turtle / JSON-LD to RDF clients);
    the network view and exports/ are served too. Every update is refused.
    The default graph is the facts and provenance together. With --curate,
    /curate reviews suggested facts and writes the accepted ones. Queries that
    call other endpoints (SERVICE) or nest too deep are refused with HTTP 400.

    \b
    Example:
        heroes-kg serve --port 7878
        heroes-kg serve --curate
        curl -H 'Accept: text/csv' --data-urlencode \\
          'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/query
    """
    import signal

    from .serve.app import serve as run_serve

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # Ctrl-C and SIGTERM stop it cleanly, even where a shell started it ignoring SIGINT.
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with run_serve(_project(project_dir), host, port, timeout, cors=cors,
                       curate=curate, allow_service=allow_service) as server:
            for note in server.notes:
                click.echo(f"Note: {note}", err=True)
            urls = server.urls
            click.echo(f"Serving the graph at {urls['page']}")
            click.echo(f"  SPARQL endpoint: {urls['sparql']}")
            if "view" in urls:
                click.echo(f"  network view:    {urls['view']}")
            if "curate" in urls:
                click.echo(f"  review screen:   {urls['curate']}")
            click.echo("Press Ctrl-C to stop.")
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                click.echo("Stopped.")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@main.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's Graph Store Protocol URL (for Oxigraph server its "
                   "address, e.g. http://127.0.0.1:7878).")
@click.option("--query-endpoint", "query_url", metavar="URL",
              help="Its SPARQL query URL, for the check after the push (default: derived "
                   "for Oxigraph, Fuseki, GraphDB, Virtuoso and Neptune).")
@click.option("--graph-iri", metavar="IRI",
              help="Put everything (facts, provenance, ontology) into this one named graph "
                   "instead of three.")
@click.option("--auth-env", metavar="VAR",
              help="Name of an environment variable holding 'user:password' for HTTP "
                   "basic authentication.")
@click.option("--dry-run", is_flag=True, help="Show what would be sent; send nothing.")
@click.option("--timeout", default=60.0, show_default=True, type=float, metavar="S",
              help="Give up on a request after S seconds without an answer.")
@project_option
@reports_errors
def push(endpoint: str, query_url: str | None, graph_iri: str | None,
         auth_env: str | None, dry_run: bool, timeout: float,
         project_dir: Path | None) -> None:
    """Publish the graph to a SPARQL 1.1 store (Graph Store HTTP Protocol).

    Each named graph (facts, provenance, ontology) is sent with one PUT, which
    replaces that graph on the server: pushing twice leaves one copy. Then
    the triples on the server are counted and compared with the local graph.

    \b
    Example:
        heroes-kg push --endpoint http://127.0.0.1:7878 --dry-run
        STORE_AUTH=admin:secret heroes-kg push --auth-env STORE_AUTH \\
          --endpoint http://localhost:3030/heroes/data
    """
    from .remote import push as run_push

    started = time.perf_counter()
    with _open_graph(project_dir) as kg:
        report = run_push(kg, endpoint, graph_iri, auth_env, dry_run, query_url=query_url,
                          timeout=timeout)
    elapsed = time.perf_counter() - started
    if report.dry_run:
        click.echo(f"Dry run: would PUT {report.triples} triples to {report.store_url} "
                   f"and check them with {report.query_url}:")
        for graph in report.graphs:
            click.echo(f"  <{graph.iri}>  {graph.triples} triples "
                       f"({graph.bytes} bytes of N-Triples)")
        return
    click.echo(f"Pushed {report.triples} triples to {report.store_url} and checked them "
               f"with {report.query_url} ({elapsed:.2f} s):")
    for graph in report.graphs:
        click.echo(f"  <{graph.iri}>  {graph.triples} triples, "
                   f"{graph.remote_triples} on the server (HTTP {graph.status})")


@main.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read the query from FILE.")
@click.option("--format", "fmt", default=None,
              type=click.Choice(["table", "csv", "tsv", "json", "xml",
                                 *(n for n in RDF_FORMAT_NAMES if n != "xml")]),
              help="SELECT/ASK: table (default), csv, tsv, json, xml (W3C SPARQL results). "
                   "CONSTRUCT/DESCRIBE: turtle/ttl (default), ntriples/nt, rdfxml/rdf/xml, "
                   "jsonld/json-ld, trig, nquads/nq.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME before evaluation: an entity id or name, <IRI>, prefix:name, "
                   "'\"text\"', '\"2021-01-04\"^^xsd:date', a number, a date. Repeatable.")
@click.option("--infer", is_flag=True,
              help="Query the RDFS/OWL-RL closure of the graph and the ontology "
                   "(a question for schema:Person finds heroes:Actor people).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS",
              help="Stop the query after SECONDS (rows already written stay written).")
@click.option("--endpoint", default=None, metavar="URL",
              help="Send the query to this SPARQL 1.1 endpoint (e.g. one 'heroes-kg push' "
                   "published to) instead of the local graph.")
@click.option("--auth-env", default=None, metavar="VAR",
              help="With --endpoint: HTTP basic auth 'user:password' from environment "
                   "variable VAR (never printed).")
@project_option
@reports_errors
def query(query: str | None, query_file: Path | None, fmt: str | None, binds: tuple[str, ...],
          infer: bool, timeout: float | None, project_dir: Path | None,
          endpoint: str | None, auth_env: str | None) -> None:
    """Run a SPARQL query over the graph: inline, from a file, or by name.

    QUERY is SPARQL text, a path ending in .rq or .sparql, or the name of a
    query in queries/ ('heroes-kg queries' lists them). The prefixes heroes:, schema:,
    rdf:, rdfs:, xsd:, owl:, prov:, oa:, skos:, res: (resources), article:,
    role: and statement: are predeclared. Queries see the facts and the
    provenance graphs. Answers as a table (the default), csv, tsv, json or xml
    (CONSTRUCT: nt, nq) are written as they come, with a progress line on a terminal.

    \b
    Example:
        heroes-kg query sequel-director
        heroes-kg query facts-about --bind entity="pedro pascal"
        heroes-kg query 'SELECT ?name { ?p a heroes:Actor ; schema:name ?name }'
        heroes-kg query --infer --format csv 'SELECT ?p { ?p a schema:Person }'
        heroes-kg query -f my-question.rq --format json
        heroes-kg query cast --endpoint http://127.0.0.1:7878/query
    """
    from .query import open_current, run_query, streamable

    if (query is None) == (query_file is None):
        raise HeroesKGError("give a query (SPARQL, a .rq path or a name) or -f FILE, "
                            "not both and not neither")
    if query_file is not None:
        from .query.engine import read_query_file

        query = read_query_file(query_file)
        if not query.strip():
            raise HeroesKGError(f"query file {query_file} is empty")
    assert query is not None
    bindings = _bindings(binds)
    # A SELECT answer as a table or in a W3C results format, or a CONSTRUCT in N-Triples
    # or N-Quads, is written as it comes; the other RDF formats need their prefixes, so
    # those are printed when complete.
    streamed = endpoint is None and streamable(fmt or "table")
    progress = _Progress() if sys.stderr.isatty() else None
    if _as_program():  # this process is the command's own
        _pad_the_heap()
    try:
        project = _project(project_dir)
        # A current store opens without the build's modules (about 0.1 s of a start).
        kg = open_current(project)
        with kg if kg is not None else _open_graph(project_dir, project) as kg:
            result = run_query(kg, query, bindings, infer=infer, timeout=timeout,
                               endpoint=endpoint, auth_env=auth_env,
                               out=click.get_binary_stream("stdout") if streamed else None,
                               out_format=fmt or "table",
                               progress=progress)
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as others do
        _quiet_stdout()
        sys.exit(1)
    finally:
        if progress is not None:
            progress.clear()
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if result.streamed is not None:
        return
    if result.kind == "ask" and fmt in (None, "table"):
        click.echo("true" if result.boolean else "false")
    elif result.kind == "select" and fmt in (None, "table"):
        click.echo(result.table(), nl=False)
    else:
        click.echo(result.serialize(fmt or ("turtle" if result.kind == "graph" else "json")),
                   nl=False)


#: glibc's ``mallopt`` parameter for the top pad (malloc.h), and the pad a question's
#: process takes: 64 MiB, the most one heap of a thread holds (HEAP_MAX_SIZE on 64 bits).
_M_TOP_PAD = -2
_TOP_PAD = 64 << 20


def _pad_the_heap() -> None:
    """Have the C library grow this process's heaps 64 MiB at a time, not page by page.

    A question is evaluated by Oxigraph in a thread (so that the command keeps control
    at the time limit and on Ctrl-C), and glibc gives each thread a heap of its own, which
    it grows a page at a time, a system call (``mprotect``) each: at a million triples
    `timeline` grew it about 8,000 times, some 20 ms of system time that the same
    question on the main thread does not spend. With a top pad every heap grows (and
    keeps at its top when memory is freed) that much at once: address space reserved,
    no memory used until it is written. For the ``heroes-kg`` program's own process only
    (a program that calls the library keeps its allocator as it is); elsewhere than
    glibc, nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (ImportError, OSError, AttributeError):  # not glibc (musl has no mallopt)
        return
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    mallopt(_M_TOP_PAD, _TOP_PAD)


class _Progress:
    """The progress line of a long question on a terminal: rows so far, time so far."""

    shown = False

    def __call__(self, rows: int, elapsed: float) -> None:
        click.echo(f"\r{rows:,} row{'s' if rows != 1 else ''} so far, {elapsed:.0f} s",
                   err=True, nl=False)
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            click.echo("\r\033[K", err=True, nl=False)
            self.shown = False


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so that nothing more fails on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _bindings(binds: tuple[str, ...]) -> dict[str, str]:
    bindings: dict[str, str] = {}
    for bind in binds:
        name, sep, value = bind.partition("=")
        if not sep or not name.strip():
            raise HeroesKGError(f"--bind {bind!r}: write it as NAME=VALUE, "
                                "e.g. --bind entity=pedro-pascal")
        bindings[name.strip()] = value
    return bindings


@main.command()
@project_option
@reports_errors
def queries(project_dir: Path | None) -> None:
    """List the named queries in queries/ and the question each answers.

    \b
    Example:
        heroes-kg queries
        heroes-kg query cast
    """
    from .query.engine import list_queries

    found = list_queries(_project(project_dir))
    if not found:
        click.echo("No named queries: put .rq files in queries/.")
        return
    width = max(len(q.name) for q in found)
    for named in found:
        click.echo(f"{named.name:<{width}}  {named.question}")


@main.command()
@project_option
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("heroes-graph.html"), show_default=True,
              help="The HTML file to write.")
@click.option("--focus", metavar="ENTITY",
              help="Draw only the neighbourhood of ENTITY (id, name or alias).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --focus: how many links away from ENTITY to draw.")
@click.option("--query", metavar="SPARQL|FILE|NAME",
              help="Draw the triples of a CONSTRUCT (or DESCRIBE) query: SPARQL itself, a "
                   ".rq or .sparql file, or NAME for queries/NAME.rq (as for 'heroes-kg query').")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="With --query: bind ?NAME before evaluation, as 'heroes-kg query "
                   "--bind' does. Repeatable.")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the browser.")
@reports_errors
def viz(project_dir: Path | None, out: Path, focus: str | None, depth: int,
        query: str | None, binds: tuple[str, ...], open_page: bool) -> None:
    """Draw the graph, or part of it, as one interactive HTML page.

    The page works offline: search by name or alias, filter by class, click a
    node or an edge to read its facts with the quotes and articles behind them.

    \b
    Example:
        heroes-kg viz -o heroes.html --open
        heroes-kg viz --focus "Pedro Pascal" --depth 2 -o pascal.html
        heroes-kg viz --query cast-graph -o cast.html
        heroes-kg viz --query neighbourhood --bind entity="Pedro Pascal" -o pascal.html
        heroes-kg viz --query 'CONSTRUCT WHERE { ?film schema:director ?who }' -o d.html
    """
    from .outputs.page import write_page

    if binds and query is None:
        raise HeroesKGError("--bind needs --query: it gives values to the query's variables")
    written = write_page(lambda: _open_graph(project_dir), out, focus=focus, depth=depth,
                         query=query, bindings=_bindings(binds) or None)
    click.echo(f"Drew {written.nodes} nodes and {written.edges} edges: wrote {out}")
    if open_page:
        import webbrowser

        webbrowser.open(written.path.as_uri())


@main.command()
@click.option("--triples", "-n", type=click.IntRange(min=1), required=True, metavar="N",
              help="About how many triples the built graph should have.")
@click.option("-o", "--out", "outdir", type=click.Path(path_type=Path), required=True,
              help="Folder of the new project (must not exist, or be empty).")
@click.option("--seed", type=int, default=1, show_default=True,
              help="Random seed: the same seed and size give the same files.")
@project_option
@reports_errors
def synth(triples: int, outdir: Path, seed: int, project_dir: Path | None) -> None:
    """Write a synthetic project of about N triples, for benchmarks.

    The new project has generated articles, curated facts in the usual format
    (every entity type and property, each statement with a quote that occurs
    once in its article) and a copy of this project's ontology/.

    \b
    Example:
        heroes-kg synth --triples 100000 -o /tmp/kg-100k
        heroes-kg build --project /tmp/kg-100k
    """
    from .synth import write_corpus

    report = write_corpus(outdir, triples, ontology=_project(project_dir).ontology_dir,
                          seed=seed)
    click.echo(f"Wrote {report.articles} articles, {report.entities} entities and "
               f"{report.statements} statements to {report.root} (about "
               f"{report.estimated_triples} triples when built).")


if __name__ == "__main__":
    main()
