"""Answers to the exercises of notebook 01."""

from ..exercises import exercise  # noqa: F401
