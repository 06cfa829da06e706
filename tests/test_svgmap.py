"""The SVG map: well-formed, titled, projected exactly, labels apart, hostile text kept as text."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newtowns_cli.render.html import geometry, svgmap
from newtowns_cli.render.html.grid import CAP, Grid
from newtowns_cli.render.html.svgtext import Box, text_width

NS = {"svg": "http://www.w3.org/2000/svg"}
P, C = svgmap.Place, svgmap.City
# The towns of the bundled data at their sourced coordinates, and the cities they relieve.
PLACES = [
    P("Zoetermeer", 52.067, 4.483, "Den Haag"),
    P("Almere", 52.37, 5.21, "Amsterdam"),
    P("Lelystad", 52.518, 5.471, "Amsterdam"),
    P("Purmerend", 52.505, 4.964, "Amsterdam"),
    P("Hoorn", 52.65, 5.067, "Amsterdam"),
    P("Alkmaar", 52.633, 4.75, "Amsterdam"),
    P("Haarlemmermeer", 52.3, 4.7, "Amsterdam"),
    P("Spijkenisse", 51.833, 4.3, "Rotterdam"),
    P("Hellevoetsluis", 51.833, 4.133, "Rotterdam"),
    P("Capelle aan den IJssel", 51.933, 4.583, "Rotterdam"),
    P("Nieuwegein", 52.033, 5.083, "Utrecht"),
    P("Houten", 52.033, 5.167, "Utrecht"),
    P("Helmond", 51.483, 5.65, "Eindhoven"),
    P("Duiven", 51.95, 6.017, "Arnhem"),
    P("Westervoort", 51.95, 5.967, None),
]
CITIES = [
    C("Amsterdam", 52.373, 4.893),
    C("Rotterdam", 51.92, 4.48),
    C("Den Haag", 52.08, 4.31),
    C("Utrecht", 52.09, 5.12),
    C("Eindhoven", 51.44, 5.48),
    C("Arnhem", 51.98, 5.91),
]
BUNDLED = geometry.load()
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(\"x\")</script> & \x1b[31m ]]> 'q'"


@pytest.fixture(scope="module")
def bundled() -> geometry.MapGeometry:
    return geometry.load()


@pytest.fixture(scope="module")
def tree(bundled: geometry.MapGeometry) -> ET.Element:
    return ET.fromstring(svgmap.render(bundled, PLACES, CITIES, title="New Towns"))


def test_projection_of_known_points() -> None:
    """x = (lon − west)·cos 52°·scale + pad, y = (north − lat)·scale + pad, by hand."""
    project = svgmap.Projection(west=4.0, north=53.0, scale=100.0)
    assert project(4.0, 53.0) == (12.0, 12.0)
    x, y = project(5.0, 52.0)
    assert x == pytest.approx(12 + 61.5661475, abs=1e-6)  # cos 52° = 0.6156614753
    assert y == pytest.approx(112.0)
    x, y = project(3.5, 53.25)
    assert (x, y) == (pytest.approx(12 - 30.78307376, abs=1e-6), pytest.approx(-13.0))


def test_fit_puts_the_bounds_in_the_width() -> None:
    """Two degrees of longitude across 2·cos 52°·100 + 2 pads gives 100 units a degree."""
    fitted = svgmap.Projection.fit(
        (4.0, 50.0, 6.0, 54.0), 24 + 2 * math.cos(math.radians(52)) * 100
    )
    assert fitted.scale == pytest.approx(100.0)
    assert (fitted.west, fitted.north) == (4.0, 54.0)
    assert fitted(6.0, 50.0) == (pytest.approx(24 + 2 * 61.56614753 - 12), pytest.approx(412.0))


def test_the_map_is_well_formed_with_title_and_text_alternative(tree: ET.Element) -> None:
    """An <svg role=img> labelled by its <title> and <desc>; the desc names every place."""
    assert tree.tag == "{http://www.w3.org/2000/svg}svg"
    assert tree.get("role") == "img"
    assert tree.get("aria-labelledby") == "map-title map-desc"
    assert tree.find("svg:title", NS).text == "New Towns"
    desc = tree.find("svg:desc", NS).text
    assert desc.startswith(
        "Map of the Netherlands with its twelve provinces and lakes (Lauwersmeer, IJsselmeer en Markermeer). 15 places: Alkmaar (relieves Amsterdam); Almere (relieves Amsterdam); "
    )
    assert "; Westervoort (relieved city not given); Zoetermeer (relieves Den Haag). " in desc
    assert desc.endswith(
        "Relieved cities, marked with a star: Amsterdam, Arnhem, Den Haag, Eindhoven, Rotterdam, Utrecht."
    )


def test_one_path_per_feature_even_odd_with_its_name(
    tree: ET.Element, bundled: geometry.MapGeometry
) -> None:
    """16 features: 2 neighbours, 12 provinces, 2 lakes, each a titled evenodd path."""
    paths = tree.findall(".//svg:path", NS)
    assert len(paths) == len(bundled.features) == 16
    assert [p.find("svg:title", NS).text for p in paths] == [f.name for f in bundled.features]
    assert {p.get("fill-rule") for p in paths} == {"evenodd"}
    fills = {p.find("svg:title", NS).text: p.get("fill") for p in paths}
    assert fills["IJsselmeer en Markermeer"] == svgmap.LAKE
    assert fills["Flevoland"] == svgmap.LAND != svgmap.LAKE
    assert fills["Germany"] == svgmap.NEIGHBOUR
    # Flevoland is a hole in the IJsselmeer polygon: two subpaths.
    lake = next(p for p in paths if p.find("svg:title", NS).text == "IJsselmeer en Markermeer")
    assert lake.get("d").count("M") == 2


def test_every_place_and_city_is_marked_and_labelled(tree: ET.Element) -> None:
    """A titled marker per place, a star per city, and a text label for each."""
    titles = [
        g.find("svg:title", NS).text
        for g in tree.iter("{http://www.w3.org/2000/svg}g")
        if g.find("svg:title", NS) is not None
    ]
    assert "Almere (relieves Amsterdam)" in titles
    assert "Westervoort (relieved city not given)" in titles
    assert "Utrecht (relieved city)" in titles
    assert len(titles) == len(PLACES) + len(CITIES)
    labels = _labels(tree)
    assert sorted(label[0] for label in labels) == sorted(
        [p.name for p in PLACES] + [c.name for c in CITIES]
    )
    bold = sorted(label[0] for label in labels if label[4])
    assert bold == sorted(c.name for c in CITIES)


def test_colour_is_never_the_only_carrier(tree: ET.Element) -> None:
    """Each group has its own shape as well as its own colour, and a legend row in words."""
    style = svgmap.styles(["Amsterdam", "Arnhem", "Den Haag", "Eindhoven", "Rotterdam", "Utrecht"])
    assert len({shape for _, shape in style.values()}) == 6
    assert len({colour for colour, _ in style.values()}) == 6
    texts = [t.text for t in tree.iter("{http://www.w3.org/2000/svg}text")]
    for row in [
        "relieves Amsterdam",
        "relieves Utrecht",
        "relieved city",
        "relieved city not given",
        "lake",
        "province",
    ]:
        assert row in texts
    assert "Lauwersmeer" not in texts and "IJsselmeer en Markermeer" not in texts


def test_each_province_is_named_inside_its_outline(
    tree: ET.Element, bundled: geometry.MapGeometry
) -> None:
    """At the dossier's width the twelve names, once each, at a point computed from the
    outline (its centroid), which lies inside the province, or nudged and still inside."""
    svg = svgmap.render(bundled, PLACES, CITIES, width=560, legend=False)
    project = svgmap.Projection.fit(svgmap.bounds(bundled.layer("province")), 560)
    shown = {
        t.text: (float(t.get("x")), float(t.get("y")))
        for t in ET.fromstring(svg).iter(f"{SVG}text")
        if t.get("font-style") == "italic"
    }
    provinces = bundled.layer("province")
    assert sorted(shown) == sorted(p.name for p in provinces)
    for province in provinces:
        assert province.contains(*province.centroid()), province.name
        assert province.contains(*project.invert(*shown[province.name])), province.name


def test_on_a_small_map_a_name_without_room_is_left_out(bundled: geometry.MapGeometry) -> None:
    """At the brief's width a province's name never covers a town's label: where there is
    no room inside its province, it is left out."""
    tree = ET.fromstring(svgmap.render(bundled, PLACES, CITIES, width=330, legend=False))
    names = [t for t in tree.iter(f"{SVG}text") if t.get("font-style") == "italic"]
    assert 6 <= len(names) < 12
    boxes = []
    for t in tree.iter(f"{SVG}text"):
        bold = t.get("font-weight") == "bold"
        size = float(t.get("font-size") or 11)
        width = text_width(t.text or "", size, bold=bold)
        x, y = float(t.get("x")), float(t.get("y"))
        left = {"start": x, "end": x - width, "middle": x - width / 2}[t.get("text-anchor")]
        boxes.append((t, Box(left, y - size * 0.8, left + width, y + size * 0.25)))
    for name, box in ((t, b) for t, b in boxes if t in names):
        for other, second in boxes:
            assert other is name or not box.overlaps(second), (name.text, other.text)


def test_the_legend_says_what_a_pin_means() -> None:
    """A moved marker's pin is explained in the legend, and only when a marker moved."""
    apart = [P("Een", 52.0, 5.0, "Utrecht"), P("Twee", 53.0, 6.0, "Utrecht")]
    together = [P("Een", 52.0, 5.0, "Utrecht"), P("Twee", 52.0, 5.0, "Utrecht")]
    row = "marker moved aside; the dot is the place"
    for places, shown in ((apart, False), (together, True)):
        texts = [t.text for t in ET.fromstring(svgmap.render(BUNDLED, places)).iter(f"{SVG}text")]
        assert (row in texts) is shown
        key = ET.fromstring(svgmap.key(BUNDLED, places, ident="k"))
        assert (row in [t.text for t in key.iter(f"{SVG}text")]) is shown


