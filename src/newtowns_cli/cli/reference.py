"""docs/cli.md, generated from the command table: `python -m newtowns_cli.cli.reference`.

The same table (table.py) the typer app and compiled.json are built from.
"""

from __future__ import annotations

import enum
import inspect

from newtowns_cli.cli import run, table

VERSION_HELP = "Print the version and exit."
"""The help of --version (base.py), the one root option outside the table."""


def markdown() -> str:
    """Every command with its help, usage and options, as Markdown."""
    lines = [
        "# Command reference",
        "",
        "Generated from the code by `python -m newtowns_cli.cli.reference > docs/cli.md`;",
        "`tests/test_docs.py` fails when this file and the code disagree.",
        "",
        "```text",
        "newtowns [--version] [--data FILE] [-h | --help] COMMAND [OPTIONS] [ARGUMENTS]",
        "```",
        "",
        "Without `--format`, a terminal gets tables and views drawn for people (below, as",
        "`--format table` draws them in a pipe, at `COLUMNS` or 80 columns) and a pipe gets TSV,",
        "or for one item (`show`, `groups ID`, …) the same sections as plain text:",
        "",
        *_example("COLUMNS=80 newtowns list --region MRA --format table"),
        "",
    ]
    lines += ["| option | value | default | meaning |", "|---|---|---|---|"]
    lines.append(f"| `--version` |  |  | {VERSION_HELP} |")
    lines += [f"| {' | '.join(_row(param))} |" for param in table.ROOT]
    lines.append("")
    for name in sorted(run.RUNNERS):
        if name in run.ALIASES:  # another name of a command, which its help names
            continue
        params = table.params(name)
        # "\b" keeps click from rewrapping the paragraph after it; Markdown needs no marker.
        doc = inspect.cleandoc(run.RUNNERS[name].function.__doc__ or "")
        text = "\n".join(line for line in doc.splitlines() if line != "\b")
        lines += [f"## newtowns {name}", "", text, ""]
        lines += ["```text", _usage(name, params), "```", ""]
        if params:
            lines += ["| option | value | default | meaning |", "|---|---|---|---|"]
            lines += [f"| {' | '.join(_row(param))} |" for param in params]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _usage(name: str, params: list[table.Param]) -> str:
    """The usage line, as click writes it: options first, then the arguments."""
    words = [f"newtowns {name} [OPTIONS]"]
    for param in params:
        if not param.option:
            metavar = param.declared.metavar or param.name.upper()
            words.append(metavar if param.required else f"[{metavar}]")
    return " ".join(words)


def _example(command: str) -> list[str]:
    """A console block: ``command`` and what the installed script prints for it."""
    import os
    import shlex
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("NEWTOWNS_DATA", "COLUMNS")}
    words = shlex.split(command)
    at = words.index("newtowns")
    env |= dict(assignment.split("=", 1) for assignment in words[:at])
    args = words[at + 1 :]
    printed = subprocess.run(
        [sys.executable, "-m", "newtowns_cli", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    return ["```console", f"$ {command}", *printed.rstrip("\n").splitlines(), "```"]


def _row(param: table.Param) -> list[str]:
    metavar = param.declared.metavar or param.name.upper()
    if param.enum is not None and (param.option or param.declared.metavar is None):
        metavar = "<" + "|".join(member.value for member in param.enum) + ">"
    if not param.option:
        names = f"`{metavar if param.required else f'[{metavar}]'}` (argument)"
        value = ""
    else:
        names = ", ".join(f"`{opt}`" for opt in param.opts)
        value = "" if param.kind == "bool" else f"`{metavar}`"
    default = param.default
    if isinstance(default, enum.Enum):
        default = default.value
    shown = (
        ""
        if default in (None, False, (), [], inspect.Parameter.empty)
        or not param.declared.show_default
        else f"`{default}`"
    )
    meaning = (param.declared.help or "").replace("|", "\\|").replace("\n", " ")
    return [names.replace("|", "\\|"), value.replace("|", "\\|"), shown, meaning]


if __name__ == "__main__":
    import sys

    sys.stdout.write(markdown())
