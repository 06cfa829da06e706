"""newtowns summary: groupings, totals, shares, notes; the shipped totals add up."""

from __future__ import annotations

import json
import math
import pathlib

import pytest

from newtowns_cli.exports import jsontext
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.reading import store

from support import DATA, Runner, write_data

TOWNS = str(DATA / "towns.toml")


def _tsv(run: Runner, *args: str) -> list[list[str]]:
    result = run(["summary", "--data", TOWNS, "-f", "tsv", *args])
    assert result.exit_code == 0, result.stderr
    return [line.split("\t") for line in result.stdout.splitlines()]


def test_total_only_without_by(run: Runner) -> None:
    """One row: six towns, five with a population, two dates used."""
    assert _tsv(run) == [
        [
            "group",
            "towns",
            "population",
            "share",
            "mean_population",
            "area_km2",
            "density",
            "population_as_of",
            "apart_population",
        ],
        ["total", "6", "330000", "100.0", "66000", "", "", "2023-01-01;2024-01-01", "0"],
    ]


@pytest.mark.parametrize(
    ("by", "rows"),
    [
        (
            "province",
            [
                ["Fryslân", "1", "120000", "36.4"],
                ["Zuid-Holland", "2", "110000", "33.3"],
                ["Noord-Holland", "2", "100000", "30.3"],
                ["Noord-Brabant", "1", "0", "0.0"],
            ],
        ),
        ("status", [["groeikern", "5", "330000", "100.0"], ["groeistad", "1", "0", "0.0"]]),
        (
            "decade",
            [
                ["1960s", "1", "50000", "15.2"],
                ["1970s", "2", "90000", "27.3"],
                ["1980s", "1", "120000", "36.4"],
                ["(none)", "2", "70000", "21.2"],
            ],
        ),
        ("region", [["rand", "2", "100000", "30.3"], ["(none)", "4", "230000", "69.7"]]),
        ("group", [["net", "4", "280000", "84.8"], ["(none)", "2", "50000", "15.2"]]),
        (
            "relieves",
            [
                ["Rotterdam", "2", "110000", "33.3"],
                ["Amsterdam", "1", "50000", "15.2"],
                ["Den Haag", "1", "20000", "6.1"],
                ["(none)", "3", "170000", "51.5"],
            ],
        ),
    ],
)
def test_groupings(run: Runner, by: str, rows: list[list[str]]) -> None:
    """Each --by gives these groups (largest first, decades in order, (none) last) and the total."""
    found = _tsv(run, "--by", by, "--fields", f"{by},towns,population,share")
    assert found[0] == [by, "towns", "population", "share"]
    assert found[1:-1] == rows
    assert found[-1] == ["total", "6", "330000", "100.0"]


def test_notes_say_which_dates_units_and_gaps(run: Runner) -> None:
    """Markdown carries the notes a reader needs to use the totals."""
    text = run(["summary", "--data", TOWNS, "--by", "group", "-f", "md"]).stdout
    assert text.endswith(
        "Population figures refer to different dates: "
        "2023-01-01 (1 town), 2024-01-01 (4 towns).\n\n"
        "No population figure: Delta.\n\n"
        "A town in more than one group counts in each; the total counts it once.\n"
    )


def test_decades_note_the_towns_without_a_designation_date(run: Runner) -> None:
    """--by decade names the towns under '(none)': they have no dated designation."""
    text = run(["summary", "--data", TOWNS, "--by", "decade", "-f", "md"]).stdout
    assert text.endswith(
        "No population figure: Delta.\n\nNo dated designation, so under (none): Gamma, Zeta.\n"
    )
    other = run(["summary", "--data", TOWNS, "--by", "province", "-f", "md"]).stdout
    assert "designation" not in other


def test_shipped_decades_say_why_two_towns_have_none() -> None:
    """The shipped data: two of sixteen towns have no dated designation of any kind."""
    from newtowns_cli.questions.lookup import Catalog
    from newtowns_cli.questions.summary import summarize

    dataset = store.load(store.locate(None, None), today=PartialDate(2026).last_day())
    result = summarize(Catalog.of(dataset), dataset.town, by="decade")
    assert [(row.key, len(row.towns)) for row in result.rows][-1] == ("(none)", 2)
    assert result.notes[-1] == (
        "No dated designation, so under (none): Hellevoetsluis, Capelle aan den IJssel."
    )