def test_labels_do_not_overlap_each_other_or_markers(
    tree: ET.Element, bundled: geometry.MapGeometry
) -> None:
    """On the real towns (Duiven and Westervoort lie 3 km apart) no two label boxes meet."""
    labels = _labels(tree)
    project = svgmap.Projection.fit(svgmap.bounds(bundled.layer("province")), 520.0)
    points = [project(p.lon, p.lat) for p in [*CITIES, *PLACES]]
    markers = [Box.around(x, y, 4.5) for x, y in svgmap.spread(points, Box(0, 0, 9e9, 9e9))]
    boxes = []
    for name, x, y, anchor, bold in labels:
        size = float(11 * 1.05 if bold else 11)
        width = text_width(name, size, bold=bold)
        left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
        boxes.append((name, Box(left, y - size * 0.8, left + width, y + size * 0.25)))
    for i, (a, first) in enumerate(boxes):
        for b, second in boxes[i + 1 :]:
            assert not first.overlaps(second), (a, b)
        assert not [m for m in markers if m.overlaps(first)], a


def test_markers_that_would_cover_each_other_are_moved_apart_with_a_pin() -> None:
    """Two places on one point, a third just beside: each drawn clear of the others; a moved
    one has a line back to its true point and a dot there. Apart, nothing moves."""
    frame = Box(0, 0, 500, 500)
    points = [(100.0, 100.0), (100.0, 100.0), (103.0, 101.0), (300.0, 300.0)]
    spots = svgmap.spread(points, frame)
    assert spots[0] == points[0] and spots[3] == points[3]
    for i, a in enumerate(spots):
        for b in spots[i + 1 :]:
            assert math.dist(a, b) >= 2 * svgmap.MARKER, (a, b)
    assert all(math.dist(p, s) <= 4.8 * svgmap.MARKER for p, s in zip(points, spots, strict=True))
    places = [P("Een", 52.0, 5.0, "Utrecht"), P("Twee", 52.0, 5.0, "Utrecht")]
    tree = ET.fromstring(svgmap.render(BUNDLED, places, [], title="t"))
    lines = [
        g.find("svg:line", NS)
        for g in tree.iter("{http://www.w3.org/2000/svg}g")
        if g.get("transform") is None  # not the legend's rows
    ]
    pins = [line for line in lines if line is not None]
    assert len(pins) == 1
    assert pins[0].get("x1") != pins[0].get("x2") or pins[0].get("y1") != pins[0].get("y2")
    assert svgmap.spread([(10.0, 10.0), (400.0, 10.0)], frame) == [(10.0, 10.0), (400.0, 10.0)]


