"""Listings and one-item views of mini.toml: values written out by hand, every format held to
JSON. (tests/golden/ keeps only the whole exports; these replaced its 84 files.)"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest

from support import MINI, Runner, markdown_cells


def _out(run: Runner, *args: str) -> str:
    result = run([*args, "--data", str(MINI)])
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


def _json(run: Runner, *args: str) -> Any:
    return json.loads(_out(run, *args, "-f", "json"))


def _rows(keys: str, *rows: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [dict(zip(keys.split(), row, strict=True)) for row in rows]


LISTINGS: dict[str, tuple[list[str], list[dict[str, Any]]]] = {
    "list": (
        ["list", "--fields", "all"],
        _rows(
            "id name municipality province cbs_code status designated relieves population "
            "population_as_of population_unit population_source area_km2 lat lon regions groups "
            "aliases sources population_unit_name status_views population_gaps designated_kind "
            "population_origin",
            ("aastad", "Aastad", "Aagemeente", "Flevoland", "GM0001", "groeikern", "1972",
             ["Amsterdam"], 1000, "2024-01-01", "municipality", "wiki-a", 12.5, 52.5, 5.25,
             ["reg"], ["net"], ["Aa-stad"], ["wiki-a", "news-b", "stats-2024"], None,
             ["groeistad:news-b"], ["1990s"], "official", "stats-2024"),
            ("beedorp", "Béédorp", "Beegemeente", "Zuid-Holland", "GM0002", "groeistad", None,
             [], 2000, "2024-01-01", "municipality", "news-b", None, 51.9, 4.5, [], ["net"], [],
             ["news-b"], None, [], [], None, None),
        ),
    ),
    "groups": (
        ["groups"],
        _rows(
            "id name kind founded member_count members",
            ("net", "Het Netwerk", "network", "2022-11-28", 2, ["aastad", "beedorp"]),
            ("reg", "Regio Aa", "region", None, 1, ["aastad"]),
        ),
    ),
    "research": (
        ["research"],
        _rows(
            "id title published presented performed_by",
            ("study", "Een studie", "2024-10", "2024-11-13", ["ministry"]),
        ),
    ),
    "organisations": (
        ["organisations"],
        _rows(
            "id name kind city url",
            ("ministry", "Ministerie van Tests", "ministry", "Den Haag", "https://example.org/ministry"),
        ),
    ),
    "sources": (
        ["sources"],
        _rows(
            "id publisher published title url",
            ("wiki-a", "Wikipedia (nl)", None, "Town A", "https://nl.wikipedia.org/wiki/A"),
            ("stats-2024", "CBS", "2024-01-01", "Population on 1 January 2024", None),
            ("news-b", "Regional News", "2023-12", "B joins the network", "https://example.org/news/b"),
        ),
    ),
    "timeline": (
        ["timeline", "--fields", "all"],
        _rows(
            "date kind what towns groups organisations sources",
            ("1966", "designation", "Aastad: growth decision", ["aastad"], [], [], ["news-b"]),
            ("1972", "designation", "Aastad designated as groeikern (Tweede Nota)", ["aastad"], [], [], ["wiki-a"]),
            ("1973-04", "designation", "Aastad designated as groeikern", ["aastad"], [], [], ["news-b"]),
            ("1984", "municipality", "Aastad: Aagemeente becomes a municipality", ["aastad"], [], [], ["wiki-a"]),
            ("2000", "membership", "Béédorp joins Regio Aa", ["beedorp"], ["reg"], [], ["wiki-a"]),
            ("2010", "membership", "Béédorp leaves Regio Aa", ["beedorp"], ["reg"], [], ["wiki-a"]),
            ("2022-11-28", "founding", "Het Netwerk founded", [], ["net"], [], ["news-b"]),
            ("2022-11-28", "membership", "Aastad joins Het Netwerk", ["aastad"], ["net"], [], ["news-b"]),
            ("2022-11-28", "congress", "Het Congres (until 2022-11-29)", ["aastad"], ["net"], ["ministry"], ["news-b"]),
            ("2023-12-04", "membership", "Béédorp named as member of Het Netwerk", ["beedorp"], ["net"], [], ["news-b"]),
            ("2024-01-01", "membership", "Béédorp named as member of Het Netwerk", ["beedorp"], ["net"], [], ["wiki-a"]),
            ("2024-10", "publication", "'Een studie' published", ["aastad", "beedorp"], ["net"], ["ministry"], ["news-b"]),
            ("2024-11-13", "presentation", "'Een studie' presented to the minister in Den Haag", ["aastad", "beedorp"], ["net"], ["ministry"], ["news-b"]),
        ),
    ),
    "claims": (
        ["claims", "--fields", "all"],
        _rows(
            "id statement relation value measure scope as_of source computed verdict why basis "
            "comparable comparable_basis",
            ("inhabitants", "ruim 3.000", "more than", 3000, "inhabitants", "the towns of Het Netwerk",
             "2024", "news-b", 3000, "not consistent",
             "3000 inhabitants in the data: more than 3000 does not hold",
             "sum of municipal figures from 2024 of 2 towns (2024-01-01)", 3000,
             "sum of municipal figures from 2024 of 2 towns (2024-01-01)"),
            ("places", "twee plaatsen", "exactly", 2, "places", "Aastad and Béédorp", None, "wiki-a",
             2, "consistent", "2 towns the claim names in the data: exactly 2 holds",
             "2 towns: aastad, beedorp", 2, "2 towns: aastad, beedorp"),
        ),
    ),
    # summary: the JSON's rows, then its total
    "summary": (
        ["summary", "--by", "group"],
        _rows(
            "group towns population share mean_population area_km2 density population_as_of "
            "apart_population",
            ("net", 2, 3000, 100.0, 1500, 12.5, 80.0, ["2024-01-01"], 0),
            ("total", 2, 3000, 100.0, 1500, 12.5, 80.0, ["2024-01-01"], 0),
        ),
    ),
}  # fmt: skip


def _records(run: Runner, case: str) -> list[dict[str, Any]]:
    document = _json(run, *LISTINGS[case][0])
    if case == "summary":
        assert document["by"] == "group"
        assert document["notes"] == [
            "Population figures refer to 2024-01-01.",
            "A town in more than one group counts in each; the total counts it once.",
        ]
        return [*document["rows"], document["total"]]
    return list(document)


@pytest.mark.parametrize("case", LISTINGS)
def test_each_listing_gives_its_fields_and_values(run: Runner, case: str) -> None:
    """--format json: the fields in their order, with their values and JSON types."""
    records = _records(run, case)
    assert records == LISTINGS[case][1]
    assert [list(r) for r in records] == [list(r) for r in LISTINGS[case][1]]


def _cell(value: Any, joiner: str) -> str:
    """A JSON value as the delimited and Markdown formats show it in a cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return joiner.join(_cell(item, joiner) for item in value)
    return str(value)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "tsv", "md"])
