"""`newtowns growth`: exact growth figures on tests/data/growth.toml, in every format."""

from __future__ import annotations

import csv
import datetime
import io
import json
import pathlib
import re

import pytest
from test_terminal import on_terminal

from support import DATA, Runner, write_data

GROWTH = DATA / "growth.toml"

EXPECTED = [
    {
        "id": "groeistad", "name": "Groeistad", "designated": "1970", "designated_kind": "official",
        "first_date": "1960", "first_count": 4000, "first_source": ["paper"],
        "era_date": "1970", "era_count": 5000, "era_source": ["census"],
        "latest_date": "2020", "latest_count": 40000, "latest_source": ["census"],
        "absolute": 35000, "factor": 8.0, "yearly_pct": 4.25,
        "absolute_since_first": 36000, "factor_since_first": 10.0, "yearly_pct_since_first": 3.91,
        "spans": [], "note": None,
    },
    {
        "id": "laatkomer", "name": "Laatkomer", "designated": "1975", "designated_kind": "official",
        "first_date": "1980", "first_count": 10000, "first_source": ["census"],
        "era_date": "1980", "era_count": 10000, "era_source": ["census"],
        "latest_date": "2000", "latest_count": 20000, "latest_source": ["census"],
        "absolute": 10000, "factor": 2.0, "yearly_pct": 3.53,
        "absolute_since_first": 10000, "factor_since_first": 2.0, "yearly_pct_since_first": 3.53,
        "spans": [], "note": None,
    },
    {
        "id": "ongedateerd", "name": "Ongedateerd", "designated": "1950", "designated_kind": "policy",
        "first_date": "1990", "first_count": 15000, "first_source": ["census"],
        "era_date": None, "era_count": None, "era_source": None,
        "latest_date": "2020", "latest_count": 30000, "latest_source": ["census"],
        "absolute": None, "factor": None, "yearly_pct": None,
        "absolute_since_first": 15000, "factor_since_first": 2.0, "yearly_pct_since_first": 2.34,
        "spans": [],
        "note": "from the 1950 policy (no official designation); no era figure within 10 years "
        "(the nearest: 40 years after)",
    },
    {
        "id": "samengevoegd", "name": "Samengevoegd", "designated": "1971",
        "designated_kind": "official",
        "first_date": "1960", "first_count": 5000, "first_source": ["census", "paper"],
        "era_date": "1980", "era_count": 25000, "era_source": ["census"],
        "latest_date": "2020", "latest_count": 60000, "latest_source": ["census"],
        "absolute": 35000, "factor": 2.4, "yearly_pct": 2.21,
        "absolute_since_first": 55000, "factor_since_first": 12.0, "yearly_pct_since_first": 4.23,
        "spans": ["1990 merger: Buurdorp"],
        "note": "before the merger: Oudorp + Nieuwdorp summed; spans the 1990 merger (Buurdorp)",
    },
    {
        "id": "zonder", "name": 'Zonder <cijfers> & "co"', "designated": None,
        "designated_kind": None,
        "first_date": None, "first_count": None, "first_source": None,
        "era_date": None, "era_count": None, "era_source": None,
        "latest_date": None, "latest_count": None, "latest_source": None,
        "absolute": None, "factor": None, "yearly_pct": None,
        "absolute_since_first": None, "factor_since_first": None, "yearly_pct_since_first": None,
        "spans": [], "note": "no municipal figures; only other units (see show)",
    },
]  # fmt: skip
"""Groeistad: 5 000 (1970, the designation year; the second 1970 figure is not used) to
40 000 (2020): ×8 in 50 years, 8^(1/50) − 1 = 4.25 %; from the first (4 000, 1960) ×10 in 60
years, 10^(1/60) − 1 = 3.91 %. Laatkomer: no figure by 1975, the nearest is 1980 (five years
after): ×2 in 20 years, 3.53 %. Ongedateerd: counted from a 1950 policy, whose nearest figure
(1990) lies 40 years after: no era factor; ×2 from 1990 in 30 years, 2^(1/30) − 1 = 2.34 %.
Samengevoegd: designated 1971; 1980 (nine years after) is nearer than the predecessors Oudorp
(3 000) and Nieuwdorp (2 000) summed on 1960 (eleven before): 25 000 → 60 000, ×2.4 in 40
years, 2.4^(1/40) − 1 = 2.21 %; from the sum, 5 000 → 60 000, ×12 in 60 years, 4.23 %; the
1990 merger with Buurdorp lies between. Zonder has only a place figure."""


