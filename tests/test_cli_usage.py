"""Usage errors and near misses: empty names, reversed ranges, unknown kinds, hints that fit."""

from __future__ import annotations

import pathlib
import tracemalloc

import pytest

from newtowns_cli.model import frozen
from newtowns_cli.model.errors import NotFoundError, UsageError
from newtowns_cli.model.records import Town
from newtowns_cli.questions.lookup import resolve, town_names

from support import MINI, Runner


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (["show", ""], "the town name is empty", "name one; list them with 'newtowns list'"),
        (["show", "  "], "the town name is empty", "name one; list them with 'newtowns list'"),
        (["groups", ""], "the group name is empty", "name one; list them with 'newtowns groups'"),
        (
            ["research", ""],
            "the study name is empty",
            "name one; list them with 'newtowns research'",
        ),
        (
            ["organisations", ""],
            "the organisation name is empty",
            "name one; list them with 'newtowns organisations'",
        ),
        (
            ["sources", ""],
            "the source name is empty",
            "name one; list them with 'newtowns sources'",
        ),
        (
            ["timeline", "--town", ""],
            "the town name is empty",
            "name one; list them with 'newtowns list'",
        ),
        (["list", "--region", ""], "--region: the value is empty", "name a region"),
        (["list", "--group", ""], "--group: the value is empty", "name a group"),
        (
            ["timeline", "--from", "2025", "--to", "2020"],
            "--from 2025 is after --to 2020",
            "swap them, or drop one",
        ),
        (
            ["timeline", "--from", "2020-07", "--to", "2020-06-30"],
            "--from 2020-07 is after --to 2020-06-30",
            "swap them, or drop one",
        ),
        (
            ["list", "--designated-from", "1980", "--designated-to", "1970"],
            "--designated-from 1980 is after --designated-to 1970",
            "swap them, or drop one",
        ),
        (
            ["summarise", "--min-population", "100000", "--max-population", "5"],
            "--min-population 100000 is above --max-population 5",
            "swap them, or drop one",
        ),
        (
            ["timeline", "--kind", "designaton"],
            "invalid value for --kind: 'designaton'",
            "did you mean designation? choose from policy, motion, designation, status, plan, "
            "founded, municipality, merger, boundary, construction, milestone, founding, "
            "membership, agreement, conference, congress, lab, news, publication, presentation",
        ),
    ],
)
def test_usage_errors_exit_2(run: Runner, args: list[str], message: str, hint: str) -> None:
    """Each is a usage error: exit 2, one message and its hint, nothing on stdout."""
    result = run([*args, "--data", str(MINI)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"newtowns: error: {message}\nnewtowns: hint: {hint}\n"


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--from", "2020", "--to", "2020"],
        ["timeline", "--from", "2020-06", "--to", "2020"],
        ["list", "--designated-from", "1972", "--designated-to", "1972"],
        ["list", "--min-population", "5", "--max-population", "5"],
    ],
)
def test_an_equal_or_overlapping_range_is_fine(run: Runner, args: list[str]) -> None:
    """A range of one value, or a month within its year, is no error."""
    result = run([*args, "--data", str(MINI), "-f", "json"])
    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["show", "atlantis"], "list them with 'newtowns list'"),
        (["groups", "zzzz"], "list them with 'newtowns groups'"),
        (["research", "zzzz"], "list them with 'newtowns research'"),
        (["organisations", "zzzz"], "list them with 'newtowns organisations'"),
        (["sources", "zzzz"], "list them with 'newtowns sources'"),
        (["groups", "netwerc"], "did you mean net (Het Netwerk)?"),
        (["organisations", "ministerei"], "did you mean ministry (Ministerie van Tests)?"),
        (["sources", "news-c"], "did you mean news-b?"),
    ],
)
def test_a_missing_name_points_to_its_own_listing(run: Runner, args: list[str], hint: str) -> None:
    """Not found: exit 3, the closest names (a word of a name counts), else where they are listed."""
    result = run([*args, "--data", str(MINI)])
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.splitlines()[-1] == f"newtowns: hint: {hint}"


def test_a_misspelt_group_in_the_shipped_data_gets_the_alliance(run: Runner) -> None:
    """`groups allianse` suggests the New Towns Alliantie by its id and name."""
    result = run(["groups", "allianse"])
    assert result.exit_code == 3
    assert result.stderr == (
        "newtowns: error: no group named 'allianse'\n"
        "newtowns: hint: did you mean new-towns-alliantie "
        "(Leernetwerk Toekomstbestendige New Towns)?\n"
    )


def test_validate_of_a_missing_file_has_no_data_option_hint(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """`validate FILE` names its file: --data and NEWTOWNS_DATA are no fix for it; the hint
    says to check the path, and that `validate` alone checks the data newtowns reads (a
    README example copied outside the checkout names data/newtowns.toml)."""
    missing = tmp_path / "nope.toml"
    result = run(["validate", str(missing)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"newtowns: error: {missing}: no such file\nnewtowns: hint: check the path; "
        "newtowns validate alone checks the data newtowns reads\n",
    )
    listed = run(["list", "--data", str(missing)])
    assert listed.exit_code == 1
    assert listed.stderr.splitlines()[-1].startswith("newtowns: hint: give a data file with --data")


def _same_names(count: int) -> list[Town]:
    return [
        Town(id=f"town-{n}", name="Zelfde", municipality=f"Gemeente {n}", cbs_code="GM0001",
             province="Utrecht", status="groeikern", sources=("s",))
        for n in range(count)
    ]  # fmt: skip


def test_a_name_many_towns_share_lists_a_few_and_how_many_more() -> None:
    """`show Zelfde` with 5 000 towns of that name printed all 5 000 on one line (79 KB)."""
    with pytest.raises(UsageError) as error:
        resolve(_same_names(5000), "Zelfde", names=town_names, noun="town")
    assert error.value.message == (
        "'Zelfde' names more than one town: town-0 (Zelfde), town-1 (Zelfde), "
        "town-2 (Zelfde), town-3 (Zelfde), town-4 (Zelfde) and 4995 more"
    )


@pytest.mark.slow
def test_near_misses_among_a_million_names_are_looked_for_in_bounded_memory() -> None:
    """A missed name among 200 000 aliases: the closest is still suggested, without a dict
    of every name and word (a million aliases took 435 MB and 20 s in difflib)."""
    town = frozen.replace(
        _same_names(1)[0], name="Ergens", aliases=tuple(f"plaats {n}" for n in range(200_000))
    )
    tracemalloc.start()
    try:
        with pytest.raises(NotFoundError) as error:
            resolve([town], "Ergnes", names=town_names, noun="town")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.value.hint == "did you mean town-0 (Ergens)?"
    assert peak < 8_000_000  # the names of the one town are 1.6 MB; before: 59 MB
