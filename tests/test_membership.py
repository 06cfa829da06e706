"""--member-as-of: a membership with a start counts from it; an attested-only one counts
only between the dates sources name it; the others are unconfirmed, named on stderr."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.records import Attestation, Membership
from newtowns_cli.questions.select import MEMBER, NOT_MEMBER, UNCONFIRMED, standing_on

from support import DATA, MINI, Runner

TOWNS = str(DATA / "towns.toml")


def _m(**fields: object) -> Membership:
    return Membership(town="a", source="s", **fields)  # type: ignore[arg-type]


def _d(text: str) -> PartialDate:
    return PartialDate.parse(text)


@pytest.mark.parametrize(
    ("member", "date", "expected"),
    [
        (_m(since=_d("2022-11-28")), "2022-11-28", MEMBER),
        (_m(since=_d("2022-11-28")), "2022-11-27", NOT_MEMBER),
        (_m(since=_d("2022-11-28")), "2022-11", MEMBER),
        (_m(since=_d("2020"), until=_d("2023-06-30")), "2023-06-30", MEMBER),
        (_m(since=_d("2020"), until=_d("2023-06-30")), "2023-07-01", NOT_MEMBER),
        (_m(as_of=_d("2023-12-04")), "2023-12-04", MEMBER),
        (_m(as_of=_d("2023-12-04")), "2023", MEMBER),
        (_m(as_of=_d("2023-12-04")), "2024-11-13", UNCONFIRMED),
        (_m(as_of=_d("2023-12-04")), "2023-12-03", UNCONFIRMED),
        (
            _m(
                as_of=_d("2020"),
                attested=(Attestation(date=_d("2023-12-04"), source="s"),),
            ),
            "2022-06-01",
            MEMBER,
        ),
        (
            _m(as_of=_d("2020"), attested=(Attestation(date=_d("2021"), source="s"),)),
            "2022-06-01",
            UNCONFIRMED,
        ),
        (_m(), "2022", UNCONFIRMED),
        (_m(as_of=_d("2023"), until=_d("2023-06")), "2024", NOT_MEMBER),
    ],
)
def test_standing_on(member: Membership, date: str, expected: str) -> None:
    """Start <= D and no end before D; attested-only: named at or before D and at or after D."""
    assert standing_on(member, _d(date)) == expected


def test_unconfirmed_memberships_are_named_on_stderr(run: Runner) -> None:
    """2024-01-01: gamma was only named on 2023-12-04 and epsilon is undated: both unconfirmed."""
    result = run(
        ["list", "--data", TOWNS, "--group", "net", "--member-as-of", "2024-01-01", "-f", "tsv"]
    )
    assert result.exit_code == 0
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == ["id", "alpha", "beta"]
    assert result.stderr == (
        "newtowns: note: membership of net unconfirmed on 2024-01-01, not counted: gamma, epsilon\n"
    )


def test_confirmed_memberships_say_nothing(run: Runner) -> None:
    """Without --member-as-of nothing is unconfirmed: stderr stays empty."""
    result = run(["list", "--data", TOWNS, "--group", "net", "-f", "tsv"])
    assert result.stderr == ""


def test_the_note_reaches_a_pipe() -> None:
    """On a pipe too (the answer changes with it), through the installed console script."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newtowns_cli",
            "summary",
            "--data",
            TOWNS,
            "--group",
            "net",
            "--member-as-of",
            "2023-07",
            "--fields",
            "group,towns",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "group\ttowns\ntotal\t2\n")
    assert done.stderr == (
        "newtowns: note: membership of net unconfirmed on 2023-07, not counted: gamma, epsilon\n"
    )


def test_group_json_gives_each_membership_its_confirmed_period(run: Runner) -> None:
    """groups ID --format json: 'confirmed' is the period a membership is known to hold."""
    data = json.loads(run(["groups", "net", "--data", str(MINI), "-f", "json"]).stdout)
    assert [m["confirmed"] for m in data["members"]] == [
        {"from": "2022-11-28", "until": None, "basis": "start"},
        {"from": "2023-12-04", "until": "2024-01-01", "basis": "attested"},
    ]
    assert data["mentions"][0]["town"] == "aastad"
