"""Dutch for people, the same bytes for machines: headers, numbers, messages, notes and help
in Dutch under --lang nl; JSON, JSONL, TSV, CSV, GeoJSON, SQLite, TOML and workbooks the
same in both languages."""

from __future__ import annotations

import pathlib

import pytest

from newtowns_cli.cli import language
from newtowns_cli.cli.spec import COMMANDS, ROOT
from newtowns_cli.model import i18n
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.render import answer_columns, growth_columns, tables, views
from newtowns_cli.render.headers import HEADERS

from support import DATA, MINI, Runner

GROWTH = str(DATA / "growth.toml")
LIST_HEADER = "naam             gemeente         provincie      status     inwoners  peildatum"


@pytest.fixture
def dutch() -> object:
    """The Dutch catalogue in force for a unit test; English again afterwards."""
    language.use("nl")
    yield
    language.use("en")


@pytest.mark.parametrize(
    "env",
    [{"NEWTOWNS_LANG": "nl"}, {"LANG": "nl_NL.UTF-8"}],
    ids=["NEWTOWNS_LANG", "LANG"],
)
def test_list_on_80_columns_has_dutch_headers_and_numbers(run: Runner, env: dict[str, str]) -> None:
    """The issue's first check: Dutch headers, 128.424, Dutch caption; --lang en overrides."""
    result = run(["list", "-f", "table"], env={"COLUMNS": "80", **env})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == LIST_HEADER
    assert (
        "Zoetermeer       Zoetermeer       Zuid-Holland   groeikern   128.424  2024-01-01" in lines
    )
    assert "16 groeikernen; inwoners per 1 januari 2024;" in result.stdout
    english = run(["--lang", "en", "list", "-f", "table"], env={"COLUMNS": "80", **env})
    assert english.stdout.splitlines()[0].split() == [
        "name",
        "municipality",
        "province",
        "population",
        "population_as_of",
    ]
    assert "128,424" in english.stdout


def test_a_typo_speaks_dutch(run: Runner) -> None:
    result = run(["--lang", "nl", "list", "--regoin", "MRA"])
    assert result.exit_code == 2
    assert result.stderr == (
        "newtowns: fout: onbekende optie voor list: --regoin\n"
        "newtowns: tip: bedoelt u --region? 'newtowns list --help' toont de opties\n"
    )


def test_a_missing_town_speaks_dutch(run: Runner) -> None:
    result = run(["--lang", "nl", "show", "atlantis"])
    assert result.exit_code == 3
    assert result.stderr == (
        "newtowns: fout: geen groeikern met de naam 'atlantis'\n"
        "newtowns: tip: 'newtowns list' toont ze allemaal\n"
    )


def test_a_close_match_speaks_dutch(run: Runner) -> None:
    result = run(["show", "almeer", "--lang", "nl"])
    assert result.exit_code == 3
    assert result.stderr.splitlines()[1].startswith("newtowns: tip: bedoelt u almere (Almere)")


def test_the_help_is_dutch_in_every_text(dutch: object) -> None:
    """Every summary, text and option help of the table has a Dutch translation."""
    texts = [ROOT.summary, ROOT.text, *(p.help for p in ROOT.params)]
    for command in COMMANDS:
        texts += [command.summary, command.text, *(p.help for p in command.params)]
    untranslated = [text for text in texts if text and i18n._(text) == text]
    assert untranslated == []


SAME_IN_DUTCH = {"id", "status", "factor", "partners", "land", "water"}
"""Headers that are the same word in Dutch."""


def _every_column_name() -> set[str]:
    names: set[str] = set()
    for columns in (
        tables.TOWN_COLUMNS,
        tables.GROUP_COLUMNS,
        tables.MEMBER_COLUMNS,
        tables.ORGANISATION_COLUMNS,
        tables.RESEARCH_COLUMNS,
        tables.SOURCE_COLUMNS,
        tables.TIMELINE_COLUMNS,
        growth_columns.GROWTH_COLUMNS,
        answer_columns.CLAIM_COLUMNS,
        *(answer_columns.summary_columns(by) for by in (None, "province", "region", "group")),
        *(answer_columns.summary_columns(by) for by in ("status", "decade", "relieves")),
    ):
        names |= {column.name for column in columns}
    for spec in (
        views._DESIGNATION,
        views._RELIEF,
        views._POPULATION,
        views._STATUS_VIEW,
        views._GAP,
        views._MENTION,
        views._AREA,
        views._LOCATION,
        views._GROUP_MEMBERSHIP,
        views._CITATION,
    ):
        names |= {name for name, _ in spec}
    return names | {"field", "value", "description", "founded_source", "presented_to"}


