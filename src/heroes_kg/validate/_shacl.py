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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import cast

import pyoxigraph as ox

from ..vocab import OWL, RDF, RDFS, SH, XSD

__all__ = ["Result", "ShapesEngine", "UnsupportedShapes"]


#: Keys a shape may have without adding a constraint.
_IGNORED = {RDF + "type", RDFS + "comment", RDFS + "label", SH + "message", SH + "name",
            SH + "description", SH + "path", SH + "property", SH + "targetClass",
            SH + "targetSubjectsOf", SH + "targetObjectsOf", SH + "severity",
            SH + "qualifiedMinCount", SH + "qualifiedMaxCount", SH + "declare",
            OWL + "versionInfo"}
_VALUE_CONSTRAINTS = {"class", "datatype", "nodeKind", "minLength", "pattern", "minInclusive",
                      "or", "node"}
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
    constraints: list[tuple[str, object]] = field(default_factory=list)
    properties: list[_Shape] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    subjects_of: list[str] = field(default_factory=list)
    objects_of: list[str] = field(default_factory=list)


class _Graph:
    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self.out: dict[Term, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        for t in triples:
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


def _sparql(term: Term) -> str:
    return str(term)


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
        self.targeted = [self._shape(node) for node in self._target_nodes()]
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

    def _shape(self, node: Term) -> _Shape:
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
            name = predicate.removeprefix(SH)
            for obj in objects:
                shape.constraints.append(self._constraint(node, name, predicate, obj))
        shape.properties = [self._shape(p) for p in g.values(node, SH + "property")]
        return shape

    def _constraint(self, node: Term, name: str, predicate: str, obj: Term
                    ) -> tuple[str, object]:
        g = self.graph
        if name in ("class", "datatype", "nodeKind", "lessThan", "lessThanOrEquals"):
            if not isinstance(obj, ox.NamedNode):
                raise UnsupportedShapes(f"sh:{name} of {node} must be an IRI")
            return name, obj.value
        if name in ("minCount", "maxCount", "minLength"):
            return name, int(obj.value)
        if name in ("pattern", "minInclusive"):
            if g.value(node, SH + "flags") is not None:
                raise UnsupportedShapes(f"sh:flags of {node} is not supported")
            return name, obj
        if name == "or":
            return name, [self._shape(item) for item in g.items(obj)]
        if name == "node":
            return name, self._shape(obj)
        if name == "qualifiedValueShape":
            low, high = (g.value(node, SH + k) for k in ("qualifiedMinCount",
                                                         "qualifiedMaxCount"))
            if g.value(node, SH + "qualifiedValueShapesDisjoint") is not None:
                raise UnsupportedShapes("sh:qualifiedValueShapesDisjoint is not supported")
            return name, (self._shape(obj), None if low is None else int(low.value),
                          None if high is None else int(high.value))
        raise UnsupportedShapes(f"{predicate} (on {node}) is not supported by the fast "
                                "SHACL engine")

    # -- compiling ---------------------------------------------------------------------

    def _classes(self, cls: str) -> str:
        return " ".join(f"<{c}>" for c in sorted({cls} | self.subclasses.get(cls, set())))

    def _focus(self, shape: _Shape) -> str:
        parts = []
        if shape.classes:
            classes = " ".join(sorted({c for cls in shape.classes
                                       for c in self._classes(cls).split()}))
            parts.append(f"{{ VALUES ?_c {{ {classes} }} ?f a ?_c }}")
        if shape.subjects_of:
            preds = " ".join(f"<{p}>" for p in shape.subjects_of)
            parts.append(f"{{ VALUES ?_p {{ {preds} }} ?f ?_p ?_o }}")
        if shape.objects_of:
            preds = " ".join(f"<{p}>" for p in shape.objects_of)
            parts.append(f"{{ VALUES ?_q {{ {preds} }} ?_s ?_q ?f }}")
        return "{ SELECT DISTINCT ?f WHERE { " + " UNION ".join(parts) + " } }"

    @staticmethod
    def _step(subject: str, path: tuple[str, bool], obj: str) -> str:
        iri, inverse = path
        return f"{obj} <{iri}> {subject} ." if inverse else f"{subject} <{iri}> {obj} ."

    def _value_test(self, name: str, arg: object, x: str, depth: int) -> str:
        """A SPARQL expression, true when node ``x`` satisfies constraint ``name``."""
        if name == "class":
            t = f"?_t{depth}"
            return f"EXISTS {{ {x} a {t} VALUES {t} {{ {self._classes(str(arg))} }} }}"
        if name == "datatype":
            dt = str(arg)
            test = f"isLITERAL({x}) && sameTerm(DATATYPE({x}), <{dt}>)"
            local = dt.removeprefix(XSD)
            if dt.startswith(XSD) and local in _CASTS:
                # Ill-typed literals ("abc"^^xsd:integer) do not cast: a violation too.
                test += f" && COALESCE(isLITERAL(<{dt}>({x})), false)"
            elif dt == XSD + "gYear":
                test += f" && REGEX(STR({x}), \"^-?[0-9]{{4,}}(Z|[+-][0-9]{{2}}:[0-9]{{2}})?$\")"
            return f"({test})"
        if name == "nodeKind":
            kinds = {"IRI": f"isIRI({x})", "Literal": f"isLITERAL({x})",
                     "BlankNode": f"isBLANK({x})",
                     "IRIOrLiteral": f"(isIRI({x}) || isLITERAL({x}))",
                     "BlankNodeOrIRI": f"(isBLANK({x}) || isIRI({x}))",
                     "BlankNodeOrLiteral": f"(isBLANK({x}) || isLITERAL({x}))"}
            return kinds[str(arg).removeprefix(SH)]
        if name == "minLength":
            return f"(!isBLANK({x}) && STRLEN(STR({x})) >= {arg})"
        if name == "pattern":
            pattern = _sparql(arg)  # type: ignore[arg-type]
            return f"(!isBLANK({x}) && REGEX(STR({x}), {pattern}))"
        if name == "minInclusive":
            return f"COALESCE({x} >= {_sparql(arg)}, false)"  # type: ignore[arg-type]
        if name == "or":
            return _join([self._conforms(s, x, depth + 1)
                          for s in arg], "||")  # type: ignore[attr-defined]
        if name == "node":
            return self._conforms(arg, x, depth + 1)  # type: ignore[arg-type]
        raise UnsupportedShapes(f"sh:{name} inside sh:or/sh:node is not supported")

    def _conforms(self, shape: _Shape, x: str, depth: int) -> str:
        """A SPARQL expression, true when node ``x`` conforms to ``shape``."""
        if depth > 8:
            raise UnsupportedShapes("shapes nest more than 8 deep (recursive shapes?)")
        tests: list[str] = []
        for name, arg in shape.constraints:
            if shape.path is None:
                tests.append(self._value_test(name, arg, x, depth))
            else:
                tests.append(self._property_test(shape, name, arg, x, depth))
        for prop in shape.properties:
            tests.extend(self._property_test(prop, name, arg, x, depth)
                         for name, arg in prop.constraints)
        return _join(tests or ["true"], "&&")

    def _property_test(self, shape: _Shape, name: str, arg: object, x: str, depth: int) -> str:
        assert shape.path is not None
        v, w = f"?_v{depth}", f"?_w{depth}"
        if name in _VALUE_CONSTRAINTS:
            return (f"NOT EXISTS {{ {self._step(x, shape.path, v)} "
                    f"FILTER(!{self._value_test(name, arg, v, depth + 1)}) }}")
        if name == "minCount" and arg == 1:
            return f"EXISTS {{ {self._step(x, shape.path, v)} }}"
        if name == "minCount" and arg == 0:
            return "true"
        if name == "maxCount" and arg == 1:
            return (f"NOT EXISTS {{ {self._step(x, shape.path, v)} "
                    f"{self._step(x, shape.path, w)} FILTER(!sameTerm({v}, {w})) }}")
        raise UnsupportedShapes(f"sh:{name} {arg} inside sh:or/sh:node is not supported")

    def _compile(self) -> Iterator[_Query]:
        """(SPARQL, path, message) per constraint of every targeted shape.

        Where a shape has its own sh:message every constraint of it reports the same
        (focus, path, message), so its value tests become one query and its counts
        another: fewer passes over the graph, the same results."""
        for shape in self.targeted:
            focus = self._focus(shape)
            for name, arg in shape.constraints:
                yield self._query(shape, focus, name, arg, None)
            for prop in shape.properties:
                rest = prop.constraints
                if prop.message is not None:
                    merged, rest = self._merged(prop, focus)
                    yield from merged
                for name, arg in rest:
                    yield self._query(prop, focus, name, arg, prop.path)

    def _merged(self, prop: _Shape, focus: str
                ) -> tuple[list[_Query],
                           list[tuple[str, object]]]:
        assert prop.path is not None and prop.message is not None
        shown = ("^" if prop.path[1] else "") + prop.path[0]
        step = self._step("?f", prop.path, "?v")
        values = [(n, a) for n, a in prop.constraints if n in _VALUE_CONSTRAINTS]
        counts = {n: int(a) for n, a in prop.constraints  # type: ignore[call-overload]
                  if n in ("minCount", "maxCount")}
        rest = [(n, a) for n, a in prop.constraints
                if n not in _VALUE_CONSTRAINTS and n not in counts]
        queries: list[_Query] = []
        if values:
            test = _join([self._value_test(n, a, "?v", 0) for n, a in values], "&&")
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

    def _query(self, shape: _Shape, focus: str, name: str, arg: object,
               path: tuple[str, bool] | None) -> _Query:
        shown = None if path is None else ("^" if path[1] else "") + path[0]
        message = shape.message or _default_message(name, arg)
        if path is None:
            if name in ("minCount", "maxCount", "lessThan", "lessThanOrEquals",
                        "qualifiedValueShape"):
                raise UnsupportedShapes(f"sh:{name} needs a property shape")
            test = self._value_test(name, arg, "?f", 0)
            return f"SELECT ?f WHERE {{ {focus} FILTER(!{test}) }}", shown, message
        step = self._step("?f", path, "?v")
        if name in _VALUE_CONSTRAINTS:
            test = self._value_test(name, arg, "?v", 0)
            return (f"SELECT DISTINCT ?f WHERE {{ {focus} {step} FILTER(!{test}) }}", shown,
                    message)
        if name == "minCount":
            sparql = (f"SELECT ?f WHERE {{ {focus} OPTIONAL {{ {step} }} }} GROUP BY ?f "
                      f"HAVING (COUNT(DISTINCT ?v) < {arg})")
            return sparql, shown, message
        if name == "maxCount":
            sparql = (f"SELECT ?f WHERE {{ {focus} {step} }} GROUP BY ?f "
                      f"HAVING (COUNT(DISTINCT ?v) > {arg})")
            return sparql, shown, message
        if name in ("lessThan", "lessThanOrEquals"):
            op = "<" if name == "lessThan" else "<="
            sparql = (f"SELECT DISTINCT ?f WHERE {{ {focus} {step} ?f <{arg}> ?w "
                      f"FILTER(!COALESCE(?v {op} ?w, false)) }}")
            return sparql, shown, message
        if name == "qualifiedValueShape":
            inner, low, high = cast(tuple[_Shape, int | None, int | None], arg)
            test = self._conforms(inner, "?v", 1)
            having = [f"COUNT(DISTINCT ?v) < {low}" if low is not None else None,
                      f"COUNT(DISTINCT ?v) > {high}" if high is not None else None]
            sparql = (f"SELECT ?f WHERE {{ {focus} OPTIONAL {{ {step} FILTER({test}) }} }} "
                      f"GROUP BY ?f HAVING ({' || '.join(h for h in having if h) or 'false'})")
            return sparql, shown, message
        raise UnsupportedShapes(f"sh:{name} is not supported")

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


def _join(tests: list[str], op: str) -> str:
    # One pair of parentheses at most: Oxigraph's parser rejects "((EXISTS {...}))".
    return tests[0] if len(tests) == 1 else "(" + f" {op} ".join(tests) + ")"


def _default_message(name: str, arg: object) -> str:
    """Used only where a shape has no sh:message (ontology/shapes.ttl gives one each)."""
    return f"sh:{name} constraint violated"
