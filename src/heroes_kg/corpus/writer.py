"""The one YAML writer: curated records and candidates as block YAML that the line-tracking
loader (:mod:`._yaml`) reads back to the same values.

Scalars are written plain when YAML reads them back as the same string, and as
JSON-style double-quoted strings otherwise (JSON strings are YAML), with the characters
YAML forbids in a stream escaped."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from typing import Any

from ._yaml import item_lines, key_line, line_of

__all__ = ["block", "block_lines", "inline", "scalar"]

_PLAIN = re.compile(r"^[A-Za-z][\w .()/-]*[\w.)]$")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}
#: Characters YAML does not allow in a stream, or reads as line breaks inside quotes.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def scalar(value: str | bool | float, *, quoted: bool = False) -> str:
    """``value`` as a YAML scalar; ``quoted`` quotes every string, plain or not."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if (not quoted and _PLAIN.match(value) and value.lower() not in _YAML_WORDS
            and ": " not in value and " #" not in value):
        return value
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}",
                       json.dumps(value, ensure_ascii=False))


def block(value: Any, indent: int = 0, *, quoted: Collection[str] = ()) -> list[str]:
    """Block YAML lines for loaded or built data (mappings, lists, scalars); the line
    numbers the loader records on the side are not part of the data. The strings under
    the keys in ``quoted`` are always double-quoted, plain or not (names and quotes, so
    that a file's layout does not depend on the words in it)."""
    return [text for text, _source in block_lines(value, indent, quoted=quoted)]


def block_lines(value: Any, indent: int = 0, source: int = 0, *,
                quoted: Collection[str] = ()) -> list[tuple[str, int]]:
    """:func:`block`'s lines, each with the line of the loaded file it comes from (as the
    loader recorded it; ``source`` where none is known), so that a problem found in the
    written text can be pointed back at the file a person edited."""
    pad = " " * indent
    lines: list[tuple[str, int]] = []
    if isinstance(value, dict):
        source = line_of(value, source) or source
        for key, item in value.items():
            at = key_line(value, key) or source
            if isinstance(item, (dict, list)) and item:
                lines.append((f"{pad}{key}:", at))
                lines += block_lines(item, indent + 2, at, quoted=quoted)
            elif isinstance(item, str) and key in quoted:
                lines.append((f"{pad}{key}: {scalar(item, quoted=True)}", at))
            else:
                lines.append((f"{pad}{key}: {inline(item)}", at))
    elif isinstance(value, list):
        item_at = item_lines(value) or [source] * len(value)
        for item, at in zip(value, item_at):
            inner = (block_lines(item, indent + 2, at, quoted=quoted)
                     if isinstance(item, (dict, list))
                     else [(f"{pad}  {inline(item)}", at)])
            if inner:
                inner[0] = (f"{pad}- {inner[0][0][indent + 2:]}", inner[0][1])
            lines += inner
    else:
        lines.append((f"{pad}{scalar(value)}", source))
    return lines


def inline(value: Any) -> str:
    """``value`` on one line: a scalar, ``null``, a flow list, or ``{}``."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{}"
    return scalar(value)
