"""Which towns a filter selects, and who was a member of a group on a date."""

from __future__ import annotations

from collections.abc import Callable

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.errors import UsageError
from newtowns_cli.model.filters import TownFilter
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import Phrase, _, joined
from newtowns_cli.model.names import normalize
from newtowns_cli.model.records import Group, Membership, Town
from newtowns_cli.questions.lookup import Catalog, resolve_group, resolve_province, town_names

MEMBER = "member"
NOT_MEMBER = "not member"
UNCONFIRMED = "unconfirmed"


def standing_on(member: Membership, date: PartialDate) -> str:
    """Whether a membership holds on ``date``: MEMBER, NOT_MEMBER or UNCONFIRMED.

    A partial date is the whole period it names (2023 is all of 2023). A membership with a
    start (``since``) holds when it started by the end of ``date`` and did not end
    (``until``) before it began. One without a start holds only when a source names it at
    or before ``date`` and a source names it at or after ``date`` (``as_of``, ``attested``);
    otherwise it is unconfirmed on that date. An end before ``date`` always excludes it.
    """
    first, last = date.first_day(), date.last_day()
    if member.until is not None and member.until.last_day() < first:
        return NOT_MEMBER
    if member.since is not None:
        return MEMBER if member.since.first_day() <= last else NOT_MEMBER
    dates = member.attestations()
    before = any(d.first_day() <= last for d in dates)
    after = any(d.last_day() >= first for d in dates)
    return MEMBER if before and after else UNCONFIRMED


def member_on(member: Membership, date: PartialDate) -> bool:
    """Whether a membership is confirmed on ``date`` (see standing_on)."""
    return standing_on(member, date) == MEMBER


def confirmed_span(member: Membership) -> dict[str, str | None] | None:
    """The period a membership is confirmed for: from its start, else from the first to
    the last date a source names it; ``until`` None means open. None: never confirmed."""
    if member.since is not None:
        return {
            "from": str(member.since),
            "until": str(member.until) if member.until else None,
            "basis": "start",
        }
    dates = sorted(member.attestations(), key=PartialDate.key)
    if not dates:
        return None
    return {"from": str(dates[0]), "until": str(dates[-1]), "basis": "attested"}


def unconfirmed_on(catalog: Catalog, where: TownFilter) -> list[tuple[Group, list[str]]]:
    """For --member-as-of: per named group, the towns whose membership is unconfirmed."""
    if where.member_as_of is None:
        return []
    found: list[tuple[Group, list[str]]] = []
    for value, kinds, option in (
        (where.region, ("region",), "--region"),
        (where.group, ("alliance", "network", "region", "programme"), "--group"),
    ):
        if value is None:
            continue
        group = resolve_group(catalog, value, kinds=kinds, option=option)
        towns = [m.town for m in group.members if standing_on(m, where.member_as_of) == UNCONFIRMED]
        if towns:
            found.append((group, towns))
    return found


def unconfirmed_notes(catalog: Catalog, where: TownFilter) -> list[Phrase]:
    """For --member-as-of: a note per named group whose membership of some towns is
    unconfirmed on that date (those towns are not counted)."""
    return [
        Phrase(
            "membership of {group} unconfirmed on {date}, not counted: {towns}",
            group=group.id,
            date=where.member_as_of,
            towns=tuple(towns),
        )
        for group, towns in unconfirmed_on(catalog, where)
    ]


class Anchor(Frozen):
    """What a town's growth and every view count its designation from: the earliest
    official designation, else the earliest dated decision, founding or policy (never a
    mention), with its kind."""

    date: PartialDate
    kind: str
    source: str = ""

    def label(self) -> str:
        """'1976', or '1961 (policy)' for a fact of another kind: how tables show it (a
        Phrase: '1961 (beleid)' in Dutch)."""
        if self.kind == "decision":
            return Phrase("{date} (decision)", date=self.date)
        if self.kind == "founding":
            return Phrase("{date} (founding)", date=self.date)
        if self.kind == "policy":
            return Phrase("{date} (policy)", date=self.date)
        return str(self.date)  # official: the anchor's kinds are official and ANCHOR_KINDS

    def words(self) -> Phrase:
        """'the 1976 designation', 'the 1961 policy'."""
        if self.kind == "decision":
            return Phrase("the {date} decision", date=self.date)
        if self.kind == "founding":
            return Phrase("the {date} founding", date=self.date)
        if self.kind == "policy":
            return Phrase("the {date} policy", date=self.date)
        return Phrase("the {date} designation", date=self.date)


