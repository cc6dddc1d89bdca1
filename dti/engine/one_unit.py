"""The unit of a file that has no unit column: a department's file of one province names it in its title
rows (`UBND TỈNH NINH THUẬN`, `BÁO CÁO SỐ LIỆU DTI NĂM 2024 CỦA TỈNH NINH THUẬN`), or the user gives it."""

from __future__ import annotations

from dti.engine.columns import grid_issue
from dti.io.grid import Grid
from dti.io.register import UnitRegister
from dti.io.table import Table
from dti.issues import Issue, IssueCode, Severity
from dti.words import Note, note


def file_unit(
    table: Table, layout: str, staged: bool, register: UnitRegister, given: str | None
) -> tuple[str | None, Note | Issue | None]:
    """The file's unit and a note saying where it came from; or an issue when the unit given is unknown
    or the titles name several units; (None, None) when nothing names one.

    `given` (--as-unit, a code or a name) wins over the titles. A wide file of several rows without a
    stage column holds several units: its titles are not read for one.
    """
    grid = table.grid
    if given is not None:
        codes, _ = register.resolve([given.strip()])
        code = codes[0]
        if code is None:
            why = {"text": given, "hint": register.did_you_mean(given)}
            return None, grid_issue(
                IssueCode.UNKNOWN_UNIT, Severity.ERROR, "tables.as-unit-unknown", why, grid
            )
        return code, _read_as(register, code, note("tables.from-option", option="--as-unit"))
    if layout == "wide" and not staged and int((~grid.blank).sum()) > 1:
        return None, None
    first_row: dict[str, tuple[int, str]] = {}
    for row, cells in table.titles:
        for text in cells:
            for code in register.named_in(text):
                first_row.setdefault(code, (row, text))
    if not first_row:
        return None, None
    if len(first_row) > 1:
        named = [f"{code} {register.names.get(code, code)} ({row})" for code, (row, _) in first_row.items()]
        return None, grid_issue(
            IssueCode.MISSING_COLUMN,
            Severity.ERROR,
            "tables.title-units",
            {"units": named, "option": "--as-unit"},
            grid,
            row=min(row for row, _ in first_row.values()),
        )
    code, (row, text) = next(iter(first_row.items()))
    return code, _read_as(register, code, note("tables.from-title", row=row, text=text))


def given_beside_column(
    grid: Grid, column: int, units: list[str | None], register: UnitRegister, given: str
) -> Note | Issue:
    """--as-unit for a file that has a unit column: the column is read, which a note says; an error when
    the column names other units than the one given (the wrong file, or the wrong option)."""
    header = grid.header[column]
    code = register.resolve([given.strip()])[0][0]
    named = sorted({u for u in units if u is not None})
    if code is not None and named and named != [code]:
        others = [f"{u} {register.names.get(u, u)}" for u in named if u != code][:5]
        why = {"text": given, "column": header, "units": others}
        return grid_issue(IssueCode.INVALID_OPTION, Severity.ERROR, "tables.as-unit-disagrees", why, grid)
    return note("tables.as-unit-ignored", text=given, column=header)


def _read_as(register: UnitRegister, code: str, source: Note) -> Note:
    return note("tables.read-as", unit=code, name=register.names.get(code, code), source=source)


__all__ = ["file_unit", "given_beside_column"]