@pytest.mark.parametrize("case", LISTINGS)
def test_every_format_holds_what_json_holds(run: Runner, case: str, fmt: str) -> None:
    """One row shape: JSON Lines the same objects, CSV and TSV (lists joined with ';') and
    Markdown (with ', ', read back by a CommonMark parser) the same cells."""
    records = _records(run, case)
    text = _out(run, *LISTINGS[case][0], "-f", fmt)
    if fmt == "jsonl":
        assert [json.loads(line) for line in text.splitlines()] == records
        return
    joiner = ", " if fmt == "md" else ";"
    expected = [list(records[0]), *([_cell(v, joiner) for v in r.values()] for r in records)]
    if fmt == "md":  # the table; the notes that may follow it are paragraphs
        assert markdown_cells(text.split("\n\n", 1)[0]) == expected
    else:
        delimiter = "," if fmt == "csv" else "\t"
        assert list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)) == expected


VIEWS = {
    "show": (
        ["show", "aastad"],
        "Aastad (municipality Aagemeente)",
        ["Designation", "Relieves (overloop)", "Other sources' status", "Population",
         "Population: decades with no municipal figure (not interpolated)", "Area (km²)",
         "Location", "Groups", "Research", "Timeline", "Sources"],
    ),
    "group": (
        ["groups", "net"],
        "Het Netwerk",
        ["Members", "Named beside the group, not as members", "Partners", "Timeline", "Sources"],
    ),
    "study": (["research", "study"], "Een studie", ["Findings", "Sources"]),
    "organisation": (
        ["organisations", "ministry"],
        "Ministerie van Tests",
        ["Partner of", "Research", "Timeline", "Sources"],
    ),
    "source": (["sources", "news-b"], "B joins the network", ["Cited by"]),
}  # fmt: skip

