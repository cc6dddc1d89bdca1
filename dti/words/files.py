"""Reading files: workbooks and their sheets, CSV, file kinds and the limits on what is read."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {}