def test_json_structure(run: Runner) -> None:
    """JSON: the grouping, the rows, the total and the notes, numbers as numbers."""
    args = ["summary", "--data", TOWNS, "--by", "status", "-f", "json", "--fields", "all"]
    document = json.loads(run(args).stdout)
    assert document["by"] == "status"
    assert document["total"]["population"] == 330000
    assert [row["status"] for row in document["rows"]] == ["groeikern", "groeistad"]
    assert document["rows"][0]["town_ids"] == ["alpha", "beta", "epsilon", "gamma", "zeta"]
    assert len(document["notes"]) == 2


def test_terminal_table_has_bars_scaled_to_the_largest(run: Runner) -> None:
    """On the table format, one bar per group; the largest fills the width."""
    text = run(
        ["summary", "--data", TOWNS, "--by", "province", "-f", "table"], env={"COLUMNS": "80"}
    ).stdout
    bars = [line for line in text.splitlines() if "█" in line]
    assert [line.split()[0] for line in bars] == ["Fryslân", "Zuid-Holland", "Noord-Holland"]
    lengths = [line.count("█") for line in bars]
    assert lengths[0] > lengths[1] > lengths[2] > 0
    assert all(len(line) <= 80 for line in text.splitlines())


def test_shipped_total_adds_municipal_figures_only() -> None:
    """The total adds every municipal latest figure; a place figure is shown apart, not added."""
    from newtowns_cli.questions.lookup import Catalog
    from newtowns_cli.questions.summary import summarize

    dataset = store.load(store.locate(None, None), today=PartialDate(2026).last_day())
    result = summarize(Catalog.of(dataset), dataset.town)
    municipal = [t.population for t in dataset.town if t.population]
    assert result.total.population == sum(p.count for p in municipal if p.unit == "municipality")
    assert result.total.apart == ("hellevoetsluis",)
    assert result.total.apart_population == 39925
    assert result.notes[0] == "Population figures refer to 2024-01-01."
    assert result.notes[1] == (
        "Not added, the latest figure counts a place or district, not the municipality: "
        "Hellevoetsluis (39925, place Hellevoetsluis, 2024-01-01)."
    )


def _refuse(constant: str) -> None:
    raise AssertionError(f"{constant} is not JSON")


def _town(number: int, area: float, count: int = 8000) -> dict[str, object]:
    return {
        "id": f"t{number}", "name": f"T{number}", "municipality": f"M{number}",
        "cbs_code": "GM0001", "province": "Flevoland", "status": "groeikern", "sources": ["s"],
        "population": {"count": count, "as_of": 2024, "source": "s"},
        "area": [{"total": area, "source": "s"}],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        # 1.7e308 + 1.7e308 is past the largest float: no total area and no density.
        ([1.7e308, 1.7e308], (None, None)),
        # 8 000 people on 1e-305 km² would be 8e308 a km²: the area stands, the density is absent.
        ([1e-305], (0.0, None)),
    ],
)
def test_a_total_or_density_past_any_float_is_absent_not_infinity(
    run: Runner, tmp_path: pathlib.Path, areas: list[float], expected: tuple[object, object]
) -> None:
    """summary --format json is JSON (no Infinity); CSV, Markdown and HTML show no 'inf'."""
    data = str(write_data(tmp_path / "big.toml", [_town(n, a) for n, a in enumerate(areas)]))
    result = run(["summary", "--data", data, "-f", "json"])
    assert result.exit_code == 0
    total = json.loads(result.stdout, parse_constant=_refuse)["total"]
    assert (total["area_km2"], total["density"]) == expected
    for fmt in ("csv", "md"):
        assert "inf" not in run(["summary", "--data", data, "-f", fmt]).stdout
    page = tmp_path / "d.html"
    assert run(["report", "--data", data, "--format", "html", "-o", str(page)]).exit_code == 0
    assert "inf" not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_the_json_writer_refuses_what_json_cannot_hold(value: float) -> None:
    """The one JSON writer of the machine formats never writes NaN or Infinity: a number
    that is not finite is a bug to find (the property test runs every format), not output."""
    with pytest.raises(ValueError, match="not JSON compliant"):
        jsontext.dumps({"density": value})
