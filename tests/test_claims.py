"""newtowns claims: published figures against the data, with a verdict and its reason."""

from __future__ import annotations

import pathlib

import pytest

from newtowns_cli.questions.claims import holds

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
    """Unnamed sets and other definitions are not comparable; so is a claim resting on an
    unconfirmed membership or on figures the data lacks; like for like gets a verdict."""
    rows = {
        line.split("\t")[0]: line.split("\t")[1:]
        for line in run(
            ["claims", "-f", "tsv", "--fields", "id,computed,verdict,why"]
        ).stdout.splitlines()[1:]
    }
    for unnamed in (
        "inwoners-ruim-1-3-miljoen-2022",
        "inwoners-ruim-1-3-miljoen-2023",
        "inwoners-bijna-1-5-miljoen",
    ):
        assert rows[unnamed] == [
            "",
            "not comparable",
            "the source does not name the towns it counts (the New Towns)",
        ]
    assert rows["inwoners-1975"][1] == "not comparable"
    assert rows["inwoners-1975"][2].startswith("no municipal figure from 1975 for ")
    assert rows["alliantie-7-groeikernen"] == [
        "",
        "not comparable",
        "it rests on memberships unconfirmed on 2024-11-13: purmerend, lelystad",
    ]
    assert rows["plaatsen-18-tweede-nota"] == [
        "",
        "not comparable",
        "the claim counts places designated in the Tweede Nota, "
        "not the towns the data lists as designated",
    ]
    assert rows["plaatsen-16-nrc"] == [
        "",
        "not comparable",
        "the claim counts the towns designated in 1970–1979; the data's designations put"
        " zoetermeer (1962), almere (1961), lelystad (1961), purmerend (1963), hoorn (1960),"
        " huizen (1967), nieuwegein (1958), duiven (1981), westervoort (1981) outside it;"
        " the data has no dated designation for hellevoetsluis, capelle-aan-den-ijssel",
    ]
    assert rows["plaatsen-16-geografie"] == [
        "",
        "not comparable",
        "the data lists the places its sources call designated: a count of its own list "
        "would only confirm itself",
    ]
    assert len(rows) == 14


CLAIM = """
[dataset]
title = "t"
description = "t"
version = "1"
updated = 2024-01-01
licence = "CC0-1.0"

[[source]]
id = "s"
title = "s"
publisher = "p"
kind = "news"
language = "nl"

[[town]]
id = "a"
name = "A"
municipality = "A"
cbs_code = "GM0001"
province = "Utrecht"
status = "groeikern"
sources = ["s"]
population = {{ count = 1000, as_of = 2024-01-01, source = "s" }}
population_history = [
    {{ count = 900, as_of = 2020-01-01, source = "s" }},
    {{ count = 950, as_of = 2020, source = "s", qualifier = "about" }},
    {{ count = 5000, as_of = 2020, unit = "place", unit_name = "A-dorp", source = "s" }},
]

[[town]]
id = "b"
name = "B"
municipality = "B"
cbs_code = "GM0002"
province = "Utrecht"
status = "groeikern"
sources = ["s"]
population = {{ count = 2000, as_of = 2024-01-01, unit = "place", unit_name = "B", source = "s" }}
population_history = [{{ count = 1200, as_of = 2020, source = "s", qualifier = "more than" }}]

[[group]]
id = "g"
name = "G"
kind = "network"
sources = ["s"]
members = [
    {{ town = "a", since = 2019, source = "s" }},
    {{ town = "b", as_of = 2021, source = "s" }},
]

[[claim]]
id = "c"
statement = "x"
relation = "{relation}"
value = {value}
measure = "{measure}"
scope = "the towns"
source = "s"
{extra}
"""


