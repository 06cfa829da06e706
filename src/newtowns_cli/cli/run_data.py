"""The commands about the data file itself: validate, export, schema and completion."""

from __future__ import annotations

import datetime
import json

from newtowns_cli.cli import emit
from newtowns_cli.cli.emit import Out
from newtowns_cli.cli.registry import runner, subset
from newtowns_cli.model import frozen, i18n
from newtowns_cli.model.errors import PROBLEM_LIMIT, ExitCode, UsageError, stopped
from newtowns_cli.model.filters import TownFilter
from newtowns_cli.model.i18n import N_, _, ngettext
from newtowns_cli.reading import store


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
    text = Out(None, True, listing=False)  # text of one format: escaped on a terminal
    if fmt == "json":
        emit.deliver(curation.report_json(problems, dataset, gaps), text)
    else:
        emit.problems(problems)
        if gaps and dataset is not None:
            emit.deliver(curation.gap_lines(dataset.town), text)
        if dataset is not None and i18n.language() == "nl":  # under --lang nl
            lines, said = curation.untranslated(dataset)
            emit.deliver(lines, text)
            emit.note(said, always=True)
    if dataset is None:
        count = len(problems)
        said = ngettext("{n} problem", "{n} problems", count).format(n=count)
        if more:
            said = _("stopped after {n} problems; there are more").format(n=count)
        emit.note(f"{target.label}: {said}", always=True)
        raise SystemExit(int(ExitCode.DATA))
    said = _("{file}: valid ({counts})").format(file=target.label, counts=curation.counts(dataset))
    emit.note(said, always=True)


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
    from newtowns_cli.render.exported import EXPORT_SUFFIXES, exported

    out = Out(None, True, output, force, data, listing=False)
    named = None
    if fmt is None and out.path is not None:
        named = emit.format_of(out.path, EXPORT_SUFFIXES, plain="toml")
    chosen = fmt or named or "toml"
    if chosen == "sqlite" and out.path is None:
        raise UsageError(_("--format sqlite needs --output FILE"), hint=_("e.g. -o newtowns.db"))
    if chosen == "xlsx" and out.path is None:
        emit.needs_file("xlsx", "NAME.xlsx", N_("a workbook"))
    if delimiter is not None:
        emit.check_delimiter(delimiter, csv=chosen == "csv")
    catalog, towns, dataset = subset(data, where)
    if chosen == "sqlite":
        import pathlib

        from newtowns_cli.exports import sqlite
        from newtowns_cli.reading import atomic

        path, protect = pathlib.Path(str(out.path)), [emit.data_file(data).path]
        atomic.write_with(
            path, lambda tmp: sqlite.write(dataset, tmp), force=force, protect=protect
        )
        emit.note(_("wrote {path}").format(path=path))
        return
    text, skipped = exported(chosen, catalog, towns, dataset, delimiter)
    if skipped:
        said = _("left out, no location: {towns}").format(towns=", ".join(skipped))
        emit.note(said, always=True)
    emit.deliver(text, out)


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
