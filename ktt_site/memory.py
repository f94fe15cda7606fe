"""Holding off Python's cycle collector while a build step allocates in bulk.

Each burst of allocations triggers collections, and a full one walks every live object of the
MkDocs build: rendering a thousand profile pages, or decoding the search index into millions of
lists, paid for several such walks while nothing they make needs collecting before they end.
The collector runs as usual afterwards, and frees then what a step left in reference cycles
(Jinja's template contexts: some 36,000 objects for a thousand pages).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
