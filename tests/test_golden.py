"""Whole exports of tests/data/mini.toml that must not drift, against tests/golden/.

Only exports other tools read as a whole are kept here: the TOML data file, its JSON, the
GeoJSON and the SQLite schema. Listings and views are tested by hand-written values
(test_cli_views.py). `--update-golden` rewrites these files from what the code prints, so
a regenerated file is reviewed by eye before it is committed (docs/contributing.md).
"""

from __future__ import annotations

import contextlib
import pathlib
import sqlite3
import tomllib
from collections.abc import Callable

import pytest

from support import MINI, Runner


def _toml(text: str) -> tuple[list[str], str]:
    """Our header lines, and the document with its types and its order of tables and keys:
    the layout around them is tomli-w's, which a release may change."""
    return text.splitlines()[:3], repr(tomllib.loads(text))


EXPORTS: dict[str, tuple[list[str], Callable[[str], object]]] = {
    "export.toml": (["export", "-f", "toml"], _toml),
    "export.json": (["export", "-f", "json"], str),
    "export.geojson": (["export", "-f", "geojson"], str),
}


@pytest.mark.parametrize("name", EXPORTS)
def test_export_matches_the_golden_file(
    run: Runner, golden: Callable[..., None], name: str
) -> None:
    """The export of mini.toml is the committed file, with nothing on stderr."""
    args, same = EXPORTS[name]
    result = run([*args, "--data", str(MINI)])
    assert (result.exit_code, result.stderr) == (0, "")
    golden(name, result.stdout, same)


def test_sqlite_schema_matches_the_golden_file(
    run: Runner, golden: Callable[..., None], tmp_path: pathlib.Path
) -> None:
    """Every table, index and view of the SQLite export, as sqlite_master gives it."""
    path = tmp_path / "mini.db"
    result = run(["export", "--data", str(MINI), "-f", "sqlite", "-o", str(path)])
    assert (result.exit_code, result.stderr) == (0, "")
    with contextlib.closing(sqlite3.connect(path)) as db:
        rows = db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
        ).fetchall()
    golden(
        "export.sqlite.sql", "".join(f"-- {kind} {name}\n{sql};\n\n" for kind, name, sql in rows)
    )
