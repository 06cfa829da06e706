"""The fast path reads a command line exactly as typer does, or leaves it to typer."""

from __future__ import annotations

import contextlib
import inspect
import json
import os
import pathlib
import subprocess
import sys
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_completion import COMPLETIONS, MINI_COMPLETIONS, OTHER_COMPLETIONS
from typer.testing import CliRunner

from newtowns_cli.cli import compiler, fast, fast_complete, run
from newtowns_cli.cli.base import make_app
from newtowns_cli.cli.params import FILTERS

from support import MINI

SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"
SPEC = fast.spec()
COMMANDS = list(SPEC["commands"])
VISIBLE = [name for name in COMMANDS if not SPEC["commands"][name]["hidden"]]
"""The commands the help lists and a Tab press offers (summary is summarise's other name)."""
APP = make_app()


def test_compiled_json_is_what_the_compiler_writes_now() -> None:
    """compiled.json is generated from the table and typer's own help pages; regenerate it
    after changing a command, an option or a help text, or when typer changes its output.

    python -m newtowns_cli.cli.compiler > src/newtowns_cli/cli/compiled.json
    """
    import typer

    assert SPEC["typer"] == typer.__version__, (
        f"compiled.json was captured with typer {SPEC['typer']}, typer {typer.__version__} "
        f"is installed: regenerate it with `{compiler.REGENERATE}`, review the diff, reinstall"
    )
    expected = json.dumps(compiler.compiled(), ensure_ascii=False, indent=1) + "\n"
    written = pathlib.Path(fast.COMPILED).read_text(encoding="utf-8")
    assert written == expected, f"compiled.json is out of date: `{compiler.REGENERATE}`"


def test_the_fast_path_reads_the_installed_typers_version_without_importing_it() -> None:
    import typer

    assert fast.typer_version() == typer.__version__


