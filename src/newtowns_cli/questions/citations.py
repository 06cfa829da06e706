"""Every fact that cites a source, named as a reader would: "Almere: population on
2024-01-01", "Leernetwerk …: member Almere (since 2022-11-28)".

The path in the data (``members[0].source``) stays beside the words, for scripts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.records import (
    TABLES,
    Area,
    Attestation,
    Claim,
    Dataset,
    Dated,
    Designation,
    HistoryEntry,
    Location,
    Membership,
    Mention,
    Population,
    Presentation,
    Record,
    Relief,
    StatusView,
    iter_values,
)


class Citation(Frozen):
    """A fact that cites a source: which entry, where in it, and what the fact says."""

    table: str
    entry: str
    path: str
    fact: str


_OWN = {"town": "name, municipality, CBS code, province and status", "research": "the study"}
"""What an entry's own ``sources`` support; otherwise 'the group', 'the city' …"""


def citations(dataset: Dataset) -> dict[str, tuple[Citation, ...]]:
    """For each source id, every fact that cites it, in data-file order."""
    towns = {town.id: town.name for town in dataset.town}
    found: dict[str, list[Citation]] = {}
    for table in TABLES:
        if table == "source":
            continue
        for entry in getattr(dataset, table):
            name = _name(entry)
            for path, value in iter_values(entry, ()):
                for field, cited in _cited_ids(value):
                    if field == "sources":
                        fact = f"{name}: {_OWN.get(table, f'the {table}')}"
                        if table == "event":
                            fact += f" ({entry.date})"
                    else:
                        parent = _at(entry, path[:-2]) if len(path) > 2 else entry
                        fact = _fact(name, value, path, parent, towns)
                    where = _render_path(path)
                    citation = Citation(table, entry.id, where + "." * bool(where) + field, fact)
                    found.setdefault(cited, []).append(citation)
    return {source: tuple(citations) for source, citations in found.items()}


def _name(entry: Record) -> str:
    if isinstance(entry, Claim):
        return f"Claim “{entry.statement}”"
    return str(getattr(entry, "name", None) or getattr(entry, "title", None) or "")


def _at(entry: Record, path: Sequence[str | int]) -> object:
    value: object = entry
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)  # type: ignore[index]
    return value


def _cited_ids(value: object) -> Iterator[tuple[str, str]]:
    """The (field, source id) pairs a record cites directly."""
    if not isinstance(value, Record):
        return
    for field in ("source", "original"):
        cited = getattr(value, field, None)
        if isinstance(cited, str):
            yield field, cited
    for cited in getattr(value, "sources", ()):
        yield "sources", cited


def _render_path(path: Sequence[str | int]) -> str:
    return "".join(
        f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path)
    )


def _when(date: PartialDate) -> str:
    return f"on {date}" if date.precision == "day" else f"in {date}"


def _fact(
    name: str, value: object, path: Sequence[str | int], parent: object, towns: dict[str, str]
) -> str:
    """The fact ``value`` states about the entry ``name``, in words."""
    if isinstance(value, Claim):
        return name
    if isinstance(value, Population):
        if value.unit == "municipality":
            unit = f" of the municipality {value.unit_name}" if value.unit_name else ""
        elif value.unit == "unstated":
            unit = f" of {value.unit_name} (unit not stated)"
        else:
            unit = f" of the {value.unit} {value.unit_name}"
        return f"{name}: population{unit} {_when(value.as_of)}"
    if isinstance(value, Area):
        return f"{name}: area" + ("" if value.unit == "municipality" else f" of the {value.unit}")
    if isinstance(value, Location):
        return f"{name}: location"
    if isinstance(value, Designation):
        details = ", ".join(str(d) for d in (value.kind, value.date) if d is not None)
        return f"{name}: designation" + (f" ({details})" if details else "")
    if isinstance(value, StatusView):
        return f"{name}: counted as {value.status}"
    if isinstance(value, Relief):
        return f"{name}: relieves {value.city}"
    if isinstance(value, HistoryEntry):
        return f"{name}: {value.what} ({value.date})"
    if isinstance(value, Membership):
        return f"{name}: member {towns.get(value.town, value.town)} ({_span(value)})"
    if isinstance(value, Attestation) and isinstance(parent, Membership):
        return f"{name}: member {towns.get(parent.town, parent.town)} (named on {value.date})"
    if isinstance(value, Mention):
        when = f" ({value.date})" if value.date else ""
        return f"{name}: {towns.get(value.town, value.town)} named beside it, not as member{when}"
    if isinstance(value, Dated):
        return f"{name}: {path[-1] if path else 'dated'} {value.date}"
    if isinstance(value, Presentation):
        return f"{name}: presented {value.date}"
    return f"{name}: {type(value).__name__.lower()}"


def _span(member: Membership) -> str:
    if member.since is not None:
        return f"since {member.since}" + (f", until {member.until}" if member.until else "")
    if member.as_of is not None:
        return f"named on {member.as_of}" + (f", until {member.until}" if member.until else "")
    return f"until {member.until}" if member.until else "undated"
