"""The command line's papercuts: --data before the command, province codes, --sort and
--fields errors, ordering on every listing, filter and summarise, export on a terminal."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest
from test_terminal import on_terminal

from support import DATA, MINI, Runner, write_data

TOWNS = str(DATA / "towns.toml")
SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"


def _script(
    *args: str, cwd: pathlib.Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """The installed script in a subprocess, with real pipes (the fast path where it can)."""
    environment = {k: v for k, v in os.environ.items() if k != "NEWTOWNS_DATA"}
    return subprocess.run(
        [str(SCRIPT), *args],
        env={**environment, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


# -- --data before the command ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--data", str(MINI), "list"], {}, "mini"),
        ([f"--data={MINI}", "list"], {}, "mini"),
        (["--data", TOWNS, "list", "--data", str(MINI)], {}, "mini"),
        (["--data", str(MINI), "list"], {"NEWTOWNS_DATA": TOWNS}, "mini"),
        (["list"], {"NEWTOWNS_DATA": TOWNS}, "towns"),
        (["--data", TOWNS, "--data", str(MINI), "list"], {}, "mini"),
        (["list"], {}, "bundled"),
    ],
)
def test_data_before_the_command_and_its_precedence(
    run: Runner, args: list[str], env: dict[str, str], expected: str
) -> None:
    """--data after the command > --data before it > NEWTOWNS_DATA > the bundled data."""
    first = {"mini": "aastad", "towns": "alpha", "bundled": "alkmaar"}[expected]
    for result in (
        run([*args, "--fields", "id", "--limit", "1"], env=env),
        _script(
            *args, "--fields", "id", "--limit", "1", NEWTOWNS_DATA=env.get("NEWTOWNS_DATA", "")
        ),
    ):
        code = (
            result.returncode
            if isinstance(result, subprocess.CompletedProcess)
            else result.exit_code
        )
        assert (code, result.stdout) == (0, f"id\n{first}\n")


@pytest.mark.parametrize(
    "args",
    [
        ["show", "aastad", "-f", "json"],
        ["groups", "-f", "csv"],
        ["timeline", "--limit", "2"],
        ["summarise", "--by", "province"],
        ["claims"],
        ["report"],
        ["export", "-f", "csv"],
        ["filter"],
        ["validate"],
    ],
)
def test_data_before_the_command_works_for_every_command(run: Runner, args: list[str]) -> None:
    """Every command reads the file given before it, as if given after it."""
    before = run(["--data", str(MINI), *args])
    after = run([*args, "--data", str(MINI)])
    assert (before.exit_code, before.stdout, before.stderr) == (
        after.exit_code,
        after.stdout,
        after.stderr,
    )
    assert before.exit_code == 0
    script = _script("--data", str(MINI), *args)
    assert (script.returncode, script.stdout) == (0, after.stdout)


def test_data_before_the_command_is_read_by_our_parser() -> None:
    """`newtowns --data FILE list …`: the root's --data goes to the command that takes it."""
    from newtowns_cli.cli.parse import parse

    line = parse(["--data", "f.toml", "list", "--limit", "2"])
    assert (line.name, line.values) == ("list", {"limit": 2, "data": "f.toml"})
    assert parse(["--data", "a.toml", "list", "--data", "b.toml"]).values == {"data": "b.toml"}
    assert parse(["--data", "f.toml", "completion", "bash"]).values == {"shell": "bash"}


def test_data_before_the_command_with_no_command_is_a_usage_error(run: Runner) -> None:
    """`newtowns --data FILE` alone: no command, exit 2, our message."""
    result = run(["--data", str(MINI)])
    assert (result.exit_code, result.stderr) == (
        2,
        "newtowns: error: missing command\nnewtowns: hint: 'newtowns --help' lists the commands\n",
    )


def test_an_empty_data_before_the_command_is_an_error(run: Runner) -> None:
    """An empty --data is an error wherever it is given."""
    result = run(["--data", "", "list"])
    assert result.exit_code == 1
    assert result.stderr.startswith("newtowns: error: --data: the file name is empty\n")


# -- province codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["ZH", "zh", "Zh", "NL-ZH", "nl-zh", " ZH ", "Zuid-Holland", "zuid-holland", "Zuid Holland"],
)
def test_province_takes_codes_in_any_case(run: Runner, value: str) -> None:
    """--province ZH, NL-ZH (ISO 3166-2) or the name, ignoring case."""
    result = run(["list", "--data", TOWNS, "--fields", "id", "--province", value])
    assert (result.exit_code, result.stdout) == (0, "id\nbeta\ngamma\n")


@pytest.mark.parametrize(("code", "expected"), [("FR", "epsilon"), ("NL-NB", "delta")])
def test_every_code_names_its_province(run: Runner, code: str, expected: str) -> None:
    """FR is Fryslân, NB Noord-Brabant; the codes cover the twelve provinces of the model."""
    import typing

    from newtowns_cli.model import constraints
    from newtowns_cli.questions.lookup import PROVINCE_CODES

    assert sorted(PROVINCE_CODES.values()) == sorted(typing.get_args(constraints.Province))
    result = run(["list", "--data", TOWNS, "--fields", "id", "--province", code])
    assert result.stdout == f"id\n{expected}\n"


