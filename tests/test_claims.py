"""newtowns claims: published figures against the data, with a verdict and its reason."""

from __future__ import annotations

import pytest

from newtowns_cli.claims import holds

from support import MINI, Runner


@pytest.mark.parametrize(
    ("relation", "computed", "value", "expected"),
    [
        ("exactly", 7, 7, True),
        ("exactly", 8, 7, False),
        ("more than", 1300001, 1300000, True),
        ("more than", 1300000, 1300000, False),
        ("almost", 1350000, 1500000, True),
        ("almost", 1349999, 1500000, False),
        ("almost", 1500000, 1500000, False),
        ("about", 1045, 1000, True),
        ("about", 951, 1000, True),
        ("about", 1051, 1000, False),
    ],
)
def test_relations(relation: str, computed: int, value: int, expected: bool) -> None:
    """about: ±5 %; almost: from 10 % below up to the value; more than: strictly more."""
    assert holds(relation, computed, value) is expected


def test_mini_claim_is_checked_against_the_group(run: Runner) -> None:
    """'ruim 3.000' for Het Netwerk: its members count 3000, which is not more than 3000."""
    result = run(
        ["claims", "--data", str(MINI), "-f", "tsv", "--fields", "id,computed,verdict,why"]
    )
    why = "3000 inhabitants in the data: more than 3000 does not hold"
    row = result.stdout.splitlines()[1].split("\t")
    assert row == ["inhabitants", "3000", "not consistent", why]


def test_shipped_claims(run: Runner) -> None:
    """ruim 1,3 miljoen holds; the alliance's 7 meets 8 dated members; counts are not comparable."""
    rows = {
        line.split("\t")[0]: line.split("\t")[1:]
        for line in run(
            ["claims", "-f", "tsv", "--fields", "id,computed,verdict"]
        ).stdout.splitlines()[1:]
    }
    assert rows["inwoners-ruim-1-3-miljoen-2022"] == ["1333839", "consistent"]
    assert rows["inwoners-ruim-1-3-miljoen-2023"] == ["1333839", "consistent"]
    assert rows["inwoners-bijna-1-5-miljoen"] == ["1333839", "not consistent"]
    assert rows["inwoners-1975"] == ["1333839", "not comparable"]
    assert rows["alliantie-7-groeikernen"] == ["8", "not consistent"]
    assert {rows[k][1] for k in rows if k.startswith("plaatsen-")} == {"not comparable"}
    assert len(rows) == 14
