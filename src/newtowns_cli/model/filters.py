"""The filters of `newtowns list`, as plain data (kept light: imported at start-up)."""

from __future__ import annotations

from newtowns_cli.model.frozen import Frozen

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from newtowns_cli.model.dates import PartialDate


class TownFilter(Frozen):
    """The filters of ``newtowns list``; all given ones must hold (AND)."""

    region: str | None = None
    group: str | None = None
    province: str | None = None
    status: str | None = None
    relieves: str | None = None
    designated_from: int | None = None
    designated_to: int | None = None
    min_population: int | None = None
    max_population: int | None = None
    member_as_of: PartialDate | None = None
    search: str | None = None
