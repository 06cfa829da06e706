"""newtowns timeline: derived entries, their order, filters, formats and the chart."""

from __future__ import annotations

import json
import pathlib

import pytest

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.questions.timeline import Entry, entries, merge, select
from newtowns_cli.reading import store

from support import MINI, Runner

MINI_TIMELINE = [
    ("1966", "designation", "Aastad: growth decision"),
    ("1972", "designation", "Aastad designated as groeikern (Tweede Nota)"),
    ("1973-04", "designation", "Aastad designated as groeikern"),
    ("1984", "municipality", "Aastad: Aagemeente becomes a municipality"),
    ("2000", "membership", "Béédorp joins Regio Aa"),
    ("2010", "membership", "Béédorp leaves Regio Aa"),
    ("2022-11-28", "founding", "Het Netwerk founded"),
    ("2022-11-28", "membership", "Aastad joins Het Netwerk"),
    ("2022-11-28", "congress", "Het Congres (until 2022-11-29)"),
    ("2023-12-04", "membership", "Béédorp named as member of Het Netwerk"),
    ("2024-01-01", "membership", "Béédorp named as member of Het Netwerk"),
    ("2024-10", "publication", "'Een studie' published"),
    ("2024-11-13", "presentation", "'Een studie' presented to the minister in Den Haag"),
]


def _rows(run: Runner, *args: str) -> list[tuple[str, ...]]:
    result = run(
        ["timeline", "--data", str(MINI), "-f", "tsv", "--fields", "date,kind,what", *args]
    )
    assert result.exit_code == 0, result.stderr
    return [tuple(line.split("\t")) for line in result.stdout.splitlines()[1:]]


def test_every_dated_fact_in_order(run: Runner) -> None:
    """Designations, history, memberships (start, end, named), foundings, research, events."""
    assert _rows(run) == MINI_TIMELINE


def test_equal_dates_keep_a_fixed_order_and_years_come_first() -> None:
    """Same date: by kind (founding, membership, congress …); a year before its months and days."""
    day = PartialDate.parse("2022-11-28")
    made = [
        Entry(day, "congress", "c", ("s",)),
        Entry(PartialDate(2022), "news", "y", ("s",)),
        Entry(day, "membership", "b", ("s",)),
        Entry(day, "founding", "a", ("s",)),
        Entry(PartialDate.parse("2022-11"), "news", "m", ("s",)),
    ]
    assert [e.what for e in sorted(made, key=Entry.sort_key)] == ["y", "m", "a", "b", "c"]


@pytest.mark.parametrize(
    ("args", "dates"),
    [
        (
            ("--from", "2022"),
            ["2022-11-28"] * 3 + ["2023-12-04", "2024-01-01", "2024-10", "2024-11-13"],
        ),
        (("--to", "1984"), ["1966", "1972", "1973-04", "1984"]),
        (("--from", "1973-06", "--to", "2000-12-31"), ["1984", "2000"]),
        (("--from", "1973-04-15", "--to", "1973-04-15"), ["1973-04"]),
        (
            ("--town", "Béédorp"),
            ["2000", "2010", "2023-12-04", "2024-01-01", "2024-10", "2024-11-13"],
        ),
        (
            ("--group", "het netwerk"),
            ["2022-11-28"] * 3 + ["2023-12-04", "2024-01-01", "2024-10", "2024-11-13"],
        ),
        (("--kind", "membership"), ["2000", "2010", "2022-11-28", "2023-12-04", "2024-01-01"]),
        (
            ("--kind", "designation", "--kind", "publication"),
            ["1966", "1972", "1973-04", "2024-10"],
        ),
        (("--limit", "2"), ["1966", "1972"]),
        (("--from", "2030"), []),
    ],
)
def test_filters(run: Runner, args: tuple[str, ...], dates: list[str]) -> None:
    """--from/--to overlap partial dates; --town, --group, --kind narrow; all combine."""
    assert [row[0] for row in _rows(run, *args)] == dates


