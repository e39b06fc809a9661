"""SPARQL over the graph: inline, from a file or a named query in queries/, with bindings,
optional OWL-RL inference and a time limit; results as plain Python values."""

from ._stream import streamable
from .engine import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    KnowledgeGraph,
    NamedQuery,
    QueryResult,
    QueryTimeout,
    Term,
    list_queries,
    named_query,
    open_current,
    prefixes,
    resolve_query,
    run_query,
    to_python,
)
from .guard import MAX_DEPTH, MAX_STRUCTURE, QueryRefused, check_query, check_timeout

__all__ = [
    "GRAPH_FORMATS",
    "MAX_DEPTH",
    "MAX_STRUCTURE",
    "RESULT_FORMATS",
    "KnowledgeGraph",
    "NamedQuery",
    "QueryRefused",
    "QueryResult",
    "QueryTimeout",
    "Term",
    "check_query",
    "check_timeout",
    "list_queries",
    "named_query",
    "open_current",
    "prefixes",
    "resolve_query",
    "run_query",
    "streamable",
    "to_python",
]
