"""`newtowns report --format html`: one self-contained page, parsed as a browser would."""

from __future__ import annotations

import pathlib
import re
import xml.etree.ElementTree as ET

import html5lib
import pytest

from support import DATA, Runner

GROWTH = DATA / "growth.toml"
DOSSIER_HTML = pathlib.Path(__file__).parents[1] / "docs" / "dossier.html"
XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"


def page(*args: str) -> str:
    result = Runner()(["report", "--format", "html", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def parse(text: str) -> ET.Element:
    """The document as an HTML5 parser builds it; a parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    tree: ET.Element = parser.parse(text)
    return tree


def outer_svgs(text: str) -> list[str]:
    """Each outermost <svg>…</svg> of the page's source (nested ones stay inside)."""
    found, depth, start = [], 0, 0
    for match in re.finditer(r"<svg[\s>]|</svg>", text):
        if match.group().startswith("</"):
            depth -= 1
            if depth == 0:
                found.append(text[start : match.end()])
        else:
            if depth == 0:
                start = match.start()
            depth += 1
    return found


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def test_docs_dossier_html_is_current() -> None:
    """docs/dossier.html is what `newtowns report -o docs/dossier.html` writes.

    Regenerate with: newtowns report -o docs/dossier.html --force
    """
    assert DOSSIER_HTML.read_text("utf-8") == page()


def test_the_page_is_self_contained() -> None:
    """No script, no style sheet, font or image from anywhere; links only to the sources."""
    text = page()
    tree = parse(text)
    assert tree.find(f".//{XHTML}script") is None
    assert tree.find(f".//{XHTML}img") is None
    # One link element: an empty icon inline, so a browser asks no server for favicon.ico.
    links = [dict(link.attrib) for link in tree.iter(f"{XHTML}link")]
    assert links == [{"rel": "icon", "href": "data:,"}]
    for element in tree.iter():
        for name in ("src", "srcset", "data", "poster", "background"):
            assert name not in element.attrib, (element.tag, element.attrib)
        if "style" in element.attrib:
            assert "url(" not in element.attrib["style"]
    for style in tree.iter(f"{XHTML}style"):
        assert "@import" not in text_of(style) and "url(" not in text_of(style)
    sources = tree.find(f".//{XHTML}ol[@class='sources']")
    assert sources is not None
    allowed = {a.get("href") for a in sources.iter(f"{XHTML}a")}
    for anchor in tree.iter(f"{XHTML}a"):
        href = anchor.get("href", "")
        assert href.startswith("#") or href in allowed, href
    for href in allowed:
        assert href is not None and re.match(r"https?://", href)
    assert "http://www.w3.org/2000/svg" in text  # the SVG namespace, no request


def test_every_town_is_named_with_its_section_and_figure_links() -> None:
    text = page()
    tree = parse(text)
    ids = {e.get("id") for e in tree.iter() if e.get("id")}
    towns = Runner()(["list", "--fields", "id,name", "-f", "tsv"]).stdout.splitlines()[1:]
    assert len(towns) == 16
    for row in towns:
        id, name = row.split("\t")
        section = tree.find(f".//{XHTML}article[@id='town-{id}']")
        assert section is not None, id
        assert name in text_of(section)
    inner = [a.get("href", "") for a in tree.iter(f"{XHTML}a") if a.get("href", "")[:1] == "#"]
    assert {f"#town-{row.split(chr(9))[0]}" for row in towns} <= set(inner)
    for href in inner:
        assert href[1:] in ids, href
    cites = [a.get("href", "") for a in tree.iter(f"{XHTML}a") if a.get("class") == "cite"]
    assert cites
    for href in cites:
        assert href.startswith("#source-") and href[1:] in ids
    numbers = [int(i.removeprefix("source-")) for i in ids if i and i.startswith("source-")]
    assert sorted(numbers) == list(range(1, len(numbers) + 1))


def test_svgs_are_present_well_formed_and_titled() -> None:
    text = page()
    svgs = outer_svgs(text)
    assert len(svgs) == 2 + 16 + 16  # map, legend, a small multiple and a mini chart per town
    tree = parse(text)
    drawn = tree.findall(f".//{SVG}svg")
    outer = [s for s in drawn if s.get("role") == "img"]
    assert len(outer) == len(svgs)
    for svg in outer:
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None and text_of(title).strip()
        assert desc is not None and text_of(desc).strip()
    for chunk in svgs:
        ET.fromstring(chunk)  # well-formed XML on its own
    assert tree.find(f".//{SVG}svg[@aria-labelledby='map-svg-title map-svg-desc']") is not None
    for n in range(1, 17):
        labels = f"multiple-{n}-title multiple-{n}-desc"
        assert tree.find(f".//{SVG}svg[@aria-labelledby='{labels}']") is not None


def test_the_growth_charts_share_one_scale() -> None:
    """Small multiples: every panel has the same ticks, so panels compare at a glance."""
    svgs = [s for s in outer_svgs(page()) if 'aria-labelledby="multiple-' in s]
    assert len(svgs) == 16
    ticks = {
        tuple(t.text or "" for t in list(ET.fromstring(s).iter(f"{SVG}text"))[1:]) for s in svgs
    }
    assert len(ticks) == 1, ticks


def test_every_id_in_the_page_is_unique() -> None:
    """aria-labelledby and the contents' links need one element per id (the map's SVG
    title shared "map-title" with the section heading)."""
    tree = parse(page())
    ids = [element.get("id") for element in tree.iter() if element.get("id")]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_tables_have_scoped_headers() -> None:
    tree = parse(page())
    tables = list(tree.iter(f"{XHTML}table"))
    assert tables
    for table in tables:
        heads = table.findall(f".//{XHTML}th")
        assert heads and all(th.get("scope") in ("col", "row") for th in heads)
        assert table.find(f"{XHTML}caption") is not None


def test_hostile_strings_are_escaped() -> None:
    """Markup in names, titles and addresses is text on the page, never markup."""
    text = page("--data", str(GROWTH))
    tree = parse(text)
    assert tree.find(f".//{XHTML}script") is None
    assert tree.find(f".//{XHTML}b") is None
    assert "Census </title><script>alert(1)</script>" in "".join(tree.itertext())
    assert "&lt;script&gt;" in text and "<script>" not in text
    # The templates escape quotes too (Jinja2's autoescape); the SVG's text nodes need not.
    assert '<h3 id="town-zonder-name">Zonder &lt;cijfers&gt; &amp; &#34;co&#34;</h3>' in text
    assert "<cijfers>" not in text and '& "co"' not in text
    name = 'Zonder <cijfers> & "co"'
    shown = [t for t in tree.itertext() if "Zonder <" in t]
    assert len(shown) >= 3 and all(name in t for t in shown), shown
    title = tree.find(f".//{XHTML}title")
    assert title is not None and text_of(title) == 'Growth <fixture> & "friends"'
    hrefs = [a.get("href") for a in tree.iter(f"{XHTML}a")]
    assert "https://example.org/p?q=x&z=1" in hrefs  # quotes and <> are refused by validate
    assert 'href="https://example.org/p?q=x&amp;z=1"' in text
    svgs = outer_svgs(text)
    assert len(svgs) == 2 + 4 + 4  # map, legend, a multiple and a mini chart per town with figures
    for chunk in svgs:
        ET.fromstring(chunk)
    assert any("Zonder &lt;cijfers&gt;" in chunk for chunk in svgs)  # its map label


def test_the_growth_figures_link_to_their_sources() -> None:
    tree = parse(page("--data", str(GROWTH)))
    growth = next(
        t
        for t in tree.iter(f"{XHTML}table")
        if text_of(t.find(f"{XHTML}caption")).startswith("Growth")
    )
    rows = {text_of(r[0]): r for r in growth.iter(f"{XHTML}tr") if r[0].tag == f"{XHTML}th"}
    samen = rows["Samengevoegd"]
    assert text_of(samen[1]).startswith("5,000 (1960)")
    assert len(samen[1].findall(f"{XHTML}a")) == 2  # census and paper: both predecessors
    assert text_of(samen[2]).startswith("25,000 (1980)")
    assert text_of(samen[4]) == "×2.40" and text_of(samen[5]) == "2.21"
    assert text_of(samen[6]) == "×12.00 (1960)"
    assert "no municipal figures" in text_of(rows['Zonder <cijfers> & "co"'])


def test_filters_select_the_towns() -> None:
    text = page("--province", "Utrecht", "--data", str(GROWTH))
    assert "This dossier covers 2 selected towns." in text
    assert "town-laatkomer" in text and "town-groeistad" not in text


def test_output_file_by_extension(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "dossier.html"
    result = Runner()(["report", "-o", str(target), "--data", str(GROWTH)])
    assert result.exit_code == 0
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    md = tmp_path / "dossier.md"
    assert Runner()(["report", "-o", str(md), "--data", str(GROWTH)]).exit_code == 0
    assert md.read_text("utf-8").startswith("# Growth")
    for name in ("dossier.htm", "dossier.pdf"):
        bad = Runner()(["report", "-o", str(tmp_path / name)])
        assert bad.exit_code == 2 and not (tmp_path / name).exists()
        assert ".html" in bad.stderr


def test_html_is_known_for_report_only(tmp_path: pathlib.Path) -> None:
    for command in (["list"], ["export"], ["schema"], ["growth"]):
        result = Runner()([*command, "-o", str(tmp_path / "x.html")])
        assert result.exit_code == 2, command


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_format_flag_decides(fmt: str, tmp_path: pathlib.Path) -> None:
    """--format names the format; with it, -o takes any name (as export's does)."""
    text = Runner()(["report", "-f", fmt, "--data", str(GROWTH)]).stdout
    assert text.startswith("<!DOCTYPE html>") is (fmt == "html")
    target = tmp_path / "dossier.txt"
    result = Runner()(["report", "-f", fmt, "--data", str(GROWTH), "-o", str(target)])
    assert result.exit_code == 0
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>") is (fmt == "html")


def test_a_town_s_undated_mentions_are_one_row_citing_every_source() -> None:
    """The Designations table: the sources that only call a town designated, without a date
    or an act, share one 'mention' row per town, citing each of them."""
    tree = parse(page())
    table = next(
        t
        for t in tree.iter(f"{XHTML}table")
        if text_of(t.find(f"{XHTML}caption")).startswith("What each source says")
    )
    rows = [[text_of(c).strip() for c in tr] for tr in table.iter(f"{XHTML}tr")][1:]
    mentions = [row for row in rows if row[2] == "mention" and not row[1]]
    towns = [row[0] for row in mentions]
    assert len(towns) == len(set(towns)) and mentions
    many = [row for row in mentions if row[4].count("[") > 1]
    assert many, "no town has two mentions"
