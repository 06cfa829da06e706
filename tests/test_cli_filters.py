"""newtowns list: every filter, their combinations, sort, limit and name resolution."""

from __future__ import annotations

import pytest

from support import DATA, Runner

TOWNS = str(DATA / "towns.toml")


def _ids(run: Runner, *args: str) -> list[str]:
    result = run(["list", "--data", TOWNS, "--fields", "id", *args])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "id"
    return lines[1:]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ["alpha", "beta", "delta", "epsilon", "gamma", "zeta"]),
        (("--region", "rand"), ["alpha", "zeta"]),
        (("--region", "Regio Rand"), ["alpha", "zeta"]),
        (("--group", "net"), ["alpha", "beta", "epsilon", "gamma"]),
        (("--group", "netwerk nt"), ["alpha", "beta", "epsilon", "gamma"]),
        (("--group", "rand"), ["alpha", "zeta"]),
        (("--group", "net", "--member-as-of", "2022"), ["alpha", "beta", "delta"]),
        (("--group", "net", "--member-as-of", "2022-11-27"), ["alpha", "delta"]),
        (("--group", "net", "--member-as-of", "2023-07"), ["alpha", "beta"]),
        (("--group", "net", "--member-as-of", "2024-01-01"), ["alpha", "beta"]),
        (("--group", "net", "--member-as-of", "2023-12-04"), ["alpha", "beta", "gamma"]),
        (("--group", "net", "--member-as-of", "2023-12"), ["alpha", "beta", "gamma"]),
        (("--group", "net", "--member-as-of", "2019"), []),
        (("--province", "Zuid-Holland"), ["beta", "gamma"]),
        (("--province", "zuid-holland"), ["beta", "gamma"]),
        (("--province", "FRYSLAN"), ["epsilon"]),
        (("--status", "groeistad"), ["delta"]),
        (("--status", "GROEIKERN"), ["alpha", "beta", "epsilon", "gamma", "zeta"]),
        (("--relieves", "rotterdam"), ["beta", "gamma"]),
        (("--relieves", "Den  Haag"), ["gamma"]),
        (("--relieves", "Utrecht"), []),
        (("--designated-from", "1976"), ["beta", "delta", "epsilon"]),
        (("--designated-to", "1976"), ["alpha", "delta"]),
        (("--designated-from", "1970", "--designated-to", "1980"), ["beta", "delta"]),
        (("--min-population", "50000"), ["alpha", "beta", "epsilon", "zeta"]),
        (("--max-population", "50000"), ["alpha", "gamma", "zeta"]),
        (("--min-population", "50001", "--max-population", "100000"), ["beta"]),
        (("--search", "stad"), ["alpha", "zeta"]),
        (("--search", "betadorp"), ["beta"]),
        (("--search", "bèta"), ["beta"]),
        (("--search", "ETA"), ["beta", "zeta"]),
        (
            ("--province", "noord-holland", "--min-population", "50000", "--region", "rand"),
            ["alpha", "zeta"],
        ),
        (("--group", "net", "--province", "zuid-holland", "--relieves", "den haag"), ["gamma"]),
    ],
)
def test_filters_give_exactly_these_towns(
    run: Runner, args: tuple[str, ...], expected: list[str]
) -> None:
    """Each filter, alone and combined (AND), selects exactly the expected towns, by name."""
    assert _ids(run, *args) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--sort", "population"), ["gamma", "alpha", "zeta", "beta", "epsilon", "delta"]),
        (
            ("--sort", "population", "--reverse"),
            ["epsilon", "beta", "alpha", "zeta", "gamma", "delta"],
        ),
        (("--sort", "name", "--reverse"), ["zeta", "gamma", "epsilon", "delta", "beta", "alpha"]),
        (("--reverse",), ["zeta", "gamma", "epsilon", "delta", "beta", "alpha"]),
        (("--sort", "designated"), ["alpha", "delta", "beta", "epsilon", "gamma", "zeta"]),
        (("--sort", "province"), ["epsilon", "delta", "alpha", "zeta", "beta", "gamma"]),
        (("--limit", "2"), ["alpha", "beta"]),
        (("--limit", "0"), []),
        (("--sort", "population", "--reverse", "--limit", "3"), ["epsilon", "beta", "alpha"]),
    ],
)
def test_sort_reverse_and_limit(run: Runner, args: tuple[str, ...], expected: list[str]) -> None:
    """Sorting is by the column's value, ties keep name order, empty values always last."""
    assert _ids(run, *args) == expected


