"""Which sheets of a workbook are read (.xls, .ods): the one --sheet names, hidden or not, else every visible
one, the hidden ones said in a note (as dti/io/xlsx.py does for .xlsx)."""

from __future__ import annotations

from dti.io.grid import InputError
from dti.words import note


def chosen_sheets(sheets: list[tuple[str, bool]], name: str | None) -> tuple[list[int], list[str]]:
    """The indices of the sheets to read among (title, hidden) pairs, and the hidden ones left out."""
    if name is not None:
        for index, (title, _) in enumerate(sheets):
            if title == name:
                return [index], []
        raise InputError(note("io.no-sheet", sheet=name, sheets=[title for title, _ in sheets]))
    visible = [i for i, (_, hidden) in enumerate(sheets) if not hidden]
    if not visible and sheets:
        raise InputError(note("files.only-hidden", sheets=[title for title, _ in sheets]))
    if not visible:
        raise InputError(note("io.no-worksheet"))
    return visible, [title for title, hidden in sheets if hidden]
