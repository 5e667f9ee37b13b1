"""Logic for notebook on june1957 (see notebooks/)."""

from __future__ import annotations