ANCHOR_KINDS = ("decision", "founding", "policy")
"""Dated designation facts of another kind, in the order a tie on the date is broken."""


def anchor(town: Town) -> Anchor | None:
    """The town's designation anchor (see Anchor), or None when no such fact is dated."""
    rank = {kind: n for n, kind in enumerate(("official", *ANCHOR_KINDS))}
    dated = [(d.date, str(d.kind), d.source) for d in town.designation if d.date is not None]
    official = [fact for fact in dated if fact[1] == "official"]
    chosen = official or [fact for fact in dated if fact[1] in ANCHOR_KINDS]
    if not chosen:
        return None
    # The earliest; on the same date, the kinds in the order of ANCHOR_KINDS.
    date, kind, source = min(chosen, key=lambda fact: (fact[0].key(), rank[fact[1]]))
    return Anchor(date, kind, source)


def designated(town: Town) -> PartialDate | None:
    """The date of the town's designation anchor: what `designated` means in every view."""
    found = anchor(town)
    return None if found is None else found.date


def select_towns(catalog: Catalog, where: TownFilter | None = None) -> list[Town]:
    """Towns matching every given filter, sorted by name."""
    where = where or TownFilter()
    if where.member_as_of is not None and where.group is None and where.region is None:
        raise UsageError(
            _("--member-as-of needs --group or --region"), hint=_("e.g. --group alliantie")
        )
    tests: list[Callable[[Town], bool]] = []
    for value, kinds, option in (
        (where.region, ("region",), "--region"),
        (where.group, ("alliance", "network", "region", "programme"), "--group"),
    ):
        if value is not None:
            tests.append(
                _member_test(resolve_group(catalog, value, kinds=kinds, option=option), where)
            )
    if where.province is not None:
        province = resolve_province(where.province)
        tests.append(lambda town: town.province == province)
    if where.status is not None:
        tests.append(lambda town: town.status == where.status)
    if where.relieves is not None:
        city = normalize(where.relieves)
        tests.append(lambda town: any(normalize(r.city) == city for r in town.relieves))
    tests += _range_tests(where)
    if where.search is not None:
        needle = normalize(where.search)
        tests.append(lambda town: any(needle in normalize(n) for n in town_names(town)))
    towns = [town for town in catalog.dataset.town if all(test(town) for test in tests)]
    return sorted(towns, key=lambda town: (normalize(town.name), town.id))


def _member_test(group: Group, where: TownFilter) -> Callable[[Town], bool]:
    if where.member_as_of is not None:
        date = where.member_as_of
        members = {m.town for m in group.members if member_on(m, date)}
    else:
        members = {m.town for m in group.members if m.until is None}
    return lambda town: town.id in members


def _range_tests(where: TownFilter) -> list[Callable[[Town], bool]]:
    tests: list[Callable[[Town], bool]] = []
    low, high = where.designated_from, where.designated_to
    if low is not None or high is not None:

        def designated_in(town: Town) -> bool:
            date = designated(town)
            return date is not None and (low or date.year) <= date.year <= (high or date.year)

        tests.append(designated_in)
    least, most = where.min_population, where.max_population
    if least is not None or most is not None:

        def population_in(town: Town) -> bool:
            count = town.population.count if town.population else None
            return count is not None and (least or 0) <= count <= (count if most is None else most)

        tests.append(population_in)
    return tests


def undated_membership_note(catalog: Catalog, where: TownFilter) -> str | None:
    """Without --member-as-of, --group or --region counts every town ever a member: in
    words, what that adds up, and whose membership holds only on the dates sources name it."""
    if where.member_as_of is not None:
        return None
    for value, kinds, option in (
        (where.region, ("region",), "--region"),
        (where.group, ("alliance", "network", "region", "programme"), "--group"),
    ):
        if value is None:
            continue
        group = resolve_group(catalog, value, kinds=kinds, option=option)
        loose = [m.town for m in group.members if m.since is None]
        parts = [
            Phrase(
                "Counts every town ever a member of {group} ({count}), whatever the date",
                group=group.name,
                count=len(group.members),
            )
        ]
        if loose:
            parts.append(
                Phrase(
                    "; the membership of {towns} has no start date and is confirmed only on the "
                    "dates sources name it",
                    towns=tuple(loose),
                )
            )
        parts.append(
            Phrase(
                ". {option} {value} --member-as-of DATE counts the members on a date.",
                option=option,
                value=value,
            )
        )
        return joined("", parts)
    return None
