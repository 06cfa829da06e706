"""report --brief: the essentials in Markdown and HTML, two A4 pages when printed."""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from test_browser import BROWSER, browser
from test_html import SVG, XHTML, outer_svgs, parse, text_of

from support import DATA, Runner

BRIEF_HTML = pathlib.Path(__file__).parents[1] / "docs" / "brief.html"


def brief(*args: str) -> str:
    result = Runner()(["report", "--brief", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def towns() -> list[str]:
    return Runner()(["list", "--fields", "name", "-f", "tsv"]).stdout.splitlines()[1:]


def test_the_markdown_brief_has_the_towns_the_claims_and_the_sources_it_cites() -> None:
    text = brief()
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Dutch New Towns (groeikernen): a brief",
        "## The towns",
        "## Claims",
        "## Sources",
    ]
    for name in towns():
        assert f"\n| {name} |" in text
    assert "| Zoetermeer | Zuid-Holland | 1962 [" in text and "×28.54 since 1935 |" in text
    cited = {int(n) for n in re.findall(r"\]\(#source-(\d+)\)", text)}
    listed = [int(n) for n in re.findall(r'<a id="source-(\d+)"></a>', text)]
    assert listed == sorted(cited) == list(range(1, len(listed) + 1))


def test_the_html_brief_has_a_map_a_chart_per_place_and_a_description() -> None:
    text = brief("--format", "html")
    tree = parse(text)
    svgs = outer_svgs(text)
    assert len(svgs) == 2 + len(towns())  # the map, its legend, a small multiple per place
    for chunk in svgs:
        ET.fromstring(chunk)
    description = tree.find(f".//{XHTML}meta[@name='description']")
    assert description is not None and "brief" in (description.get("content") or "")
    headings = [text_of(h) for h in tree.iter(f"{XHTML}h2")]
    assert headings == ["The towns", "Growth at a glance", "Claims", "Sources"]
    ids = {e.get("id") for e in tree.iter()}
    for a in tree.iter(f"{XHTML}a"):
        href = a.get("href") or ""
        assert not href.startswith("#") or href[1:] in ids, href
    assert "<script" not in text and tree.find(f".//{SVG}svg") is not None


def test_a_filtered_brief_leaves_out_the_claims() -> None:
    text = brief("--province", "Flevoland")
    assert "## Claims" not in text and "This brief covers 2 selected towns." in text
    assert "| Almere |" in text and "| Zoetermeer |" not in text


def test_hostile_text_is_escaped_in_the_brief() -> None:
    text = brief("--format", "html", "--data", str(DATA / "growth.toml"))
    assert "<cijfers>" not in text and "Zonder &lt;cijfers&gt;" in text
    parse(text)


def test_docs_brief_html_is_current() -> None:
    """docs/brief.html is what `newtowns report --brief -o docs/brief.html` writes.

    Regenerate with: newtowns report --brief -o docs/brief.html --force
    """
    assert BRIEF_HTML.read_text("utf-8") == brief("--format", "html")


PDFINFO = shutil.which("pdfinfo")


@pytest.mark.slow
@pytest.mark.skipif(BROWSER is None, reason="no browser found: install the Debian chromium")
@pytest.mark.skipif(PDFINFO is None, reason="no pdfinfo: install the Debian poppler-utils")
def test_the_brief_prints_on_at_most_two_a4_pages(tmp_path: pathlib.Path) -> None:
    """Chromium prints the brief (A4, its own @page margins); pdfinfo counts the pages."""
    page = tmp_path / "brief.html"
    result = Runner()(["report", "--brief", "-o", str(page)])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "brief.pdf"
    printed = browser(
        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(), profile=tmp_path / "p"
    )
    assert printed.returncode == 0 and pdf.is_file(), printed.stderr[-2000:]
    assert PDFINFO is not None
    info = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE).group(1))  # type: ignore[union-attr]
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.MULTILINE)
    assert size is not None and (round(float(size[1])), round(float(size[2]))) == (595, 842)
    assert 1 <= pages <= 2, pages
