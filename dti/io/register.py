"""Unit registers: the units a file may name, matched by code or by folded name."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dti.io.grid import InputError
from dti.io.headers import ALIASES
from dti.numbers import fold

DATA_DIR = Path(__file__).parent.parent / "data"
PROVINCES = DATA_DIR / "provinces_2024.csv"
NAME_PREFIXES = re.compile(r"^(tp\.?|thành phố|tỉnh|t\.)\s*", re.IGNORECASE)


@dataclass
class UnitRegister:
    """The units a file may name: code → name and region, with names matched after NFC folding."""

    names: dict[str, str]
    regions: dict[str, str]
    strict: bool = True  # False: any identifier is accepted (local indices without a register)

    @classmethod
    def read(cls, path: Path) -> UnitRegister:
        try:
            text = path.read_text(encoding="utf-8-sig")
            if not unicodedata.is_normalized("NFC", text):
                text = unicodedata.normalize("NFC", text)
            rows = list(csv.reader(io.StringIO(text, newline="")))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise InputError(f"{path}: cannot read the unit register: {exc}") from None
        header = [ALIASES.get(fold(c), fold(c)) for c in rows[0]] if rows else []
        if "unit" not in header or "name" not in header:
            raise InputError(f"{path}: a unit register needs the columns code,name[,region]")
        at: dict[str, int] = {k: header.index(k) for k in ("unit", "name", "region") if k in header}

        def column(key: str) -> list[str]:
            j = at.get(key, -1)
            return [r[j].strip() if 0 <= j < len(r) else "" for r in body]

        body = [r for r in rows[1:] if any(r)]
        codes = column("unit")
        return cls(
            dict(zip(codes, column("name"), strict=True)), dict(zip(codes, column("region"), strict=True))
        )

    @classmethod
    def provinces(cls) -> UnitRegister:
        return cls.read(PROVINCES)

    @classmethod
    def free(cls) -> UnitRegister:
        return cls({}, {}, strict=False)

    def resolve(self, tokens: list[str]) -> tuple[list[str | None], list[bool]]:
        """Resolve distinct unit texts to codes (None if unknown), and whether a lost zero was repaired."""
        if not self.strict:
            return list(tokens), [False] * len(tokens)
        codes: list[str | None] = [t if t in self.names else None for t in tokens]
        repaired = [False] * len(tokens)
        unresolved = [i for i, c in enumerate(codes) if c is None]
        if not unresolved:
            return codes, repaired
        by_name: dict[str, str] = {}  # folded names, built only when some text is not a code
        for code, name in self.names.items():
            by_name[fold(name)] = code
            by_name[NAME_PREFIXES.sub("", fold(name))] = code
        width = max((len(c) for c in self.names), default=0)
        for i in unresolved:
            token = tokens[i]
            if token.isdigit() and token.zfill(width) in self.names:
                codes[i], repaired[i] = token.zfill(width), True
            else:
                key = fold(token)
                codes[i] = by_name.get(key) or by_name.get(NAME_PREFIXES.sub("", key))
        return codes, repaired
