"""What a command reads once however many files it reads (rank reads a file per year, report its previous
years): the --units register and the --spec, each kept while the file is as it was."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dti.io.register import UnitRegister
    from dti.spec import Spec


def register(units: Path | None) -> UnitRegister | None:
    """The --units register, read once per command (rank reads a file per year, score a previous year)."""
    if units is None:
        return None
    try:
        stamp = units.stat()
    except OSError:
        return _read_register(units, 0, -1)  # the reader reports why it cannot be read
    return _read_register(units, stamp.st_mtime_ns, stamp.st_size)


@functools.lru_cache(maxsize=4)
def _read_register(units: Path, mtime: int, size: int) -> UnitRegister:
    from dti.io.register import UnitRegister

    return UnitRegister.read(units)


def spec_of(ref: str | None) -> Spec | None:
    """The --spec, read once per command (report and rank read a file per year); None when not given."""
    if ref is None:
        return None
    try:
        stamp = Path(ref).stat()
    except OSError:  # a bundled id, or a file the loader reports
        return _load_spec(ref, 0, -1)
    return _load_spec(ref, stamp.st_mtime_ns, stamp.st_size)


@functools.lru_cache(maxsize=4)
def _load_spec(ref: str, mtime: int, size: int) -> Spec:
    from dti.spec import load_spec

    return load_spec(ref)
