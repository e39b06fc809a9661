"""The version of heroes-kg, written once."""

__version__ = "0.1.0"
