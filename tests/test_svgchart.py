"""SVG line charts: well-formed, titled, scaled exactly, gaps kept, labels at line ends."""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.questions.growth import Figure
from newtowns_cli.render import lines
from newtowns_cli.render.html import svgchart
from newtowns_cli.render.html.svgchart import Scale
from newtowns_cli.render.lines import Line

SVG = "{http://www.w3.org/2000/svg}"
NS = {"svg": SVG[1:-1]}
NIEUWEGEIN = Line(
    "Nieuwegein",
    ((1960, 8000), (1965, 12000), (1970, 18000), None, (1980, 45000), (2000, 61000), (2020, 72000)),
)
ALMERE = Line("Almere", ((1976, 100), (1990, 37024), (2020, 211514)))
HOSTILE = '<script>alert("x")</script> & \x1b[31m'


def test_a_line_from_growth_figures_breaks_where_the_counted_unit_changes() -> None:
    """Summed predecessors, then the merged place: a gap between; dates as fractional years."""
    figures = [
        Figure(PartialDate(1980), 45000),
        Figure(PartialDate(1960), 8000, label="Jutphaas + Vreeswijk"),
        Figure(PartialDate(1970), 18000, label="Jutphaas + Vreeswijk"),
        Figure(PartialDate(2000, 7), 61000),
    ]
    assert lines.from_figures("Nieuwegein", figures) == Line(
        "Nieuwegein",
        ((1960.0, 8000.0), (1970.0, 18000.0), None, (1980.0, 45000.0), (2000 + 182 / 366, 61000.0)),
    )


def test_scales_map_values_to_pixels() -> None:
    """Linear: 0..100 onto 300..100 puts 25 at 250. Log: 10..1000 puts 100 halfway."""
    assert Scale(0, 100, 300, 100)(25) == 250.0
    assert Scale(10, 1000, 0, 200, log=True)(100) == pytest.approx(100.0)
    assert Scale(10, 1000, 0, 200, log=True)(10) == 0.0


def test_ticks_are_round_numbers() -> None:
    """Steps of 1, 2, 2.5 or 5 × 10^k; log ticks at 1-2-5 over up to three decades."""
    assert lines.nice_step(72000, 6) == 20000
    assert lines.linear_ticks(0, 72000, 6) == [0, 20000, 40000, 60000, 80000]
    assert lines.linear_ticks(1960, 2020, 7) == [1960, 1970, 1980, 1990, 2000, 2010, 2020]
    assert lines.linear_ticks(0, 211514, 6) == [0, 50000, 100000, 150000, 200000, 250000]
    assert lines.log_ticks(8000, 72000) == [5000, 10000, 20000, 50000, 100000]
    assert lines.log_ticks(100, 100) == [100, 200]
    assert lines.log_ticks(100, 211514) == [100, 1000, 10000, 100000, 1000000]
    assert lines.number(250000) == "250,000"
    assert lines.number(2.5) == "2.5"


def _circles(tree: ET.Element) -> list[tuple[float, float, str]]:
    return [
        (float(c.get("cx")), float(c.get("cy")), c.find("svg:title", NS).text)
        for c in tree.iter(SVG + "circle")
    ]


def test_a_chart_of_several_places() -> None:
    """Title, text alternative, a titled dot per figure, a name at each line's end."""
    tree = ET.fromstring(svgchart.render([NIEUWEGEIN, ALMERE], title="Growth", ident="g"))
    assert tree.get("aria-labelledby") == "g-title g-desc"
    assert tree.find("svg:title", NS).text == "Growth"
    assert tree.find("svg:desc", NS).text == (
        "Line chart of inhabitants by year (linear scale), 1960–2020. "
        "Nieuwegein: 8,000 in 1960 to 72,000 in 2020 (6 figures, 1 gap). "
        "Almere: 100 in 1976 to 211,514 in 2020 (3 figures)."
    )
    titles = [t for _, _, t in _circles(tree)]
    assert titles == [
        "Nieuwegein, 1960: 8,000",
        "Nieuwegein, 1965: 12,000",
        "Nieuwegein, 1970: 18,000",
        "Nieuwegein, 1980: 45,000",
        "Nieuwegein, 2000: 61,000",
        "Nieuwegein, 2020: 72,000",
        "Almere, 1976: 100",
        "Almere, 1990: 37,024",
        "Almere, 2020: 211,514",
    ]
    texts = [t.text for t in tree.iter(SVG + "text")]
    assert texts[-2:] == ["Almere", "Nieuwegein"]  # end labels, top to bottom
    yticks = [t.text for t in tree.iter(SVG + "text") if t.get("text-anchor") == "end"]
    assert yticks == ["0", "50,000", "100,000", "150,000", "200,000", "250,000"]
    assert "inhabitants" in texts
    assert "year" in texts


def test_points_are_placed_on_the_scales() -> None:
    """The 1960 figure sits on the y axis' x; 0 would sit on the x axis; 2020 at the right end."""
    tree = ET.fromstring(svgchart.render([NIEUWEGEIN], title="N"))
    dots = _circles(tree)
    axis_x, axis_y = _axis_origin(tree)
    assert dots[0][0] == pytest.approx(axis_x, abs=0.05)
    # y: 0..80000 onto axis_y..top; 8000 is a tenth of the way up, 72000 nine tenths.
    top = min(float(line.get("y1")) for line in tree.iter(SVG + "line"))
    assert dots[0][1] == pytest.approx(axis_y - (axis_y - top) * 0.1, abs=0.06)
    assert dots[-1][1] == pytest.approx(axis_y - (axis_y - top) * 0.9, abs=0.06)
    # x: 1960..2020; 1980 is a third of the way.
    right = max(
        float(line.get("x2")) for line in tree.iter(SVG + "line") if line.get("stroke") == "#dddddd"
    )
    assert dots[3][0] == pytest.approx(axis_x + (right - axis_x) / 3, abs=0.06)


