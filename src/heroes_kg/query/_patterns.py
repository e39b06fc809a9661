"""Patterns: the triple patterns a query matches against its default graph, read from
its text.

The persisted store holds the ontology beside the data graphs a question sees. Oxigraph
answers over the union of all its graphs with one index lookup a pattern, and over a
default graph given as a list of graphs with one lookup a pattern *and* a graph: 1.5-2
times the work on a whole-graph question at a million triples. A query none of whose
triple patterns matches a triple of the other graphs gives the same answers over both
(every solution is made from pattern matches), so it can be asked of the union
(:func:`triple_patterns` gives what to check).

The reading is deliberately narrow: anything it does not follow (GRAPH, SERVICE, FROM,
DESCRIBE, BASE, collections, negated or zero-length property paths, RDF-star, an unknown
prefix, a token it does not expect) gives None, and the query is asked of the data
graphs as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

__all__ = ["Group", "Pattern", "read_patterns"]


@dataclass(eq=False)
class Group:
    """A group graph pattern. ``joined``: its rows reach its parent's only through joins
    and unions (a { … } among the others, a UNION branch, a plain ``SELECT *``);
    otherwise (OPTIONAL, MINUS, EXISTS, a subquery) its rows can take others' place.
    ``attached``: an OPTIONAL, a MINUS or an EXISTS inside a group, whose matches count
    only where they agree with a row of that group."""

    parent: Group | None
    joined: bool
    mandatory: bool  # joined, and not one branch of a UNION: every row of its parent's
    attached: bool = False
    patterns: list[Pattern] = field(default_factory=list)
    children: list[Group] = field(default_factory=list)


@dataclass(eq=False)
class Pattern:
    """A triple pattern: its subject, predicates and object as IRIs (None where not one:
    a variable, a blank node, a literal), the names of its variables, and whether its
    predicate is one IRI or an alternative of IRIs (``simple``) rather than a path
    (whose IRIs are all in ``predicates``)."""

    subject: str | None
    predicates: tuple[str, ...] | None  # None: a variable
    object: str | None
    variables: tuple[str | None, str | None, str | None]  # subject, predicate, object
    simple: bool
    group: Group

    def guards(self) -> Iterator[Pattern]:
        """The simple patterns every row made with this pattern's matches must also
        match, with the same values for the variables they share: those of its group,
        of the groups joined into it and of the groups it is joined into. A match in an
        OPTIONAL, a MINUS or an EXISTS changes only the rows of the group around it that
        agree with it, so that group's patterns guard it too."""
        top = self.group
        while (top.joined or top.attached) and top.parent is not None:
            top = top.parent
        stack = [top]
        while stack:
            group = stack.pop()
            for pattern in group.patterns:
                if pattern is not self and pattern.simple and pattern.predicates:
                    yield pattern
            stack.extend(g for g in group.children if g.mandatory or self._within(g))

    def _within(self, group: Group) -> bool:
        at: Group | None = self.group
        while at is not None:
            if at is group:
                return True
            at = at.parent
        return False

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

_TOKENS = re.compile(r"""
    (?P<space>\s+|\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$](?:[A-Za-z0-9_\u00b7]|[^\x00-\xbf\U00010000-\U0010ffff])+)
  | (?P<bnode>_:[A-Za-z0-9_](?:[\w.-]*[\w-])?)
  | (?P<pname>(?:[A-Za-z][\w.-]*)?:(?:[\w:%-]+(?:\.+[\w:%-]+)*)?)
  | (?P<number>[+-]?(?:\d*\.\d+(?:[eE][+-]?\d+)?|\d+\.?\d*[eE][+-]?\d+|\d+))
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|[{}()\[\].;,|/^*+?!=<>&-])
""", re.VERBOSE)

#: Keywords after which no triple pattern of ours follows (the query is not read).
_UNSAFE = {"GRAPH", "SERVICE", "FROM", "DESCRIBE", "BASE", "LOAD", "INSERT", "DELETE"}
#: Keywords that open a part of a group that is not a triples block.
_GROUP_KEYWORDS = {"OPTIONAL", "MINUS", "UNION", "FILTER", "BIND", "VALUES"}


class _Unsure(Exception):
    """The text holds something this reading does not follow."""


