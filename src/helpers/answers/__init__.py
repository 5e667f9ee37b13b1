"""The answers to every notebook's exercises, computed from the data (one module a notebook)."""

from . import nb00, nb01, nb02, nb03, nb04, nb05, nb06, nb07  # noqa: F401  (importing registers)
