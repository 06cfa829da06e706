"""Terminal growth charts (plotext): exact text, no colour unless asked, within the width."""

from __future__ import annotations

import pytest

from newtowns_cli.render.lines import Line
from newtowns_cli.render.terminal import termchart
from newtowns_cli.render.text import display_width

LELYSTAD = Line("Lelystad", ((1970, 5000), (1980, 50000), (2020, 80000)))
NIEUWEGEIN = Line(
    "Nieuwegein (Jutphaas + Vreeswijk)",
    ((1960, 8000), (1965, 12000), (1970, 18000), None, (1980, 45000), (2000, 61000), (2020, 72000)),
)
ALMERE = Line("Almere", ((1976, 100), (1985, 17240), (1990, 37024), (2000, 83934), (2023, 220000)))
PURMEREND = Line("Purmerend", ((1950, 7000), (1959, 10000), (2020, 81000)))
MANY = [
    NIEUWEGEIN,
    ALMERE,
    PURMEREND,
    Line("Houten", ((1970, 5000), (2020, 50000))),
    Line("Helmond", ((1960, 40000), (2020, 92000))),
    Line("Hoorn", ((2023, 75230),)),
    Line("Westervoort", ()),
]


def test_one_place_exactly() -> None:
    """The whole chart, character for character: letter-drawn line, round ticks, key, note."""
    assert termchart.together([LELYSTAD], width=40, height=10) == (
        "   ┌───────────────────────────────────┐\n"
        "80k┤                             AAAAAA│\n"
        "   │                 AAAAAAAAAAAA      │\n"
        "60k┤       AAAAAAAAAA                  │\n"
        "40k┤     AA                            │\n"
        "20k┤   AA                              │\n"
        "   │ AA                                │\n"
        "  0┤A                                  │\n"
        "   └───────┬────────────┬─────────────┬┘\n"
        "          1980         2000        2020\n"
        "A Lelystad\n"
        "Linear scale from 0.\n"
    )


def test_compact_tick_labels() -> None:
    """950, 2.5k, 20k, 212k, 1M, 1.5M."""
    assert [termchart.compact(v) for v in (0, 950, 2500, 20000, 212000, 1e6, 1.5e6)] == [
        "0",
        "950",
        "2.5k",
        "20k",
        "212k",
        "1M",
        "1.5M",
    ]


@pytest.mark.parametrize(
    ("width", "years"),
    [
        (80, ["1960", "1980", "2000", "2020"]),
        (120, ["1950", "1960", "1970", "1980", "1990", "2000", "2010", "2020"]),
    ],
)
def test_a_few_places_share_one_chart_told_apart_by_letters(width: int, years: list[str]) -> None:
    """Three places: one chart, each line drawn with its letter, a key naming them."""
    out = termchart.render([NIEUWEGEIN, ALMERE, PURMEREND], width=width)
    lines = out.splitlines()
    assert max(display_width(line) for line in lines) == width
    assert "\x1b" not in out
    assert lines[-2] == "A Nieuwegein (Jutphaas + Vreeswijk)  B Almere  C Purmerend"
    assert lines[-1] == "Linear scale from 0."
    canvas = "".join(lines[:-4])
    for letter in "ABC":
        assert letter in canvas
    assert lines[-3].split() == years
    assert [line.split("┤")[0].strip() for line in lines if "┤" in line] == [
        "250k",
        "200k",
        "150k",
        "100k",
        "50k",
        "0",
    ]


def test_many_places_get_small_multiples_at_80_columns() -> None:
    """Seven places: two panels a row, each titled by name; none coloured; none too wide."""
    out = termchart.render(MANY, width=80)
    lines = out.splitlines()
    assert "\x1b" not in out
    assert max(display_width(line) for line in lines) <= 80
    titles = [line.strip() for line in lines if "┌" not in line and "┤" not in line]
    # Each title: the name (cut to fit) and the latest figure with its year.
    assert " Nieuwegein (Jutphaas …  72,000 (2020)           Almere  220,000 (2023)" in lines
    assert "Purmerend  81,000 (2020)                 Houten  50,000 (2020)" in titles
    assert "Helmond  92,000 (2020)                   Hoorn  75,230 (2023)" in titles
    assert "Westervoort" in titles
    assert "(no figures)" in [line.strip() for line in lines]
    assert lines[-1] == "Each chart has its own scale of inhabitants. Linear scale from 0."
    # 4 rows of panels, 9 lines each, and the note.
    assert len(lines) == 4 * 9 + 1
    # A common year axis: every panel's ticks read the same.
    axes = [line.split() for line in lines if line.strip().startswith("1950")]
    assert axes == [["1950", "1975", "2000"] * 2] * 3


def test_three_panels_a_row_at_120_columns() -> None:
    """Wider terminals fit more panels a row."""
    lines = termchart.render(MANY, width=120).splitlines()
    assert max(display_width(line) for line in lines) <= 120
    assert len(lines) == 3 * 9 + 1
    assert [
        "Houten",
        "50,000",
        "(2020)",
        "Helmond",
        "92,000",
        "(2020)",
        "Hoorn",
        "75,230",
        "(2023)",
    ] in [line.split() for line in lines]


def test_log_scale_and_zero() -> None:
    """Log: decade ticks labelled by value; a 0 cannot be shown and becomes a gap."""
    line = Line("Lelystad", ((1967, 0), (1970, 100), (1980, 10000), (2020, 1000000)))
    out = termchart.together([line], width=60, log=True)
    lines = out.splitlines()
    assert [row.split("┤")[0].strip() for row in lines if "┤" in row] == [
        "1M",
        "100k",
        "10k",
        "1k",
        "100",
    ]
    assert lines[-1] == "Log scale: equal steps are equal growth factors."


def test_colour_only_when_asked() -> None:
    """The default is plain text; colour=True lets plotext colour it."""
    assert "\x1b[" not in termchart.render([LELYSTAD], width=60)
    assert "\x1b[" in termchart.render([LELYSTAD], width=60, color=True)


def test_hostile_names_are_shown_escaped() -> None:
    """A control character in a name is shown as an escape, in the key and in a title."""
    hostile = Line("X\x1b[31m<b>", ((2000, 1), (2010, 2)))
    assert "X\\x1b[31m<b>" in termchart.together([hostile], width=60).splitlines()[-2]
    multiples = termchart.small_multiples([hostile, LELYSTAD], width=80)
    assert "\x1b" not in multiples
    assert "X\\x1b[31m<b>" in multiples


def test_nothing_to_chart() -> None:
    """No figures at all: one line saying so."""
    assert termchart.render([Line("A", ())], width=80) == "no figures to chart\n"
    assert termchart.small_multiples([Line("A", ())] * 5, width=80) == "no figures to chart\n"
