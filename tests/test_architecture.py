"""The rules the package layout keeps, read from the source with ``ast``:

- data flows one way: no module imports a module of a later stage (counting imports
  inside functions and under TYPE_CHECKING), and no two modules import each other, even
  through others;
- heavy libraries are imported where they are used, never when a module is imported;
- nothing below the CLI speaks of command-line flags.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "heroes_kg"

#: The stages in the order data flows through them; a module may import modules of its
#: own stage and of earlier ones. A name stands for a module and everything under it.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("heroes_kg._version", "heroes_kg.errors", "heroes_kg._io", "heroes_kg.project")),
    ("vocab", ("heroes_kg.vocab",)),
    ("corpus", ("heroes_kg.corpus",)),
    ("rdf", ("heroes_kg.rdf",)),
    ("validate", ("heroes_kg.validate",)),
    ("query", ("heroes_kg.query", "heroes_kg._http", "heroes_kg.remote")),
    ("outputs", ("heroes_kg.outputs", "heroes_kg.export")),
    ("pipeline", ("heroes_kg.pipeline",)),
    ("applications", ("heroes_kg.serve", "heroes_kg.grow",
                      "heroes_kg.synth")),
    ("cli", ("heroes_kg.cli", "heroes_kg.__main__", "heroes_kg")),
]

#: Imported only inside the functions that use them (a test also runs `heroes-kg query`
#: and checks that none of them was loaded).
HEAVY = ("rdflib", "pyshacl", "owlrl", "networkx", "numpy", "pyvis", "jinja2", "oxrdflib",
         "wordfreq")

#: A command-line option in a string: --name, or -o as a word.
FLAG = re.compile(r"(?<![\w{-])(--[a-z][a-z-]*|-o)(?![\w-])")
#: Options of other programs: Oxigraph's command line, and curl in the endpoint's page.
FOREIGN = {"heroes_kg.serve.app": {"--location", "--bind", "--timeout-s", "--data-urlencode"}}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _stage(module: str) -> int:
    best, index = "", -1
    for i, (_, prefixes) in enumerate(STAGES):
        for prefix in prefixes:
            if ((module == prefix or module.startswith(prefix + "."))
                    and len(prefix) > len(best)):
                best, index = prefix, i
    assert index >= 0, f"{module} belongs to no stage: add it to STAGES"
    return index


def _imports(module: str, tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, imported heroes_kg module) of every import in ``tree``."""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "heroes_kg":
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source.split(".")[0] != "heroes_kg":
                continue
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                yield node.lineno, sub if sub in MODULES else source


def _graph() -> dict[str, set[str]]:
    return {module: {target for _, target in _imports(module, ast.parse(path.read_text()))
                     if target != module}
            for module, path in MODULES.items()}


def test_every_module_belongs_to_a_stage() -> None:
    for module in MODULES:
        _stage(module)


