"""The HTML brief: the dossier's essentials on two printed A4 pages.

The map, the towns with their reference figure, designation and growth, one small chart per
place on a shared scale, the claims with the comparable number the data gives, and the
sources it cites as a compact numbered list. Built from the same parts as the dossier
(render/html/context.py) and written by the same Jinja2 environment, with autoescaping on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newtowns_cli.model import i18n
from newtowns_cli.model.i18n import _
from newtowns_cli.model.records import Town
from newtowns_cli.questions import municipal
from newtowns_cli.questions.claims import check_all
from newtowns_cli.questions.comparable import relation_words
from newtowns_cli.questions.growth import unit_words
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.questions.select import anchor
from newtowns_cli.render import lines
from newtowns_cli.render.documents.brief import growth_words
from newtowns_cli.render.html import dossier, svgchart
from newtowns_cli.render.html.context import Cell, Citations, Table, number, plain

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def render(catalog: Catalog, towns: Sequence[Town], *, filtered: bool) -> Iterator[str]:
    """The brief of ``towns`` as one HTML document, in pieces made as they are asked for
    (as the dossier: ``dossier.render``)."""
    template = dossier.environment().get_template("brief.html.j2")
    return dossier.pieces(template.generate(**context(catalog, towns, filtered=filtered)))


def context(catalog: Catalog, towns: Sequence[Town], *, filtered: bool) -> dict[str, object]:
    """What the brief shows, built in the order of the page (sources numbered in order)."""
    cite = Citations()
    grown = [municipal.of(town) for town in towns]
    relieved = {r.city for town in towns for r in town.relieves}
    cities = [c for c in catalog.dataset.city if relieved & {c.name, *c.aliases}]
    series = [(row.town.id, lines.from_figures(row.town.name, row.figures)) for row in grown]
    charted = [(id, line) for id, line in series if line.points]
    # Drawn as the page is written (the towns' table, which cites, stays before claims').
    charts = map(dossier.svg, svgchart.panels([line for _, line in charted], ident="brief-chart"))
    anchors = [f"chart-{id}" for id, _ in charted]
    page: dict[str, object] = {
        "meta": catalog.dataset.dataset,
        "filtered": filtered,
        "count": len(towns),
        "map": [dossier.svg(part) for part in dossier.town_map(catalog, towns, cities, 330)],
        "towns": _towns(grown, set(anchors), cite),
        "charts": zip(anchors, charts, strict=True),
    }
    page["claims"], page["bases"] = (None, ()) if filtered else _claims(catalog, cite)
    page["sources"] = dossier.cited(catalog, cite)
    return page


def _towns(grown: Sequence[municipal.PlaceGrowth], charted: set[str], cite: Citations) -> Table:
    rows = []
    for row in grown:
        town, result = row.town, row.result
        first = anchor(town)
        population = town.population
        shown = ""
        if population is not None:
            shown = f"{number(population.count)} ({population.as_of.year})"
            if population.unit != "municipality":
                shown += f", {i18n.say(unit_words(population.unit))}"
        era, since = growth_words(result)
        rows.append((
            Cell(town.name, href=f"#chart-{town.id}" if f"chart-{town.id}" in charted else ""),
            plain(town.province),
            cite(i18n.say(first.label()), first.source) if first else Cell(),
            cite.figure(shown, population) if population else Cell(numeric=True),
            Cell(era, numeric=True),
            Cell(since, numeric=True),
        ))  # fmt: skip
    header = (_("Town"), _("Province"), _("Designated"), _("Population"),
              _("Growth from designation"), _("Growth from first figure"))  # fmt: skip
    return Table(
        _("The towns: designation, reference population (municipal unless named) and growth"),
        header,
        tuple(rows),
    )


def _claims(catalog: Catalog, cite: Citations) -> tuple[Table, tuple[tuple[str, str], ...]]:
    """The claims with the number the data comes closest with; what each number counts is
    given once below the table, by letter (many claims share one)."""
    bases: dict[str, str] = {}
    rows = []
    for check in check_all(catalog):
        comparable = "" if check.comparable is None else number(check.comparable)
        if check.comparable_basis and comparable:
            letter = bases.setdefault(check.comparable_basis, LETTERS[len(bases) % 26])
            comparable += f" ({letter})"
        rows.append((
            cite(f"“{check.claim.statement}”", check.claim.source),
            Cell(
                f"{i18n.say(relation_words(check.claim.relation))} {number(check.claim.value)}",
                nowrap=True,
            ),
            Cell(comparable, numeric=True),
            Cell(str(i18n.say(check.verdict)), nowrap=True),
        ))  # fmt: skip
    header = (_("Claim"), _("Claimed"), _("The data"), _("Verdict"))
    table = Table(_("Published figures held against the data"), header, tuple(rows))
    return table, tuple((letter, str(i18n.say(basis))) for basis, letter in bases.items())
