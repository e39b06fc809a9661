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
shacl_option = click.option(
    "--shacl", type=click.Choice(["oxigraph", "pyshacl"]), default="oxigraph",
    show_default=True,
    help="SHACL engine: the shapes compiled to SPARQL on Oxigraph, or pySHACL "
         "(the reference; same results, much slower on large graphs).")
base_option = click.option(
    "--base-iri", default=None, metavar="IRI",
    help="Base IRI of resources (default https://w3id.org/heroes-kg/; "
         "or set HEROES_KG_BASE_IRI).")


def _project(project_dir: Path | None, base_iri: str | None = None):  # type: ignore[no-untyped-def]
    from .project import find_project

    return find_project(project_dir, base_iri)


def _open_graph(project_dir: Path | None):  # type: ignore[no-untyped-def]
    """The built graph, telling the user on stderr what had to be repaired to open it."""
    from .store import open_graph

    kg = open_graph(_project(project_dir))
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
@shacl_option
@reports_errors
def build(project_dir: Path | None, base_iri: str | None, outdir: Path | None,
          force: bool, shacl: str) -> None:
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
    report = run_build(project, outdir=outdir, force=force, shacl=shacl)
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
    from .builder import check

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
    from .inspect import show as run_show

    view = run_show(_open_graph(project_dir), entity)
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

    result = run_stats(_open_graph(project_dir))
    click.echo(f"{result.triples} triples, {result.statements} curated statements, "
               f"{result.evidence} evidence quotes")
    for title, rows in (("Classes", result.classes), ("Properties", result.properties)):
        click.echo(f"\n{title}:")
        width = max(len(name) for name, _ in rows) if rows else 0
        for name, count in rows:
            click.echo(f"  {name:<{width}}  {count:>6}")


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