def test_unknown_kind_lists_the_kinds(run: Runner) -> None:
    """An unknown --kind exits 2 with the valid kinds."""
    result = run(["timeline", "--data", str(MINI), "--kind", "party"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "newtowns: error: invalid value for --kind: 'party'\n"
        "newtowns: hint: choose from policy, motion,"
    )


def test_unknown_town_exits_3(run: Runner) -> None:
    """--town resolves like show."""
    assert run(["timeline", "--data", str(MINI), "--town", "atlantis"]).exit_code == 3


def test_json_entries_carry_who_and_sources(run: Runner) -> None:
    """JSON keeps the towns, groups, organisations and sources of each entry as arrays."""
    result = run(
        ["timeline", "--data", str(MINI), "-f", "json", "--fields", "all", "--kind", "congress"]
    )
    assert json.loads(result.stdout) == [
        {
            "date": "2022-11-28",
            "kind": "congress",
            "what": "Het Congres (until 2022-11-29)",
            "towns": ["aastad"],
            "groups": ["net"],
            "organisations": ["ministry"],
            "sources": ["news-b"],
        }
    ]


def test_shipped_timeline_spans_the_designations_to_the_2024_report() -> None:
    """The earliest official designation is Zoetermeer's (1962), the earliest designation fact a
    1958 policy naming Nieuwegein's predecessors; it ends with 2024-11-13."""
    dataset = store.load(store.locate(None, None), today=PartialDate(2026).last_day())
    found = entries(dataset)
    designations = [e for e in found if e.kind == "designation"]
    official = [e for e in designations if " designated as " in e.what]
    assert min(official, key=Entry.sort_key).date == PartialDate(1962)
    assert min(designations, key=Entry.sort_key).date == PartialDate(1958)
    assert str(found[-1].date) == "2024-11-13"
    assert found[-1].what.startswith(
        "'Zorgen voor New Towns; van groeikern tot aandachtgebied' presented"
    )
    assert select(found, kinds=["designation"]) == designations


@pytest.mark.parametrize("columns", ["80", "120"])
def test_chart_fits_and_uses_no_escape_codes(run: Runner, columns: str) -> None:
    """The chart is plain text within the width, one dot per fact, a labelled decade axis."""
    result = run(["timeline", "--chart"], env={"COLUMNS": columns})
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert max(len(line) for line in lines) <= int(columns)
    assert "\x1b" not in result.stdout
    axis = next(line for line in lines if line.startswith("┼"))
    assert axis.count("┼") == 20
    assert "1960" in lines[lines.index(axis) + 1]
    legend = lines[lines.index(axis) + 3 :]
    facts = len(run(["timeline", "-f", "tsv"]).stdout.splitlines()) - 1
    shipped = store.load(store.locate(None, None), today=PartialDate(2026).last_day())
    first = min(e.date.year for e in entries(shipped))
    assert " ".join(legend).startswith(f"● one dated fact ({facts} from {first} to 2024); ")
    # A cut stack is marked "+" on top, and the legend says what "+" means.
    cut = any("+" in line for line in lines[: lines.index(axis)])
    assert cut == ("+ a stack of more than 8, cut at the top;" in " ".join(legend))
    assert cut  # the shipped data has a decade column taller than the chart


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-f", "json"],
            "newtowns: error: --chart cannot be combined with --format json: the chart is text\n"
            "newtowns: hint: drop --chart for json, or --format for the chart\n",
        ),
        (
            ["--format", "table"],
            "newtowns: error: --chart cannot be combined with --format table: the chart is text\n"
            "newtowns: hint: drop --chart for table, or --format for the chart\n",
        ),
        (
            ["--fields", "date"],
            "newtowns: error: --chart cannot be combined with --fields: the chart has no columns\n"
            "newtowns: hint: drop --chart for a listing of those fields, or --fields for the chart\n",
        ),
        (
            ["-o", "{dir}/c.csv"],
            "newtowns: error: --chart cannot be written to -o {dir}/c.csv: the chart is text\n"
            "newtowns: hint: name a .txt file or one without an extension, or drop --chart "
            "for a '.csv' listing\n",
        ),
    ],
    ids=["format-json", "format-table", "fields", "o-csv"],
)
def test_chart_refuses_what_it_cannot_honour(
    run: Runner, tmp_path: pathlib.Path, args: list[str], message: str
) -> None:
    """--chart with --format, --fields or a non-text -o is a usage error; nothing is written."""
    args = [arg.replace("{dir}", str(tmp_path)) for arg in args]
    result = run(["timeline", "--data", str(MINI), "--chart", *args])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == message.replace("{dir}", str(tmp_path))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["chart.txt", "chart", "CHART.TXT"])
def test_chart_writes_text_to_a_txt_file_or_one_without_extension(
    run: Runner, tmp_path: pathlib.Path, name: str
) -> None:
    """-o FILE.txt or a name without an extension gets exactly the chart a pipe gets."""
    piped = run(["timeline", "--data", str(MINI), "--chart"], env={"COLUMNS": "80"})
    target = tmp_path / name
    result = run(
        ["timeline", "--data", str(MINI), "--chart", "-o", str(target)], env={"COLUMNS": "80"}
    )
    assert (result.exit_code, result.stdout) == (0, "")
    assert "● one dated fact (13 from 1966 to 2024)" in piped.stdout
    assert target.read_text(encoding="utf-8") == piped.stdout


def test_one_fact_named_by_several_sources_is_one_entry() -> None:
    """Entries alike in all but their sources merge, keeping the first place and every source."""
    day, year = PartialDate.parse("2022-11-28"), PartialDate(1981)
    made = [
        Entry(year, "designation", "D", ("a",), ("duiven",)),
        Entry(day, "congress", "C", ("x", "y")),
        Entry(year, "designation", "D", ("b", "a"), ("duiven",)),
        Entry(year, "designation", "D", ("c",), ("westervoort",)),
        Entry(day, "congress", "C", ("z",)),
    ]
    assert merge(made) == [
        Entry(year, "designation", "D", ("a", "b"), ("duiven",)),
        Entry(day, "congress", "C", ("x", "y", "z")),
        Entry(year, "designation", "D", ("c",), ("westervoort",)),
    ]


def test_shipped_timeline_names_each_fact_once(run: Runner) -> None:
    """Duiven's 1981 designation, named by two sources, is one row with both; the chart counts it
    once."""
    result = run(
        ["timeline", "--from", "1981", "--to", "1981", "-f", "json", "--kind", "designation"]
    )
    found = json.loads(result.stdout)
    duiven = [entry for entry in found if entry["what"] == "Duiven designated as groeikern"]
    assert duiven == [
        {
            "date": "1981",
            "kind": "designation",
            "what": "Duiven designated as groeikern",
            "sources": [
                "liemersverleden-duiven-groeikern",
                "liemersverleden-westervoort-groeikern",
            ],
        }
    ]
    every = json.loads(run(["timeline", "-f", "json", "--fields", "all"]).stdout)
    facts = [json.dumps({k: v for k, v in e.items() if k != "sources"}) for e in every]
    assert len(facts) == len(set(facts))
    chart = run(["timeline", "--chart"], env={"COLUMNS": "200"}).stdout
    assert f"● one dated fact ({len(every)} from " in chart
