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


def test_gaps_lists_each_gap_with_where_one_looked(run: Runner) -> None:
    """--gaps: one line per gap on stdout (town, decade, where one looked, the note)."""
    result = run(["validate", str(MINI), "--gaps"])
    assert (result.exit_code, result.stdout) == (
        0,
        "aastad 1990s  looked: wiki-a; CBS StatLine not reachable  note: No figure.\n",
    )
    assert result.stderr == f"{MINI}: valid (2 towns, 2 groups, 3 sources)\n"


def test_gaps_as_json_beside_the_problems(run: Runner) -> None:
    """--gaps --format json: an object with the problems and the gaps."""
    result = run(["validate", str(MINI), "--gaps", "--format", "json"])
    assert (result.exit_code, json.loads(result.stdout)) == (
        0,
        {
            "problems": [],
            "gaps": [
                {
                    "town": "aastad",
                    "decade": 1990,
                    "looked": "wiki-a; CBS StatLine not reachable",
                    "note": "No figure.",
                }
            ],
        },
    )


def test_gaps_of_the_shipped_data_give_the_queries(run: Runner) -> None:
    """Where the data's maintainers looked comes out here, search queries included."""
    lines = run(["validate", "--gaps"]).stdout.splitlines()
    assert len(lines) == 56
    assert lines[0].startswith("zoetermeer 1960s  looked: oudsoetermeer.nl")
    assert (
        "lelystad 1980s  looked: queries 'Lelystad aantal inwoners 1980', 'Lelystad 1985 "
        "inwoners'; flevolandsgeheugen.nl; NRC 1997 (growth described, no number); aggregator "
        "figures (1980 43 256, 1990 58 062), unconfirmed, not used"
    ) in lines


def test_gaps_of_an_invalid_file_are_not_listed(run: Runner) -> None:
    """An invalid file: its problems, no gaps, exit 1."""
    broken = DATA / "invalid" / "missing-key.toml"
    result = run(["validate", str(broken), "--gaps"])
    assert result.exit_code == 1
    assert result.stdout == f"{broken}:15:1: town[0].province: missing required key 'province'\n"
