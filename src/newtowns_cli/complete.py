"""Candidates for shell completion: ids and names read from the data file, nothing validated.

Completion runs on every Tab press, so this parses the TOML and nothing more (no
pydantic), and stays silent on a file it cannot read.
"""

from __future__ import annotations

import os
import stat

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from typing import Any

MAX_BYTES = 16 * 1024 * 1024
"""A larger file (or a FIFO, a device) gives no candidates: a Tab press must not hang."""


def ids(path: str | os.PathLike[str], table: str, incomplete: str) -> list[tuple[str, str]]:
    """(id, name) of the entries of ``table`` whose id starts with ``incomplete``."""
    import tomllib

    try:
        info = os.stat(path)  # before opening: opening a FIFO would wait for a writer
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return []
        with open(path, "rb") as stream:
            document = tomllib.loads(stream.read().decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # ValueError: TOML or int() limits
        return []
    entries = document.get(table)
    found = []
    for entry in entries if isinstance(entries, list) else ():
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(entry_id, str) and entry_id.startswith(incomplete):
            name = entry.get("name")
            found.append((entry_id, name if isinstance(name, str) else ""))
    return found


def fields(names: list[str], incomplete: str) -> list[str]:
    """Completions of the last name in a comma-separated --fields value."""
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    chosen = set(done.split(",")) if done else set()
    return [prefix + name for name in names if name.startswith(last) and name not in chosen]


def data_path(data: str | None) -> str:
    """The file a command would read, as store.locate finds it (an empty --data: none)."""
    from newtowns_cli.cli.params import ENV_DATA

    if data is not None:
        return data
    bundled = os.path.join(os.path.dirname(__file__), "data", "newtowns.toml")
    return os.environ.get(ENV_DATA) or bundled


def town_ids(data: str | None, incomplete: str) -> list[tuple[str, str]]:
    return ids(data_path(data), "town", incomplete)


def group_ids(data: str | None, incomplete: str) -> list[tuple[str, str]]:
    return ids(data_path(data), "group", incomplete)


def field_names(command: str, incomplete: str) -> list[str]:
    """Completions of --fields for ``command`` (the town columns for any other)."""
    from newtowns_cli.render import records

    by_command: dict[str, tuple[records.Column[Any], ...]] = {
        "list": records.TOWN_COLUMNS,
        "groups": records.GROUP_COLUMNS,
        "research": records.RESEARCH_COLUMNS,
        "organisations": records.ORGANISATION_COLUMNS,
        "sources": records.SOURCE_COLUMNS,
        "timeline": records.TIMELINE_COLUMNS,
        "claims": records.CLAIM_COLUMNS,
    }
    columns = by_command.get(command, records.TOWN_COLUMNS)
    return fields([column.name for column in columns], incomplete)
