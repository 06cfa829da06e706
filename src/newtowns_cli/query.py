"""Pure questions over a Dataset: name matching, group membership, town filters."""

from __future__ import annotations

import dataclasses
import difflib
import unicodedata
from collections.abc import Iterable, Sequence

from newtowns_cli.errors import UsageError
from newtowns_cli.models import Dataset, Group, Membership, Town


def normalize(text: str) -> str:
    """Case-, diacritics- and spacing-insensitive form of a name: 'Fryslân ' → 'fryslan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())


@dataclasses.dataclass(frozen=True, slots=True)
class Catalog:
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

    def current_groups(self, town: Town, *, regions: bool) -> tuple[str, ...]:
        """Ids of the groups the town belongs to with no recorded end, regions or the others."""
        ids: list[str] = []
        for group, member in self.memberships.get(town.id, ()):
            if member.until is None and (group.kind == "region") == regions and group.id not in ids:
                ids.append(group.id)
        return tuple(ids)


def resolve_group(catalog: Catalog, value: str, *, kinds: Sequence[str], option: str) -> Group:
    """The group whose id, name or alias matches ``value``; unknown values raise a usage error."""
    candidates = [group for group in catalog.dataset.group if group.kind in kinds]
    wanted = normalize(value)
    for group in candidates:
        if wanted in {normalize(name) for name in (group.id, group.name, *group.aliases)}:
            return group
    labels = {group.id: f"{group.id} ({group.name})" for group in candidates}
    names = {
        normalize(name): group.id
        for group in candidates
        for name in (group.id, group.name, *group.aliases)
    }
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    suggestion = (
        "did you mean " + ", ".join(dict.fromkeys(labels[names[c]] for c in close)) + "? "
        if close
        else ""
    )
    raise UsageError(
        f"unknown value for {option}: '{value}'",
        hint=suggestion
        + "valid values: "
        + ", ".join(labels[group_id] for group_id in sorted(labels)),
    )


def select_towns(catalog: Catalog, *, region: str | None = None) -> list[Town]:
    """Towns matching every given filter, sorted by name."""
    towns: Iterable[Town] = catalog.dataset.town
    if region is not None:
        group = resolve_group(catalog, region, kinds=("region",), option="--region")
        members = {member.town for member in group.members if member.until is None}
        towns = [town for town in towns if town.id in members]
    return sorted(towns, key=lambda town: (normalize(town.name), town.id))
