"""heroes-kg's exceptions: the library raises these, the CLI prints them as one line each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["CurationError", "HeroesKGError", "Problem", "ValidationError"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, what is wrong and how to fix it."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class HeroesKGError(Exception):
    """Base class of every error heroes-kg reports to its user."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []

    def lines(self) -> list[str]:
        """The message as the lines a user should see."""
        if not self.problems:
            return [self.message]
        return [str(p) for p in self.problems]


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


def relpath(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when it lies inside it, for messages."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
