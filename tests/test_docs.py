"""docs/ stays true to the code: every field of the schema is documented."""

from __future__ import annotations

import pathlib

import pytest

from newtowns_cli.model import constraints, frozen
from newtowns_cli.model import records as models

DOCS = pathlib.Path(__file__).parents[1] / "docs"


def test_every_schema_field_is_in_the_data_format_page() -> None:
    """Each table has its heading, and each field of each record appears as `name`."""
    text = (DOCS / "data-format.md").read_text("utf-8")
    records = [
        value
        for value in vars(models).values()
        if isinstance(value, type)
        and issubclass(value, models.Record)
        and value is not models.Record
    ]
    assert "## `[dataset]`" in text
    assert [t for t in models.TABLES if f"## `[[{t}]]`" not in text] == []
    missing = sorted(
        f"{record.__name__}.{name}"
        for record in records
        if record is not models.Dataset
        for name in frozen.fields(record)
        if f"`{name}`" not in text
    )
    assert missing == []


def test_every_closed_vocabulary_value_is_documented() -> None:
    """Each allowed value of each Literal type appears in docs/data-format.md."""
    import typing

    text = (DOCS / "data-format.md").read_text("utf-8")
    vocabularies = [
        constraints.Province,
        constraints.Status,
        constraints.GroupKind,
        constraints.OrganisationKind,
        constraints.SourceKind,
        constraints.Unit,
        constraints.Relation,
        constraints.HistoryKind,
        constraints.EventKind,
        constraints.Measure,
        constraints.DesignationKind,
        constraints.Covers,
    ]
    missing = [
        value
        for vocabulary in vocabularies
        for value in typing.get_args(vocabulary)
        if value not in text
    ]
    assert missing == []


def test_every_command_has_help_with_an_example() -> None:
    """Each command's --help works and shows one example of that command."""
    from typer.main import get_command

    from newtowns_cli.cli import app
    from newtowns_cli.cli.spec import BY_NAME

    from support import Runner

    commands = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    assert commands == [
        "claims", "completion", "export", "filter", "groups", "growth", "list", "organisations",
        "report", "research", "schema", "show", "sources", "summarise", "summary", "timeline",
        "validate",
    ]  # fmt: skip
    for name in [*commands, "help"]:
        result = Runner()([name, "--help"])
        assert result.exit_code == 0, name
        assert f"  Example:\n    newtowns {BY_NAME[name].name} " in result.stdout, name


def test_the_help_lists_every_command_in_the_tables_order() -> None:
    """spec.COMMANDS alone decides the help's order and names every registered command."""
    from newtowns_cli.cli.registry import every
    from newtowns_cli.cli.spec import COMMANDS

    from support import Runner

    assert sorted(every()) == sorted(c.name for c in COMMANDS if c.name != "help")
    root_help = Runner()(["--help"]).stdout
    section = root_help.split("Commands:\n")[1].split("\n\n")[0]
    listed = [line.split()[0] for line in section.splitlines() if line[2:3] != " "]
    assert listed == [c.name for c in COMMANDS]


@pytest.mark.parametrize("columns", ["40", "80", "200"])
def test_help_examples_are_never_wrapped(columns: str) -> None:
    """Each command's example is one whole line of its help at any width: copyable."""
    from newtowns_cli.cli.spec import COMMANDS

    from support import Runner

    for command in COMMANDS:
        result = Runner()([command.name, "--help"], env={"COLUMNS": columns})
        assert f"\n    {command.example}\n" in result.stdout, (command.name, result.stdout)


def test_the_alias_is_hidden_from_the_help_and_named_in_its_command() -> None:
    """`summary` is `summarise`: not listed in --help; each page names the other spelling."""
    from support import Runner

    top = Runner()(["--help"]).stdout
    assert "  summarise  " in top and "  summary " not in top
    summarise = Runner()(["summarise", "--help"]).stdout
    summary = Runner()(["summary", "--help"]).stdout
    assert "Also spelled: summary." in summarise
    assert summary == summarise.replace(
        "newtowns summarise [OPTIONS]", "newtowns summary [OPTIONS]"
    ).replace("Also spelled: summary.", "Also spelled: summarise.")


def test_readme_mentions_every_command() -> None:
    """The README's tour names every command."""
    readme = (DOCS.parent / "README.md").read_text("utf-8")
    for name in ["list", "filter", "show", "groups", "research", "organisations", "sources",
                 "timeline", "summarise", "claims", "report", "validate", "export"]:  # fmt: skip
        assert f"newtowns {name}" in readme, name


def _console_examples() -> list[tuple[str, str, str]]:
    """(file, command, expected output) for every `$ ` line in a console block of docs/."""
    examples = []
    for path in sorted(DOCS.glob("*.md")):
        text = path.read_text("utf-8")
        for block in text.split("```console\n")[1:]:
            body = block.split("\n```", 1)[0]
            for chunk in ("\n" + body).split("\n$ ")[1:]:
                command, _, output = chunk.partition("\n")
                examples.append((path.name, command, output))
    return examples


@pytest.mark.parametrize(("doc", "command", "expected"), _console_examples())
def test_console_examples_print_what_the_docs_show(
    doc: str, command: str, expected: str, tmp_path: pathlib.Path
) -> None:
    """Every `$ newtowns …` example in docs/ prints exactly the output shown under it."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("NEWTOWNS_DATA", "COLUMNS")}
    env["PATH"] = f"{pathlib.Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run(
        ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip("\n") == expected.rstrip("\n"), doc


def test_cli_reference_is_current() -> None:
    """docs/cli.md is what the app generates: regenerate after changing a command or option."""
    import importlib.util

    path = DOCS.parent / "scripts" / "cli_reference.py"
    spec = importlib.util.spec_from_file_location("cli_reference", path)
    assert spec is not None and spec.loader is not None
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    assert (DOCS / "cli.md").read_text("utf-8") == reference.markdown()


def test_readme_links_the_docs() -> None:
    """The README points to every page of docs/."""
    readme = (DOCS.parent / "README.md").read_text("utf-8")
    assert [
        page.name for page in sorted(DOCS.glob("*.md")) if f"docs/{page.name}" not in readme
    ] == []
