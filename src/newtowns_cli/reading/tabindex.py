"""The ids and names a Tab press offers, kept beside the cache so a Tab press parses no TOML.

Parsing the data file with tomllib is most of a Tab press's time. The first Tab press on
a file writes what it found (every table's ids, names and kinds) into the cache folder,
named after a digest of the file's bytes; later ones read that small file instead. It
lives in the cache's folder under its rules (cachedir.py): private, no links, regular
files of this user only; anything missing, damaged or unexpected is a miss, and a miss
only costs the parse. Index files are pruned with the cache's entries.
"""

from __future__ import annotations

import contextlib
import json
import os

from newtowns_cli.reading import cachedir

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

MAX_BYTES = 16 * 1024 * 1024
"""A larger file (or a FIFO, a device) gives no entries: a Tab press must not hang."""
PREFIX, SUFFIX = "tab-1-", ".json"
"""The 1 is the index's format: a new format is a new name, never a misread."""
TABLES = ("town", "group", "source", "research", "organisation")
Entry = tuple[str, str, str]
"""An entry's id, its name (or title) and its kind ("" when it has none)."""


def _name(raw: bytes) -> str:
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    return PREFIX + blake2b(raw, digest_size=20).hexdigest() + SUFFIX


def of_file(path: str, environ: Mapping[str, str]) -> dict[str, list[Entry]] | None:
    """The entries of the data file at ``path``; None for one that cannot be read, or is
    not a regular file of at most MAX_BYTES."""
    import stat

    from newtowns_cli.reading.files import read_regular

    try:
        info = os.stat(path)  # before opening: opening a FIFO would wait for a writer
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        raw = read_regular(path, MAX_BYTES)  # checked again once open, and bounded
    except (OSError, ValueError):
        return None
    return entries(raw, environ) if raw is not None and len(raw) <= MAX_BYTES else None


def entries(raw: bytes, environ: Mapping[str, str]) -> dict[str, list[Entry]] | None:
    """The entries of every table of the data file ``raw``, or None when unreadable.

    From the index when there is a trustworthy one, else parsed (and then written down).
    """
    folder = cachedir.folder_for(environ)
    if folder is not None:
        found = _read(folder, _name(raw), limit=len(raw) + 4096)
        if found is not None:
            return found
    try:
        import tomllib

        document = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # ValueError: TOML, UTF-8 or int() limits
        return None
    found = {table: list(_entries(document.get(table))) for table in TABLES}
    if folder is not None:
        text = json.dumps(found, ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(OSError, ValueError), cachedir.folder(folder, create=True) as at:
            cachedir.write(at, _name(raw), text.encode("utf-8"))
    return found


def _entries(table: Any) -> Any:
    """(id, name, kind) of each entry of a parsed table that has a text id."""
    for entry in table if isinstance(table, list) else ():
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            continue
        name = entry.get("name", entry.get("title"))
        kind = entry.get("kind")
        yield (
            entry["id"],
            name if isinstance(name, str) else "",
            kind if isinstance(kind, str) else "",
        )


def _read(folder: str, name: str, *, limit: int) -> dict[str, list[Entry]] | None:
    """The index ``name``, or None when it is missing, too large or not of its shape."""
    try:
        with cachedir.folder(folder, create=False) as directory:
            descriptor = os.open(name, cachedir.READ, dir_fd=directory)
            with os.fdopen(descriptor, "rb") as stream:
                info = os.fstat(descriptor)
                if not cachedir.trusted(info) or info.st_size > limit:
                    return None
                loaded = json.loads(stream.read(limit + 1))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(loaded, dict) or sorted(loaded) != sorted(TABLES):
        return None
    for rows in loaded.values():
        if not isinstance(rows, list) or not all(
            isinstance(row, list) and len(row) == 3 and all(isinstance(v, str) for v in row)
            for row in rows
        ):
            return None
    return {table: [(row[0], row[1], row[2]) for row in rows] for table, rows in loaded.items()}