FIELDS = {
    "group": [
        ("id", "net"), ("name", "Het Netwerk"), ("kind", "network"), ("founded", "2022-11-28"),
        ("members", "aastad, beedorp"), ("member_count", "2"), ("aliases", "The Network"),
        ("partners", "ministry"), ("themes", "woningnood"), ("url", "https://example.org/net"),
        ("sources", "news-b"), ("founded_source", "news-b"), ("description", "A network of towns."),
    ],
    "study": [
        ("id", "study"), ("title", "Een studie"), ("published", "2024-10"),
        ("presented", "2024-11-13"), ("commissioned_by", "ministry, net"),
        ("performed_by", "ministry"), ("authors", "A. Auteur"), ("towns", "aastad, beedorp"),
        ("themes", "leefbaarheid"), ("sources", "news-b"), ("presented_to", "the minister"),
        ("presented_at", "Den Haag"), ("note", "A study."),
    ],
    "organisation": [
        ("id", "ministry"), ("name", "Ministerie van Tests"), ("kind", "ministry"),
        ("city", "Den Haag"), ("url", "https://example.org/ministry"), ("aliases", "MvT"),
        ("sources", "news-b"), ("description", "A ministry."),
    ],
    "source": [
        ("id", "news-b"), ("title", "B joins the network"), ("publisher", "Regional News"),
        ("kind", "news"), ("language", "en"), ("published", "2023-12"),
        ("url", "https://example.org/news/b"),
    ],
}  # fmt: skip


def _show_fields(run: Runner) -> list[tuple[str, str]]:
    """show's fields: the town's row of `list --fields all` without its empty cells, and
    the note."""
    (row,) = [r for r in LISTINGS["list"][1] if r["id"] == "aastad"]
    # A reader sees the figure's origin first, then the page it was read through, with ids.
    cited = {"population_source": "CBS, 2024-01-01, via Wikipedia (nl) [stats-2024, wiki-a]"}
    shown = [
        (k, cited.get(k, _cell(v, ", ")))
        for k, v in row.items()
        if v not in (None, []) and k != "population_origin"
    ]
    return [*shown, ("note", "The first town.")]


def _blocks(text: str) -> list[list[str]]:
    return [block.splitlines() for block in text.rstrip("\n").split("\n\n")]


@pytest.mark.parametrize("view", VIEWS)
def test_a_view_in_a_pipe_has_its_title_fields_and_sections(run: Runner, view: str) -> None:
    """Plain text: the title, the field and value lines (empty ones left out), then each
    section under its title, in this order."""
    args, title, sections = VIEWS[view]
    head, fields, *rest = _blocks(_out(run, *args))
    assert head == [title]
    assert [tuple(re.split(r"  +", line, maxsplit=1)) for line in fields] == (
        FIELDS[view] if view != "show" else _show_fields(run)
    )
    assert [block[0] for block in rest] == sections


@pytest.mark.parametrize("view", VIEWS)
def test_a_view_in_markdown_has_the_same_title_fields_and_sections(run: Runner, view: str) -> None:
    """Markdown: '## title', a field | value table with the same lines, '### section's."""
    args, title, sections = VIEWS[view]
    text = _out(run, *args, "-f", "md")
    assert re.findall(r"^#+ .*", text, flags=re.MULTILINE) == [
        f"## {title}",
        *(f"### {s}" for s in sections),
    ]
    fields = FIELDS[view] if view != "show" else _show_fields(run)
    first_table = text.split("\n### ", 1)[0]
    assert markdown_cells(first_table) == [["field", "value"], *map(list, fields)]
    # Every value in the sections' tables is in the pipe's view too (which leaves out the
    # columns that are empty throughout, so their headers may be missing there).
    shown = _out(run, *args).split()
    for section in text.split("\n### ")[1:]:
        for cell in (cell for row in markdown_cells(section)[1:] for cell in row):
            assert all(word in shown for word in cell.split()), cell


def _without_empty(value: Any) -> Any:
    """A JSON value with null and empty-list members left out, as the TOML export leaves them."""
    if isinstance(value, dict):
        return {k: _without_empty(v) for k, v in value.items() if v not in (None, [])}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


