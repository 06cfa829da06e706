"""docs/cli.md, generated from the app itself: `python -m newtowns_cli.cli.reference`."""

from __future__ import annotations

import inspect
from typing import Any

from typer.main import get_command

from newtowns_cli.cli import app


def markdown() -> str:
    """Every command with its help, usage and options, as Markdown."""
    root = get_command(app)
    context = root.make_context("newtowns", [], resilient_parsing=True)
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
    commands: dict[str, Any] = getattr(root, "commands", {})
    lines += ["| option | value | default | meaning |", "|---|---|---|---|"]
    lines += [f"| {' | '.join(_row(param, context))} |" for param in _options(root)]
    lines.append("")
    for name in sorted(commands):
        command = commands[name]
        if command.hidden:  # another name of a command, which its help names
            continue
        sub = command.make_context(name, [], parent=context, resilient_parsing=True)
        # "\b" keeps click from rewrapping the paragraph after it; Markdown needs no marker.
        text = "\n".join(
            line for line in inspect.cleandoc(command.help or "").splitlines() if line != "\b"
        )
        lines += [f"## newtowns {name}", "", text, ""]
        lines += ["```text", command.get_usage(sub).replace("Usage: ", ""), "```", ""]
        rows = [_row(param, sub) for param in _options(command)]
        if rows:
            lines += ["| option | value | default | meaning |", "|---|---|---|---|"]
            lines += [f"| {' | '.join(row)} |" for row in rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _options(command: Any) -> list[Any]:
    return [param for param in command.params if not getattr(param, "hidden", False)]


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


def _row(param: Any, context: Any) -> list[str]:
    names = ", ".join(f"`{name}`" for name in [*param.opts, *param.secondary_opts])
    if param.param_type_name == "argument":
        names = f"`{param.make_metavar(context)}` (argument)"
        value = ""
    elif getattr(param, "is_flag", False):
        value = ""
    else:
        value = f"`{param.make_metavar(context)}`"
    default = param.default
    shown = (
        ""
        if default in (None, False, (), []) or not getattr(param, "show_default", True)
        else f"`{default}`"
    )
    meaning = (getattr(param, "help", None) or "").replace("|", "\\|").replace("\n", " ")
    return [names.replace("|", "\\|"), value.replace("|", "\\|"), shown, meaning]


if __name__ == "__main__":
    import sys

    sys.stdout.write(markdown())
