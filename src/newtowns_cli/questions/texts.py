"""The free texts of a data set (its Prose fields) with their paths: those that carry Dutch
beside the English (the SQLite export's translations) and those that do not yet
(``validate --lang nl``)."""

from __future__ import annotations

from collections.abc import Iterator

from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.records import TABLES, Dataset, Record, field_names


class Prose(Frozen):
    """One free text: the table and entry it belongs to, its path there, and the text."""

    table: str
    entry: str | None
    path: str
    text: str


def prose(dataset: Dataset) -> Iterator[Prose]:
    """Every free text a reader may meet, in data-file order: [dataset] first."""
    owners: list[tuple[str, Record]] = [("dataset", dataset.dataset)]
    owners += [(table, entry) for table in TABLES for entry in getattr(dataset, table)]
    for table, entry in owners:
        for path, text in _texts(entry, ()):
            yield Prose(table, getattr(entry, "id", None), _render(path), text)


Path = tuple[str | int, ...]


def _texts(value: object, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, tuple):
        for number, item in enumerate(value):
            yield from _texts(item, (*path, number))
    if not isinstance(value, Record):
        return
    declared = type(value).__annotations__
    for name in field_names(type(value)):
        field = getattr(value, name)
        if "Prose" not in str(declared.get(name, "")):
            yield from _texts(field, (*path, name))
        elif isinstance(field, str):
            yield (*path, name), field
        elif isinstance(field, tuple):
            yield from (((*path, name, n), t) for n, t in enumerate(field) if isinstance(t, str))


def _render(path: Path) -> str:
    return "".join(
        f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path)
    )
