"""A Dataset as plain data (lists, strings, numbers, None) and back, for the cache.

The plain form can name no callable: it is read with ``json`` and rebuilt into this
package's own record types only, chosen from an allow-list by name. Records are stored
by column, one list per field for all records of a kind, so that rebuilding runs in C
(``map`` over slot setters) rather than in Python code per record; reading 40 000 towns
costs about as much as parsing their JSON (see benchmarks/README.md).

A table is ``[count, [column, …]]`` with one column per field, in field order:

- ``["v", values]``: plain values (text, numbers, booleans, None); a text in two
  languages (i18n.Bilingual, in a Prose field only) as ``[en, nl]``;
- ``["d", texts]``: partial dates as text, or None;
- ``["r", kind, positions, table]``: a record or None; ``positions`` holds 0 for None
  and i + 1 for the i-th record of ``table``;
- ``["t", lengths, values]``: tuples of plain values, flattened;
- ``["s", kind, lengths, table]``: tuples of records, flattened into ``table``.

Every count, length and position is checked against the lists it indexes before
anything is allocated for it, so a damaged entry allocates no more than its own size
suggests; and every column against its field's annotation in records.py (a record of the
right type where one belongs, text, a count in range, a finite number, a value of a
closed vocabulary from that vocabulary), and every id a record names against the ids
the data set holds, so even an entry with a matching digest builds only records of the
shape validation gives, and nothing a command looks up is missing. Anything malformed
raises ``ValueError``.
"""

from __future__ import annotations

import json
import math
from collections import deque
from itertools import accumulate, chain, repeat

from newtowns_cli.model import records as record_types
from newtowns_cli.model import vocabulary
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.i18n import Bilingual
from newtowns_cli.model.records import (
    CITING_FIELDS,
    REFERENCE_TABLES,
    TABLES,
    Dataset,
    Record,
    field_names,
)

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from typing import Any

KINDS: dict[str, type[Record]] = {
    name: value
    for name, value in vars(record_types).items()
    if isinstance(value, type) and issubclass(value, Record) and value is not Record
}
"""The allow-list: the only types a plain data set can be rebuilt into."""

_PLAIN = frozenset({str, int, float, bool, type(None)})
_DATES: dict[object, PartialDate | None] = {None: None}
"""The dates of the data set being rebuilt, by their text: each text is parsed once."""
_NEW: Any = object.__new__


def dump(dataset: Dataset) -> list[Any]:
    """The plain form of a Dataset (raises TypeError for a value it cannot hold)."""
    return _table(Dataset, [dataset])


def load(plain: object) -> Dataset:
    """The Dataset a plain form holds; ValueError when it is not one this code wrote."""
    named: list[tuple[str, list[Any], bool]] = []
    try:
        [dataset] = _build(Dataset, plain, named)
    except (TypeError, KeyError, IndexError, AttributeError, ArithmeticError) as exc:
        raise ValueError(f"not a plain data set: {exc}") from None
    finally:
        _DATES.clear()
        _DATES[None] = None
    if not isinstance(dataset, Dataset):
        raise ValueError("not a plain data set")
    _check_references(dataset, named)
    return dataset


def _check_references(dataset: Dataset, named: list[tuple[str, list[Any], bool]]) -> None:
    """Every id a record names is one the data set holds (what validation checked)."""
    ids = {table: {entry.id for entry in getattr(dataset, table)} for table in TABLES}
    for field, values, texts in named:
        tables = ("source",) if field in CITING_FIELDS else REFERENCE_TABLES[field]
        wanted = set(chain.from_iterable(values)) if texts else set(values) - {None}
        for table in tables:
            wanted -= ids[table]
        if wanted:
            raise ValueError(f"{field} names an id the data set does not hold")


def _table(kind: type[Record], records: list[Any]) -> list[Any]:
    columns = [_column([getattr(r, name) for r in records]) for name in field_names(kind)]
    return [len(records), columns]


def _column(values: list[Any]) -> list[Any]:
    types = set(map(type, values))
    if types <= _PLAIN:
        return ["v", values]
    if types <= _PLAIN | {Bilingual}:
        return ["v", list(map(_two, values))]
    if types <= {PartialDate, type(None)}:
        return ["d", [None if v is None else str(v) for v in values]]
    present = [v for v in values if v is not None]
    record = _one_record_kind(present)
    if record is not None:
        positions, number = [], 0
        for value in values:
            if value is not None:
                number += 1
            positions.append(0 if value is None else number)
        return ["r", record.__name__, positions, _table(record, present)]
    if types == {tuple}:
        lengths = list(map(len, values))
        flat = list(chain.from_iterable(values))
        if set(map(type, flat)) <= _PLAIN | {Bilingual}:
            return ["t", lengths, list(map(_two, flat))]
        record = _one_record_kind(flat)
        if record is not None:
            return ["s", record.__name__, lengths, _table(record, flat)]
    raise TypeError(f"cannot store values of types {sorted(t.__name__ for t in types)}")


