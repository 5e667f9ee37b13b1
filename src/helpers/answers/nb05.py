"""Answers to the exercises of notebook 05."""

from ..exercises import exercise  # noqa: F401
