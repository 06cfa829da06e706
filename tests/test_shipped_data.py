"""The shipped data file: valid, fully cited, and saying what the reference says."""

from __future__ import annotations

import datetime
import tomllib

from newtowns_cli import store
from newtowns_cli.models import Dataset

TODAY = datetime.date.today()


def _dataset() -> Dataset:
    return store.load(store.locate(None, None), today=TODAY)


def test_the_shipped_data_validates_with_zero_problems() -> None:
    """No schema, reference, citation or plausibility problem."""
    dataset, problems = store.inspect(store.locate(None, None), today=TODAY)
    assert [str(p) for p in problems] == []
    assert dataset is not None


def test_the_installed_file_starts_like_the_repository_file() -> None:
    """The wheel carries data/newtowns.toml as it is in the repository."""
    import pathlib

    repo_file = pathlib.Path(__file__).parents[1] / "data" / "newtowns.toml"
    if repo_file.is_file():
        assert store.BUNDLED.read_bytes() == repo_file.read_bytes()


def test_every_figure_names_a_source_and_a_date() -> None:
    """Populations carry a date and a source; areas and locations a source."""
    for town in _dataset().town:
        figures = (
            [town.population, *town.population_history]
            if town.population
            else town.population_history
        )
        assert all(f.source and f.as_of for f in figures), town.id
        assert all(a.source for a in town.area) and all(loc.source for loc in town.location)


def test_the_groeikernen_of_the_reference() -> None:
    """The fifteen places with a sourced status, Helmond the only groeistad."""
    towns = {town.id: town for town in _dataset().town}
    assert sorted(towns) == sorted(
        [
            "zoetermeer",
            "almere",
            "lelystad",
            "purmerend",
            "hoorn",
            "alkmaar",
            "hoofddorp",
            "spijkenisse",
            "hellevoetsluis",
            "capelle-aan-den-ijssel",
            "nieuwegein",
            "houten",
            "helmond",
            "duiven",
            "westervoort",
        ]
    )
    assert [t for t in towns if towns[t].status == "groeistad"] == ["helmond"]
    assert (towns["spijkenisse"].municipality, towns["spijkenisse"].cbs_code) == (
        "Nissewaard",
        "GM1930",
    )


def test_alliance_members_and_their_dates() -> None:
    """Five signatories from 2022-11-28; Purmerend and Lelystad named on 2023-12-04; Helmond
    only mentioned beside them, not a member."""
    alliance = next(g for g in _dataset().group if g.id == "new-towns-alliantie")
    assert str(alliance.founded.date) == "2022-11-28"  # type: ignore[union-attr]
    since = {m.town: str(m.since) for m in alliance.members if m.since}
    as_of = {m.town: str(m.as_of) for m in alliance.members if m.as_of}
    assert since == dict.fromkeys(
        ["almere", "capelle-aan-den-ijssel", "nieuwegein", "spijkenisse", "zoetermeer"],
        "2022-11-28",
    )
    assert as_of == dict.fromkeys(["purmerend", "lelystad"], "2023-12-04")
    assert [(m.town, str(m.date)) for m in alliance.mentions] == [("helmond", "2023-12-04")]
    assert alliance.founded.source == "nuvp-2022-11-30"  # type: ignore[union-attr]


def test_conflicting_designations_are_both_recorded() -> None:
    """Spijkenisse 1977 (INTI) and 1976 (Neimed), each with its source."""
    spijkenisse = next(t for t in _dataset().town if t.id == "spijkenisse")
    assert [(str(d.date), d.source) for d in spijkenisse.designation if d.date] == [
        ("1977", "inti-ntd-spijkenisse"),
        ("1976", "neimed-2014-11-17"),
    ]


def test_no_copy_of_unknown_origin_is_cited() -> None:
    """Sources marked as copies of unknown origin in the reference never appear."""
    raw = tomllib.loads(store.BUNDLED.read_text("utf-8"))
    assert not [s["id"] for s in raw["source"] if s["id"].startswith("copy-")]
    assert "earthpressnews" not in store.BUNDLED.read_text("utf-8")


def test_the_2024_study() -> None:
    """Presented 2024-11-13 in Nieuwspoort, by the three research partners."""
    study = next(r for r in _dataset().research if r.id == "zorgen-voor-new-towns")
    assert study.title == "Zorgen voor New Towns; van groeikern tot aandachtgebied"
    assert str(study.presented.date) == "2024-11-13"  # type: ignore[union-attr]
    assert study.performed_by == ("verwey-jonker", "bureau-louter", "platform31")


def test_town_sources_is_the_generic_walk() -> None:
    """The fast town_sources gives what walking every field of the town gives."""
    from newtowns_cli.query import sources_cited_by
    from newtowns_cli.render.records import town_sources

    for town in _dataset().town:
        assert town_sources(town) == sources_cited_by(town), town.id
