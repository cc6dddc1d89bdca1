"""Find the table in a sheet: title rows above the header, a header over two rows, repeated headers at
page breaks, summary rows (`Trung bình cả nước`) and footnotes below — each skipped and said so.

A file whose first row is its header passes through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from dti.io.grid import Column, Grid
from dti.io.headers import SUB_RANK, SUB_VALUE, is_footer_mark, is_mean, is_summary
from dti.text import header_key
from dti.words import Note, note

SCAN_ROWS = 30  # the header is looked for in the first rows only
YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


@dataclass
class Table:
    """The grid cut to its table, and what was cut."""

    grid: Grid
    header_rows: list[int]  # spreadsheet rows that make the header (one or two)
    groups: list[str]  # the group label above each column of a two-row header ('' otherwise)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (spreadsheet row, why)
    title_year: int | None = None  # a year named in the title rows
    titles: list[tuple[int, list[str]]] = field(default_factory=list)  # (spreadsheet row, its lines) above
    # The table's own mean rows (`Trung bình cả nước`): skipped as units, kept as the published means,
    # with the label each row gives
    means: Grid | None = None
    mean_labels: list[str] = field(default_factory=list)


def _raw_rows(grid: Grid, count: int) -> list[list[str]]:
    """The first rows as text, the header row first (the grid holds row 1 as its header)."""
    rows = [list(grid.header) + [""] * (len(grid.columns) - len(grid.header))]
    for i in range(min(count, len(grid.rows))):  # a few rows: no copy of a column's distinct texts
        rows.append([c.texts[c.codes[i]] if c.texts else "" for c in grid.columns])
    return rows


def find_table(grid: Grid, known: Callable[[str], bool]) -> Table:
    """Locate the header (the row among the first ones that names the most known columns) and the body.

    `known(text)` says whether a header text means something (a column alias or a node of the spec).
    """
    rows = _raw_rows(grid, SCAN_ROWS)
    scores = [sum(1 for cell in row if cell.strip() and known(cell)) for row in rows]
    at = int(np.argmax(scores)) if max(scores, default=0) > 0 else 0
    subs_here = sum(1 for cell in rows[at] if header_key(cell) in SUB_VALUE | SUB_RANK)
    if at > 0 and subs_here >= 2 and scores[at - 1] > 0:
        at -= 1  # `Giá trị | Xếp hạng` under the row that names the groups: the header starts above
    header = [c.strip() for c in rows[at]]
    groups = [""] * len(header)
    used = [at]
    below = rows[at + 1] if at + 1 < len(rows) else []
    subs = [j for j, cell in enumerate(below) if header_key(cell) in SUB_VALUE | SUB_RANK]
    if len(subs) >= 2 or (subs and any(not header[j] for j in subs)):
        carried = ""
        for j, label in enumerate(header):
            carried = label or carried
            if j in subs:
                groups[j] = carried
                header[j] = below[j].strip()
        used.append(at + 1)
    # Spreadsheet rows: the grid's header is row `grid.rows[0] - 1`; body row i is grid.rows[i].
    first_body = max(used)  # index in `rows`; body rows of the grid are rows[1:]
    title = [" ".join(r) for r in rows[:at]]
    year = next((int(m.group(1)) for t in title for m in [YEAR.search(t)] if m), None)
    keep = np.ones(len(grid.rows), dtype=bool)
    keep[:first_body] = False  # title rows and the header itself (body index = rows index - 1)
    skipped = [(_row_number(grid, i), "title") for i in range(at)]
    skipped += [(_row_number(grid, i), "header") for i in used]
    keep, more, meant = _skip_inside(grid, keep, rows[at])
    skipped += [s for s in more if s[0] not in {r for r, _ in skipped}]
    if at == 0 and len(used) == 1 and keep.all():
        return Table(grid, [1], groups)
    named = max((j for j, h in enumerate(header) if h), default=-1) + 1
    body = Grid(
        grid.path,
        grid.sheet,
        header[:named],  # a wider title or footer row gave the sheet its width, not the table
        [column.take(keep) for column in grid.columns],
        grid.rows[keep],
        grid.blank[keep],
        grid.lengths[keep] if len(grid.lengths) else grid.lengths,
        table=grid.table,
    )
    # each line of a cell is a title line ('UBND TỈNH NINH THUẬN⏎SỞ KHOA HỌC VÀ CÔNG NGHỆ' in one cell)
    titles = [(_row_number(grid, i), _lines(rows[i])) for i in range(at)]
    table = Table(body, [_row_number(grid, i) for i in used], groups, sorted(skipped), year, titles)
    if meant.any():
        table.means = Grid(
            grid.path,
            grid.sheet,
            header[:named],
            [column.take(meant) for column in grid.columns],
            grid.rows[meant],
            grid.blank[meant],
            grid.lengths[meant] if len(grid.lengths) else grid.lengths,
            table=grid.table,
        )
        table.mean_labels = [_mean_label(grid, i) for i in np.flatnonzero(meant).tolist()]
    return table


def _lines(row: list[str]) -> list[str]:
    return [line.strip() for cell in row for line in cell.split("\n") if line.strip()]


def _mean_label(grid: Grid, i: int) -> str:
    """The label of mean row i: its first text (in the first three columns) that names a mean."""
    texts = (c.texts[c.codes[i]].strip() for c in grid.columns[:3] if c.texts)
    return next((t for t in texts if is_mean(t)), "")


def _row_number(grid: Grid, index: int) -> int:
    """The spreadsheet row of rows[index] (rows[0] is the grid's header row)."""
    return int(grid.rows[0]) - 1 + index if len(grid.rows) else index + 1


def _skip_inside(
    grid: Grid, keep: np.ndarray, header: list[str]
) -> tuple[np.ndarray, list[tuple[int, str]], np.ndarray]:
    """Drop repeated headers, summary rows and the footnotes after the last data row; also say which of
    the summary rows hold a mean.

    Each test runs once per distinct text, and only on texts that could pass it (a quick look at the
    first letter or the length first), so a 100,000-row file costs milliseconds here.
    """
    n = len(grid.rows)
    keep = keep.copy()
    filled = np.zeros(n, dtype=int)
    summary = np.zeros(n, dtype=bool)
    mean = np.zeros(n, dtype=bool)
    header_keys = [header_key(h) for h in header]
    for j, column in enumerate(grid.columns):
        if not column.texts:
            continue
        filled += ~column.blank[column.codes]
        if j < 3:
            flagged = np.array(
                [
                    t.lstrip()[:1].casefold() in "tcbđ"
                    and (len(t) <= 24 or (len(t) <= 80 and t.lstrip()[:1].casefold() in "tb"))
                    and is_summary(t)
                    for t in column.texts
                ],
                dtype=bool,
            )
            summary |= flagged[column.codes]
            means = np.zeros(len(column.texts), dtype=bool)
            means[flagged] = [is_mean(column.texts[c]) for c in np.flatnonzero(flagged).tolist()]
            mean |= means[column.codes]
    # A repeated header repeats the first named column's header: look there, then count the row's matches.
    repeats = np.zeros(n, dtype=int)
    first = next((j for j, k in enumerate(header_keys) if k and j < len(grid.columns)), None)
    if first is not None:
        column = grid.columns[first]
        written = header[first].strip().casefold()  # a page break repeats the header as it was written
        hits = [c for c, t in enumerate(column.texts) if t.strip().casefold() == written]
        for i in np.flatnonzero(np.isin(column.codes, hits)).tolist():
            repeats[i] = sum(
                1
                for j, key in enumerate(header_keys)
                if key
                and j < len(grid.columns)
                and header_key(grid.columns[j].texts[grid.columns[j].codes[i]]) == key
            )
    named = sum(1 for k in header_keys if k)
    repeated = (repeats * 2 >= max(named, 1)) & (repeats >= 2)
    skipped: list[tuple[int, str]] = []
    for i in np.flatnonzero(keep & repeated).tolist():
        keep[i] = False
        skipped.append((int(grid.rows[i]), "repeated header"))
    summary &= keep & ~repeated
    for i in np.flatnonzero(summary).tolist():
        keep[i] = False
        skipped.append((int(grid.rows[i]), "summary"))
    keep, tail = _skip_tail(grid, keep, filled, min(3, max(named, 1)))
    return keep, skipped + tail, summary & mean


NOTE_START = ("ghi chu", "nguon", "chu thich", "luu y", "note", "source")
OTHER, SENTENCE, NOTE, NAME, MARK = range(1, 6)  # what a text below a table may be (0: empty)


def _kind(text: str) -> int:
    """What a text is, read alone: a footnote ('Ghi chú: …', 'Nguồn: …', '(*) …'), a long sentence, a
    footer mark (date line, signature title, '(Ký, ghi rõ họ tên)', 'Nơi nhận:'), a name ('Nguyễn Văn
    An', '- Sở Y tế;') or anything else (numbers, codes, answers)."""
    stripped = text.strip()
    if not stripped:
        return 0
    if stripped[0].isdigit():  # numbers, codes and ratios: the bulk of a table, decided at once
        return OTHER
    if stripped.startswith(("*", "(*")) or header_key(stripped).startswith(NOTE_START):
        return NOTE
    if is_footer_mark(stripped):
        return MARK
    if len(stripped) > 60:
        return SENTENCE
    words = stripped.lstrip("-+• ").split()
    if stripped[0] in "-+•" or (2 <= len(words) <= 5 and all(w[0].isupper() and w.isalpha() for w in words)):
        return NAME  # a signer, or an item of the recipients' list
    return OTHER


def _tail_kinds(grid: Grid, lo: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For the rows from `lo` on: does a row hold a data text, a footnote, a footer mark, a sentence."""
    n = len(grid.rows) - lo
    other, noted, marked, sentence = (np.zeros(n, dtype=bool) for _ in range(4))
    for column in grid.columns:
        if not column.texts:
            continue
        codes = column.codes[lo:]
        present = np.unique(codes)  # only the texts these rows hold are classified
        kind_of = np.zeros(len(column.texts), dtype=np.int8)
        kind_of[present] = [_kind(column.texts[c]) for c in present.tolist()]
        kinds = kind_of[codes]
        other |= kinds == OTHER
        noted |= kinds == NOTE
        marked |= kinds == MARK
        sentence |= kinds == SENTENCE
    return other, noted, marked, sentence


def _skip_tail(
    grid: Grid, keep: np.ndarray, filled: np.ndarray, wide: int
) -> tuple[np.ndarray, list[tuple[int, str]]]:
    """Drop what follows the last row of data: footnotes, and the footer from its first mark (a date line,
    a signature title, `Nơi nhận:`) to the end, with the blank rows and notes that separate it from the
    data.

    A data row fills `wide` cells or more and holds a text that no footer holds. The last one is looked
    for in the last rows first (64, then 4 times as many...): a footer is short, and each text of the rows
    looked at is classified once (`_kind`), so a 100,000-row file costs what its tail costs.
    """
    n = len(grid.rows)
    size = 64
    while True:
        lo = max(n - size, 0)
        other, noted, marked, sentence = _tail_kinds(grid, lo)
        footnote = (filled[lo:] >= 1) & (filled[lo:] <= 2) & (noted | (sentence & ~other))
        data = np.flatnonzero(keep[lo:] & (filled[lo:] >= wide) & other & ~footnote)
        if len(data) or lo == 0:
            break
        size *= 4
    after = int(data[-1]) + 1 if len(data) else 0  # from here on, indices count from `lo`
    skipped: list[tuple[int, str]] = []
    keep = keep.copy()
    tail = keep[lo:]
    marks = np.flatnonzero(tail[after:] & marked[after:] & ~other[after:]) + after
    start = int(marks[0]) if len(marks) else n - lo
    blank = (grid.blank if len(grid.blank) == n else filled == 0)[lo:]
    while after < start < n - lo and tail[start - 1] and (blank[start - 1] or footnote[start - 1]):
        start -= 1  # the blank rows (and notes) between the data and the footer belong to the footer
    for i in (np.flatnonzero(tail[after:start] & footnote[after:start]) + after).tolist():
        skipped.append((int(grid.rows[lo + i]), "footnote"))
    for i in (np.flatnonzero(tail[start:]) + start).tolist():
        skipped.append((int(grid.rows[lo + i]), "footer"))
    tail[after:start] &= ~footnote[after:start]
    tail[start:] = False
    # blank rows with nothing but footnotes after them (`Trung bình cả nước`, a blank row, `Nguồn: …`)
    rest = np.flatnonzero(tail[after:start] & ~blank[after:start]) + after
    end = int(rest[-1]) + 1 if len(rest) else after
    tail[end:start] &= ~blank[end:start]
    return keep, skipped


REASONS = {
    "title": "io.row.title",
    "repeated header": "io.row.repeated-header",
    "summary": "io.row.summary",
    "footnote": "io.row.footnote",
    "footer": "tables.row.footer",
}


def describe(table: Table) -> Note | None:
    """A note for stderr: which row was the header and which rows were skipped, when not the plain case."""
    if table.header_rows == [1] and not table.skipped:
        return None
    means = set(table.means.rows.tolist()) if table.means is not None else set()
    by_reason: dict[str, list[int]] = {}
    for row, reason in table.skipped:
        if reason != "header":
            by_reason.setdefault("mean" if row in means else reason, []).append(row)
    skipped: Note | str = ""  # each reason's note holds the next one: "; skipped title rows 1-3; skipped ..."
    for reason, rows in reversed(by_reason.items()):
        if reason == "mean":  # not a unit, but read: the published mean
            many = "label.means.rows" if len(rows) > 1 else "label.means.row"
            skipped = note(many, rows=_ranges(rows), more=skipped)
            continue
        kind = note(REASONS[reason])
        many = "io.skipped-many" if len(rows) > 1 else "io.skipped-one"
        skipped = note(many, what=kind, rows=_ranges(rows), more=skipped)
    return note("io.table-read", header="-".join(map(str, table.header_rows)), skipped=skipped)


def _ranges(rows: list[int]) -> str:
    out: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
        if r is not None:
            start = prev = r
    return ", ".join(out)


__all__ = ["Column", "Table", "describe", "find_table"]
