"""Hypothesis strategies: valid data sets built from the models, every reference sound."""

from __future__ import annotations

import datetime
import typing

from hypothesis import strategies as st

from newtowns_cli.model import constraints as c
from newtowns_cli.model import records as m
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.names import normalize

TODAY = datetime.date(2026, 11, 28)

text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12
).filter(
    # validate refuses text a spreadsheet reads as a formula, and town names that are
    # another town's id (the towns here are t0 … t3)
    lambda value: (
        not value.startswith(("=", "+", "@", "\t", "\r"))
        and normalize(value) not in {"t0", "t1", "t2", "t3"}
    )
)
partial_dates = st.one_of(
    st.integers(1000, 2025).map(PartialDate),
    st.builds(PartialDate, st.integers(1000, 2025), st.integers(1, 12)),
    st.dates(datetime.date(1000, 1, 1), TODAY).map(PartialDate.parse),
)
counts = st.integers(0, 2**62)
# validate refuses subnormal areas (below 2.2e-308); up to the largest float, so that sums
# and densities past any float are generated too
areas = st.floats(0, 1.7976931348623157e308, allow_nan=False, allow_subnormal=False)


def _choice(literal: object) -> st.SearchStrategy[str]:
    return st.sampled_from(typing.get_args(literal))


@st.composite
def datasets(draw: st.DrawFn) -> m.Dataset:
    """A data set that validates: ids unique, references resolve, every source cited."""
    n_sources = draw(st.integers(0, 3))
    n_towns = draw(st.integers(1, 4)) if n_sources else 0
    source_ids = [f"s{n}" for n in range(n_sources)]
    town_ids = [f"t{n}" for n in range(n_towns)]
    cite = st.sampled_from(source_ids) if source_ids else st.nothing()
    optional = lambda strategy: st.none() | strategy  # noqa: E731
    sources = tuple(
        m.Source(
            id=sid, title=draw(text), publisher=draw(text), kind=draw(_choice(c.SourceKind)),
            language=draw(st.sampled_from(["nl", "de", "en", "nds"])),
            published=draw(optional(partial_dates)), url=draw(optional(st.just("https://example.org/a"))),
            note=draw(optional(text)), curation=draw(optional(text)),
        )
        for sid in source_ids
    )  # fmt: skip
    towns = []
    for number, tid in enumerate(town_ids):
        population = draw(optional(st.builds(
            m.Population, count=counts, as_of=partial_dates, source=cite,
            unit=_choice(c.Unit), qualifier=optional(_choice(c.Relation)), original=optional(cite),
            quote=optional(text), note=optional(text), unit_name=text, curation=optional(text),
        )))  # fmt: skip
        towns.append(m.Town(
            id=tid, name=draw(text), municipality=draw(text),
            cbs_code=draw(st.from_regex(r"GM[0-9]{4}", fullmatch=True)),
            province=draw(_choice(c.Province)), status=draw(_choice(c.Status)),
            # The first town cites every source, so none is left uncited.
            sources=tuple(source_ids) if number == 0 else (draw(cite),),
            aliases=tuple(draw(st.lists(text, max_size=2))),
            relieves=tuple(draw(st.lists(st.builds(m.Relief, city=text, source=cite, quote=optional(text), curation=optional(text)), max_size=2))),
            designation=tuple(draw(st.lists(st.builds(m.Designation, source=cite, date=optional(partial_dates), policy=optional(text), kind=optional(_choice(c.DesignationKind))), max_size=2))),
            population=population,
            population_history=tuple(draw(st.lists(st.builds(m.Population, count=counts, as_of=partial_dates, source=cite), max_size=2))),
            area=tuple(draw(st.lists(st.builds(m.Area, source=cite, total=optional(areas), unit=_choice(c.Unit)), max_size=2))),
            location=tuple(draw(st.lists(st.builds(m.Location, lat=st.floats(50.7, 53.7), lon=st.floats(3.3, 7.3), source=cite), max_size=2))),
            history=tuple(draw(st.lists(st.builds(m.HistoryEntry, date=partial_dates, kind=_choice(c.HistoryKind), what=text, source=cite), max_size=2))),
            note=draw(optional(text)),
        ))  # fmt: skip
    groups = []
    if town_ids:
        members = st.builds(
            m.Membership, town=st.sampled_from(town_ids), source=cite,
            since=optional(partial_dates), as_of=optional(partial_dates), note=optional(text),
            attested=st.lists(st.builds(m.Attestation, date=partial_dates, source=cite), max_size=2).map(tuple),
        )  # fmt: skip
        for number in range(draw(st.integers(0, 2))):
            groups.append(m.Group(
                id=f"g{number}", name=draw(text), kind=draw(_choice(c.GroupKind)),
                sources=(draw(cite),), aliases=tuple(draw(st.lists(text, max_size=2))),
                founded=draw(optional(st.builds(m.Dated, date=partial_dates, source=cite))),
                themes=tuple(draw(st.lists(text, max_size=2))), members=tuple(draw(st.lists(members, max_size=3))),
            ))  # fmt: skip
    claims = tuple(
        m.Claim(
            id=f"c{number}", statement=draw(text), value=draw(counts), relation=draw(_choice(c.Relation)),
            measure=draw(_choice(c.Measure)), scope=draw(text), source=draw(cite),
            as_of=draw(optional(partial_dates)), group=draw(optional(st.sampled_from([g.id for g in groups]))) if groups else None,
        )
        for number in range(draw(st.integers(0, 2) if source_ids else st.just(0)))
    )  # fmt: skip
    meta = m.DatasetMeta(
        title=draw(text),
        description=draw(text),
        version="1",
        updated=draw(partial_dates),
        licence="CC0-1.0",
    )
    return m.Dataset(
        dataset=meta, source=sources, town=tuple(towns), group=tuple(groups), claim=claims
    )
