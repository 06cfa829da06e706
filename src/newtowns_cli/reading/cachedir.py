"""The cache's folder: where it is, and opening, reading and writing in it safely.

The folder is used only when it is owned by the current user and writable by no one else;
files in it are opened relative to the opened folder without following links, and trusted
only when they are regular files of this user that no one else can write. Light to import:
a Tab press uses it (tabindex.py) as well as the cache of validated data sets (cache.py).
"""

from __future__ import annotations

import errno
import os
import stat

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping

READ = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)


def folder_for(environ: Mapping[str, str]) -> str | None:
    """The cache folder the environment asks for, or None for no cache.

    ``NEWTOWNS_NO_CACHE`` (non-empty) turns it off; else ``NEWTOWNS_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/newtowns`` (an absolute path, as the XDG spec demands), else
    ``$HOME/.cache/newtowns``. No ``HOME`` (or an empty or relative one) and no
    ``XDG_CACHE_HOME``: no cache, never one in the working folder.
    """
    if environ.get("NEWTOWNS_NO_CACHE"):
        return None
    given = environ.get("NEWTOWNS_CACHE_DIR")
    if given:
        return given
    xdg = environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return os.path.join(xdg, "newtowns")
    home = environ.get("HOME", "")
    return os.path.join(home, ".cache", "newtowns") if os.path.isabs(home) else None


class folder:  # noqa: N801 - used as a function: ``with folder(path, create=…) as fd``
    """The opened cache folder, as a descriptor, closed on leaving the ``with`` block;
    OSError when it is missing (and not to be made) or unsafe.

    A class rather than a contextlib.contextmanager: contextlib is not imported for it.
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool) -> None:
        self.path, self.create, self.directory = path, create, -1

    def __enter__(self) -> int:
        if self.create:
            # Missing parents are private too: mkdir(parents=True) would make them with
            # the umask's mode (0777 under umask 000), and others could then swap the folder.
            missing = []
            at = os.path.abspath(self.path)
            while not os.path.isdir(at):
                missing.append(at)
                at = os.path.dirname(at)
            for name in reversed(missing):
                try:
                    os.mkdir(name, 0o700)
                except FileExistsError:
                    pass
        directory = os.open(self.path, DIRECTORY)
        try:
            info = os.fstat(directory)
            if not stat.S_ISDIR(info.st_mode) or not owned(info):
                raise OSError(errno.EPERM, "cache folder not private")
        except BaseException:
            os.close(directory)
            raise
        self.directory = directory
        return directory

    def __exit__(self, *_: object) -> None:
        os.close(self.directory)


def owned(info: os.stat_result) -> bool:
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def trusted(info: os.stat_result) -> bool:
    return stat.S_ISREG(info.st_mode) and owned(info)


def write(directory: int, name: str, content: bytes) -> None:
    temporary = f".{name}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(temporary, flags, 0o600, dir_fd=directory)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
        os.replace(temporary, name, src_dir_fd=directory, dst_dir_fd=directory)
    except BaseException:
        try:
            os.unlink(temporary, dir_fd=directory)
        except OSError:
            pass
        raise