@pytest.mark.parametrize(
    "argv", [["list", "--format", "json"], ["--help"], ["list", "--help"], ["--data", "x", "list"]]
)
def test_under_another_typer_the_fast_path_steps_aside(
    monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    """compiled.json holds one typer's bytes: under any other typer, typer answers everything."""
    assert fast.help_page(argv, SPEC) is not None or fast.split_root(argv, SPEC) is not None
    monkeypatch.setattr(fast, "typer_version", lambda: "0.29.1")
    assert fast.run(argv) is None
    env = _tab_env("bash", "newtowns show spi", 2)
    assert fast_complete.complete(env, SPEC) is not None  # taken under the same typer
    assert fast.run([], env) is None
    monkeypatch.setattr(fast, "typer_version", lambda: None)  # typer not found at all
    assert fast.run(argv) is None


def test_the_typer_app_and_compiled_json_come_from_one_table() -> None:
    """Every parameter typer builds is the table's: name, spellings, kind, order."""
    import typer.main

    group = typer.main.get_command(APP)
    for name, described in SPEC["commands"].items():
        built = [p for p in group.commands[name].params if p.name != "help"]  # type: ignore[attr-defined]
        assert [p.name for p in built] == [p["name"] for p in described["params"]], name
        for param, compiled in zip(built, described["params"], strict=True):
            assert param.param_type_name == ("option" if compiled["option"] else "argument")
            if compiled["option"]:
                assert (list(param.opts), list(param.secondary_opts)) == (compiled["opts"], [])
                assert bool(getattr(param, "is_flag", False)) is compiled["flag"]
            assert (param.multiple, param.required) == (compiled["multiple"], compiled["required"])


def test_a_parameter_without_a_declaration_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new command-function parameter needs its Opt in options.py, or nothing is built."""
    from newtowns_cli.cli import table

    def growth(town: str, smooth: int | None = None) -> None:
        """A stand-in."""

    monkeypatch.setitem(run.RUNNERS, "growth-test", run.Runner("growth-test", growth))
    with pytest.raises(TypeError, match="no command-line declaration for 'town'"):
        table.params("growth-test")


def _defaults(name: str) -> dict[str, Any]:
    runner = run.RUNNERS[name]
    found = {key: None for key, _ in FILTERS} if runner.filters else {}
    for key, parameter in inspect.signature(runner.function).parameters.items():
        if key != "where" or not runner.filters:
            found[key] = parameter.default
    return found


@contextlib.contextmanager
def _recording() -> Iterator[list[dict[str, Any]]]:
    """Every command records the values it is called with instead of running."""
    calls: list[dict[str, Any]] = []
    saved = dict(run.RUNNERS)

    def record(values: dict[str, Any]) -> None:
        calls.append(dict(values))

    try:
        for name in saved:
            run.RUNNERS[name] = record  # type: ignore[assignment]
        yield calls
    finally:
        run.RUNNERS.update(saved)


def _through_typer(argv: list[str]) -> tuple[int, dict[str, Any] | None]:
    with _recording() as calls:
        result = CliRunner().invoke(APP, argv)
    return result.exit_code, (calls[0] if calls else None)


HUGE = "9" * 5000
"""More digits than int() reads (sys.get_int_max_str_digits(), 4 300)."""


def _values(param: dict[str, Any]) -> st.SearchStrategy[str]:
    tricky = st.sampled_from(
        ["", "-", "-x", "--", " 5", "+5", "05", "٣", "３", "1_0", "-1", "=x", HUGE, "-" + HUGE]
    )
    if param["type"] == "choice":
        choice = st.sampled_from(param["choices"])
        cased = st.one_of(choice, choice.map(str.upper), choice.map(str.title))
        return st.one_of(cased, cased, cased, tricky, st.text(max_size=5))
    if param["type"] == "int":
        numbers = st.integers(min_value=-5, max_value=10**6).map(str)
        return st.one_of(numbers, numbers, numbers, tricky)
    plain = st.sampled_from(["mra", "Nissewaard", "2022-11", "a b", "ß"])
    return st.one_of(st.text(max_size=8), plain, plain, tricky)


@st.composite
def _command_lines(draw: st.DrawFn) -> list[str]:
    name = draw(st.sampled_from(COMMANDS))
    params = SPEC["commands"][name]["params"]
    tokens: list[str] = [name]
    for _ in range(draw(st.integers(0, 5))):
        param = draw(st.sampled_from(params))
        if not param["option"]:
            tokens.append(draw(_values(param)))
            continue
        opt = draw(st.sampled_from(param["opts"]))
        if param["flag"]:
            tokens.append(draw(st.sampled_from([opt, opt, opt, f"{opt}=1"])))
            continue
        value = draw(_values(param))
        form = draw(st.sampled_from(["apart", "apart", "joined", "missing"]))
        if form == "apart":
            tokens += [opt, value]
        elif form == "joined":
            tokens.append(f"{opt}={value}" if opt.startswith("--") else f"{opt}{value}")
        else:
            tokens.append(opt)
    junk = st.sampled_from(["--", "-h", "--help", "--nope", "-fo", "extra", "-"])
    if draw(st.integers(0, 3)) == 0:
        tokens.insert(draw(st.integers(1, len(tokens))), draw(junk))
    return tokens


@settings(max_examples=max(300, settings().max_examples))  # more in the long profile
@given(_command_lines())
def test_a_command_line_the_fast_path_takes_gives_typers_values(argv: list[str]) -> None:
    """Whenever the fast path parses a line, typer parses it to the very same values."""
    values = fast.parse(SPEC["commands"][argv[0]]["params"], argv[1:])
    if values is None:
        return  # left to typer
    code, seen = _through_typer(argv)
    assert code == 0 and seen is not None, argv
    assert seen == {**_defaults(argv[0]), **values}


ROOTS = st.sampled_from(
    [["--data", "r.toml"], ["--data=r.toml"], ["--data", "a.toml", "--data", "r.toml"], ["--data="]]
)


@settings(max_examples=max(150, settings().max_examples))  # more in the long profile
@given(ROOTS, _command_lines())
def test_a_command_line_with_data_before_the_command_gives_typers_values(
    root: list[str], argv: list[str]
) -> None:
    """`newtowns --data FILE COMMAND …`: the fast path gives the command typer's values."""
    split = fast.split_root([*root, *argv], SPEC)
    assert split is not None and split[1] == argv
    params = SPEC["commands"][argv[0]]["params"]
    values = fast.parse(params, argv[1:])
    if values is None:
        return  # left to typer
    code, seen = _through_typer([*root, *argv])
    assert code == 0 and seen is not None, argv
    assert seen == {**_defaults(argv[0]), **fast.with_root(values, split[0], params)}


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--region", "MRA", "--format", "json"],
        ["list", "-f", "tsv", "--sort", "population", "--reverse", "--limit", "3"],
        ["list", "--status", "GROEIKERN", "--designated-from=1970", "--search", "stad"],
        ["list", "--member-as-of", "2022-11", "--group", "alliantie", "-ojson.json"],
        ["show", "nissewaard"],
        ["show", "Nissewaard", "-fmd", "--no-color"],
        ["groups"],
        ["groups", "mra", "--format=json"],
        ["sources", "--fields", "id,title", "--limit", "0"],
        ["timeline", "--from", "2020", "--kind", "event", "--kind", "membership", "--chart"],
        ["summary", "--by", "province", "--data", "x.toml"],
        ["claims", "--format", "md"],
        ["report", "-o", "x.md", "--force"],
        ["validate", "data.toml", "--format", "json"],
        ["export", "--format", "csv", "--region", "MRA"],
        ["schema", "--generate"],
        ["completion", "bash"],
        ["filter", "--region", "MRA", "-o", "mra.toml"],
        ["summarise", "--by", "province", "--sort", "towns", "--reverse", "--limit", "2"],
        ["summary", "--by", "status"],
        ["timeline", "--sort", "kind", "--reverse"],
        ["claims", "--sort", "verdict", "--limit", "3"],
        ["list", "--province", "NL-ZH", "-o", "-"],
        ["report", "--format", "html", "-o", "dossier.html"],
        ["report", "-fhtml", "--region", "MRA", "--no-pager"],
        ["growth"],
        ["growth", "almere"],
        ["growth", "almere", "Zoetermeer", "nieuwegein", "--chart", "--log"],
        ["growth", "--region", "MRA", "--sort", "factor", "--reverse", "-f", "json"],
        ["growth", "--fields", "name,factor", "-o", "g.csv", "lelystad"],
    ],
)
def test_the_common_command_lines_take_the_fast_path(argv: list[str]) -> None:
    """These are parsed without typer, to the values typer would pass."""
    values = fast.parse(SPEC["commands"][argv[0]]["params"], argv[1:])
    assert values is not None
    assert _through_typer(argv) == (0, {**_defaults(argv[0]), **values})


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--nope"],
        ["list", "--limit", "-1"],
        ["list", "--min-population", "-5"],
        ["list", "--limit", "x"],
        ["list", "--format", "jsn"],
        ["list", "--reverse=yes"],
        ["list", "--region"],
        ["list", "--", "x"],
        ["list", "--search", "-x"],
        ["list", "extra"],
        ["show"],
        ["show", "a", "b"],
        ["list", "--region", "mra", "-h"],
        ["completion", "tcsh"],
    ],
)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    """Errors, help in the middle of a line and `--` go to typer and its messages."""
    assert fast.parse(SPEC["commands"][argv[0]]["params"], argv[1:]) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--limit", HUGE],
        ["list", "--min-population", HUGE],
        ["list", "--max-population=" + HUGE],
        ["timeline", "--limit", HUGE],
        ["groups", "--limit", "1" + "0" * 4300],
        ["list", "--limit", "٣"],
        ["list", "--limit", "３"],
        ["list", "--designated-from", "١٩٧٠"],
        ["list", "--max-population", "１０"],
        ["sources", "--limit", "𝟑"],
    ],
)
def test_huge_numbers_and_other_digits_are_usage_errors_on_both_paths(argv: list[str]) -> None:
    """typer refuses them (exit 2, its message); the fast path leaves them to typer."""
    assert fast.parse(SPEC["commands"][argv[0]]["params"], argv[1:]) is None
    assert _through_typer(argv) == (2, None)
    result = subprocess.run([str(SCRIPT), *argv], capture_output=True, text=True, check=False)
    option = argv[1].split("=")[0]
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("Usage: newtowns ")
    assert result.stderr.endswith(f"\n\nError: Invalid value for '{option}': {NOT_AN_INT}\n") or (
        result.stderr.endswith(f"\n\nError: Invalid value for '{option}': {TOO_LONG}\n")
        and len(argv[-1]) > 4000
    )


