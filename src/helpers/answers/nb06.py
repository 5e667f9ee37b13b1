"""Answers to the exercises of notebook 06."""

from ..exercises import exercise  # noqa: F401
