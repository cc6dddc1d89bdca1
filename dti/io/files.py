"""A file of any supported kind → Grids: CSV and text by csvfile.py, Excel workbooks by xlsx.py and (97-2003)
xls.py, OpenDocument spreadsheets by ods.py (a grid per visible sheet), Word documents' tables by
docxgrid.py (a grid per table with known columns).

What a file is comes from its first bytes, not its name: a workbook saved with a .csv name is read as
the workbook it is, a PDF or an old Word .doc is named as such, an encrypted workbook is said to be.
Every file is read through inputs.read_input (regular files only, up to a size cap). An unsupported or
unreadable file becomes an issue, never an exception.
"""

from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path
from typing import Any

from dti.io.csvfile import read_csv
from dti.io.docxgrid import read_docx
from dti.io.grid import Grid, InputError, reason
from dti.io.inputs import content_kind, read_input
from dti.io.ods import read_ods
from dti.io.xls import read_xls
from dti.io.xlsx import read_sheets
from dti.issues import Issue, IssueCode, Severity, issue
from dti.words import Note, note

TEXT = {".csv", ".txt", ".tsv"}
WORKBOOK = {".xlsx", ".xlsm"}
BOOKS = {".xls", ".ods", ".docx"}  # read by their own readers (xls.py, ods.py, docxgrid.py)
SUPPORTED = TEXT | WORKBOOK | BOOKS
EXCEL = (".xlsx", ".xlsm", ".xls", ".ods")  # workbooks: the files a --sheet can name
READERS = {"xls": read_xls, "ods": read_ods}  # the other workbooks' readers, by kind
# An OLE compound file's streams, named in its directory: what the file is.
OLE_STREAMS = (
    ("EncryptedPackage", "encrypted"),  # an .xlsx/.docx with a password
    ("Workbook", "xls"),
    ("Book", "xls"),  # Excel 5/95
    ("WordDocument", "doc"),
)


def _kind(data: bytes, suffix: str) -> str | None:
    """The file's kind from its content (see inputs.content_kind); a zip's by the parts it lists."""
    kind = content_kind(data[:8])
    if kind == "ole":
        return _ole_kind(data)
    if kind != "zip":
        return kind
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return content_kind(data[:8], archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):  # a damaged zip: what its name says
        return "zip" if suffix in TEXT else None


def _ole_kind(data: bytes) -> str:
    """What a compound file holds, by the streams its directory names: a directory entry is 128 bytes
    from a 128-byte boundary, the name in UTF-16 with its NUL, the name's length in bytes at offset 64
    (the words 'Book' or 'Workbook' in a Word document's text are not an entry). 'damaged' when no entry
    is known and the header's first directory sector lies past the file's end (a file cut short)."""
    for name, kind in OLE_STREAMS:
        raw = name.encode("utf-16-le") + b"\0\0"
        at = data.find(raw)
        while at >= 0:
            if at % 128 == 0 and int.from_bytes(data[at + 64 : at + 66], "little") == len(raw):
                return kind
            at = data.find(raw, at + 1)
    shift = min(int.from_bytes(data[30:32], "little"), 20)  # 512- or 4,096-byte sectors
    first = int.from_bytes(data[48:52], "little")
    return "damaged" if (first + 1) << shift >= len(data) else "ole"


def _read(path: Path, sheet: str | None, issues: list[Issue], every: bool) -> list[Grid] | None:
    """Read one file's grids; an unsupported or unreadable file becomes an issue and None."""
    name = str(path)
    suffix = path.suffix.lower()
    if path.is_dir():  # given to `dti targets`, or a folder with nothing dti reads in it
        issues.append(issue(IssueCode.UNREADABLE_FILE, Severity.ERROR, "io.folder", file=name))
        return None
    try:
        data = read_input(path)
    except OSError as exc:
        if suffix not in SUPPORTED:  # a missing .pdf: its kind is what to say
            return _unsupported(name, suffix, issues)
        return _cannot_read(name, reason(exc), issues)
    kind = _kind(data, suffix)
    if kind == "encrypted":
        return _cannot_read(name, note("files.encrypted", kind=note("files.what.xlsx")), issues)
    if kind == "damaged":  # an .xls or .doc cut short: its directory is gone
        what = note(f"files.what.{suffix[1:]}" if suffix in {".xls", ".doc"} else "files.what.ole")
        return _cannot_read(name, note("files.damaged", kind=what), issues)
    if kind == "doc":  # a Word document: saved again as .docx, its tables are read
        issues.append(issue(IssueCode.UNSUPPORTED_FORMAT, Severity.ERROR, "files.kind-doc", file=name))
        return None
    if kind not in {None, "xlsx", "xls", "ods", "docx"}:
        what = note(f"files.what.{kind}")
        issues.append(
            issue(
                IssueCode.UNSUPPORTED_FORMAT,
                Severity.ERROR,
                "files.kind-other",
                {"kind": what, "suffix": suffix or path.name},
                file=name,
            )
        )
        return None
    if kind is None and suffix not in SUPPORTED:
        return _unsupported(name, suffix, issues)
    if kind is None and suffix in WORKBOOK | BOOKS and _is_text(data):  # a CSV saved as 'bao_cao.xlsx'
        if not any(sep in data[:4096].split(b"\n", 1)[0] for sep in (b",", b";", b"\t", b"|")):
            return _cannot_read(name, note("files.text-not-workbook", suffix=suffix), issues)
        try:
            grid = read_csv(path, data, issues)
        except InputError as exc:
            return _cannot_read(name, exc.note, issues)
        grid.notes.append(note("files.kind-csv", suffix=suffix))
        return [grid]
    if kind is None and suffix in BOOKS:  # a damaged .xls, .ods or .docx: no reader can start on it
        return _cannot_read(name, note("files.damaged", kind=note(f"files.what.{suffix[1:]}")), issues)
    try:
        if kind in READERS or kind == "docx":
            grids = (
                read_docx(path, data, every=every)
                if kind == "docx"
                else READERS[kind](path, sheet, data, every=every)
            )
            if suffix != f".{kind}":
                grids[0].notes.append(
                    note("files.kind-named", kind=note(f"files.what.{kind}"), suffix=suffix or path.name)
                )
            return grids
        if kind == "xlsx" or suffix in WORKBOOK:  # a damaged workbook: its reader says what is wrong
            grids = read_sheets(path, sheet, data=data, every=every)
            if suffix not in WORKBOOK:
                grids[0].notes.append(note("files.kind-xlsx", suffix=suffix or path.name))
            return grids
        return [read_csv(path, data, issues)]
    except InputError as exc:
        return _cannot_read(name, exc.note, issues)


