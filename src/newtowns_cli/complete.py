"""Candidates for shell completion: ids and names read from the data file, nothing validated.

Nothing is validated, so an id with a control character is left out and a name is shown
with its control, bidi and zero-width characters escaped (render.text.visible).

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


def ids(
    path: str | os.PathLike[str], table: str, incomplete: str, *, kind: str | None = None
) -> list[tuple[str, str]]:
    """(id, name or title) of the entries of ``table`` whose id starts with ``incomplete``.

    ``kind``: only the entries of that kind (the regions among the groups).
    """
    import tomllib

    from newtowns_cli.files import read_regular

    try:
        info = os.stat(path)  # before opening: opening a FIFO would wait for a writer
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return []
        # Checked again once open (a FIFO swapped in after the stat is not waited on),
        # and never more read than the limit (/proc files say they are empty).
        raw = read_regular(path, MAX_BYTES)
        if raw is None or len(raw) > MAX_BYTES:
            return []
        document = tomllib.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # ValueError: TOML or int() limits
        return []
    from newtowns_cli.render.text import visible

    entries = document.get(table)
    found = []
    for entry in entries if isinstance(entries, list) else ():
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(entry_id, str) or not entry_id.startswith(incomplete):
            continue
        if visible(entry_id) != entry_id:
            continue  # no valid id holds a control character: never put one on the line
        if kind is not None and entry.get("kind") != kind:
            continue
        name = entry.get("name", entry.get("title"))
        # zsh and fish show the name next to the id: escaped, as every text for people
        found.append((entry_id, visible(name) if isinstance(name, str) else ""))
    return found


def fields(names: list[str], incomplete: str) -> list[str]:
    """Completions of the last name in a comma-separated --fields value."""
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    chosen = set(done.split(",")) if done else set()
    return [prefix + name for name in names if name.startswith(last) and name not in chosen]


def data_path(data: str | None) -> str:
    """The file a command would read, as store.locate finds it (an empty --data: none)."""
    from newtowns_cli.bundled import FOLDER
    from newtowns_cli.cli.params import ENV_DATA

    if data is not None:
        return data
    return os.environ.get(ENV_DATA) or os.path.join(FOLDER, "newtowns.toml")


TABLES = ("town", "group", "source", "research", "organisation")
"""Kinds that complete to the ids of the data file's table of that name."""


def candidates(
    kind: str, incomplete: str, *, command: str = "", data: str | None = None, by: str | None = None
) -> list[tuple[str, str]]:
    """What a value of ``kind`` (params.COMPLETION_KINDS) completes to: (word, help or "").

    Only values the option takes: --region offers the regions, --fields and --sort the
    columns of ``command`` (a summary's as grouped ``by``).
    """
    if kind in TABLES:
        return ids(data_path(data), kind, incomplete)
    if kind == "region":
        return ids(data_path(data), "group", incomplete, kind="region")
    if kind == "province":
        return provinces(incomplete)
    if kind == "kind":
        from newtowns_cli.timeline import KINDS

        return [(name, "") for name in KINDS if name.startswith(incomplete)]
    names = column_names(command, by)
    if kind == "fields":
        return [(name, "") for name in fields(names, incomplete)]
    if kind == "sort":
        return [(name, "") for name in names if name.startswith(incomplete)]
    raise ValueError(f"unknown completion {kind!r}")


def provinces(incomplete: str) -> list[tuple[str, str]]:
    """Province names starting with ``incomplete``, with their codes as help.

    Typed in lower case, they complete in lower case (--province ignores case); shells
    and typer keep only words that start with what was typed, so case must match.
    """
    from newtowns_cli.query import PROVINCE_CODES

    found = []
    for code, name in PROVINCE_CODES.items():
        for form in (name, name.lower()):
            if form.startswith(incomplete):
                found.append((form, code))
                break
    return found


def column_names(command: str, by: str | None = None) -> list[str]:
    """The columns of ``command`` (the town columns for any other)."""
    from newtowns_cli.render import records

    if command == "growth":
        from newtowns_cli.render.growth_columns import GROWTH_COLUMNS

        return [column.name for column in GROWTH_COLUMNS]
    by_command: dict[str, tuple[records.Column[Any], ...]] = {
        "list": records.TOWN_COLUMNS,
        "groups": records.GROUP_COLUMNS,
        "research": records.RESEARCH_COLUMNS,
        "organisations": records.ORGANISATION_COLUMNS,
        "sources": records.SOURCE_COLUMNS,
        "timeline": records.TIMELINE_COLUMNS,
        "claims": records.CLAIM_COLUMNS,
        "summarise": records.summary_columns(by),
        "summary": records.summary_columns(by),
    }
    return [column.name for column in by_command.get(command, records.TOWN_COLUMNS)]