def _two(value: Any) -> Any:
    """A Bilingual text as ``[en, nl]``; anything else as it is."""
    return [str(value), value.nl] if type(value) is Bilingual else value


def _one_record_kind(values: list[Any]) -> type[Record] | None:
    types = set(map(type, values))
    if len(types) == 1:
        [kind] = types
        if KINDS.get(kind.__name__) is kind:
            return kind
    return None


def _build(
    kind: type[Record], plain: object, named: list[tuple[str, list[Any], bool]]
) -> list[Any]:
    """The records of a table; each column of ids is added to ``named`` for the check."""
    count, columns = _pair(plain)
    names = field_names(kind)
    if not isinstance(count, int) or count < 0 or not isinstance(columns, list):
        raise ValueError("bad table header")
    if len(columns) != len(names):
        raise ValueError(f"{kind.__name__}: {len(columns)} columns for {len(names)} fields")
    shapes = _shapes(kind)
    values = [
        _values(column, count, shape, named) for column, shape in zip(columns, shapes, strict=True)
    ]
    for name, column, (form, what, _, _) in zip(names, values, shapes, strict=True):
        if (form == "texts" or what == "str") and (
            name in CITING_FIELDS or name in REFERENCE_TABLES
        ):
            named.append((name, column, form == "texts"))
    records = list(map(_NEW, repeat(kind, count)))
    for name, column in zip(names, values, strict=True):
        # The slot's own C setter, past Record's write-once guard (a Python call per field).
        deque(map(kind.__dict__[name].__set__, records, column), maxlen=0)
    return records


Shape = tuple[str, str, bool, "frozenset[str] | None"]
"""What a field holds: ("plain", "str" | "count" | "float", optional, vocabulary),
("date", "", optional, None), ("record", kind, optional, None), ("records", kind, False,
None) or ("texts", "", False, None); a vocabulary is the values a Literal allows."""

_SHAPES: dict[type[Record], tuple[Shape, ...]] = {}
_MAX_COUNT = 2**63 - 1


def _shapes(kind: type[Record]) -> tuple[Shape, ...]:
    """Each field's shape, read from its annotation (records.py), once per record type."""
    if kind not in _SHAPES:
        shapes: list[Shape] = []
        for name in field_names(kind):
            annotation: str = kind.__annotations__[name]
            core = annotation.removesuffix(" | None")
            optional = core != annotation
            inner = core[4:-1] if core.startswith("Seq[") else ""
            if core == "PartialDate":
                shapes.append(("date", "", optional, None))
            elif core in KINDS:
                shapes.append(("record", core, optional, None))
            elif inner in KINDS:
                shapes.append(("records", inner, False, None))
            elif inner == "Prose":
                shapes.append(("texts", "prose", False, None))
            elif inner or core == "Cited":
                shapes.append(("texts", "", False, None))
            elif core == "Count" or core.startswith("Annotated[int"):
                shapes.append(("plain", "count", optional, None))
            elif core == "Km2" or core.startswith("Annotated[float"):
                shapes.append(("plain", "float", optional, None))
            elif core == "Prose":
                shapes.append(("plain", "prose", optional, None))
            else:
                shapes.append(("plain", "str", optional, _vocabulary(core)))
        _SHAPES[kind] = tuple(shapes)
    return _SHAPES[kind]


def _vocabulary(annotation: str) -> frozenset[str] | None:
    """The values a Literal annotation (``Province``, ``Literal["a", "b"]``) allows, else None."""
    if annotation.startswith('Literal["'):  # written inline: its values are JSON strings
        return frozenset(json.loads("[" + annotation.removeprefix("Literal[")[:-1] + "]"))
    words = vocabulary.BY_TYPE.get(annotation)
    return None if words is None else frozenset(words)


