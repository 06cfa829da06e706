"""Exit codes and the error hierarchy every layer raises; only cli.py turns them into output."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import _, ngettext


class ExitCode(enum.IntEnum):
    """The documented exit codes of the newtowns command."""

    OK = 0
    DATA = 1
    USAGE = 2
    NOT_FOUND = 3
    INTERRUPTED = 130


PROBLEM_LIMIT = 1000
"""Validation stops collecting problems here: a file of a million mistakes is reported by
its first thousand, in the memory a thousand take."""


def stopped(problems: Sequence[Problem]) -> bool:
    """Whether validation stopped at the limit: it hands over one problem more than that."""
    return len(problems) > PROBLEM_LIMIT


class Problem(Frozen):
    """One located problem in a data file: ``file:line:col: path: message``."""

    file: str
    line: int
    column: int
    path: str
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}:"
        return f"{where} {self.path}: {self.message}" if self.path else f"{where} {self.message}"

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line, self.column, self.path, self.message)


class NewtownsError(Exception):
    """Base class of every expected error; carries the exit code and an optional hint."""

    exit_code: ExitCode = ExitCode.DATA

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class DataFileError(NewtownsError):
    """The data file cannot be read at all: missing, a directory, unreadable, not UTF-8."""


class DataInvalidError(NewtownsError):
    """The data file was read but has problems (syntax, schema, references, plausibility)."""

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        import shlex  # only for this message: a file name a shell can take as it is

        count = len(problems)
        shown = f"./{file}" if file.startswith("-") else file  # not read as an option
        message = ngettext("{file} has {n} problem", "{file} has {n} problems", count).format(
            file=file, n=count
        )
        if stopped(problems):
            message = _("{file} has more than {n} problems (validation stopped there)").format(
                file=file, n=PROBLEM_LIMIT
            )
        super().__init__(
            message,
            hint=_("for the full report, run: newtowns validate {file}").format(
                file=shlex.quote(shown)
            ),
        )
        self.file = file
        self.problems = tuple(sorted(problems, key=Problem.sort_key)[:PROBLEM_LIMIT])


class UsageError(NewtownsError):
    """A command-line value is wrong in a way only the data can tell (unknown region, field)."""

    exit_code = ExitCode.USAGE


class NotFoundError(NewtownsError):
    """A named thing does not exist; the hint lists close matches."""

    exit_code = ExitCode.NOT_FOUND


class OutputError(NewtownsError):
    """An output file cannot be written."""


def usage(
    message: str, hint: str | None = None, *, guess: str | None = None, **values: object
) -> UsageError:
    """A UsageError of ``message`` and ``hint``, translated templates filled in with
    ``values``; ``guess``, if any, is suggested first in the hint ("did you mean ...? ")."""
    shown = did_you_mean(guess) + (hint.format(**values) if hint is not None else "")
    return UsageError(message.format(**values), hint=shown or None)


def did_you_mean(guess: str | None) -> str:
    """The start of a hint suggesting ``guess`` ("did you mean --region? "), if any."""
    return _("did you mean {guess}? ").format(guess=guess) if guess else ""
