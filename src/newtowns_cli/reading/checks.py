"""Checks no single record can make: unique ids, references, citations, plausibility."""

from __future__ import annotations

import datetime
import re
import sys
import typing
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.names import normalize
from newtowns_cli.model.records import (
    CITING_FIELDS,
    REFERENCE_TABLES,
    TABLES,
    Dataset,
    Location,
    Population,
    Record,
    field_names,
)

if TYPE_CHECKING:
    from newtowns_cli.reading.tomlspan import Path

# A generous box around the European Netherlands (south of Eijsden to north of Rottumeroog,
# Cadzand to Bad Nieuweschans).
NL_LAT = (50.7, 53.7)
NL_LON = (3.3, 7.3)
AREA_TOLERANCE_KM2 = 0.05

_SHARED = tuple(table for table in TABLES if table in ("town", "group", "organisation"))
"""The tables whose entries share one namespace of ids, in the order they are read."""
FORMULA_STARTS = ("=", "+", "@", "\t", "\r")
"""Text may not begin with these: a spreadsheet runs such a cell as a formula."""


class Finding(Frozen):
    """A problem found by a check, at a data path."""

    path: Path
    code: str
    message: str


def check(
    document: Mapping[str, Any], dataset: Dataset, *, today: datetime.date
) -> Iterator[Finding]:
    """Every finding for a parsed document and the part of it that passed the schema, one
    at a time (the caller takes as many as it reports).

    Ids, references and citations are checked on the raw document, so an entry that failed
    validation still counts as defined and as citing, and its own dangling ids are reported;
    plausibility needs typed values and is checked on ``dataset``.
    """
    ids = _raw_ids(document)
    yield from _duplicate_ids(document, ids)
    yield from _strings(document, ids)
    yield from _names_that_are_ids(document, ids.get("town", {}))
    yield from _plausibility(dataset, today)
    yield from _series(dataset)


def _strings(
    document: Mapping[str, Any], ids: Mapping[str, Mapping[str, int]]
) -> Iterator[Finding]:
    """References that name no entry, citations that name no source, sources never cited,
    and text a spreadsheet would run as a formula: in one walk over every string.

    A string's path is made only for a finding: building one for each of a million
    strings was most of the time a valid file of 40 000 towns took here. The entries are
    walked from the last to the first, each depth first from its last value, the order
    the findings have always come in (only so many are reported).
    """
    source_ids = ids.get("source", {})
    cited: set[str] = set()
    meta = document.get("dataset")
    if isinstance(meta, Mapping):
        for key, value in meta.items():
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                yield _formula(("dataset", key), value)
    for table in reversed(TABLES):
        entries = document.get(table)
        if not isinstance(entries, list):
            continue
        citing = table != "source"
        for number in range(len(entries) - 1, -1, -1):
            entry = entries[number]
            if isinstance(entry, Mapping):
                yield from _entry_strings((table, number), entry, ids, citing, cited)
    for source_id, number in source_ids.items():
        if source_id not in cited:
            message = f"source '{source_id}' is never cited"
            yield Finding(("source", number, "id"), "uncited-source", message)


def _entry_strings(
    where: Path,
    entry: Mapping[str, Any],
    ids: Mapping[str, Mapping[str, int]],
    citing: bool,
    cited: set[str],
) -> Iterator[Finding]:
    """The findings of ``_strings`` in one entry; the sources it cites go into ``cited``."""
    source_ids = ids.get("source", {})
    stack: list[tuple[Path, str, Any]] = [(where, "", entry)]
    while stack:
        path, field, container = stack.pop()
        items = container.items() if isinstance(container, dict) else enumerate(container)
        for key, value in items:
            name = key if isinstance(key, str) else field  # the key it stands under
            if isinstance(value, str):
                if name not in _NAMING and not value.startswith(FORMULA_STARTS):
                    continue  # most text names nothing and is no formula
                targets = REFERENCE_TABLES.get(name)
                if targets is not None and not any(
                    value in ids.get(target, {}) for target in targets
                ):
                    kinds = " or ".join(targets)
                    message = f"no {kinds} has the id '{value}'"
                    yield Finding((*path, key), "unknown-reference", message)
                if citing and name in CITING_FIELDS:
                    cited.add(value)
                    if value not in source_ids:
                        message = f"no source has the id '{value}'"
                        yield Finding((*path, key), "unknown-source", message)
                if value.startswith(FORMULA_STARTS):
                    yield _formula((*path, key), value)
            elif isinstance(value, dict | list):  # parsed TOML: no other containers
                stack.append(((*path, key), name, value))


_NAMING = frozenset(REFERENCE_TABLES) | CITING_FIELDS
"""The keys whose text names an entry or a source."""


def _formula(path: Path, value: str) -> Finding:
    shown = {"\t": "a tab", "\r": "a carriage return"}.get(value[0], f"'{value[0]}'")
    message = f"text may not begin with {shown}: a spreadsheet would read it as a formula"
    return Finding(path, "formula-text", message)