def test_every_column_has_a_dutch_header(dutch: object) -> None:
    """Each column people see is in render/headers.py and has a Dutch word."""
    names = _every_column_name()
    assert names <= set(HEADERS)
    assert sorted(n for n in names - SAME_IN_DUTCH if i18n.header(n) == n) == []


def test_every_column_description_has_a_dutch_translation(dutch: object) -> None:
    """--fields help: every description in Dutch for people."""
    columns = [
        *tables.TOWN_COLUMNS,
        *tables.GROUP_COLUMNS,
        *tables.MEMBER_COLUMNS,
        *tables.ORGANISATION_COLUMNS,
        *tables.RESEARCH_COLUMNS,
        *tables.SOURCE_COLUMNS,
        *tables.TIMELINE_COLUMNS,
        *growth_columns.GROWTH_COLUMNS,
        *answer_columns.CLAIM_COLUMNS,
        *answer_columns.summary_columns("province"),
    ]
    assert [c.description for c in columns if i18n._(c.description) == c.description] == []


def test_fields_help_is_dutch_on_a_terminal_and_english_as_data(run: Runner) -> None:
    table = run(["--lang", "nl", "list", "--fields", "help", "-f", "table"])
    assert table.stdout.splitlines()[0].split() == ["veld", "omschrijving"]
    assert "population            inwonertal op de peildatum" in table.stdout.splitlines()
    data = run(["--lang", "nl", "list", "--fields", "help", "-f", "tsv"])
    assert data.stdout.splitlines()[:2] == ["field\tdescription", "id\tstable identifier"]


