"""One face on every path: the console script's parser and the typer app agree, help pages
are ours at any width, and no message is click's or depends on typer's version."""

from __future__ import annotations

import contextlib
import io
import os
import pathlib
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newtowns_cli.cli import handle, helptext
from newtowns_cli.cli.registry import every
from newtowns_cli.cli.spec import BY_NAME, COMMANDS, ROOT
from newtowns_cli.cli.typer_app import make_app

RUNNERS = every()
SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"
APP = make_app()
NAMES = sorted(name for name in BY_NAME if name != "help")


@contextlib.contextmanager
def _recording() -> Iterator[list[dict[str, Any]]]:
    """Every command records the values it is handed instead of running."""
    calls: list[dict[str, Any]] = []
    saved = dict(RUNNERS)
    try:
        for name in saved:
            RUNNERS[name] = lambda values: calls.append(dict(values))  # type: ignore[assignment]
        yield calls
    finally:
        RUNNERS.update(saved)


def _through_typer(argv: list[str]) -> tuple[int, str, str, list[dict[str, Any]]]:
    with _recording() as calls:
        result = CliRunner().invoke(APP, argv)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr, calls


def _through_ours(argv: list[str]) -> tuple[int, str, str, list[dict[str, Any]]]:
    out, err = io.StringIO(), io.StringIO()
    with _recording() as calls, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = handle(argv)
    return code, out.getvalue(), err.getvalue(), calls


def _values(kind: str, choices: tuple[str, ...]) -> st.SearchStrategy[str]:
    tricky = st.sampled_from(["", "-", "-x", "--", " 5", "+5", "05", "٣", "1_0", "-1", "9" * 5000])
    if kind == "choice":
        choice = st.sampled_from(choices)
        cased = st.one_of(choice, choice.map(str.upper), choice.map(str.title))
        return st.one_of(cased, cased, tricky, st.text(max_size=5))
    if kind == "int":
        numbers = st.integers(min_value=-5, max_value=10**6).map(str)
        return st.one_of(numbers, numbers, tricky)
    plain = st.sampled_from(["mra", "Nissewaard", "2022-11", "a b", "ß"])
    return st.one_of(st.text(max_size=8), plain, plain, tricky)


@st.composite
def _lines(draw: st.DrawFn) -> list[str]:
    """A command line, mostly well formed, sometimes with a mistake or root options."""
    name = draw(st.sampled_from(NAMES))
    command = BY_NAME[name]
    tokens: list[str] = [name]
    for _ in range(draw(st.integers(0, 5))):
        param = draw(st.sampled_from(command.params))
        value = draw(_values(param.kind, param.choices))
        if not param.option:
            tokens.append(value)
            continue
        opt = draw(st.sampled_from(param.opts))
        if param.flag:
            tokens.append(draw(st.sampled_from([opt, opt, opt, f"{opt}=1"])))
            continue
        form = draw(st.sampled_from(["apart", "apart", "joined", "missing"]))
        if form == "apart":
            tokens += [opt, value]
        elif form == "joined":
            tokens.append(f"{opt}={value}" if opt.startswith("--") else f"{opt}{value}")
        else:
            tokens.append(opt)
    if draw(st.integers(0, 3)) == 0:
        junk = st.sampled_from(["--", "-h", "--help", "--nope", "-fo", "extra", "-"])
        tokens.insert(draw(st.integers(1, len(tokens))), draw(junk))
    roots = st.sampled_from([[], [], ["--data", "r.toml"], ["--data=r.toml"], ["--version"]])
    return [*draw(roots), *tokens]


@pytest.mark.slow
@settings(max_examples=max(300, settings().max_examples))
@given(_lines())
def test_both_paths_give_the_same_answer_and_values(argv: list[str]) -> None:
    """The typer app and the console script's parser: the same exit code, output and
    values for any line, whether it is read or refused."""
    assert _through_typer(argv) == _through_ours(argv), argv


@pytest.mark.parametrize("version", ["0.29.2", "0.29.3", "0.29.9", "1.0.0"])
def test_nothing_depends_on_typers_version(monkeypatch: pytest.MonkeyPatch, version: str) -> None:
    """A typer that says it is another version changes no help page, error or value."""
    monkeypatch.setattr(typer, "__version__", version)
    for argv in (["--help"], ["list", "--help"], ["list", "--regoin", "x"], ["list", "-f", "JSON"]):
        assert _through_typer(argv) == _through_ours(argv)


