"""Words of the collection workbook (`dti template`) and of reading returned templates back: sheet titles,
column headers, guidance, input messages. Key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {}