NOT_AN_INT = "Input should be a valid integer, unable to parse string as an integer"
TOO_LONG = "Unable to parse input string as an integer, exceeded maximum size"
"""typer's messages (pydantic's, since typer 0.29) for other digits and too many of them."""


TYPER_ONLY = "from newtowns_cli.cli import _streams; _streams(); from newtowns_cli.cli.base import main; main()"
"""The entry point as it was before the fast path: the streams made safe, then typer."""


def _script(args: list[str], columns: str, *, typer_only: bool = False, **env: str) -> str:
    command = [sys.executable, "-c", TYPER_ONLY, *args] if typer_only else [str(SCRIPT), *args]
    result = subprocess.run(
        command,
        env={**os.environ, "COLUMNS": columns, **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert result.stderr == ""
    return result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["list", "--help"],
        ["show", "-h"],
        ["filter", "--help"],
        ["summarise", "--help"],
        ["summary", "--help"],
        ["completion", "--help"],
        ["--data", "x.toml", "--help"],
        ["--data=x.toml", "timeline", "-h"],
    ],
)
def test_help_on_a_wide_terminal_is_typers_help(args: list[str]) -> None:
    """At 80 columns and more, the compiled page is byte for byte what typer prints."""
    assert _script(args, "100") == _script(args, "100", typer_only=True)
    assert fast.help_page(args, SPEC) is not None