def test_province_code_on_the_fast_path() -> None:
    """Through the installed script: the same towns."""
    result = _script("list", "--province", "nl-fl", "--fields", "id")
    assert (result.returncode, result.stdout) == (0, "id\nalmere\nlelystad\n")


# -- --sort and --fields errors -------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (
            ["list", "--sort", "populaton"],
            "unknown field for --sort: populaton",
            "did you mean population? valid fields: id, name, municipality, province, "
            "cbs_code, status, designated, relieves, population, population_as_of, "
            "population_unit, population_source, area_km2, lat, lon, regions, groups, aliases, "
            "sources, population_unit_name, status_views, population_gaps, designated_kind, "
            "population_origin",
        ),
        (
            ["timeline", "--sort", "dte"],
            "unknown field for --sort: dte",
            "did you mean date? valid fields: date, kind, what, towns, groups, organisations, "
            "sources",
        ),
        (
            ["summarise", "--by", "province", "--sort", "share%"],
            "unknown field for --sort: share%",
            "did you mean share? valid fields: province, towns, population, share, "
            "mean_population, area_km2, density, population_as_of, town_ids, apart_population, "
            "apart_town_ids",
        ),
        (
            ["sources", "--sort", "zzz"],
            "unknown field for --sort: zzz",
            "valid fields: id, title, publisher, kind, language, published, url, note, curation",
        ),
        (
            ["claims", "--fields", "verdikt"],
            "unknown field for --fields: verdikt",
            "did you mean verdict? valid fields: id, statement, relation, value, measure, "
            "scope, as_of, source, computed, verdict, why, basis, comparable, comparable_basis, or all",
        ),
    ],
)
def test_unknown_sort_and_fields_name_their_option_and_the_closest(
    run: Runner, args: list[str], message: str, hint: str
) -> None:
    """Exit 2, the option named, the closest field suggested; stdout empty."""
    result = run([*args, "--data", str(MINI)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"newtowns: error: {message}\nnewtowns: hint: {hint}\n"
    script = _script(*args, "--data", str(MINI))
    assert (script.returncode, script.stdout, script.stderr) == (2, "", result.stderr)


@pytest.mark.parametrize("command", ["list", "groups", "timeline", "claims", "summarise"])
@pytest.mark.parametrize("option", ["--fields", "--sort"])
def test_empty_fields_and_sort_exit_2_on_every_listing(
    run: Runner, command: str, option: str
) -> None:
    """--fields '' and --sort '' are usage errors, never the field list on stdout."""
    result = run([command, "--data", str(MINI), option, ""])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"newtowns: error: no field given for {option}\n")


# -- --sort, --reverse and --limit on every listing -----------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["timeline", "--fields", "date,kind", "--sort", "kind", "--limit", "3"],
            "date\tkind\n2022-11-28\tcongress\n1966\tdesignation\n1972\tdesignation\n",
        ),
        (
            ["timeline", "--fields", "date", "--reverse", "--limit", "2"],
            "date\n2024-11-13\n2024-10\n",
        ),
        (
            ["timeline", "--fields", "date,towns", "--sort", "towns", "--reverse", "--limit", "2"],
            "date\ttowns\n2000\tbeedorp\n2010\tbeedorp\n",
        ),
        (["claims", "--fields", "id", "--limit", "0"], "id\n"),
        (
            ["claims", "--fields", "id,verdict", "--sort", "verdict"],
            "id\tverdict\nplaces\tconsistent\ninhabitants\tnot consistent\n",
        ),
        (["groups", "--fields", "id", "--sort", "kind", "--reverse"], "id\nreg\nnet\n"),
        (["sources", "--fields", "id", "--sort", "id", "--limit", "2"], "id\nnews-b\nstats-2024\n"),
    ],
)
def test_sort_reverse_and_limit_on_the_mini_data(
    run: Runner, args: list[str], expected: str
) -> None:
    """Each listing sorts by its own columns (empty values last), reverses and cuts."""
    result = run([*args, "--data", str(MINI)])
    assert (result.exit_code, result.stdout) == (0, expected)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            [],
            "province\ttowns\tpopulation\nFryslân\t1\t120000\nZuid-Holland\t2\t110000\n"
            "Noord-Holland\t2\t100000\nNoord-Brabant\t1\t0\ntotal\t6\t330000\n",
        ),
        (
            ["--sort", "province"],
            "province\ttowns\tpopulation\nFryslân\t1\t120000\nNoord-Brabant\t1\t0\n"
            "Noord-Holland\t2\t100000\nZuid-Holland\t2\t110000\ntotal\t6\t330000\n",
        ),
        (
            ["--sort", "towns", "--reverse", "--limit", "2"],
            "province\ttowns\tpopulation\nZuid-Holland\t2\t110000\nNoord-Holland\t2\t100000\n"
            "total\t6\t330000\n",
        ),
        (
            ["--reverse", "--limit", "1"],
            "province\ttowns\tpopulation\nNoord-Brabant\t1\t0\ntotal\t6\t330000\n",
        ),
    ],
)
def test_summarise_sorts_its_groups_and_keeps_the_total(
    run: Runner, args: list[str], expected: str
) -> None:
    """The groups are ordered and cut; the total still counts every selected town."""
    base = ["--data", TOWNS, "--by", "province", "--fields", "province,towns,population"]
    for command in ("summarise", "summary"):
        result = run([command, *base, *args])
        assert (result.exit_code, result.stdout) == (0, expected)


