"""numpy's advice to back large arrays with huge pages, withheld while dti works.

numpy asks Linux for transparent huge pages on every array above 4 MB. Where the kernel answers such
advice with direct compaction (`/sys/kernel/mm/transparent_hugepage/defrag` = madvise, this machine
class), the first touch of a fresh matrix waits for 2 MB pages to be assembled: at 100,000 units the
engine's matrices took ~0.4 s more system time to come into being than with ordinary pages (issue 25,
`dti score` → CSV: 0.90–1.40 s sys with the advice, 0.64–1.02 s without, same output). A user's own
NUMPY_MADVISE_HUGEPAGE stands.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

VARIABLE = "NUMPY_MADVISE_HUGEPAGE"  # read by numpy once, when it is first imported


@contextlib.contextmanager
def ordinary_pages() -> Iterator[None]:
    """No huge-page advice for the arrays made inside the block; numpy's setting as it was after it."""
    if os.environ.get(VARIABLE) is not None:
        yield
        return
    if "numpy" not in sys.modules:  # not imported yet (a command's usual start): numpy reads the variable
        os.environ[VARIABLE] = "0"
        try:
            yield
        finally:
            os.environ.pop(VARIABLE, None)
        return
    from numpy._core import multiarray

    advise = getattr(multiarray, "_set_madvise_hugepage", None)  # numpy's own switch (not in its stubs)
    if advise is None:
        yield
        return
    before = advise(False)
    try:
        yield
    finally:
        advise(before)