def test_designated_is_the_earliest_official_designation(run: Runner) -> None:
    """Bèta: official 1978 and 1977-05, a growth decision 1976: the earliest official counts."""
    result = run(["list", "--data", TOWNS, "--fields", "id,designated", "--search", "beta"])
    assert result.stdout == "id\tdesignated\nbeta\t1977-05\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--region", "nowhere"), "newtowns: error: unknown value for --region: 'nowhere'"),
        (("--region", "net"), "newtowns: error: unknown value for --region: 'net'"),
        (("--group", "nope"), "newtowns: error: unknown value for --group: 'nope'"),
        (("--province", "Friesland"), "newtowns: error: unknown value for --province: 'Friesland'"),
        (("--member-as-of", "2022"), "newtowns: error: --member-as-of needs --group or --region"),
        (
            ("--group", "net", "--member-as-of", "2022-13"),
            "newtowns: error: invalid value for --member-as-of: month 13 is out of range (1-12)",
        ),
        (("--sort", "height"), "newtowns: error: unknown field for --sort: height"),
    ],
)
def test_unknown_values_are_usage_errors(run: Runner, args: tuple[str, ...], message: str) -> None:
    """Values only the data can judge exit 2 with one message and a hint; stdout stays empty."""
    result = run(["list", "--data", TOWNS, *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == message
    assert result.stderr.splitlines()[1].startswith("newtowns: hint: ")


def test_unknown_province_lists_the_valid_ones(run: Runner) -> None:
    """The hint names every province."""
    result = run(["list", "--data", TOWNS, "--province", "Friesland"])
    assert result.stderr.splitlines()[1] == (
        "newtowns: hint: did you mean Fryslân? valid values: Drenthe, Flevoland, Fryslân, "
        "Gelderland, Groningen, Limburg, Noord-Brabant, Noord-Holland, Overijssel, Utrecht, "
        "Zeeland, Zuid-Holland; or a code: DR, FL, FR, GE, GR, LI, NB, NH, OV, UT, ZE, ZH "
        "(also as NL-ZH …)"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("--status", "new"),
        ("--limit", "-1"),
        ("--min-population", "many"),
        ("--min-population", "-5"),  # like --limit: a count is never negative
        ("--max-population", "-1"),
    ],
)
def test_typer_rejects_malformed_option_values(run: Runner, args: tuple[str, ...]) -> None:
    """Typer's own usage errors exit 2."""
    assert run(["list", "--data", TOWNS, *args]).exit_code == 2


def test_no_match_is_success_with_only_the_header(run: Runner) -> None:
    """A valid filter matching nothing: exit 0, the header only, no note off a terminal."""
    result = run(["list", "--data", TOWNS, "--relieves", "Utrecht"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "id\tname\tmunicipality\tprovince\tstatus\tpopulation\tpopulation_as_of\tregions\n",
        "",
    )
    assert run(["list", "--data", TOWNS, "--relieves", "Utrecht", "-f", "json"]).stdout == "[]\n"
    assert run(["list", "--data", TOWNS, "--relieves", "Utrecht", "-f", "jsonl"]).stdout == ""


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("alpha", "alpha"),
        ("BETA", "beta"),
        ("Bèta", "beta"),
        ("beta", "beta"),
        ("betadorp", "beta"),
        ("Zuidgemeente", "beta"),
        ("  gamma ", "gamma"),
        ("epsil", "epsilon"),
    ],
)
def test_show_resolves_id_name_alias_and_municipality(run: Runner, name: str, town: str) -> None:
    """show finds a town by id, name, alias, municipality or a unique part of one."""
    result = run(["show", name, "--data", TOWNS, "-f", "tsv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].split("\t")[0] == town


def test_show_unknown_town_exits_3_with_suggestions(run: Runner) -> None:
    """Not found: exit 3, and the closest names."""
    result = run(["show", "gama", "--data", TOWNS])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert (
        result.stderr
        == "newtowns: error: no town named 'gama'\nnewtowns: hint: did you mean gamma (Gamma)?\n"
    )


def test_show_ambiguous_name_lists_the_candidates(run: Runner) -> None:
    """Two towns in one municipality: the name is ambiguous, the id is not."""
    result = run(["show", "alphastad", "--data", TOWNS])
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[0]
        == "newtowns: error: 'alphastad' names more than one town: alpha (Alpha), zeta (Zeta)"
    )


@pytest.mark.parametrize(
    ("command", "value"),
    [
        ("groups", "nothing"),
        ("research", "nothing"),
        ("organisations", "nothing"),
        ("sources", "nothing"),
    ],
)
def test_unknown_ids_exit_3_for_every_command(run: Runner, command: str, value: str) -> None:
    """Every ID argument resolves like show; an unknown one exits 3."""
    result = run([command, value, "--data", TOWNS])
    assert result.exit_code == 3
    assert result.stderr.startswith("newtowns: error: no ")


def test_the_shipped_data_answers_the_readme_questions(run: Runner) -> None:
    """Nissewaard finds Spijkenisse; the alliance: 5 members on 2022-12-01, 7 named on
    2023-12-04, and on 2024-01-01 the 5 with a start, two attested-only ones unconfirmed."""
    assert (
        run(["show", "nissewaard", "-f", "tsv"])
        .stdout.splitlines()[1]
        .startswith("spijkenisse\tSpijkenisse\tNissewaard")
    )
    members = run(
        ["list", "--group", "alliantie", "--member-as-of", "2022-12-01", "--fields", "id"]
    ).stdout.split()
    assert members == [
        "id",
        "almere",
        "capelle-aan-den-ijssel",
        "nieuwegein",
        "spijkenisse",
        "zoetermeer",
    ]
    named = run(
        ["list", "--group", "New Towns Alliantie", "--member-as-of", "2023-12-04", "--fields", "id"]
    )
    assert named.stdout.split()[1:] == [
        "almere",
        "capelle-aan-den-ijssel",
        "lelystad",
        "nieuwegein",
        "purmerend",
        "spijkenisse",
        "zoetermeer",
    ]
    later = run(
        ["list", "--group", "New Towns Alliantie", "--member-as-of", "2024-01-01", "--fields", "id"]
    )
    assert later.stdout.split()[1:] == [
        "almere",
        "capelle-aan-den-ijssel",
        "nieuwegein",
        "spijkenisse",
        "zoetermeer",
    ]
    assert later.stderr == (
        "newtowns: note: membership of new-towns-alliantie unconfirmed on 2024-01-01, "
        "not counted: purmerend, lelystad\n"
    )
    assert run(["show", "den haag"]).exit_code == 3