class _Reader:
    def __init__(self, tokens: list[tuple[str, str]], prefixes: Mapping[str, str]) -> None:
        self.tokens = tokens
        self.at = 0
        self.prefixes = dict(prefixes)
        self.found: list[Pattern] = []
        self.scope: Group | None = None

    # --- tokens ---

    def peek(self, ahead: int = 0) -> tuple[str, str]:
        at = self.at + ahead
        return self.tokens[at] if at < len(self.tokens) else ("end", "")

    def next(self) -> tuple[str, str]:
        token = self.peek()
        if token[0] == "end":
            raise _Unsure
        self.at += 1
        return token

    def is_punct(self, value: str) -> bool:
        kind, text = self.peek()
        return kind == "punct" and text == value

    def is_word(self, *values: str) -> bool:
        kind, text = self.peek()
        return kind == "word" and text.upper() in values

    def expect(self, value: str) -> None:
        if not self.is_punct(value):
            raise _Unsure
        self.at += 1

    # --- terms ---

    def iri(self, kind: str, text: str) -> str:
        if kind == "iri":
            iri = text[1:-1]
            if ":" not in iri:  # relative: resolved against a base we do not follow
                raise _Unsure
            return iri
        prefix, _, local = text.partition(":")
        if prefix not in self.prefixes:
            raise _Unsure
        return self.prefixes[prefix] + local

    def term(self) -> tuple[str | None, str | None]:
        """A subject or object as (IRI, variable name), each None where it is not one;
        a blank node property list's patterns are read on the way."""
        kind, text = self.next()
        if kind in ("iri", "pname"):
            return self.iri(kind, text), None
        if kind == "var":
            return None, text[1:]
        if kind in ("bnode", "number"):
            return None, None
        if kind == "word" and text in ("true", "false"):
            return None, None
        if kind == "string":
            if self.peek()[0] == "lang":
                self.next()
            elif self.is_punct("^^"):
                self.next()
                kind, text = self.next()
                if kind not in ("iri", "pname"):
                    raise _Unsure
            return None, None
        if kind == "punct" and text == "[":
            if not self.is_punct("]"):
                self.properties((None, None))
            self.expect("]")
            return None, None
        raise _Unsure  # a collection, RDF-star, or not a term at all

    # --- triples ---

    def properties(self, subject: tuple[str | None, str | None]) -> None:
        """A predicate-object list (verbs and objects separated by ; and ,)."""
        assert self.scope is not None
        while True:
            predicates, variable, simple = self.verb()
            while True:
                obj = self.term()
                self.found.append(Pattern(
                    subject[0] if simple else None, predicates, obj[0] if simple else None,
                    (subject[1], variable, obj[1]) if simple else (None, None, None),
                    simple, self.scope))
                self.scope.patterns.append(self.found[-1])
                if not self.is_punct(","):
                    break
                self.next()
            if not self.is_punct(";"):
                return
            while self.is_punct(";"):
                self.next()
            kind, text = self.peek()
            if (kind == "punct" and text in (".", "}", "]")) or self.is_word(
                    *_GROUP_KEYWORDS) or kind == "end":
                return

    def verb(self) -> tuple[tuple[str, ...] | None, str | None, bool]:
        """(the predicates' IRIs or None, a variable's name, whether it is one IRI or an
        alternative of IRIs rather than a path)."""
        kind, text = self.peek()
        if kind == "var":
            self.next()
            return None, text[1:], True
        self._was_path = False
        path = self.path()
        return tuple(path), None, not self._was_path

    _was_path = False

    def path(self) -> list[str]:
        found = self.sequence()
        while self.is_punct("|"):
            self.next()
            found += self.sequence()
        return found

    def sequence(self) -> list[str]:
        found = self.element()
        while self.is_punct("/"):
            self.next()
            self._was_path = True
            found += self.element()
        return found

    def element(self) -> list[str]:
        if self.is_punct("^"):
            self.next()
            self._was_path = True
        kind, text = self.next()
        if kind in ("iri", "pname"):
            found = [self.iri(kind, text)]
        elif kind == "word" and text == "a":
            found = [_RDF_TYPE]
        elif kind == "punct" and text == "(":
            inner = self.path()
            self.expect(")")
            self._was_path = True
            found = inner
        else:
            raise _Unsure  # a negated property set, or not a predicate
        if self.is_punct("+"):
            self.next()
            self._was_path = True
        elif self.is_punct("*") or self.is_punct("?"):
            raise _Unsure  # zero-length paths match every node of the graph
        return found

    # --- groups ---

    def group(self, joined: bool = False, attached: bool = False) -> Group:
        """A group graph pattern, from its { to its }."""
        parent = self.scope
        group = Group(parent, joined, joined, attached and parent is not None)
        if parent is not None:
            parent.children.append(group)
        self.scope = group
        try:
            self._group_body(group)
        finally:
            self.scope = parent
        return group

    def _group_body(self, group: Group) -> None:
        self.expect("{")
        if self.is_word("SELECT"):
            if not self.subquery():
                group.joined = group.mandatory = False
            self.expect("}")
            return
        while True:
            kind, text = self.peek()
            upper = text.upper()
            if kind == "punct" and text == "}":
                self.next()
                return
            if kind == "punct" and text == ".":
                self.next()
            elif kind == "punct" and text == "{":
                first = self.group(joined=True)
                while self.is_word("UNION"):
                    first.mandatory = False
                    self.next()
                    self.group(joined=True).mandatory = False
            elif kind == "word" and upper in _UNSAFE:
                raise _Unsure
            elif kind == "word" and upper in ("OPTIONAL", "MINUS"):
                self.next()
                self.group(attached=True)
            elif kind == "word" and upper in ("FILTER", "BIND"):
                self.next()
                self.constraint()
            elif kind == "word" and upper == "VALUES":
                self.next()
                self.values()
            else:
                before = self.at
                subject = self.term()
                if self.tokens[self.at - 1][1] == "]" and self.at - before > 2 and (
                        self.is_punct(".") or self.is_punct("}")):
                    continue  # [ p o ] alone
                self.properties(subject)

    def constraint(self) -> None:
        """A FILTER or BIND: an expression, whose EXISTS groups are read."""
        if self.is_word("NOT"):
            self.next()
        if self.is_word("EXISTS"):
            self.next()
            self.group(attached=True)
            return
        if self.peek()[0] == "word":  # a function call: FILTER regex(…)
            self.next()
        self.expression()

    def expression(self) -> None:
        """From ( to its matching ), reading the groups of EXISTS inside."""
        self.expect("(")
        depth = 1
        while depth:
            kind, text = self.peek()
            if kind == "punct" and text == "(":
                depth += 1
            elif kind == "punct" and text == ")":
                depth -= 1
            elif kind == "punct" and text in ("{", "}"):
                raise _Unsure
            elif kind == "word" and text.upper() == "EXISTS":
                self.next()
                self.group(attached=True)
                continue
            elif kind == "word" and text.upper() in _UNSAFE:
                raise _Unsure
            self.next()

    def values(self) -> None:
        """A VALUES block: data only."""
        if self.is_punct("("):
            while not self.is_punct(")"):
                self.next()
        self.next()
        self.expect("{")
        while not self.is_punct("}"):
            kind, text = self.next()
            if kind == "punct" and text == "{":
                raise _Unsure
        self.next()

    def modifiers(self) -> bool:
        """What follows a WHERE group (GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET, a
        VALUES block): expressions may hold EXISTS groups. Whether there was none."""
        plain = True
        while self.peek()[0] != "end":
            kind, text = self.peek()
            if kind == "punct" and text == "}":
                return plain  # the end of a subquery
            plain = False
            if kind == "word" and text.upper() in _UNSAFE:
                raise _Unsure
            if kind == "word" and text.upper() == "VALUES":
                self.next()
                self.values()
            elif kind == "word" and text.upper() == "EXISTS":
                self.next()
                self.group()
            elif kind == "punct" and text == "{":
                raise _Unsure
            else:
                self.next()
        return plain

    def subquery(self) -> bool:
        """SELECT … WHERE { … } modifiers, up to the } that closes it; whether it is a
        plain ``SELECT * { … }``, whose rows are its group's."""
        self.next()  # SELECT
        plain = self.projection()
        self.group(joined=plain)
        return self.modifiers() and plain

    def projection(self) -> bool:
        """From after SELECT to the WHERE group's {: expressions may hold EXISTS.
        Whether it is ``*`` alone."""
        start = self.at
        while not self.is_punct("{"):
            kind, text = self.peek()
            if kind == "word" and text.upper() in _UNSAFE:
                raise _Unsure
            if kind == "word" and text.upper() == "EXISTS":
                self.next()
                self.group()
                continue
            self.next()
        words = [t for _, t in self.tokens[start:self.at] if t.upper() != "WHERE"]
        return words == ["*"]

    def query(self) -> None:
        while self.is_word("PREFIX"):
            self.next()
            kind, name = self.next()
            kind_iri, iri = self.next()
            if kind != "pname" or not name.endswith(":") or kind_iri != "iri":
                raise _Unsure
            self.prefixes[name[:-1]] = iri[1:-1]
        kind, text = self.next()
        form = text.upper() if kind == "word" else ""
        if form == "SELECT" or form == "ASK":
            self.projection()
        elif form == "CONSTRUCT":
            if self.is_word("WHERE"):  # the short form: the template is the pattern
                self.next()
            else:
                self._skip_group()
                if not self.is_word("WHERE"):
                    raise _Unsure
                self.next()
        else:
            raise _Unsure
        self.group()
        self.modifiers()

    def _skip_group(self) -> None:
        """A CONSTRUCT template: not matched against the graph."""
        self.expect("{")
        depth = 1
        while depth:
            kind, text = self.next()
            if kind == "punct" and text in ("{", "}"):
                depth += 1 if text == "{" else -1


def read_patterns(text: str, prefixes: Mapping[str, str]) -> list[Pattern] | None:
    """The triple patterns of the query ``text`` (prefixes declared in it, or in
    ``prefixes``) with the groups they are in; None when the text holds anything this
    reading does not follow."""
    tokens: list[tuple[str, str]] = []
    at = 0
    while at < len(text):
        match = _TOKENS.match(text, at)
        if match is None:
            return None
        at = match.end()
        kind = match.lastgroup
        assert kind is not None
        if kind != "space":
            tokens.append((kind, match.group()))
    reader = _Reader(tokens, prefixes)
    try:
        reader.query()
    except _Unsure:
        return None
    return reader.found if reader.at == len(tokens) else None