def _exported(run: Runner, table: str, entry: str) -> dict[str, Any]:
    (found,) = [e for e in _json(run, "export")[table] if e["id"] == entry]
    return dict(found)


CITED_BY = _rows(
    "table entry path fact",
    ("town", "aastad", "designation[1].source", "Aastad: designation (official, 1973-04)"),
    ("town", "aastad", "designation[2].source", "Aastad: designation (decision, 1966)"),
    ("town", "aastad", "status_views[0].source", "Aastad: counted as groeistad"),
    ("town", "beedorp", "sources", "Béédorp: name, municipality, CBS code, province and status"),
    ("town", "beedorp", "population.source", "Béédorp: population on 2024-01-01"),
    ("town", "beedorp", "location[0].source", "Béédorp: location"),
    ("group", "net", "sources", "Het Netwerk: the group"),
    ("group", "net", "founded.source", "Het Netwerk: founded 2022-11-28"),
    ("group", "net", "members[0].source", "Het Netwerk: member Aastad (since 2022-11-28)"),
    ("group", "net", "members[1].source", "Het Netwerk: member Béédorp (named on 2023-12-04)"),
    ("group", "net", "mentions[0].source",
     "Het Netwerk: Aastad named beside it, not as member (2023-12-04)"),
    ("organisation", "ministry", "sources", "Ministerie van Tests: the organisation"),
    ("research", "study", "sources", "Een studie: the study"),
    ("research", "study", "published.source", "Een studie: published 2024-10"),
    ("research", "study", "presented.source", "Een studie: presented 2024-11-13"),
    ("event", "congress", "sources", "Het Congres: the event (2022-11-28)"),
    ("claim", "inhabitants", "source", "Claim “ruim 3.000”"),
)  # fmt: skip

MEMBERS = _rows(
    "town source since until as_of note attested confirmed",
    ("aastad", "news-b", "2022-11-28", None, None, None, [],
     {"from": "2022-11-28", "until": None, "basis": "start"}),
    ("beedorp", "news-b", None, None, "2023-12-04", "Named as member.",
     [{"date": "2024-01-01", "source": "wiki-a", "quote": "Béédorp is lid", "note": "Again."}],
     {"from": "2023-12-04", "until": "2024-01-01", "basis": "attested"}),
)  # fmt: skip


@pytest.mark.parametrize(
    ("view", "table", "own", "derived"),
    [
        (
            "show",
            "town",
            18,
            ["designated", "designated_kind", "groups", "research", "timeline", "cited_sources"],
        ),
        ("group", "group", 13, ["timeline", "cited_sources"]),
        ("study", "research", 12, ["cited_sources"]),
        ("organisation", "organisation", 10, ["timeline", "cited_sources"]),
        ("source", "source", 9, ["cited_by"]),
    ],
)
def test_a_view_as_json_is_the_record_and_what_refers_to_it(
    run: Runner, view: str, table: str, own: int, derived: list[str]
) -> None:
    """The entry's own fields (every one, null or [] where empty) as the TOML export has
    them, then what the view adds: timeline entries, cited sources, citing facts."""
    args = VIEWS[view][0]
    document = _json(run, *args)
    assert list(document)[own:] == derived
    record = {k: document[k] for k in list(document)[:own]}
    if view == "group":  # each membership's confirmed period is derived (MEMBERS below)
        record["members"] = [
            {k: v for k, v in m.items() if k != "confirmed"} for m in record["members"]
        ]
    assert _without_empty(record) == _exported(run, table, args[1])
    assert json.loads(_out(run, *args, "-f", "jsonl")) == document
    if "timeline" in document:  # every dated fact involving the entry
        involved = "towns" if view == "show" else f"{table}s"
        everything = _json(run, "timeline", "--fields", "all")
        assert document["timeline"] == [e for e in everything if args[1] in e[involved]]
    if "cited_sources" in document:
        sources = {s["id"]: s for s in _json(run, "sources", "--fields", "all")}
        assert document["cited_sources"] == [sources[s["id"]] for s in document["cited_sources"]]
    expected = {
        "show": {
            "groups": [
                {"group": "net", "name": "Het Netwerk", "kind": "network", "town": "aastad",
                 "source": "news-b", "since": "2022-11-28", "until": None, "as_of": None,
                 "note": None, "attested": []},
                {"group": "reg", "name": "Regio Aa", "kind": "region", "town": "aastad",
                 "source": "wiki-a", "since": None, "until": None, "as_of": None, "note": None,
                 "attested": []},
            ],
            "research": ["study"],
            "cited": ["wiki-a", "news-b", "stats-2024"],
        },
        "group": {"members": MEMBERS, "cited": ["news-b", "wiki-a"]},
        "study": {"cited": ["news-b"]},
        "organisation": {"cited": ["news-b"]},
        "source": {"cited_by": CITED_BY},
    }[view]  # fmt: skip
    for key, value in expected.items():
        if key == "cited":
            assert [s["id"] for s in document["cited_sources"]] == value
        else:
            assert document[key] == value, key


