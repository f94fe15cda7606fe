"""What the live preview need not make again: ``mkdocs serve`` builds the whole site again on
every save, and most of what it makes is as it was. A result is kept with the values it was
made from and given back while new values compare equal to them: sound only when those values
are all it depends on, and nothing changes them afterwards (frozen records, tuples, text)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

#: By key: the values the last result was made from, and that result.
_kept: dict[Hashable, tuple[Any, Any]] = {}


def made(key: Hashable, inputs: object, make: Callable[[], T]) -> T:
    """``make()``, or what it gave the last time for ``key`` if ``inputs`` equal that time's."""
    kept = _kept.get(key)
    if kept is not None and kept[0] == inputs:
        result: T = kept[1]
        return result
    result = make()
    _kept[key] = (inputs, result)
    return result


def forget() -> None:
    """Drop every kept result, once a process is done building."""
    _kept.clear()
