"""docs/cli.md, generated from the table: `python scripts/cli_reference.py > docs/cli.md`.

Each command's section is its help page, as `newtowns COMMAND --help` prints it at 100
columns: the same renderer, so the reference and the help cannot disagree.
"""

from __future__ import annotations

from newtowns_cli.cli import helptext
from newtowns_cli.cli.spec import COMMANDS


def markdown() -> str:
    """The root help, then every command's help, as Markdown."""
    lines = [
        "# Command reference",
        "",
        "Generated from the code by `python scripts/cli_reference.py > docs/cli.md`;",
        "`tests/test_docs.py` fails when this file and the code disagree. Each section is",
        "what `newtowns COMMAND --help` prints on a wide terminal.",
        "",
        "Without `--format`, a terminal gets tables and views drawn for people (below, as",
        "`--format table` draws them in a pipe, at `COLUMNS` or 80 columns) and a pipe gets TSV,",
        "or for one item (`show`, `groups ID`, …) the same sections as plain text:",
        "",
        *_example("COLUMNS=80 newtowns list --region MRA --format table"),
        "",
        "## newtowns",
        "",
        "```text",
        *helptext.page(None, width=helptext.WIDEST).splitlines(),
        "```",
    ]
    for command in COMMANDS:
        page = helptext.page(command, width=helptext.WIDEST)
        lines += ["", f"## newtowns {command.name}", "", "```text", *page.splitlines(), "```"]
    return "\n".join(lines) + "\n"


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
    printed = subprocess.run(
        [sys.executable, "-m", "newtowns_cli", *words[at + 1 :]],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    return ["```console", f"$ {command}", *printed.rstrip("\n").splitlines(), "```"]


if __name__ == "__main__":
    import sys

    sys.stdout.write(markdown())