def test_hostile_text_stays_text(bundled: geometry.MapGeometry) -> None:
    """Markup in names is escaped; control characters are shown as escapes."""
    svg = svgmap.render(
        bundled,
        [P(HOSTILE, 52.0, 5.0, HOSTILE)],
        [C(HOSTILE, 52.5, 6.0)],
        title=HOSTILE,
        ident='m"x',
    )
    tree = ET.fromstring(svg)
    assert tree.find("svg:title", NS).text == HOSTILE.replace("\x1b", "\\x1b")
    assert not [e for e in tree.iter() if "script" in e.tag]
    shown = HOSTILE.replace("\x1b", "\\x1b")
    texts = [t.text for t in tree.iter("{http://www.w3.org/2000/svg}text")]
    assert texts.count(shown) == 2  # the place's label and the city's
    assert f"relieves {shown}" in texts
    assert "\x1b" not in svg
    assert tree.get("aria-labelledby") == 'm"x-title m"x-desc'


def test_no_places_still_draws_the_country(bundled: geometry.MapGeometry) -> None:
    """An empty selection gives the map and a legend without groups."""
    tree = ET.fromstring(svgmap.render(bundled, []))
    assert len(tree.findall(".//svg:path", NS)) == 16
    assert (
        tree.find("svg:desc", NS).text
        == "Map of the Netherlands with its twelve provinces and lakes (Lauwersmeer, IJsselmeer en Markermeer)."
    )


