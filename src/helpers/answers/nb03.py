"""Answers to the exercises of notebook 03."""

from ..exercises import exercise  # noqa: F401
