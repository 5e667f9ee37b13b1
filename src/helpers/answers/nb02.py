"""Answers to the exercises of notebook 02."""

from ..exercises import exercise  # noqa: F401
