"""What the live preview need not make again: ``mkdocs serve`` builds the whole site again on
every save, and most of what it makes is as it was. A result is kept with the values it was
made from and given back while new values compare equal to them: sound only when those values
are all it depends on, and nothing changes them afterwards (frozen records, tuples, text).
Equal means ``==``, so a value must keep its type (``1 == True``).

A result of None is never kept: it is how a step says it failed, after logging why, and the
next build must log it again."""

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
    if result is None:
        _kept.pop(key, None)
    else:
        _kept[key] = (inputs, result)
    return result


def forget() -> None:
    """Drop every kept result, once a process is done building."""
    _kept.clear()


class SameObject:
    """An input equal only to the very same object: for values whose ``==`` would miss what
    matters (parsed YAML compares equal with other line numbers)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SameObject) and other.value is self.value

    def __hash__(self) -> int:
        return id(self.value)
