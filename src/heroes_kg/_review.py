"""The review screen of ``heroes-kg serve --curate`` (placeholder until written)."""

from __future__ import annotations

from typing import Any

__all__ = ["answer"]


def answer(handler: Any, path: str, query_string: str) -> None:
    handler._send(404, b"Not found. The review screen needs 'heroes-kg serve --curate'.\n")
