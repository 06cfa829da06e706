"""The columns of each listing, by the command that lists it (for its rows and for Tab),
and the note for a listing with no rows."""

from __future__ import annotations

from newtowns_cli.model.i18n import N_, _

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from newtowns_cli.render.tables import Column


def columns(listing: str, by: str | None = None) -> tuple[Sequence[Column[Any]], Sequence[str]]:
    """Every column of ``listing``'s rows, and the names of those shown by default.

    A summary's columns depend on what the towns are grouped ``by``. Each listing's columns
    are imported only when asked for.
    """
    if listing in ("summarise", "summary", "claims"):
        from newtowns_cli.render import answer_columns

        if listing == "claims":
            return answer_columns.CLAIM_COLUMNS, answer_columns.DEFAULT_CLAIM_FIELDS
        available = answer_columns.summary_columns(by)
        apart = ("town_ids", "apart_town_ids")
        return available, [c.name for c in available if c.name not in apart]
    if listing == "growth":
        from newtowns_cli.render import growth_columns

        return growth_columns.GROWTH_COLUMNS, growth_columns.DEFAULT_GROWTH_FIELDS
    from newtowns_cli.render import tables

    name = {
        "groups": "GROUP",
        "research": "RESEARCH",
        "organisations": "ORGANISATION",
        "sources": "SOURCE",
        "timeline": "TIMELINE",
    }.get(listing, "TOWN")
    return getattr(tables, f"{name}_COLUMNS"), getattr(tables, f"DEFAULT_{name}_FIELDS")


NO_MATCH = {
    "towns": N_("no towns match"),
    "groups": N_("no groups match"),
    "studies": N_("no studies match"),
    "organisations": N_("no organisations match"),
    "sources": N_("no sources match"),
    "entries": N_("no entries match"),
    "claims": N_("no claims match"),
    "rows": N_("no rows match"),
    "fields": N_("no fields match"),
}
"""The note for an empty listing, by the noun of its rows."""


def no_match(noun: str) -> str:
    """The note for an empty listing of ``noun``: "no towns match"."""
    return _(NO_MATCH.get(noun, "no {noun} match")).format(noun=noun)
