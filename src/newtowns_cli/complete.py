"""Candidates for shell completion: ids and names read from the data file, nothing validated.

Completion runs on every Tab press, so this parses the TOML and nothing more (no
pydantic), and stays silent on a file it cannot read.
"""

from __future__ import annotations

import pathlib
import tomllib
from typing import Any


def ids(path: pathlib.Path, table: str, incomplete: str) -> list[tuple[str, str]]:
    """(id, name) of the entries of ``table`` whose id starts with ``incomplete``."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
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


def data_path(data: str | None) -> pathlib.Path:
    """The data file a command would read: --data, else $NEWTOWNS_DATA, else the bundled."""
    import os

    from newtowns_cli import store
    from newtowns_cli.cli.params import ENV_DATA

    return store.locate(data, os.environ.get(ENV_DATA)).path


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