def _is_text(data: bytes) -> bool:
    """Text, not a damaged workbook: no zip signature, and no NUL byte unless it is UTF-16 with a BOM."""
    head = data[:4096]
    return not head.startswith(b"PK") and (b"\x00" not in head or head.startswith((b"\xff\xfe", b"\xfe\xff")))


def _unsupported(name: str, suffix: str, issues: list[Issue]) -> list[Grid] | None:
    issues.append(
        issue(IssueCode.UNSUPPORTED_FORMAT, Severity.ERROR, "io.unsupported", {"suffix": suffix}, file=name)
    )
    return None


def _cannot_read(name: str, why: object, issues: list[Issue]) -> list[Grid] | None:
    issues.append(issue(IssueCode.UNREADABLE_FILE, Severity.ERROR, "io.cannot-read", {"why": why}, file=name))
    return None


def read_grid(
    path: Path, sheet: str | None, issues: list[Issue], notes: list[Note | str] | None = None
) -> Grid | None:
    """Read one file's one table: the named sheet, else the first visible one (target lists, owners,
    task lists, received logs, criteria tables). How the file was read (its kind against its name,
    hidden sheets) goes to `notes`."""
    grids = _read(path, sheet, issues, every=False)
    if grids and notes is not None:
        notes += grids[0].notes
    return grids[0] if grids else None


# Files being read ahead (read_ahead), by path and sheet: the file's stamp, the reading thread, and the
# read (its grids and issues, or its exception)
_AHEAD: dict[tuple[Path, str | None], tuple[tuple[int, int, int], threading.Thread, list[Any]]] = {}


def read_ahead(paths: list[Path], sheet: str | None = None) -> None:
    """Start reading files in a thread of their own, for a read_grids to come (a report's earlier years
    while the report year is read and scored): pyarrow parses a large CSV without holding the GIL, so
    ~0.1 s of a 10,000-commune year is read beside the other's work. The read is read_grids' own (the
    same grids and issues, its exception raised where the grids are asked for); a file changed since is
    read again."""
    for path in paths:
        if (path, sheet) in _AHEAD or not path.is_file():
            continue
        found: list[Any] = []

        def read(path: Path = path, found: list[Any] = found) -> None:
            issues: list[Issue] = []
            try:
                found[:] = [_read(path, sheet, issues, every=True), issues]
            except BaseException as exc:  # noqa: BLE001  # raised where the grids are asked for
                found[:] = [exc]

        thread = threading.Thread(target=read, daemon=True)  # never waited for at exit
        _AHEAD[path, sheet] = (_stamp(path), thread, found)
        thread.start()


def _stamp(path: Path) -> tuple[int, int, int]:
    try:
        found = path.stat()
    except OSError:
        return (-1, -1, -1)
    return (found.st_mtime_ns, found.st_size, found.st_ino)


def _read_once(path: Path, sheet: str | None, issues: list[Issue]) -> list[Grid] | None:
    """_read(every=True), or the read started ahead for this file (when the file is as it was then)."""
    ahead = _AHEAD.pop((path, sheet), None)
    if ahead is not None:
        stamp, thread, found = ahead
        thread.join()
        if stamp == _stamp(path):
            if len(found) == 1:
                raise found[0]
            issues += found[1]
            return found[0]
    return _read(path, sheet, issues, every=True)


def read_grids(paths: list[Path], sheet: str | None = None) -> tuple[list[Grid], list[Issue]]:
    """Read each file once, every visible sheet of a workbook; unreadable and empty files become issues.

    An empty sheet beside sheets with data is left out with a note; a file with nothing is an issue.
    """
    issues: list[Issue] = []
    grids: list[Grid] = []
    for path in paths:
        read = _read_once(path, sheet, issues) or []
        kept = [g for g in read if g.header]
        if read and not kept:
            empty = read[0]
            issues.append(
                issue(IssueCode.NO_DATA, Severity.ERROR, "io.empty", file=str(path), sheet=empty.sheet)
            )
            continue
        empty_sheets = [g.sheet for g in read if not g.header and g.sheet is not None]
        if empty_sheets:
            kept[0].notes.append(note("files.empty-sheets", sheets=empty_sheets))
        if read and kept[0] is not read[0]:
            kept[0].notes[:0] = read[0].notes  # the workbook's notes (hidden sheets) ride on its first grid
        grids += kept
    return grids, issues
