"""Finding the table in a sheet: titles, headers, footers and signature blocks, the unit a file is about."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {}
