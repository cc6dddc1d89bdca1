"""A large sheet's rows cut into cells with whole-array work (xlsxfast.py's cut for a large sheet).

re.split makes three Python objects a cell and each is looked up in a dict (~0.5 us a cell, most of a
large workbook's read). Here the cells of a piece of <sheetData> are found in its bytes with numpy (every
'<' once, then the bytes around each cell's '<c r="'), each cell's column worked out from its letters as
numbers, and its body (what follows the reference: attributes, formula, value) looked up once per distinct
body by pyarrow's dictionary_encode. The cut holds only where the sheet is written the plain way, as
xlsxfast's: each distinct body is checked against its strict form (BODY) by the caller and each non-empty
gap between cells against GAP, so a piece cut here reads exactly as re.split cuts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dti.numbers import arrow_kernel

PAD = b"\0" * 24  # read past the end by a few words without a bounds check


def _word(text: bytes) -> int:
    """Bytes as the little-endian integer an 8-byte word starting with them holds in its low bytes."""
    return int.from_bytes(text, "little")


OPEN, OPEN_MASK = _word(b'<c r="'), (1 << 48) - 1
CLOSE, CLOSE_MASK = _word(b"</c>"), (1 << 32) - 1
SHUT, SHUT_MASK = _word(b"/>"), (1 << 16) - 1
QUOTE, UPPER_A, ZERO, SLASH = ord('"'), ord("A"), ord("0"), ord("/")


@dataclass
class Cells:
    """A piece's cells: each one's column, its body's index into `bodies` (each distinct body once), and
    the non-empty gaps before them (i, gap: the text between cell i - 1 and cell i; `count`: the last)."""

    column: np.ndarray
    body: np.ndarray
    bodies: list[bytes]
    gaps: list[tuple[int, bytes]]
    count: int


def cut(text: bytes) -> Cells | None:
    """The cells of whole rows, or None when they are not written the plain way: each cell `<c r="` with
    one to three capital letters and one to seven digits, its body up to its first `</c>` (or its tag's
    `/>` when the next tag follows at once)."""
    buf = np.frombuffer(text + PAD, dtype=np.uint8)
    # The 8 bytes from each position as one integer (an unaligned view, no copy): a reference's 16 bytes
    # are two gathered words, a tag's first bytes compared at once.
    words = np.ndarray((len(text) + 16,), dtype="<u8", buffer=buf, strides=(1,))
    lt = np.flatnonzero(buf == ord("<"))
    after = buf[lt + 1]
    at_open = np.flatnonzero(after == ord("c"))
    opens = lt[at_open]
    if not len(opens):
        return Cells(
            np.zeros(0, np.int64),
            np.zeros(0, np.int64),
            [],
            _gaps(text, np.zeros(1, np.int64), np.array([len(text)])),
            0,
        )
    if not ((words[opens] & OPEN_MASK) == OPEN).all() or at_open[-1] + 1 >= len(lt):
        return None  # a cell whose first attribute is not its reference, or a last tag left open
    # Each '</c>', then one past the text: a cell whose first '</c>' is that one is not closed.
    ends = lt[after == SLASH]
    closes = np.append(ends[(words[ends] & CLOSE_MASK) == CLOSE], len(buf))
    ref = opens + 6
    n = len(ref)
    reference = np.empty((n, 2), dtype=np.uint64)  # each reference's first 16 bytes, as 16 columns
    reference[:, 0], reference[:, 1] = words[ref], words[ref + 8]
    window = reference.view(np.uint8)
    upper = (window - UPPER_A) < 26  # uint8: a byte below 'A' wraps above 26
    if not upper[:, 0].all() or (upper[:, 1] & upper[:, 2] & upper[:, 3]).any():
        return None  # no letters, or more than three (not a column: the streaming reader says so)
    two, three = upper[:, 1], upper[:, 1] & upper[:, 2]
    letters = 1 + two + three
    column = window[:, 0].astype(np.int64) - 64
    column = np.where(two, column * 26 + window[:, 1] - 64, column)
    column = np.where(three, column * 26 + window[:, 2] - 64, column)
    # Then one to seven digits and the closing quote: the first byte past the letters that is no digit.
    quote = np.argmin(((window - ZERO) < 10) | (np.arange(16) < letters[:, None]), axis=1)
    digits = quote - letters
    if not ((window[np.arange(n), quote] == QUOTE) & (digits >= 1) & (digits <= 7)).all():
        return None
    start = ref + quote + 1  # the body: after the reference's closing quote
    following = lt[at_open + 1]
    closed = (words[following - 2] & SHUT_MASK) == SHUT
    first_close = np.searchsorted(closes, following)
    if (first_close[~closed] == len(closes) - 1).any():
        return None
    end = np.where(closed, following, closes[first_close] + 4)
    if (end[:-1] > opens[1:]).any() or (start > end).any():
        return None  # a cell running into the next
    gaps = _gaps(text, np.concatenate(([0], end)), np.concatenate((opens, [len(text)])))
    codes, bodies = _distinct(text, start, end)
    return Cells(column, codes, bodies, gaps, len(opens))


def _gaps(text: bytes, starts: np.ndarray, ends: np.ndarray) -> list[tuple[int, bytes]]:
    """The non-empty texts between cells, by the index of the cell they come before."""
    filled = np.flatnonzero(ends != starts)
    return [
        (i, text[a:b])
        for i, a, b in zip(filled.tolist(), starts[filled].tolist(), ends[filled].tolist(), strict=True)
    ]


def _distinct(text: bytes, start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, list[bytes]]:
    """Each body's index into the distinct bodies, in the order first met (bodies as pyarrow sees the
    text: every other value of one array over it, starts and ends interleaved, none copied before)."""
    import pyarrow as pa

    n = len(start)
    bounds = np.empty(2 * n, dtype=np.int64)
    bounds[0::2], bounds[1::2] = start, end
    spans = pa.Array.from_buffers(
        pa.large_binary(), 2 * n - 1, [None, pa.py_buffer(bounds), pa.py_buffer(text)]
    )
    bodies: Any = arrow_kernel(
        "dictionary_encode", arrow_kernel("take", spans, _int64(np.arange(0, 2 * n, 2, dtype=np.int64)))
    )
    indices = bodies.indices
    codes = np.frombuffer(indices.buffers()[1], dtype=np.int32)[indices.offset : indices.offset + n]
    return codes, bodies.dictionary.to_pylist()


def _int64(values: np.ndarray) -> Any:
    import pyarrow as pa

    return pa.Array.from_buffers(pa.int64(), len(values), [None, pa.py_buffer(values)])
