"""Atomic writing: a file under a temporary name in the same folder, then a rename; a
folder of files staged beside it, then swapped in with one directory entry."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

__all__ = ["Chunks", "atomic_write", "exchange", "replace_folder", "temp_path", "write_temp"]


def temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


class Chunks:
    """A file's bytes made a piece at a time each time they are read, so that they are
    never all in memory at once; ``size`` is their total length."""

    def __init__(self, size: int, make: Callable[[], Iterator[bytes]]) -> None:
        self.size = size
        self.make = make

    def __iter__(self) -> Iterator[bytes]:
        return self.make()


def write_temp(path: Path, data: bytes | Iterable[bytes], *, sync: bool = True) -> Path:
    """Write ``data`` (bytes, or pieces of bytes written in turn) in full to the
    temporary name of ``path`` and return that name; the caller renames it onto
    ``path`` (or removes it). ``sync=False`` leaves the data to the system to write
    out (for files that carry a digest of themselves: what a crash damages is found
    and made again; a killed process loses nothing it wrote)."""
    tmp = temp_path(path)
    try:
        with open(tmp, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def atomic_write(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never
    a half-written one (``sync``: see :func:`write_temp`)."""
    tmp = write_temp(path, data, sync=sync)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def exchange(a: Path, b: Path) -> bool:
    """Swap the directory entries ``a`` and ``b`` in one step (Linux's renameat2 with
    RENAME_EXCHANGE): every reader sees one or the other, never neither. False where
    the system or the file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(done == 0)


def replace_folder(staged: Path, target: Path) -> None:
    """Put the folder ``staged`` in the place of ``target`` (same file system), so that
    at any instant ``target`` holds the complete old set of files or the complete new
    one. ``staged`` is gone afterwards. Where entries cannot be exchanged in one step,
    the files are renamed one by one (each whole, the set not)."""
    if not target.exists():
        os.rename(staged, target)
        return
    if exchange(staged, target):
        shutil.rmtree(staged, ignore_errors=True)  # the old set, now at the staged name
        return
    for path in sorted(staged.iterdir()):
        if path.is_file():
            os.replace(path, target / path.name)
    shutil.rmtree(staged, ignore_errors=True)