def test_one_item_view_has_dutch_labels_and_sections(run: Runner) -> None:
    result = run(["--lang", "nl", "show", "zoetermeer", "-f", "table"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "inwoners              128424" in lines  # raw in a pipe, as in English
    assert "peildatum             2024-01-01" in lines
    assert "eenheid               gemeente" in lines
    for title in ("Aanwijzing", "Inwoners", "Ligging", "Groepen", "Tijdlijn", "Bronnen"):
        assert title in lines
    piped = run(["--lang", "nl", "show", "zoetermeer"])
    assert "Bronnen" in piped.stdout.splitlines()


def test_growth_notes_and_claim_verdicts_are_dutch_for_people(run: Runner) -> None:
    growth = run(["--lang", "nl", "growth", "--data", GROWTH, "-f", "md", "--fields", "id,note"])
    english = run(["growth", "--data", GROWTH, "-f", "md", "--fields", "id,note"])
    assert growth.stdout.splitlines()[0] == "| id | toelichting |"
    assert "| zonder | no municipal figures; only other units (see show) |" in english.stdout
    assert "| zonder | geen gemeentelijke cijfers; alleen andere eenheden (zie show) |" in (
        growth.stdout
    )
    claims = run(["--lang", "nl", "claims", "--data", str(MINI), "-f", "table"])
    assert claims.stdout.splitlines()[-1] == "2 beweringen: 1 klopt niet, 1 klopt."
    why = run(["--lang", "nl", "claims", "--data", str(MINI), "-f", "md", "--fields", "why"])
    assert why.stdout.splitlines()[2:] == [
        "| 3.000 inwoners volgens de data: meer dan 3.000 klopt niet |",
        "| 2 groeikernen die de bewering noemt, volgens de data: precies 2 klopt |",
    ]
    assert "consistent" not in claims.stdout
    bundled = run(["--lang", "nl", "claims", "-f", "table"])
    assert bundled.stdout.splitlines()[-1] == "14 beweringen: 14 niet vergelijkbaar."


def test_summary_notes_are_dutch_for_people(run: Runner) -> None:
    result = run(["--lang", "nl", "summarise", "--by", "region", "-f", "table"])
    assert "Een groeikern in meer dan één regio telt in elk daarvan mee" in result.stdout
    decades = run(["--lang", "nl", "summarise", "--by", "decade", "-f", "table"])
    assert "Geen gedateerde aanwijzing, dus onder (geen): Capelle aan den IJssel" in decades.stdout
    assert decades.stdout.count("(geen)") == 3  # the row, its bar and the note


def test_notes_on_stderr_are_dutch(run: Runner, tmp_path: pathlib.Path) -> None:
    result = run(["--lang", "nl", "validate", str(MINI)])
    assert result.exit_code == 0
    assert result.stderr.endswith(": geldig (2 groeikernen, 2 groepen, 3 bronnen)\n")


def test_tab_descriptions_speak_dutch() -> None:
    from newtowns_cli.cli import complete

    language.use("nl")
    try:
        text, _ = complete.answer(
            {"_NEWTOWNS_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "newtowns li"}
        )
    finally:
        language.use("en")
    assert text == "list\tToon de New Towns, één rij per groeikern; filters gelden samen (EN).\n"


MACHINE_LINES = [
    ["list", "-f", "json"],
    ["list", "-f", "jsonl", "--fields", "all"],
    ["list", "-f", "tsv", "--fields", "all"],
    ["list", "-f", "csv", "--fields", "all", "--delimiter", ";"],
    ["list", "--fields", "help", "-f", "json"],
    ["show", "nissewaard", "-f", "json"],
    ["show", "nissewaard", "-f", "csv"],
    ["groups", "-f", "json", "--fields", "all"],
    ["groups", "alliantie", "-f", "jsonl"],
    ["research", "-f", "tsv", "--fields", "all"],
    ["organisations", "-f", "csv", "--fields", "all"],
    ["sources", "-f", "json", "--fields", "all"],
    ["timeline", "-f", "json", "--fields", "all"],
    ["summarise", "--by", "region", "-f", "json"],
    ["summarise", "--by", "decade", "-f", "jsonl"],
    ["summarise", "--by", "province", "-f", "csv"],
    ["growth", "-f", "json", "--fields", "all"],
    ["growth", "--data", GROWTH, "-f", "tsv", "--fields", "all"],
    ["claims", "-f", "json", "--fields", "all"],
    ["claims", "--data", str(MINI), "-f", "csv", "--fields", "all"],
    ["list", "--group", "alliantie", "--member-as-of", "2010", "-f", "json"],
    ["export", "--format", "csv"],
    ["export", "--format", "json"],
    ["export", "--format", "toml"],
    ["export", "--format", "geojson"],
    ["filter", "--region", "MRA"],
    ["validate", str(MINI), "--format", "json"],
]


@pytest.mark.parametrize("args", MACHINE_LINES, ids=" ".join)
def test_machine_formats_are_the_same_bytes_in_both_languages(run: Runner, args: list[str]) -> None:
    """JSON, JSONL, TSV, CSV, GeoJSON and TOML on stdout: byte for byte the same."""
    english = run(["--lang", "en", *args])
    dutch = run(["--lang", "nl", *args])
    assert english.exit_code == 0, english.stderr
    assert dutch.stdout_bytes == english.stdout_bytes
    assert run([*args], env={"LANG": "nl_NL.UTF-8"}).stdout_bytes == english.stdout_bytes


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-o", "nt.db"],
        ["export", "-o", "nt.xlsx"],
        ["list", "-o", "towns.xlsx", "--fields", "all"],
        ["claims", "-o", "claims.xlsx"],
        ["growth", "-o", "growth.xlsx"],
        ["summarise", "--by", "region", "-o", "summary.xlsx"],
    ],
    ids=" ".join,
)
def test_files_are_the_same_bytes_in_both_languages(
    run: Runner, tmp_path: pathlib.Path, args: list[str]
) -> None:
    """SQLite databases and workbooks: byte for byte the same."""
    written = {}
    for lang in ("en", "nl"):
        folder = tmp_path / lang
        folder.mkdir()
        named = [str(folder / a) if "." in a and not a.startswith("-") else a for a in args]
        result = run(["--lang", lang, *named])
        assert result.exit_code == 0, result.stderr
        written[lang] = (
            folder / args[-1 if "." in args[-1] else args.index("-o") + 1]
        ).read_bytes()
    assert written["nl"] == written["en"]


def test_sorting_is_one_collation_in_every_language(run: Runner) -> None:
    english = run(["--lang", "en", "list", "--sort", "name", "--fields", "id", "-f", "tsv"])
    dutch = run(["--lang", "nl", "list", "--sort", "name", "--fields", "id", "-f", "tsv"])
    assert dutch.stdout == english.stdout


def test_a_phrase_is_english_as_data_and_dutch_for_people(dutch: object) -> None:
    note = i18n.Phrase("{count:n} inhabitants in the data", count=1335119)
    assert str(note) == "1335119 inhabitants in the data"
    assert note.say() == "1.335.119 inwoners volgens de data"
    confirmed = i18n.Phrase(
        "{count} members confirmed on {date}", count=8, date=PartialDate(2022, 11, 28)
    )
    assert str(confirmed) == "8 members confirmed on 2022-11-28"
    assert confirmed.say() == "8 leden bevestigd per 28 november 2022"
    both = i18n.joined("; ", [i18n.Phrase("no dated designation"), "plain text"])
    assert str(both) == "no dated designation; plain text"
    assert i18n.say(both) == "geen gedateerde aanwijzing; plain text"