def test_the_flat_formats_of_a_view_are_its_main_table(run: Runner) -> None:
    """TSV and CSV of a view: a town's row as list gives it, a group's members, a study's
    and an organisation's row, the facts citing a source."""
    town = _out(run, "show", "aastad", "-f", "tsv").splitlines()
    listed = _out(run, "list", "--fields", "all", "-f", "tsv").splitlines()
    assert town == listed[:2]
    assert _out(run, "groups", "net", "-f", "tsv").splitlines() == [
        "town\tname\tsince\tuntil\tas_of\tsource\tnote\tattested",
        "aastad\tAastad\t2022-11-28\t\t\tnews-b\t\t",
        "beedorp\tBéédorp\t\t\t2023-12-04\tnews-b\tNamed as member.\t2024-01-01",
    ]
    assert _out(run, "research", "study", "-f", "tsv").splitlines() == [
        "id\ttitle\tpublished\tpresented\tcommissioned_by\tperformed_by\tauthors\ttowns\tthemes\tsources",
        "study\tEen studie\t2024-10\t2024-11-13\tministry;net\tministry\tA. Auteur\taastad;beedorp\tleefbaarheid\tnews-b",
    ]
    assert _out(run, "organisations", "ministry", "-f", "tsv").splitlines() == [
        "id\tname\tkind\tcity\tfounded\turl\taliases\tsources",
        "ministry\tMinisterie van Tests\tministry\tDen Haag\t\thttps://example.org/ministry\tMvT\tnews-b",
    ]
    cited = list(csv.reader(io.StringIO(_out(run, "sources", "news-b", "-f", "csv"))))
    assert cited == [["table", "entry", "field", "fact"], *(list(r.values()) for r in CITED_BY)]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "md"])
@pytest.mark.parametrize("columns", ["20", "300"])
def test_machine_formats_ignore_the_terminal_width(run: Runner, fmt: str, columns: str) -> None:
    """COLUMNS changes nothing outside the table format: no wrapping, no truncation."""
    narrow = run(["show", "aastad", "--data", str(MINI), "-f", fmt], env={"COLUMNS": columns})
    normal = run(["show", "aastad", "--data", str(MINI), "-f", fmt])
    assert narrow.stdout == normal.stdout


def _words(value: Any) -> list[str]:
    """The words a person reads for a JSON value: integers grouped by thousands."""
    if value is None:
        return []
    if isinstance(value, list):
        return [word for item in value for word in _words(item)]
    if isinstance(value, int):
        return [f"{value:,}"]
    return str(value).replace(",", " ").split()


@pytest.mark.parametrize("case", LISTINGS)
def test_the_table_format_shows_every_value(run: Runner, case: str) -> None:
    """--format table in a pipe, 400 columns wide: every word of every value of each column
    it shows (numbers grouped), and no line wider. (summary leaves out apart_population
    while every town's figure is municipal.)"""
    result = run([*LISTINGS[case][0], "--data", str(MINI), "-f", "table"], env={"COLUMNS": "400"})
    assert (result.exit_code, result.stderr) == (0, "")
    shown = result.stdout.replace(",", " ").split() + result.stdout.split()
    columns = [key for key in LISTINGS[case][1][0] if key in shown]
    assert columns == [
        k for k in LISTINGS[case][1][0] if (case, k) != ("summary", "apart_population")
    ]
    for record in _records(run, case):
        for key in columns:
            assert all(word in shown for word in _words(record[key])), (key, record[key])
    assert max(len(line) for line in result.stdout.splitlines()) <= 400
