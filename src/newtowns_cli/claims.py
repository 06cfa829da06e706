"""Published figures held against the figures computed from the data, with a verdict and why."""

from __future__ import annotations

import dataclasses

from newtowns_cli.dates import PartialDate
from newtowns_cli.models import Claim
from newtowns_cli.query import Catalog, member_on

ABOUT = 0.05
"""'about' holds within 5 % either way."""
ALMOST = 0.10
"""'almost' holds from 10 % below the value up to the value."""
YEARS_APART = 3
"""A claim more than this many years from the data's figures is not comparable."""

CONSISTENT = "consistent"
NOT_CONSISTENT = "not consistent"
NOT_COMPARABLE = "not comparable"


@dataclasses.dataclass(frozen=True, slots=True)
class Check:
    """One claim, the figure computed from the data, the verdict and the reason for it."""

    claim: Claim
    computed: int | None
    basis: str
    verdict: str
    why: str


def check_all(catalog: Catalog) -> list[Check]:
    """Every claim of the data set, in data-file order."""
    return [check(catalog, claim) for claim in catalog.dataset.claim]


def check(catalog: Catalog, claim: Claim) -> Check:
    if claim.measure == "inhabitants":
        return _inhabitants(catalog, claim)
    if claim.measure == "places":
        return _places(catalog, claim)
    return _members(catalog, claim)


def holds(relation: str, computed: int, value: int) -> bool:
    """Whether ``computed`` satisfies '``relation`` ``value``'."""
    if relation == "exactly":
        return computed == value
    if relation == "more than":
        return computed > value
    if relation == "almost":
        return value * (1 - ALMOST) <= computed < value
    return abs(computed - value) <= value * ABOUT


def _inhabitants(catalog: Catalog, claim: Claim) -> Check:
    towns = catalog.dataset.town
    if claim.group is not None and claim.group in catalog.groups:
        members = {m.town for m in catalog.groups[claim.group].members if m.until is None}
        towns = tuple(t for t in towns if t.id in members)
    counted = [t for t in towns if t.population is not None]
    computed = sum(t.population.count for t in counted if t.population)
    dates = sorted({t.population.as_of for t in counted if t.population}, key=PartialDate.key)
    when = ", ".join(str(d) for d in dates) or "no date"
    basis = f"sum of the latest population of {len(counted)} towns ({when})"
    if claim.as_of is not None and dates and abs(dates[-1].year - claim.as_of.year) > YEARS_APART:
        why = f"the claim refers to {claim.as_of}, the data's figures to {when}"
        return Check(claim, computed, basis, NOT_COMPARABLE, why)
    return _verdict(claim, computed, basis, f"{computed} inhabitants in the data")


def _places(catalog: Catalog, claim: Claim) -> Check:
    statuses = [t.status for t in catalog.dataset.town]
    kernen, steden = statuses.count("groeikern"), statuses.count("groeistad")
    basis = f"{kernen} groeikernen and {steden} groeistad with a sourced status"
    if claim.value >= kernen:
        why = (
            f"the data lists {kernen} groeikernen (and {steden} groeistad) whose status a "
            "source confirms; no cited source gives the complete official list"
        )
        return Check(claim, kernen, basis, NOT_COMPARABLE, why)
    why = (
        f"the data already has {kernen} groeikernen with a sourced status, more than {claim.value}"
    )
    return Check(claim, kernen, basis, NOT_CONSISTENT, why)


def _members(catalog: Catalog, claim: Claim) -> Check:
    group = catalog.groups.get(claim.group or "")
    if group is None or claim.as_of is None:
        return Check(
            claim,
            None,
            "no group and date to count",
            NOT_COMPARABLE,
            "the claim names no group or no date",
        )
    members = [m.town for m in group.members if member_on(m, claim.as_of)]
    basis = f"members of {group.name} known on {claim.as_of}: {', '.join(members)}"
    return _verdict(claim, len(members), basis, f"{len(members)} members known on {claim.as_of}")


def _verdict(claim: Claim, computed: int, basis: str, found: str) -> Check:
    relation = claim.relation
    if holds(relation, computed, claim.value):
        return Check(claim, computed, basis, CONSISTENT, f"{found}: {relation} {claim.value} holds")
    return Check(
        claim, computed, basis, NOT_CONSISTENT, f"{found}: {relation} {claim.value} does not hold"
    )
