"""Published figures held against the figures computed from the data, with a verdict and why.

A claim is judged only on like for like: the set of towns it counts must be one
the data knows (``covers``), a set defined by a designation period must be the towns the
data's own designations put in that period, every membership it rests on must be confirmed
on its date, and every town must have a municipal figure from the claim's year. Otherwise it
is *not comparable*, with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from newtowns_cli.model import frozen
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import Phrase, joined
from newtowns_cli.model.records import Claim, Population, Town
from newtowns_cli.questions.comparable import NONE, comparable, period_words, relation_words
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.questions.select import UNCONFIRMED, designated, member_on, standing_on

ABOUT = 0.05
"""'about' holds within 5 % either way."""
ALMOST = 0.10
"""'almost' holds from 10 % below the value up to the value."""

CONSISTENT = Phrase("consistent")
NOT_CONSISTENT = Phrase("not consistent")
NOT_COMPARABLE = Phrase("not comparable")
"""The verdicts: English in machine formats, the run's language for people (Phrase)."""


class Check(Frozen):
    """One claim, the figure computed from the data, the verdict and the reason for it.

    ``comparable`` is the closest computation the data supports, whatever the verdict (the
    figure judged, where there is one), and ``comparable_basis`` what it counts.
    """

    claim: Claim
    computed: int | None
    basis: str
    verdict: str
    why: str
    comparable: int | None = None
    comparable_basis: str = ""


class _NotComparableError(Exception):
    def __init__(self, why: str, basis: str = "") -> None:
        super().__init__(why)
        self.why = why
        self.basis = basis


def check_all(catalog: Catalog) -> list[Check]:
    """Every claim of the data set, in data-file order."""
    return [check(catalog, claim) for claim in catalog.dataset.claim]


def check(catalog: Catalog, claim: Claim) -> Check:
    try:
        if claim.measure == "inhabitants":
            judged = _inhabitants(catalog, claim)
        elif claim.measure == "places":
            judged = _places(catalog, claim)
        else:
            judged = _members(catalog, claim)
        return frozen.replace(judged, comparable=judged.computed, comparable_basis=judged.basis)
    except _NotComparableError as exc:
        value, basis = comparable(catalog, claim)
        return Check(claim, None, exc.basis, NOT_COMPARABLE, exc.why, value, basis)


def holds(relation: str, computed: int, value: int) -> bool:
    """Whether ``computed`` satisfies '``relation`` ``value``'."""
    if relation == "exactly":
        return computed == value
    if relation == "more than":
        return computed > value
    if relation == "almost":
        return value * (1 - ALMOST) <= computed < value
    return abs(computed - value) <= value * ABOUT


def _towns(catalog: Catalog, claim: Claim) -> list[Town]:
    """The towns the claim counts, when the data can know them; else not comparable."""
    if claim.covers == "unnamed":
        raise _NotComparableError(
            Phrase("the source does not name the towns it counts ({scope})", scope=claim.scope)
        )
    if claim.covers == "other":
        raise _NotComparableError(
            Phrase(
                "the claim counts {scope}, not the towns the data lists as designated",
                scope=claim.scope,
            )
        )
    if claim.covers == "designated":
        towns = list(catalog.dataset.town)
        _in_period(claim, towns)
        return towns
    if claim.covers == "towns":
        return [catalog.towns[t] for t in claim.towns if t in catalog.towns]
    group = catalog.groups.get(claim.group or "")
    if group is None or claim.as_of is None:
        raise _NotComparableError(Phrase("the claim names no group or no date"))
    date = claim.as_of
    unconfirmed = [m.town for m in group.members if standing_on(m, date) == UNCONFIRMED]
    members = [m.town for m in group.members if member_on(m, date)]
    if unconfirmed:
        raise _NotComparableError(
            Phrase(
                "it rests on memberships unconfirmed on {date}: {towns}",
                date=date,
                towns=tuple(unconfirmed),
            ),
            Phrase(
                "members of {group} confirmed on {date}: {towns}",
                group=group.name,
                date=date,
                towns=tuple(members) or NONE,
            ),
        )
    return [catalog.towns[t] for t in members if t in catalog.towns]