def _names_that_are_ids(
    document: Mapping[str, Any], town_ids: Mapping[str, int]
) -> Iterator[Finding]:
    """A town's name, alias or municipality may not be another town's id: ids win."""
    folded = {normalize(town_id): town_id for town_id in town_ids}
    for table, number, entry in _raw_entries(document):
        if table != "town":
            continue
        aliases = entry.get("aliases")
        named: list[tuple[Path, object]] = [
            (("town", number, "name"), entry.get("name")),
            (("town", number, "municipality"), entry.get("municipality")),
        ]
        if isinstance(aliases, list):
            named += [(("town", number, "aliases", n), alias) for n, alias in enumerate(aliases)]
        for path, value in named:
            other = folded.get(normalize(value)) if isinstance(value, str) else None
            if other is not None and other != entry.get("id"):
                message = (
                    f"'{value}' is the id of town[{town_ids[other]}] ('{other}'): "
                    "a name, alias or municipality may not be another town's id"
                )
                yield Finding(path, "name-is-id", message)


def _raw_entries(document: Mapping[str, Any]) -> Iterator[tuple[str, int, Mapping[str, Any]]]:
    for table in TABLES:
        entries = document.get(table)
        for number, entry in enumerate(entries if isinstance(entries, list) else ()):
            if isinstance(entry, Mapping):
                yield table, number, entry


