"""The shipped data file: valid, fully cited, and saying what the reference says."""

from __future__ import annotations

import datetime
import pathlib
import tomllib

import pytest

from newtowns_cli.model.records import Dataset
from newtowns_cli.reading import store

from support import Runner

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
    if not repo_file.is_file():
        pytest.skip(f"no {repo_file} to compare with: the tests are not in a checkout")
    assert pathlib.Path(store.BUNDLED).read_bytes() == repo_file.read_bytes()


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


SIXTEEN = [
    "spijkenisse",
    "capelle-aan-den-ijssel",
    "hellevoetsluis",
    "zoetermeer",
    "nieuwegein",
    "houten",
    "hoorn",
    "huizen",
    "alkmaar",
    "purmerend",
    "almere",
    "haarlemmermeer",
    "lelystad",
    "helmond",
    "duiven",
    "westervoort",
]
"""PBL's sixteen gemeenten with the status of groeikern (Duiven-Westervoort as two)."""


def test_the_sixteen_designated_places() -> None:
    """PBL's sixteen; Helmond the only groeistad in the data's view, a groeikern in PBL's."""
    towns = {town.id: town for town in _dataset().town}
    assert sorted(towns) == sorted(SIXTEEN)
    assert [t for t in towns if towns[t].status == "groeistad"] == ["helmond"]
    assert [(v.status, v.source) for v in towns["helmond"].status_views] == [
        ("groeikern", "pbl-nieuwe-steden")
    ]
    assert (towns["spijkenisse"].municipality, towns["spijkenisse"].cbs_code) == (
        "Nissewaard",
        "GM1930",
    )


def test_list_shows_sixteen(run: Runner) -> None:
    """newtowns list prints the sixteen, one line each."""
    ids = run(["list", "-f", "tsv", "--fields", "id"]).stdout.split()[1:]
    assert sorted(ids) == sorted(SIXTEEN)


@pytest.mark.parametrize(
    ("town", "date", "source"),
    [
        ("huizen", "1967", "canon-huizen-stad-aan-het-water"),
        ("duiven", "1981", "liemersverleden-duiven-groeikern"),
        ("westervoort", "1981", "liemersverleden-westervoort-groeikern"),
        ("houten", "1979", "razu-114-houten"),
    ],
)
def test_archive_dated_designations(run: Runner, town: str, date: str, source: str) -> None:
    """The earliest official designation is the archive's date, with its source."""
    found = next(t for t in _dataset().town if t.id == town)
    official = [(str(d.date), d.source) for d in found.designation if d.kind == "official"]
    assert official[0] == (date, source)
    row = run(["list", "--search", town, "-f", "tsv", "--fields", "id,designated"]).stdout
    assert row.splitlines()[1] == f"{town}\t{date}"


def test_houten_designation_facts_say_what_they_were() -> None:
    """Houten: 1979 official (RAZU), 1966 growth decision, 1962 INTI's founding date."""
    houten = next(t for t in _dataset().town if t.id == "houten")
    kinds = {(str(d.date), d.kind, d.source) for d in houten.designation}
    assert {
        ("1979", "official", "razu-114-houten"),
        ("1966", "decision", "houten-2006-09-06"),
        ("1962", "founding", "inti-ntd-houten"),
    } <= kinds


RELIEVED_BY_PBL = {
    "spijkenisse": "Rotterdam",
    "capelle-aan-den-ijssel": "Rotterdam",
    "hellevoetsluis": "Rotterdam",
    "zoetermeer": "Den Haag",
    "nieuwegein": "Utrecht",
    "houten": "Utrecht",
    "hoorn": "Amsterdam",
    "huizen": "Amsterdam",
    "alkmaar": "Amsterdam",
    "purmerend": "Amsterdam",
    "almere": "Amsterdam",
    "haarlemmermeer": "Amsterdam",
    "lelystad": "Amsterdam",
    "helmond": "Eindhoven",
    "duiven": "Arnhem",
    "westervoort": "Arnhem",
}


def test_every_place_has_the_relieved_city_pbl_gives() -> None:
    """relieves names the city PBL gives, cited to PBL; each city has a sourced location."""
    dataset = _dataset()
    for town in dataset.town:
        pbl = [r.city for r in town.relieves if r.source == "pbl-nieuwe-steden"]
        assert pbl == [RELIEVED_BY_PBL[town.id]], town.id
    cities = {c.name: c for c in dataset.city}
    for city in set(RELIEVED_BY_PBL.values()):
        assert cities[city].location and cities[city].location[0].source, city


