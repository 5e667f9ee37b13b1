"""Answers to the exercises of notebook 04."""

from ..exercises import exercise  # noqa: F401
