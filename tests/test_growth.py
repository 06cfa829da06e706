"""Growth numbers on a small fixture, each expected value computed by hand in the comment."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.questions.growth import (
    Figure,
    Growth,
    NoFigures,
    fractional_year,
    growth,
    series,
    summed,
)


def fig(date: int | str, count: int, source: str = "s") -> Figure:
    return Figure(PartialDate.parse(date), count, (source,))


# A Nieuwegein-like place: two predecessor municipalities, then the merged one.
JUTPHAAS = [fig(1960, 5000, "j"), fig(1965, 8000, "j"), fig(1970, 12000, "j")]
VREESWIJK = [fig(1960, 3000, "v"), fig(1965, 4000, "v"), fig(1968, 5000, "v"), fig(1970, 6000, "v")]
MERGED = [fig(1980, 45000, "n"), fig(2000, 61000, "n"), fig(2020, 72000, "n")]


def test_fractional_years_count_from_the_first_day_a_date_can_mean() -> None:
    """1970 → 1970.0; July 1970 starts after 181 days (31+28+31+30+31+30) of 365."""
    assert fractional_year(PartialDate(1970)) == 1970.0
    assert fractional_year(PartialDate(1970, 7)) == 1970 + 181 / 365
    assert fractional_year(PartialDate(2020, 3)) == 2020 + 60 / 366  # 31 + 29, a leap year
    assert fractional_year(PartialDate(2020, 12, 31)) == 2020 + 365 / 366
    assert fractional_year(PartialDate(2021, 1, 1)) == 2021.0


def test_two_predecessors_summed_on_their_common_dates() -> None:
    """1960: 5000+3000; 1965: 8000+4000; 1968 only Vreeswijk (no sum); 1970: 12000+6000."""
    total = summed([JUTPHAAS, VREESWIJK], "Jutphaas + Vreeswijk")
    assert total == (
        Figure(PartialDate(1960), 8000, ("j", "v"), "Jutphaas + Vreeswijk"),
        Figure(PartialDate(1965), 12000, ("j", "v"), "Jutphaas + Vreeswijk"),
        Figure(PartialDate(1970), 18000, ("j", "v"), "Jutphaas + Vreeswijk"),
    )
    assert summed([], "nothing") == ()
    assert summed([JUTPHAAS, [fig(1961, 1)]], "x") == ()


def test_growth_of_the_merged_place_from_its_predecessors() -> None:
    """Designated 1971: the era figure is the last at or before it, the 1970 sum 18000.

    latest 2020: 72000; absolute 72000 − 18000 = 54000; factor 72000 / 18000 = 4;
    years 2020.0 − 1970.0 = 50; rate 4^(1/50) − 1 = 2^(1/25) − 1 = e^(0.0277259) − 1
    ≈ 0.0281138 (2.81 % a year).
    """
    figures = [*summed([JUTPHAAS, VREESWIJK], "Jutphaas + Vreeswijk"), *MERGED]
    result = growth(figures, 1971)
    assert isinstance(result, Growth)
    assert result.first == Figure(PartialDate(1960), 8000, ("j", "v"), "Jutphaas + Vreeswijk")
    assert result.era == Figure(PartialDate(1970), 18000, ("j", "v"), "Jutphaas + Vreeswijk")
    assert result.latest == fig(2020, 72000, "n")
    assert result.designation_year == 1971
    assert result.absolute == 54000
    assert result.factor == 4.0
    assert result.years == 50.0
    assert result.rate == pytest.approx(0.0281138, abs=5e-8)


def test_a_figure_in_the_designation_year_counts_as_at_it() -> None:
    """Designated 1970: the 1970 figure (not 1965) is the era figure; 72000 / 18000 again."""
    result = growth([*summed([JUTPHAAS, VREESWIJK], "J + V"), *MERGED], 1970)
    assert isinstance(result, Growth)
    assert result.era is not None
    assert (result.era.date, result.era.count) == (PartialDate(1970), 18000)


def test_no_figure_before_the_designation_takes_the_first_after_it() -> None:
    """Designated 1975, figures from 1980: era = 1980 (20000); latest July 1990 (30000).

    factor 30000 / 20000 = 1.5; years 1990 + 181/365 − 1980 = 10.495890…;
    rate 1.5^(1/10.495890) − 1 = e^(0.4054651 / 10.495890) − 1 = e^(0.0386308) − 1 ≈ 0.0393867.
    """
    result = growth([fig("1990-07", 30000), fig(1980, 20000)], 1975)
    assert isinstance(result, Growth)
    assert result.era == fig(1980, 20000)
    assert result.first == fig(1980, 20000)
    assert result.latest == fig("1990-07", 30000)
    assert result.absolute == 10000
    assert result.factor == 1.5
    assert result.years == pytest.approx(10.4958904, abs=1e-7)
    assert result.rate == pytest.approx(0.0393867, abs=5e-8)


def test_shrinking_gives_a_negative_rate() -> None:
    """40000 in 2000 to 10000 in 2020: factor 0.25, rate 0.25^(1/20) − 1 = 2^(−0.1) − 1 ≈ −0.0669670."""
    result = growth([fig(2000, 40000), fig(2020, 10000)], 2000)
    assert isinstance(result, Growth)
    assert (result.absolute, result.factor, result.years) == (-30000, 0.25, 20.0)
    assert result.rate == pytest.approx(-0.0669670, abs=5e-8)


def test_without_figures_the_result_says_so() -> None:
    """No municipal figures: a NoFigures result with the reason in words, not zeros."""
    assert growth([], 1970) == NoFigures("no municipal figures")
    assert growth([], None) == NoFigures()


def test_without_a_designation_only_first_and_latest() -> None:
    """No designation year: no era figure, so no growth numbers."""
    assert growth(MERGED, None) == Growth(fig(1980, 45000, "n"), fig(2020, 72000, "n"))


def test_one_figure_has_no_rate() -> None:
    """The era figure is the latest: absolute 0, factor 1, zero years and no rate."""
    assert growth([fig(1990, 5000)], 1970) == Growth(
        fig(1990, 5000), fig(1990, 5000), 1970, fig(1990, 5000), 0, 1.0, 0.0, None
    )


def test_a_zero_count_gives_no_factor() -> None:
    """A polder with nobody yet: growth from 0 has no factor and no rate."""
    result = growth([fig(1967, 0), fig(1980, 1000)], 1970)
    assert isinstance(result, Growth)
    assert (result.absolute, result.factor, result.rate) == (1000, None, None)


def test_figures_less_than_a_year_apart_are_not_annualised() -> None:
    """1 000 on 2024-01-01, 8 000 the next day: ×8 in 1/366 of a year would be 8^366 a year,
    beyond any float; over less than a year there is no yearly rate at all."""
    result = growth([fig("2024-01-01", 1000), fig("2024-01-02", 8000)], 2023)
    assert isinstance(result, Growth)
    assert (result.absolute, result.factor, result.rate) == (7000, 8.0, None)
    assert result.years == pytest.approx(1 / 366)


def test_on_one_date_the_first_figure_given_wins() -> None:
    """Two sources for 2022-01-01: the first entry is the one used, as the data file says."""
    assert series([fig("2022-01-01", 1, "a"), fig(2021, 5), fig("2022-01-01", 2, "b")]) == (
        fig(2021, 5),
        fig("2022-01-01", 1, "a"),
    )


def test_a_year_sorts_before_a_day_in_it() -> None:
    """2022 and 2022-01-01 both start on 1 January; the day is the later, as PartialDate sorts."""
    result = growth([fig("2022-01-01", 125749), fig(2022, 126000)], 2022)
    assert isinstance(result, Growth)
    assert result.latest.count == 125749
    assert result.era is not None
    assert result.era.count == 125749
    assert result.years == 0.0


dates = st.builds(PartialDate, st.integers(1900, 2030), st.none() | st.integers(1, 12))


@given(
    st.lists(st.builds(Figure, dates, st.integers(1, 10**6)), min_size=1, max_size=12),
    st.integers(1900, 2030),
)
def test_growth_properties(figures: list[Figure], year: int) -> None:
    """The era figure is one of the figures; era·factor = latest; era·(1+rate)^years = latest."""
    result = growth(figures, year)
    assert isinstance(result, Growth)
    assert result.era in figures
    assert result.factor is not None
    assert result.era.count * result.factor == pytest.approx(result.latest.count)
    assert result.years is not None
    assert result.years >= 0
    if result.rate is not None:
        grown = result.era.count * (1 + result.rate) ** result.years
        assert grown == pytest.approx(result.latest.count, rel=1e-6)
    assert result.latest.date.key() == max(f.date.key() for f in figures)
