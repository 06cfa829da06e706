"""The command registry, and what several commands share: options, selection, sorting.

A command is a plain function of its options, registered by ``@runner(name)`` when its
module is imported. The options several commands share come as one value each, as
sqlite-utils' ``@output_options``: the town filters as ``where`` (a TownFilter), the output
options as ``out`` (emit.Out), --sort, --reverse, --limit and --fields as ``view`` (View).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newtowns_cli.cli import emit
from newtowns_cli.cli.emit import Out
from newtowns_cli.cli.spec import LISTING, TOWN_FILTERS
from newtowns_cli.model.errors import usage
from newtowns_cli.model.filters import TownFilter
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import _, say
from newtowns_cli.render import PLAIN_SUFFIXES, Format

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import MutableMapping
    from typing import Any, NoReturn, TypeVar

    from newtowns_cli.model.dates import PartialDate
    from newtowns_cli.model.records import Dataset, Town
    from newtowns_cli.questions.lookup import Catalog
    from newtowns_cli.render.tables import Column

    T = TypeVar("T")
    F = TypeVar("F", bound=Callable[..., None])


class Runner(Frozen):
    """A command: its function, and which shared options it takes as one value each."""

    name: str
    function: Callable[..., None]
    filters: bool = False
    """The town filters, as ``where``."""
    out: bool = False
    """The output options (--format, -o, --force, --data, --no-color, --delimiter), as ``out``."""
    view: bool = False
    """--sort, --reverse, --limit and --fields, as ``view``."""

    def __call__(self, values: dict[str, Any]) -> None:
        """Run with ``values``, the parsed options by name (the shared ones among them)."""
        values = dict(values)
        if self.filters:
            values["where"] = town_filter(values)
        if self.out:
            chart = values.get("chart", False)  # a chart is text: no format, fields or -o FILE
            if chart:
                check_chart(values.get("fmt"), values.get("output"), values.get("fields"))
            taken = {name: values.pop(name) for name in OUTPUT if name in values}
            path, fmt = taken.pop("output", None), taken.pop("fmt", None)
            values["out"] = Out(Format(fmt) if fmt else None, path=path, listing=not chart, **taken)
        if self.view:
            values["view"] = View(**{name: values.pop(name) for name in VIEW if name in values})
        self.function(**values)


class View(Frozen):
    """--sort, --reverse, --limit and --fields: a listing's columns and order."""

    sort: str | None = None
    reverse: bool = False
    limit: int | None = None
    fields: str | None = None

    def columns(self, listing: str, out: Out, by: str | None = None) -> tuple[Any, Any, Any]:
        """Every column of the command ``listing``'s rows (render.listings), those --fields
        asks for, and the one --sort names: checked before anything is read.

        --fields help (or ?) lists the columns and exits 0. An empty value is a usage
        error: a script's empty variable must not print help as data.
        """
        from newtowns_cli.render import tables
        from newtowns_cli.render.listings import columns

        available, default = columns(listing, by)
        if self.fields is not None and self.fields.strip() in ("help", "?"):
            emit.table(tables.field_help(available), out, noun="fields")
            raise SystemExit(0)
        if self.fields is None and out.format is Format.TABLE:
            from newtowns_cli.render.terminal import layout

            chosen = layout.terminal_columns(available, default)
        else:
            chosen = tables.pick(available, self.fields, default)
        return available, chosen, sort_column(available, self.sort)

    def order(self, catalog: Catalog, items: Sequence[T], key: Column[T] | None) -> list[T]:
        """``items`` sorted by ``key`` (empty values last), or reversed, then --limit."""
        from newtowns_cli.render import tables

        if key is not None:
            ordered = tables.sort_items(catalog, items, key, reverse=self.reverse)
        else:
            ordered = list(items[::-1] if self.reverse else items)
        return ordered if self.limit is None else ordered[: self.limit]


VIEW = ("sort", "reverse", "limit", "fields")
OUTPUT = tuple(p.name for p in LISTING if p.name not in VIEW)
"""The options handed as ``view`` and as ``out`` (spec.LISTING)."""


RUNNERS: dict[str, Runner] = {}
"""The commands registered so far, by name (``command`` and ``every`` import their modules)."""
MODULES = ("run", "run_listings", "run_documents", "run_data")
"""The modules that register commands, the town commands' first: a command line imports
only the modules up to the one that registers its command."""


def command(name: str) -> Runner:
    """The command ``name``, its module imported (KeyError for no such command)."""
    for module in MODULES:
        if name in RUNNERS:
            break
        __import__(f"newtowns_cli.cli.{module}")
    return RUNNERS[name]


