"""Unit registers: the units a file may name, matched by code or by folded name."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from dti.io.grid import InputError
from dti.io.headers import ALIASES
from dti.numbers import fold, nfc

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
            with path.open(encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.reader(handle))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise InputError(f"{path}: cannot read the unit register: {exc}") from None
        header = [ALIASES.get(fold(c), fold(c)) for c in rows[0]] if rows else []
        if "unit" not in header or "name" not in header:
            raise InputError(f"{path}: a unit register needs the columns code,name[,region]")
        at = {key: header.index(key) for key in ("unit", "name", "region") if key in header}

        def cell(row: list[str], key: str) -> str:
            return nfc(row[at[key]]) if key in at and at[key] < len(row) else ""

        body = [r for r in rows[1:] if any(r)]
        return cls(
            {cell(r, "unit"): cell(r, "name") for r in body},
            {cell(r, "unit"): cell(r, "region") for r in body},
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
        by_name: dict[str, str] = {}
        for code, name in self.names.items():
            by_name[fold(name)] = code
            by_name[NAME_PREFIXES.sub("", fold(name))] = code
        width = max((len(c) for c in self.names), default=0)
        codes: list[str | None] = []
        repaired = []
        for token in tokens:
            if token in self.names:
                codes.append(token)
                repaired.append(False)
            elif token.isdigit() and token.zfill(width) in self.names:
                codes.append(token.zfill(width))
                repaired.append(True)
            else:
                key = fold(token)
                codes.append(by_name.get(key) or by_name.get(NAME_PREFIXES.sub("", key)))
                repaired.append(False)
        return codes, repaired