def test_the_same_input_gives_the_same_bytes(bundled: geometry.MapGeometry) -> None:
    """Deterministic: the order of the places given does not matter."""
    assert svgmap.render(bundled, PLACES, CITIES) == svgmap.render(
        bundled, PLACES[::-1], CITIES[::-1]
    )


def _labels(tree: ET.Element) -> list[tuple[str, float, float, str, bool]]:
    """Every map label: text, x, y, anchor, bold (the legend's texts have no text-anchor)."""
    return [
        (
            t.text,
            float(t.get("x")),
            float(t.get("y")),
            t.get("text-anchor"),
            t.get("font-weight") == "bold",
        )
        for t in tree.iter("{http://www.w3.org/2000/svg}text")
        if t.get("font-style") != "italic"  # the provinces' names
        if t.get("text-anchor") is not None
    ]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30))
def test_any_name_gives_a_well_formed_map(name: str, group: str) -> None:
    """Whatever the text (controls, U+FFFF, markup), the SVG parses; printable text is kept."""
    svg = svgmap.render(
        BUNDLED, [P(name, 52.0, 5.0, group or None)], [C(name, 52.3, 5.5)], title=name
    )
    tree = ET.fromstring(svg)
    if name.isprintable() and "\ufffe" not in name and "\uffff" not in name:
        assert (tree.find("svg:title", NS).text or "") == name
        labels = [t.text or "" for t in tree.iter("{http://www.w3.org/2000/svg}text")]
        assert labels.count(name) >= 2


def test_a_place_outside_the_map_does_not_break_it(bundled: geometry.MapGeometry) -> None:
    """A wrong coordinate (0, 0) is named in the description and leaves a well-formed map."""
    tree = ET.fromstring(svgmap.render(bundled, [P("Nergens", 0.0, 0.0, "X")]))
    assert "Nergens (relieves X)" in tree.find("svg:desc", NS).text


boxes = st.builds(
    lambda x, y, w, h: Box(x, y, x + w, y + h),
    st.floats(-100, 600), st.floats(-100, 600), st.floats(0, 200), st.floats(0, 40),
)  # fmt: skip


@settings(max_examples=200)
@given(st.lists(boxes, max_size=40), boxes)
def test_the_grid_answers_as_the_list_of_every_box(placed: list[Box], box: Box) -> None:
    """Below a cell's cap, whether a box overlaps one placed is exactly what testing it
    against every box placed says (the map's labels and markers land where they did)."""
    taken = Grid()
    for other in placed:
        taken.add(other)
    assert taken.overlaps(box) == any(box.overlaps(other) for other in placed)


def test_a_full_cell_takes_no_more_and_counts_as_taken() -> None:
    """Markers piled on one spot fill its cells: anything touching them counts as covered,
    so a crowded map stops searching, and a cell never holds more than its cap."""
    taken = Grid()
    for _ in range(CAP + 10):
        taken.add(Box(1, 1, 2, 2))
    assert max(len(cell) for cell in taken.cells.values()) == CAP
    assert taken.overlaps(Box(20, 20, 21, 21))  # in the full cell, clear of every box
    assert not taken.overlaps(Box(30, 30, 31, 31))  # the next cell
    spots = svgmap.spread([(100.0, 100.0)] * 2000, Box(0, 0, 500, 500))
    # The point and eight spots around it clear of each other; every later one stays put.
    assert len(set(spots)) == 9 and spots[9:] == [(100.0, 100.0)] * 1991


def test_a_crowded_map_writes_no_label_over_another() -> None:
    """Five hundred places in a few square kilometres: each label goes where it fits, and
    one that fits nowhere is left out rather than written over another label's letters
    (every place is still named by its marker's title and the map's description)."""
    places = [P(f"Place {n}", 52.0 + (n % 25) * 0.004, 5.0 + (n // 25) * 0.006) for n in range(500)]
    tree = ET.fromstring(svgmap.render(BUNDLED, places, width=520.0))
    labels = _labels(tree)
    assert 0 < len(labels) < len(places)
    cores = []
    for name, x, y, anchor, _ in labels:
        width = text_width(name, 11.0)
        left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
        cores.append((name, Box(left, y - 11 * 0.7, left + width, y)))
    for i, (a, first) in enumerate(cores):
        for b, second in cores[i + 1 :]:
            assert not first.overlaps(second), (a, b)
    named = {(t.text or "").rsplit(" (", 1)[0] for t in tree.iter(f"{SVG}title")}
    assert {p.name for p in places} <= named
