"""The town commands: list, filter, show, summarise and growth.

A command is a plain function of the options spec.py declares, taken by name (no typer),
registered with ``@runner`` (registry.py); it reads its options, loads, computes, renders
and writes, top to bottom. The other commands are in the run_*.py modules beside it.
"""

from __future__ import annotations

from newtowns_cli.cli import emit
from newtowns_cli.cli.emit import Out
from newtowns_cli.cli.registry import View, runner, selected, subset
from newtowns_cli.model import frozen
from newtowns_cli.model.filters import TownFilter
from newtowns_cli.render import Format
from newtowns_cli.render.listings import no_match

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    pass


@runner("list", filters=True, out=True, view=True)
def list_towns(where: TownFilter, out: Out, view: View) -> None:
    """List the New Towns, one row per town; filters combine (AND)."""
    every, chosen, key = view.columns("list", out)
    catalog = emit.catalog(out.data)
    towns = view.order(catalog, selected(catalog, where), key)
    caption = None
    if out.format is Format.TABLE:  # the count, and the dates and sources of the figures
        from newtowns_cli.render.terminal.layout import town_caption

        caption = town_caption(catalog, towns)
    emit.listing(catalog, towns, chosen, out, "towns", every=every, caption=caption)


@runner("filter", filters=True)
def filter_data(
    where: TownFilter,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
) -> None:
    """Write the towns the filters select as a new data file, with what they cite."""
    from newtowns_cli.exports import datafile

    out = Out(None, True, output, force, data, listing=False)
    if out.path is not None:
        emit.format_of(out.path, {".toml": "toml"}, plain="toml", flag=None)
    dataset = subset(data, where)[2]
    emit.deliver(datafile.to_toml(dataset), out)


@runner("show", out=True)
def show(town: str, out: Out, notes: bool = False) -> None:
    """Show every fact about one town, with the source behind each figure."""
    from newtowns_cli.questions import lookup
    from newtowns_cli.render import views

    catalog = emit.catalog(out.data)
    found = lookup.find_town(catalog, town)
    shown = views.town(catalog, found, notes=notes)
    if out.to_terminal and out.format is Format.TABLE:
        from newtowns_cli.render.terminal.sparkline import with_chart

        shown = with_chart(shown, found, out.width)
    emit.detail(shown, out, emit.book(catalog, out, "town", lambda: shown.flat))


@runner("summarise", filters=True, out=True, view=True)
def summarise(where: TownFilter, out: Out, view: View, by: str | None = None) -> None:
    """Count the towns and add up population and area, in total or grouped --by."""
    from newtowns_cli.questions import select
    from newtowns_cli.questions.summary import summarize
    from newtowns_cli.render import render_summary, tables

    _, chosen, key = view.columns("summarise", out, by)
    catalog = emit.catalog(out.data)
    towns = selected(catalog, where)
    result = summarize(catalog, towns, by)
    membership = select.undated_membership_note(catalog, where)
    if membership is not None:
        result = frozen.replace(result, notes=(*result.notes, membership))
    result = frozen.replace(result, rows=tuple(view.order(catalog, result.rows, key)))
    if out.format is Format.XLSX:  # the rows, then the total, as in CSV
        # The sources of the figures added up: the towns' reference populations.
        figures = tables.pick(tables.TOWN_COLUMNS, "population_source", ())
        book = emit.book(
            catalog, out, "summary", lambda: tables.build(catalog, towns, figures), result.notes
        )
        shown = tables.build(catalog, [*result.rows, result.total], chosen)
        emit.table(shown, out, noun="groups", book=book)
        return
    text = render_summary(
        catalog,
        result,
        chosen,
        out.format,
        width=out.width,
        color=out.color,
        delimiter=out.delimiter,
    )
    emit.deliver(text, out)


@runner("growth", filters=True, out=True, view=True)
def growth(
    where: TownFilter,
    out: Out,
    view: View,
    towns: list[str] | None = None,
    chart: bool = False,
    log: bool = False,
    latest: bool = False,
) -> None:
    """How much each place grew: first, designation-era and latest municipal figure."""
    from newtowns_cli.questions import lookup, municipal

    every, chosen, key = view.columns("growth", out)
    catalog = emit.catalog(out.data)
    picked = selected(catalog, where)
    if towns:
        named = list(dict.fromkeys(lookup.find_town(catalog, town).id for town in towns))
        matching = {town.id: town for town in picked}
        picked = [matching[id] for id in named if id in matching]
    rows = view.order(catalog, [municipal.of(t, latest=latest) for t in picked], key)
    if chart:
        from newtowns_cli.render.terminal import termchart

        if rows:
            emit.deliver(termchart.growth(rows, width=out.width, log=log), out)
        else:
            emit.note(no_match("towns"))
        return
    emit.listing(catalog, rows, chosen, out, "towns", sheet="growth", every=every)
