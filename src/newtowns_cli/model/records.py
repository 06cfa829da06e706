"""The whole schema of data/newtowns.toml as frozen records.

The records are frozen value classes (frozen.py), so the query path imports neither
pydantic nor ``dataclasses``; ``validation.py`` describes them as dataclasses
(hints.py) and validates a parsed file against them with a pydantic TypeAdapter.
Every record is strict (no coercion, ``extra="forbid"``): the only leniency is that a
TOML table may stand for a record and a TOML array for a tuple.
"""

from __future__ import annotations

from collections.abc import Iterator

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.frozen import Frozen, fields

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:  # the annotations are text until hints.py resolves them, for validation
    from typing import Annotated, Any, ClassVar, Literal

    from newtowns_cli.model.constraints import (
        CBS_CODE_PATTERN,
        LANGUAGE_PATTERN,
        Cited,
        Count,
        Covers,
        Curation,
        DesignationKind,
        EventKind,
        Ge,
        GroupKind,
        HistoryKind,
        Id,
        Km2,
        Le,
        Measure,
        OrganisationKind,
        Pattern,
        Prose,
        Province,
        Relation,
        Seq,
        SourceKind,
        Status,
        Text,
        Unit,
        Url,
    )


class Record(Frozen, kw_only=True):
    """Base of every record: strict, unknown keys forbidden, a TOML table accepted.

    Records are frozen value classes (frozen.py): keyword-only, slotted, set once by
    ``__init__`` (or through the slots' own setters when the cache rebuilds a data set,
    plaindata.py) and never again; equality, hashing and repr by field values.
    Validation describes them as dataclasses for pydantic first (hints.py).
    """

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, object]] = {
        "extra": "forbid",
        "strict": True,
        "allow_inf_nan": False,
    }

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        schema = handler(source)
        # Strict dataclass validation would demand an instance; the fields stay strict.
        handler.resolve_ref_schema(schema)["strict"] = False
        return schema


def field_names(kind: type) -> tuple[str, ...]:
    """The field names of a record type, in order."""
    return fields(kind)


class DatasetMeta(Record):
    title: Prose
    description: Prose
    version: Text
    updated: PartialDate
    licence: Text
    homepage: Url | None = None


class Source(Record):
    id: Id
    title: Text
    publisher: Text
    kind: SourceKind
    language: Annotated[str, Pattern(LANGUAGE_PATTERN)]
    published: PartialDate | None = None
    url: Url | None = None
    note: Prose | None = None
    curation: Curation | None = None


class Population(Record):
    """A population count on a date, for the unit it counts."""

    count: Count
    as_of: PartialDate
    source: Id
    unit: Unit = "municipality"
    qualifier: Relation | None = None
    original: Id | None = None
    quote: Text | None = None
    note: Prose | None = None
    # The unit's name where it is not the town's municipality today.
    unit_name: Text | None = None
    curation: Curation | None = None


class Gap(Record):
    """A decade in which no source found gives a municipal figure, and where one looked."""

    decade: Annotated[int, Ge(1900), Le(2090)]
    looked: Text
    note: Prose | None = None


class StatusView(Record):
    """Another source's view of the town's status, kept beside the data's own ``status``."""

    status: Literal["groeikern", "groeistad"]
    source: Id
    quote: Text | None = None
    note: Prose | None = None
    curation: Curation | None = None


class Area(Record):
    """An area in km², for the unit it measures; a source may give only land and water."""

    source: Id
    total: Km2 | None = None
    unit: Unit = "municipality"
    land: Km2 | None = None
    water: Km2 | None = None
    note: Prose | None = None


class Location(Record):
    lat: Annotated[float, Ge(-90), Le(90)]
    lon: Annotated[float, Ge(-180), Le(180)]
    source: Id
    note: Prose | None = None


class Designation(Record):
    source: Id
    date: PartialDate | None = None
    policy: Text | None = None
    quote: Text | None = None
    note: Prose | None = None
    # What the dated fact was (see DesignationKind); unclassified when absent.
    kind: DesignationKind | None = None
    curation: Curation | None = None


class Relief(Record):
    """A city whose overflow the town was to take (overloop)."""

    city: Text
    source: Id
    quote: Text | None = None
    note: Prose | None = None
    curation: Curation | None = None


class HistoryEntry(Record):
    date: PartialDate
    kind: HistoryKind
    what: Prose
    source: Id
    note: Prose | None = None
    municipalities: Seq[Text] = ()
    """For a merger or boundary change: the other municipalities it joined or took from."""


class Town(Record):
    id: Id
    name: Text
    municipality: Text
    cbs_code: Annotated[str, Pattern(CBS_CODE_PATTERN)]
    province: Province
    status: Status
    sources: Cited
    aliases: Seq[Text] = ()
    relieves: Seq[Relief] = ()
    designation: Seq[Designation] = ()
    population: Population | None = None
    population_history: Seq[Population] = ()
    area: Seq[Area] = ()
    location: Seq[Location] = ()
    history: Seq[HistoryEntry] = ()
    note: Prose | None = None
    # Other sources' status views, and decades with no municipal figure.
    status_views: Seq[StatusView] = ()
    population_gaps: Seq[Gap] = ()


