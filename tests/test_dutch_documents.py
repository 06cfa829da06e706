"""Dutch documents and the facts merged from main in Dutch: the Markdown report under
--lang nl (headings, notes, captions, prose dates, 1.335.119 and 17,3), the source view's
'Cited by' facts, the gaps' decades; English unchanged."""

from __future__ import annotations

import re

from support import Runner


def _headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def test_the_report_is_dutch_under_lang_nl(run: Runner) -> None:
    """Headings, table headers, notes and dates in prose are Dutch; numbers grouped."""
    result = run(["--lang", "nl", "report", "--no-pager"])
    assert result.exit_code == 0
    text = result.stdout
    headings = _headings(text)
    for heading in ("## Groeikernen", "## Aanwijzingen", "## Bevolkingsreeksen",
                    "## Groepen", "## Onderzoek", "## Tijdlijn",
                    "## Samenvatting", "## Beweringen", "## Bronnen"):  # fmt: skip
        assert heading in headings
    assert "| Groeikern | Gemeente | Provincie | Status | Aangewezen | Inwoners |" in text
    assert "Dataversie " in text and ", bijgewerkt op " in text
    assert re.search(r"bijgewerkt op \d{1,2} (januari|februari|maart|april|mei|juni|juli|"
                     r"augustus|september|oktober|november|december) \d{4}", text)  # fmt: skip
    assert "128.424" in text and "128424" not in text
    assert "| totaal | 16 | 1.335.119 | 100 | 1.844,93 |" in text  # grouped, decimal comma
    assert "Gemeentelijke cijfers: " in text and "jaren 19" in text
    assert "opgericht 28 november 2022" in text
    for english in ("## Towns", "Population figures refer", "Municipal figures:",
                    "Data version", ", founded ", "Sources: ", "| Town |"):  # fmt: skip
        assert english not in text


def test_the_report_in_english_is_as_before(run: Runner) -> None:
    """English keeps its words and its plain numbers: 128424, ISO dates."""
    text = run(["--lang", "en", "report", "--no-pager"]).stdout
    assert "## Towns" in _headings(text) and "128424" in text and "Data version " in text


def test_a_filtered_report_counts_in_dutch(run: Runner) -> None:
    text = run(["--lang", "nl", "report", "--region", "MRA", "--no-pager"]).stdout
    assert "Dit rapport beschrijft 5 geselecteerde groeikernen." in text


def test_the_source_view_names_its_facts_in_dutch(run: Runner) -> None:
    """'Cited by' in words, in Dutch for people; the JSON keeps the English facts."""
    dutch = run(["--lang", "nl", "sources", "cbs-2024-01-01", "-f", "table"])
    assert "Aangehaald door" in dutch.stdout
    assert "Zoetermeer: inwoners op 1 januari 2024" in dutch.stdout
    english = run(["--lang", "nl", "sources", "cbs-2024-01-01", "-f", "json"]).stdout
    assert "Zoetermeer: population on 2024-01-01" in english
    assert english == run(["--lang", "en", "sources", "cbs-2024-01-01", "-f", "json"]).stdout


def test_gap_decades_are_dutch_for_people_and_stay_as_data(run: Runner) -> None:
    dutch = run(["--lang", "nl", "list", "--fields", "name,population_gaps", "-f", "table"])
    assert "jaren 1960" in dutch.stdout
    data = run(["--lang", "nl", "list", "--fields", "name,population_gaps", "-f", "json"])
    assert '"1960s"' in data.stdout and "jaren" not in data.stdout
