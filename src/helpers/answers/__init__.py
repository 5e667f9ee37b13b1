"""The answers to every notebook's exercises, computed from the data (one module a notebook)."""

from . import nb00  # noqa: F401  (importing registers the exercises)
