"""The closest computation the data supports for a claim, whatever its verdict.

A verdict stays honest ("not comparable" where the claim's set of towns is unnamed), but a
reader asking "does 1,3 million hold?" still gets a number and exactly what it counts: the
towns the data lists (or the claim's own set, where the data knows it), on the nearest date
all of them have a figure, municipal figures added and any other unit shown apart; else
each town's municipal figure nearest the claim's year, saying which towns have none.
"""

from __future__ import annotations

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.i18n import Phrase, joined
from newtowns_cli.model.records import Claim, Population, Town
from newtowns_cli.questions.growth import fractional_year, unit_words
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


NONE = Phrase("none")
"""An empty list of towns, in words."""


def period_words(low: int | None, high: int | None) -> Phrase:
    """A designation period in words: 'in 1960–1980', 'from 1960', 'until 1980'."""
    if low and high:
        return Phrase("in {low}–{high}", low=low, high=high)
    if low:
        return Phrase("from {low}", low=low)
    return Phrase("until {high}", high=high)


def relation_words(relation: str) -> str:
    """A claim's relation (about, more than, almost, exactly) in the run's language."""
    return _RELATIONS.get(relation, relation)


_RELATIONS = {
    "about": Phrase("about"),
    "more than": Phrase("more than"),
    "almost": Phrase("almost"),
    "exactly": Phrase("exactly"),
}


def _period(claim: Claim) -> Phrase | None:
    low, high = claim.designated_from, claim.designated_to
    if low is None and high is None:
        return None
    return period_words(low, high)


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
        return named, Phrase("the {count} towns the claim names", count=len(named))
    if claim.covers == "group" and group is not None and claim.as_of is not None:
        return _confirmed(catalog, group.id, claim.as_of)
    period = _period(claim)
    if claim.covers == "designated" and period is not None:
        chosen = [town for town, _ in in_period(claim, listed)]
        words = Phrase(
            "the {count} places the data designates {period}", count=len(chosen), period=period
        )
        return chosen, words
    return listed, Phrase("the {count} places the data lists", count=len(listed))


def _confirmed(catalog: Catalog, group_id: str, date: PartialDate) -> tuple[list[Town], str]:
    group = catalog.groups[group_id]
    members = [catalog.towns[m.town] for m in group.members if member_on(m, date)]
    words = Phrase(
        "the {count} members of {group} confirmed on {date}",
        count=len(members),
        group=group.name,
        date=date,
    )
    return members, words


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
                    beside = Phrase(
                        ". Beside it, {how}: {value:n}",
                        how=how,
                        value=value if value is not None else NONE,
                    )
                    basis = joined("", [basis, beside])
    return total, basis


def _sum(towns: list[Town], words: str, date: PartialDate | None) -> tuple[int | None, str]:
    """The towns' inhabitants on the nearest date they all have, else their nearest figures."""
    if not towns:
        return None, Phrase("{words}: none", words=words)
    reference = [t.population.as_of for t in towns if t.population is not None]
    target = date or (max(reference, key=PartialDate.key) if reference else None)
    if target is None:
        return None, Phrase("{words}: no figures", words=words)
    at = fractional_year(target)
    common = set.intersection(*({p.as_of for p in _figures(t)} for t in towns))
    near = [d for d in common if abs(fractional_year(d) - at) <= COMMON_DATE_WITHIN]
    if near:
        date = min(near, key=lambda d: (abs(fractional_year(d) - at), d.key()))
        return _on(towns, words, date)
    return _nearest(towns, words, target)


def _on(towns: list[Town], words: str, date: PartialDate) -> tuple[int, str]:
    """Municipal figures on ``date`` added; a town whose figure counts another unit apart."""
    total, rounded = 0, []
    apart: list[str] = []
    for town in towns:
        figures = sorted(
            (p for p in _figures(town) if p.as_of == date),
            key=lambda p: (p.unit != "municipality", p.qualifier is not None),
        )
        figure = figures[0]
        if figure.unit != "municipality":
            apart.append(
                Phrase(
                    "; {town}'s {unit} figure {count:n} shown apart",
                    town=town.id,
                    unit=unit_words(figure.unit),
                    count=figure.count,
                )
            )
            continue
        total += figure.count
        if figure.qualifier:
            rounded.append(town.id)
    added = len(towns) - len(apart)
    parts = [
        Phrase(
            "{words}: {count} municipal figures on {date} added",
            words=words,
            count=added,
            date=date,
        ),
        *apart,
    ]
    if rounded:
        parts.append(Phrase("; rounded figures for {towns}", towns=tuple(rounded)))
    return total, joined("", parts)


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
        return None, Phrase(
            "{words}: no municipal figure within {years} years of {date}",
            words=words,
            years=NEAREST_WITHIN,
            date=target,
        )
    dates = sorted((p.as_of for p in picked), key=PartialDate.key)
    parts: list[str] = [
        Phrase(
            "{words}: each town's municipal figure nearest {date} ({first}–{last}) added for "
            "{count} of {total}",
            words=words,
            date=target,
            first=dates[0],
            last=dates[-1],
            count=len(picked),
            total=len(towns),
        )
    ]
    if missing:
        parts.append(
            Phrase(
                "; none within {years} years for {towns}",
                years=NEAREST_WITHIN,
                towns=tuple(missing),
            )
        )
    return sum(p.count for p in picked), joined("", parts)


def _places(catalog: Catalog, claim: Claim) -> tuple[int, str]:
    listed = list(catalog.dataset.town)
    official = [t for t in listed if (a := anchor(t)) is not None and a.kind == "official"]
    period = _period(claim)
    if period is not None:
        chosen = in_period(claim, listed)
        named = tuple(Phrase("{town} ({date})", town=town.id, date=date) for town, date in chosen)
        return len(chosen), Phrase(
            "the data designates {count} of its {total} places {period} (the earliest official "
            "designation, else the earliest dated decision, founding or policy): {towns}",
            count=len(chosen),
            total=len(listed),
            period=period,
            towns=named or NONE,
        )
    if claim.covers == "towns":
        named_towns = [t for t in claim.towns if t in catalog.towns]
        return len(named_towns), Phrase("the {count} towns the claim names", count=len(named_towns))
    return len(listed), Phrase(
        "the data lists {count} places; {official} of them have a dated official designation",
        count=len(listed),
        official=len(official),
    )


def _members(catalog: Catalog, claim: Claim) -> tuple[int | None, str]:
    group = catalog.groups.get(claim.group or "")
    if group is None or claim.as_of is None:
        return None, Phrase("the claim names no group or no date")
    confirmed = [m.town for m in group.members if member_on(m, claim.as_of)]
    unconfirmed = [m.town for m in group.members if standing_on(m, claim.as_of) == UNCONFIRMED]
    basis = Phrase(
        "{count} members of {group} confirmed on {date}",
        count=len(confirmed),
        group=group.name,
        date=claim.as_of,
    )
    if unconfirmed:
        together = Phrase(
            "; {count} with those unconfirmed then ({towns})",
            count=len(confirmed) + len(unconfirmed),
            towns=tuple(unconfirmed),
        )
        return len(confirmed), joined("", [basis, together])
    return len(confirmed), basis
