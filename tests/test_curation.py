"""Curation notes (where one looked, what was not re-read, search queries) stay with the
maintainers: `show --notes`, `validate --gaps` and the machine formats carry them; the
default views, the report and the dossier name only the decades with no figure."""

from __future__ import annotations

import datetime
import html
import json
import pathlib

import pytest
from test_terminal import on_terminal
from test_terminal_views import piped, plain

from newtowns_cli.model.records import Record, iter_values
from newtowns_cli.reading import store

from support import Runner

DATASET = store.load(store.locate(None, None), today=datetime.date.today())


def _curation() -> list[str]:
    """Every curation text and every gap's `looked` in the shipped data."""
    found = [gap.looked for town in DATASET.town for gap in town.population_gaps]
    for _, value in iter_values(DATASET, ()):
        if isinstance(value, Record) and getattr(value, "curation", None):
            found.append(value.curation)  # type: ignore[attr-defined]
    return found


def _assert_no_curation(text: str) -> None:
    for word in ("not re-read", "re-verified", "queries", "query '"):
        assert word not in text, word
    for note in _curation():
        if len(note) < 40:  # a short one may be an address ('canonvanalmere.nl')
            continue
        assert note not in text and html.escape(note) not in text, note


def test_the_shipped_data_has_curation_notes() -> None:
    """The tests below look for something that is there: queries, not re-read passages."""
    notes = _curation()
    assert len(notes) > 60
    assert any("not re-read" in note for note in notes)
    assert any(note.startswith("queries '") for note in notes)


def test_the_report_names_the_decades_and_no_curation(run: Runner, tmp_path: pathlib.Path) -> None:
    """`report` and `report -o x.md`: one line per place with gaps, no looked, no queries."""
    text = run(["report"]).stdout
    path = tmp_path / "x.md"
    assert run(["report", "-o", str(path)]).exit_code == 0
    assert path.read_text("utf-8") == text
    _assert_no_curation(text)
    section = text.split("## Decades with no municipal figure\n")[1].split("\n## ")[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert "- Lelystad: 1960s, 1970s, 1980s, 1990s" in lines
    assert "- Zoetermeer: 1960s, 1980s, 2000s" in lines
    assert len(lines) == sum(1 for town in DATASET.town if town.population_gaps)


def test_the_terminal_report_has_no_curation() -> None:
    """The report on a terminal, rendered."""
    code, text = on_terminal("report", "--no-pager", columns=160, NO_COLOR="1")
    assert code == 0
    _assert_no_curation(" ".join(plain(text).split()))
    assert "Lelystad: 1960s, 1970s, 1980s, 1990s" in plain(text)


def test_the_dossier_names_the_decades_and_no_curation(run: Runner, tmp_path: pathlib.Path) -> None:
    """The HTML dossier: a sentence under each place's figures instead of a gap table."""
    path = tmp_path / "x.html"
    assert run(["report", "-o", str(path)]).exit_code == 0
    text = path.read_text("utf-8")
    _assert_no_curation(text)
    assert '<th scope="col">Looked</th>' not in text
    assert '<p class="gaps">No municipal figure for the 1960s, 1970s, 1980s, 1990s.</p>' in text


def test_show_names_the_decades_and_no_curation() -> None:
    """The default view, piped and on a terminal."""
    text = piped("show", "lelystad")
    _assert_no_curation(text)
    section = text.split("Population: decades with no municipal figure (not interpolated)\n")[1]
    assert section.splitlines()[0] == "- 1960s, 1970s, 1980s, 1990s"
    assert "Recruitment area Amsterdam/Noordvleugel." in text
    code, shown = on_terminal("show", "lelystad", columns=100, LINES="1000")
    assert code == 0
    _assert_no_curation(" ".join(plain(shown).split()))


def test_show_notes_shows_the_curation_notes() -> None:
    """--notes: a curation column, and the gaps with where one looked."""
    text = piped("show", "lelystad", "--notes")
    assert "Not re-verified in the data set's November 2026 review." in text
    assert "As the data set's November 2026 review read PBL's report; the passage was" in text
    assert "queries 'Lelystad aantal inwoners 1980', 'Lelystad 1985 inwoners'" in text
    population = text.split("\nPopulation\n")[1].splitlines()[0].split()
    assert population[-1] == "curation"


@pytest.mark.parametrize("notes", [[], ["--notes"]])
def test_json_carries_the_curation_notes_either_way(notes: list[str]) -> None:
    """Machine formats carry everything."""
    town = json.loads(piped("show", "lelystad", "-f", "json", *notes))
    curation = [p["curation"] for p in town["population_history"] if p["curation"]]
    assert curation == ["Not re-verified in the data set's November 2026 review."] * 2
    assert town["population_gaps"][2]["looked"].startswith("queries 'Lelystad")
    source = json.loads(piped("sources", "pbl-nieuwe-steden", "-f", "json"))
    assert source["note"] == {  # a text in two languages: JSON carries both, as stored
        "en": "Publication date from pbl-2012-09-26.",
        "nl": "Publicatiedatum uit pbl-2012-09-26.",
    }
    assert "5dok.net" in source["curation"]


def test_a_source_view_leaves_its_curation_note_out() -> None:
    """`sources ID` shows the note for readers, not the one for maintainers."""
    text = piped("sources", "pbl-nieuwe-steden")
    assert "Publication date from pbl-2012-09-26." in text
    assert "5dok.net" not in text and "curation" not in text
