"""newtowns report and docs/dataset.md: a valid, cited Markdown document kept current."""

from __future__ import annotations

import pathlib
import re

from markdown_it import MarkdownIt

from support import Runner

DATASET_MD = pathlib.Path(__file__).parents[1] / "docs" / "dataset.md"


def test_docs_dataset_md_is_current(run: Runner) -> None:
    """docs/dataset.md is exactly what `newtowns report` writes: regenerate it after a change.

    Regenerate with: newtowns report -o docs/dataset.md --force
    """
    assert DATASET_MD.read_text("utf-8") == run(["report"]).stdout


def test_report_parses_and_every_citation_resolves(run: Runner) -> None:
    """One title, the sections in order, GFM tables, and each [n](#source-n) has its anchor."""
    text = run(["report"]).stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2"
    ]
    assert headings == [
        "Towns",
        "Designations",
        "Population series",
        "Decades with no municipal figure",
        "Relieved cities",
        "Groups",
        "Research",
        "Timeline",
        "Summary",
        "Claims",
        "Sources",
    ]
    assert sum(t.type == "heading_open" and t.tag == "h1" for t in tokens) == 1
    assert sum(t.type == "table_open" for t in tokens) >= 6
    links = set(re.findall(r"\]\(#source-(\d+)\)", text))
    anchors = set(re.findall(r'<a id="source-(\d+)"></a>', text))
    assert links == anchors
    assert sorted(map(int, anchors)) == list(range(1, len(anchors) + 1))


def test_filtered_report(run: Runner) -> None:
    """The list filters select the towns; groups and timeline follow them; no claims section."""
    text = run(["report", "--region", "MRA"]).stdout
    assert "This report covers 5 selected towns." in text
    towns = text.split("## Towns")[1].split("## Designations")[0]
    assert [line.split(" | ")[0].lstrip("| ") for line in towns.strip().splitlines()[2:]] == [
        "Almere", "Haarlemmermeer", "Huizen", "Lelystad", "Purmerend",
    ]  # fmt: skip
    gaps = text.split("## Decades with no municipal figure")[1].split("## Relieved cities")[0]
    assert "- Lelystad: 1960s, 1970s, 1980s, 1990s" in gaps and "Zoetermeer" not in gaps
    assert "## Claims" not in text
    assert "### Metropoolregio Rotterdam Den Haag" not in text


def test_designations_read_oldest_first_within_each_town(run: Runner) -> None:
    """The Designations table lists each town's facts by date, undated ones last (the data
    file's order mixed newest-first and oldest-first towns), and the series say '1 decade'."""
    text = run(["report"]).stdout
    section = text.split("## Designations", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| ")][2:]
    by_town: dict[str, list[str]] = {}
    for cells in rows:
        by_town.setdefault(cells[0].removeprefix("| "), []).append(cells[1].strip())
    assert len(by_town) >= 10
    for town, dates in by_town.items():
        dated = [d for d in dates if d]
        assert dates == dated + [""] * (len(dates) - len(dated)), town
        assert dated == sorted(dated, key=lambda d: (d[:4], d)), town
    assert "in 1 decades" not in text