def test_click_asked_for_help_directly_draws_our_page() -> None:
    """format_help of the group and of each command is our renderer's."""
    group = typer.main.get_command(APP)
    context = group.make_context("newtowns", ["list"], resilient_parsing=True)
    assert group.get_help(context) == helptext.page(None).rstrip("\n")
    command = group.commands["show"]  # type: ignore[attr-defined]
    with command.make_context("show", [], resilient_parsing=True) as sub:
        assert command.get_help(sub) == helptext.page(BY_NAME["show"]).rstrip("\n")


WIDTHS = [40, 60, 80, 120, 160, 1000]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [None, *NAMES, "help"])
def test_help_reads_cleanly_at_any_width(width: int, name: str | None) -> None:
    """No line wider than the page (but an example's command line, or a word longer
    than a line: a path), no Python type names, no cut summaries, no split words."""
    command = BY_NAME[name] if name else None
    page = helptext.page(command, name=name or "", width=min(width, helptext.WIDEST))
    example = command.example if command else None
    for line in page.splitlines():
        if line.strip() != example and len(line.split()) > 1:
            assert len(line) <= max(width, 40), line
    for bad in ("<str>", "<list", "list[", "<int>", "{", "..."):
        assert bad not in page.replace("[ARGS]...", "").replace("[TOWN]...", "").replace(
            "A,B,...", ""
        ).replace("2022-11 ...", "")
    words = " ".join(page.split())
    for text in [c.summary for c in COMMANDS] if command is None else [command.summary]:
        assert text in words
    if command is not None:
        for param in command.params:
            assert " ".join(param.help.split()) in words


@pytest.mark.parametrize("columns", ["40", "60", "80", "160", "1000", "0", "abc", ""])
def test_the_script_draws_help_at_the_terminals_width(columns: str) -> None:
    """COLUMNS decides the width within 40 and 100; in a pipe without it, 80."""
    result = _script("list", "--help", COLUMNS=columns)
    width = int(columns) if columns.isdigit() and int(columns) else 80
    expected = helptext.page(BY_NAME["list"], width=min(max(width, 40), 100))
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")


@pytest.mark.parametrize("name", [None, *NAMES])
def test_help_command_prints_what_help_option_prints(name: str | None) -> None:
    """`newtowns help [COMMAND]` is `newtowns [COMMAND] --help`."""
    option = _through_ours([name, "--help"] if name else ["--help"])
    command = _through_ours(["help", name] if name else ["help"])
    assert option == command
    assert option[0] == 0 and option[1].startswith("Usage: newtowns")


def test_newtowns_alone_prints_the_help_on_stderr_and_exits_2() -> None:
    assert _through_ours([]) == (2, "", helptext.page(None), [])


def test_help_of_an_unknown_command_suggests_one() -> None:
    assert _through_ours(["help", "lsit"])[:3] == (
        2,
        "",
        "newtowns: error: no such command: lsit\n"
        "newtowns: hint: did you mean list? 'newtowns --help' lists them\n",
    )


@pytest.mark.parametrize(
    ("argv", "message", "hint"),
    [
        (["list", "--regoin", "MRA"], "no such option for list: --regoin",
         "did you mean --region? 'newtowns list --help' lists the options"),
        (["lsit"], "no such command: lsit",
         "did you mean list? 'newtowns --help' lists the commands"),
        (["list", "--format", "jsn"], "invalid value for --format: 'jsn'",
         "did you mean json? choose from table, tsv, csv, json, jsonl, md, xlsx"),
        (["list", "--limit"], "--limit needs a value", "give it as --limit N"),
        (["list", "--region", "--limit", "2"], "--region needs a value",
         "give it as --region NAME"),
        (["list", "--limit", "x"], "invalid value for --limit: 'x' is not a whole number",
         "give it as --limit N, e.g. --limit 10"),
        (["list", "--limit", "-1"], "invalid value for --limit: -1 is below 0",
         "give a whole number of 0 or more"),
        (["list", "--limit", "9" * 5000], f"invalid value for --limit: '{'9' * 5000}' is not a whole number",
         "give it as --limit N, e.g. --limit 10"),
        (["list", "--reverse=yes"], "--reverse takes no value", "write --reverse alone"),
        (["show"], "missing argument TOWN", "'newtowns show --help' says what it takes"),
        (["show", "a", "b"], "unexpected argument: 'b'",
         "'newtowns show --help' says what it takes"),
        (["list", "--", "x"], "unexpected argument: 'x'",
         "'newtowns list --help' says what it takes"),
        (["--data", "x.toml"], "missing command", "'newtowns --help' lists the commands"),
        (["--region", "MRA", "list"], "no such option: --region",
         "--region belongs after the command: newtowns list --region ..."),
        (["list", "--version"], "no such option for list: --version",
         "--version comes before the command: newtowns --version"),
        (["completion", "tcsh"], "invalid value for SHELL: 'tcsh'",
         "choose from bash, zsh, fish"),
        (["summary", "--by", "Provincie"], "invalid value for --by: 'Provincie'",
         "did you mean province? choose from province, region, group, status, decade, relieves"),
    ],
)  # fmt: skip
def test_usage_errors_are_ours_with_the_closest_suggested(
    argv: list[str], message: str, hint: str
) -> None:
    """One error line and one hint, exit 2, the same on both paths."""
    expected = (2, "", f"newtowns: error: {message}\nnewtowns: hint: {hint}\n", [])
    assert _through_ours(argv) == expected
    assert _through_typer(argv) == expected


