"""Looking things up in a Dataset: the Catalog, names matched, citations, provinces."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence

from newtowns_cli.model.errors import NotFoundError, UsageError, did_you_mean
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import N_, _
from newtowns_cli.model.names import normalize as normalize  # re-exported
from newtowns_cli.model.records import (
    Dataset,
    Group,
    Membership,
    Organisation,
    Record,
    Research,
    Source,
    Town,
    field_names,
)
from newtowns_cli.model.vocabulary import PROVINCE
from newtowns_cli.questions.citations import Citation as Citation  # re-exported
from newtowns_cli.questions.nearby import SHOWN, VALUES, label, some, suggest
from newtowns_cli.questions.nearby import close as close_names

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")


class Catalog(Frozen, slots=False):
    """A Dataset with the look-ups the commands need, built once per run."""

    dataset: Dataset
    towns: dict[str, Town]
    groups: dict[str, Group]
    memberships: dict[str, tuple[tuple[Group, Membership], ...]]

    @classmethod
    def of(cls, dataset: Dataset) -> Catalog:
        memberships: dict[str, list[tuple[Group, Membership]]] = {}
        for group in dataset.group:
            for member in group.members:
                memberships.setdefault(member.town, []).append((group, member))
        return cls(
            dataset=dataset,
            towns={town.id: town for town in dataset.town},
            groups={group.id: group for group in dataset.group},
            memberships={town: tuple(pairs) for town, pairs in memberships.items()},
        )

    @functools.cached_property
    def citations(self) -> dict[str, tuple[Citation, ...]]:
        """For each source id, every fact that cites it, in data-file order, in words."""
        from newtowns_cli.questions.citations import citations

        return citations(self.dataset)

    def current_groups(self, town: Town, *, regions: bool) -> tuple[str, ...]:
        """Ids of the groups the town belongs to with no recorded end, regions or the others."""
        ids: list[str] = []
        for group, member in self.memberships.get(town.id, ()):
            is_region = group.kind == "region"
            if member.until is None and is_region == regions and group.id not in ids:
                ids.append(group.id)
        return tuple(ids)


def sources_cited_by(record: Record) -> tuple[str, ...]:
    """Every source id a record cites anywhere inside it, in order of first citation."""
    found: list[str] = []
    _collect_cited(record, found)
    return tuple(dict.fromkeys(found))


def _collect_cited(value: object, found: list[str]) -> None:
    # Direct rather than through iter_values: this runs for every row of `--fields all`.
    if isinstance(value, tuple):
        for item in value:
            if isinstance(item, Record):
                _collect_cited(item, found)
        return
    if not isinstance(value, Record):
        return
    for name in field_names(type(value)):
        item = getattr(value, name)
        if name in ("source", "original"):
            if isinstance(item, str):
                found.append(item)
        elif name == "sources":
            found.extend(item)
        elif isinstance(item, (Record, tuple)):
            _collect_cited(item, found)


def resolve(
    entries: Sequence[T], value: str, *, names: Callable[[T], Iterable[str]], noun: str
) -> T:
    """The entry whose id is exactly ``value``; else the one entry one of whose names is
    ``value``, else the one entry whose names contain it.

    An exact id always wins (``validate`` refuses a town name, alias or municipality that
    is another town's id). Other matching ignores case, accents and spacing. Nothing
    found: exit 3 with suggestions; more than one, or an empty ``value``: a usage error.
    """
    if not value.strip():
        hint = _("name one; {listed}").format(listed=_listed(noun))
        raise UsageError(_(_EMPTY[noun]), hint=hint)
    for entry in entries:
        if next(iter(names(entry)), None) == value:  # the first name is the id
            return entry
    wanted = normalize(value)
    exact: list[T] = []
    partial: list[T] = []  # no exact name: a part of exactly one entry's will do ('alliantie')
    for entry in entries:
        within = False
        for name in map(normalize, names(entry)):
            if name == wanted:
                exact.append(entry)
                break
            within = within or (len(wanted) >= 3 and wanted in name)
        else:
            if within and not exact:
                partial.append(entry)
    matches = exact or partial
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        labels = some([label(entry, names) for entry in matches[: SHOWN + 1]], len(matches))
        message = _(_MANY[noun]).format(value=value, labels=labels)
        raise UsageError(message, hint=_("use the id"))
    hint = suggest(entries, wanted, names) or _listed(noun)
    raise NotFoundError(_(_NONE[noun]).format(value=value), hint=hint)


_EMPTY = {
    "town": N_("the town name is empty"),
    "group": N_("the group name is empty"),
    "study": N_("the study name is empty"),
    "organisation": N_("the organisation name is empty"),
    "source": N_("the source name is empty"),
}
_MANY = {
    "town": N_("'{value}' names more than one town: {labels}"),
    "group": N_("'{value}' names more than one group: {labels}"),
    "study": N_("'{value}' names more than one study: {labels}"),
    "organisation": N_("'{value}' names more than one organisation: {labels}"),
    "source": N_("'{value}' names more than one source: {labels}"),
}
_NONE = {
    "town": N_("no town named '{value}'"),
    "group": N_("no group named '{value}'"),
    "study": N_("no study named '{value}'"),
    "organisation": N_("no organisation named '{value}'"),
    "source": N_("no source named '{value}'"),
}
_LISTINGS = {
    "town": "newtowns list",
    "group": "newtowns groups",
    "study": "newtowns research",
    "organisation": "newtowns organisations",
    "source": "newtowns sources",
}


def _listed(noun: str) -> str:
    """Where the ``noun``s are listed."""
    return _("list them with '{command}'").format(command=_LISTINGS.get(noun, "newtowns list"))


def town_names(town: Town) -> tuple[str, ...]:
    return (town.id, town.name, *town.aliases, town.municipality)


def group_names(group: Group) -> tuple[str, ...]:
    return (group.id, group.name, *group.aliases)


def resolve_group(catalog: Catalog, value: str, *, kinds: Sequence[str], option: str) -> Group:
    """The group of one of ``kinds`` matching ``value``; unknown values are a usage error."""
    candidates = [group for group in catalog.dataset.group if group.kind in kinds]
    if not value.strip():
        raise UsageError(
            _("{option}: the value is empty").format(option=option),
            hint=_("name a region") if option == "--region" else _("name a group"),
        )
    try:
        return resolve(candidates, value, names=group_names, noun="group")
    except NotFoundError:
        ordered = sorted(candidates, key=lambda g: g.id)
        valid = some(
            [f"{g.id} ({g.name})" for g in ordered[: VALUES + 1]], len(ordered), limit=VALUES
        )
        found = close_names(candidates, normalize(value), group_names)
        hint = did_you_mean(", ".join(found) if found else None)
        raise UsageError(
            _("unknown value for {option}: '{value}'").format(option=option, value=value),
            hint=hint + _("valid values: {values}").format(values=valid),
        ) from None


PROVINCE_CODES: dict[str, str] = {
    "DR": "Drenthe",
    "FL": "Flevoland",
    "FR": "Fryslân",
    "GE": "Gelderland",
    "GR": "Groningen",
    "LI": "Limburg",
    "NB": "Noord-Brabant",
    "NH": "Noord-Holland",
    "OV": "Overijssel",
    "UT": "Utrecht",
    "ZE": "Zeeland",
    "ZH": "Zuid-Holland",
}
"""Each province by its code (ISO 3166-2:NL without the NL-: NL-ZH is Zuid-Holland)."""


def resolve_province(value: str) -> str:
    """The province named by ``value``, its code (ZH) or ISO 3166-2 code (NL-ZH).

    Case- and accent-insensitive; anything else is a usage error.
    """
    provinces = PROVINCE
    code = value.strip().upper().removeprefix("NL-")
    if code in PROVINCE_CODES:
        return PROVINCE_CODES[code]
    for province in provinces:  # Noord Holland is Noord-Holland
        if normalize(province.replace("-", " ")) == normalize(value.replace("-", " ")):
            return str(province)
    import difflib

    close = difflib.get_close_matches(normalize(value), [normalize(p) for p in provinces], n=1)
    guess = next((p for p in provinces if close and normalize(p) == close[0]), None)
    hint = did_you_mean(guess) + _("valid values: {values}").format(values=", ".join(provinces))
    hint += _("; or a code: {codes} (also as NL-ZH …)").format(codes=", ".join(PROVINCE_CODES))
    message = _("unknown value for {option}: '{value}'").format(option="--province", value=value)
    raise UsageError(message, hint=hint)


def find_town(catalog: Catalog, value: str) -> Town:
    """A town by id, name, alias or municipality (Nissewaard finds Spijkenisse)."""
    return resolve(catalog.dataset.town, value, names=town_names, noun="town")


def find_group(catalog: Catalog, value: str) -> Group:
    return resolve(catalog.dataset.group, value, names=group_names, noun="group")


def find_research(catalog: Catalog, value: str) -> Research:
    return resolve(catalog.dataset.research, value, names=lambda r: (r.id, r.title), noun="study")


def find_organisation(catalog: Catalog, value: str) -> Organisation:
    names: Callable[[Organisation], Iterable[str]] = lambda o: (o.id, o.name, *o.aliases)  # noqa: E731
    return resolve(catalog.dataset.organisation, value, names=names, noun="organisation")


def find_source(catalog: Catalog, value: str) -> Source:
    return resolve(catalog.dataset.source, value, names=lambda s: (s.id,), noun="source")


def provinces(incomplete: str) -> list[tuple[str, str]]:
    """(name, code) of the provinces whose name starts with ``incomplete``; typed in lower
    case, the name in lower case (for Tab)."""
    found = []
    for code, name in PROVINCE_CODES.items():
        form = next((f for f in (name, name.lower()) if f.startswith(incomplete)), None)
        if form is not None:
            found.append((form, code))
    return found
