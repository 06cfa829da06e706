"""The timeline: every dated fact of a Dataset, derived, in one chronological list."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from newtowns_cli.model import frozen
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import Phrase, joined
from newtowns_cli.model.records import Dataset
from newtowns_cli.model.vocabulary import TIMELINE_KIND

KINDS = TIMELINE_KIND
"""Every kind of entry, in the order used for entries on the same date."""
_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


class Entry(Frozen):
    """One dated fact: when, what kind, what happened, who is concerned, and the source."""

    date: PartialDate
    kind: str
    what: str
    sources: tuple[str, ...]
    towns: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()

    def sort_key(self) -> tuple[tuple[int, int, int], int, str]:
        """By date (a year before the months and days of that year), then kind, then text."""
        return (self.date.key(), _RANK[self.kind], self.what)


def entries(dataset: Dataset) -> list[Entry]:
    """The whole timeline, sorted, each fact once with all its sources."""
    return sorted(merge(_collect(dataset)), key=Entry.sort_key)


def merge(found: Iterable[Entry]) -> list[Entry]:
    """One entry per fact: entries alike in all but their sources become one.

    Alike means the same date, kind, text, towns, groups and organisations. The merged
    entry keeps the first one's place and every source once, in the order they come.
    """
    facts: dict[tuple[object, ...], list[str]] = {}
    first: dict[tuple[object, ...], Entry] = {}
    for entry in found:
        key = (entry.date, entry.kind, entry.what, entry.towns, entry.groups, entry.organisations)
        first.setdefault(key, entry)
        facts.setdefault(key, []).extend(entry.sources)
    return [
        frozen.replace(entry, sources=tuple(dict.fromkeys(facts[key])))
        for key, entry in first.items()
    ]


def _designation(name: str, status: str, kind: str | None, policy: str | None) -> str:
    """What a designation fact says, by its kind."""
    suffix = f" ({policy})" if policy else ""
    if kind == "official":
        return Phrase(
            "{name} designated as {status}{suffix}", name=name, status=status, suffix=suffix
        )
    if kind == "decision":
        return Phrase("{name}: growth decision{suffix}", name=name, suffix=suffix)
    if kind == "founding":
        return Phrase(
            "{name}: founding date as a source gives it{suffix}", name=name, suffix=suffix
        )
    if kind == "policy":
        return Phrase("{name} named in a policy{suffix}", name=name, suffix=suffix)
    return Phrase("{name} named as {status}{suffix}", name=name, status=status, suffix=suffix)


def _collect(dataset: Dataset) -> Iterator[Entry]:
    for town in dataset.town:
        for designation in town.designation:
            if designation.date is not None:
                what = _designation(town.name, town.status, designation.kind, designation.policy)
                yield Entry(
                    designation.date, "designation", what, (designation.source,), (town.id,)
                )
        for item in town.history:
            what = joined(": ", [town.name, item.what])
            yield Entry(item.date, item.kind, what, (item.source,), (town.id,))
    towns = {town.id: town.name for town in dataset.town}
    for group in dataset.group:
        if group.founded is not None:
            what = Phrase("{name} founded", name=group.name)
            yield Entry(
                group.founded.date, "founding", what, (group.founded.source,), groups=(group.id,)
            )
        for member in group.members:
            name = towns.get(member.town, member.town)
            concerned = {"towns": (member.town,), "groups": (group.id,)}
            if member.since is not None:
                what = Phrase("{name} joins {group}", name=name, group=group.name)
                yield Entry(member.since, "membership", what, (member.source,), **concerned)
            elif member.as_of is not None:
                what = Phrase("{name} named as member of {group}", name=name, group=group.name)
                yield Entry(member.as_of, "membership", what, (member.source,), **concerned)
            for attested in member.attested:
                what = Phrase("{name} named as member of {group}", name=name, group=group.name)
                yield Entry(attested.date, "membership", what, (attested.source,), **concerned)
            if member.until is not None:
                what = Phrase("{name} leaves {group}", name=name, group=group.name)
                yield Entry(member.until, "membership", what, (member.source,), **concerned)
    for organisation in dataset.organisation:
        if organisation.founded is not None:
            what = Phrase("{name} founded", name=organisation.name)
            source = (organisation.founded.source,)
            yield Entry(
                organisation.founded.date,
                "founding",
                what,
                source,
                organisations=(organisation.id,),
            )
    yield from _research(dataset)
    for event in dataset.event:
        what = event.title
        if event.until:
            what = joined("", [what, Phrase(" (until {date})", date=event.until)])
        yield Entry(
            event.date,
            event.kind,
            what,
            event.sources,
            event.towns,
            event.groups,
            event.organisations,
        )


def _research(dataset: Dataset) -> Iterator[Entry]:
    for study in dataset.research:
        organisations = tuple(dict.fromkeys((*study.commissioned_by, *study.performed_by)))
        organisations = tuple(o for o in organisations if o not in {g.id for g in dataset.group})
        groups = tuple(g for g in study.commissioned_by if g in {g.id for g in dataset.group})
        common = {"towns": study.towns, "groups": groups, "organisations": organisations}
        if study.published is not None:
            what = Phrase("'{title}' published", title=study.title)
            yield Entry(
                study.published.date, "publication", what, (study.published.source,), **common
            )
        if study.presented is not None:
            presented = study.presented
            if presented.to and presented.place:
                what = Phrase(
                    "'{title}' presented to {to} in {place}",
                    title=study.title,
                    to=presented.to,
                    place=presented.place,
                )
            elif presented.to:
                what = Phrase("'{title}' presented to {to}", title=study.title, to=presented.to)
            elif presented.place:
                what = Phrase(
                    "'{title}' presented in {place}", title=study.title, place=presented.place
                )
            else:
                what = Phrase("'{title}' presented", title=study.title)
            yield Entry(presented.date, "presentation", what, (presented.source,), **common)


def select(
    found: Sequence[Entry],
    *,
    start: PartialDate | None = None,
    end: PartialDate | None = None,
    town: str | None = None,
    group: str | None = None,
    kinds: Sequence[str] = (),
) -> list[Entry]:
    """Entries that overlap [start, end] and concern the town, group and kinds given.

    A date counts as the whole period it names: 1972 overlaps --from 1972-06.
    """
    return [
        entry
        for entry in found
        if (start is None or entry.date.last_day() >= start.first_day())
        and (end is None or entry.date.first_day() <= end.last_day())
        and (town is None or town in entry.towns)
        and (group is None or group in entry.groups)
        and (not kinds or entry.kind in kinds)
    ]
