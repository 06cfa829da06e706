"""The common command lines, help pages and Tab presses, without typer.

typer (with its click) costs several times Python's own start-up on every call; a
`newtowns list --region MRA --format json` needs none of it. This module reads
compiled.json — the parameters from the table the typer app is built from too
(table.py), and the help pages exactly as typer prints them, written by compiler.py
and checked by the tests — and answers only when it is sure to answer exactly as typer
would, under the very typer version compiled.json was captured with (any other: typer
answers everything): a command line of known options and well-formed
values, `--help` on a terminal of 80 columns or more, a Tab press whose help texts rich
would print unchanged. Anything else (an unknown option, a bad value, a missing
argument, `--`, a narrow terminal's help) returns None, and the typer app answers, with
click's own messages. Either way the same function in run.py runs with the same values.
"""

from __future__ import annotations

import functools
import json
import os
import sys

from newtowns_cli.cli.params import COMPLETE_VAR

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

COMPILED = os.path.join(os.path.dirname(__file__), "compiled.json")


@functools.cache
def spec() -> dict[str, Any]:
    with open(COMPILED, encoding="utf-8") as stream:
        loaded: dict[str, Any] = json.load(stream)
    return loaded


@functools.cache
def typer_version() -> str | None:
    """The installed typer's version, read from its ``__init__.py`` without importing it.

    None when typer cannot be found or its version line is not where typer puts it.
    """
    from importlib.machinery import PathFinder

    found = PathFinder.find_spec("typer")
    origin = found.origin if found is not None else None
    if origin is None:
        return None
    try:
        with open(origin, encoding="utf-8") as stream:
            head = stream.read(4096)
    except (OSError, ValueError):
        return None
    for line in head.splitlines():
        name, equals, value = line.partition("=")
        if equals and name.strip() == "__version__":
            return value.strip().strip("\"'")
    return None


