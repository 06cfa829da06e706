"""The schema errors of a file that failed validation, collected in bounded pieces.

Validating a whole document at once holds every error at the same time: 300 000 wrong
items in one array cost 1.4 KB each in pydantic-core and in the list ``errors()``
builds. Here a value is validated whole only when it is small (fewer than ``CHUNK``
nodes, so about as many errors at most); a larger array is validated in runs of items
that are, and a larger table field by field, each piece's errors with the path of the
piece before them. Collecting stops one error past ``limit``: then there are more.

Which value is validated against which type is read from the records' annotations; the
validation itself is the caller's (``errors_of``), so this module needs no pydantic.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from newtowns_cli.model.hints import type_hints
from newtowns_cli.model.records import Record, field_names

Error = dict[str, Any]
ErrorsOf = Callable[[Any, object], list[Error]]
"""Validate a value against a type: its errors as pydantic's ``errors()`` gives them."""

CHUNK = 20_000
"""Nodes validated in one piece at most: a value, an array item, a table (worth eight,
for the keys it may miss)."""


class Collector:
    """The errors of a value, gathered piece by piece up to ``limit`` + 1."""

    def __init__(self, errors_of: ErrorsOf, limit: int) -> None:
        self.errors_of = errors_of
        self.limit = limit
        self.found: list[Error] = []

    @property
    def room(self) -> int:
        """How many more errors to take: one past the limit tells that there are more."""
        return self.limit + 1 - len(self.found)

    @property
    def stopped(self) -> bool:
        return self.room <= 0

    def collect(self, kind: Any, value: object, loc: tuple[str | int, ...] = ()) -> None:
        """Validate ``value`` against ``kind``; its errors, located under ``loc``."""
        if self.stopped:
            return
        if size(value, CHUNK) < CHUNK:
            self._add(self.errors_of(kind, value), loc)
            return
        shape = unwrap(kind)
        if isinstance(value, list) and typing.get_origin(shape) is tuple:
            self._items(kind, typing.get_args(shape)[0], value, loc)
        elif isinstance(value, dict) and is_record(shape):
            self._record(shape, value, loc)
        else:  # one error about the value's type: a table or an array where text belongs
            self._add(self.errors_of(kind, value), loc)

    def _add(self, errors: Sequence[Error], loc: tuple[str | int, ...]) -> None:
        for error in errors[: max(0, self.room)]:
            self.found.append({**error, "loc": (*loc, *error["loc"])})

    def _items(self, kind: Any, item: Any, value: list[Any], loc: tuple[str | int, ...]) -> None:
        """An array in runs of items that are small together; a large item on its own."""
        start, total = 0, 0
        for number, entry in enumerate(value):
            if self.stopped:
                return
            weight = size(entry, CHUNK)
            if weight >= CHUNK:
                self._run(kind, value, start, number, loc)
                self.collect(item, entry, (*loc, number))
                start, total = number + 1, 0
                continue
            if total + weight > min(CHUNK, max(1, self.room)) and number > start:
                self._run(kind, value, start, number, loc)
                start, total = number, 0
            total += weight
        self._run(kind, value, start, len(value), loc)

    def _run(
        self, kind: Any, value: list[Any], start: int, end: int, loc: tuple[str | int, ...]
    ) -> None:
        if end <= start or self.stopped:
            return
        errors = self.errors_of(kind, value[start:end])
        shifted = [
            {**e, "loc": (e["loc"][0] + start, *e["loc"][1:])}
            for e in errors
            if e["loc"] and isinstance(e["loc"][0], int)  # an item's; the run's own length
        ]  # or kind says nothing of the whole array, which is longer than any run
        self._add(shifted, loc)

    def _record(
        self, kind: type[Record], value: dict[str, Any], loc: tuple[str | int, ...]
    ) -> None:
        """A large table: its small fields (and a few unknown keys) in one piece, then each
        large field on its own; a required field validated apart is not missing."""
        hints = fields(kind)
        piece: dict[str, Any] = {}
        apart: list[str] = []
        total, unknown = 0, 0
        for key, entry in value.items():
            if key not in hints:
                unknown += 1
                if unknown <= self.room:
                    piece[key] = entry  # an unknown key's value is never looked into
                continue
            weight = size(entry, CHUNK)
            if total + weight < CHUNK:
                piece[key] = entry
                total += weight
            else:
                apart.append(key)
        errors = [
            e
            for e in self.errors_of(kind, piece)
            if not (e["type"].startswith("missing") and tuple(e["loc"]) in {(k,) for k in apart})
        ]
        self._add(errors, loc)
        for key in apart:
            self.collect(hints[key], value[key], (*loc, key))


def size(value: object, cap: int) -> int:
    """The nodes in ``value``, counted up to ``cap``: a scalar 1, an array 1 and its items,
    a table 8 and its values. Walked with iterators, so a huge array is not copied."""
    count = 0
    stack: list[Iterator[object]] = [iter((value,))]
    while stack:
        for item in stack[-1]:
            if isinstance(item, dict):
                count += 8
                stack.append(iter(item.values()))
            elif isinstance(item, list):
                count += 1
                stack.append(iter(item))
            else:
                count += 1
            if count >= cap:
                return count
            if isinstance(item, dict | list):
                break
        else:
            stack.pop()
    return count


def unwrap(kind: Any) -> Any:
    """``kind`` without Annotated metadata and without ``| None``."""
    while True:
        origin = typing.get_origin(kind)
        if origin is typing.Annotated:
            kind = typing.get_args(kind)[0]
        elif origin in (typing.Union, types.UnionType):
            kind = next(arg for arg in typing.get_args(kind) if arg is not type(None))
        else:
            return kind


def is_record(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, Record)


_FIELDS: dict[type, dict[str, Any]] = {}


def fields(kind: type[Record]) -> dict[str, Any]:
    """Each field of a record type and its annotated type."""
    if kind not in _FIELDS:
        hints = type_hints(kind)
        _FIELDS[kind] = {name: hints[name] for name in field_names(kind)}
    return _FIELDS[kind]
