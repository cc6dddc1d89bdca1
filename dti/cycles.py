"""Python's cycle collector paused while dti works.

A run builds and drops millions of small objects that hold no cycles (texts, rows, cells, issues); the
collector, run every 700 new objects, walked them again and again: 0.1 s of the 63-province sample's
0.4 s, ~0.45 s at 100,000 units, a third of importing 20,000 criteria. Paused, the few objects in cycles
(matplotlib's figures, a caught exception's frames) wait for the collector's next pass once it is back.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_collection() -> Iterator[None]:
    """No cyclic garbage collection inside the block; the collector as it was after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
