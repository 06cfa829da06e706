"""The listing commands: groups, research, organisations and sources.

Each lists every item as rows, or with an argument shows one item in full.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newtowns_cli.cli import emit
from newtowns_cli.cli.emit import Out
from newtowns_cli.cli.registry import View, runner
from newtowns_cli.model.frozen import Frozen, Generic, TypeVar

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from typing import Any

    from newtowns_cli.questions.lookup import Catalog
    from newtowns_cli.render.detail import Detail
    from newtowns_cli.render.tables import Column

T = TypeVar("T")


class Listing(Frozen, Generic[T]):
    """What a listing command lists: its columns, its items, and how to show one in full."""

    columns: Sequence[Column[T]]
    default: Sequence[str]
    items: Callable[[Catalog], Sequence[T]]
    detail: Callable[[Catalog, str], Detail]
    noun: str
    one: str
    """One item, as its workbook's sheet is named."""


def _listing_command(name: str) -> None:
    """Register a listing command: every item as rows, or with an argument one item in full.

    groups, research, organisations and sources differ only in their Listing (and, in
    spec.py, in their argument's help).
    """

    def run(out: Out, view: View, wanted: str | None = None) -> None:
        shown = _listing(name)
        chosen, key = view.columns(shown.columns, shown.default, out)
        catalog = emit.catalog(out.data)
        if wanted is not None:
            one = shown.detail(catalog, wanted)
            emit.detail(one, out, emit.book(catalog, out, shown.one, lambda: one.flat))
            return
        rows = view.order(catalog, shown.items(catalog), key)
        # The sources listed cite none: their workbook is one sheet, the sources themselves.
        every = None if name == "sources" else shown.columns
        emit.listing(catalog, rows, chosen, out, shown.noun, sheet=name, every=every)

    run.__name__ = run.__qualname__ = name
    runner(name, out=True, view=True)(run)


def _listing(name: str) -> Listing[Any]:
    """What the listing command ``name`` lists (imported only when it runs)."""
    from newtowns_cli.questions import lookup
    from newtowns_cli.render import tables, views

    listings: dict[str, Listing[Any]] = {
        "groups": Listing(
            tables.GROUP_COLUMNS,
            tables.DEFAULT_GROUP_FIELDS,
            lambda c: c.dataset.group,
            lambda c, v: views.group(c, lookup.find_group(c, v)),
            "groups",
            "group",
        ),
        "research": Listing(
            tables.RESEARCH_COLUMNS,
            tables.DEFAULT_RESEARCH_FIELDS,
            lambda c: c.dataset.research,
            lambda c, v: views.research(c, lookup.find_research(c, v)),
            "studies",
            "study",
        ),
        "organisations": Listing(
            tables.ORGANISATION_COLUMNS,
            tables.DEFAULT_ORGANISATION_FIELDS,
            lambda c: c.dataset.organisation,
            lambda c, v: views.organisation(c, lookup.find_organisation(c, v)),
            "organisations",
            "organisation",
        ),
        "sources": Listing(
            tables.SOURCE_COLUMNS,
            tables.DEFAULT_SOURCE_FIELDS,
            lambda c: c.dataset.source,
            lambda c, v: views.source(c, lookup.find_source(c, v)),
            "sources",
            "source",
        ),
    }
    return listings[name]


for _name in ("groups", "research", "organisations", "sources"):
    _listing_command(_name)
