"""What a terminal table shows by default, chosen by the terminal's width; and its caption.

Pure (no rich): the choice is made before the data is loaded, from each column's header
and a typical narrowest width. The essentials of a listing are always shown; then the
other columns in order of use while they fit. Columns keep the order of the listing's
fields. ``--fields`` and every machine format bypass this.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from newtowns_cli.model import i18n
from newtowns_cli.model.i18n import _, ngettext
from newtowns_cli.render import provenance, tables

if TYPE_CHECKING:
    from newtowns_cli.model.records import Town
    from newtowns_cli.questions.lookup import Catalog
    from newtowns_cli.render.tables import Column, Table

T = TypeVar("T")
Choice = tuple[tuple[str, ...], int]
"""Column names by priority, and how many of them (the first) are essential."""

_PLANS: tuple[Choice, ...] = (
    (("name", "municipality", "province", "population", "population_as_of", "status",
      "regions", "designated", "groups", "area_km2"), 5),
    (("id", "name", "kind", "members", "member_count", "founded"), 3),
    (("id", "title", "published", "presented", "performed_by"), 2),
    (("id", "name", "kind", "city", "url"), 2),
    (("id", "title", "url", "published", "publisher"), 3),
    (("date", "kind", "what", "sources"), 4),
    (("statement", "verdict", "comparable", "source", "comparable_basis", "why", "value",
      "as_of", "computed", "id"), 4),
    (("name", "latest_figure", "growth", "note", "era_figure", "first_figure", "yearly_pct",
      "designated", "designated_kind", "yearly_pct_since_first"), 4),
)  # fmt: skip
"""Towns, groups, research, organisations, sources, timeline, claims, growth: no two match
alike."""


def _plan(names: Sequence[str], *, exact: bool) -> Choice | None:
    """The plan for a listing with the column ``names`` (all of them, if ``exact``)."""
    if names[1:3] == ("towns", "population") and "mean_population" in names:  # a summary
        rest = ("towns", "population", "share", "population_as_of", "density", "area_km2")
        plans: tuple[Choice, ...] = (((names[0], *rest, "mean_population"), 3),)
    else:
        plans = _PLANS
    for plan in plans:
        if set(plan[0]) == set(names) if exact else set(plan[0]) <= set(names):
            return plan
    return None


def terminal_columns(
    available: Sequence[Column[T]], default: Sequence[str]
) -> tuple[Column[T], ...]:
    """The columns a terminal table may show without --fields, in the listing's order.

    The table itself (``choice``) keeps the essentials and as many of the others as fit.
    """
    plan = _plan(tuple(column.name for column in available), exact=False)
    if plan is None:
        return tables.pick(available, None, default)
    return tuple(column for column in available if column.name in plan[0])


def choice(names: Sequence[str]) -> Choice | None:
    """Which columns the terminal may leave out: those of a table made by terminal_columns.

    (A --fields naming exactly those columns is read the same way: the table still shows
    every column that fits, essentials first.)
    """
    return _plan(tuple(names), exact=True)


_COUNTED: dict[str, Callable[[int], str]] = {
    "towns": lambda n: ngettext("{n} town", "{n} towns", n),
    "groups": lambda n: ngettext("{n} group", "{n} groups", n),
    "studies": lambda n: ngettext("{n} study", "{n} studies", n),
    "organisations": lambda n: ngettext("{n} organisation", "{n} organisations", n),
    "sources": lambda n: ngettext("{n} source", "{n} sources", n),
    "entries": lambda n: ngettext("{n} entry", "{n} entries", n),
    "claims": lambda n: ngettext("{n} claim", "{n} claims", n),
    "rows": lambda n: ngettext("{n} row", "{n} rows", n),
    "fields": lambda n: ngettext("{n} field", "{n} fields", n),
}


def plural(count: int, noun: str) -> str:
    """'1 town', '2 towns', '1 study' in the run's language — ``noun`` is the English plural."""
    shown = str(count) if i18n.language() == "en" else i18n.number(count)
    counted = _COUNTED.get(noun)
    if counted is None:  # not one of ours: as English counts it
        return f"{count} {noun}"
    return counted(count).format(n=shown)


def table_caption(table: Table, noun: str) -> str:
    """The row count; for claims, also how many of each verdict."""
    caption = plural(len(table.rows), noun)
    if "verdict" in table.names:
        at = table.names.index("verdict")
        verdicts = Counter(str(row[at]) for row in table.rows)
        caption += ": " + ", ".join(f"{n} {_(verdict)}" for verdict, n in verdicts.most_common())
    return caption + "."


def town_caption(catalog: Catalog, towns: Sequence[Town]) -> str:
    """The row count, and the dates, units and origins of the population figures."""
    figures = [town.population for town in towns if town.population is not None]
    parts = [plural(len(towns), "towns")]
    if figures:
        dates = sorted({figure.as_of for figure in figures}, key=lambda d: d.key())
        shown = ", ".join(i18n.date(date) for date in dates)
        parts.append(_("population as of {dates}").format(dates=shown))
        places = [t.name for t in towns if t.population and t.population.unit != "municipality"]
        if places:
            counted = _("counted as a place, not a municipality: {places}")
            parts.append(counted.format(places=", ".join(places)))
        # Counted by origin: CBS's figure read through Wikipedia is CBS's.
        origins = provenance.origins(catalog, figures)
        parts.append(_("figures from {publishers}").format(publishers=origins))
        parts.append(
            _("each figure's origin and source: --fields name,population_origin,population_source")
        )
    return "; ".join(parts) + "."
