"""Writing output files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import pathlib
import signal
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence

from newtowns_cli.model.errors import OutputError, UsageError
from newtowns_cli.model.i18n import Phrase


def write_atomic(
    path: pathlib.Path,
    text: str | bytes | Iterable[str],
    *,
    force: bool = False,
    protect: Sequence[str | pathlib.Path] = (),
) -> None:
    """Write ``text`` (UTF-8; a str or pieces of one, written as they come) or bytes to
    ``path`` so that readers see the old file or the new one, never half.

    Refuses to replace a file in ``protect`` (the data file being read), anything but a
    regular file, and an existing file unless ``force``.
    """

    def fill(temporary: pathlib.Path) -> None:
        with temporary.open("wb") as stream:
            if isinstance(text, bytes):
                stream.write(text)
            else:
                for piece in [text] if isinstance(text, str) else text:
                    stream.write(piece.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())

    write_with(path, fill, force=force, protect=protect)


def write_with(
    path: pathlib.Path,
    fill: Callable[[pathlib.Path], None],
    *,
    force: bool = False,
    protect: Sequence[str | pathlib.Path] = (),
) -> None:
    """Let ``fill`` write a new temporary file next to ``path``, then rename it into place.

    On any failure or interruption the temporary file is removed and ``path`` is as before.
    """
    if any(_same(path, other) for other in protect):
        raise UsageError(
            Phrase("{path}: refusing to write over the data file being read", path=path)
        )
    if path.is_symlink():
        # Replacing the link would detach it (as root, `-o /dev/stdout --force` replaced
        # /dev/stdout itself); writing through it writes where the link says, which in
        # a shared folder is where someone else says.
        raise OutputError(
            Phrase(
                "{path}: is a symbolic link; refusing to replace it or write through it", path=path
            ),
            hint=Phrase("name the file itself, or - for standard output"),
        )
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(_cannot_write(path, exc)) from None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(
                Phrase("{path}: not a regular file; refusing to replace it", path=path)
            )
        if not force:
            raise UsageError(
                Phrase("{path}: file exists", path=path), hint=Phrase("add --force to replace it")
            )
    # Ctrl-C, SIGTERM and SIGHUP wait while the temporary file is made and named, and land
    # inside the block that removes it: between mkstemp and that block one left it behind.
    with _signals_held() as release:
        try:
            # At most 200 bytes of the name: a name of 255 bytes is valid, its temporary not.
            stem = os.fsdecode(os.fsencode(path.name)[:200])
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{stem}.", suffix=".tmp")
            os.close(handle)
        except OSError as exc:
            raise OutputError(_cannot_write(path, exc)) from None
        temporary = pathlib.Path(name)
        try:
            release()
            _write_through(temporary, path, fill, info)
        except OSError as exc:
            _remove(temporary)
            raise OutputError(_cannot_write(path, exc)) from None
        except BaseException:
            _remove(temporary)
            raise


def _write_through(
    temporary: pathlib.Path,
    path: pathlib.Path,
    fill: Callable[[pathlib.Path], None],
    info: os.stat_result | None,
) -> None:
    """Fill ``temporary`` and put it in ``path``'s place (the caller removes it on failure)."""
    temporary.unlink()  # fill creates it: sqlite3 wants a path where no file is yet
    fill(temporary)
    # The old file's permissions, not its set-user-ID, set-group-ID or sticky bits.
    temporary.chmod(info.st_mode & 0o777 if info else _default_mode())
    temporary.replace(path)


@contextlib.contextmanager
def _signals_held() -> Iterator[Callable[[], None]]:
    """Hold the signals that end a run until ``release()`` (or the block's end) is called."""
    ending = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not on Linux
        yield lambda: None
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, ending)

    def release() -> None:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)

    try:
        yield release
    finally:
        release()


def _same(path: pathlib.Path, other: str | pathlib.Path) -> bool:
    try:
        return path.exists() and pathlib.Path(other).exists() and path.samefile(other)
    except OSError:
        return False


def _default_mode() -> int:
    """The mode a new file gets from the umask (mkstemp alone would give 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _remove(path: pathlib.Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _cannot_write(path: pathlib.Path, exc: OSError) -> Phrase:
    return Phrase("{path}: cannot write: {reason}", path=path, reason=_reason(exc))
