"""The command line: one main, one parser, one error boundary, one style of message.

Every path comes through ``handle``: the console script (which imports no typer), and the
typer app (typer_app.py), whose group hands its command line here and lets click call
the command only once the line has been read here. Help, usage errors and Tab answers
are ours on both, so they cannot drift when typer releases.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, NoReturn

    import typer

    from newtowns_cli.cli.parse import Line

__all__ = ["app", "handle", "main"]
OUT_OF_MEMORY = "newtowns: error: out of memory\n"
"""A MemoryError anywhere: one line and exit 1 (under `ulimit -v`, a file too large for it)."""


def main() -> NoReturn:
    """Console-script entry point."""
    from newtowns_cli.cli.streams import prepare

    prepare()
    try:
        code = handle(sys.argv[1:])
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM while starting: no traceback
        code = 130
    except MemoryError:  # while starting, before the boundary: the same one line
        code = _message(OUT_OF_MEMORY, 1)
    sys.exit(code)


def handle(argv: Sequence[str], dispatch: Callable[[Line], int] | None = None) -> int:
    """Answer one command line and return its exit code.

    ``dispatch`` calls the command another way (the typer app's click); by default the
    command's function is called with the values read here.
    """
    from newtowns_cli.cli import language
    from newtowns_cli.cli.spec import COMPLETE_VAR

    if os.environ.get(COMPLETE_VAR):
        from newtowns_cli.cli.complete import answer as tab
        from newtowns_cli.cli.complete import line_words

        # The descriptions a shell shows beside the candidates speak the run's language.
        language.use(language.choose(line_words(os.environ), os.environ))
        text, code = tab(os.environ)
        return answer(text) or code
    from newtowns_cli.cli.parse import parse

    language.use(language.choose(argv, os.environ))
    if not argv:  # the help, on stderr as a usage error: no command was given
        from newtowns_cli.cli import helptext

        return _message(helptext.page(None), 2)
    try:
        if language.given(argv) is None:
            language.check_environment(os.environ)
        line = parse(argv)
    except Exception as exc:  # a UsageError of our own wording; anything else is a bug
        return _failed(exc)
    if line.version:
        from newtowns_cli import __version__

        return answer(f"newtowns {__version__}\n")
    if line.help:
        from newtowns_cli.cli import helptext

        return answer(helptext.page(line.command, name=line.name))
    if dispatch is not None:
        return dispatch(line)
    assert line.command is not None
    from newtowns_cli.cli.registry import command as runner

    name = line.command.name
    return boundary(lambda: runner(name)(line.values))


def boundary(call: Callable[[], object]) -> int:
    """Run a command: every expected error becomes its message and exit code, on any path."""
    from newtowns_cli.cli import emit
    from newtowns_cli.model.errors import ExitCode, NewtownsError

    code: int | str | None = 0
    memory = False
    try:
        call()
    except NewtownsError as exc:
        emit.report(exc)
        code = int(exc.exit_code)
    except MemoryError:
        memory = True  # reported below, once the exception has let go of what it held
    except KeyboardInterrupt:
        code = int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        emit.silence_stdout()
    except SystemExit as exc:
        code = exc.code
    from newtowns_cli.cli.streams import INTERRUPTED

    if INTERRUPTED[0]:  # a signal whose KeyboardInterrupt a finalizer swallowed
        code = int(ExitCode.INTERRUPTED)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        emit.silence_stdout()
    except OSError as exc:
        return _failed(emit.stdout_error(exc))
    if memory:
        return _message(_out_of_memory(), int(ExitCode.DATA))
    if code is None or isinstance(code, int):
        return code or 0
    return _message(f"{code}\n", 1)  # as sys.exit does with a message


def _out_of_memory() -> str:
    """The one line for a MemoryError, in the run's language once memory is free again."""
    try:
        from newtowns_cli.model.i18n import _

        return _("newtowns: error: ") + _("out of memory") + "\n"
    except MemoryError:
        return OUT_OF_MEMORY


def _failed(exc: BaseException) -> int:
    """An error of ours reported in our style; anything else goes on up."""
    from newtowns_cli.cli import emit
    from newtowns_cli.model.errors import NewtownsError

    if not isinstance(exc, NewtownsError):
        raise exc
    emit.report(exc)
    return int(exc.exit_code)


def _message(text: str, code: int) -> int:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except OSError:
        pass  # a message that cannot be written: the exit code stays the same
    return code


def answer(text: str) -> int:
    """Write ``text`` (help, the version, Tab answers) to stdout as a command writes data.

    A closed pipe is not an error (exit 0); a closed stdout or a full disk is one message
    on stderr and exit 1, not a traceback.
    """
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:  # a closed pipe is no error; anything else is one
        from newtowns_cli.cli.emit import silence_stdout, stdout_error

        code = 0 if isinstance(exc, BrokenPipeError) else _failed(stdout_error(exc))
        silence_stdout()  # what is still buffered goes nowhere, not to a failing exit
        return code
    return 0


def __getattr__(name: str) -> Any:
    # `from newtowns_cli.cli import app`: the typer app, built from the same table.
    if name == "app":
        from newtowns_cli.cli.typer_app import make_app

        return make_app()
    raise AttributeError(name)


if TYPE_CHECKING:
    app: typer.Typer
