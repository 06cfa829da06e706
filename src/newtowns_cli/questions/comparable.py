"""The closest computation the data supports for a claim, whatever its verdict.

A verdict stays honest ("not comparable" where the claim's set of towns is unnamed), but a
reader asking "does 1,3 million hold?" still gets a number and exactly what it counts: the
towns the data lists (or the claim's own set, where the data knows it), on the nearest date
all of them have a figure, municipal figures added and any other unit shown apart; else
each town's municipal figure nearest the claim's year, saying which towns have none.
"""

from __future__ import annotations

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.records import Claim, Population, Town
from newtowns_cli.questions.growth import fractional_year
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.questions.select import UNCONFIRMED, anchor, member_on, standing_on

COMMON_DATE_WITHIN = 3
"""Years from the claim's date within which a date all towns have a figure for is used."""
NEAREST_WITHIN = 5
"""Otherwise, years within which each town's nearest municipal figure is used."""


def comparable(catalog: Catalog, claim: Claim) -> tuple[int | None, str]:
    """The closest number the data supports for ``claim``, and what it counts, in words."""
    if claim.measure == "inhabitants":
        return _inhabitants(catalog, claim)
    if claim.measure == "places":
        return _places(catalog, claim)
    return _members(catalog, claim)


def _period(claim: Claim) -> str | None:
    low, high = claim.designated_from, claim.designated_to
    if low is None and high is None:
        return None
    return f"in {low}–{high}" if low and high else f"from {low}" if low else f"until {high}"


def in_period(claim: Claim, towns: list[Town]) -> list[tuple[Town, PartialDate]]:
    """The towns the data's own rule (select.anchor) designates in the claim's period."""
    low, high = claim.designated_from, claim.designated_to
    found = []
    for town in towns:
        at = anchor(town)
        if at is not None and (low or at.date.year) <= at.date.year <= (high or at.date.year):
            found.append((town, at.date))
    return found


def _towns(catalog: Catalog, claim: Claim) -> tuple[list[Town], str]:
    """The towns the closest computation counts, and the words for them."""
    listed = list(catalog.dataset.town)
    group = catalog.groups.get(claim.group or "")
    if claim.covers == "towns":
        named = [catalog.towns[t] for t in claim.towns if t in catalog.towns]
        return named, f"the {len(named)} towns the claim names"
    if claim.covers == "group" and group is not None and claim.as_of is not None:
        return _confirmed(catalog, group.id, claim.as_of)
    period = _period(claim)
    if claim.covers == "designated" and period is not None:
        chosen = [town for town, _ in in_period(claim, listed)]
        return chosen, f"the {len(chosen)} places the data designates {period}"
    return listed, f"the {len(listed)} places the data lists"


def _confirmed(catalog: Catalog, group_id: str, date: PartialDate) -> tuple[list[Town], str]:
    group = catalog.groups[group_id]
    members = [catalog.towns[m.town] for m in group.members if member_on(m, date)]
    return members, f"the {len(members)} members of {group.name} confirmed on {date}"


def _figures(town: Town) -> list[Population]:
    return [*([town.population] if town.population else []), *town.population_history]


def _inhabitants(catalog: Catalog, claim: Claim) -> tuple[int | None, str]:
    total, basis = _sum(*_towns(catalog, claim), claim.as_of)
    if claim.covers == "unnamed" and claim.as_of is not None:
        # A set the source does not name: the alliances' members on the date, beside it.
        for group in catalog.dataset.group:
            if group.kind == "alliance":
                members, words = _confirmed(catalog, group.id, claim.as_of)
                if members:
                    value, how = _sum(members, words, claim.as_of)
                    basis += f". Beside it, {how}: {value if value is not None else 'none'}"
    return total, basis


