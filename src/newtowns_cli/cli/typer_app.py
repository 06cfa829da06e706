"""The typer app, built from the table in spec.py: the only module that imports typer.

typer declares the commands; the face is ours. The group hands every command line to
``newtowns_cli.cli.handle``, which reads it (help, usage errors and Tab answers included)
and only then lets click parse it again and call the command, inside our one error
boundary. Help asked of click directly (``format_help``) is our page too.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from newtowns_cli.cli import boundary, handle, helptext
from newtowns_cli.cli.parse import convert
from newtowns_cli.cli.spec import BY_NAME, COMMANDS, ROOT, Command, Param


class _Group(TyperGroup):
    """Hands the command line to our ``handle``; click calls the command once it is read."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """click's main(args, prog_name, complete_var, standalone_mode, ...), any version's."""
        given: Sequence[str] | None = args[0] if args else kwargs.get("args")
        argv = list(sys.argv[1:] if given is None else given)
        code = handle(argv, dispatch=lambda line: self._click(argv))
        if args[3] if len(args) > 3 else kwargs.get("standalone_mode", True):
            sys.exit(code)
        return code

    def _click(self, argv: list[str]) -> int:
        try:
            result = super().main(argv, prog_name="newtowns", standalone_mode=False)
        except Exception as exc:
            # A line read here that click refuses: the two disagree, which the tests rule
            # out; still one message of ours, never click's.
            if getattr(exc, "exit_code", None) != 2:
                raise
            from newtowns_cli.cli import _failed
            from newtowns_cli.model.errors import UsageError
            from newtowns_cli.model.i18n import _

            hint = _("'newtowns --help' lists the commands and their options")
            return _failed(UsageError(_("the command line could not be read"), hint=hint))
        return result if isinstance(result, int) else 0

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(helptext.page(None))


class _Command(TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(helptext.page(BY_NAME[str(self.name)], name=str(self.name)))


def _type(param: Param) -> Any:
    """The Python type typer reads for ``param``."""
    if param.kind == "flag":
        return bool
    inner: Any = int if param.kind == "int" else str
    if param.multiple:
        inner = list.__class_getitem__(inner)
    return inner if param.required else inner | None


def _declared(param: Param) -> inspect.Parameter:
    """``param`` as a keyword parameter with typer's Option or Argument."""
    given: dict[str, Any] = {"help": param.help, "metavar": param.metavar, "show_default": False}
    if param.kind == "choice":  # handed in its own spelling, as parse does (any case read)
        given["parser"] = lambda text: convert(param, text, param.shown)
    if param.minimum is not None:
        given["min"] = param.minimum
    declared = typer.Option(*param.opts, **given) if param.option else typer.Argument(**given)
    default = inspect.Parameter.empty if param.required else (False if param.flag else None)
    annotation: Any = Annotated[_type(param), declared]
    keyword = inspect.Parameter.KEYWORD_ONLY
    return inspect.Parameter(param.name, keyword, default=default, annotation=annotation)


def _callback(command: Command) -> Callable[..., int]:
    """The function click calls: the given values to the command, inside our boundary."""

    def invoke(ctx: typer.Context, **values: Any) -> int:
        # click passes every parameter; the command takes only those given (0 is given),
        # and --lang, read before the line (cli.language), is no command's.
        values.pop("lang", None)
        given = {k: v for k, v in values.items() if not (v is None or v is False or v == [])}
        root = ctx.find_root().params.get("data")
        if root is not None and "data" not in given and command.param("--data") is not None:
            given["data"] = root
        from newtowns_cli.cli.registry import command as runner

        return boundary(lambda: runner(command.name)(given))

    context = inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)
    signature = inspect.Signature([context, *(_declared(p) for p in command.params)])
    invoke.__signature__ = signature  # type: ignore[attr-defined]
    invoke.__doc__ = command.summary
    return invoke


def _root(**values: Any) -> None:
    """The root's options were read by our parser before click sees them."""


def make_app() -> typer.Typer:
    """The app with every command of the table."""
    application = typer.Typer(
        cls=_Group,
        name="newtowns",
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    _root.__signature__ = inspect.Signature([_declared(p) for p in ROOT.params])  # type: ignore[attr-defined]
    application.callback()(_root)
    for command in COMMANDS:
        if command.name == "help":  # answered by our parser before click is asked
            continue
        for name in (command.name, *command.aliases):
            application.command(name, cls=_Command, hidden=name != command.name)(_callback(command))
    return application
