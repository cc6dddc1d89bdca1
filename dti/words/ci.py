"""Words of the reports CI systems read (`dti validate --format junit|sarif|markdown`, `--changed`) and of
the job summary. Key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {}
