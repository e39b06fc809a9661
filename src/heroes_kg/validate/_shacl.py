"""A SHACL Core engine that compiles shapes into SPARQL and runs them on Oxigraph.

pySHACL walks the graph node by node in Python: fine for the seeds, hopeless for a
million triples. Here every constraint of every shape becomes one SPARQL query over the
whole graph at once, so Oxigraph does the work. The results are the same (focus node,
path, message) triples pySHACL reports for the constraint components ontology/shapes.ttl
uses: targetClass (with rdfs:subClassOf* from the ontology), targetSubjectsOf,
targetObjectsOf; class, datatype, nodeKind, minCount, maxCount, minLength, pattern,
minInclusive, lessThan, lessThanOrEquals, or, node, qualifiedValueShape with
qualifiedMin/MaxCount; paths that are an IRI or an sh:inversePath of one. A shape using
anything else raises :class:`UnsupportedShapes`, so no constraint is silently skipped.

Each constraint component is one class (how its parameter is read, how it compiles),
registered in :data:`CONSTRAINTS`; :class:`ShapesEngine` reads the shapes, picks the
focus nodes and assembles the queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, cast

import pyoxigraph as ox

from ..vocab import OWL, RDF, RDFS, SH, XSD

__all__ = ["Reach", "Result", "ShapesEngine", "UnsupportedShapes", "validate_around"]


#: Keys a shape may have without adding a constraint.
_IGNORED = {RDF + "type", RDFS + "comment", RDFS + "label", SH + "message", SH + "name",
            SH + "description", SH + "path", SH + "property", SH + "targetClass",
            SH + "targetSubjectsOf", SH + "targetObjectsOf", SH + "severity",
            SH + "qualifiedMinCount", SH + "qualifiedMaxCount", SH + "declare",
            OWL + "versionInfo"}
#: Datatypes whose ill-typed literals a cast to the datatype catches.
_CASTS = {"integer", "decimal", "date", "boolean", "double", "dateTime"}


class UnsupportedShapes(Exception):
    """The shapes use a SHACL feature this engine does not compile."""


@dataclass(frozen=True)
class Result:
    """One violation: the focus node, the path (an IRI, ``^IRI`` for an inverse path,
    or None for a node shape) and the message."""

    focus: str
    path: str | None
    message: str


Term = ox.NamedNode | ox.BlankNode | ox.Literal
#: One compiled query: (SPARQL selecting ?f, the path shown, the message).
_Query = tuple[str, str | None, str]


@dataclass
class _Shape:
    node: Term
    path: tuple[str, bool] | None = None  # (IRI, inverse?)
    message: str | None = None
    constraints: list[_Constraint] = field(default_factory=list)
    properties: list[_Shape] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    subjects_of: list[str] = field(default_factory=list)
    objects_of: list[str] = field(default_factory=list)


class _Graph:
    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self.out: dict[Term, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        for t in triples:
            # No triple terms in our graphs (plain RDF 1.1), which the types allow for.
            self.out[t.subject][t.predicate.value].append(t.object)  # type: ignore[index, arg-type]

    def values(self, node: Term, predicate: str) -> list[Term]:
        return self.out.get(node, {}).get(predicate, [])

    def value(self, node: Term, predicate: str) -> Term | None:
        found = self.values(node, predicate)
        return found[0] if found else None

    def items(self, head: Term) -> list[Term]:
        items: list[Term] = []
        while not (isinstance(head, ox.NamedNode) and head.value == RDF + "nil"):
            first = self.value(head, RDF + "first")
            if first is None:
                raise UnsupportedShapes(f"malformed RDF list at {head}")
            items.append(first)
            rest = self.value(head, RDF + "rest")
            if rest is None:
                raise UnsupportedShapes(f"malformed RDF list at {head}")
            head = rest
        return items


class ShapesEngine:
    """Shapes compiled once; :meth:`validate` runs them against a store."""

    def __init__(self, shapes: Iterable[ox.Triple], ontology: Iterable[ox.Triple]) -> None:
        self.graph = _Graph(shapes)
        self.subclasses: dict[str, set[str]] = defaultdict(set)
        parents: dict[str, set[str]] = defaultdict(set)
        for t in ontology:
            if (t.predicate.value == RDFS + "subClassOf" and isinstance(t.object, ox.NamedNode)
                    and isinstance(t.subject, ox.NamedNode)):
                parents[t.subject.value].add(t.object.value)
        for cls in list(parents):
            for ancestor in self._ancestors(cls, parents):
                self.subclasses[ancestor].add(cls)
        self._shapes: dict[Term, _Shape] = {}
        self.targeted = [self.shape(node) for node in self._target_nodes()]
        self.queries = list(self._compile())

    # -- reading the shapes graph -----------------------------------------------------

    @staticmethod
    def _ancestors(start: str, parents: dict[str, set[str]]) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def _target_nodes(self) -> list[Term]:
        keys = (SH + "targetClass", SH + "targetSubjectsOf", SH + "targetObjectsOf")
        nodes = [n for n, props in self.graph.out.items() if any(k in props for k in keys)]
        for node, props in self.graph.out.items():
            types = {t.value for t in props.get(RDF + "type", []) if isinstance(t, ox.NamedNode)}
            if types & {SH + "NodeShape", SH + "PropertyShape"} and RDFS + "Class" in types:
                raise UnsupportedShapes(f"implicit class targets ({node}) are not supported")
        return sorted(nodes, key=str)

    def shape(self, node: Term) -> _Shape:
        if node in self._shapes:
            return self._shapes[node]
        g = self.graph
        shape = self._shapes[node] = _Shape(node)
        severity = g.value(node, SH + "severity")
        if severity is not None and severity.value != SH + "Violation":
            raise UnsupportedShapes(f"sh:severity {severity} of {node} is not supported")
        message = g.value(node, SH + "message")
        shape.message = message.value if isinstance(message, ox.Literal) else None
        shape.classes = [c.value for c in g.values(node, SH + "targetClass")]
        shape.subjects_of = [c.value for c in g.values(node, SH + "targetSubjectsOf")]
        shape.objects_of = [c.value for c in g.values(node, SH + "targetObjectsOf")]
        path = g.value(node, SH + "path")
        if path is not None:
            if isinstance(path, ox.NamedNode):
                shape.path = (path.value, False)
            else:
                inverse = g.value(path, SH + "inversePath")
                if not isinstance(inverse, ox.NamedNode) or len(g.out[path]) != 1:
                    raise UnsupportedShapes(f"path of {node} is neither an IRI nor the "
                                            "inverse of one")
                shape.path = (inverse.value, True)
        for predicate, objects in sorted(g.out[node].items()):
            if predicate in _IGNORED:
                continue
            component = CONSTRAINTS.get(predicate.removeprefix(SH)) \
                if predicate.startswith(SH) else None
            if component is None:
                raise UnsupportedShapes(f"{predicate} (on {node}) is not supported by the "
                                        "fast SHACL engine")
            for obj in objects:
                shape.constraints.append(component.read(self, node, obj))
        shape.properties = [self.shape(p) for p in g.values(node, SH + "property")]
        return shape

    # -- compiling ---------------------------------------------------------------------

    def classes(self, cls: str) -> str:
        """``cls`` and its subclasses, as SPARQL IRIs."""
        return " ".join(f"<{c}>" for c in sorted({cls} | self.subclasses.get(cls, set())))

    def _focus(self, shape: _Shape) -> str:
        parts = []
        if shape.classes:
            classes = " ".join(sorted({c for cls in shape.classes
                                       for c in self.classes(cls).split()}))
            parts.append(f"{{ VALUES ?_c {{ {classes} }} ?f a ?_c }}")
        if shape.subjects_of:
            preds = " ".join(f"<{p}>" for p in shape.subjects_of)
            parts.append(f"{{ VALUES ?_p {{ {preds} }} ?f ?_p ?_o }}")
        if shape.objects_of:
            preds = " ".join(f"<{p}>" for p in shape.objects_of)
            parts.append(f"{{ VALUES ?_q {{ {preds} }} ?_s ?_q ?f }}")
        return "{ SELECT DISTINCT ?f WHERE { " + " UNION ".join(parts) + " } }"

    def conforms(self, shape: _Shape, x: str, depth: int) -> str:
        """A SPARQL expression, true when node ``x`` conforms to ``shape``."""
        if depth > 8:
            raise UnsupportedShapes("shapes nest more than 8 deep (recursive shapes?)")
        tests: list[str] = []
        for constraint in shape.constraints:
            if shape.path is None:
                tests.append(constraint.test(self, x, depth))
            else:
                tests.append(self._property_test(shape.path, constraint, x, depth))
        for prop in shape.properties:
            assert prop.path is not None
            tests.extend(self._property_test(prop.path, constraint, x, depth)
                         for constraint in prop.constraints)
        return _join(tests or ["true"], "&&")

    def _property_test(self, path: tuple[str, bool], constraint: _Constraint, x: str,
                       depth: int) -> str:
        if constraint.per_value:
            v = f"?_v{depth}"
            return (f"NOT EXISTS {{ {_step(x, path, v)} "
                    f"FILTER(!{constraint.test(self, v, depth + 1)}) }}")
        return constraint.nested(path, x, depth)

    def _compile(self) -> Iterator[_Query]:
        """(SPARQL, path, message) per constraint of every targeted shape.

        Where a shape has its own sh:message every constraint of it reports the same
        (focus, path, message), so its value tests become one query and its counts
        another: fewer passes over the graph, the same results."""
        for shape in self.targeted:
            focus = self._focus(shape)
            for constraint in shape.constraints:
                yield self._query(shape, focus, constraint, None)
            for prop in shape.properties:
                rest = prop.constraints
                if prop.message is not None:
                    merged, rest = self._merged(prop, focus)
                    yield from merged
                for constraint in rest:
                    yield self._query(prop, focus, constraint, prop.path)

    def _merged(self, prop: _Shape, focus: str
                ) -> tuple[list[_Query], list[_Constraint]]:
        assert prop.path is not None and prop.message is not None
        shown = ("^" if prop.path[1] else "") + prop.path[0]
        step = _step("?f", prop.path, "?v")
        values = [c for c in prop.constraints if c.per_value]
        counts = {c.name: int(c.arg) for c in prop.constraints
                  if isinstance(c, (MinCount, MaxCount))}
        rest = [c for c in prop.constraints
                if not c.per_value and not isinstance(c, (MinCount, MaxCount))]
        queries: list[_Query] = []
        if values:
            test = _join([c.test(self, "?v", 0) for c in values], "&&")
            queries.append((f"SELECT DISTINCT ?f WHERE {{ {focus} {step} FILTER(!{test}) }}",
                            shown, prop.message))
        low, high = counts.get("minCount", 0), counts.get("maxCount")
        if low == 1 and high is None:
            queries.append((f"SELECT ?f WHERE {{ {focus} FILTER NOT EXISTS {{ {step} }} }}",
                            shown, prop.message))
        elif low or high is not None:
            having = " || ".join(
                ([f"COUNT(DISTINCT ?v) < {low}"] if low else [])
                + ([f"COUNT(DISTINCT ?v) > {high}"] if high is not None else []))
            body = f"OPTIONAL {{ {step} }}" if low else step
            sparql = f"SELECT ?f WHERE {{ {focus} {body} }} GROUP BY ?f HAVING ({having})"
            queries.append((sparql, shown, prop.message))
        return queries, rest

    def _query(self, shape: _Shape, focus: str, constraint: _Constraint,
               path: tuple[str, bool] | None) -> _Query:
        shown = None if path is None else ("^" if path[1] else "") + path[0]
        message = shape.message or _default_message(constraint.name)
        if path is None:
            if not constraint.per_value:
                raise UnsupportedShapes(f"sh:{constraint.name} needs a property shape")
            test = constraint.test(self, "?f", 0)
            return f"SELECT ?f WHERE {{ {focus} FILTER(!{test}) }}", shown, message
        step = _step("?f", path, "?v")
        if constraint.per_value:
            test = constraint.test(self, "?v", 0)
            return (f"SELECT DISTINCT ?f WHERE {{ {focus} {step} FILTER(!{test}) }}", shown,
                    message)
        return constraint.query(self, focus, step), shown, message

    # -- running -----------------------------------------------------------------------

    def validate(self, store: ox.Store, graphs: list[ox.NamedNode]) -> set[Result]:
        """Every violation in the union of ``graphs`` of ``store``."""
        found: set[Result] = set()
        for sparql, path, message in self.queries:
            rows = store.query(sparql, default_graph=list(graphs))
            assert isinstance(rows, ox.QuerySolutions)
            for row in rows:
                focus = row["f"]
                # As pySHACL shows it: an IRI or a literal's lexical form, or _:id.
                found.add(Result(str(focus) if isinstance(focus, ox.BlankNode)
                                 else focus.value, path, message))
        return found


# --- Constraint components: one class each, registered in CONSTRAINTS ------------------

class _Constraint:
    """One SHACL constraint component with its parameter: how the parameter is read from
    the shapes graph and how the constraint compiles to SPARQL."""

    #: The component's parameter, without the sh: namespace.
    name: ClassVar[str]
    #: Whether it tests each value node on its own (then it also applies to a node shape
    #: and inside sh:or / sh:node, and a shape's value tests can share one query).
    per_value: ClassVar[bool] = False

    def __init__(self, arg: Any) -> None:
        self.arg = arg

    @classmethod
    def read(cls, engine: ShapesEngine, node: Term, obj: Term) -> _Constraint:
        return cls(obj)

    def test(self, engine: ShapesEngine, x: str, depth: int) -> str:
        """A SPARQL expression, true when the value node ``x`` satisfies it."""
        raise UnsupportedShapes(f"sh:{self.name} inside sh:or/sh:node is not supported")

    def nested(self, path: tuple[str, bool], x: str, depth: int) -> str:
        """A SPARQL expression, true when the values of ``path`` from ``x`` satisfy it
        (inside sh:or / sh:node)."""
        raise UnsupportedShapes(f"sh:{self.name} {self.arg} inside sh:or/sh:node is not "
                                "supported")

    def query(self, engine: ShapesEngine, focus: str, step: str) -> str:
        """SPARQL selecting each focus node ?f whose values ?v (``step``) violate it."""
        raise UnsupportedShapes(f"sh:{self.name} is not supported")


class _IriParameter(_Constraint):
    @classmethod
    def read(cls, engine: ShapesEngine, node: Term, obj: Term) -> _Constraint:
        if not isinstance(obj, ox.NamedNode):
            raise UnsupportedShapes(f"sh:{cls.name} of {node} must be an IRI")
        return cls(obj.value)


class _IntegerParameter(_Constraint):
    @classmethod
    def read(cls, engine: ShapesEngine, node: Term, obj: Term) -> _Constraint:
        return cls(int(obj.value))


class _UnflaggedParameter(_Constraint):
    @classmethod
    def read(cls, engine: ShapesEngine, node: Term, obj: Term) -> _Constraint:
        if engine.graph.value(node, SH + "flags") is not None:
            raise UnsupportedShapes(f"sh:flags of {node} is not supported")
        return cls(obj)


class Class(_IriParameter):
    name = "class"
    per_value = True

    def test(self, engine: ShapesEngine, x: str, depth: int) -> str:
        t = f"?_t{depth}"
        return f"EXISTS {{ {x} a {t} VALUES {t} {{ {engine.classes(self.arg)} }} }}"


class Datatype(_IriParameter):
    name = "datatype"
    per_value = True

    def test(self, engine: ShapesEngine, x: str, depth: int) -> str:
        dt = str(self.arg)
        test = f"isLITERAL({x}) && sameTerm(DATATYPE({x}), <{dt}>)"
        local = dt.removeprefix(XSD)
        if dt.startswith(XSD) and local in _CASTS:
            # Ill-typed literals ("abc"^^xsd:integer) do not cast: a violation too.
            test += f" && COALESCE(isLITERAL(<{dt}>({x})), false)"
        elif dt == XSD + "gYear":
            test += f" && REGEX(STR({x}), \"^-?[0-9]{{4,}}(Z|[+-][0-9]{{2}}:[0-9]{{2}})?$\")"
        elif dt == XSD + "gYearMonth":
            test += (f" && REGEX(STR({x}), "
                     f"\"^-?[0-9]{{4,}}-(0[1-9]|1[0-2])(Z|[+-][0-9]{{2}}:[0-9]{{2}})?$\")")
        return f"({test})"


class NodeKind(_IriParameter):
    name = "nodeKind"
    per_value = True

    def test(self, engine: ShapesEngine, x: str, depth: int) -> str:
        kinds = {"IRI": f"isIRI({x})", "Literal": f"isLITERAL({x})",
                 "BlankNode": f"isBLANK({x})",
                 "IRIOrLiteral": f"(isIRI({x}) || isLITERAL({x}))",
                 "BlankNodeOrIRI": f"(isBLANK({x}) || isIRI({x}))",
                 "BlankNodeOrLiteral": f"(isBLANK({x}) || isLITERAL({x}))"}
        return kinds[str(self.arg).removeprefix(SH)]


class MinLength(_IntegerParameter):
    name = "minLength"
    per_value = True

    def test(self, engine: ShapesEngine, x: str, depth: int) -> str:
        return f"(!isBLANK({x}) && STRLEN(STR({x})) >= {self.arg})"


class Pattern(_UnflaggedParameter):
    name = "pattern"
    per_value = True

    def test(self, engine: ShapesEngine, x: str, depth: int) -> str:
        return f"(!isBLANK({x}) && REGEX(STR({x}), {_sparql(self.arg)}))"


class MinInclusive(_UnflaggedParameter):
    name = "minInclusive"
    per_value = True

    def test(self, engine: ShapesEngine, x: str, depth: int) -> str:
        return f"COALESCE({x} >= {_sparql(self.arg)}, false)"


class Or(_Constraint):
    name = "or"
    per_value = True

    @classmethod
    def read(cls, engine: ShapesEngine, node: Term, obj: Term) -> _Constraint:
        return cls([engine.shape(item) for item in engine.graph.items(obj)])

    def test(self, engine: ShapesEngine, x: str, depth: int) -> str:
        return _join([engine.conforms(s, x, depth + 1) for s in self.arg], "||")


class Node(_Constraint):
    name = "node"
    per_value = True

    @classmethod
    def read(cls, engine: ShapesEngine, node: Term, obj: Term) -> _Constraint:
        return cls(engine.shape(obj))

    def test(self, engine: ShapesEngine, x: str, depth: int) -> str:
        return engine.conforms(self.arg, x, depth + 1)


class MinCount(_IntegerParameter):
    name = "minCount"

    def nested(self, path: tuple[str, bool], x: str, depth: int) -> str:
        if self.arg == 1:
            return f"EXISTS {{ {_step(x, path, f'?_v{depth}')} }}"
        if self.arg == 0:
            return "true"
        return super().nested(path, x, depth)

    def query(self, engine: ShapesEngine, focus: str, step: str) -> str:
        return (f"SELECT ?f WHERE {{ {focus} OPTIONAL {{ {step} }} }} GROUP BY ?f "
                f"HAVING (COUNT(DISTINCT ?v) < {self.arg})")


class MaxCount(_IntegerParameter):
    name = "maxCount"

    def nested(self, path: tuple[str, bool], x: str, depth: int) -> str:
        if self.arg == 1:
            v, w = f"?_v{depth}", f"?_w{depth}"
            return (f"NOT EXISTS {{ {_step(x, path, v)} "
                    f"{_step(x, path, w)} FILTER(!sameTerm({v}, {w})) }}")
        return super().nested(path, x, depth)

    def query(self, engine: ShapesEngine, focus: str, step: str) -> str:
        return (f"SELECT ?f WHERE {{ {focus} {step} }} GROUP BY ?f "
                f"HAVING (COUNT(DISTINCT ?v) > {self.arg})")


class LessThan(_IriParameter):
    name = "lessThan"
    operator: ClassVar[str] = "<"

    def query(self, engine: ShapesEngine, focus: str, step: str) -> str:
        return (f"SELECT DISTINCT ?f WHERE {{ {focus} {step} ?f <{self.arg}> ?w "
                f"FILTER(!COALESCE(?v {self.operator} ?w, false)) }}")


class LessThanOrEquals(LessThan):
    name = "lessThanOrEquals"
    operator = "<="


class QualifiedValueShape(_Constraint):
    name = "qualifiedValueShape"

    @classmethod
    def read(cls, engine: ShapesEngine, node: Term, obj: Term) -> _Constraint:
        g = engine.graph
        low, high = (g.value(node, SH + k) for k in ("qualifiedMinCount",
                                                     "qualifiedMaxCount"))
        if g.value(node, SH + "qualifiedValueShapesDisjoint") is not None:
            raise UnsupportedShapes("sh:qualifiedValueShapesDisjoint is not supported")
        return cls((engine.shape(obj), None if low is None else int(low.value),
                    None if high is None else int(high.value)))

    def query(self, engine: ShapesEngine, focus: str, step: str) -> str:
        inner, low, high = cast(tuple[_Shape, int | None, int | None], self.arg)
        test = engine.conforms(inner, "?v", 1)
        having = [f"COUNT(DISTINCT ?v) < {low}" if low is not None else None,
                  f"COUNT(DISTINCT ?v) > {high}" if high is not None else None]
        return (f"SELECT ?f WHERE {{ {focus} OPTIONAL {{ {step} FILTER({test}) }} }} "
                f"GROUP BY ?f HAVING ({' || '.join(h for h in having if h) or 'false'})")


#: The constraint components the engine compiles, by parameter name.
CONSTRAINTS: dict[str, type[_Constraint]] = {c.name: c for c in (
    Class, Datatype, NodeKind, MinLength, Pattern, MinInclusive, Or, Node, MinCount, MaxCount,
    LessThan, LessThanOrEquals, QualifiedValueShape)}


def _sparql(term: Term) -> str:
    return str(term)


def _step(subject: str, path: tuple[str, bool], obj: str) -> str:
    iri, inverse = path
    return f"{obj} <{iri}> {subject} ." if inverse else f"{subject} <{iri}> {obj} ."


def _join(tests: list[str], op: str) -> str:
    # One pair of parentheses at most: Oxigraph's parser rejects "((EXISTS {...}))".
    return tests[0] if len(tests) == 1 else "(" + f" {op} ".join(tests) + ")"


def _default_message(name: str) -> str:
    """Used only where a shape has no sh:message (ontology/shapes.ttl gives one each)."""
    return f"sh:{name} constraint violated"


# --- Validating around a change ----------------------------------------------------------

class _NotLocal(Exception):
    """The shapes use a component whose reach :class:`Reach` does not know."""


#: Components that test the value node itself and read nothing beyond it.
_AT_THE_NODE = (Datatype, NodeKind, MinLength, Pattern, MinInclusive, MinCount, MaxCount)


@dataclass
class Reach:
    """What the compiled shapes read around a focus node: the predicates each path step
    follows (``forward`` and ``inverse``), with how many more hops are read beyond the
    node such a step reaches, whether rdf:type is read at the nodes reached, and how
    many hops from the focus node the furthest triple read lies (``depth``)."""

    forward: dict[str, int] = field(default_factory=dict)
    inverse: dict[str, int] = field(default_factory=dict)
    depth: int = 0

    @classmethod
    def of(cls, engine: ShapesEngine) -> Reach:
        reach = cls()
        for shape in engine.targeted:
            hops = reach._shape(shape, 0)
            if shape.classes:
                reach._step(RDF + "type", False, 0)
                hops = max(hops, 1)
            for predicate in shape.subjects_of:
                reach._step(predicate, False, 0)
                hops = max(hops, 1)
            for predicate in shape.objects_of:
                reach._step(predicate, True, 0)
                hops = max(hops, 1)
            reach.depth = max(reach.depth, hops)
        return reach

    def _step(self, predicate: str, inverse: bool, beyond: int) -> None:
        table = self.inverse if inverse else self.forward
        table[predicate] = max(table.get(predicate, 0), beyond)

    def _shape(self, shape: _Shape, nesting: int) -> int:
        """Hops read from the node ``shape`` is tested on."""
        if nesting > 16:
            raise _NotLocal("shapes nest too deep")
        if shape.path is not None:
            beyond = max((self._component(c, nesting) for c in shape.constraints), default=0)
            self._step(shape.path[0], shape.path[1], beyond)
            return 1 + beyond
        hops = max((self._component(c, nesting) for c in shape.constraints), default=0)
        for prop in shape.properties:
            hops = max(hops, self._shape(prop, nesting + 1))
        return hops

    def _component(self, constraint: _Constraint, nesting: int) -> int:
        """Hops read beyond the node ``constraint`` tests."""
        if isinstance(constraint, Class):
            self._step(RDF + "type", False, 0)
            return 1
        if isinstance(constraint, Or):
            return max((self._shape(s, nesting + 1) for s in constraint.arg), default=0)
        if isinstance(constraint, Node):
            return self._shape(constraint.arg, nesting + 1)
        if isinstance(constraint, QualifiedValueShape):
            return self._shape(constraint.arg[0], nesting + 1)
        if isinstance(constraint, LessThan):  # the focus node's other property
            self._step(str(constraint.arg), False, 0)
            return 0
        if isinstance(constraint, _AT_THE_NODE):
            return 0
        raise _NotLocal(f"sh:{constraint.name}")


def validate_around(engine: ShapesEngine, store: ox.Store, graphs: list[ox.NamedNode],
                    changed: Iterable[ox.Quad], limit: int) -> set[Result] | None:
    """The violations whose focus node is one the ``changed`` quads (added or removed
    since a graph that conformed) can affect, or None when that cannot be told cheaply
    (more than ``limit`` triples to read: then validate the whole graph).

    The focus nodes are those from which the shapes' paths reach the start of a changed
    triple, followed backwards in the new graph as far as the shapes read; their checks
    are then run, unchanged, on a small store holding every triple the shapes read from
    them, and only their results are kept. The graph conformed before the change, so
    every violation of the new graph is at one of them."""
    try:
        reach = Reach.of(engine)
    except _NotLocal:
        return None
    in_graphs = set(graphs)
    rdf_type = RDF + "type"
    focus: set[Term] = set()
    for quad in changed:
        if quad.graph_name not in in_graphs:
            continue
        predicate = quad.predicate.value
        if predicate in reach.forward:
            focus.add(quad.subject)  # type: ignore[arg-type]
        if predicate in reach.inverse:
            focus.add(quad.object)  # type: ignore[arg-type]
    # The triples that point at a node are read one predicate the shapes follow at a
    # time: a node many others point at (by predicates no shape follows back) is not
    # read whole; on a store on disk each quad read costs.
    inverse = [ox.NamedNode(p) for p in reach.inverse]
    frontier = set(focus)
    for level in range(1, reach.depth):
        # Nodes one step before the frontier, by a step beyond which at least ``level``
        # more hops are read.
        before: set[Term] = set()
        forward = [ox.NamedNode(p) for p, beyond in reach.forward.items() if beyond >= level]
        for node in frontier:
            if isinstance(node, ox.Literal):
                continue
            for step in forward:
                for quad in store.quads_for_pattern(None, step, node):
                    if quad.graph_name in in_graphs:
                        before.add(quad.subject)  # type: ignore[arg-type]
            for quad in store.quads_for_pattern(node, None, None):
                if (quad.graph_name in in_graphs
                        and reach.inverse.get(quad.predicate.value, -1) >= level):
                    before.add(quad.object)  # type: ignore[arg-type]
        frontier = before - focus
        focus |= frontier
    # Every triple the shapes read from the focus nodes.
    read: set[ox.Quad] = set()
    seen, frontier = set(focus), set(focus)
    for _ in range(reach.depth):
        after: set[Term] = set()
        for node in frontier:
            if isinstance(node, ox.Literal):
                continue
            for quad in store.quads_for_pattern(node, None, None):
                p = quad.predicate.value
                if quad.graph_name in in_graphs and p in reach.forward:
                    read.add(quad)
                    if p != rdf_type or reach.forward[p] > 0:
                        after.add(quad.object)  # type: ignore[arg-type]
            for step in inverse:
                for quad in store.quads_for_pattern(None, step, node):
                    if quad.graph_name in in_graphs:
                        read.add(quad)
                        after.add(quad.subject)  # type: ignore[arg-type]
            if len(read) > limit:
                return None
        frontier = after - seen
        seen |= frontier
    small = ox.Store()
    small.extend(read)
    shown = {str(f) if isinstance(f, ox.BlankNode) else f.value for f in focus}
    return {r for r in engine.validate(small, graphs) if r.focus in shown}