def test_a_gap_breaks_the_line_and_nothing_is_invented() -> None:
    """Two subpaths (1960–1970 and 1980–2020), exactly the six figures, no point across."""
    tree = ET.fromstring(svgchart.render([NIEUWEGEIN], title="N"))
    (path,) = tree.iter(SVG + "path")
    d = path.get("d")
    assert d.count("M") == 2
    assert d.count("L") == 4  # M1960 L1965 L1970, then M1980 L2000 L2020
    assert len(_circles(tree)) == 6


def test_log_scale() -> None:
    """Ticks at powers of ten; a 0 cannot be drawn on a log axis and is left out."""
    line = Line("Lelystad", ((1967, 0), (1970, 100), (1980, 10000), (2020, 1000000)))
    tree = ET.fromstring(svgchart.render([line], title="L", log=True))
    texts = [t.text for t in tree.iter(SVG + "text")]
    assert "inhabitants (log scale)" in texts
    assert [t for t in texts if t in {"100", "1,000", "10,000", "100,000", "1,000,000"}] == [
        "100",
        "1,000",
        "10,000",
        "100,000",
        "1,000,000",
    ]
    dots = _circles(tree)
    assert len(dots) == 3
    # Equal steps: 100 → 10,000 → 1,000,000 are two decades apart each.
    assert dots[0][1] - dots[1][1] == pytest.approx(dots[1][1] - dots[2][1], abs=0.1)


def test_end_labels_never_overlap() -> None:
    """Lines ending at nearly the same value get names at least a line apart."""
    close = [Line(f"Town {i}", ((2000, 1000), (2020, 50000 + i * 10))) for i in range(5)]
    tree = ET.fromstring(svgchart.render(close, title="Close"))
    ys = sorted(
        float(t.get("y")) for t in tree.iter(SVG + "text") if (t.text or "").startswith("Town")
    )
    assert len(ys) == 5
    assert all(b - a >= svgchart.FONT + 1 - 1e-9 for a, b in itertools.pairwise(ys))


def test_a_mini_chart_of_one_place() -> None:
    """First and last year, lowest and highest value, no end label: the title names it."""
    tree = ET.fromstring(svgchart.mini(NIEUWEGEIN, title="Nieuwegein", ident="n"))
    assert tree.find("svg:title", NS).text == "Nieuwegein"
    texts = [t.text for t in tree.iter(SVG + "text")]
    assert texts == ["Nieuwegein", "1960", "2020", "8,000", "72,000"]
    assert tree.get("width") == "260"


def test_hostile_text_stays_text() -> None:
    """Markup and control characters in a name or title arrive as literal text."""
    svg = svgchart.render([Line(HOSTILE, ((2000, 1), (2001, 2)))], title=HOSTILE)
    tree = ET.fromstring(svg)
    shown = HOSTILE.replace("\x1b", "\\x1b")
    assert tree.find("svg:title", NS).text == shown
    assert [t.text for t in tree.iter(SVG + "text")][-1] == shown
    assert not [e for e in tree.iter() if "script" in e.tag]
    assert "\x1b" not in svg


def test_no_figures() -> None:
    """An empty chart says so instead of drawing axes over nothing."""
    tree = ET.fromstring(svgchart.render([Line("X", ())], title="Empty"))
    assert tree.find("svg:desc", NS).text == "A chart with no figures."
    assert [t.text for t in tree.iter(SVG + "text")] == ["Empty", "no figures"]


def test_one_figure_draws_a_dot() -> None:
    """A single figure has no line but is still marked."""
    tree = ET.fromstring(svgchart.mini(Line("Hoorn", ((2023, 75230),)), title="Hoorn"))
    assert len(_circles(tree)) == 1
    assert not list(tree.iter(SVG + "path"))
    assert math.isfinite(_circles(tree)[0][0])


def _axis_origin(tree: ET.Element) -> tuple[float, float]:
    first = next(tree.iter(SVG + "line"))
    return float(first.get("x1")), float(first.get("y1"))


@given(st.text(max_size=30), st.text(max_size=30))
def test_any_name_gives_a_well_formed_chart(name: str, title: str) -> None:
    """Whatever the text (controls, U+FFFF, markup), the SVG parses; printable text is kept."""
    svg = svgchart.render([Line(name, ((2000, 1), (2001, 2)))], title=title)
    tree = ET.fromstring(svg)
    if title.isprintable() and "\ufffe" not in title and "\uffff" not in title:
        assert (tree.find("svg:title", NS).text or "") == title
    if name.isprintable() and "\ufffe" not in name and "\uffff" not in name:
        assert ([t.text or "" for t in tree.iter(SVG + "text")][-1]) == name


def test_the_description_gives_each_figure_its_calendar_year() -> None:
    """A figure of 31 December 2010 lies at 2010.997 on the axis; the words say 2010."""
    line = lines.from_figures(
        "Helmond",
        [Figure(PartialDate(2010, 12, 31), 88598), Figure(PartialDate(2024, 1, 1), 95884)],
    )
    tree = ET.fromstring(svgchart.render([line], title="Helmond"))
    assert tree.find("svg:desc", NS).text.endswith(
        "Helmond: 88,598 in 2010 to 95,884 in 2024 (2 figures)."
    )
    points = [c.find("svg:title", NS).text for c in tree.iter(SVG + "circle")]
    assert points == ["Helmond, 2010: 88,598", "Helmond, 2024: 95,884"]
