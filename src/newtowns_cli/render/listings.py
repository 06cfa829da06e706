"""The columns of each listing, by the command that lists it: for its rows and for Tab."""

from __future__ import annotations

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
