"""The columns of computed answers: summary rows and claim checks."""

from __future__ import annotations

from newtowns_cli.model.i18n import N_
from newtowns_cli.questions.claims import Check
from newtowns_cli.questions.summary import Row
from newtowns_cli.render.tables import Column, _date


def summary_columns(by: str | None) -> tuple[Column[Row], ...]:
    """The columns of a summary; the first is named after the grouping."""
    return (
        Column(by or "group", N_("what the towns are grouped by"), lambda r, _: r.key),
        Column("towns", N_("number of towns"), lambda r, _: len(r.towns), numeric=True),
        Column(
            "population",
            N_("sum of the latest municipal populations"),
            lambda r, _: r.population,
            numeric=True,
        ),
        Column("share", N_("share of the total population, %"), lambda r, _: r.share, numeric=True),
        Column(
            "mean_population",
            N_("mean population of the towns with a figure"),
            lambda r, _: r.mean_population,
            numeric=True,
        ),
        Column("area_km2", N_("sum of the towns' areas"), lambda r, _: r.area_km2, numeric=True),
        Column(
            "density",
            N_("inhabitants per km² (towns with both figures)"),
            lambda r, _: r.density,
            numeric=True,
        ),
        Column(
            "population_as_of", N_("dates of the population figures used"), lambda r, _: r.as_of
        ),
        Column("town_ids", N_("the towns counted"), lambda r, _: r.towns),
        Column(
            "apart_population",
            N_("latest figures of towns counted as a place or district, not added"),
            lambda r, _: r.apart_population,
            numeric=True,
        ),
        Column(
            "apart_town_ids", N_("towns whose latest figure counts a place"), lambda r, _: r.apart
        ),
    )


CLAIM_COLUMNS: tuple[Column[Check], ...] = (
    Column("id", N_("claim id"), lambda c, _: c.claim.id),
    Column("statement", N_("the published words"), lambda c, _: c.claim.statement, text=True),
    Column("relation", N_("exactly, about, more than or almost"), lambda c, _: c.claim.relation),
    Column("value", N_("the published figure"), lambda c, _: c.claim.value, numeric=True),
    Column("measure", N_("what is counted"), lambda c, _: c.claim.measure),
    Column("scope", N_("what the figure is about"), lambda c, _: c.claim.scope, text=True),
    Column("as_of", N_("date the claim refers to"), lambda c, _: _date(c.claim.as_of), date=True),
    Column("source", N_("source id of the claim"), lambda c, _: c.claim.source),
    Column(
        "computed", N_("the figure computed from the data"), lambda c, _: c.computed, numeric=True
    ),
    Column("verdict", N_("consistent, not consistent or not comparable"), lambda c, _: c.verdict),
    Column("why", N_("the reason for the verdict"), lambda c, _: c.why, text=True),
    Column("basis", N_("how the figure was computed"), lambda c, _: c.basis, text=True),
    Column(
        "comparable",
        N_("the closest figure the data supports, whatever the verdict"),
        lambda c, _: c.comparable,
        numeric=True,
    ),
    Column(
        "comparable_basis",
        N_("what that figure counts"),
        lambda c, _: c.comparable_basis or None,
        text=True,
    ),
)
DEFAULT_CLAIM_FIELDS = (
    "id",
    "statement",
    "value",
    "as_of",
    "source",
    "computed",
    "verdict",
    "why",
    "comparable",
    "comparable_basis",
)
