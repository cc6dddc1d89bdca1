"""The one place that writes files (and stdout): whole or not at all, never over an input or a device.

`-o` takes a regular file we may write or a new path (a read-only file is refused, as the shell's `>`
refuses it; a path ending in '/' is refused by the CLI, as it names a folder). A symlink is followed, as
the shell's `>` follows it: its target is replaced and the link stays. A directory, a device (`/dev/null`,
`/dev/stdout`), a named pipe, a socket, or the file stdout or stderr goes to (`-o /dev/stdout > log`) is
refused. The temporary file has a short name beside the target (so the longest valid name still works),
is removed on every failure and on SIGINT/SIGTERM, and the result gets the mode a new file gets under
the umask, or the mode of the file it replaces.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Any, TextIO

from dti.words import Note, note

TEMP_PREFIX = ".dti-"  # + 8 hex digits + ".tmp": 17 characters whatever the target's name
NOT_REGULAR = {
    stat.S_IFCHR: "refusal.kind-device",
    stat.S_IFBLK: "refusal.kind-device",
    stat.S_IFIFO: "refusal.kind-pipe",
    stat.S_IFSOCK: "refusal.kind-socket",
}


class OutputError(Exception):
    """An output file that cannot or must not be written: `note` says why (worded by the CLI in the
    user's language); str() is its English text."""

    def __init__(self, why: Note) -> None:
        super().__init__(str(why))
        self.note = why


class StdoutError(OutputError):
    """stdout is closed, or cannot take more (a full disk): nothing more can be written there."""

    def __init__(self, exc: OSError) -> None:
        self.broken_pipe = exc.errno == errno.EPIPE
        super().__init__(note("refusal.stdout", why=exc.strerror or str(exc)))


def write_atomic(path: Path, text: str | Iterable[bytes], inputs: Iterable[Path] = ()) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`.

    Refuse to overwrite one of `inputs` or anything but a regular file; on failure (or SIGINT/SIGTERM)
    remove the temporary file; raise OutputError.
    """
    target, existing = _target(Path(path), inputs)
    parts = [text.encode("utf-8")] if isinstance(text, str) else text
    temporary: list[Path] = []
    try:
        with _removed_on_signal(temporary):
            fd, tmp = _create_beside(target)
            temporary.append(tmp)
            with os.fdopen(fd, "wb") as handle:
                if existing is not None:
                    _copy_mode(handle, tmp, existing)
                for part in parts:
                    handle.write(part)
                handle.flush()
                os.fsync(handle.fileno())  # a full disk shows here, not after the rename
            os.replace(tmp, target)
            temporary.clear()
    except OSError as exc:
        raise OutputError(note("refusal.cannot-write", path=str(path), why=exc.strerror or str(exc))) from exc
    finally:
        for tmp in temporary:
            tmp.unlink(missing_ok=True)


def check_output(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output path before any work is done (the same checks write_atomic makes)."""
    _target(path, inputs)


def _target(path: Path, inputs: Iterable[Path]) -> tuple[Path, os.stat_result | None]:
    """The file to replace (a symlink followed) and its status, or None for a new file."""
    target = Path(os.path.realpath(path))
    try:
        existing: os.stat_result | None = os.stat(path)  # through symlinks: /dev/stdout is a pipe
    except FileNotFoundError:
        existing = None
    except OSError as exc:  # a symlink loop, a path through a file, no permission
        raise OutputError(note("refusal.cannot-write", path=str(path), why=exc.strerror or str(exc))) from exc
    if existing is None and not target.parent.is_dir():
        raise OutputError(note("refusal.no-directory", path=str(path), directory=str(target.parent)))
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError(note("refusal.output-directory", path=str(path)))
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        kind = NOT_REGULAR.get(stat.S_IFMT(existing.st_mode), "refusal.kind-other")
        raise OutputError(note("refusal.output-special", path=str(path), kind=Note(kind)))
    if existing is not None and not _writable(path, existing):
        raise OutputError(note("refusal.output-read-only", path=str(path)))
    if existing is not None and _standard_stream(existing):
        raise OutputError(note("refusal.output-stream", path=str(path)))
    for given in inputs:
        if target == Path(os.path.realpath(given)) or _same_file(existing, given):
            raise OutputError(note("refusal.output-input", path=str(path)))
    return target, existing


def _writable(path: Path, existing: os.stat_result) -> bool:
    """False for a file the shell's `>` would refuse: no write permission for us, or (for root, whom
    permissions do not stop) no write bit for anyone: a file someone made read-only on purpose."""
    return os.access(path, os.W_OK) and bool(stat.S_IMODE(existing.st_mode) & 0o222)


def _standard_stream(existing: os.stat_result) -> bool:
    """True for the file behind stdin, stdout or stderr (`-o /dev/stdout` with stdout sent to a file).

    Renaming over it would drop what was written there before and send what follows to a deleted file.
    """
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            if os.path.samestat(existing, os.fstat(fd)):
                return True
    return False


def _same_file(existing: os.stat_result | None, other: Path) -> bool:
    """True for a hard link to the same file."""
    if existing is None:
        return False
    try:
        return os.path.samestat(existing, os.stat(other))
    except OSError:
        return False


def _create_beside(target: Path) -> tuple[int, Path]:
    """A new, empty file with a short random name in the target's directory (mode 0666 less the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        # os.urandom, not the secrets module: importing it (hmac, hashlib) took ~8 ms of every run
        tmp = target.parent / f"{TEMP_PREFIX}{os.urandom(4).hex()}.tmp"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, f"no free temporary name in {target.parent}")


def _copy_mode(handle: IO[bytes], tmp: Path, existing: os.stat_result) -> None:
    """Give the new file the replaced file's permissions (never its set-user-ID bits) and, if allowed,
    its owner and group."""
    os.chmod(tmp, stat.S_IMODE(existing.st_mode) & 0o777)
    fchown = getattr(os, "fchown", None)
    if fchown is not None and (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):  # only root may give a file away
            fchown(handle.fileno(), existing.st_uid, existing.st_gid)


@contextlib.contextmanager
def _removed_on_signal(temporary: list[Path]) -> Iterator[None]:
    """While writing, SIGINT and SIGTERM first remove the temporary file, then act as they did before."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set in the main thread, where the CLI writes
        return
    previous: dict[int, Any] = {
        signum: signal.getsignal(signum)
        for signum in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(signum) not in (signal.SIG_IGN, None)
    }

    def restore() -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)

    def interrupted(signum: int, frame: FrameType | None) -> Any:
        for tmp in temporary:
            tmp.unlink(missing_ok=True)
        restore()
        handler = previous[signum]
        if callable(handler):
            return handler(signum, frame)  # SIGINT's default: KeyboardInterrupt
        signal.raise_signal(signum)  # the default action: the process ends
        return None

    for signum in previous:
        signal.signal(signum, interrupted)
    try:
        yield
    finally:
        restore()


def stdout() -> TextIO:
    """sys.stdout, or StdoutError when the process was started with stdout closed."""
    if sys.stdout is None:
        raise StdoutError(OSError(errno.EBADF, "stdout is closed"))
    return sys.stdout


@contextlib.contextmanager
def stdout_errors() -> Iterator[None]:
    """Turn an OSError while writing to stdout (a closed pipe, a full disk) into StdoutError."""
    try:
        yield
    except OSError as exc:
        raise StdoutError(exc) from exc


def write_stdout(parts: Iterable[bytes]) -> None:
    """UTF-8 bytes to stdout, after whatever text is already buffered there."""
    with stdout_errors():
        stream = stdout()
        stream.flush()
        for part in parts:
            write_all(stream.buffer, part)
        stream.buffer.flush()


def write_text(stream: TextIO, text: str) -> None:
    """Text to a standard stream, every byte of it or an OSError (TextIOWrapper.write drops what a short
    write leaves over: a file-size limit cut stdout with exit 0)."""
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a stream without bytes under it (a test's StringIO)
        stream.write(printable(text))
        return
    write_all(buffer, printable(text).encode(stream.encoding or "utf-8", errors="replace"))
    buffer.flush()


def write_all(buffer: IO[bytes], data: bytes) -> None:
    """All of `data`: a write that takes only part of it (a file-size limit reached) is followed by one
    for the rest, which raises the OSError (EFBIG) that the short write did not."""
    view = memoryview(data)
    while view:
        written = buffer.write(view)
        if not written:  # None: it would block; 0: nothing taken
            raise OSError(errno.EIO, "stdout took nothing")
        view = view[written:]


# A file name's undecodable bytes (os.fsdecode(b"\xff.csv") = "\udcff.csv") cannot be encoded in UTF-8:
# they are written as \xff, the way Python shows them, in every format.
SURROGATES = re.compile("[\ud800-\udfff]")


CONTROLS = dict.fromkeys([*range(0, 9), *range(11, 32), 127, *range(128, 160)], "\N{REPLACEMENT CHARACTER}")


def safe(text: str) -> str:
    """The text with control characters (other than tab and newline) replaced by U+FFFD, and a file
    name's undecodable bytes written as \\xff."""
    return printable(text).translate(CONTROLS)


def printable(text: str) -> str:
    """`text` with each lone surrogate written as \\xNN (an undecodable byte) or \\uNNNN."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return SURROGATES.sub(_escaped, text)
    return text


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def discard_stdout() -> None:
    """Point stdout at the null device, so that what is still buffered cannot fail again at exit."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        fd = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)


def ending_line(parts: Iterable[bytes]) -> Iterator[bytes]:
    """The parts as they come, and a final line break when the last non-empty part has none."""
    last = b""
    for part in parts:
        if part:
            last = part
        yield part
    if not last.endswith(b"\n"):
        yield b"\n"
