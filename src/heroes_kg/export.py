"""The graph in one export format: the public entry point (``from heroes_kg.export import
export``); the formats themselves live in :mod:`heroes_kg.outputs.formats`."""

from .outputs.formats import FORMATS, Format, export, export_to, get_format

__all__ = ["FORMATS", "Format", "export", "export_to", "get_format"]
