"""Compatibility only: ``aftermath`` (notebook 05) still imports ``june_1957_camps`` from here.
Delete this file when ``aftermath.py`` is gone (nb-b); the rule lives in ``queries``."""

from .queries import june_1957_camps

__all__ = ["june_1957_camps"]
