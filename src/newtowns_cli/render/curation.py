"""What the data's maintainers need and its readers do not: the gaps and where one looked.

Curation notes (a gap's ``looked``, the ``curation`` field of sources, figures and facts)
come out with ``show --notes``, ``validate --gaps`` and the machine formats; the views for
people name only the decades with no municipal figure, one line per place.
"""

from __future__ import annotations

from collections.abc import Sequence

from newtowns_cli.model.records import Dataset, Town


def gap_decades(town: Town) -> str:
    """The decades with no municipal figure, as a reader reads them ('1960s, 1970s')."""
    return ", ".join(f"{gap.decade}s" for gap in town.population_gaps)


def gap_lines(towns: Sequence[Town]) -> str:
    """Every gap on a line of its own: town id, decade, where one looked, the note."""
    lines = []
    for town in towns:
        for gap in town.population_gaps:
            note = f"  note: {gap.note}" if gap.note else ""
            lines.append(f"{town.id} {gap.decade}s  looked: {gap.looked}{note}\n")
    return "".join(lines)


def gap_records(dataset: Dataset) -> list[dict[str, object]]:
    """Every gap as a JSON object: town, decade, looked, note."""
    return [
        {"town": town.id, "decade": gap.decade, "looked": gap.looked, "note": gap.note}
        for town in dataset.town
        for gap in town.population_gaps
    ]
