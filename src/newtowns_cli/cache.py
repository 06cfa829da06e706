"""A cache of validated data sets, so that a file checked once loads without pydantic.

The key is a hash of the data file's bytes, of the code that validates it, of the package
version and of the Python version: any change to one of them is a new key. A cached
copy is used only when it is a regular file owned by the current user, not writable by
group or others, and unpickles to a Dataset; anything else is ignored (and the data is
validated as if there were no cache). Every failure to write is silent: the cache only
ever saves time. Validity does not expire: a file that had no date in the future then
has none now.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pathlib
import pickle
import stat
import sys
from collections.abc import Iterator

from newtowns_cli import __version__
from newtowns_cli.models import Dataset

_CODE = ("models.py", "validation.py", "checks.py", "dates.py", "tomlspan.py", "store.py")


def key(raw: bytes) -> str:
    """The cache key of a data file's bytes under this code."""
    digest = hashlib.sha256(raw)
    package = pathlib.Path(__file__).parent
    for name in _CODE:
        with contextlib.suppress(OSError):
            digest.update((package / name).read_bytes())
    digest.update(f"{__version__} {sys.version}".encode())
    return digest.hexdigest()


def get(folder: pathlib.Path, name: str) -> Dataset | None:
    """The cached Dataset for ``name``, or None when there is none that can be trusted."""
    path = folder / f"{name}.pickle"
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            return None
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        with path.open("rb") as stream, _no_collection():
            found = pickle.load(stream)
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
        IndexError,
    ):
        return None
    return found if isinstance(found, Dataset) else None


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large data set is unpickled.

    Every few hundred new objects the collector would otherwise walk all the records
    built so far: that is half the load time of 40 000 towns, and records hold no cycles.
    Afterwards the loaded records are frozen out of later collections (gc.freeze): a
    command keeps them to the end anyway.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def put(folder: pathlib.Path, name: str, dataset: Dataset) -> None:
    """Store ``dataset`` atomically; any failure (read-only home, full disk) is ignored."""
    temporary = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        import tempfile  # only when writing: its import costs start-up

        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(dataset, stream, protocol=pickle.HIGHEST_PROTOCOL)
        pathlib.Path(temporary).replace(folder / f"{name}.pickle")
        temporary = None
    except (OSError, pickle.PicklingError):
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                pathlib.Path(temporary).unlink()