def _values(
    column: object, count: int, shape: Shape, named: list[tuple[str, list[Any], bool]]
) -> list[Any]:
    """A column's values, checked against the field's shape: an entry holds what the
    records hold (a record where one belongs, a count in range, a finite number, text, a
    value of the field's vocabulary)."""
    if not isinstance(column, list) or not column:
        raise ValueError("bad column")
    tag, (form, what, optional, vocabulary) = column[0], shape
    if tag == "v" and len(column) == 2 and form == "plain":
        values = _typed(_sized(column[1], count), what, optional)
        if vocabulary is not None and not set(values) - {None} <= vocabulary:
            raise ValueError("a value outside its field's vocabulary")
        return values
    if tag == "v" and len(column) == 2 and optional:  # an optional date or record: all None
        values = _sized(column[1], count)
        if any(value is not None for value in values):
            raise ValueError("a value where only None belongs")
        return values
    if tag == "d" and len(column) == 2 and form == "date":
        texts = _sized(column[1], count)
        if None in texts and not optional:
            raise ValueError("a missing date")
        for text in set(texts) - _DATES.keys():
            if not isinstance(text, str):
                raise ValueError("a date that is not text")
            _DATES[text] = PartialDate.parse(text)
        return list(map(_DATES.__getitem__, texts))
    if tag == "r" and len(column) == 4 and form == "record" and column[1] == what:
        records = _build(_kind(what), column[3], named)
        positions = _counts(column[2], count)
        if positions and (max(positions) > len(records) or min(positions) < (not optional)):
            raise ValueError("a position past the records, or a missing record")
        pool: list[Any] = [None, *records]
        return list(map(pool.__getitem__, positions))
    if tag == "t" and len(column) == 3 and form in ("texts", "records"):
        flat = _typed(_sized(column[2], None), what or "str", optional=False)
        if form == "records" and flat:
            raise ValueError("text where records belong")
        return _tuples(column[1], flat, count)
    if tag == "s" and len(column) == 4 and form == "records" and column[1] == what:
        return _tuples(column[2], _build(_kind(what), column[3], named), count)
    raise ValueError(f"a column {tag!r} where {form} {what} belongs")


def _typed(values: list[Any], what: str, optional: bool) -> list[Any]:
    if what == "prose":
        return _prose(values, optional)
    allowed: set[type] = {str} if what == "str" else {int} if what == "count" else {int, float}
    if optional:
        allowed.add(type(None))
    if not set(map(type, values)) <= allowed:
        raise ValueError(f"a value that is not {what}")
    numbers = [value for value in values if value is not None] if optional else values
    if what == "count" and numbers and (min(numbers) < 0 or max(numbers) > _MAX_COUNT):
        raise ValueError("a count out of range")
    if what == "float" and not all(map(math.isfinite, numbers)):
        raise ValueError("a number that is not finite")
    return values


def _prose(values: list[Any], optional: bool) -> list[Any]:
    """A Prose column: text, ``[en, nl]`` (two non-empty texts) as a Bilingual, or None if
    optional; a column of plain text is kept as it is."""
    kinds = set(map(type, values))
    if kinds <= ({str, type(None)} if optional else {str}):
        return values
    if not kinds <= {str, list, type(None)} or (None in values and not optional):
        raise ValueError("a value that is not text")
    texts: list[Any] = []
    for value in values:
        if type(value) is list:
            if len(value) != 2 or type(value[0]) is not str or type(value[1]) is not str:
                raise ValueError("a value that is not text")
            en, nl = value
            if not en or not nl:
                raise ValueError("a value that is not text")
            value = Bilingual(en, nl)
        texts.append(value)
    return texts


def _tuples(lengths: object, flat: list[Any], count: int) -> list[Any]:
    sizes = _counts(lengths, count)
    if sum(sizes) != len(flat):
        raise ValueError("lengths do not add up")
    starts = list(accumulate(sizes, initial=0))
    return list(map(tuple, map(flat.__getitem__, map(slice, starts, starts[1:]))))


def _counts(values: object, count: int) -> list[int]:
    numbers = _sized(values, count)
    if set(map(type, numbers)) - {int} or (numbers and min(numbers) < 0):
        raise ValueError("a count that is not a whole number")
    return numbers


def _sized(values: object, count: int | None) -> list[Any]:
    if not isinstance(values, list) or (count is not None and len(values) != count):
        raise ValueError("a column of the wrong length")
    return values


def _pair(plain: object) -> tuple[object, object]:
    if not isinstance(plain, list) or len(plain) != 2:
        raise ValueError("bad table")
    return plain[0], plain[1]


def _kind(name: object) -> type[Record]:
    if not isinstance(name, str) or name not in KINDS:
        raise ValueError(f"not a record type of this package: {name!r}")
    return KINDS[name]
