"""The listing commands: groups, research, organisations and sources.

Each lists every item as rows, or with an argument shows one item in full. They differ
only in the data set's table they list, found by one name throughout: ``dataset.group``,
``lookup.find_group`` and ``views.group`` (and, in spec.py, their argument's help).
"""

from __future__ import annotations

from newtowns_cli.cli import emit
from newtowns_cli.cli.emit import Out
from newtowns_cli.cli.registry import View, runner

LISTED = {
    "groups": ("group", "groups", "group"),
    "research": ("research", "studies", "study"),
    "organisations": ("organisation", "organisations", "organisation"),
    "sources": ("source", "sources", "source"),
}
"""Each command's table, the noun of its rows, and one item (as its workbook's sheet)."""


def _listing_command(name: str) -> None:
    """Register ``name``: every item of its table as rows, or one item in full."""
    table, noun, one = LISTED[name]

    def run(out: Out, view: View, wanted: str | None = None) -> None:
        every, chosen, key = view.columns(name, out)
        catalog = emit.catalog(out.data)
        if wanted is not None:
            from newtowns_cli.questions import lookup
            from newtowns_cli.render import views

            found = getattr(lookup, f"find_{table}")(catalog, wanted)
            shown = getattr(views, table)(catalog, found)
            emit.detail(shown, out, emit.book(catalog, out, one, lambda: shown.flat))
            return
        rows = view.order(catalog, getattr(catalog.dataset, table), key)
        # The sources listed cite none: their workbook is one sheet, the sources themselves.
        citing = None if name == "sources" else every
        emit.listing(catalog, rows, chosen, out, noun, sheet=name, every=citing)

    run.__name__ = run.__qualname__ = name
    runner(name, out=True, view=True)(run)


for _name in LISTED:
    _listing_command(_name)