def _script(
    *args: str, stdout: Any = subprocess.PIPE, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NEWTOWNS_DATA", "COLUMNS")}
    return subprocess.run(
        [str(SCRIPT), *args],
        env={**environment, **env},
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("columns", ["60", "80", "200"])
@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["help", "show"]])
def test_help_to_a_full_disk_is_one_line_and_exit_1(columns: str, args: list[str]) -> None:
    """`newtowns --help >/dev/full` at any width: one error line, no traceback."""
    with pathlib.Path("/dev/full").open("w") as full:
        result = _script(*args, stdout=full, COLUMNS=columns)
    assert (result.returncode, result.stderr) == (
        1,
        "newtowns: error: cannot write to standard output: no space left on device\n",
    )


def test_a_typo_in_the_script_is_one_line_naming_the_option() -> None:
    result = _script("list", "--regoin", "MRA")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "newtowns: error: no such option for list: --regoin\n"
        "newtowns: hint: did you mean --region? 'newtowns list --help' lists the options\n"
    )


def test_the_root_table_and_the_typer_app_declare_the_same_commands() -> None:
    group = typer.main.get_command(APP)
    assert list(group.commands) == [  # type: ignore[attr-defined]
        name for c in COMMANDS if c.name != "help" for name in (c.name, *c.aliases)
    ]
    assert [p.name for p in group.params if p.name != "help"] == [p.name for p in ROOT.params]


def test_every_declaration_holds_only_its_fields() -> None:
    """A Param or a Command holds only the fields its class declares: a misspelt keyword in
    spec.py (metavr="N") would otherwise be kept and never read."""
    for value in [ROOT, *COMMANDS, *(p for c in (ROOT, *COMMANDS) for p in c.params)]:
        declared = {
            name for cls in type(value).__mro__ for name in vars(cls).get("__annotations__", {})
        }
        assert set(vars(value)) <= declared, (value.name, set(vars(value)) - declared)


def test_every_declared_parameter_is_a_parameter_of_its_command() -> None:
    """The table and the command functions name the same parameters."""
    import inspect

    from newtowns_cli.cli.registry import FILTERS, OUTPUT, VIEW

    for command in COMMANDS:
        if command.name == "help":
            continue
        runner = RUNNERS[command.name]
        accepted = set(inspect.signature(runner.function).parameters) - {"where", "out", "view"}
        for shared, names in ((runner.filters, FILTERS), (runner.out, OUTPUT), (runner.view, VIEW)):
            if shared:
                accepted |= set(names)
        # --lang is read before the line (cli/language.py): every command has it, none takes it.
        assert {p.name for p in command.params} - {"lang"} == accepted, command.name
        assert command.params[-1].name == "lang"


def test_an_interrupt_while_starting_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C (or SIGTERM) before a command runs ends with 130, as during one."""
    import newtowns_cli.cli
    import newtowns_cli.cli.streams

    def interrupted(argv: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(newtowns_cli.cli.streams, "prepare", lambda: None)
    monkeypatch.setattr(newtowns_cli.cli, "handle", interrupted)
    monkeypatch.setattr(sys, "argv", ["newtowns", "list"])
    with pytest.raises(SystemExit) as stopped:
        newtowns_cli.cli.main()
    assert stopped.value.code == 130