def test_relieves_eindhoven_finds_helmond(run: Runner) -> None:
    """--relieves takes the city; the agglomeration is in the note."""
    assert run(["list", "--relieves", "Eindhoven", "-f", "tsv", "--fields", "id"]).stdout == (
        "id\nhelmond\n"
    )
    assert run(["list", "--relieves", "arnhem", "-f", "tsv", "--fields", "id"]).stdout == (
        "id\nduiven\nwestervoort\n"
    )


def test_hoofddorp_still_finds_haarlemmermeer(run: Runner) -> None:
    """The id is haarlemmermeer now; 'hoofddorp' stays an alias for every lookup."""
    for name in ("hoofddorp", "Hoofddorp", "haarlemmermeer"):
        result = run(["show", name, "-f", "tsv"])
        assert result.stdout.splitlines()[1].split("\t")[0] == "haarlemmermeer", name
    found = run(["list", "--search", "hoofddorp", "-f", "tsv", "--fields", "id"]).stdout
    assert found == "id\nhaarlemmermeer\n"
    timeline = run(["timeline", "--town", "hoofddorp", "-f", "tsv", "--fields", "what"]).stdout
    assert "Haarlemmermeer" in timeline


def test_figures_say_their_unit_and_gaps_are_gaps() -> None:
    """Hellevoetsluis' latest figure counts the place; Nieuwegein's gaps are listed."""
    towns = {town.id: town for town in _dataset().town}
    latest = towns["hellevoetsluis"].population
    assert latest is not None and (latest.unit, latest.unit_name) == ("place", "Hellevoetsluis")
    assert [g.decade for g in towns["nieuwegein"].population_gaps] == [1960, 1970, 1980]
    for town in towns.values():
        figures = [town.population, *town.population_history] if town.population else []
        municipal = {f.as_of.year // 10 * 10 for f in figures if f and f.unit == "municipality"}
        gaps = {g.decade for g in town.population_gaps}
        assert not municipal & gaps, town.id
        assert set(range(1960, 2030, 10)) <= municipal | gaps, town.id


def test_zoetermeer_figures_cite_the_documents_that_hold_them() -> None:
    """2021 and 2022 from the Programmabegroting and the Jaarstukken, not the GGD monitor."""
    zoetermeer = next(t for t in _dataset().town if t.id == "zoetermeer")
    cited = {str(p.as_of): p.source for p in zoetermeer.population_history}
    assert cited["2021-01-01"] == "zoetermeer-programmabegroting-2022"
    assert cited["2022-01-01"] == "zoetermeer-jaarstukken-2022"


def test_nieuwegein_overloop_conflict_recorded() -> None:
    """The 1958 overloop: 20,000 (Museum Warsenhoeck) and c. 30,000 (Canon van Nederland)."""
    nieuwegein = next(t for t in _dataset().town if t.id == "nieuwegein")
    plans = {h.source: h.what for h in nieuwegein.history if h.kind == "plan"}
    assert "20,000" in plans["museumwarsenhoeck-nieuwegein"]
    assert "30,000" in plans["canon-nieuwegein-jutphaas-vreeswijk"]


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
    bundled = pathlib.Path(store.BUNDLED).read_text("utf-8")
    raw = tomllib.loads(bundled)
    assert not [s["id"] for s in raw["source"] if s["id"].startswith("copy-")]
    assert "earthpressnews" not in bundled


def test_the_2024_study() -> None:
    """Presented 2024-11-13 in Nieuwspoort, by the three research partners."""
    study = next(r for r in _dataset().research if r.id == "zorgen-voor-new-towns")
    assert study.title == "Zorgen voor New Towns; van groeikern tot aandachtgebied"
    assert str(study.presented.date) == "2024-11-13"  # type: ignore[union-attr]
    assert study.performed_by == ("verwey-jonker", "bureau-louter", "platform31")


def test_town_sources_is_the_generic_walk() -> None:
    """The fast town_sources gives what walking every field of the town gives."""
    from newtowns_cli.questions.lookup import sources_cited_by
    from newtowns_cli.render.tables import town_sources

    for town in _dataset().town:
        assert town_sources(town) == sources_cited_by(town), town.id