def _in_period(claim: Claim, towns: Sequence[Town]) -> None:
    """A claim counting the towns designated in a period is comparable only when the data's
    own designations (select.anchor) put every town in that period."""
    low, high = claim.designated_from, claim.designated_to
    if low is None and high is None:
        return
    period = period_words(low, high)
    inside, outside, undated = [], [], []
    for town in towns:
        date = designated(town)
        if date is None:
            undated.append(town.id)
        elif (low or date.year) <= date.year <= (high or date.year):
            inside.append(town.id)
        else:
            outside.append(f"{town.id} ({date})")
    reasons: list[str] = [Phrase("the claim counts the towns designated {period}", period=period)]
    if outside:
        reasons.append(
            Phrase("the data's designations put {towns} outside it", towns=tuple(outside))
        )
    if undated:
        reasons.append(
            Phrase("the data has no dated designation for {towns}", towns=tuple(undated))
        )
    if len(reasons) > 1:
        raise _NotComparableError(
            joined("; ", reasons),
            Phrase(
                "designated {period} in the data: {towns}",
                period=period,
                towns=tuple(inside) or NONE,
            ),
        )


def _inhabitants(catalog: Catalog, claim: Claim) -> Check:
    towns = _towns(catalog, claim)
    if claim.as_of is None:
        raise _NotComparableError(Phrase("the claim gives no date to compare figures from"))
    year = claim.as_of.year
    figures = {town.id: municipal_figure(town, year) for town in towns}
    missing = [town.id for town in towns if figures[town.id] is None]
    if missing:
        raise _NotComparableError(
            Phrase("no municipal figure from {year} for {towns}", year=year, towns=tuple(missing))
        )
    used = [f for f in figures.values() if f is not None]
    computed = sum(f.count for f in used)
    dates = tuple(sorted({f.as_of for f in used}, key=lambda d: d.key()))
    basis = Phrase(
        "sum of municipal figures from {year} of {count} towns ({dates})",
        year=year,
        count=len(used),
        dates=dates,
    )
    rounded = [town for town, f in figures.items() if f is not None and f.qualifier]
    found: str = Phrase("{count:n} inhabitants in the data", count=computed)
    if rounded:
        found = joined("", [found, Phrase(" (rounded figures for {towns})", towns=tuple(rounded))])
    return _verdict(claim, computed, basis, found)


def municipal_figure(town: Town, year: int) -> Population | None:
    """The town's municipal figure from ``year``: exact before rounded, then the earliest."""
    figures = [town.population] if town.population else []
    found = [
        p
        for p in (*figures, *town.population_history)
        if p.unit == "municipality" and p.as_of.year == year
    ]
    found.sort(key=lambda p: (p.qualifier is not None, p.as_of.key()))
    return found[0] if found else None


def _places(catalog: Catalog, claim: Claim) -> Check:
    if claim.covers == "designated" and claim.designated_from is claim.designated_to is None:
        raise _NotComparableError(
            Phrase(
                "the data lists the places its sources call designated: a count of its own "
                "list would only confirm itself"
            )
        )
    towns = _towns(catalog, claim)
    count = len(towns)
    basis = Phrase("{count} towns: {towns}", count=count, towns=tuple(t.id for t in towns))
    if claim.covers == "towns":
        found = Phrase("{count} towns the claim names in the data", count=count)
    else:
        found = Phrase("{count} designated towns in the data", count=count)
    return _verdict(claim, count, basis, found)


def _members(catalog: Catalog, claim: Claim) -> Check:
    group = catalog.groups.get(claim.group or "")
    if group is None or claim.as_of is None:
        raise _NotComparableError(Phrase("the claim names no group or no date"))
    towns: Sequence[Town] = _towns(catalog, frozen.replace(claim, covers="group"))
    basis = Phrase(
        "members of {group} confirmed on {date}: {towns}",
        group=group.name,
        date=claim.as_of,
        towns=tuple(t.id for t in towns),
    )
    found = Phrase("{count} members confirmed on {date}", count=len(towns), date=claim.as_of)
    return _verdict(claim, len(towns), basis, found)


def _verdict(claim: Claim, computed: int, basis: str, found: str) -> Check:
    relation = claim.relation
    if holds(relation, computed, claim.value):
        why = Phrase(
            "{found}: {relation} {value:n} holds",
            found=found,
            relation=relation_words(relation),
            value=claim.value,
        )
        return Check(claim, computed, basis, CONSISTENT, why)
    why = Phrase(
        "{found}: {relation} {value:n} does not hold",
        found=found,
        relation=relation_words(relation),
        value=claim.value,
    )
    return Check(claim, computed, basis, NOT_CONSISTENT, why)
