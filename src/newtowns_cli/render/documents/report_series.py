"""Dossier sections: designation facts, population series, gaps, relieved cities.

Every figure keeps its unit: municipal figures and place or district figures stand in
separate columns, never in one series.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newtowns_cli.model import i18n
from newtowns_cli.model.i18n import _, ngettext, say
from newtowns_cli.model.records import City, Designation, Population, Town
from newtowns_cli.questions.comparable import relation_words
from newtowns_cli.questions.growth import unit_words
from newtowns_cli.render import curation
from newtowns_cli.render.formats import markdown

Cite = Callable[..., str]
Table = Callable[..., str]


def by_date(town: Town) -> list[Designation]:
    """A town's designation facts oldest first, undated ones last (else in data order)."""
    return sorted(town.designation, key=lambda d: (d.date is None, d.date.key() if d.date else ()))


def cited(text: str, figure: Population, cite: Cite) -> str:
    """A figure with its sources, the origin first: '226786 [3] via [4]'."""
    if figure.original is None:
        return f"{text} {cite(figure.source)}"
    return f"{text} {cite(figure.original)} via {cite(figure.source)}"


def designations(towns: Sequence[Town], cite: Cite, table: Table) -> list[str]:
    """Every designation fact of every town, oldest first, with what it was and its source."""
    rows = [
        [
            markdown.escape(town.name),
            str(fact.date) if fact.date else "",
            fact.kind or "",
            markdown.escape(fact.policy or ""),
            cite(fact.source),
        ]
        for town in towns
        for fact in by_date(town)
    ]
    intro = _(
        "What each source says about a town's designation: `official` a designation by the "
        "state, `decision` a growth decision, `founding` a founding date, `policy` a policy "
        "naming the town, `mention` a source calling it designated without a date or act. "
        "The Towns table and growth count from the earliest official date, else the earliest "
        "dated decision, founding or policy, named with its kind."
    )
    header = [_("Town"), _("Date"), _("Kind"), _("Policy"), _("Source")]
    return ["## " + _("Designations"), intro, table(header, rows)]


def _unit(figure: Population) -> str:
    unit = str(say(unit_words(figure.unit)))
    if figure.unit == "municipality" and figure.unit_name is None:
        return unit
    return f"{unit} {markdown.escape(figure.unit_name or '')}".strip()


def series(towns: Sequence[Town], cite: Cite, table: Table) -> list[str]:
    """Each town's figures by date: the municipality's apart from places and districts."""
    parts = [
        "## " + _("Population series"),
        _(
            "Municipal figures (the town's municipality as it was then) and figures of other units "
            "(a place, a district, a predecessor municipality, or a unit the source does not "
            "state) in separate columns; they are never added up or joined into one series. "
            "A qualifier marks a rounded figure (`about` for circa, `more than` for ruim, "
            "`almost` for bijna)."
        ),
    ]
    for town in towns:
        figures = sorted(
            (town.population, *town.population_history)
            if town.population
            else town.population_history,
            key=lambda p: p.as_of.key(),
        )
        if not figures:
            continue
        rows = []
        for figure in figures:
            qualifier = f"{say(relation_words(figure.qualifier))} " if figure.qualifier else ""
            count = cited(f"{qualifier}{i18n.count(figure.count)}", figure, cite)
            municipal = figure.unit == "municipality"
            rows.append([
                str(figure.as_of),
                count if municipal else "",
                "" if municipal else count,
                _unit(figure),
            ])  # fmt: skip
        decades = sorted({f.as_of.year // 10 * 10 for f in figures if f.unit == "municipality"})
        parts.append(f"### {markdown.escape(town.name)}")
        municipal_count = sum(f.unit == "municipality" for f in figures)
        listed = ", ".join(curation.decade(d) for d in decades) or _("none")
        said = ngettext(
            "Municipal figures: {count}, in {n} decade ({listed}).",
            "Municipal figures: {count}, in {n} decades ({listed}).",
            len(decades),
        )
        parts.append(said.format(count=municipal_count, n=len(decades), listed=listed))
        header = [_("As of"), _("Municipality"), _("Other unit"), _("Unit")]
        parts.append(table(header, rows, numeric=(1, 2)))
    return parts


def gaps(towns: Sequence[Town]) -> list[str]:
    """One line per place: the decades with no municipal figure (where one looked is for
    maintainers: ``newtowns validate --gaps``)."""
    lines = [
        f"- {markdown.escape(town.name)}: {curation.gap_decades(town)}"
        for town in towns
        if town.population_gaps
    ]
    intro = _(
        "Decades in which no source found gives a municipal figure; the series are not "
        "interpolated across them."
    )
    return ["## " + _("Decades with no municipal figure"), intro, "\n".join(lines)]


def cities(items: Sequence[City], cite: Cite, table: Table) -> list[str]:
    """The relieved cities with their location and its source."""
    rows = [
        [
            markdown.escape(city.name),
            _("{lat}, {lon}").format(
                lat=i18n.count(city.location[0].lat), lon=i18n.count(city.location[0].lon)
            )
            + f" {cite(city.location[0].source)}"
            if city.location
            else "",
            markdown.escape(str(say(city.note or ""))),
        ]
        for city in items
    ]
    header = [_("City"), _("Location"), _("Note")]
    return ["## " + _("Relieved cities"), table(header, rows)]
