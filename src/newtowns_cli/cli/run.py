"""The commands themselves: each reads its options, loads, computes, renders and writes.

Nothing here imports typer: a command is a plain function of its options, registered
in RUNNERS. commands.py declares how each option is spelled on the command line (and
typer parses it from there); fast.py parses the common command lines without typer.
The docstrings are the commands' help.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from newtowns_cli import frozen, store
from newtowns_cli.cli import emit
from newtowns_cli.cli.emit import Out
from newtowns_cli.cli.params import (
    COMPLETE_VAR,
    By,
    DossierFormat,
    ExportFormat,
    ReportFormat,
    Shell,
    check_range,
    parse_date,
)
from newtowns_cli.errors import ExitCode, UsageError
from newtowns_cli.filters import TownFilter
from newtowns_cli.frozen import Frozen
from newtowns_cli.render import Format

if TYPE_CHECKING:
    from newtowns_cli.models import Dataset, Town
    from newtowns_cli.query import Catalog
    from newtowns_cli.render.detail import Detail
    from newtowns_cli.render.records import Column

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., None])


class Runner(Frozen):
    """A command: its function, and whether it takes the town filters (as ``where``)."""

    name: str
    function: Callable[..., None]
    filters: bool = False

    def __call__(self, values: dict[str, Any]) -> None:
        """Run with ``values``, the parsed options by name (the filters among them)."""
        if self.filters:
            from newtowns_cli.cli.params import town_filter

            values = dict(values)
            values["where"] = town_filter(values)
        self.function(**values)


RUNNERS: dict[str, Runner] = {}
"""Every command, in the order of the help, by name."""


def runner(name: str, *, filters: bool = False) -> Callable[[F], F]:
    """Register ``function`` as the command ``name``."""

    def register(function: F) -> F:
        RUNNERS[name] = Runner(name, function, filters)
        return function

    return register


@runner("list", filters=True)
def list_towns(
    where: TownFilter,
    sort: str | None = None,
    reverse: bool = False,
    limit: int | None = None,
    fields: str | None = None,
    fmt: Format | None = None,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
    no_color: bool = False,
) -> None:
    """List the New Towns, one row per town; filters combine (AND).

    \b
    Example: newtowns list --region MRA --sort population --reverse --format json
    """
    from newtowns_cli.render import records

    out = Out(fmt, no_color, output, force, data)
    chosen = emit.columns(records.TOWN_COLUMNS, fields, records.DEFAULT_TOWN_FIELDS, out)
    key = sort_column(records.TOWN_COLUMNS, sort)
    catalog = emit.catalog(data)
    towns = _order(catalog, _selected(catalog, where), key, reverse, limit)
    caption = emit.town_caption(catalog, towns, out)
    emit.table(records.build(catalog, towns, chosen), out, noun="towns", caption=caption)


def _selected(catalog: Catalog, where: TownFilter) -> list[Town]:
    """The towns matching ``where``; memberships unconfirmed on --member-as-of named on stderr."""
    from newtowns_cli import query

    towns = query.select_towns(catalog, where)
    for group, unconfirmed in query.unconfirmed_on(catalog, where):
        emit.note(
            f"newtowns: note: membership of {group.id} unconfirmed on {where.member_as_of}, "
            f"not counted: {', '.join(unconfirmed)}",
            always=True,
        )
    return towns


@runner("filter", filters=True)
def filter_data(
    where: TownFilter,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
) -> None:
    """Write the towns the filters select as a new data file, with what they cite.

    The result is a valid data file (TOML: what export --format toml writes) of the
    selected towns and the groups, research, organisations, events, claims and sources
    about them; read it with --data.

    \b
    Example: newtowns filter --region MRA -o mra.toml
    """
    from newtowns_cli import export as exports

    out = Out(None, True, output, force, data, listing=False)
    if out.path is not None:
        emit.format_of(out.path, {".toml": "toml"}, plain="toml", flag=None)
    dataset = _subset(data, where)[2]
    emit.deliver(exports.to_toml(dataset), out)


@runner("show")
def show(
    town: str,
    fmt: Format | None = None,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
    no_color: bool = False,
) -> None:
    """Show every fact about one town, with the source behind each figure.

    \b
    Example: newtowns show nissewaard --format md
    """
    from newtowns_cli import query
    from newtowns_cli.render import views

    out = Out(fmt, no_color, output, force, data)
    catalog = emit.catalog(data)
    found = query.find_town(catalog, town)
    shown = views.town(catalog, found)
    if out.to_terminal and out.format is Format.TABLE:
        shown = _with_chart(shown, found, out.width)
    emit.detail(shown, out)


def _with_chart(shown: Detail, town: Town, width: int) -> Detail:
    """The view with a small chart of the town's municipal series (a terminal's only)."""
    from newtowns_cli import municipal
    from newtowns_cli.render import lines, sparkline

    figures = municipal.figures(town)
    chart = sparkline.render(lines.from_figures(town.name, figures), width=width)
    if not chart:
        return shown
    counted = " then ".join(dict.fromkeys(f.label or town.municipality for f in figures))
    plural = "" if len(figures) == 1 else "s"
    title = f"Municipal population ({len(figures)} figure{plural}: {counted})"
    chart = (*chart, "Straight between figures; blank where the series breaks.")
    return frozen.replace(shown, chart=chart, chart_title=title)


class Listing(Frozen, Generic[T]):
    """What a listing command lists: its columns, its items, and how to show one in full."""

    columns: Sequence[Column[T]]
    default: Sequence[str]
    items: Callable[[Catalog], Sequence[T]]
    detail: Callable[[Catalog, str], Detail]
    noun: str


def sort_column(columns: Sequence[Column[T]], sort: str | None) -> Column[T] | None:
    """The column --sort names; an unknown one is a usage error with the closest name."""
    if sort is None:
        return None
    names = [column.name for column in columns]
    if sort in names:
        return columns[names.index(sort)]
    if not sort.strip():
        raise UsageError("no field given for --sort", hint="valid fields: " + ", ".join(names))
    import difflib

    close = difflib.get_close_matches(sort, names, n=1)
    hint = (f"did you mean {close[0]}? " if close else "") + "valid fields: " + ", ".join(names)
    raise UsageError(f"unknown field for --sort: {sort}", hint=hint)


def _order(
    catalog: Catalog, items: Sequence[T], key: Column[T] | None, reverse: bool, limit: int | None
) -> list[T]:
    """``items`` sorted by ``key`` (empty values last), or reversed, then the first ``limit``."""
    from newtowns_cli.render import records

    if key is not None:
        ordered = records.sort_items(catalog, items, key, reverse=reverse)
    else:
        ordered = list(items[::-1] if reverse else items)
    return ordered if limit is None else ordered[:limit]


def _listing_command(name: str, doc: str) -> None:
    """Register a listing command: every item as rows, or with an argument one item in full.

    groups, research, organisations and sources differ only in their Listing (and, in
    commands.py, in their argument's help).
    """

    def run(
        wanted: str | None = None,
        sort: str | None = None,
        reverse: bool = False,
        limit: int | None = None,
        fields: str | None = None,
        fmt: Format | None = None,
        output: str | None = None,
        force: bool = False,
        data: str | None = None,
        no_color: bool = False,
    ) -> None:
        from newtowns_cli.render import records

        shown = _listing(name)
        out = Out(fmt, no_color, output, force, data)
        chosen = emit.columns(shown.columns, fields, shown.default, out)
        key = sort_column(shown.columns, sort)
        catalog = emit.catalog(out.data)
        if wanted is not None:
            emit.detail(shown.detail(catalog, wanted), out)
            return
        rows = _order(catalog, shown.items(catalog), key, reverse, limit)
        emit.table(records.build(catalog, rows, chosen), out, noun=shown.noun)

    run.__doc__ = doc
    run.__name__ = run.__qualname__ = name
    runner(name)(run)


def _listing(name: str) -> Listing[Any]:
    """What the listing command ``name`` lists (imported only when it runs)."""
    from newtowns_cli import query
    from newtowns_cli.render import records, views

    listings: dict[str, Listing[Any]] = {
        "groups": Listing(
            records.GROUP_COLUMNS,
            records.DEFAULT_GROUP_FIELDS,
            lambda c: c.dataset.group,
            lambda c, v: views.group(c, query.find_group(c, v)),
            "groups",
        ),
        "research": Listing(
            records.RESEARCH_COLUMNS,
            records.DEFAULT_RESEARCH_FIELDS,
            lambda c: c.dataset.research,
            lambda c, v: views.research(c, query.find_research(c, v)),
            "studies",
        ),
        "organisations": Listing(
            records.ORGANISATION_COLUMNS,
            records.DEFAULT_ORGANISATION_FIELDS,
            lambda c: c.dataset.organisation,
            lambda c, v: views.organisation(c, query.find_organisation(c, v)),
            "organisations",
        ),
        "sources": Listing(
            records.SOURCE_COLUMNS,
            records.DEFAULT_SOURCE_FIELDS,
            lambda c: c.dataset.source,
            lambda c, v: views.source(c, query.find_source(c, v)),
            "sources",
        ),
    }
    return listings[name]


_listing_command(
    "groups",
    """List the alliances, networks, programmes and regions, or show one with its members.

    \b
    Example: newtowns groups "New Towns Alliantie"
    """,
)
_listing_command(
    "research",
    """List the research about the New Towns, or show one study with its findings.

    \b
    Example: newtowns research zorgen-voor-new-towns
    """,
)
_listing_command(
    "organisations",
    """List the ministries, institutes and bureaus involved, or show one in full.

    \b
    Example: newtowns organisations platform31
    """,
)
_listing_command(
    "sources",
    """List the sources, or show one with every fact that cites it.

    \b
    Example: newtowns sources mra-2023-12-04
    """,
)


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
) -> None:
    """Every dated fact in one chronological list, derived from the data.

    Entries on the same date come in a fixed order of kind; a year-only date comes
    before the months and days of that year.

    \b
    Example: newtowns timeline --from 2020 --chart
    """
    from newtowns_cli import query
    from newtowns_cli import timeline as events
    from newtowns_cli.render import chart as charts
    from newtowns_cli.render import records

    if chart:
        _check_chart(fmt, output, fields)
    out = Out(fmt, no_color, output, force, data, listing=not chart)
    chosen = emit.columns(records.TIMELINE_COLUMNS, fields, records.DEFAULT_TIMELINE_FIELDS, out)
    key = sort_column(records.TIMELINE_COLUMNS, sort)
    unknown = sorted(set(kind or ()) - set(events.KINDS))
    if unknown:
        import difflib  # only for a kind that is not known

        close = [m for k in unknown for m in difflib.get_close_matches(k, events.KINDS, n=1)]
        guess = f"did you mean {', '.join(dict.fromkeys(close))}? " if close else ""
        raise UsageError(
            f"unknown --kind: {', '.join(unknown)}",
            hint=guess + "valid kinds: " + ", ".join(events.KINDS),
        )
    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if first is not None and last is not None and first.first_day() > last.last_day():
        check_range(f"--from {start}", f"--to {end}")
    catalog = emit.catalog(data)
    found = events.select(
        events.entries(catalog.dataset),
        start=first,
        end=last,
        town=query.find_town(catalog, town).id if town is not None else None,
        group=query.find_group(catalog, group).id if group is not None else None,
        kinds=kind or (),
    )
    found = _order(catalog, found, key, reverse, limit)
    if chart:
        emit.deliver(charts.timeline(found, width=out.width), out)
        return
    emit.table(records.build(catalog, found, chosen), out, noun="entries", wrap=True)


def _check_chart(fmt: Format | None, output: str | None, fields: str | None) -> None:
    """--chart draws text: --format, --fields and an -o naming another format are usage errors.

    Checked before anything is read or written. -o FILE.txt, or a name without an
    extension, gets the chart as text, as a pipe does.
    """
    if fmt is not None:
        raise UsageError(
            f"--chart cannot be combined with --format {fmt.value}: the chart is text",
            hint=f"drop --chart for {fmt.value}, or --format for the chart",
        )
    if fields is not None:
        raise UsageError(
            "--chart cannot be combined with --fields: the chart has no columns",
            hint="drop --chart for a listing of those fields, or --fields for the chart",
        )
    if output is not None and output != emit.STDOUT:
        emit.check_path(output)
        import pathlib

        suffix = pathlib.PurePath(output).suffix.lower()
        if suffix not in emit.PLAIN_SUFFIXES:
            raise UsageError(
                f"--chart cannot be written to -o {output}: the chart is text",
                hint="name a .txt file or one without an extension, or drop --chart "
                f"for a '{suffix}' listing",
            )


@runner("summarise", filters=True)
def summarise(
    where: TownFilter,
    by: By | None = None,
    sort: str | None = None,
    reverse: bool = False,
    limit: int | None = None,
    fields: str | None = None,
    fmt: Format | None = None,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
    no_color: bool = False,
) -> None:
    """Count the towns and add up population and area, in total or grouped --by.

    --sort, --reverse and --limit order and cut the groups; the total counts every town.
    Also spelled `summary`.

    \b
    Example: newtowns summarise --by province
    """
    from newtowns_cli.render import records, render_summary
    from newtowns_cli.summary import summarize

    out = Out(fmt, no_color, output, force, data)
    grouping = by.value if by else None
    available = records.summary_columns(grouping)
    default = [c.name for c in available if c.name not in ("town_ids", "apart_town_ids")]
    chosen = emit.columns(available, fields, default, out)
    key = sort_column(available, sort)
    catalog = emit.catalog(data)
    result = summarize(catalog, _selected(catalog, where), grouping)
    if key is not None or reverse or limit is not None:
        rows = tuple(_order(catalog, result.rows, key, reverse, limit))
        result = frozen.replace(result, rows=rows)
    text = render_summary(catalog, result, chosen, out.format, width=out.width, color=out.color)
    emit.deliver(text, out)


@runner("growth", filters=True)
def growth(
    where: TownFilter,
    towns: list[str] | None = None,
    chart: bool = False,
    log: bool = False,
    sort: str | None = None,
    reverse: bool = False,
    limit: int | None = None,
    fields: str | None = None,
    fmt: Format | None = None,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
    no_color: bool = False,
) -> None:
    """How much each place grew: first, designation-era and latest municipal figure.

    Growth, factor (latest ÷ era) and compound yearly rate run from the designation-era
    figure (the last municipal figure at or before the earliest official designation,
    else the first after it) to the latest. Municipal figures only; the note says when a
    place has none. --chart draws the series: one chart for up to four places, else one
    small chart per place.

    \b
    Example: newtowns growth almere lelystad --chart --log
    """
    from newtowns_cli import municipal, query
    from newtowns_cli.render import growth_columns as columns
    from newtowns_cli.render import records

    out = Out(fmt, no_color, output, force, data, listing=not chart)
    chosen = emit.columns(columns.GROWTH_COLUMNS, fields, columns.DEFAULT_GROWTH_FIELDS, out)
    key = sort_column(columns.GROWTH_COLUMNS, sort)
    catalog = emit.catalog(data)
    selected = _selected(catalog, where)
    if towns:
        named = list(dict.fromkeys(query.find_town(catalog, town).id for town in towns))
        matching = {town.id: town for town in selected}
        selected = [matching[id] for id in named if id in matching]
    rows = _order(catalog, [municipal.of(town) for town in selected], key, reverse, limit)
    if chart:
        from newtowns_cli.render import lines, termchart

        series = [lines.from_figures(row.town.name, row.figures) for row in rows]
        if not series:
            emit.note("no towns match")
            return
        # No colour: plotext paints a white background, and the letters carry the meaning.
        emit.deliver(termchart.render(series, width=out.width, log=log), out)
        return
    emit.table(records.build(catalog, rows, chosen), out, noun="towns")


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
) -> None:
    """Hold each published figure against the data: consistent, not consistent or not comparable.

    \b
    Example: newtowns claims --format md
    """
    from newtowns_cli.claims import check_all
    from newtowns_cli.render import records

    out = Out(fmt, no_color, output, force, data)
    chosen = emit.columns(records.CLAIM_COLUMNS, fields, records.DEFAULT_CLAIM_FIELDS, out)
    key = sort_column(records.CLAIM_COLUMNS, sort)
    catalog = emit.catalog(data)
    checks = _order(catalog, check_all(catalog), key, reverse, limit)
    emit.table(records.build(catalog, checks, chosen), out, noun="claims", wrap=True)


@runner("report", filters=True)
def report(
    where: TownFilter,
    fmt: DossierFormat | None = None,
    no_pager: bool = False,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
    no_color: bool = False,
) -> None:
    """Write the data set (or the towns the filters select) as one document.

    Every figure links to a numbered list of sources. Markdown by default; on a terminal
    it is shown rendered, through a pager ($PAGER, else less) when longer than the
    screen. --format html (or -o NAME.html) writes one self-contained page with a map and
    growth charts, to open offline or print; it is written as it is, on a terminal too.

    \b
    Example: newtowns report -o dossier.html
    """
    named = None
    if fmt is None and output is not None and output != emit.STDOUT:
        named = emit.format_of(output, DOSSIER_SUFFIXES, plain="md")  # else Out checks it
    chosen = fmt or named or DossierFormat.MD
    catalog = emit.catalog(data)
    towns = _selected(catalog, where)
    filtered = where != TownFilter()
    if chosen is DossierFormat.HTML:
        from newtowns_cli.render import html

        page = html.render(catalog, towns, filtered=filtered)
        emit.deliver(page, Out(None, True, output, force, data, listing=False))
        return
    from newtowns_cli.render.report import report as dossier

    text = dossier(catalog, towns, filtered=filtered)
    emit.document(text, Out(Format.MD, no_color, output, force, data), pager=not no_pager)


DOSSIER_SUFFIXES = {
    ".md": DossierFormat.MD,
    ".markdown": DossierFormat.MD,
    ".html": DossierFormat.HTML,
}
"""The extensions report's -o FILE knows; .txt and none get Markdown, as a pipe does."""


@runner("validate")
def validate(
    file: str | None = None,
    fmt: ReportFormat = ReportFormat.TEXT,
    data: str | None = None,
) -> None:
    """Check a data file and report every problem as file:line:col: path: message.

    Exit 0 when the file is valid, 1 when it has problems.

    \b
    Example: newtowns validate data/newtowns.toml --format json
    """
    target = emit.data_file(file if file is not None else data)
    if file is not None:  # named here: --data and NEWTOWNS_DATA play no part
        target = frozen.replace(target, hint=None)
    dataset, problems = store.inspect(target, today=datetime.date.today())
    if fmt is ReportFormat.JSON:
        keys = ("file", "line", "column", "path", "code", "message")
        records = [{key: getattr(problem, key) for key in keys} for problem in problems]
        emit.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        emit.problems(problems)
    if dataset is None:
        noun = "problem" if len(problems) == 1 else "problems"
        emit.note(f"{target.label}: {len(problems)} {noun}", always=True)
        raise SystemExit(int(ExitCode.DATA))
    sizes = [(len(getattr(dataset, table)), table) for table in ("town", "group", "source")]
    counts = ", ".join(f"{n} {table}{'' if n == 1 else 's'}" for n, table in sizes)
    emit.note(f"{target.label}: valid ({counts})", always=True)


@runner("export", filters=True)
def export(
    where: TownFilter,
    fmt: ExportFormat | None = None,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
) -> None:
    """Export the data set, or the towns the filters select, for other tools.

    toml: a new, self-contained data file that validates; json: the same as JSON;
    csv: the towns with every field; geojson: one point per town; sqlite: a database
    with a table per entity (needs --output).

    \b
    Example: newtowns export --format sqlite -o newtowns.db
    """
    import pathlib

    from newtowns_cli import export as exports
    from newtowns_cli.render import geojson as geo
    from newtowns_cli.render import records, render

    out = Out(None, True, output, force, data, listing=False)
    named = None
    if fmt is None and out.path is not None:
        named = emit.format_of(out.path, EXPORT_SUFFIXES, plain="toml")
    chosen = fmt or named or ExportFormat.TOML
    if chosen is ExportFormat.SQLITE and out.path is None:
        raise UsageError("--format sqlite needs --output FILE", hint="e.g. -o newtowns.db")
    catalog, towns, dataset = _subset(data, where)
    if chosen is ExportFormat.SQLITE:
        from newtowns_cli import output as files
        from newtowns_cli import sqlite_export

        path = pathlib.Path(str(out.path))
        protect = [emit.data_file(data).path]
        files.write_with(
            path, lambda tmp: sqlite_export.write(dataset, tmp), force=force, protect=protect
        )
        emit.note(f"wrote {path}")
    elif chosen is ExportFormat.GEOJSON:
        text, skipped = geo.render(catalog, towns)
        if skipped:
            emit.note(f"left out, no location: {', '.join(skipped)}", always=True)
        emit.deliver(text, out)
    elif chosen is ExportFormat.CSV:
        table = records.build(catalog, towns, records.TOWN_COLUMNS)
        emit.deliver(render(table, Format.CSV), frozen.replace(out, fmt=Format.CSV))
    elif chosen is ExportFormat.JSON:
        emit.deliver(exports.to_json(dataset), out)
    else:
        emit.deliver(exports.to_toml(dataset), out)


EXPORT_SUFFIXES = {
    ".toml": ExportFormat.TOML,
    ".json": ExportFormat.JSON,
    ".csv": ExportFormat.CSV,
    ".geojson": ExportFormat.GEOJSON,
    ".db": ExportFormat.SQLITE,
    ".sqlite": ExportFormat.SQLITE,
    ".sqlite3": ExportFormat.SQLITE,
}
"""The extensions export's -o FILE knows; .txt and none get TOML, as a pipe does."""


def _subset(data: str | None, where: TownFilter) -> tuple[Catalog, list[Town], Dataset]:
    """The catalog, the towns ``where`` selects, and the data set about them alone."""
    from newtowns_cli import export as exports

    catalog = emit.catalog(data)
    towns = _selected(catalog, where)
    if where == TownFilter():
        return catalog, towns, catalog.dataset
    return catalog, towns, exports.subset(catalog.dataset, [t.id for t in towns])


@runner("schema")
def schema(generate: bool = False, output: str | None = None, force: bool = False) -> None:
    """Print the JSON Schema of the data file, for editors and CI.

    The data file names it in its first line (#:schema), so Taplo-based editors check
    and complete as you type.

    \b
    Example: newtowns schema -o newtowns.schema.json
    """
    if output is not None and output != emit.STDOUT:  # JSON only: .json, .txt or none
        emit.format_of(output, {".json": "json"}, plain="json", flag=None)
    if generate:
        from newtowns_cli.validation import json_schema

        text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = store.BUNDLED_SCHEMA.read_text(encoding="utf-8")
    emit.deliver(text, Out(None, True, output, force, listing=False))


@runner("completion")
def completion(shell: Shell) -> None:
    """Print the shell completion script; no startup file is changed.

    Save it where the shell looks for it, then open a new shell:

    \b
      bash  ~/.local/share/bash-completion/completions/newtowns
      zsh   a folder in $fpath, as _newtowns
      fish  ~/.config/fish/completions/newtowns.fish

    \b
    Example: newtowns completion fish > ~/.config/fish/completions/newtowns.fish
    """
    from typer._completion_shared import get_completion_script

    script = get_completion_script(
        prog_name="newtowns", complete_var=COMPLETE_VAR, shell=shell.value
    )
    emit.write(script + "\n")


ALIASES: dict[str, str] = {"summary": "summarise"}
"""Other names of a command, hidden from the help (the command's help names them)."""
for _alias, _name in ALIASES.items():
    RUNNERS[_alias] = RUNNERS[_name]
