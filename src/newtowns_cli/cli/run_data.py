"""The commands about the data file itself: validate, export, schema and completion."""

from __future__ import annotations

import datetime
import json

from newtowns_cli.cli import checks, emit
from newtowns_cli.cli.emit import Out
from newtowns_cli.cli.registry import runner, subset
from newtowns_cli.model import frozen, i18n
from newtowns_cli.model.errors import PROBLEM_LIMIT, ExitCode, UsageError, stopped
from newtowns_cli.model.filters import TownFilter
from newtowns_cli.model.i18n import N_, _, ngettext
from newtowns_cli.model.records import Dataset
from newtowns_cli.reading import store
from newtowns_cli.render import Format


@runner("validate")
def validate(
    file: str | None = None,
    fmt: str = "text",
    gaps: bool = False,
    data: str | None = None,
) -> None:
    """Check a data file and report every problem as file:line:col: path: message."""
    from newtowns_cli.render import curation

    target = emit.data_file(file if file is not None else data)
    if file is not None:  # named here: --data and NEWTOWNS_DATA play no part
        hint = _("check the path; newtowns validate alone checks the data newtowns reads")
        target = frozen.replace(target, hint=hint)
    dataset, problems = store.check(target, today=datetime.date.today(), cache=emit.cache_folder())
    more = stopped(problems)
    problems = problems[:PROBLEM_LIMIT]
    if fmt == "json":
        keys = ("file", "line", "column", "path", "code", "message")
        records: object = [{key: getattr(problem, key) for key in keys} for problem in problems]
        if gaps:
            found = curation.gap_records(dataset) if dataset is not None else []
            records = {"problems": records, "gaps": found}
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        emit.deliver(text, Out(None, True, listing=False))  # escaped on a terminal
    else:
        emit.problems(problems)
        if gaps and dataset is not None:
            emit.deliver(curation.gap_lines(dataset.town), Out(None, True, listing=False))
        if dataset is not None and i18n.language() == "nl":
            _untranslated(dataset)
    if dataset is None:
        count = len(problems)
        said = ngettext("{n} problem", "{n} problems", count).format(n=count)
        if more:
            said = _("stopped after {n} problems; there are more").format(n=count)
        emit.note(f"{target.label}: {said}", always=True)
        raise SystemExit(int(ExitCode.DATA))
    towns, groups, sources = (len(getattr(dataset, t)) for t in ("town", "group", "source"))
    counts = ", ".join(
        (
            ngettext("{n} town", "{n} towns", towns).format(n=towns),
            ngettext("{n} group", "{n} groups", groups).format(n=groups),
            ngettext("{n} source", "{n} sources", sources).format(n=sources),
        )
    )
    emit.note(_("{file}: valid ({counts})").format(file=target.label, counts=counts), always=True)


def _untranslated(dataset: Dataset) -> None:
    """Under --lang nl: every free text with no Dutch beside it, one a line, and a count."""
    from newtowns_cli.questions.texts import prose

    missing = [text for text in prose(dataset) if not isinstance(text.text, i18n.Bilingual)]
    lines = []
    for text in missing:
        owner = f"{text.table}[{text.entry}]" if text.entry else text.table
        where = f"{owner}.{text.path}"
        english = text.text if len(text.text) <= 50 else text.text[:50] + "…"
        lines.append(_("{where}: no Dutch text: {english}").format(where=where, english=english))
    emit.deliver("".join(line + "\n" for line in lines), Out(None, True, listing=False))
    said = ngettext("{n} text without Dutch", "{n} texts without Dutch", len(missing))
    emit.note(said.format(n=len(missing)), always=True)


@runner("export", filters=True)
def export(
    where: TownFilter,
    fmt: str | None = None,
    delimiter: str | None = None,
    output: str | None = None,
    force: bool = False,
    data: str | None = None,
) -> None:
    """Export the data set, or the towns the filters select, for other tools."""
    import pathlib

    from newtowns_cli.exports import datafile
    from newtowns_cli.render import render, tables
    from newtowns_cli.render.formats import geojson as geo

    out = Out(None, True, output, force, data, listing=False)
    named = None
    if fmt is None and out.path is not None:
        named = emit.format_of(out.path, EXPORT_SUFFIXES, plain="toml")
    chosen = fmt or named or "toml"
    if chosen == "sqlite" and out.path is None:
        raise UsageError(_("--format sqlite needs --output FILE"), hint=_("e.g. -o newtowns.db"))
    if chosen == "xlsx" and out.path is None:
        checks.needs_file("xlsx", "NAME.xlsx", N_("a workbook"))
    if delimiter is not None:
        checks.check_delimiter(delimiter, csv=chosen == "csv")
    catalog, towns, dataset = subset(data, where)
    if chosen == "sqlite":
        from newtowns_cli.exports import sqlite
        from newtowns_cli.reading import atomic

        path = pathlib.Path(str(out.path))
        protect = [emit.data_file(data).path]
        atomic.write_with(
            path, lambda tmp: sqlite.write(dataset, tmp), force=force, protect=protect
        )
        emit.note(_("wrote {path}").format(path=path))
    elif chosen == "geojson":
        text, skipped = geo.render(catalog, towns)
        if skipped:
            emit.note(
                _("left out, no location: {towns}").format(towns=", ".join(skipped)), always=True
            )
        emit.deliver(text, out)
    elif chosen == "csv":
        table = tables.build(catalog, towns, tables.TOWN_COLUMNS)
        text = render(table, Format.CSV, delimiter=delimiter)
        emit.deliver(text, frozen.replace(out, fmt=Format.CSV))
    elif chosen == "xlsx":
        from newtowns_cli.render import record_columns
        from newtowns_cli.render.formats import xlsx

        sheets = record_columns.sheets(catalog, dataset, towns)
        emit.deliver(xlsx.workbook(sheets, created=xlsx.created(dataset.dataset.updated)), out)
    elif chosen == "json":
        emit.deliver(datafile.to_json(dataset), out)
    else:
        emit.deliver(datafile.to_toml(dataset), out)


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


@runner("schema")
def schema(generate: bool = False, output: str | None = None, force: bool = False) -> None:
    """Print the JSON Schema of the data file, for editors and CI."""
    if output is not None and output != emit.STDOUT:  # JSON only: .json, .txt or none
        emit.format_of(output, {".json": "json"}, plain="json", flag=None)
    if generate:
        from newtowns_cli.reading.validation import json_schema

        text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    else:
        import pathlib

        text = pathlib.Path(store.BUNDLED_SCHEMA).read_text(encoding="utf-8")
    emit.deliver(text, Out(None, True, output, force, listing=False))


@runner("completion")
def completion(shell: str) -> None:
    """Print the shell completion script; no startup file is changed."""
    from newtowns_cli.cli.complete import script

    emit.write(script(shell))
