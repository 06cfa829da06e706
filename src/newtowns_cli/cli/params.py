"""What the command line hands the commands, without typer: choices, filters, dates.

Both ways into a command use this: the typer app (commands.py) and the fast path
(fast.py), so a value means the same whichever parsed it.
"""

from __future__ import annotations

import enum

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:  # help and Tab presses import this module: it stays this light
    from collections.abc import MutableMapping
    from typing import Any, NoReturn

    from newtowns_cli.dates import PartialDate
    from newtowns_cli.filters import TownFilter

ENV_DATA = "NEWTOWNS_DATA"
COMPLETE_VAR = "_NEWTOWNS_COMPLETE"
"""The environment variable through which the shell asks for completions."""
COMPLETION_KINDS = (
    "town",
    "group",
    "region",
    "province",
    "kind",
    "source",
    "research",
    "organisation",
    "fields",
    "sort",
)
"""What an option or argument completes to (complete.candidates): one function each."""


class Status(enum.StrEnum):
    GROEIKERN = "groeikern"
    GROEISTAD = "groeistad"


class By(enum.StrEnum):
    PROVINCE = "province"
    REGION = "region"
    GROUP = "group"
    STATUS = "status"
    DECADE = "decade"
    RELIEVES = "relieves"


class ExportFormat(enum.StrEnum):
    TOML = "toml"
    JSON = "json"
    CSV = "csv"
    GEOJSON = "geojson"
    SQLITE = "sqlite"


class DossierFormat(enum.StrEnum):
    MD = "md"
    HTML = "html"


class Shell(enum.StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


class ReportFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"


FILTERS: tuple[tuple[str, type], ...] = (
    ("region", str),
    ("group", str),
    ("province", str),
    ("status", Status),
    ("relieves", str),
    ("designated_from", int),
    ("designated_to", int),
    ("min_population", int),
    ("max_population", int),
    ("member_as_of", str),
    ("search", str),
)
"""The town filters of list, summary, report and export, as (option name, value type)."""


def town_filter(values: MutableMapping[str, Any]) -> TownFilter:
    """Take the filter options out of ``values`` (a command's parsed options) as a TownFilter."""
    from newtowns_cli.filters import TownFilter

    taken = {name: values.pop(name, None) for name, _ in FILTERS}
    taken["member_as_of"] = parse_date(taken["member_as_of"], "--member-as-of")
    for low, high, word in (
        ("designated_from", "designated_to", "after"),
        ("min_population", "max_population", "above"),
    ):
        if taken[low] is not None and taken[high] is not None and taken[low] > taken[high]:
            check_range(
                f"--{low.replace('_', '-')} {taken[low]}",
                f"--{high.replace('_', '-')} {taken[high]}",
                word,
            )
    return TownFilter(**taken)


def check_range(low: str, high: str, word: str = "after") -> NoReturn:
    """A range whose start lies beyond its end is a usage error (it could only match nothing)."""
    from newtowns_cli.errors import UsageError

    raise UsageError(f"{low} is {word} {high}", hint="swap them, or drop one")


def parse_date(value: str | None, option: str) -> PartialDate | None:
    """A PartialDate from an option value; a malformed one is a usage error."""
    if value is None:
        return None
    from newtowns_cli.dates import PartialDate
    from newtowns_cli.errors import UsageError

    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        hint = "write a year, a month or a day: 2022, 2022-11 or 2022-11-28"
        raise UsageError(f"invalid value for {option}: {exc}", hint=hint) from None
