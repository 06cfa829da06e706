"""Whole outputs of every listing command in every format, against tests/golden/ (mini.toml)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support import MINI, Runner

FORMATS = {"table": "txt", "tsv": "tsv", "csv": "csv", "json": "json", "jsonl": "jsonl", "md": "md"}
CASES = {
    "list": ["list"],
    "list-all-fields": ["list", "--fields", "all"],
    "show": ["show", "aastad"],
    "groups": ["groups"],
    "group": ["groups", "net"],
    "research": ["research"],
    "study": ["research", "study"],
    "organisations": ["organisations"],
    "organisation": ["organisations", "ministry"],
    "sources": ["sources"],
    "source": ["sources", "news-b"],
    "timeline": ["timeline", "--fields", "all"],
    "summary": ["summary", "--by", "group"],
    "claims": ["claims", "--fields", "all"],
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", CASES)
def test_output_matches_the_golden_file(
    run: Runner, golden: Callable[[str, str], None], case: str, fmt: str
) -> None:
    """Each command and format gives exactly the committed output."""
    result = run([*CASES[case], "--data", str(MINI), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    golden(f"{case}.{FORMATS[fmt]}", result.stdout)


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "md"])
@pytest.mark.parametrize("columns", ["20", "300"])
def test_machine_formats_ignore_the_terminal_width(run: Runner, fmt: str, columns: str) -> None:
    """COLUMNS changes nothing outside the table format: no wrapping, no truncation."""
    narrow = run(["show", "aastad", "--data", str(MINI), "-f", fmt], env={"COLUMNS": columns})
    normal = run(["show", "aastad", "--data", str(MINI), "-f", fmt])
    assert narrow.stdout == normal.stdout
