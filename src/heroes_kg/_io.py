"""Atomic file writing: a temporary name in the same folder, then a rename."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["atomic_write", "temp_path", "write_temp"]


def temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def write_temp(path: Path, data: bytes) -> Path:
    """Write ``data`` in full to the temporary name of ``path`` and return that name; the
    caller renames it onto ``path`` (or removes it)."""
    tmp = temp_path(path)
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never
    a half-written one."""
    tmp = write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
