"""The commands that put facts side by side: timeline, claims and report (and --open)."""

from __future__ import annotations

from collections.abc import Iterable

from newtowns_cli.cli import emit
from newtowns_cli.cli.emit import Out
from newtowns_cli.cli.registry import View, check_range, parse_date, runner, selected
from newtowns_cli.model.errors import UsageError
from newtowns_cli.model.filters import TownFilter
from newtowns_cli.model.i18n import _
from newtowns_cli.render import Format


@runner("timeline", out=True, view=True)
def timeline(
    out: Out,
    view: View,
    start: str | None = None,
    end: str | None = None,
    town: str | None = None,
    group: str | None = None,
    kind: list[str] | None = None,
    chart: bool = False,
) -> None:
    """Every dated fact in one chronological list, derived from the data."""
    from newtowns_cli.questions import lookup
    from newtowns_cli.questions import timeline as events
    from newtowns_cli.render.terminal import chart as charts

    every, chosen, key = view.columns("timeline", out)
    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if first is not None and last is not None and first.first_day() > last.last_day():
        check_range(f"--from {start}", f"--to {end}")
    catalog = emit.catalog(out.data)
    found = events.select(
        events.entries(catalog.dataset),
        start=first,
        end=last,
        town=lookup.find_town(catalog, town).id if town is not None else None,
        group=lookup.find_group(catalog, group).id if group is not None else None,
        kinds=kind or (),
    )
    found = view.order(catalog, found, key)
    if chart:
        emit.deliver(charts.timeline(found, width=out.width), out)
        return
    emit.listing(catalog, found, chosen, out, "entries", sheet="timeline", every=every, wrap=True)


@runner("claims", out=True, view=True)
def claims(out: Out, view: View) -> None:
    """Hold each published figure against the data: consistent, not consistent or not comparable."""
    from newtowns_cli.questions.claims import check_all

    every, chosen, key = view.columns("claims", out)
    catalog = emit.catalog(out.data)
    checks = view.order(catalog, check_all(catalog), key)
    emit.listing(catalog, checks, chosen, out, "claims", every=every, wrap=True)


@runner("report", filters=True)
def report(
    where: TownFilter,
    fmt: str | None = None,
    brief: bool = False,
    open: bool = False,
    no_pager: bool = False,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
    no_color: bool = False,
) -> None:
    """Write the data set (or the towns the filters select) as one document."""
    from newtowns_cli.render.exported import DOSSIER_SUFFIXES, document

    named = None
    if fmt is None and output is not None and output != emit.STDOUT:
        named = emit.format_of(output, DOSSIER_SUFFIXES, plain="md")  # else Out checks it
    html = (fmt or named or ("html" if open else "md")) == "html"
    page_out = Out(None, True, output, force, data, listing=False)
    if open and not html:
        hint = _("leave out --format md, or write to -o NAME.html")
        raise UsageError(_("--open opens an HTML page, not Markdown"), hint=hint)
    if html and page_out.to_terminal and not open:  # a file, a pipe or a browser
        message = _("--format html writes a page for a browser, not for a terminal")
        hint = _("write it to a file with -o NAME.html, or open it in your browser with --open")
        raise UsageError(message, hint=hint)
    catalog = emit.catalog(data)
    towns = selected(catalog, where)
    page = document(catalog, towns, html=html, brief=brief, filtered=where != TownFilter())
    if open:
        _open(page, page_out)
    elif html:
        emit.deliver(page, page_out)
    else:
        assert isinstance(page, str)
        emit.document(page, Out(Format.MD, no_color, output, force, data), pager=not no_pager)


def _open(page: str | Iterable[str], out: Out) -> None:
    """Write ``page`` to --output, else to a new temporary file only the user can read
    (mkstemp: mode 0600), open it in the browser ($BROWSER, else the system's) and print
    its path on stdout. A browser that cannot be started is a note: the file stays."""
    import os
    import pathlib
    import tempfile
    import webbrowser

    if out.path is not None:
        emit.deliver(page, out)
        path = pathlib.Path(out.path).absolute()
    else:
        handle, name = tempfile.mkstemp(prefix="newtowns-", suffix=".html")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.writelines([page] if isinstance(page, str) else page)
        path = pathlib.Path(name)
    emit.write(f"{out.path or path}\n")
    if not webbrowser.open(path.as_uri()):
        said = _("newtowns: note: no browser could be started: open {path}").format(path=path)
        emit.note(said, always=True)
