"""Dutch documents and the facts merged from main in Dutch: the Markdown report under
--lang nl (headings, notes, captions, prose dates, 1.335.119 and 17,3), the source view's
'Cited by' facts, the gaps' decades; English unchanged."""

from __future__ import annotations

import pathlib
import re

import pytest

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


def test_the_brief_is_dutch_under_lang_nl(run: Runner) -> None:
    """report --brief as Markdown: headings, headers, growth and numbers in Dutch."""
    text = run(["--lang", "nl", "report", "--brief", "-f", "md"]).stdout
    assert text.startswith("# Nederlandse New Towns (groeikernen): een beknopt overzicht\n")
    assert "## De groeikernen" in text and "| Groei sinds aanwijzing |" in text
    assert "×17,12 sinds 1958" in text and "128.424 (2024)" in text
    assert "## Beweringen" in text and "niet vergelijkbaar" in text
    for english in ("Data version", " since ", "## The towns", "| Claim |", "a brief"):
        assert english not in text


@pytest.mark.parametrize("brief", [False, True], ids=["dossier", "brief"])
def test_the_html_pages_are_dutch_under_lang_nl(
    run: Runner, tmp_path: pathlib.Path, brief: bool
) -> None:
    """<html lang="nl">, headings, legend, chart descriptions and dates in Dutch."""
    page = tmp_path / "page.html"
    args = ["report", *(["--brief"] if brief else []), "-o", str(page)]
    assert run(["--lang", "nl", *args]).exit_code == 0
    dutch = page.read_text(encoding="utf-8")
    assert '<html lang="nl">' in dutch
    assert ">Legenda</text>" in dutch and "Lijngrafiek van inwoners per jaar" in dutch
    assert "bijgewerkt op 29 november 2026" in dutch and "Bronnen</h2>" in dutch
    assert "De New Towns van Nederland" in dutch or "Legenda van de kaart" in dutch
    for english in ("Data version", ">Legend<", "Line chart of", ">Sources</h2>", " since "):
        assert english not in dutch
    if not brief:
        assert ">Kaart</h2>" in dutch and "Inwonertallen van Zoetermeer" in dutch
        assert "Geen gemeentelijk cijfer voor de jaren 19" in dutch
    assert run(["--lang", "en", *args, "--force"]).exit_code == 0
    assert '<html lang="en">' in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("brief", [False, True], ids=["report", "brief"])
def test_a_designation_of_another_kind_is_named_in_dutch(
    run: Runner, tmp_path: pathlib.Path, brief: bool, fmt: str
) -> None:
    """'1961 (policy)' in English is '1961 (beleid)' in Dutch in every document's towns
    table; the machine formats keep the kind as data ('policy')."""
    page = tmp_path / f"page.{fmt}"
    args = ["report", *(["--brief"] if brief else []), "-o", str(page)]
    assert run(["--lang", "nl", *args]).exit_code == 0
    dutch = page.read_text(encoding="utf-8")
    assert "1961 (beleid)" in dutch and "1961 (policy)" not in dutch
    assert run(["--lang", "en", *args, "--force"]).exit_code == 0
    assert "1961 (policy)" in page.read_text(encoding="utf-8")
    listed = run(["--lang", "nl", "list", "--fields", "id,designated,designated_kind"])
    assert "almere\t1961\tpolicy\n" in listed.stdout


def test_a_data_text_without_dutch_is_marked_english_in_a_dutch_page(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """mini.toml has no Dutch: its texts show in English, each marked lang="en" so a
    screen reader reads them as English; where the Dutch is given (bilingual.toml), no
    mark; an English page marks nothing."""
    from support import MINI

    page = tmp_path / "page.html"
    assert run(["--lang", "nl", "--data", str(MINI), "report", "-o", str(page)]).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert '<p class="lede" lang="en">Fixture for the newtowns tests.</p>' in text
    assert '<p lang="en">A network of towns.</p>' in text
    assert '<td lang="en">Aastad: Aagemeente becomes a municipality</td>' in text
    bilingual = str(MINI.parent / "bilingual.toml")
    assert (
        run(["--lang", "nl", "--data", bilingual, "report", "-o", str(page), "--force"]).exit_code
        == 0
    )
    text = page.read_text(encoding="utf-8")
    assert "<p>Een netwerk van groeikernen.</p>" in text
    assert '<p class="lede">Testdata voor newtowns.</p>' in text
    assert '<h1 lang="en">Mini New Towns</h1>' in text  # its title has no Dutch
    assert (
        run(["--lang", "en", "--data", str(MINI), "report", "-o", str(page), "--force"]).exit_code
        == 0
    )
    assert page.read_text(encoding="utf-8").count(' lang="en"') == 1  # <html lang="en">


def test_the_timeline_charts_decades_are_dutch(run: Runner) -> None:
    """The count per decade under the chart: 'jaren 1960: 32' in Dutch, '1960s: 32' in
    English."""
    dutch = run(["--lang", "nl", "timeline", "--chart"], env={"COLUMNS": "80"}).stdout
    english = run(["--lang", "en", "timeline", "--chart"], env={"COLUMNS": "80"}).stdout
    assert "jaren 1960: " in dutch and "1960s" not in dutch
    assert "1960s: " in english
