"""The records' annotations as types, for validation only.

records.py writes its annotations as text (``from __future__ import annotations``) and
imports neither ``typing`` nor constraints.py, so the query path does not (3-4 ms of each
start-up). pydantic and ``typing.get_type_hints`` look the names an annotation uses up in
the module that declares it: here they are made names of records.py, once, before either
reads an annotation.
"""

from __future__ import annotations

import typing
from typing import Any

from newtowns_cli.model import constraints, records
from newtowns_cli.model.frozen import as_dataclass


def as_dataclasses() -> None:
    """Describe every record type as a stdlib dataclass, as pydantic reads them (once)."""
    _resolvable()
    for value in list(vars(records).values()):
        is_record = isinstance(value, type) and issubclass(value, records.Record)
        if is_record and value is not records.Record:
            as_dataclass(value)


def type_hints(kind: type[records.Record]) -> dict[str, Any]:
    """A record type's annotations as types, with their ``Annotated`` constraints."""
    _resolvable()
    return typing.get_type_hints(kind, include_extras=True)


def _resolvable() -> None:
    """typing's forms and constraints.py's types as names of records.py (kept where it
    has a name of its own)."""
    namespace = vars(records)
    for name in ("Annotated", "Any", "ClassVar", "Literal"):
        namespace.setdefault(name, getattr(typing, name))
    for name, value in vars(constraints).items():
        if not name.startswith("_"):
            namespace.setdefault(name, value)
