"""newtowns validate: reports, formats, exit codes."""

from __future__ import annotations

import json

from support import DATA, MINI, Runner


def test_valid_file_prints_nothing_on_stdout_and_exits_0(run: Runner) -> None:
    """A valid file: empty report, a one-line summary on stderr."""
    result = run(["validate", str(MINI)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"{MINI}: valid (2 towns, 2 groups, 3 sources)\n"


def test_valid_file_json_is_an_empty_array(run: Runner) -> None:
    """--format json gives [] for a valid file."""
    result = run(["validate", str(MINI), "--format", "json"])
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_validate_without_argument_checks_the_bundled_data(run: Runner) -> None:
    """The bundled data is valid."""
    result = run(["validate"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.endswith("valid (16 towns, 12 groups, 173 sources)\n")


def test_validate_reads_the_data_option_when_no_file_is_given(run: Runner) -> None:
    """validate --data FILE checks FILE."""
    broken = DATA / "invalid" / "missing-key.toml"
    result = run(["validate", "--data", str(broken)])
    assert result.exit_code == 1
    assert result.stdout == f"{broken}:15:1: town[0].province: missing required key 'province'\n"


def test_unknown_report_format_is_a_usage_error(run: Runner) -> None:
    """An unknown --format value exits 2 and names the choices."""
    result = run(["validate", "--format", "xml"])
    assert (result.exit_code, result.stderr) == (
        2,
        "newtowns: error: invalid value for --format: 'xml'\n"
        "newtowns: hint: choose from text, json\n",
    )


def test_problem_text_never_carries_control_characters(run: Runner, tmp_path: object) -> None:
    """A value with ESC in a broken file is shown escaped in the report."""
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "esc.toml"
    path.write_text(
        MINI.read_text("utf-8").replace('province = "Flevoland"', 'province = "\\u001b[2J"')
    )
    result = run(["validate", str(path)])
    assert "\x1b" not in result.stdout
    assert "got string '\\x1b[2J'" in result.stdout