# -- filter and summarise -------------------------------------------------------------------


def test_filter_then_summarise_as_the_issue_asks(tmp_path: pathlib.Path) -> None:
    """newtowns filter --region MRA -o mra.toml && newtowns --data mra.toml summarise --by province"""
    result = subprocess.run(
        "newtowns filter --region MRA -o mra.toml && "
        "newtowns --data mra.toml summarise --by province --fields province,towns",
        shell=True,
        cwd=tmp_path,
        env={
            **{k: v for k, v in os.environ.items() if k != "NEWTOWNS_DATA"},
            "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "province\ttowns\nFlevoland\t2\nNoord-Holland\t3\ntotal\t5\n"
    check = _script("validate", str(tmp_path / "mra.toml"))
    assert check.returncode == 0
    assert check.stderr == f"{tmp_path / 'mra.toml'}: valid (5 towns, 5 groups, 71 sources)\n"


def test_filter_writes_what_export_toml_writes(run: Runner, tmp_path: pathlib.Path) -> None:
    """The same subset as export --format toml, to stdout or -o; it validates and lists."""
    args = ["--data", TOWNS, "--province", "ZH"]
    filtered = run(["filter", *args])
    exported = run(["export", "-f", "toml", *args])
    assert (filtered.exit_code, filtered.stdout) == (0, exported.stdout)
    target = tmp_path / "zh.toml"
    assert run(["filter", *args, "-o", str(target)]).exit_code == 0
    assert target.read_text("utf-8") == filtered.stdout
    assert run(["validate", str(target)]).exit_code == 0
    listed = run(["--data", str(target), "list", "--fields", "id,province"])
    assert listed.stdout == "id\tprovince\nbeta\tZuid-Holland\ngamma\tZuid-Holland\n"


def test_filter_without_filters_is_the_whole_data_set(run: Runner) -> None:
    """No filter: every town, every table (the data set as export writes it)."""
    result = run(["filter", "--data", str(MINI)])
    assert result.stdout == run(["export", "--data", str(MINI)]).stdout
    assert result.stdout.count("[[town]]") == 2


def test_filter_and_summarise_are_in_the_help() -> None:
    """Both listed by --help, and both read without typer."""
    from newtowns_cli.cli.parse import parse

    help_text = _script("--help", COLUMNS="100").stdout
    assert "\n  filter " in help_text and "\n  summarise " in help_text
    assert parse(["filter", "--region", "MRA", "-o", "x.toml"]).values == {
        "region": "MRA",
        "output": "x.toml",
    }
    assert parse(["summary", "--by", "STATUS"]).values == {"by": "status"}


# -- export on a terminal -----------------------------------------------------------------------

CONTROL_NAME = "osc \x1b]0;pwned\x07 bel esc \x1b[2J nul \x00 c1 \x9b"


@pytest.fixture(scope="module")
def control_file(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    return write_data(
        tmp_path_factory.mktemp("control") / "control.toml",
        [
            {
                "id": "t",
                "name": CONTROL_NAME,
                "municipality": "m",
                "cbs_code": "GM0001",
                "province": "Utrecht",
                "status": "groeikern",
                "sources": ["s"],
                "location": [{"lat": 52.0, "lon": 5.0, "source": "s"}],
            }
        ],
    )


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-f", "csv"],
        ["export", "-f", "json"],
        ["export", "-f", "geojson"],
        ["export", "-f", "toml"],
        ["export"],
        ["filter"],
        ["list", "-f", "csv", "--fields", "name"],
    ],
)
def test_export_to_a_terminal_escapes_control_characters(
    control_file: pathlib.Path, args: list[str]
) -> None:
    """ESC, BEL, NUL and C1 from the data never reach a terminal raw, in any export format."""
    code, text = on_terminal(*args, "--data", str(control_file))
    assert code == 0, text
    assert not any(char in text for char in "\x1b\x07\x00\x9b"), repr(text)


def test_export_csv_to_a_terminal_shows_the_escapes(control_file: pathlib.Path) -> None:
    """CSV on a terminal: the control characters shown as \\x escapes; in a pipe, raw bytes."""
    code, text = on_terminal("export", "-f", "csv", "--data", str(control_file))
    assert code == 0
    assert "osc \\x1b]0;pwned\\x07 bel esc \\x1b[2J nul \\x00 c1 \\x9b" in text
    piped = _script("export", "-f", "csv", "--data", str(control_file))
    assert CONTROL_NAME in piped.stdout
