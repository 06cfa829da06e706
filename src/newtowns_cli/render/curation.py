"""What the data's maintainers need and its readers do not: the gaps and where one looked.

Curation notes (a gap's ``looked``, the ``curation`` field of sources, figures and facts)
come out with ``show --notes``, ``validate --gaps`` and the machine formats; the views for
people name only the decades with no municipal figure, one line per place.
"""

from __future__ import annotations

from collections.abc import Sequence

from newtowns_cli.model.i18n import _
from newtowns_cli.model.records import Dataset, Town


def gap_decades(town: Town) -> str:
    """The decades with no municipal figure, as a reader reads them ('1960s, 1970s')."""
    return ", ".join(decade(gap.decade) for gap in town.population_gaps)


def decade(year: int) -> str:
    """A decade for people: '1960s', 'jaren 1960' in Dutch."""
    return _("{decade}s").format(decade=year)


def gap_lines(towns: Sequence[Town]) -> str:
    """Every gap on a line of its own: town id, decade, where one looked, the note."""
    lines = []
    for town in towns:
        for gap in town.population_gaps:
            note = "  " + _("note: {note}").format(note=gap.note) if gap.note else ""
            looked = _("looked: {looked}").format(looked=gap.looked)
            lines.append(f"{town.id} {decade(gap.decade)}  {looked}{note}\n")
    return "".join(lines)


def gap_records(dataset: Dataset) -> list[dict[str, object]]:
    """Every gap as a JSON object: town, decade, looked, note."""
    return [
        {"town": town.id, "decade": gap.decade, "looked": gap.looked, "note": gap.note}
        for town in dataset.town
        for gap in town.population_gaps
    ]
