"""The one place that writes files: whole or not at all, never over an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """An output file that cannot or must not be written."""


def write_atomic(path: Path, text: str | list[bytes], inputs: Iterable[Path] = ()) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`.

    Refuse to overwrite one of `inputs`; on failure remove the temporary file and raise OutputError.
    """
    target = path.resolve()
    if any(target == Path(p).resolve() for p in inputs):
        raise OutputError(f"--output {path} is one of the input files: choose another name")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            for part in [text.encode("utf-8")] if isinstance(text, str) else text:
                handle.write(part)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
