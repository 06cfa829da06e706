"""One answer per question: every view shows each town's reference figure, its date and its
designation alike (list, show, growth, summarise, the report and the dossier)."""

from __future__ import annotations

import html
import json
import re

import pytest

from support import Runner

RUN = Runner()


def _json(args: list[str]) -> object:
    result = RUN([*args, "--format", "json"])
    assert (result.exit_code, result.stderr) == (0, "")
    return json.loads(result.stdout)


LISTED = {
    row["id"]: row
    for row in _json(
        [
            "list",
            "--fields",
            "id,name,population,population_as_of,population_unit,designated,designated_kind",
        ]
    )  # type: ignore[union-attr]
}
GROWTH = {row["id"]: row for row in _json(["growth", "--fields", "all"])}  # type: ignore[union-attr]
REPORT = RUN(["report"]).stdout
DOSSIER = html.unescape(RUN(["report", "--format", "html"]).stdout)


@pytest.mark.parametrize("town", sorted(LISTED))
def test_every_view_shows_the_same_reference_figure_and_designation(town: str) -> None:
    listed = LISTED[town]
    shown = _json(["show", town])
    assert isinstance(shown, dict)
    assert (shown["population"]["count"], shown["population"]["as_of"]) == (
        listed["population"],
        listed["population_as_of"],
    )
    assert (shown["designated"], shown["designated_kind"]) == (
        listed["designated"],
        listed["designated_kind"],
    )
    grown = GROWTH[town]
    assert (grown["designated"], grown["designated_kind"]) == (
        listed["designated"],
        listed["designated_kind"],
    )
    if listed["population_unit"] == "municipality":
        assert (grown["latest_count"], grown["latest_date"]) == (
            listed["population"],
            listed["population_as_of"],
        )
    label = "" if listed["designated"] is None else str(listed["designated"])
    kind = listed["designated_kind"]
    # The report's Towns table: name, …, designated (with its kind), population, as of.
    row = next(line for line in REPORT.splitlines() if line.startswith(f"| {listed['name']} |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    designated = re.sub(r" \[\d+\]\(#source-\d+\)$", "", cells[4])
    expected = label if kind in (None, "official") else f"{label} ({kind})"
    assert designated == expected
    assert re.split(r"&#32;| ", cells[5])[0] == str(listed["population"])
    assert cells[6] == listed["population_as_of"]
    # The dossier's Towns table: the first row of the town, its cells without the citations.
    start = DOSSIER.index(f'<tr><th scope="row"><a href="#town-{town}">')
    row_html = DOSSIER[start : DOSSIER.index("</tr>", start)]
    texts = [
        re.sub(r"\s*\[\d+\]$", "", re.sub(r"<[^>]+>", "", cell)).strip()
        for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row_html)
    ]
    assert texts[4] == expected
    assert texts[5].split(" ")[0] == f"{listed['population']:,}"
    assert texts[6] == listed["population_as_of"]


def test_summarise_adds_the_reference_figures_list_shows() -> None:
    """The total adds every municipal reference figure; another unit is shown apart."""
    summary = _json(["summarise"])
    assert isinstance(summary, dict)
    municipal = [r for r in LISTED.values() if r["population_unit"] == "municipality"]
    assert summary["total"]["population"] == sum(r["population"] for r in municipal)
    apart = [r for r in LISTED.values() if r["population_unit"] != "municipality"]
    assert summary["total"]["apart_population"] == sum(r["population"] for r in apart)
    assert (
        sorted({r["population_as_of"] for r in LISTED.values()})
        == (summary["total"]["population_as_of"])
    )
