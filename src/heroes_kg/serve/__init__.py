"""``heroes-kg serve``: a read-only SPARQL endpoint over the built graph."""

from .app import Server, find_oxigraph, serve

__all__ = ["Server", "find_oxigraph", "serve"]
