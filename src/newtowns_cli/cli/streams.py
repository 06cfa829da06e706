"""Streams safe for any environment, set up once before the console script writes anything."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from typing import Any


def prepare() -> None:
    """Make stdout and stderr safe for any environment before anything is written.

    A closed stdout (`newtowns list >&-`) becomes an error on writing rather than a crash;
    messages to a closed stderr (`2>&-`) are discarded, so the exit code stays the
    documented one (3 for `show atlantis`, 2 for a usage error), not 1 for a failed write;
    on a stream that is not UTF-8 (PYTHONIOENCODING=latin-1, an old locale), characters it
    cannot encode are written as visible escapes (\u2026) instead of raising. SIGTERM and
    SIGHUP end the run like Ctrl-C, so a half-written output file is removed. A terminal size of
    more than six digits (COLUMNS=10**5000) is read as 999999 by every reader.
    """
    import os

    try:  # the C module: signal.py builds enums of every signal, 1-2 ms of each start-up
        import _signal as signal  # type: ignore[import-not-found, unused-ignore]
    except ImportError:  # pragma: no cover - other Pythons
        import signal

    for name in ("COLUMNS", "LINES", "TERMINAL_WIDTH"):
        value = os.environ.get(name, "")
        if value.isascii() and value.isdigit() and len(value.lstrip("0")) > 6:
            # A size of more than 4 300 digits makes int() raise in rich and typer; any
            # size this large means "very large", the same to every reader.
            os.environ[name] = "999999"
    if sys.stderr is None:
        sys.stderr = _discarding_stderr()
    else:
        sys.stderr = _Forgiving(sys.stderr)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, _Closed())
        elif (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(errors="backslashreplace")
    for ending in (signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)):
        # SIGHUP: the terminal closed (an ssh session dropped). Left to its default it
        # ended the run at once, and an -o file's temporary file stayed behind.
        if signal.getsignal(ending) is signal.SIG_DFL:
            signal.signal(ending, _terminate)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _terminate)  # Ctrl-C, remembered (not when ignored)


def _discarding_stderr() -> Any:
    """A stderr on /dev/null, put on descriptor 2 so no file opened later takes it."""
    import os

    descriptor = os.open(os.devnull, os.O_WRONLY)
    if descriptor != 2:
        os.dup2(descriptor, 2)
        os.close(descriptor)
    return open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)


INTERRUPTED = [False]
"""Whether Ctrl-C, SIGTERM or SIGHUP came. The KeyboardInterrupt a signal raises is lost
when it lands in a finalizer (a ``__del__``, a generator closed by the collector): Python
prints "Exception ignored" and goes on. The run still ends as interrupted (exit 130, no
more output): emit.write and the error boundary look here."""


def _terminate(signum: int, frame: object) -> None:
    INTERRUPTED[0] = True
    raise KeyboardInterrupt


def interrupted() -> None:
    """Raise KeyboardInterrupt again if a signal came and its exception was lost."""
    if INTERRUPTED[0]:
        raise KeyboardInterrupt


class _Forgiving:
    """stderr that drops a message it cannot write (a closed pipe: `2>&1 | head -0`).

    The first failed write puts /dev/null on descriptor 2, where what is still buffered
    goes too: the exit code stays the documented one, not 1 for a failed message.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            written: int = self._stream.write(text)
        except OSError:
            self._lost()
            return len(text)
        return written

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            self._lost()

    def _lost(self) -> None:
        import contextlib

        with contextlib.suppress(OSError, ValueError):
            _discarding_stderr().close()  # /dev/null on descriptor 2
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Closed:
    """Stands in for a closed stdout or stderr: writing to it is an OSError (EBADF)."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "Bad file descriptor")

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        import io

        raise io.UnsupportedOperation("closed")
