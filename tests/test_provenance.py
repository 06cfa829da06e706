"""Provenance as people cite it: a figure read through Wikipedia or a copy names its origin
first ("CBS (StatLine), 2024-01-01, via Wikipedia (de)"), and captions count origins."""

from __future__ import annotations

import re

from test_terminal_views import piped

from support import MINI, Runner


def _numbers(text: str) -> dict[str, str]:
    """Each source id's number in the report's list of sources."""
    found = re.findall(r'<a id="source-(\d+)"></a>.*`([a-z0-9-]+)`$', text, flags=re.M)
    return {source: number for number, source in found}


def test_the_list_caption_counts_origins_not_carriers(run: Runner) -> None:
    """The 2024 figures are CBS's, read through Wikipedia; Hellevoetsluis' has no origin."""
    result = run(["list", "-f", "table", "--fields", "name,population"])
    caption = " ".join(result.stdout.splitlines()[-3:])
    assert (
        "figures from CBS (StatLine) ×15, Wikipedia (de); each figure's origin and source: "
        "--fields name,population_origin,population_source."
    ) in caption
    assert "Wikipedia (de) ×" not in caption


def test_the_mini_caption_names_the_origin(run: Runner) -> None:
    """Aastad's figure is stats-2024's (CBS) read through wiki-a."""
    result = run(["list", "--data", str(MINI), "-f", "table", "--fields", "id,population"])
    assert " ".join(result.stdout.splitlines()[-2:]) == (
        "2 towns; population as of 2024-01-01; figures from CBS, Regional News; each figure's "
        "origin and source: --fields name,population_origin,population_source."
    )


def test_population_origin_is_a_column(run: Runner) -> None:
    """--fields population_origin: the statistical source behind the figure, or empty."""
    result = run(["list", "--data", str(MINI), "-f", "csv", "--fields", "id,population_origin"])
    assert result.stdout == "id,population_origin\naastad,stats-2024\nbeedorp,\n"


def test_show_names_the_origin_first() -> None:
    """The reference figure and the series: origin, date, then the carrier."""
    text = piped("show", "almere")
    assert (
        "population_source  CBS (StatLine), 2024-01-01, via Wikipedy (fy) "
        "[cbs-2024-01-01, fywiki-almere]"
    ) in text.splitlines()
    population = text.split("\nPopulation\n")[1].split("\n\n")[0].splitlines()
    assert "original" not in population[0].split()
    row = next(line for line in population if line.startswith("2024-01-01  226786"))
    assert "cbs-2024-01-01 via fywiki-almere" in row
    district = next(line for line in population if line.startswith("2024-01-01  110915"))
    assert "cbs-kwb-2024 via dewiki-almere-stad" in district


def test_the_report_cites_the_origin_first(run: Runner) -> None:
    """Almere's reference figure cites CBS, then Wikipedy (fy) after 'via'."""
    text = run(["report"]).stdout
    n = _numbers(text)
    cbs, fy = n["cbs-2024-01-01"], n["fywiki-almere"]
    towns = text.split("## Towns")[1].split("## ")[0]
    assert f"| 226786 [{cbs}](#source-{cbs}) via [{fy}](#source-{fy}) |" in towns
    hellevoetsluis = next(line for line in towns.splitlines() if "Hellevoetsluis" in line)
    assert " via " not in hellevoetsluis


def test_the_dossier_cites_the_origin_first(run: Runner, tmp_path: object) -> None:
    """The same in the HTML dossier: the origin's number, then 'via' and the carrier's."""
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "x.html"
    assert run(["report", "-o", str(path)]).exit_code == 0
    text = path.read_text("utf-8")
    pattern = r'<li id="source-(\d+)".*<code>([a-z0-9-]+)</code>'
    numbers = {source: number for number, source in re.findall(pattern, text)}
    cbs, fy = numbers["cbs-2024-01-01"], numbers["fywiki-almere"]
    assert (
        f'226,786 <a class="cite" href="#source-{cbs}" aria-label="source {cbs}">[{cbs}]</a> via '
        f'<a class="cite" href="#source-{fy}" aria-label="source {fy}">[{fy}]</a>'
    ) in text


def _cited_by(source: str) -> list[str]:
    text = piped("sources", source)
    return text.split("\nCited by\n")[1].splitlines()


def test_cited_by_names_facts_as_a_reader_would() -> None:
    """Facts in words (whose, what, when), not field paths."""
    lines = _cited_by("nuvp-2022-11-30")
    assert lines[0] == "fact"
    assert lines[1:5] == [
        "Leernetwerk Toekomstbestendige New Towns: the group",
        "Leernetwerk Toekomstbestendige New Towns: founded 2022-11-28",
        "Leernetwerk Toekomstbestendige New Towns: member Almere (since 2022-11-28)",
        "Leernetwerk Toekomstbestendige New Towns: member Capelle aan den IJssel (since "
        "2022-11-28)",
    ]
    cbs = _cited_by("cbs-2024-01-01")
    assert cbs[1:3] == ["Zoetermeer: population on 2024-01-01", "Almere: population on 2024-01-01"]
    assert "Almere: population of the district Almere Stad on 2024-01-01" in _cited_by(
        "cbs-kwb-2024"
    )
    for source in ("nuvp-2022-11-30", "cbs-2024-01-01", "mra-2023-12-04", "pbl-nieuwe-steden"):
        text = piped("sources", source)
        assert "[" not in text.split("\nCited by\n")[1] and ".source" not in text, source


def test_cited_by_in_every_kind_of_fact(run: Runner) -> None:
    """The mini data set cites news-b for one fact of each kind."""
    result = run(["sources", "news-b", "--data", str(MINI)])
    assert result.stdout.split("\nCited by\n")[1].splitlines() == [
        "fact",
        "Aastad: designation (official, 1973-04)",
        "Aastad: designation (decision, 1966)",
        "Aastad: counted as groeistad",
        "Béédorp: name, municipality, CBS code, province and status",
        "Béédorp: population on 2024-01-01",
        "Béédorp: location",
        "Het Netwerk: the group",
        "Het Netwerk: founded 2022-11-28",
        "Het Netwerk: member Aastad (since 2022-11-28)",
        "Het Netwerk: member Béédorp (named on 2023-12-04)",
        "Het Netwerk: Aastad named beside it, not as member (2023-12-04)",
        "Ministerie van Tests: the organisation",
        "Een studie: the study",
        "Een studie: published 2024-10",
        "Een studie: presented 2024-11-13",
        "Het Congres: the event (2022-11-28)",
        "Claim “ruim 3.000”",
    ]


def test_cited_by_in_json_keeps_the_path_beside_the_fact(run: Runner) -> None:
    """Machine formats: table, entry and path for scripts, the fact in words."""
    import json

    result = run(["sources", "cbs-2024-01-01", "-f", "json"])
    assert json.loads(result.stdout)["cited_by"][1] == {
        "table": "town",
        "entry": "almere",
        "path": "population.original",
        "fact": "Almere: population on 2024-01-01",
    }
