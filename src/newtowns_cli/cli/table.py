"""The command line as one table: every command's parameters, fully resolved.

Each parameter joins its declaration (options.py: spelling, metavar, help, completion,
range) with the command function's parameter in run.py (type and default). The typer
app (commands.py, base.py) and compiled.json (compiler.py) are both built from this
table, so the fast path never reads typer's own parameter classes. A parameter without
a declaration, or of a type the fast path cannot read, is an error here.
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from typing import Any

from newtowns_cli.cli import options, run
from newtowns_cli.cli.options import Opt
from newtowns_cli.cli.params import FILTERS
from newtowns_cli.frozen import Frozen


class Param(Frozen):
    """One parameter of a command as both typer and the fast path read it."""

    name: str
    declared: Opt
    annotation: Any
    """The function's annotation (Format | None, list[str] | None, …)."""
    default: Any
    kind: str
    """"str", "int", "bool" (a flag) or "choice" (an Enum's values)."""
    enum: type[enum.Enum] | None
    multiple: bool

    @property
    def option(self) -> bool:
        return not self.declared.argument

    @property
    def opts(self) -> list[str]:
        if not self.option:
            return [self.name]  # as click names an argument
        return list(self.declared.opts) or ["--" + self.name.replace("_", "-")]

    @property
    def required(self) -> bool:
        return self.default is inspect.Parameter.empty

    def compiled(self) -> dict[str, Any]:
        """What fast.py reads about this parameter (compiled.json)."""
        described: dict[str, Any] = {
            "name": self.name,
            "option": self.option,
            "opts": self.opts,
            "secondary": [],
            "flag": self.kind == "bool",
            "multiple": self.multiple and self.option,
            "variadic": self.multiple and not self.option,
            "required": self.required,
            "complete": self.declared.complete,
            "help": self.declared.help,
            "type": self.kind,
        }
        if self.kind == "int" and self.declared.min is not None:
            described["min"] = self.declared.min
            described["max"] = None
        if self.enum is not None:
            described["enum"] = f"{self.enum.__module__}:{self.enum.__qualname__}"
            described["choices"] = [member.value for member in self.enum]
            described["case_sensitive"] = self.declared.case_sensitive
        return described


def _resolve(command: str, name: str, declared: Opt, annotation: Any, default: Any) -> Param:
    """``annotation`` as one of the kinds the fast path reads; anything else is refused."""
    inner = annotation
    if isinstance(inner, types.UnionType) or typing.get_origin(inner) is typing.Union:
        rest = [arg for arg in typing.get_args(inner) if arg is not type(None)]
        if len(rest) != 1:
            raise TypeError(f"{command} {name}: a union the fast path cannot read")
        inner = rest[0]
    multiple = typing.get_origin(inner) is list
    if multiple:
        (inner,) = typing.get_args(inner)
    chosen = inner if isinstance(inner, type) and issubclass(inner, enum.Enum) else None
    if chosen is not None:
        if not all(isinstance(member.value, str) for member in chosen):
            raise TypeError(f"{command} {name}: an Enum whose values are not text")
        kind = "choice"
    elif inner in (str, int, bool):
        kind = inner.__name__
    else:
        raise TypeError(f"{command} {name}: the fast path does not know {inner!r}")
    if kind == "bool" and (declared.argument or multiple):
        raise TypeError(f"{command} {name}: a flag is an option, given once")
    if declared.min is not None and kind != "int":
        raise TypeError(f"{command} {name}: min= on a parameter that is not an integer")
    return Param(name, declared, annotation, default, kind, chosen, multiple)


def params(command: str) -> list[Param]:
    """The parameters of ``command`` in the order of its help: the filters, then its own."""
    runner = run.RUNNERS[command]
    own = options.OWN.get(runner.name, {})
    found = [
        _resolve(command, name, options.FILTERS[name], kind | None, None)
        for name, kind in (FILTERS if runner.filters else ())
    ]
    signature = inspect.signature(runner.function, eval_str=True)
    for name, parameter in signature.parameters.items():
        if name == "where" and runner.filters:
            continue
        declared = own.get(name, options.SHARED.get(name))
        if declared is None:
            raise TypeError(f"{runner.name}: no command-line declaration for {name!r}")
        found.append(_resolve(command, name, declared, parameter.annotation, parameter.default))
    return found


ROOT = [_resolve("newtowns", "data", options.ROOT_DATA, str | None, None)]
"""The options given before the command (`newtowns --data FILE list`); --version apart."""