@pytest.mark.parametrize(
    ("measure", "relation", "value", "extra", "expected"),
    [
        (
            "inhabitants", "about", 2100, 'covers = "designated"\nas_of = 2020',
            ["2100", "consistent",
             "2100 inhabitants in the data (rounded figures for b): about 2100 holds"],
        ),
        (
            "inhabitants", "more than", 2100, 'covers = "designated"\nas_of = 2020',
            ["2100", "not consistent",
             "2100 inhabitants in the data (rounded figures for b): more than 2100 does not hold"],
        ),
        (
            "inhabitants", "about", 3000, 'covers = "designated"\nas_of = 2024',
            ["", "not comparable", "no municipal figure from 2024 for b"],
        ),
        (
            "inhabitants", "about", 900, 'covers = "towns"\ntowns = ["a"]\nas_of = \"2020-06\"',
            ["900", "consistent", "900 inhabitants in the data: about 900 holds"],
        ),
        (
            "inhabitants", "about", 3000, "as_of = 2020",
            ["", "not comparable", "the source does not name the towns it counts (the towns)"],
        ),
        (
            "inhabitants", "about", 3000, 'covers = "designated"',
            ["", "not comparable", "the claim gives no date to compare figures from"],
        ),
        (
            "members", "exactly", 2, 'covers = "group"\ngroup = "g"\nas_of = \"2021-06\"',
            ["2", "consistent", "2 members confirmed on 2021-06: exactly 2 holds"],
        ),
        (
            "members", "exactly", 2, 'covers = "group"\ngroup = "g"\nas_of = 2022',
            ["", "not comparable", "it rests on memberships unconfirmed on 2022: b"],
        ),
        (
            "members", "exactly", 1, 'covers = "group"\ngroup = "g"\nas_of = 2020',
            ["", "not comparable", "it rests on memberships unconfirmed on 2020: b"],
        ),
        (
            "places", "exactly", 2, 'covers = "designated"',
            ["", "not comparable", "the data lists the places its sources call designated: "
             "a count of its own list would only confirm itself"],
        ),
        (
            "places", "exactly", 2, 'covers = "towns"\ntowns = ["a", "b"]',
            ["2", "consistent", "2 towns the claim names in the data: exactly 2 holds"],
        ),
        (
            "places", "exactly", 18, 'covers = "other"',
            ["", "not comparable",
             "the claim counts the towns, not the towns the data lists as designated"],
        ),
    ],
)  # fmt: skip
def test_verdicts_and_their_reasons(
    run: Runner,
    tmp_path: pathlib.Path,
    measure: str,
    relation: str,
    value: int,
    extra: str,
    expected: list[str],
) -> None:
    """Municipal figures of the claim's year only (exact before rounded, places never);
    confirmed memberships only; a verdict only on like for like, always with its reason."""
    data = tmp_path / "c.toml"
    data.write_text(
        CLAIM.format(measure=measure, relation=relation, value=value, extra=extra), "utf-8"
    )
    result = run(["claims", "--data", str(data), "-f", "tsv", "--fields", "computed,verdict,why"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].split("\t") == expected


@pytest.mark.parametrize(
    ("designations", "period", "expected"),
    [
        (
            (1974, 1967), "designated_from = 1970\ndesignated_to = 1979",
            ["", "not comparable",
             "the claim counts the towns designated in 1970–1979; "
             "the data's designations put b (1967) outside it"],
        ),
        (
            (1974, None), "designated_from = 1970\ndesignated_to = 1979",
            ["", "not comparable",
             "the claim counts the towns designated in 1970–1979; "
             "the data has no dated designation for b"],
        ),
        (
            (1981, None), "designated_to = 1979",
            ["", "not comparable",
             "the claim counts the towns designated until 1979; the data's designations"
             " put a (1981) outside it; the data has no dated designation for b"],
        ),
        (
            (1974, 1979), "designated_from = 1970\ndesignated_to = 1979",
            ["2", "consistent", "2 designated towns in the data: exactly 2 holds"],
        ),
        (
            (1974, 1967), "",
            ["", "not comparable", "the data lists the places its sources call designated: "
             "a count of its own list would only confirm itself"],
        ),
    ],
)  # fmt: skip
def test_a_set_defined_by_a_period_must_match_the_datas_designations(
    run: Runner,
    tmp_path: pathlib.Path,
    designations: tuple[int | None, int | None],
    period: str,
    expected: list[str],
) -> None:
    """'De zestien gemeenten die in de jaren zeventig … werden aangewezen': comparable only
    when the data's designations put every town in the period; without a period, a count
    of the data's own list is no check at all."""
    text = CLAIM.format(
        measure="places", relation="exactly", value=2, extra=f'covers = "designated"\n{period}'
    )
    for town, year in zip(("a", "b"), designations, strict=True):
        if year is not None:
            text = text.replace(
                f'id = "{town}"\n',
                f'id = "{town}"\ndesignation = [{{ date = {year}, kind = "official", source = "s" }}]\n',
            )
    data = tmp_path / "c.toml"
    data.write_text(text, "utf-8")
    result = run(["claims", "--data", str(data), "-f", "tsv", "--fields", "computed,verdict,why"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].split("\t") == expected


def test_a_period_needs_the_designated_set_and_runs_forwards(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """validate names a period on another set, and a period that ends before it starts."""
    data = tmp_path / "c.toml"
    extra = 'covers = "other"\ndesignated_from = 1979\ndesignated_to = 1970'
    data.write_text(
        CLAIM.format(measure="places", relation="exactly", value=2, extra=extra), "utf-8"
    )
    result = run(["validate", str(data)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        f"{data}:60:1: claim[0].covers: a designation period needs covers = 'designated'\n"
        f"{data}:62:1: claim[0].designated_to: designated_to is before designated_from\n",
        f"{data}: 2 problems\n",
    )


def test_every_claim_gets_the_closest_figure_the_data_supports(run: Runner) -> None:
    """ "ruim 1,3 miljoen": the sixteen places on the nearest date they all have a figure,
    municipal figures added and Hellevoetsluis's place figure apart, and beside it the
    alliance's confirmed members; a count of places: the data's own count by its rule."""
    rows = {
        line.split("\t")[0]: line.split("\t")[1:]
        for line in run(
            ["claims", "-f", "tsv", "--fields", "id,comparable,comparable_basis"]
        ).stdout.splitlines()[1:]
    }
    assert rows["inwoners-ruim-1-3-miljoen-2023"] == [
        "1335119",
        "the 16 places the data lists: 15 municipal figures on 2024-01-01 added; "
        "hellevoetsluis's place figure 39925 shown apart. Beside it, the 7 members of "
        "Leernetwerk Toekomstbestendige New Towns confirmed on 2023-12-04: 7 municipal "
        "figures on 2024-01-01 added: 756026",
    ]
    assert rows["inwoners-ruim-1-3-miljoen-2022"][0] == "1335119"
    assert rows["plaatsen-16-nrc"] == [
        "5",
        "the data designates 5 of its 16 places in 1970–1979 (the earliest official "
        "designation, else the earliest dated decision, founding or policy): alkmaar (1972), "
        "haarlemmermeer (1979), spijkenisse (1976), houten (1979), helmond (1976)",
    ]
    assert rows["plaatsen-16-geografie"] == [
        "16",
        "the data lists 16 places; 10 of them have a dated official designation",
    ]
    assert rows["alliantie-7-groeikernen"] == [
        "5",
        "5 members of Leernetwerk Toekomstbestendige New Towns confirmed on 2024-11-13; 7 with "
        "those unconfirmed then (purmerend, lelystad)",
    ]
    assert all(row[0] for row in rows.values())  # a number for every claim
