"""Answers as units write them: numbers with counts and unit words, yes/no in full."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {}