def every() -> dict[str, Runner]:
    """Every command, by name: each module that registers commands imported."""
    for module in MODULES:
        __import__(f"newtowns_cli.cli.{module}")
    return RUNNERS


def runner(
    name: str, *, filters: bool = False, out: bool = False, view: bool = False
) -> Callable[[F], F]:
    """Register ``function`` as the command ``name`` (see Runner for the flags)."""

    def register(function: F) -> F:
        RUNNERS[name] = Runner(name, function, filters, out, view)
        return function

    return register


def selected(catalog: Catalog, where: TownFilter) -> list[Town]:
    """The towns matching ``where``; memberships unconfirmed on --member-as-of named on stderr."""
    from newtowns_cli.questions import select

    towns = select.select_towns(catalog, where)
    for note in select.unconfirmed_notes(catalog, where):
        emit.note(_("newtowns: note: ") + note.say(), always=True)
    return towns


def sort_column(columns: Sequence[Column[T]], sort: str | None) -> Column[T] | None:
    """The column --sort names; an unknown one is a usage error with the closest name."""
    if sort is None:
        return None
    names = [column.name for column in columns]
    if sort in names:
        return columns[names.index(sort)]
    from newtowns_cli.cli.parse import closest

    valid, fields = _("valid fields: {fields}"), ", ".join(names)
    if not sort.strip():
        raise usage(_("no field given for --sort"), valid, fields=fields)
    message = _("unknown field for --sort: {field}")
    raise usage(message, valid, field=sort, fields=fields, guess=closest(sort, names))


def subset(data: str | None, where: TownFilter) -> tuple[Catalog, list[Town], Dataset]:
    """The catalog, the towns ``where`` selects, and the data set about them alone."""
    from newtowns_cli.exports import datafile

    catalog = emit.catalog(data)
    towns = selected(catalog, where)
    if where == TownFilter():
        return catalog, towns, catalog.dataset
    return catalog, towns, datafile.subset(catalog.dataset, [t.id for t in towns])


FILTERS = tuple(p.name for p in TOWN_FILTERS)
"""The town filters of list, filter, summarise, growth, report and export."""


def town_filter(values: MutableMapping[str, Any]) -> TownFilter:
    """Take the filter options out of ``values`` (a command's parsed options) as a TownFilter."""
    taken = {name: values.pop(name, None) for name in FILTERS}
    taken["member_as_of"] = parse_date(taken["member_as_of"], "--member-as-of")
    for low, high, word in (
        ("designated_from", "designated_to", _("{low} is after {high}")),
        ("min_population", "max_population", _("{low} is above {high}")),
    ):
        first, last = taken[low], taken[high]
        if first is not None and last is not None and first > last:
            check_range(
                f"--{low.replace('_', '-')} {first}", f"--{high.replace('_', '-')} {last}", word
            )
    return TownFilter(**taken)


def check_chart(fmt: str | None, output: str | None, fields: str | None) -> None:
    """--chart draws text: --format, --fields and an -o naming another format are usage errors."""
    if fmt is not None:
        message = _("--chart cannot be combined with --format {format}: the chart is text")
        hint = _("drop --chart for {format}, or --format for the chart")
        raise usage(message, hint, format=fmt)
    if fields is not None:
        message = _("--chart cannot be combined with --fields: the chart has no columns")
        raise usage(
            message, _("drop --chart for a listing of those fields, or --fields for the chart")
        )
    if output is not None and output != emit.STDOUT:
        emit.check_path(output)
        import pathlib

        suffix = pathlib.PurePath(output).suffix.lower()
        if suffix not in PLAIN_SUFFIXES:
            message = _("--chart cannot be written to -o {output}: the chart is text")
            hint = _(
                "name a .txt file or one without an extension, or drop --chart for a "
                "'{suffix}' listing"
            )
            raise usage(message, hint, output=output, suffix=suffix)


def check_range(low: str, high: str, words: str | None = None) -> NoReturn:
    """A range whose start lies beyond its end is a usage error (it could only match nothing).

    ``words``: the message, "{low} is after {high}" unless given.
    """
    raise usage(
        words or _("{low} is after {high}"), _("swap them, or drop one"), low=low, high=high
    )


def parse_date(value: str | None, option: str) -> PartialDate | None:
    """A PartialDate from an option value; a malformed one is a usage error."""
    if value is None:
        return None
    from newtowns_cli.model.dates import PartialDate

    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        hint = _("write a year, a month or a day: 2022, 2022-11 or 2022-11-28")
        reason = say(exc.args[0]) if exc.args else exc
        message = _("invalid value for {option}: {reason}")
        raise usage(message, hint, option=option, reason=reason) from None
