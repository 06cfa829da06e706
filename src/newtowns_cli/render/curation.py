"""What the data's maintainers need and its readers do not: the gaps and where one looked.

Curation notes (a gap's ``looked``, the ``curation`` field of sources, figures and facts)
come out with ``show --notes``, ``validate --gaps`` and the machine formats; the views for
people name only the decades with no municipal figure, one line per place.
"""

from __future__ import annotations

from collections.abc import Sequence

from newtowns_cli.model.errors import Problem
from newtowns_cli.model.i18n import Bilingual, _, ngettext
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


def report_json(problems: Sequence[Problem], dataset: Dataset | None, gaps: bool) -> str:
    """validate --format json: the problems as records; with ``gaps``, an object of the
    problems and the gaps (none when the file is not valid)."""
    import json

    keys = ("file", "line", "column", "path", "code", "message")
    records: object = [{key: getattr(problem, key) for key in keys} for problem in problems]
    if gaps:
        found = gap_records(dataset) if dataset is not None else []
        records = {"problems": records, "gaps": found}
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def untranslated(dataset: Dataset) -> tuple[str, str]:
    """Every free text with no Dutch beside it, one a line; and how many there are."""
    from newtowns_cli.questions.texts import prose

    missing = [text for text in prose(dataset) if not isinstance(text.text, Bilingual)]
    lines = []
    for text in missing:
        owner = f"{text.table}[{text.entry}]" if text.entry else text.table
        english = text.text if len(text.text) <= 50 else text.text[:50] + "…"
        where = f"{owner}.{text.path}"
        lines.append(_("{where}: no Dutch text: {english}").format(where=where, english=english))
    said = ngettext("{n} text without Dutch", "{n} texts without Dutch", len(missing))
    return "".join(line + "\n" for line in lines), said.format(n=len(missing))


def counts(dataset: Dataset) -> str:
    """A valid file's size, for people: '16 towns, 12 groups, 173 sources'."""
    towns, groups, sources = len(dataset.town), len(dataset.group), len(dataset.source)
    return ", ".join(
        (
            ngettext("{n} town", "{n} towns", towns).format(n=towns),
            ngettext("{n} group", "{n} groups", groups).format(n=groups),
            ngettext("{n} source", "{n} sources", sources).format(n=sources),
        )
    )