@pytest.mark.parametrize(
    ("columns", "encoding"),
    [("100", "utf-8"), ("80", "latin-1"), ("60", "utf-8"), ("100", "ascii")],
)
def test_newtowns_alone_prints_typers_help_on_stderr(columns: str, encoding: str) -> None:
    """No arguments: the root help on stderr and exit 2, byte for byte typer's."""

    def answer(command: list[str]) -> tuple[int, str, str]:
        env = {**os.environ, "COLUMNS": columns, "PYTHONIOENCODING": encoding}
        done = subprocess.run(command, env=env, capture_output=True, check=False)
        return done.returncode, done.stdout.decode(), done.stderr.decode("utf-8")

    fast_answer = answer([str(SCRIPT)])
    assert fast_answer == answer([sys.executable, "-c", TYPER_ONLY])
    assert fast_answer[:2] == (2, "")
    if columns != "60":
        assert fast_answer[2] == SPEC["help"]


def test_newtowns_alone_takes_the_fast_path(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    assert fast.run([]) == 2
    assert capsys.readouterr() == ("", SPEC["help"])
    monkeypatch.setenv("COLUMNS", "79")
    assert fast.run([]) is None


def test_help_on_a_narrow_terminal_is_left_to_typer() -> None:
    """Below 80 columns click wraps narrower: typer prints it."""
    narrow = _script(["list", "--help"], "60")
    assert narrow == _script(["list", "--help"], "60", typer_only=True)
    assert narrow != SPEC["commands"]["list"]["help"]
    # The example is never wrapped (copyable); the terminal folds it, not click.
    prose = [line for line in narrow.splitlines() if not line.startswith("  Example: ")]
    assert max(len(line) for line in prose) <= 58


def _tab_env(shell: str, line: str, cword: int, **extra: str) -> dict[str, str]:
    env = {"_NEWTOWNS_COMPLETE": f"complete_{shell}", "NEWTOWNS_DATA": "", "COLUMNS": "80"}
    if shell == "bash":
        env |= {"COMP_WORDS": line, "COMP_CWORD": str(cword)}
    else:  # zsh and fish send the line, the word being completed last
        words = line.split()
        env["_TYPER_COMPLETE_ARGS"] = " ".join(words[: cword + 1]) + (
            " " if cword >= len(words) else ""
        )
    return env | extra


def _typer_tab(env: dict[str, str]) -> tuple[str, int]:
    """What typer prints for a Tab press, and its exit code."""
    from typer._completion_classes import completion_init

    completion_init()
    result = CliRunner().invoke(APP, [], env=env)
    return result.stdout, result.exit_code


def _fast_tab(env: dict[str, str]) -> tuple[str, int] | None:
    with mock.patch.dict(os.environ, env):
        return fast_complete.complete(env, SPEC)


def _typer_completes(line: str, cword: int) -> list[str]:
    text, code = _typer_tab(_tab_env("bash", line, cword))
    assert code == 0, text
    return text.split("\n")[:-1] if text != "\n" else []


def _fast_completes(line: str, cword: int) -> list[str] | None:
    found = _fast_tab(_tab_env("bash", line, cword))
    if found is None:
        return None
    assert found[1] == 0
    return found[0].split("\n")[:-1] if found[0] != "\n" else []


def _same_words(fast_words: list[str], typer_words: list[str]) -> bool:
    """click lists the help option's names from a set: -h and --help come in either order."""
    helps = {"-h", "--help"}
    return [w for w in fast_words if w not in helps] == [
        w for w in typer_words if w not in helps
    ] and sorted(fast_words) == sorted(typer_words)


def _same_output(fast_text: str, typer_text: str) -> bool:
    """The same lines, in the same order but for the help option's two names."""

    def lines(text: str) -> list[str]:
        inner = text.removeprefix("_arguments '*: :((").removesuffix("))'\n")
        return inner.split("\n")

    def is_help(line: str) -> bool:
        return line.split("\t")[0].split(":")[0].strip('"') in ("-h", "--help")

    ours, theirs = lines(fast_text), lines(typer_text)
    return sorted(ours) == sorted(theirs) and [line for line in ours if not is_help(line)] == [
        line for line in theirs if not is_help(line)
    ]


_OPTION_NAMES = sorted(
    {
        opt
        for c in SPEC["commands"].values()
        for p in c["params"]
        if p["option"]
        for opt in p["opts"]
    }
)
_WORDS = st.one_of(
    st.sampled_from(COMMANDS),
    st.sampled_from(_OPTION_NAMES),
    st.sampled_from(["json", "JS", "mra", "mr", "spi", "nis", "id,na", "me", "re", "b", "-", ""]),
    st.sampled_from(["--", "-h", "=", "--format=js", "a'b", "--nope", "x", "-fjs"]),
    st.sampled_from(_OPTION_NAMES).map(lambda opt: opt[: max(1, len(opt) // 2)]),
)


def _complete_value(param: dict[str, Any]) -> st.SearchStrategy[str]:
    if param["type"] == "choice":
        return st.sampled_from(param["choices"])
    if param["type"] == "int":
        return st.sampled_from(["3", "1970"])
    return st.sampled_from(["mra", "nissewaard", "x.toml", "id,name"])


@st.composite
def _tab_presses(draw: st.DrawFn) -> tuple[str, int]:
    """A command line being typed: a command, some options, then the word being completed."""
    if draw(st.integers(0, 4)) == 0:  # anything at all
        words = [w for w in draw(st.lists(_WORDS, max_size=5)) if w]
        trailing = draw(st.booleans())
        line = " ".join(["newtowns", *words]) + (" " if trailing else "")
        return line, len(words) + trailing + draw(st.sampled_from([0, 0, -1, 1]))
    name = draw(st.sampled_from(COMMANDS))
    params = SPEC["commands"][name]["params"]
    words = [name]
    if draw(st.integers(0, 3)) == 0:  # the data file given before the command
        words = ["--data", draw(st.sampled_from([str(MINI), "x.toml"])), name]
    for param in draw(st.lists(st.sampled_from(params), max_size=3)):
        if param["option"]:
            words.append(draw(st.sampled_from(param["opts"])))
            if not param["flag"]:
                words.append(draw(_complete_value(param)))
        else:
            words.append(draw(_complete_value(param)))
    last = draw(st.sampled_from(["space", "option", "value", "word"]))
    if last == "option":
        opt = draw(st.sampled_from([o for p in params if p["option"] for o in p["opts"]] or ["-"]))
        words.append(opt[: draw(st.integers(1, len(opt)))])
    elif last == "value":
        param = draw(
            st.sampled_from([p for p in params if p["option"] and not p["flag"]] or params)
        )
        if param["option"]:
            words.append(draw(st.sampled_from(param["opts"])))
        value = draw(_complete_value(param))
        words.append(value[: draw(st.integers(0, len(value)))])
    elif last == "word":
        words.append(draw(_WORDS))
    line = " ".join(["newtowns", *words])
    if last == "space" or not words[-1]:
        return line.rstrip() + " ", len([w for w in words if w]) + 1
    return line, len(words)


@settings(max_examples=max(300, settings().max_examples))  # more in the long profile
@given(
    _tab_presses(),
    st.sampled_from(["bash", "zsh", "fish"]),
    st.sampled_from(["get-args", "is-args", ""]),
    st.sampled_from(["80", "12", "200"]),
)
def test_a_tab_press_the_fast_path_takes_completes_as_typer_does(
    press: tuple[str, int], shell: str, action: str, columns: str
) -> None:
    """Whenever the fast path answers a Tab press, typer prints the same and exits alike."""
    line, cword = press
    if shell != "bash" and cword < 1:
        return  # zsh and fish always send the program's name
    env = _tab_env(shell, line, cword, _TYPER_COMPLETE_FISH_ACTION=action, COLUMNS=columns)
    found = _fast_tab(env)
    if found is None:
        return
    text, code = _typer_tab(env)
    assert found[1] == code, (env, found)
    assert _same_output(found[0], text), (env, found, text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        *COMPLETIONS,  # what tests/test_completion.py checks through the installed script
        *OTHER_COMPLETIONS,
        *[(line.replace(" ", f" --data {MINI} ", 1), ids) for line, ids in MINI_COMPLETIONS],
        ("newtowns ", VISIBLE),
        ("newtowns completion ", ["bash", "zsh", "fish"]),
        ("newtowns show --data x.toml spi", []),
        ("newtowns timeline --kind a --k", ["--kind"]),
        ("newtowns list --region mra --re", ["--relieves", "--reverse"]),
    ],
)
def test_the_common_tab_presses_take_the_fast_path(line: str, expected: list[str]) -> None:
    """Commands, ids, fields, choices and option names complete without typer, as with it."""
    cword = len(line.split()) - (0 if line.endswith(" ") else 1)
    assert _fast_completes(line, cword) == expected
    assert _same_words(expected, _typer_completes(line, cword))


@pytest.mark.parametrize(
    ("line", "cword"),
    [("newtowns --ver", 1), ("newtowns list --format=js", 2), ("newtowns show 'spi", 2)],
)
def test_other_tab_presses_are_left_to_typer(line: str, cword: int) -> None:
    """Root options, `=` and quotes are typer's."""
    assert _fast_completes(line, cword) is None


@pytest.mark.parametrize(
    ("shell", "line", "action", "expected"),
    [
        ("zsh", "newtowns show spi", "", '_arguments \'*: :(("spijkenisse":"Spijkenisse"))\'\n'),
        ("zsh", "newtowns list --format js", "", '_arguments \'*: :(("json"\n"jsonl"))\'\n'),
        ("zsh", "newtowns show zzz", "", "_files\n"),
        ("fish", "newtowns show spi", "get-args", "spijkenisse\tSpijkenisse\n"),
        ("fish", "newtowns list --fields id,na", "get-args", "id,name\n"),
        ("fish", "newtowns show zzz", "get-args", "\n"),
    ],
)
def test_zsh_and_fish_tab_presses_take_the_fast_path(
    shell: str, line: str, action: str, expected: str
) -> None:
    """ids with their names, choices and fields, for zsh and fish, as typer prints them."""
    cword = len(line.split()) - 1
    env = _tab_env(shell, line, cword, _TYPER_COMPLETE_FISH_ACTION=action)
    assert _fast_tab(env) == (expected, 0)
    assert _typer_tab(env) == (expected, 0)


def test_fish_asks_whether_there_are_candidates() -> None:
    """is-args: exit 0 when there are candidates, 1 when there are none; nothing printed."""
    for line, code in (("newtowns show spi", 0), ("newtowns show zzz", 1)):
        env = _tab_env("fish", line, 2, _TYPER_COMPLETE_FISH_ACTION="is-args")
        assert _fast_tab(env) == ("", code)
        assert _typer_tab(env) == ("", code)


def test_long_option_help_is_wrapped_as_rich_wraps_it() -> None:
    """zsh shows each option's help; rich wraps it at the console's width: so does the fast path."""
    for line in ("newtowns list --f", "newtowns list --d"):
        for columns in ("20", "80"):
            env = _tab_env("zsh", line, 2, COLUMNS=columns)
            found = _fast_tab(env)
            assert found is not None
            assert _same_output(found[0], _typer_tab(env)[0]), (line, columns)
            if columns == "20":  # every help here is longer: each is wrapped
                assert found[0].count("\n") > found[0].count('"-')


def test_the_characters_taken_as_one_cell_are_one_cell_in_rich() -> None:
    """The wrap counts characters; rich counts cells: for these they are the same."""
    from rich.cells import cell_len

    assert {c for c in fast_complete.SINGLE_CELL if cell_len(c) != 1} == set()


@pytest.mark.parametrize("name", ["Aa [b]", "Aa :x:", "Aa 中文", "Aa \u0301"])
def test_a_help_text_rich_would_change_is_left_to_typer(tmp_path: pathlib.Path, name: str) -> None:
    """Markup, a possible emoji code or non-ASCII text in a help (here a town's name)."""
    data = tmp_path / "data.toml"
    data.write_text(f'[[town]]\nid = "aa"\nname = "{name}"\n', encoding="utf-8")
    env = _tab_env("zsh", "newtowns show a", 2, NEWTOWNS_DATA=str(data))
    assert _fast_tab(env) is None
    assert _fast_tab(_tab_env("bash", "newtowns show a", 2, NEWTOWNS_DATA=str(data))) == (
        "aa\n",
        0,
    )


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_help_on_a_stream_that_is_not_utf8_is_typers_help(encoding: str) -> None:
    """click writes UTF-8 to a stdout that claims ASCII: there typer prints the help."""
    args = ["list", "--help"]
    fast_page = _script(args, "100", PYTHONIOENCODING=encoding)
    assert fast_page == _script(args, "100", typer_only=True, PYTHONIOENCODING=encoding)
    assert ("A,B,…" in fast_page) is (encoding == "ascii")  # latin-1: A,B,\\u2026


def test_without_compiled_json_everything_goes_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken install (no compiled.json) still works: only slower."""
    monkeypatch.setattr(fast, "COMPILED", "/nonexistent/compiled.json")
    fast.spec.cache_clear()
    try:
        assert fast.run(["list", "--format", "json"]) is None
        assert fast.run(["--help"]) is None
    finally:
        fast.spec.cache_clear()


def test_an_interrupt_while_starting_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C (or SIGTERM) before a command runs ends with 130, as during one."""
    import newtowns_cli.cli
    from newtowns_cli.cli import main
    from newtowns_cli.errors import ExitCode

    def interrupted(argv: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(newtowns_cli.cli, "_streams", lambda: None)  # leave pytest's streams
    monkeypatch.setattr(fast, "run", interrupted)
    monkeypatch.setattr(sys, "argv", ["newtowns", "list"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == ExitCode.INTERRUPTED
