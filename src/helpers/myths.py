"""Logic for notebook on myths (see notebooks/)."""

from __future__ import annotations
