"""Validation of the built graph: SHACL (compiled to SPARQL, or pySHACL) and the checks no
shape expresses."""

from .graph import validate_graph

__all__ = ["validate_graph"]
