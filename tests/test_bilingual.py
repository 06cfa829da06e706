"""Free texts in two languages: a string (English) or { en = "…", nl = "…" } in the data
file, validated strictly, carried whole by the exports that keep records (TOML, JSON,
show --format json, SQLite), shown in the run's language to people, and listed by
validate --lang nl where the Dutch is missing."""

from __future__ import annotations

import contextlib
import json
import pathlib
import sqlite3

import pytest

from support import DATA, Runner

BILINGUAL = str(DATA / "bilingual.toml")


def _with_note(tmp_path: pathlib.Path, note: str) -> str:
    text = pathlib.Path(BILINGUAL).read_text(encoding="utf-8")
    old = 'note = { en = "The first town.", nl = "De eerste groeikern." }'
    assert old in text
    path = tmp_path / "data.toml"
    path.write_text(text.replace(old, f"note = {note}"), encoding="utf-8")
    return str(path)


def test_a_data_file_with_texts_in_two_languages_is_valid(run: Runner) -> None:
    result = run(["validate", BILINGUAL])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ('{ en = "The first town." }', "exactly the keys en and nl (here: en)"),
        ('{ en = "A", nl = "B", fr = "C" }', "exactly the keys en and nl (here: en, fr, nl)"),
        ('{ en = "A", nl = "" }', "en and nl must each be a non-empty string"),
        ('{ en = "A", nl = 3 }', "en and nl must each be a non-empty string"),
        ("3", 'expected a string or a table { en = "…", nl = "…" }, got integer 3'),
        ('""', "expected a non-empty string"),
    ],
)
def test_a_malformed_text_is_a_located_problem(
    run: Runner, tmp_path: pathlib.Path, note: str, message: str
) -> None:
    result = run(["validate", _with_note(tmp_path, note)])
    assert result.exit_code == 1
    assert "town[0].note: " in result.stdout and message in result.stdout


def test_people_read_the_run_s_language(run: Runner) -> None:
    dutch = run(["--data", BILINGUAL, "--lang", "nl", "show", "aastad", "-f", "table"]).stdout
    assert "De eerste groeikern." in dutch and "Aastad: Aagemeente wordt een gemeente" in dutch
    english = run(["--data", BILINGUAL, "--lang", "en", "show", "aastad", "-f", "table"]).stdout
    assert "The first town." in english and "De eerste" not in english
    report = run(["--data", BILINGUAL, "--lang", "nl", "report", "--no-pager"]).stdout
    assert "Testdata voor newtowns." in report and "- Wijken vergrijzen." in report
    assert "Een netwerk van groeikernen." in report
    assert "- Untranslated finding." in report  # no Dutch: the English shows


def test_show_as_json_carries_both_texts_in_both_languages(run: Runner) -> None:
    args = ["--data", BILINGUAL, "show", "aastad", "-f", "json"]
    dutch, english = run(["--lang", "nl", *args]), run(["--lang", "en", *args])
    assert dutch.stdout == english.stdout
    shown = json.loads(english.stdout)
    assert shown["note"] == {"en": "The first town.", "nl": "De eerste groeikern."}


def test_listings_keep_the_english_text_as_data(run: Runner) -> None:
    args = ["--data", BILINGUAL, "timeline", "-f", "csv"]
    dutch, english = run(["--lang", "nl", *args]), run(["--lang", "en", *args])
    assert dutch.stdout == english.stdout
    assert "Aastad: Aagemeente becomes a municipality" in english.stdout


@pytest.mark.parametrize("command", [["export", "-f", "toml"], ["filter"]])
def test_the_toml_round_trip_keeps_both_languages(
    run: Runner, tmp_path: pathlib.Path, command: list[str]
) -> None:
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    assert run(["--data", BILINGUAL, *command, "-o", str(first)]).exit_code == 0
    text = first.read_text(encoding="utf-8")
    assert 'nl = "De eerste groeikern."' in text and 'nl = "Wijken vergrijzen."' in text
    assert run(["validate", str(first)]).exit_code == 0
    assert run(["--data", str(first), *command, "-o", str(second)]).exit_code == 0
    assert second.read_text(encoding="utf-8") == text


def test_json_export_carries_both(run: Runner, tmp_path: pathlib.Path) -> None:
    out = tmp_path / "data.json"
    assert run(["--data", BILINGUAL, "export", "-f", "json", "-o", str(out)]).exit_code == 0
    research = json.loads(out.read_text(encoding="utf-8"))["research"][0]
    assert research["findings"] == [
        {"en": "Neighbourhoods age.", "nl": "Wijken vergrijzen."},
        "Untranslated finding.",
    ]


def test_sqlite_keeps_english_in_place_and_dutch_in_translations(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    out = tmp_path / "data.sqlite"
    assert run(["--data", BILINGUAL, "export", "-o", str(out)]).exit_code == 0
    with contextlib.closing(sqlite3.connect(out)) as connection:  # `with` alone never closes
        notes = connection.execute("SELECT note FROM towns WHERE id = 'aastad'").fetchall()
        rows = connection.execute("SELECT * FROM translations ORDER BY rowid").fetchall()
    assert notes == [("The first town.",)]
    assert ("town", "aastad", "note", "nl", "De eerste groeikern.") in rows
    assert ("research", "study", "findings[0]", "nl", "Wijken vergrijzen.") in rows
    assert ("dataset", None, "description", "nl", "Testdata voor newtowns.") in rows


def test_validate_in_dutch_lists_the_texts_without_dutch(run: Runner) -> None:
    dutch = run(["--lang", "nl", "validate", BILINGUAL])
    assert dutch.exit_code == 0
    assert "research[study].findings[1]: geen Nederlandse tekst: Untranslated finding." in (
        dutch.stdout.splitlines()
    )
    assert "town[aastad].note" not in dutch.stdout
    assert "teksten zonder Nederlands" in dutch.stderr
    assert run(["--lang", "en", "validate", BILINGUAL]).stdout == ""
    as_json = ["validate", BILINGUAL, "-f", "json"]
    assert run(["--lang", "nl", *as_json]).stdout == run(["--lang", "en", *as_json]).stdout


def test_the_cached_data_set_keeps_both_languages(run: Runner) -> None:
    """The second run reads the validated data from the cache: the Dutch must survive it."""
    args = ["--data", BILINGUAL, "--lang", "nl", "show", "aastad", "-f", "table"]
    assert run(args).stdout == run(args).stdout
    assert "De eerste groeikern." in run(args).stdout
