"""Words of the report as a Word draft and PDF (`dti report -o bao_cao.docx|.pdf`): the administrative
header block, section titles and the sentences that carry the figures. Key -> (Vietnamese, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {}
