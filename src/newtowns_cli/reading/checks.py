"""Checks no single record can make: unique ids, references, citations, plausibility."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any

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
    iter_values,
)
from newtowns_cli.reading.tomlspan import Path

# A generous box around the European Netherlands (south of Eijsden to north of Rottumeroog,
# Cadzand to Bad Nieuweschans).
NL_LAT = (50.7, 53.7)
NL_LON = (3.3, 7.3)
AREA_TOLERANCE_KM2 = 0.05

_NAMESPACE = ("town", "group", "organisation")
FORMULA_STARTS = ("=", "+", "@", "\t", "\r")
"""Text may not begin with these: a spreadsheet runs such a cell as a formula."""


class Finding(Frozen):
    """A problem found by a check, at a data path."""

    path: Path
    code: str
    message: str


def check(document: Mapping[str, Any], dataset: Dataset, *, today: datetime.date) -> list[Finding]:
    """Every finding for a parsed document and the part of it that passed the schema.

    Ids, references and citations are checked on the raw document, so an entry that failed
    validation still counts as defined and as citing, and its own dangling ids are reported;
    plausibility needs typed values and is checked on ``dataset``.
    """
    strings = list(_raw_strings(document))
    ids = _raw_ids(document)
    findings = list(_duplicate_ids(document))
    findings += _references(strings, ids)
    findings += _citations(strings, ids.get("source", {}))
    findings += _formulas(document, strings)
    findings += _names_that_are_ids(document, ids.get("town", {}))
    findings += _plausibility(dataset, today)
    findings += _series(dataset)
    return findings


def _formulas(
    document: Mapping[str, Any], strings: list[tuple[Path, str, str]]
) -> Iterator[Finding]:
    meta = document.get("dataset")
    dataset_strings = (
        [(("dataset", key), key, value) for key, value in meta.items() if isinstance(value, str)]
        if isinstance(meta, Mapping)
        else []
    )
    for path, _, value in [*dataset_strings, *strings]:
        if value.startswith(FORMULA_STARTS):
            shown = {"\t": "a tab", "\r": "a carriage return"}.get(value[0], f"'{value[0]}'")
            yield Finding(
                path,
                "formula-text",
                f"text may not begin with {shown}: a spreadsheet would read it as a formula",
            )


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


def _raw_strings(document: Mapping[str, Any]) -> Iterator[tuple[Path, str, str]]:
    """Every string inside a table entry, with its path and the key it stands under."""
    stack: list[tuple[Path, str, object]] = [
        ((table, number), table, entry) for table, number, entry in _raw_entries(document)
    ]
    while stack:
        path, field, value = stack.pop()
        if isinstance(value, str):
            yield path, field, value
        elif isinstance(value, Mapping):
            stack.extend(((*path, str(k)), str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, n), field, v) for n, v in enumerate(value))


def _duplicate_ids(document: Mapping[str, Any]) -> Iterator[Finding]:
    seen: dict[tuple[str, str], str] = {}
    for table, number, entry in _raw_entries(document):
        entry_id = entry.get("id")
        if not isinstance(entry_id, str):
            continue
        space = "entity" if table in _NAMESPACE else table
        where = f"{table}[{number}]"
        first = seen.setdefault((space, entry_id), where)
        if first != where:
            message = f"id '{entry_id}' is already used by {first}"
            yield Finding((table, number, "id"), "duplicate-id", message)


def _references(
    strings: list[tuple[Path, str, str]], ids: Mapping[str, Mapping[str, int]]
) -> Iterator[Finding]:
    for path, field, value in strings:
        targets = REFERENCE_TABLES.get(field)
        if targets is None:
            continue
        if not any(value in ids.get(target, {}) for target in targets):
            kinds = " or ".join(targets)
            yield Finding(path, "unknown-reference", f"no {kinds} has the id '{value}'")


def _citations(
    strings: list[tuple[Path, str, str]], source_ids: Mapping[str, int]
) -> Iterator[Finding]:
    cited: set[str] = set()
    for path, field, value in strings:
        if field not in CITING_FIELDS or path[0] == "source":
            continue
        cited.add(value)
        if value not in source_ids:
            yield Finding(path, "unknown-source", f"no source has the id '{value}'")
    for source_id, number in source_ids.items():
        if source_id not in cited:
            message = f"source '{source_id}' is never cited"
            yield Finding(("source", number, "id"), "uncited-source", message)


def _plausibility(dataset: Dataset, today: datetime.date) -> Iterator[Finding]:
    if dataset.dataset.updated.first_day() > today:
        message = f"date {dataset.dataset.updated} is in the future"
        yield Finding(("dataset", "updated"), "future-date", message)
    for table in TABLES:
        for path, value in iter_values(getattr(dataset, table), (table,)):
            if isinstance(value, PartialDate) and value.first_day() > today:
                yield Finding(path, "future-date", f"date {value} is in the future")
            elif isinstance(value, Location):
                yield from _location(path, value)
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