def run(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> int | None:
    """Handle ``argv`` and return the exit code, or None when typer must handle it."""
    try:
        described = spec()
    except (OSError, ValueError):
        return None  # an install without compiled.json still works, through typer
    if described.get("typer") != typer_version():
        return None  # captured from another typer: its help and Tab answers may differ
    if environ.get(COMPLETE_VAR):
        if _echo_writes_as_is():
            from newtowns_cli.cli.fast_complete import complete

            completed = complete(environ, described)
        else:
            completed = None
        if completed is None:
            return None
        text, code = completed
        return _print(text) or code
    if not argv:  # `newtowns` alone: the help on stderr and exit 2, as typer does
        page = help_page(["--help"], described)
        if page is None or not _echo_writes_as_is(sys.stderr):
            return None
        try:
            sys.stderr.write(page)
            sys.stderr.flush()
        except OSError:
            pass  # a message that cannot be written: the exit code stays the same
        return 2
    page = help_page(argv, described)
    if page is not None:
        return _print(page) if _echo_writes_as_is() else None
    split = split_root(argv, described)
    if split is None:
        return None
    root, argv = split
    if not argv or argv[0] not in described["commands"]:
        return None
    params = described["commands"][argv[0]]["params"]
    values = parse(params, argv[1:])
    if values is None:
        return None
    return invoke(argv[0], with_root(values, root, params))


def split_root(
    argv: Sequence[str], described: dict[str, Any]
) -> tuple[dict[str, Any], list[str]] | None:
    """The root options before the command (`newtowns --data FILE list`), and the rest.

    None when unsure (a root option without its value, or one the fast path leaves to
    typer, such as --version after --data).
    """
    params = described["root_params"]
    names = {opt for param in params for opt in param["opts"]}
    position = 0
    while position < len(argv) and argv[position].partition("=")[0] in names:
        position += 1 if "=" in argv[position] else 2
    if position > len(argv):
        return None
    values = parse(params, argv[:position])
    return None if values is None else (values, list(argv[position:]))


def with_root(
    values: dict[str, Any], root: dict[str, Any], params: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """A command's values with the root's --data where the command has none of its own."""
    if "data" in root and "data" not in values and any(p["name"] == "data" for p in params):
        return {**values, "data": root["data"]}
    return values


def _echo_writes_as_is(stream: Any = None) -> bool:
    """Whether click's echo (help, completions) would write to ``stream`` (stdout) as it is.

    On a stream that claims ASCII, click writes UTF-8 instead; typer then answers, so
    that help and completions stay byte for byte the same.
    """
    import codecs

    stream = sys.stdout if stream is None else stream
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name != "ascii"
    except LookupError:
        return False


def _print(text: str) -> int:
    """Write help or completions as a command writes its data: a closed pipe is no error."""
    from newtowns_cli.cli import answer

    return answer(text)


def help_page(argv: Sequence[str], described: dict[str, Any]) -> str | None:
    """`newtowns --help` or `newtowns COMMAND --help` on a terminal of 80 columns or more.

    Root options may come first (`newtowns --data FILE list --help`). click wraps help to
    the terminal's width less 2, at most 78 columns; compiled.json holds the pages at 78.
    """
    split = split_root(argv, described)
    if split is None:
        return None
    argv = split[1]
    options = described["help_options"]
    if len(argv) == 1 and argv[0] in options:
        page: str = described["help"]
    elif len(argv) == 2 and argv[1] in options and argv[0] in described["commands"]:
        page = described["commands"][argv[0]]["help"]
    else:
        return None
    import shutil

    width: int = described["width"]
    return page if shutil.get_terminal_size().columns - 2 >= width else None


def parse(
    params: Sequence[dict[str, Any]], tokens: Sequence[str], *, partial: bool = False
) -> dict[str, Any] | None:
    """The values click would pass for ``tokens``, by parameter name; None when unsure.

    Only what is given is returned: run.py's defaults are typer's defaults. ``partial``:
    a line being completed, where a required argument may still be missing.
    """
    by_option = {opt: param for param in params if param["option"] for opt in param["opts"]}
    negated = {opt: param for param in params if param["option"] for opt in param["secondary"]}
    arguments = [param for param in params if not param["option"]]
    values: dict[str, Any] = {}
    given: list[str] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        position += 1
        if token[:1] != "-" or token == "-":
            given.append(token)
            continue
        if token.startswith("--"):
            name, equals, attached = token.partition("=")
            joined = bool(equals)
        else:
            name, attached = token[:2], token[2:]
            joined = bool(attached)
        if name in negated and not joined:
            values[negated[name]["name"]] = False
            continue
        param = by_option.get(name)
        if param is None:
            return None  # --, --help, an unknown option, or short flags run together
        if param["flag"]:
            if joined:
                return None
            values[param["name"]] = True
            continue
        if not joined:
            if position >= len(tokens) or (tokens[position] != "-" and tokens[position][:1] == "-"):
                return None  # missing, or a value click would also take but we leave to it
            attached = tokens[position]
            position += 1
        value = convert(param, attached)
        if value is None:
            return None
        if param["multiple"]:
            values.setdefault(param["name"], []).append(value)
        else:
            values[param["name"]] = value
    if arguments and arguments[-1].get("variadic") and len(given) >= len(arguments):
        rest = [convert(arguments[-1], token) for token in given[len(arguments) - 1 :]]
        if None in rest:
            return None
        values[arguments[-1]["name"]] = rest
        given = given[: len(arguments) - 1]
    if len(given) > len(arguments):
        return None
    for param, token in zip(arguments, given, strict=False):
        value = convert(param, token)
        if value is None:
            return None
        values[param["name"]] = value
    if not partial and any(param["required"] and param["name"] not in values for param in params):
        return None
    return values


def convert(param: dict[str, Any], text: str) -> Any:
    """``text`` as click and typer convert it for ``param``; None when it is not valid."""
    kind = param["type"]
    if kind == "str":
        return text
    if kind == "int":
        digits = text[1:] if text[:1] in "+-" else text
        if not (digits.isascii() and digits.isdigit()):
            return None  # typer refuses non-ASCII digits too (pydantic's int)
        try:
            number = int(text)
        except ValueError:  # beyond sys.get_int_max_str_digits(): typer's, exit 2
            return None
        low, high = param.get("min"), param.get("max")
        if (low is not None and number < low) or (high is not None and number > high):
            return None
        return number
    if kind == "choice":
        choices: list[str] = param["choices"]
        if param["case_sensitive"]:
            found = text if text in choices else None
        else:
            folded = text.casefold()
            found = next((choice for choice in choices if choice.casefold() == folded), None)
        if found is None:
            return None
        import importlib

        module, _, name = param["enum"].partition(":")
        return getattr(importlib.import_module(module), name)(found)
    return None


def invoke(name: str, values: dict[str, Any]) -> int:
    """Run the command as the typer app's boundary does: the same messages and exit codes."""
    from newtowns_cli.cli import emit
    from newtowns_cli.cli.run import RUNNERS
    from newtowns_cli.errors import ExitCode, NewtownsError

    code: int | str | None
    try:
        RUNNERS[name](values)
        code = 0
    except NewtownsError as exc:
        emit.report(exc)
        code = int(exc.exit_code)
    except KeyboardInterrupt:
        code = int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        emit.silence_stdout()
        code = 0
    except SystemExit as exc:
        code = exc.code
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        emit.silence_stdout()
    if code is None or isinstance(code, int):
        return code or 0
    sys.stderr.write(f"{code}\n")  # as sys.exit does with a message
    return 1
