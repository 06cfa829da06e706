"""Every fact that cites a source, named as a reader would: "Almere: population on
2024-01-01", "Leernetwerk …: member Almere (since 2022-11-28)".

The path in the data (``members[0].source``) stays beside the words, for scripts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import Phrase
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
    """A fact that cites a source: which entry, where in it, and what the fact says (a
    Phrase: English in machine formats, the run's language for people)."""

    table: str
    entry: str
    path: str
    fact: str


_OWN = {
    "town": Phrase("name, municipality, CBS code, province and status"),
    "research": Phrase("the study"),
    "group": Phrase("the group"),
    "organisation": Phrase("the organisation"),
    "event": Phrase("the event"),
    "claim": Phrase("the claim"),
    "city": Phrase("the city"),
}
"""What an entry's own ``sources`` support."""


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
                    fact: str
                    if field == "sources":
                        own = _OWN.get(table) or Phrase("the {table}", table=table)
                        fact = Phrase("{name}: {fact}", name=name, fact=own)
                        if table == "event":
                            fact = Phrase("{fact} ({date})", fact=fact, date=entry.date)
                    else:
                        parent = _at(entry, path[:-2]) if len(path) > 2 else entry
                        fact = _fact(name, value, path, parent, towns)
                    where = _render_path(path)
                    citation = Citation(table, entry.id, where + "." * bool(where) + field, fact)
                    found.setdefault(cited, []).append(citation)
    return {source: tuple(citations) for source, citations in found.items()}


def _name(entry: Record) -> str:
    if isinstance(entry, Claim):
        return Phrase("Claim “{statement}”", statement=entry.statement)
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


def _when(date: PartialDate) -> Phrase:
    return (
        Phrase("on {date}", date=date)
        if date.precision == "day"
        else Phrase("in {date}", date=date)
    )


def _fact(
    name: str, value: object, path: Sequence[str | int], parent: object, towns: dict[str, str]
) -> str:
    """The fact ``value`` states about the entry ``name``, in words."""
    if isinstance(value, Claim):
        return name
    if isinstance(value, Population):
        when = _when(value.as_of)
        if value.unit == "municipality" and value.unit_name:
            what = Phrase(
                "population of the municipality {unit_name} {when}",
                unit_name=value.unit_name,
                when=when,
            )
        elif value.unit == "municipality":
            what = Phrase("population {when}", when=when)
        elif value.unit == "unstated":
            what = Phrase(
                "population of {unit_name} (unit not stated) {when}",
                unit_name=value.unit_name,
                when=when,
            )
        else:
            what = Phrase(
                "population of the {unit} {unit_name} {when}",
                unit=_UNITS.get(value.unit) or value.unit,
                unit_name=value.unit_name,
                when=when,
            )
    elif isinstance(value, Area):
        what = (
            Phrase("area")
            if value.unit == "municipality"
            else Phrase("area of the {unit}", unit=_UNITS.get(value.unit or "") or value.unit)
        )
    elif isinstance(value, Location):
        what = Phrase("location")
    elif isinstance(value, Designation):
        details = ", ".join(str(d) for d in (value.kind, value.date) if d is not None)
        what = (
            Phrase("designation ({details})", details=details) if details else Phrase("designation")
        )
    elif isinstance(value, StatusView):
        what = Phrase("counted as {status}", status=value.status)
    elif isinstance(value, Relief):
        what = Phrase("relieves {city}", city=value.city)
    elif isinstance(value, HistoryEntry):
        what = Phrase("{what} ({date})", what=value.what, date=value.date)
    elif isinstance(value, Membership):
        what = Phrase(
            "member {town} ({span})", town=towns.get(value.town, value.town), span=_span(value)
        )
    elif isinstance(value, Attestation) and isinstance(parent, Membership):
        what = Phrase(
            "member {town} (named on {date})",
            town=towns.get(parent.town, parent.town),
            date=value.date,
        )
    elif isinstance(value, Mention):
        town = towns.get(value.town, value.town)
        what = (
            Phrase("{town} named beside it, not as member ({date})", town=town, date=value.date)
            if value.date
            else Phrase("{town} named beside it, not as member", town=town)
        )
    elif isinstance(value, Dated):
        field = path[-1] if path else None
        what = (
            Phrase("{field} {date}", field=field, date=value.date)
            if field is not None
            else Phrase("dated {date}", date=value.date)
        )
    elif isinstance(value, Presentation):
        what = Phrase("presented {date}", date=value.date)
    else:
        what = Phrase("{kind}", kind=type(value).__name__.lower())
    return Phrase("{name}: {fact}", name=name, fact=what)


_UNITS = {
    "place": Phrase("place"),
    "district": Phrase("district"),
    "predecessor": Phrase("predecessor"),
    "municipality": Phrase("municipality"),
}


def _span(member: Membership) -> Phrase:
    until = member.until
    if member.since is not None:
        if until:
            return Phrase("since {since}, until {until}", since=member.since, until=until)
        return Phrase("since {since}", since=member.since)
    if member.as_of is not None:
        if until:
            return Phrase("named on {date}, until {until}", date=member.as_of, until=until)
        return Phrase("named on {date}", date=member.as_of)
    return Phrase("until {until}", until=until) if until else Phrase("undated")
