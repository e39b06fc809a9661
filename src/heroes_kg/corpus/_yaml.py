"""Safe YAML loading that remembers the line of every mapping."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import yaml

__all__ = ["YamlError", "YamlMap", "item_lines", "key_line", "line_of", "load_many",
           "load_yaml"]

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class YamlMap(dict[str, Any]):
    """A loaded YAML mapping: exactly the keys and values the file holds, with the
    1-based line of the mapping (``line``) and of each of its keys (``lines``) on the
    side, so that errors can name file:line without anything added to the data."""

    __slots__ = ("line", "lines")
    line: int
    lines: dict[str, int]

    def without(self, keys: Iterable[str]) -> YamlMap:
        """A copy without ``keys``, keeping the lines of what is left."""
        drop = set(keys)
        copy = YamlMap((k, v) for k, v in self.items() if k not in drop)
        copy.line = self.line
        copy.lines = {k: n for k, n in self.lines.items() if k not in drop}
        return copy


def _mapping(node: Any, lines: dict[str, int]) -> YamlMap:
    mapping = YamlMap()
    mapping.line = node.start_mark.line + 1
    mapping.lines = lines
    return mapping


def line_of(value: Any, default: int | None = None) -> int | None:
    """The line a loaded mapping starts on (``default`` for anything else)."""
    return value.line if isinstance(value, YamlMap) else default


class _Items(list[Any]):
    """A loaded YAML list that remembers the 1-based line of each item."""

    lines: list[int]


def item_lines(items: list[Any]) -> list[int] | None:
    """The line of each item of a loaded list, if the loader recorded them."""
    lines = getattr(items, "lines", None)
    return lines if isinstance(lines, list) and len(lines) == len(items) else None


def _duplicate(key_node: Any, first_line: int) -> yaml.MarkedYAMLError:
    return yaml.constructor.ConstructorError(
        None, None, f"duplicate key {key_node.value!r} (first on line {first_line}); keep "
        "one of them", key_node.start_mark)


class _LineLoader(_Base):  # type: ignore[misc]  # _Base is Any: C or Python loader
    def construct_object(self, node: Any, deep: bool = False) -> Any:
        # A fast path for what curated files are made of (text, string-keyed mappings,
        # lists): PyYAML's general constructor costs several times more per node, which
        # is most of the loading time of a large corpus. Anything else (numbers, merge
        # keys, odd keys) takes the general path; shared (aliased) nodes are built once.
        tag = node.tag
        if tag == _STR and type(node) is yaml.ScalarNode:
            return node.value
        if node in self.constructed_objects:
            return self.constructed_objects[node]
        if tag == _MAP and type(node) is yaml.MappingNode:
            pairs = node.value
            if all(k.tag == _STR and type(k) is yaml.ScalarNode for k, _v in pairs):
                lines: dict[str, int] = {}
                mapping = _mapping(node, lines)
                self.constructed_objects[node] = mapping
                for key_node, value_node in pairs:
                    if key_node.value in lines:
                        raise _duplicate(key_node, lines[key_node.value])
                    mapping[key_node.value] = self.construct_object(value_node)
                    lines[key_node.value] = key_node.start_mark.line + 1
                return mapping
        elif tag == _SEQ and type(node) is yaml.SequenceNode:
            items = _Items()
            self.constructed_objects[node] = items
            items.lines = [child.start_mark.line + 1 for child in node.value]
            items.extend(self.construct_object(child) for child in node.value)
            return items
        return super().construct_object(node, deep=deep)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # Most plain scalars of curated files are text whose first character no implicit
        # resolver (null, bool, int, float, merge, value) claims: they are strings
        # without running PyYAML's regular expressions.
        if (kind is yaml.ScalarNode and implicit[0] and value and not _ANY_FIRST
                and value[0] not in _CLAIMED_FIRST):
            return _STR
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        if self.yaml_path_resolvers:  # none are registered; kept correct if one is
            super().descend_resolver(current_node, current_index)

    def ascend_resolver(self) -> None:
        if self.yaml_path_resolvers:
            super().ascend_resolver()

    def construct_yaml_int(self, node: Any) -> int:
        try:
            return int(super().construct_yaml_int(node))
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"the number {node.value[:12]}… has {len(node.value):,} "
                "characters, too many for a whole number", node.start_mark) from None

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = getattr(key_node, "value", None)
            if not isinstance(key, str):
                continue
            if key in seen:
                raise _duplicate(key_node, seen[key])
            seen[key] = key_node.start_mark.line + 1
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping

    def construct_yaml_map(self, node: Any) -> Iterator[YamlMap]:
        # PyYAML's general path (merge keys, odd keys): the same, into a YamlMap.
        data = _mapping(node, {})
        yield data
        data.update(self.construct_mapping(node))
        data.lines = {k.value: k.start_mark.line + 1 for k, _v in node.value
                      if isinstance(k, yaml.ScalarNode)}


def key_line(mapping: Any, key: str) -> int | None:
    """The line of ``key`` in a loaded mapping (its own line if the key is absent)."""
    if not isinstance(mapping, YamlMap):
        return None
    return mapping.lines.get(key, mapping.line)


_LineLoader.add_constructor("tag:yaml.org,2002:int", _LineLoader.construct_yaml_int)
_LineLoader.add_constructor(_MAP, _LineLoader.construct_yaml_map)

# Timestamps stay strings: dates are checked and typed by the curation stage.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _Base.yaml_implicit_resolvers.items()
}


#: First characters for which some implicit resolver may apply.
_CLAIMED_FIRST = frozenset(_LineLoader.yaml_implicit_resolvers)
#: Whether a resolver applies whatever the first character (none of PyYAML's do).
_ANY_FIRST = None in _CLAIMED_FIRST


class YamlError(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


#: Deepest nesting accepted. Curated files need three or four levels; libyaml's C
#: composer recurses once per level and would crash the process on very deep input.
MAX_DEPTH = 64
_FLOW = re.compile(r"[\[\]{}]")
_BLOCK = re.compile(r"^( *)(?:- +)*", re.MULTILINE)


def _too_deep(text: str) -> int | None:
    """The line where nesting passes MAX_DEPTH, or None (a quick, conservative scan)."""
    depth = 0
    for match in _FLOW.finditer(text):
        depth += 1 if match.group(0) in "[{" else -1
        if depth > MAX_DEPTH:
            return text.count("\n", 0, match.start()) + 1
    for match in _BLOCK.finditer(text):
        if len(match.group(0)) > 2 * MAX_DEPTH:
            return text.count("\n", 0, match.start()) + 1
    return None


def load_yaml(text: str) -> Any:
    """Parse one YAML document; raise YamlError with the line of a syntax error."""
    deep = _too_deep(text)
    if deep is not None:
        raise YamlError(deep, f"YAML nesting is deeper than {MAX_DEPTH} levels")
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        unclosed = _unclosed_quote(text, line)
        if unclosed is not None:
            raise YamlError(unclosed[0], f"YAML syntax error: the {unclosed[1]} opened on "
                                         "this line is not closed") from None
        what = " ".join((exc.problem or exc.context or "invalid YAML").split())
        return_msg = f"YAML syntax error: {what}"
        if exc.context and exc.problem:
            return_msg = f"YAML syntax error: {exc.problem} ({exc.context})"
        raise YamlError(line, return_msg) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        raise YamlError(line, f"character {exc.character!r} is not allowed in YAML "
                              "(control characters must be removed)") from None
    except yaml.YAMLError as exc:
        raise YamlError(None, "YAML error: " + " ".join(str(exc).split())) from None
    except RecursionError:
        raise YamlError(None, "YAML nesting is too deep") from None


_OPENS_QUOTE = re.compile(r"""^\s*(?:-\s+)*(?:[^\s#'"][^#'"]*?:\s+)?(["'])(.*)$""")


def _unclosed_quote(text: str, error_line: int | None) -> tuple[int, str] | None:
    """(line, "quote …") of the first value before ``error_line`` that opens a quote and
    does not close it on its line: YAML lets a quoted value run on over later lines, so
    the parser stumbles far below the missing quote."""
    if error_line is None:
        return None
    for number, raw in enumerate(text.splitlines()[:error_line], start=1):
        match = _OPENS_QUOTE.match(raw)
        if not match:
            continue
        quote, rest = match.group(1), match.group(2)
        if quote == '"':
            closed = re.match(r'(?:[^"\\]|\\.)*"', rest) is not None
        else:
            closed = re.match(r"(?:[^']|'')*'(?!')", rest) is not None
        if not closed and number < error_line:
            mark = "double quote (\")" if quote == '"' else "single quote (')"
            return number, mark
    return None


#: Below this many bytes of YAML, parsing in a second process costs more than it saves.
PARALLEL_MIN_BYTES = 4 << 20


def load_many(texts: list[str]) -> list[Any]:
    """:func:`load_yaml` of each text, in order: each result is the parsed document or
    the :class:`YamlError` it raised.

    A large batch on a machine with more than one CPU is shared with a second Python
    process (PyYAML holds the GIL, so a thread would not help); if that process cannot
    be started or fails, its share is parsed here. The results are the same either
    way."""
    total = sum(map(len, texts))
    theirs: list[int] = []
    if total >= PARALLEL_MIN_BYTES and len(texts) > 1 and _cpus() > 1:
        # The worker takes a little less than half (it pays for starting and pickling),
        # the largest texts first.
        share = 0
        for i in sorted(range(len(texts)), key=lambda i: -len(texts[i])):
            if share + len(texts[i]) <= 0.45 * total:
                theirs.append(i)
                share += len(texts[i])
    worker = _Worker([texts[i] for i in theirs]) if theirs else None
    skip = set(theirs)
    results = [None if i in skip else _load_or_error(text) for i, text in enumerate(texts)]
    if worker is not None:
        answers = worker.results()
        if answers is None:  # the worker failed: parse its share here
            answers = [_load_or_error(text) for text in worker.texts]
        for i, answer in zip(theirs, answers):
            results[i] = answer
    return results


def _load_or_error(text: str) -> Any:
    try:
        return load_yaml(text)
    except YamlError as exc:
        return exc


def _cpus() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class _Worker:
    """A second Python process parsing ``texts`` (``python -m heroes_kg.corpus._yaml``)."""

    def __init__(self, texts: list[str]) -> None:
        import os
        import pickle
        import subprocess
        import sys
        from pathlib import Path

        self.texts = texts
        here = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [here, *filter(None, [os.environ.get("PYTHONPATH")])])}
        try:
            self.proc: Any = subprocess.Popen(
                [sys.executable, "-m", "heroes_kg.corpus._yaml"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        except OSError:
            self.proc = None
            return
        import threading

        payload = pickle.dumps(texts, protocol=pickle.HIGHEST_PROTOCOL)

        def feed() -> None:  # a thread, so a full pipe never blocks the parsing here
            # The pipe is closed even when the worker has gone (a broken pipe): closing
            # flushes, which fails again, but the handle is released all the same.
            try:
                with self.proc.stdin:
                    self.proc.stdin.write(payload)
            except OSError:
                pass

        self.feeder = threading.Thread(target=feed, daemon=True)
        self.feeder.start()

    def results(self) -> list[Any] | None:
        """The worker's results, or None if it failed."""
        import pickle

        if self.proc is None:
            return None
        try:
            with self.proc.stdout:
                data = self.proc.stdout.read()
            self.feeder.join()
            if self.proc.wait() != 0:
                return None
            answers = pickle.loads(data)  # our own child's output (the caller pauses gc)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.proc.kill()
            self.proc.wait()
            return None
        if not isinstance(answers, list) or len(answers) != len(self.texts):
            return None
        return [a[1] if a[0] == "ok" else YamlError(a[1], a[2]) for a in answers]


def _serve() -> None:
    """The worker's side: texts on stdin, results on stdout (errors as tuples)."""
    import gc
    import pickle
    import sys

    gc.disable()
    texts = pickle.loads(sys.stdin.buffer.read())  # from our parent
    answers = []
    for text in texts:
        result = _load_or_error(text)
        answers.append(("error", result.line, result.message)
                       if isinstance(result, YamlError) else ("ok", result))
    sys.stdout.buffer.write(pickle.dumps(answers, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    # Run the module's own copy, not this __main__ one: what it pickles (the loaded
    # lists) must name heroes_kg.corpus._yaml's classes for the parent to read them back.
    from heroes_kg.corpus._yaml import _serve as serve_here

    serve_here()