class Dated(Record):
    date: PartialDate
    source: Id
    note: Prose | None = None


class Attestation(Record):
    """A date on which a source names a town as member of a group."""

    date: PartialDate
    source: Id
    quote: Text | None = None
    note: Prose | None = None


class Membership(Record):
    """A town's membership of a group: joined ``since``, or named as member ``as_of``."""

    town: Id
    source: Id
    since: PartialDate | None = None
    until: PartialDate | None = None
    as_of: PartialDate | None = None
    note: Prose | None = None
    # Further dates on which sources name the town as member.
    attested: Seq[Attestation] = ()

    def attestations(self) -> tuple[PartialDate, ...]:
        """Every date a source names the town as member: ``as_of`` and ``attested``."""
        dates = (self.as_of,) if self.as_of is not None else ()
        return (*dates, *(a.date for a in self.attested))


class Mention(Record):
    """A town a source names beside a group without making it a member."""

    town: Id
    source: Id
    date: PartialDate | None = None
    quote: Text | None = None
    note: Prose | None = None


class Group(Record):
    id: Id
    name: Text
    kind: GroupKind
    sources: Cited
    aliases: Seq[Text] = ()
    founded: Dated | None = None
    themes: Seq[Text] = ()
    partners: Seq[Id] = ()
    members: Seq[Membership] = ()
    url: Url | None = None
    description: Prose | None = None
    note: Prose | None = None
    # Towns named beside the group, not as members.
    mentions: Seq[Mention] = ()


class Organisation(Record):
    id: Id
    name: Text
    kind: OrganisationKind
    sources: Cited
    aliases: Seq[Text] = ()
    founded: Dated | None = None
    city: Text | None = None
    url: Url | None = None
    description: Prose | None = None
    note: Prose | None = None


class Presentation(Record):
    date: PartialDate
    source: Id
    place: Text | None = None
    to: Text | None = None


class Research(Record):
    id: Id
    title: Text
    sources: Cited
    commissioned_by: Seq[Id] = ()
    performed_by: Seq[Id] = ()
    authors: Seq[Text] = ()
    published: Dated | None = None
    presented: Presentation | None = None
    towns: Seq[Id] = ()
    themes: Seq[Text] = ()
    findings: Seq[Prose] = ()
    note: Prose | None = None


class Event(Record):
    id: Id
    date: PartialDate
    title: Prose
    kind: EventKind
    sources: Cited
    until: PartialDate | None = None
    place: Text | None = None
    towns: Seq[Id] = ()
    groups: Seq[Id] = ()
    organisations: Seq[Id] = ()
    note: Prose | None = None


class Claim(Record):
    """A published figure to hold the data against."""

    id: Id
    statement: Text
    value: Count
    relation: Relation
    measure: Measure
    scope: Prose
    source: Id
    as_of: PartialDate | None = None
    group: Id | None = None
    note: Prose | None = None
    # Which set of towns the claim counts, and the towns when it names them.
    covers: Covers = "unnamed"
    towns: Seq[Id] = ()
    # a claim that counts the towns designated in a period ('in de jaren zeventig'): its years
    designated_from: Annotated[int, Ge(1900), Le(2090)] | None = None
    designated_to: Annotated[int, Ge(1900), Le(2090)] | None = None


class City(Record):
    """A city whose overflow New Towns were to take, with its location."""

    id: Id
    name: Text
    sources: Cited
    aliases: Seq[Text] = ()
    province: Province | None = None
    location: Seq[Location] = ()
    note: Prose | None = None


class Dataset(Record):
    dataset: DatasetMeta
    source: Seq[Source] = ()
    town: Seq[Town] = ()
    group: Seq[Group] = ()
    organisation: Seq[Organisation] = ()
    research: Seq[Research] = ()
    event: Seq[Event] = ()
    claim: Seq[Claim] = ()
    city: Seq[City] = ()


def iter_values(
    value: object, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """Every value nested in a record (records and tuples included) with its data path."""
    yield path, value
    if isinstance(value, Record):
        for name in field_names(type(value)):
            yield from iter_values(getattr(value, name), (*path, name))
    elif isinstance(value, tuple):
        for number, item in enumerate(value):
            yield from iter_values(item, (*path, number))


TABLES: dict[str, type[Record]] = {
    "source": Source,
    "town": Town,
    "group": Group,
    "organisation": Organisation,
    "research": Research,
    "event": Event,
    "claim": Claim,
    "city": City,
}
"""The arrays of tables of a data file and the record type of their entries."""

REFERENCE_TABLES: dict[str, tuple[str, ...]] = {
    "town": ("town",),
    "towns": ("town",),
    "groups": ("group",),
    "group": ("group",),
    "partners": ("organisation",),
    "organisations": ("organisation",),
    "performed_by": ("organisation",),
    "commissioned_by": ("organisation", "group"),
}
"""Fields (of text or texts) that name another entry's id, and the tables it may be in."""
CITING_FIELDS = frozenset({"source", "sources", "original"})
"""Fields (of text or texts) that name a source's id."""
