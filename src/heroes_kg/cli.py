"""The ``heroes-kg`` command: parse arguments, call one library function, print.

Library errors (:class:`~heroes_kg.errors.HeroesKGError`) become ``Error: ...`` lines on
stderr and exit code 1; no traceback reaches the user for a mistake in the input.
"""

from __future__ import annotations

import functools
import shutil
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import HeroesKGError

F = TypeVar("F", bound=Callable[..., Any])

#: Problems listed before the rest are summarised as "… and N more".
_MAX_PROBLEMS = 20


def _fail(exc: HeroesKGError) -> None:
    lines = exc.lines()
    if exc.problems:
        click.echo(f"Error: {exc.message}:", err=True)
        for line in lines[:_MAX_PROBLEMS]:
            click.echo(f"  {line}", err=True)
        if len(lines) > _MAX_PROBLEMS:
            click.echo(f"  … and {len(lines) - _MAX_PROBLEMS} more", err=True)
    else:
        for line in lines:
            click.echo(f"Error: {line}", err=True)
    sys.exit(1)


def reports_errors(func: F) -> F:
    """Turn heroes-kg's own errors into one clear message and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except HeroesKGError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


project_option = click.option(
    "--project", "project_dir", type=click.Path(file_okay=False, path_type=Path),
    help="Project folder (default: the nearest folder above with seeds/facts/; "
         "or set HEROES_KG_PROJECT).")
base_option = click.option(
    "--base-iri", default=None, metavar="IRI",
    help="Base IRI of resources (default https://w3id.org/heroes-kg/; "
         "or set HEROES_KG_BASE_IRI).")


def _project(project_dir: Path | None, base_iri: str | None = None):  # type: ignore[no-untyped-def]
    from .project import find_project

    return find_project(project_dir, base_iri)


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
@reports_errors
def build(project_dir: Path | None, base_iri: str | None, outdir: Path | None,
          force: bool) -> None:
    """Check the seeds, build and validate the graph, write exports/.

    Nothing is written unless every check passes. When no input changed since
    the last build, nothing is redone.

    \b
    Example:
        heroes-kg build
        heroes-kg build --out /tmp/heroes-exports --force
    """
    from .builder import build as run_build

    started = time.perf_counter()
    project = _project(project_dir, base_iri)
    report = run_build(project, outdir=outdir, force=force)
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


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


@main.command()
@project_option
@base_option
@reports_errors
def validate(project_dir: Path | None, base_iri: str | None) -> None:
    """Run every check of 'build' and write nothing; exit 0 if all pass, else 1.

    Checks the YAML, ids, properties and value types, finds every quote in its
    article, and validates the graph against ontology/shapes.ttl.

    \b
    Example:
        heroes-kg validate && echo "seeds are good"
    """
    from .builder import check

    report = check(_project(project_dir, base_iri))
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
    from .inspect import show as run_show
    from .store import open_graph

    view = run_show(open_graph(_project(project_dir)), entity)
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
    from .inspect import stats as run_stats
    from .store import open_graph

    result = run_stats(open_graph(_project(project_dir)))
    click.echo(f"{result.triples} triples, {result.statements} curated statements, "
               f"{result.evidence} evidence quotes")
    for title, rows in (("Classes", result.classes), ("Properties", result.properties)):
        click.echo(f"\n{title}:")
        width = max(len(name) for name, _ in rows) if rows else 0
        for name, count in rows:
            click.echo(f"  {name:<{width}}  {count:>6}")


@main.command()
@project_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (keep 127.0.0.1 unless others should reach it).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--timeout", default=30.0, show_default=True, type=float, metavar="S",
              help="Stop a query after S seconds (the client gets HTTP 503).")
@reports_errors
def serve(project_dir: Path | None, host: str, port: int, timeout: float) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint, until Ctrl-C.

    Runs the Oxigraph server (the 'oxigraph' package) on a snapshot of the
    graph, behind a page that also offers the network view (exports/), the
    named queries (queries/) and refuses every update. The default graph is
    the facts and provenance together.

    \b
    Example:
        heroes-kg serve --port 7878
        curl -H 'Accept: text/csv' --data-urlencode \\
          'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/query
    """
    import signal

    from .serve import serve as run_serve

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # Ctrl-C and SIGTERM stop it cleanly, even where a shell started it ignoring SIGINT.
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with run_serve(_project(project_dir), host, port, timeout) as server:
            urls = server.urls
            click.echo(f"Serving the graph at {urls['page']}")
            click.echo(f"  SPARQL endpoint: {urls['sparql']}")
            if "view" in urls:
                click.echo(f"  network view:    {urls['view']}")
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
    from .store import open_graph

    started = time.perf_counter()
    report = run_push(open_graph(_project(project_dir)), endpoint, graph_iri, auth_env,
                      dry_run, query_url=query_url, timeout=timeout)
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


if __name__ == "__main__":
    main()