def _raw_ids(document: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """The ids per table, each with the number of its first entry."""
    ids: dict[str, dict[str, int]] = {table: {} for table in TABLES}
    for table, number, entry in _raw_entries(document):
        if isinstance(entry.get("id"), str):
            ids[table].setdefault(entry["id"], number)
    return ids


def _duplicate_ids(
    document: Mapping[str, Any], ids: Mapping[str, Mapping[str, int]]
) -> Iterator[Finding]:
    """Entries whose id an earlier entry has, of the same table or, for towns, groups and
    organisations, of any of the three. The first of each id is found in ``ids`` (the
    first number per table), not in a map of every id made again."""
    for table, number, entry in _raw_entries(document):
        entry_id = entry.get("id")
        if not isinstance(entry_id, str):
            continue
        first = next(
            (other, ids[other][entry_id])
            for other in (_SHARED if table in _SHARED else (table,))
            if entry_id in ids[other]
        )
        if first != (table, number):
            message = f"id '{entry_id}' is already used by {first[0]}[{first[1]}]"
            yield Finding((table, number, "id"), "duplicate-id", message)


def _plausibility(dataset: Dataset, today: datetime.date) -> Iterator[Finding]:
    if dataset.dataset.updated.first_day() > today:
        message = f"date {dataset.dataset.updated} is in the future"
        yield Finding(("dataset", "updated"), "future-date", message)
    yield from _dated(dataset, today)
    for number, town in enumerate(dataset.town):
        for area_number, area in enumerate(town.area):
            if area.total is not None and area.land is not None and area.water is not None:
                parts = area.land + area.water
                if abs(parts - area.total) > AREA_TOLERANCE_KM2:
                    yield Finding(
                        ("town", number, "area", area_number, "total"),
                        "area-sum",
                        f"land {area.land} + water {area.water} = {parts:.2f} km², "
                        f"not the total {area.total}",
                    )
    for number, group in enumerate(dataset.group):
        for member_number, member in enumerate(group.members):
            if (
                member.since is not None
                and member.until is not None
                and member.until < member.since
            ):
                yield Finding(
                    ("group", number, "members", member_number, "until"),
                    "date-order",
                    f"membership ends ({member.until}) before it starts ({member.since})",
                )


def _dated(dataset: Dataset, today: datetime.date) -> Iterator[Finding]:
    """Dates in the future and locations outside the Netherlands, in every record.

    One walk per entry with a stack of the records still to look into, a path made for
    each record (not for each value), only the fields that can hold a date or a record
    looked at, and a date's first day worked out only in this year or later.
    """
    year = today.year
    for table in TABLES:
        for number, entry in enumerate(getattr(dataset, table)):
            stack: list[tuple[Path, Record]] = [((table, number), entry)]
            while stack:
                path, record = stack.pop()
                if isinstance(record, Location):
                    yield from _location(path, record)
                for name in _dated_fields(type(record)):
                    value = getattr(record, name)
                    if isinstance(value, PartialDate):
                        if value.year >= year and value.first_day() > today:
                            yield _future((*path, name), value)
                    elif isinstance(value, Record):
                        stack.append(((*path, name), value))
                    elif isinstance(value, tuple):
                        for index in range(len(value) - 1, -1, -1):
                            item = value[index]
                            if isinstance(item, Record):
                                stack.append(((*path, name, index), item))
                            elif (
                                isinstance(item, PartialDate)
                                and item.year >= year
                                and item.first_day() > today
                            ):
                                yield _future((*path, name, index), item)


_DATED: dict[type, tuple[str, ...]] = {}
_WORD = r"[A-Za-z_][A-Za-z0-9_]*"
_QUOTED = r"\"[^\"]*\"|'[^']*'"  # the words of a Literal: values, not names


def _dated_fields(kind: type[Record]) -> tuple[str, ...]:
    """The fields of a record type that can hold a date or a record, in their order: no
    other field holds what ``_dated`` looks for. Read from the names in the annotations
    (typing.get_type_hints would compile each one: 30 ms for every record type); a field
    whose annotation names anything not found counts as one that can."""
    if kind not in _DATED:
        annotations: dict[str, object] = {}
        for klass in reversed(kind.__mro__):
            annotations.update(vars(klass).get("__annotations__", {}))
        names = vars(sys.modules[kind.__module__])
        _DATED[kind] = tuple(
            field
            for field in field_names(kind)
            if _may_hold_dates(annotations.get(field, "?"), names, 0)
        )
    return _DATED[kind]


def _may_hold_dates(annotation: object, names: Mapping[str, object], depth: int) -> bool:
    if depth > 20 or annotation is PartialDate:
        return True
    if isinstance(annotation, str) and depth == 0:  # as written: its names, looked up
        return any(
            _may_hold_dates(names.get(word, _UNKNOWN), names, depth + 1)
            for word in re.findall(_WORD, re.sub(_QUOTED, "", annotation))
            if word not in _PLAIN
        )
    if isinstance(annotation, type):
        return annotation is _UNKNOWN or issubclass(annotation, Record)
    if typing.get_origin(annotation) is Literal:
        return False
    return any(_may_hold_dates(arg, names, depth + 1) for arg in typing.get_args(annotation))


class _UNKNOWN:
    """A name an annotation uses that the records' module does not define."""


_PLAIN = frozenset({"None", "str", "int", "float", "bool", "tuple", "Annotated", "Literal"})


def _future(path: Path, date: PartialDate) -> Finding:
    return Finding(path, "future-date", f"date {date} is in the future")


def _location(path: Path, location: Location) -> Iterator[Finding]:
    if not NL_LAT[0] <= location.lat <= NL_LAT[1]:
        yield Finding(
            (*path, "lat"),
            "outside-nl",
            f"latitude {location.lat} is outside the Netherlands ({NL_LAT[0]}-{NL_LAT[1]})",
        )
    if not NL_LON[0] <= location.lon <= NL_LON[1]:
        yield Finding(
            (*path, "lon"),
            "outside-nl",
            f"longitude {location.lon} is outside the Netherlands ({NL_LON[0]}-{NL_LON[1]})",
        )


# -- units, gaps, relieved cities, claim sets --------------------------------------------------


def _series(dataset: Dataset) -> Iterator[Finding]:
    """Figures name their unit, gaps are real gaps, relieved cities and claim sets exist."""
    cities = {name for city in dataset.city for name in (city.name, *city.aliases)}
    for number, town in enumerate(dataset.town):
        located: list[tuple[tuple[str | int, ...], Population]] = [
            (("population_history", i), p) for i, p in enumerate(town.population_history)
        ]
        series = [town.population] if town.population else []
        if town.population:
            located.insert(0, (("population",), town.population))
        for path, figure in located:
            if figure.unit != "municipality" and figure.unit_name is None:
                yield Finding(
                    ("town", number, *path, "unit"),
                    "unit-name",
                    f"a {figure.unit} figure needs unit_name: the {figure.unit} it counts",
                )
        decades = {
            p.as_of.year // 10 * 10
            for p in (*series, *town.population_history)
            if p.unit == "municipality"
        }
        for gap_number, gap in enumerate(town.population_gaps):
            path = ("town", number, "population_gaps", gap_number, "decade")
            if gap.decade % 10:
                yield Finding(path, "gap-decade", f"{gap.decade} is not a decade (1970, 1980 …)")
            elif gap.decade in decades:
                yield Finding(
                    path, "gap-filled", f"the {gap.decade}s have a municipal figure: not a gap"
                )
        if cities:
            for relief_number, relief in enumerate(town.relieves):
                if relief.city not in cities:
                    yield Finding(
                        ("town", number, "relieves", relief_number, "city"),
                        "unknown-city",
                        f"no [[city]] is named '{relief.city}'",
                    )
    for number, claim in enumerate(dataset.claim):
        if claim.covers == "towns" and not claim.towns:
            yield Finding(("claim", number, "towns"), "claim-set", "covers = 'towns' needs towns")
        if claim.covers == "group" and claim.group is None:
            yield Finding(("claim", number, "group"), "claim-set", "covers = 'group' needs group")
        low, high = claim.designated_from, claim.designated_to
        if (low is not None or high is not None) and claim.covers != "designated":
            why = "a designation period needs covers = 'designated'"
            yield Finding(("claim", number, "covers"), "claim-set", why)
        if low is not None and high is not None and low > high:
            why = "designated_to is before designated_from"
            yield Finding(("claim", number, "designated_to"), "claim-set", why)
