"""The commands that put facts side by side: timeline, claims and report."""

from __future__ import annotations

from newtowns_cli.cli import emit
from newtowns_cli.cli.checks import check_page
from newtowns_cli.cli.choices import DossierFormat
from newtowns_cli.cli.emit import Out
from newtowns_cli.cli.registry import (
    check_chart,
    check_range,
    order,
    parse_date,
    runner,
    selected,
    sort_column,
)
from newtowns_cli.model.errors import UsageError
from newtowns_cli.model.filters import TownFilter
from newtowns_cli.model.i18n import _
from newtowns_cli.render import Format


@runner("timeline")
def timeline(
    start: str | None = None,
    end: str | None = None,
    town: str | None = None,
    group: str | None = None,
    kind: list[str] | None = None,
    chart: bool = False,
    sort: str | None = None,
    reverse: bool = False,
    limit: int | None = None,
    fields: str | None = None,
    fmt: Format | None = None,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
    no_color: bool = False,
    delimiter: str | None = None,
) -> None:
    """Every dated fact in one chronological list, derived from the data."""
    from newtowns_cli.questions import lookup
    from newtowns_cli.questions import timeline as events
    from newtowns_cli.render import tables
    from newtowns_cli.render.terminal import chart as charts

    if chart:
        check_chart(fmt, output, fields)
    out = Out(fmt, no_color, output, force, data, listing=not chart, delimiter=delimiter)
    chosen = emit.columns(tables.TIMELINE_COLUMNS, fields, tables.DEFAULT_TIMELINE_FIELDS, out)
    key = sort_column(tables.TIMELINE_COLUMNS, sort)
    unknown = sorted(set(kind or ()) - set(events.KINDS))
    if unknown:
        import difflib  # only for a kind that is not known

        close = [m for k in unknown for m in difflib.get_close_matches(k, events.KINDS, n=1)]
        from newtowns_cli.cli.parse import did_you_mean

        guess = did_you_mean(", ".join(dict.fromkeys(close)) if close else None)
        raise UsageError(
            _("unknown --kind: {kinds}").format(kinds=", ".join(unknown)),
            hint=guess + _("valid kinds: {kinds}").format(kinds=", ".join(events.KINDS)),
        )
    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if first is not None and last is not None and first.first_day() > last.last_day():
        check_range(f"--from {start}", f"--to {end}")
    catalog = emit.catalog(data)
    found = events.select(
        events.entries(catalog.dataset),
        start=first,
        end=last,
        town=lookup.find_town(catalog, town).id if town is not None else None,
        group=lookup.find_group(catalog, group).id if group is not None else None,
        kinds=kind or (),
    )
    found = order(catalog, found, key, reverse, limit)
    if chart:
        emit.deliver(charts.timeline(found, width=out.width), out)
        return
    book = emit.book(
        catalog, out, "timeline", lambda: tables.build(catalog, found, tables.TIMELINE_COLUMNS)
    )
    emit.table(tables.build(catalog, found, chosen), out, noun="entries", wrap=True, book=book)


@runner("claims")
def claims(
    sort: str | None = None,
    reverse: bool = False,
    limit: int | None = None,
    fields: str | None = None,
    fmt: Format | None = None,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
    no_color: bool = False,
    delimiter: str | None = None,
) -> None:
    """Hold each published figure against the data: consistent, not consistent or not comparable."""
    from newtowns_cli.questions.claims import check_all
    from newtowns_cli.render import answer_columns, tables

    out = Out(fmt, no_color, output, force, data, delimiter=delimiter)
    chosen = emit.columns(
        answer_columns.CLAIM_COLUMNS, fields, answer_columns.DEFAULT_CLAIM_FIELDS, out
    )
    key = sort_column(answer_columns.CLAIM_COLUMNS, sort)
    catalog = emit.catalog(data)
    checks = order(catalog, check_all(catalog), key, reverse, limit)
    every = answer_columns.CLAIM_COLUMNS
    book = emit.book(catalog, out, "claims", lambda: tables.build(catalog, checks, every))
    emit.table(tables.build(catalog, checks, chosen), out, noun="claims", wrap=True, book=book)


@runner("report", filters=True)
def report(
    where: TownFilter,
    fmt: DossierFormat | None = None,
    brief: bool = False,
    open: bool = False,
    no_pager: bool = False,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
    no_color: bool = False,
) -> None:
    """Write the data set (or the towns the filters select) as one document."""
    named = None
    if fmt is None and output is not None and output != emit.STDOUT:
        named = emit.format_of(output, DOSSIER_SUFFIXES, plain="md")  # else Out checks it
    chosen = fmt or named or (DossierFormat.HTML if open else DossierFormat.MD)
    html = chosen is DossierFormat.HTML
    page_out = Out(None, True, output, force, data, listing=False)
    check_page(html=html, browse=open, to_terminal=page_out.to_terminal)
    catalog = emit.catalog(data)
    towns = selected(catalog, where)
    filtered = where != TownFilter()
    if html:
        if brief:
            from newtowns_cli.render.html import brief as html_brief

            page = html_brief.render(catalog, towns, filtered=filtered)
        else:
            from newtowns_cli.render.html import dossier

            page = dossier.render(catalog, towns, filtered=filtered)
        if open:
            from newtowns_cli.cli.browse import open_page

            open_page(page, page_out)
        else:
            emit.deliver(page, page_out)
        return
    if brief:
        from newtowns_cli.render.documents.brief import brief as markdown_brief

        text = markdown_brief(catalog, towns, filtered=filtered)
    else:
        from newtowns_cli.render.documents.report import report as markdown_report

        text = markdown_report(catalog, towns, filtered=filtered)
    emit.document(text, Out(Format.MD, no_color, output, force, data), pager=not no_pager)


DOSSIER_SUFFIXES = {
    ".md": DossierFormat.MD,
    ".markdown": DossierFormat.MD,
    ".html": DossierFormat.HTML,
}
"""The extensions report's -o FILE knows; .txt and none get Markdown, as a pipe does."""
