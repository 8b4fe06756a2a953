"""Écoute: the desktop companion of the listening line's hotliners."""

__version__ = "0.1.0"