def test_no_module_imports_a_later_stage() -> None:
    wrong = []
    for module, path in MODULES.items():
        for line, target in _imports(module, ast.parse(path.read_text())):
            if _stage(target) > _stage(module):
                wrong.append(f"{path.relative_to(SRC)}:{line}: {module} "
                             f"({STAGES[_stage(module)][0]}) imports {target} "
                             f"({STAGES[_stage(target)][0]})")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles() -> None:
    graph = _graph()
    cycles = []
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            cycles.append(" -> ".join(trail[trail.index(module):] + [module]))
            return
        if module in done:
            return
        for target in sorted(graph.get(module, ())):
            # a package's __init__ importing its own modules is how packages re-export
            if not target.startswith(module + "."):
                visit(target, [*trail, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert not cycles, "\n".join(cycles)


def _private_imports(module: str, tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, what) of each private module or private name ``module`` imports from
    outside its own package."""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]

    def outside(owner: str) -> bool:
        return not (package + ".").startswith(owner + ".")

    for line, target in _imports(module, tree):
        parts = target.split(".")
        for depth, part in enumerate(parts[1:], start=1):
            if part.startswith("_") and not part.startswith("__"):
                if outside(".".join(parts[:depth])):
                    yield line, target
                break
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if not alias.name.startswith("_") or alias.name.startswith("__"):
                    continue
                sources = [t for n, t in _imports(module, ast.Module(body=[node],
                                                                     type_ignores=[]))]
                owner = sources[0] if sources else ""
                if owner in MODULES and not owner.endswith(alias.name) and outside(
                        owner if MODULES[owner].name == "__init__.py"
                        else owner.rpartition(".")[0]):
                    yield node.lineno, f"{owner}.{alias.name}"


def test_private_names_stay_in_their_package() -> None:
    """A module or name starting with ``_`` is used only inside its own package; other
    stages import what the package offers (e.g. :mod:`heroes_kg.corpus`'s loader names)."""
    wrong = [f"{MODULES[m].relative_to(SRC)}:{line}: {m} imports {what}"
             for m in MODULES for line, what in _private_imports(
                 m, ast.parse(MODULES[m].read_text()))]
    assert not wrong, "\n".join(wrong)


def test_the_privacy_rule_catches_a_private_import() -> None:
    tree = ast.parse("from ..corpus._yaml import load_yaml\nfrom ..rdf.store import _count\n"
                     "from ._html import page_head\n")
    assert list(_private_imports("heroes_kg.serve.app", tree)) == [
        (1, "heroes_kg.corpus._yaml"), (2, "heroes_kg.rdf.store._count")]


def test_the_rule_catches_an_upward_import(tmp_path: Path) -> None:
    """The checks above read real imports: an import of the pipeline from the store (a
    store that builds) would be reported."""
    tree = ast.parse("def open():\n    from ..pipeline import build\n")
    found = list(_imports("heroes_kg.rdf.store", tree))
    assert found == [(2, "heroes_kg.pipeline")]
    assert _stage("heroes_kg.pipeline") > _stage("heroes_kg.rdf.store")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_heavy_libraries_are_imported_lazily(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text())
    eager = []
    for node in tree.body:  # module level only; TYPE_CHECKING blocks are not run
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        eager += [f"line {node.lineno}: {n}" for n in names if n.split(".")[0] in HEAVY]
    assert not eager, f"{module} imports at import time: {eager}"


def _strings(tree: ast.AST) -> Iterator[tuple[int, str]]:
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef,
                                       ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in docstrings):
            yield node.lineno, node.value


@pytest.mark.parametrize("module", sorted(m for m in MODULES
                                          if m not in ("heroes_kg.cli", "heroes_kg.__main__")))
def test_only_the_cli_speaks_of_flags(module: str) -> None:
    """Library messages name the parameter to change as ``{--name}``; the CLI words it
    as its option, a Python caller reads the parameter's name."""
    said = [f"line {line}: {text!r}" for line, text in _strings(ast.parse(
        MODULES[module].read_text())) for flag in FLAG.findall(text)
        if flag not in FOREIGN.get(module, set())]
    assert not said, f"{module} speaks of command-line options: {said}"


def test_what_holds_a_lock_a_store_or_a_server_is_a_context_manager() -> None:
    from heroes_kg.query import KnowledgeGraph
    from heroes_kg.rdf.store import Graph, Spool
    from heroes_kg.serve import Server

    for holder in (Graph, KnowledgeGraph, Spool, Server):
        assert hasattr(holder, "__enter__") and hasattr(holder, "__exit__"), holder


def test_the_documented_python_api_is_where_the_readme_says() -> None:
    import heroes_kg
    from heroes_kg.errors import HeroesKGError, QueryError
    from heroes_kg.export import export
    from heroes_kg.query import KnowledgeGraph, QueryResult, QueryTimeout, run_query

    assert callable(heroes_kg.load) and callable(heroes_kg.build) and callable(export)
    assert callable(run_query) and callable(KnowledgeGraph.query) and QueryResult
    assert issubclass(QueryTimeout, QueryError) and issubclass(QueryError, HeroesKGError)


def test_the_development_guide_lists_every_module_in_its_stage() -> None:
    """docs/development.md shows the package one line per module under its stage; the
    list must hold every module, and each under the stage this test enforces."""
    text = (SRC.parent / "docs" / "development.md").read_text(encoding="utf-8")
    section = text.split("## Architecture", 1)[1].split("```text", 1)[1].split("```", 1)[0]
    stage_names = [name for name, _ in STAGES]
    listed: dict[str, str] = {}
    stage = ""
    for line in section.splitlines():
        if line and not line.startswith(" "):
            stage = line.split(":", 1)[0]
            assert stage in stage_names, f"unknown stage {stage!r} in the guide"
        elif line.strip():
            path = line.split()[0]
            listed[_module_name(PACKAGE / path)] = stage
    missing, gone = sorted(set(MODULES) - set(listed)), sorted(set(listed) - set(MODULES))
    assert not missing and not gone, f"not in the guide: {missing}; no such module: {gone}"
    wrong = {m: (s, STAGES[_stage(m)][0]) for m, s in listed.items()
             if s != STAGES[_stage(m)][0]}
    assert not wrong, f"module: (stage in the guide, stage in STAGES): {wrong}"
