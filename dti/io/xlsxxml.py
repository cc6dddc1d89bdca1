"""The bounded, DTD-free XML streaming that every part of an XLSX package is read through, and its limits.

Files come from other people: each part is parsed with DTDs refused, so no entity can expand, and the
reader's caps (rows, columns, cells, unpacked bytes) can be raised by DTI_XLSX_MAX_* variables.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any
from xml.parsers import expat

from dti.io.grid import InputError
from dti.words import Note, note

# A province file is ~6,300 rows of 4 cells (long) or 63 rows of ~110 (wide); 10,000 communes of 20
# criteria, long, are 200,000 rows. The caps leave room for that. This reader takes ~2.7 µs a cell
# (expat calls back five times a cell): a sheet at the cell cap, which a 10 MB zip can hold, ~7 s.
MAX_ROWS = 500_000
MAX_COLUMNS = 2_000
MAX_CELLS = 2_500_000  # rows × columns of the grid, every <c> element of the sheet, and shared strings
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all parts of the archive, as declared by its directory
ENV = {"rows": "MAX_ROWS", "columns": "MAX_COLUMNS", "cells": "MAX_CELLS", "unpacked_bytes": "MAX_BYTES"}


@dataclass(frozen=True)
class XlsxLimits:
    rows: int = MAX_ROWS
    columns: int = MAX_COLUMNS
    cells: int = MAX_CELLS
    unpacked_bytes: int = MAX_UNPACKED_BYTES
    prefix: str = "DTI_XLSX"  # the environment variables that raise them: DTI_XLSX_MAX_CELLS …

    @classmethod
    def from_env(cls, prefix: str = "DTI_XLSX", **defaults: int) -> XlsxLimits:
        """The defaults (the class's, or those given), each replaced by its {prefix}_MAX_* environment
        variable when that is a number."""
        values: dict[str, int] = dict(defaults)
        for name, env in ENV.items():
            raw = os.environ.get(f"{prefix}_{env}", "").strip().replace("_", "")
            if raw.isdigit() and int(raw) > 0:
                values[name] = int(raw)
        return cls(**values, prefix=prefix)

    def over(self, what: Note, name: str) -> InputError:
        """A file over the limit `name`d: `what` it holds, the limit and the variable that raises it."""
        return over_limit(what, name, getattr(self, name), self.prefix)

    def check_unpacked(self, archive: zipfile.ZipFile) -> None:
        """Refuse a zip bomb (an .xlsx, .ods or .docx) from its directory, before anything is unpacked:
        zipfile stops each part at its declared size, so the directory's sizes bound what is read."""
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > self.unpacked_bytes:
            raise self.over(note("io.limit.unpacked", size=float(unpacked)), "unpacked_bytes")


class EntitiesForbidden(ValueError):
    """An XML part declares a DTD: its entities could expand to gigabytes, so none is accepted."""


def over_limit(what: Note, name: str, limit: int, prefix: str = "DTI_XLSX") -> InputError:
    """A file over one of the limits: `what` it holds, the limit `name`d and how to raise it."""
    unit = note(f"io.limit.unit.{name}")
    env = f"{prefix}_{ENV[name]}"
    return InputError(note("io.limit.over", what=what, limit=float(limit), unit=unit, env=env))


Start = Callable[[str, dict[str, str]], None]
End = Callable[[str], None]


def _refuse_dtd(*_: Any) -> None:
    raise EntitiesForbidden("the XML declares a DTD (entities are not accepted)")


def _parser() -> Any:
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_dtd  # an internal DTD is where entities are declared
    parser.EntityDeclHandler = _refuse_dtd
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)  # no external DTD is fetched
    return parser


def check_xml(data: bytes) -> None:
    """Raise ExpatError unless `data` is well-formed XML (EntitiesForbidden if it declares a DTD)."""
    _parser().Parse(data, True)


def parse_part(
    archive: zipfile.ZipFile, part: str, start: Start, end: End, text: Callable[[str], None]
) -> None:
    """Stream one part through expat (names as written: 'c', or 'x:c' under a prefix)."""
    parser = _parser()
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    with archive.open(part) as stream:
        _feed(parser, stream)


def _feed(parser: Any, stream: IO[bytes]) -> None:
    while chunk := stream.read(1 << 20):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


def local_name(name: str) -> str:
    return name.rpartition(":")[2]


def elements(archive: zipfile.ZipFile, part: str) -> list[tuple[str, str, dict[str, str]]]:
    """(parent, element, attributes) of every element of a small part, local names, in order."""
    found: list[tuple[str, str, dict[str, str]]] = []
    stack = [""]

    def start(name: str, attrs: dict[str, str]) -> None:
        local = local_name(name)
        found.append((stack[-1], local, {local_name(k): v for k, v in attrs.items()}))
        stack.append(local)

    def end(_: str) -> None:
        stack.pop()

    parse_part(archive, part, start, end, lambda _: None)
    return found