def growth(*args: str) -> str:
    result = Runner()(["growth", "--data", str(GROWTH), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_gives_every_figure_with_its_date_and_source() -> None:
    assert json.loads(growth("--format", "json")) == EXPECTED


def test_jsonl_is_the_same_records() -> None:
    lines = growth("--format", "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == EXPECTED


def test_csv_and_tsv_hold_the_same_values() -> None:
    rows = list(csv.DictReader(io.StringIO(growth("--format", "csv"))))
    assert [row["factor"] for row in rows] == ["8.0", "2.0", "", "2.4", ""]
    # Several sources of one figure: joined with ';' as every list in CSV and TSV.
    assert [row["first_source"] for row in rows] == [
        "paper",
        "census",
        "census",
        "census;paper",
        "",
    ]
    tsv = growth("--format", "tsv", "--fields", "id,era_count,era_source,latest_count,yearly_pct")
    assert tsv == (
        "id\tera_count\tera_source\tlatest_count\tyearly_pct\n"
        "groeistad\t5000\tcensus\t40000\t4.25\n"
        "laatkomer\t10000\tcensus\t20000\t3.53\n"
        "ongedateerd\t\t\t30000\t\n"
        "samengevoegd\t25000\tcensus\t60000\t2.21\n"
        "zonder\t\t\t\t\n"
    )


def test_markdown_names_every_place_and_its_note() -> None:
    text = growth("--format", "md", "--fields", "name,factor,note")
    assert "| Groeistad | 8.0 |" in text
    assert "no municipal figures" in text
    assert "Oudorp + Nieuwdorp summed" in text


def test_the_terminal_table_shows_the_essentials() -> None:
    text = growth("--format", "table")
    for name in ("Groeistad", "Laatkomer", "Samengevoegd", "Ongedateerd", "Zonder"):
        assert name in text
    assert "×8.00 from 1970" in text and "×2.40 from 1980" in text


def test_sort_reverse_limit() -> None:
    text = growth("--sort", "factor", "--reverse", "--limit", "2", "-f", "tsv", "--fields", "id")
    assert text == "id\ngroeistad\nsamengevoegd\n"
    text = growth("--sort", "factor_since_first", "--reverse", "-f", "tsv", "--fields", "id")
    assert text == "id\nsamengevoegd\ngroeistad\nlaatkomer\nongedateerd\nzonder\n"


def test_named_towns_in_their_order_within_the_filters() -> None:
    text = growth("laatkomer", "Groeistad", "zonder", "--fields", "id", "-f", "tsv")
    assert text == "id\nlaatkomer\ngroeistad\nzonder\n"
    text = growth("laatkomer", "Groeistad", "--province", "Utrecht", "--fields", "id", "-f", "tsv")
    assert text == "id\nlaatkomer\n"


def test_figures_a_day_apart_have_no_yearly_rate_and_the_note_says_why(
    tmp_path: pathlib.Path,
) -> None:
    """1 000 on 2024-01-01 and 8 000 the next day (a valid file): ×8, no yearly rate, and
    growth, its chart and the HTML dossier all answer (they ended in an OverflowError)."""
    town = {
        "id": "snel", "name": "Snel", "municipality": "Snel", "cbs_code": "GM0001",
        "province": "Flevoland", "status": "groeikern", "sources": ["s"],
        "designation": [{"date": 2023, "kind": "official", "source": "s"}],
        "population": {"count": 8000, "as_of": datetime.date(2024, 1, 2), "source": "s"},
        "population_history": [{"count": 1000, "as_of": datetime.date(2024, 1, 1), "source": "s"}],
    }  # fmt: skip
    data = str(write_data(tmp_path / "snel.toml", [town]))
    result = Runner()(
        ["growth", "--data", data, "-f", "json", "--fields", "factor,yearly_pct,note"]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == [
        {
            "factor": 8.0,
            "yearly_pct": None,
            "note": "less than a year apart: no yearly rate",
        }
    ]
    for args in (
        ["growth", "--chart"],
        ["report", "--format", "html", "-o", str(tmp_path / "d.html")],
    ):
        assert Runner()([*args, "--data", data]).exit_code == 0


def test_an_unknown_town_is_exit_3() -> None:
    result = Runner()(["growth", "--data", str(GROWTH), "atlantis"])
    assert result.exit_code == 3
    assert "atlantis" in result.stderr


def test_output_file_format_by_extension(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "g.json"
    result = Runner()(["growth", "--data", str(GROWTH), "-o", str(target)])
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == EXPECTED
    bad = Runner()(["growth", "--data", str(GROWTH), "-o", str(tmp_path / "g.html")])
    assert bad.exit_code == 2 and not (tmp_path / "g.html").exists()


def test_a_few_places_share_one_chart_keyed_by_letter() -> None:
    chart = growth("groeistad", "samengevoegd", "--chart")
    assert "A Groeistad  B Samengevoegd" in chart
    assert "AAA" in chart and "BBB" in chart
    assert "Linear scale from 0." in chart and "1960" in chart
    log = growth("groeistad", "samengevoegd", "--chart", "--log")
    assert "Log scale" in log and "\x1b" not in log


def test_many_places_get_small_multiples() -> None:
    chart = growth("--chart")
    for title in ("Groeistad  40,000 (2020)", "Laatkomer  20,000 (2000)", "(no figures)"):
        assert title in chart
    assert "Each chart has its own scale" in chart
    assert max(len(line) for line in chart.splitlines()) <= 120


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1"}], ids=["colour", "NO_COLOR"])
def test_the_chart_on_a_terminal(columns: int, env: dict[str, str]) -> None:
    """Every place of the bundled data has its own titled chart, within the width."""
    code, coloured = on_terminal("growth", "--chart", columns=columns, **env)
    assert code == 0, coloured
    assert "\x1b" not in coloured  # the letters and titles carry the meaning, not colour
    chart = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert max(len(line) for line in chart.splitlines()) <= columns
    names = on_terminal("list", "--fields", "name", "-f", "tsv", columns=columns)[1]
    for name in names.splitlines()[1:]:
        assert name.strip()[:12] in chart
    code, few = on_terminal("growth", "almere", "lelystad", "--chart", "--log", columns=columns)
    few = re.sub(r"\x1b\[[0-9;]*m", "", few)
    assert code == 0 and "A Almere  B Lelystad" in few
    assert max(len(line) for line in few.splitlines()) <= columns


@pytest.mark.parametrize("columns", [80, 120])
def test_show_on_a_terminal_charts_the_municipal_series(columns: int) -> None:
    """A block chart from 0 to the highest figure, first and last year below, in the width."""
    code, shown = on_terminal("show", "zoetermeer", columns=columns, NO_COLOR="1")
    assert code == 0, shown
    lines = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", shown).splitlines()
    # Only an address longer than the screen may be wider: it stays whole on its own line.
    assert (
        max(len(line) for line in lines if not line.startswith(("https://", "http://"))) <= columns
    )
    at = next(i for i, line in enumerate(lines) if line.startswith("Municipal population ("))
    chart = lines[at + 1 : at + 5]
    assert chart[0].startswith("129,898 ┤") and chart[2].startswith("      0 ┤")
    assert chart[3].split() == ["1935", "2025"]
    assert "█" in chart[2]


def test_show_in_a_pipe_has_no_chart() -> None:
    result = Runner()(["show", "zoetermeer"])
    assert result.exit_code == 0
    assert "Municipal population (" not in result.stdout and "┤" not in result.stdout


def test_show_without_municipal_figures_has_no_chart() -> None:
    code, shown = on_terminal("show", "zonder", "--data", str(GROWTH), columns=100, NO_COLOR="1")
    assert code == 0 and "Zonder" in shown
    assert "Municipal population (" not in shown


@pytest.mark.parametrize("columns", [80, 120])
def test_the_table_on_a_terminal_fits_and_keeps_the_essentials(columns: int) -> None:
    code, shown = on_terminal("growth", columns=columns, NO_COLOR="1")
    assert code == 0, shown
    lines = re.sub(r"\x1b\[[0-9;]*m", "", shown).splitlines()
    assert max(len(line) for line in lines) <= columns
    more = ["first_figure", "era_figure"] if columns >= 120 else []
    assert lines[0].split() == ["name", *more, "latest_figure", "growth", "note"]
    # Each figure with its year, the factor with the year it runs from, at any width.
    assert any(
        line.startswith("Zoetermeer") and "128,424 (2024)" in line and "×17.12 from 1958" in line
        for line in lines
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{dir}/g.xlsx"], "--chart cannot be written to -o {dir}/g.xlsx: the chart is text"),
        (["--format", "json"], "--chart cannot be combined with --format json: the chart is text"),
        (["--fields", "id"], "--chart cannot be combined with --fields: the chart has no columns"),
    ],
)
def test_the_chart_is_text_and_never_a_workbook(
    run: Runner, tmp_path: pathlib.Path, args: list[str], message: str
) -> None:
    """As timeline --chart: a chart is never written to -o FILE.xlsx (nor another format)."""
    args = [a.replace("{dir}", str(tmp_path)) for a in args]
    result = run(["growth", "--chart", "--data", str(GROWTH), *args])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"newtowns: error: {message.replace('{dir}', str(tmp_path))}\n")
    assert list(tmp_path.iterdir()) == []
