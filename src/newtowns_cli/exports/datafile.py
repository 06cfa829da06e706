"""Exports: a self-contained subset of the data set, as TOML (a new data file) or JSON."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from newtowns_cli.model import frozen
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.i18n import Bilingual
from newtowns_cli.model.records import TABLES, Dataset, Record
from newtowns_cli.questions.lookup import sources_cited_by


def subset(dataset: Dataset, town_ids: Collection[str]) -> Dataset:
    """The towns ``town_ids`` with exactly what they need to stand on their own.

    Groups with a selected member (members cut to the selection), research and events
    about a selected town or an included group, the organisations these reference, the
    claims about an included group that name no town left out, and every source cited by
    what remains. References to anything left out
    are dropped, so the result validates as a data file of its own.
    """
    chosen = set(town_ids)
    towns = tuple(t for t in dataset.town if t.id in chosen)
    groups = tuple(
        frozen.replace(
            g,
            members=tuple(m for m in g.members if m.town in chosen),
            mentions=tuple(m for m in g.mentions if m.town in chosen),
        )
        for g in dataset.group
        if any(m.town in chosen for m in g.members)
    )
    group_ids = {g.id for g in groups}
    organisation_ids = {o.id for o in dataset.organisation}
    research = tuple(
        frozen.replace(
            r,
            towns=tuple(t for t in r.towns if t in chosen),
            commissioned_by=tuple(
                c for c in r.commissioned_by if c in group_ids | organisation_ids
            ),
        )
        for r in dataset.research
        if set(r.towns) & chosen or set(r.commissioned_by) & group_ids
    )
    events = tuple(
        frozen.replace(
            e,
            towns=tuple(t for t in e.towns if t in chosen),
            groups=tuple(g for g in e.groups if g in group_ids),
        )
        for e in dataset.event
        if set(e.towns) & chosen or set(e.groups) & group_ids
    )
    used = {p for g in groups for p in g.partners}
    used |= {o for r in research for o in (*r.commissioned_by, *r.performed_by)}
    used |= {o for e in events for o in e.organisations}
    organisations = tuple(o for o in dataset.organisation if o.id in used)
    # A claim about towns left out would no longer stand on its own: it goes with them.
    claims = tuple(c for c in dataset.claim if c.group in group_ids and chosen.issuperset(c.towns))
    relieved = {r.city for t in towns for r in t.relieves}
    cities = tuple(c for c in dataset.city if relieved & {c.name, *c.aliases})
    kept: list[Record] = [*towns, *groups, *research, *events, *organisations, *claims, *cities]
    cited = {source for record in kept for source in sources_cited_by(record)}
    sources = tuple(s for s in dataset.source if s.id in cited)
    return Dataset(
        dataset=dataset.dataset,
        source=sources,
        town=towns,
        group=groups,
        organisation=organisations,
        research=research,
        event=events,
        claim=claims,
        city=cities,
    )


def to_toml(dataset: Dataset) -> str:
    """A data file that `newtowns validate` accepts: [dataset], then each table in turn."""
    import tomli_w

    header = "# Written by `newtowns export --format toml`. Comments and layout of the original\n"
    header += "# are not kept; every fact still names its source.\n\n"
    return header + tomli_w.dumps(document(dataset, toml=True))


def to_json(dataset: Dataset) -> str:
    """The same document as JSON: dates as text (YYYY, YYYY-MM or YYYY-MM-DD)."""
    from newtowns_cli.exports.jsontext import dumps

    return dumps(document(dataset, toml=False), indent=2) + "\n"


def document(dataset: Dataset, *, toml: bool) -> dict[str, Any]:
    """The data file's structure; empty fields left out, as a hand-written file would."""
    result: dict[str, Any] = {"dataset": _record(dataset.dataset, toml)}
    for table in TABLES:
        entries = getattr(dataset, table)
        if entries:
            result[table] = [_record(entry, toml) for entry in entries]
    return result


def _record(record: Record, toml: bool) -> dict[str, Any]:
    values = {name: getattr(record, name) for name in frozen.fields(record)}
    return {name: _value(value, toml) for name, value in values.items() if value not in (None, ())}


def _value(value: object, toml: bool) -> Any:
    if isinstance(value, Bilingual):
        return value.as_data()
    if isinstance(value, PartialDate):
        return value.toml_value() if toml else str(value)
    if isinstance(value, Record):
        return _record(value, toml)
    if isinstance(value, tuple):
        return [_value(item, toml) for item in value]
    return value
