"""What export writes in each format but SQLite (exports/sqlite.py writes its own file),
and what report writes."""

from __future__ import annotations

from newtowns_cli.render import Format

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from newtowns_cli.model.records import Dataset, Town
    from newtowns_cli.questions.lookup import Catalog


EXPORT_SUFFIXES = {
    ".toml": "toml",
    ".json": "json",
    ".csv": "csv",
    ".geojson": "geojson",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".xlsx": "xlsx",
}
"""The extensions export's -o FILE knows; .txt and none get TOML, as a pipe does."""
DOSSIER_SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
}
"""The extensions report's -o FILE knows; .txt and none get Markdown, as a pipe does."""


def exported(
    fmt: str, catalog: Catalog, towns: Sequence[Town], dataset: Dataset, delimiter: str | None
) -> tuple[str | bytes, Sequence[str]]:
    """``dataset`` (about ``towns``) in ``fmt``, and the towns left out (GeoJSON: those
    without a location). toml and json: a data file; csv: the towns with every field;
    geojson: a point per town; xlsx: a workbook of every table (bytes)."""
    if fmt == "geojson":
        from newtowns_cli.render.formats import geojson

        return geojson.render(catalog, towns)
    if fmt == "csv":
        from newtowns_cli.render import render, tables

        table = tables.build(catalog, towns, tables.TOWN_COLUMNS)
        return render(table, Format.CSV, delimiter=delimiter), ()
    if fmt == "xlsx":
        from newtowns_cli.render import record_columns
        from newtowns_cli.render.formats import xlsx

        sheets = record_columns.sheets(catalog, dataset, towns)
        return xlsx.workbook(sheets, created=xlsx.created(dataset.dataset.updated)), ()
    from newtowns_cli.exports import datafile

    return datafile.to_json(dataset) if fmt == "json" else datafile.to_toml(dataset), ()


def document(
    catalog: Catalog, towns: Sequence[Town], *, html: bool, brief: bool, filtered: bool
) -> str | Iterable[str]:
    """The report of ``towns``: the dossier, or with ``brief`` the two-page brief; an HTML
    page (in pieces, written as made) or Markdown. ``filtered``: the towns are a selection."""
    if html and brief:
        from newtowns_cli.render.html import brief as html_brief

        return html_brief.render(catalog, towns, filtered=filtered)
    if html:
        from newtowns_cli.render.html import dossier

        return dossier.render(catalog, towns, filtered=filtered)
    if brief:
        from newtowns_cli.render.documents.brief import brief as markdown_brief

        return markdown_brief(catalog, towns, filtered=filtered)
    from newtowns_cli.render.documents.report import report

    return report(catalog, towns, filtered=filtered)
