"""Write cli/compiled.json: the command line as typer builds it, for the fast path.

    python -m newtowns_cli.cli.compiler > src/newtowns_cli/cli/compiled.json

typer's import alone costs several times Python's own start-up, so the common command
lines are parsed without it (fast.py) from this description of the click objects typer
builds: every parameter's spelling, type and choices, and every help page exactly as
typer prints it at the full width of 78 columns. tests/test_fast.py fails when the
checked-in file is not what this prints. A parameter with a feature the fast path does
not know (an environment variable, a callback, a prompt, a count) is refused here.
"""

from __future__ import annotations

import enum
import inspect
import json
import sys
import types
import typing
from typing import Any

import typer
import typer.main
from typer._click import types as click_types

from newtowns_cli.cli import run
from newtowns_cli.cli.base import COMMANDS, make_app
from newtowns_cli.cli.options import COMPLETIONS
from newtowns_cli.cli.params import FILTERS

WIDE = {"COLUMNS": "200"}
"""Any width of 80 columns or more gives click's widest help (78 columns)."""


def _enum_of(annotation: Any) -> type[enum.Enum] | None:
    """The Enum in an annotation such as ``Format | None``."""
    candidates = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else ()
    for candidate in (annotation, *candidates):
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
            return candidate
    return None


def _types(name: str) -> dict[str, Any]:
    """Each parameter's annotation in the command's function (the filters included)."""
    runner = run.RUNNERS[name]
    found: dict[str, Any] = dict(FILTERS) if runner.filters else {}
    for key, parameter in inspect.signature(runner.function, eval_str=True).parameters.items():
        found[key] = parameter.annotation
    return found


def _completions(name: str) -> dict[str, str]:
    """What each parameter of the command completes with: "town", "group" or "fields"."""
    found: dict[str, str] = {}
    for key, parameter in inspect.signature(COMMANDS[name]).parameters.items():
        for metadata in getattr(parameter.annotation, "__metadata__", ()):
            callback = getattr(metadata, "autocompletion", None)
            if callback is None:
                continue
            if callback not in COMPLETIONS:
                raise SystemExit(f"{name} {key}: a completion the fast path does not know")
            found[key] = COMPLETIONS[callback]
    return found


def _variadic(param: Any) -> bool:
    """The last argument may take any number of values (`growth [TOWN]...`)."""
    return bool(param.param_type_name == "argument" and param.nargs == -1)


def _parameter(
    command: str, param: Any, annotations: dict[str, Any], completions: dict[str, str]
) -> dict[str, Any]:
    unsupported = {
        "envvar": param.envvar,
        "callback": param.callback,
        "is_eager": param.is_eager,
        "prompt": getattr(param, "prompt", None),
        "count": getattr(param, "count", False),
        "hidden": getattr(param, "hidden", False),
        "nargs != 1": param.nargs != 1 and not _variadic(param),
        "expose_value": not param.expose_value,
    }
    refused = [key for key, value in unsupported.items() if value]
    if refused:
        raise SystemExit(f"{command} {param.name}: the fast path cannot parse {refused}")
    kind = type(param.type).__name__
    described: dict[str, Any] = {
        "name": param.name,
        "option": param.param_type_name == "option",
        "opts": list(param.opts),
        "secondary": list(param.secondary_opts),
        "flag": bool(getattr(param, "is_flag", False)),
        "multiple": bool(param.multiple),
        "variadic": _variadic(param),
        "required": bool(param.required),
        "complete": completions.get(param.name),
        "help": getattr(param, "help", None),
    }
    if kind in ("StringParamType", "BoolParamType"):
        described["type"] = "str" if kind == "StringParamType" else "bool"
    elif isinstance(param.type, click_types.IntParamType):  # options.AsciiInt(Range) too
        described["type"] = "int"
        if isinstance(param.type, click_types.IntRange):
            if param.type.min_open or param.type.max_open or param.type.clamp:
                raise SystemExit(f"{command} {param.name}: an open or clamped range")
            described["min"] = param.type.min
            described["max"] = param.type.max
    elif kind == "TyperChoice":
        chosen = _enum_of(annotations[param.name])
        if chosen is None or [m.value for m in chosen] != list(param.type.choices):
            raise SystemExit(f"{command} {param.name}: choices that are not an Enum's values")
        described["type"] = "choice"
        described["enum"] = f"{chosen.__module__}:{chosen.__qualname__}"
        described["choices"] = list(param.type.choices)
        described["case_sensitive"] = bool(param.type.case_sensitive)
    else:
        raise SystemExit(f"{command} {param.name}: the fast path does not know {kind}")
    return described


def _help(args: list[str]) -> str:
    """What typer prints for ``newtowns ARGS``, on a wide terminal (its own process)."""
    import os
    import subprocess

    typer_only = "from newtowns_cli.cli.base import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", typer_only, *args],
        env={**os.environ, **WIDE, "PYTHONIOENCODING": "utf-8"},  # whatever the shell has
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode != 0 or result.stderr:
        raise SystemExit(f"newtowns {' '.join(args)}: exit {result.returncode} {result.stderr}")
    return result.stdout


def compiled() -> dict[str, Any]:
    """The description fast.py reads."""
    group = typer.main.get_command(make_app())
    context = group.make_context("newtowns", ["list"], resilient_parsing=True)
    commands: dict[str, Any] = {}
    for name in group.list_commands(context):  # type: ignore[attr-defined]
        click_command = group.commands[name]  # type: ignore[attr-defined]
        annotations = _types(name)
        completions = _completions(name)
        commands[name] = {
            "hidden": bool(click_command.hidden),
            "short_help": click_command.get_short_help_str(),
            "params": [
                _parameter(name, param, annotations, completions)
                for param in click_command.params
                if param.name != "help"
            ],
            "help": _help([name, "--help"]),
        }
    help_option = group.get_help_option(context)
    return {
        "width": 78,
        "help_options": list(context.help_option_names),
        "help_option_help": help_option.help if help_option is not None else None,
        "help": _help(["--help"]),
        "root_params": [
            _parameter("newtowns", param, {}, {})
            for param in group.params
            if param.name not in ("help", "version")  # --version: answered in cli.main
        ],
        "commands": commands,
    }


def main() -> None:
    sys.stdout.write(json.dumps(compiled(), ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