def _sum(towns: list[Town], words: str, date: PartialDate | None) -> tuple[int | None, str]:
    """The towns' inhabitants on the nearest date they all have, else their nearest figures."""
    if not towns:
        return None, f"{words}: none"
    reference = [t.population.as_of for t in towns if t.population is not None]
    target = date or (max(reference, key=PartialDate.key) if reference else None)
    if target is None:
        return None, f"{words}: no figures"
    at = fractional_year(target)
    common = set.intersection(*({p.as_of for p in _figures(t)} for t in towns))
    near = [d for d in common if abs(fractional_year(d) - at) <= COMMON_DATE_WITHIN]
    if near:
        date = min(near, key=lambda d: (abs(fractional_year(d) - at), d.key()))
        return _on(towns, words, date)
    return _nearest(towns, words, target)


def _on(towns: list[Town], words: str, date: PartialDate) -> tuple[int, str]:
    """Municipal figures on ``date`` added; a town whose figure counts another unit apart."""
    total, rounded, apart = 0, [], []
    for town in towns:
        figures = sorted(
            (p for p in _figures(town) if p.as_of == date),
            key=lambda p: (p.unit != "municipality", p.qualifier is not None),
        )
        figure = figures[0]
        if figure.unit != "municipality":
            apart.append(f"{town.id}'s {figure.unit} figure {figure.count} shown apart")
            continue
        total += figure.count
        if figure.qualifier:
            rounded.append(town.id)
    added = len(towns) - len(apart)
    basis = f"{words}: {added} municipal figures on {date} added"
    basis += "".join(f"; {part}" for part in apart)
    basis += f"; rounded figures for {', '.join(rounded)}" if rounded else ""
    return total, basis


def _nearest(towns: list[Town], words: str, target: PartialDate) -> tuple[int | None, str]:
    """Each town's municipal figure nearest ``target`` within NEAREST_WITHIN years."""
    at = fractional_year(target)
    picked: list[Population] = []
    missing = []
    for town in towns:
        municipal = [
            p
            for p in _figures(town)
            if p.unit == "municipality" and abs(fractional_year(p.as_of) - at) <= NEAREST_WITHIN
        ]
        if not municipal:
            missing.append(town.id)
            continue
        picked.append(
            min(municipal, key=lambda p: (abs(fractional_year(p.as_of) - at), p.as_of.key()))
        )
    if not picked:
        return None, f"{words}: no municipal figure within {NEAREST_WITHIN} years of {target}"
    dates = sorted((p.as_of for p in picked), key=PartialDate.key)
    basis = (
        f"{words}: each town's municipal figure nearest {target} ({dates[0]}–{dates[-1]}) "
        f"added for {len(picked)} of {len(towns)}"
    )
    if missing:
        basis += f"; none within {NEAREST_WITHIN} years for {', '.join(missing)}"
    return sum(p.count for p in picked), basis


def _places(catalog: Catalog, claim: Claim) -> tuple[int, str]:
    listed = list(catalog.dataset.town)
    official = [t for t in listed if (a := anchor(t)) is not None and a.kind == "official"]
    period = _period(claim)
    if period is not None:
        chosen = in_period(claim, listed)
        named = ", ".join(f"{town.id} ({date})" for town, date in chosen) or "none"
        return len(chosen), (
            f"the data designates {len(chosen)} of its {len(listed)} places {period} "
            f"(the earliest official designation, else the earliest dated decision, founding "
            f"or policy): {named}"
        )
    if claim.covers == "towns":
        named_towns = [t for t in claim.towns if t in catalog.towns]
        return len(named_towns), f"the {len(named_towns)} towns the claim names"
    return len(listed), (
        f"the data lists {len(listed)} places; {len(official)} of them have a dated official "
        "designation"
    )


def _members(catalog: Catalog, claim: Claim) -> tuple[int | None, str]:
    group = catalog.groups.get(claim.group or "")
    if group is None or claim.as_of is None:
        return None, "the claim names no group or no date"
    confirmed = [m.town for m in group.members if member_on(m, claim.as_of)]
    unconfirmed = [m.town for m in group.members if standing_on(m, claim.as_of) == UNCONFIRMED]
    basis = f"{len(confirmed)} members of {group.name} confirmed on {claim.as_of}"
    if unconfirmed:
        together = len(confirmed) + len(unconfirmed)
        basis += f"; {together} with those unconfirmed then ({', '.join(unconfirmed)})"
    return len(confirmed), basis
