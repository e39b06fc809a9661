"""heroes-kg's exceptions: the library raises these, the CLI prints them as one line each.

Each error says what is wrong, where, and how to fix it. Where the fix is a parameter of
the call (a time limit, an output file, ``force``), the message names it with a
placeholder, ``{--timeout}``, and :meth:`HeroesKGError.render` words it for the reader:
``str(error)`` names the Python parameter (``'timeout'``), and the command line names its
own option (``--timeout``). The library never speaks of command-line flags itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CurationError",
    "GrowError",
    "HeroesKGError",
    "OutputError",
    "Problem",
    "ProjectError",
    "QueryError",
    "QueryTimeout",
    "RemoteError",
    "ServeError",
    "StoreError",
    "ValidationError",
]

#: A placeholder for a parameter in a message: ``{--name}``.
_PARAMETER = re.compile(r"\{--([a-z_]+)\}")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, what is wrong and how to fix it."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


def _parameter(name: str) -> str:
    return repr(name)


class HeroesKGError(Exception):
    """Base class of every error heroes-kg reports to its user."""

    def __init__(self, message: str, problems: list[Problem] | None = None, *,
                 context: list[str] | None = None) -> None:
        self.message = message
        self.problems = problems or []
        #: Lines to show under the message as they are, such as the line of a query
        #: with a caret under the mistake.
        self.context = context or []
        super().__init__("\n".join([self.render(), *self.context]))

    def render(self, parameter: Callable[[str], str] = _parameter) -> str:
        """The message with each ``{--name}`` worded by ``parameter(name)``."""
        return _PARAMETER.sub(lambda m: parameter(m.group(1)), self.message)

    def lines(self, parameter: Callable[[str], str] = _parameter) -> list[str]:
        """The message as the lines a user should see."""
        if not self.problems:
            return [self.render(parameter)]
        return [str(p) for p in self.problems]


class ProjectError(HeroesKGError):
    """No project where one was looked for, its settings (base IRI, SHACL engine) are
    wrong, a file it must have (the ontology, the shapes, its state folder) is missing or
    unreadable, or a new project (``init``, a synthetic one) cannot be made where it was
    asked for."""


class CurationError(HeroesKGError):
    """The curated input (articles, facts) is wrong; each problem names file:line."""

    def __init__(self, problems: list[Problem]) -> None:
        n = len(problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in the curated input", problems)


class ValidationError(HeroesKGError):
    """The built graph does not conform to the SHACL shapes or a build-time check."""

    def __init__(self, problems: list[Problem]) -> None:
        n = len(problems)
        super().__init__(f"the graph failed {n} validation check{'s' if n != 1 else ''}",
                         problems)


class StoreError(HeroesKGError):
    """The persisted store cannot be used and was not to be rebuilt; building the
    project again makes a new one."""


class QueryError(HeroesKGError):
    """A query that does not parse, names an unknown query, variable or entity, or
    fails."""


class QueryTimeout(QueryError):
    """The query did not finish within its time limit."""


class OutputError(HeroesKGError):
    """An export, page or file cannot be made or written where it was asked for."""


class RemoteError(HeroesKGError):
    """Another SPARQL store is unreachable, refuses, or answers with an error."""


class GrowError(HeroesKGError):
    """An article cannot be added, or candidate facts cannot be written or accepted, as
    asked; nothing was written."""


class ServeError(HeroesKGError):
    """The endpoint cannot be started as asked."""


def relpath(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when it lies inside it, for messages."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
