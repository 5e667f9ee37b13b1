"""Logic for notebook on aftermath (see notebooks/)."""

from __future__ import annotations
