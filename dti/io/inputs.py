"""The one way any input file is read: regular files only, up to a size cap, and what a file is by content.

A FIFO would block the read forever and a character device (/dev/zero) would be read until memory runs
out, so anything that is not a regular file is refused before it is opened for reading. Every reader
(CSV, XLSX, YAML specs, owners, rules, targets, registers) goes through `read_input`.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

from dti.words import Note, note

MAX_INPUT_BYTES = 256 * 1024 * 1024  # no input dti reads comes near this; DTI_MAX_INPUT_BYTES raises it
INPUT_ENV = "DTI_MAX_INPUT_BYTES"


class InputError(Exception):
    """An input that cannot be read at all (not a file, unreadable register...): `note` says why, in
    words the views put in the user's language; str() is its English text."""

    def __init__(self, why: Note | str) -> None:
        super().__init__(str(why))
        self.note = why


class NotAnInput(OSError):
    """A path that is not a regular file, or too large to read: an OSError, so every reader that already
    reports a missing file reports this one the same way, with `note` saying why and what to do."""

    def __init__(self, why: Note) -> None:
        super().__init__(str(why))
        self.note = why


def reason(exc: BaseException) -> Note | str:
    """Why a file could not be read: the system's reason in words (never Python's '[Errno 2] …' text), or
    the parser's own message."""
    if isinstance(exc, NotAnInput | InputError):
        return exc.note
    if not isinstance(exc, OSError):
        return str(exc)
    kinds = {errno.ENOENT: "missing", errno.EACCES: "denied", errno.EPERM: "denied", errno.EISDIR: "folder"}
    kind = kinds.get(exc.errno or 0)
    return Note(f"io.os.{kind}") if kind else Note("io.os.other", (("why", exc.strerror or str(exc)),))


def input_limit() -> int:
    """The size cap: MAX_INPUT_BYTES, or DTI_MAX_INPUT_BYTES when that is a positive number."""
    raw = os.environ.get(INPUT_ENV, "").strip().replace("_", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else MAX_INPUT_BYTES


def _kind(mode: int) -> str | None:
    """What a path that is not a regular file is (None: a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"  # character and block devices


def _refuse_special(mode: int) -> None:
    kind = _kind(mode)
    if kind == "folder":
        raise IsADirectoryError(errno.EISDIR, "Is a directory")
    if kind is not None:
        raise NotAnInput(note("files.not-regular", kind=note(f"files.kind.{kind}")))


def read_input(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; NotAnInput (an OSError) for anything else.

    The path is checked before it is opened, and the opened file again (a FIFO swapped in between must
    not block): it is opened without blocking, and read only if it is a regular file.
    """
    limit = input_limit() if limit is None else limit
    _refuse_special(os.stat(path).st_mode)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        _refuse_special(os.fstat(fd).st_mode)
        data = handle.read(limit + 1)
    if len(data) > limit:
        unit = note("files.unit.bytes")
        raise NotAnInput(
            note("io.limit.over", what=note("files.size"), limit=float(limit), unit=unit, env=INPUT_ENV)
        )
    return data


def read_input_text(path: Path, encoding: str = "utf-8-sig") -> str:
    """A regular text file's text (UTF-8 with or without a BOM by default), as read_input bounds it."""
    return read_input(path).decode(encoding)


def open_input(path: Path) -> io.BytesIO:
    """A regular file's bytes as a binary file (for zipfile), as read_input bounds them."""
    return io.BytesIO(read_input(path))


# What a file is by its first bytes, whatever its name says.
SIGNATURES = ((b"%PDF", "pdf"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"), (b"PK\x03\x04", "zip"))


def content_kind(data: bytes, names: list[str] | None = None) -> str | None:
    """'xlsx', 'docx', 'ods', 'zip', 'pdf' or 'ole' (an old .xls or .doc) from a file's first bytes and,
    for a zip, the parts it lists; None for anything else (text)."""
    kind = next((k for magic, k in SIGNATURES if data.startswith(magic)), None)
    if kind != "zip" or names is None:
        return kind
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("word/") for n in names):
        return "docx"
    if "content.xml" in names and any(n == "mimetype" for n in names):
        return "ods"
    return "zip"
