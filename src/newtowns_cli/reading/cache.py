"""A cache of validated data sets, so that a file checked once loads without pydantic.

Safe by construction (docs/reliability.md, "The cache"):

- An entry is plain JSON, rebuilt into this package's records only (plaindata.py): no
  file can make loading it run code. There is no pickle.
- The folder is used only when it is owned by the current user and writable by no one
  else; otherwise there is no cache, silently. Entries are opened relative to the opened
  folder, without following links (``O_NOFOLLOW``), and the opened file itself must be a
  regular file of this user, writable by no one else, and not larger than the data it
  stands for could make it (so a damaged entry cannot make us allocate without bound).
- An entry names its key, the data file it was written for and a digest of its body;
  one that does not match, does not parse or does not rebuild is a miss: the data is
  validated again and the entry replaced.
- Each entry records the data file's resolved path. Writing an entry prunes the folder:
  the newest three entries per data file are kept, and any entry untouched for 30 days
  goes (reading an entry touches it, at most once a day).

The key hashes the data file's bytes, the code that validates it, the package version
and the Python version: any change to one of them is a new key. Every failure to read
or write is silent: the cache only ever saves time. Validity depends on the day only
through dates in the future: an entry records the first day of the data's latest date,
and before that day (a run in another time zone, a clock set back) it is a miss, so the
file is validated and the date reported as validate reports it.
"""

from __future__ import annotations

import gc
import json
import os
import re
import sys
import time
from collections.abc import Mapping

from newtowns_cli import __version__
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.records import TABLES, Dataset, Record, field_names
from newtowns_cli.reading import plaindata
from newtowns_cli.reading.cachedir import READ as _READ
from newtowns_cli.reading.cachedir import folder as _folder
from newtowns_cli.reading.cachedir import folder_for as _folder_for
from newtowns_cli.reading.cachedir import trusted as _trusted
from newtowns_cli.reading.cachedir import write as _write

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    import datetime

try:  # CPython's own BLAKE2: hashlib would also load OpenSSL, 2-3 ms of every start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

_CODE = (
    "model/records.py",
    "model/constraints.py",
    "model/dates.py",
    "reading/validation.py",
    "reading/checks.py",
    "reading/tomlspan.py",
    "reading/store.py",
    "reading/plaindata.py",
    "reading/cache.py",
)
MAGIC = "newtowns-cache-2"
SUFFIX = ".cache"
KEEP_PER_FILE = 3
KEEP_INDEXES = 8
"""Tab presses' indexes of ids (tabindex.py) kept, the newest first."""
TAB_PREFIX = "tab-"
MAX_AGE = 30 * 24 * 3600
TOUCH_AFTER = 24 * 3600
_HEADER_BYTES = 64 * 1024


def folder_for(environ: Mapping[str, str]) -> str | None:
    """The cache folder the environment asks for, or None for no cache (cachedir.folder_for)."""
    return _folder_for(environ)


def key(raw: bytes) -> str:
    """The cache key of a data file's bytes under this code."""
    digest = blake2b(raw, digest_size=32)
    package = os.path.dirname(os.path.dirname(__file__))
    for name in _CODE:
        try:
            with open(os.path.join(package, name), "rb") as code:
                digest.update(code.read())
        except OSError:
            pass
    digest.update(f"{__version__} {sys.version}".encode())
    return digest.hexdigest()


def get(
    folder: str, name: str, *, size_hint: int, today: datetime.date | None = None
) -> Dataset | None:
    """The cached Dataset for key ``name``, or None when there is none that can be trusted
    or its latest date is after ``today`` (unless given, the day of the run).

    ``size_hint`` is the data file's size: an entry may be at most a few times larger.
    """
    limit = 4 * size_hint + 64 * 1024
    try:
        with _folder(folder, create=False) as directory:
            descriptor = os.open(name + SUFFIX, _READ, dir_fd=directory)
            with os.fdopen(descriptor, "rb") as stream:
                info = os.fstat(descriptor)
                if not _trusted(info) or info.st_size > limit:
                    return None
                raw = stream.read(limit + 1)
                if time.time() - info.st_mtime > TOUCH_AFTER:
                    try:
                        os.utime(descriptor)
                    except OSError:
                        pass
        return _decode(raw, name, limit, today)
    except (OSError, ValueError, ArithmeticError, RecursionError, MemoryError):
        return None


def _decode(raw: bytes, name: str, limit: int, today: datetime.date | None) -> Dataset | None:
    """The Dataset an entry's bytes hold, or None; ValueError for malformed JSON."""
    if len(raw) > limit:
        return None
    header_end = raw.find(b"\n", 0, _HEADER_BYTES)
    if header_end < 0:
        return None
    header = json.loads(raw[:header_end])
    body = memoryview(raw)[header_end + 1 :]
    if (
        not isinstance(header, dict)
        or header.get("magic") != MAGIC
        or header.get("key") != name
        or header.get("digest") != blake2b(body, digest_size=32).hexdigest()
        or not isinstance(header.get("latest"), str)
        or not re.fullmatch(_DAY, header["latest"])
        or header["latest"] > (time.strftime("%Y-%m-%d") if today is None else today.isoformat())
    ):
        return None
    text = bytes(body)
    if (b"\\ud" in text or b"\\uD" in text) and re.search(_SURROGATE, text):
        return None
    with _NoCollection():
        return plaindata.load(json.loads(text))


_DAY = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
"""An entry's latest date, as ISO text: compared as text with today's (no datetime import)."""
_SURROGATE = rb"(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F]"
"""A JSON escape of a surrogate (``\\ud800``). The cache writes text as UTF-8, never as
escapes, and no data file can hold a lone surrogate; one in an entry is a miss, since
it could not be written to any stream (``show`` would end in a UnicodeEncodeError)."""


class _NoCollection:
    """Pause the cyclic garbage collector while a large data set is rebuilt.

    Every few hundred new objects the collector would otherwise walk all the records
    built so far: that is half the load time of 40 000 towns, and records hold no cycles.
    Afterwards the loaded records are frozen out of later collections (gc.freeze): a
    command keeps them to the end anyway. (A class: contextlib is not imported for it.)
    """

    def __enter__(self) -> None:
        self.enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *_: object) -> None:
        gc.freeze()
        if self.enabled:
            gc.enable()


def put(folder: str, name: str, dataset: Dataset, *, source: str) -> None:
    """Store ``dataset`` atomically for the data file ``source``, then prune the folder.

    Any failure (read-only home, full disk, a folder others can write) is ignored.
    """
    try:
        body = json.dumps(
            plaindata.dump(dataset), ensure_ascii=False, separators=(",", ":")
        ).encode()
        path = os.path.realpath(source)
        header = {
            "magic": MAGIC,
            "key": name,
            "path": path,
            "digest": blake2b(body, digest_size=32).hexdigest(),
            "latest": _latest(dataset).isoformat(),
        }
        line = json.dumps(header, ensure_ascii=True).encode() + b"\n"
        with _folder(folder, create=True) as directory:
            _write(directory, name + SUFFIX, line + body)
            prune(directory, keep=name)
    except (OSError, ValueError, TypeError, RuntimeError, RecursionError, MemoryError):
        pass


def _latest(dataset: Dataset) -> datetime.date:
    """The first day of the latest date in ``dataset``: before it, the data is not valid."""
    latest = dataset.dataset.updated.first_day()
    stack: list[object] = [getattr(dataset, table) for table in TABLES]
    while stack:
        value = stack.pop()
        if isinstance(value, PartialDate):
            if value.year >= latest.year:
                latest = max(latest, value.first_day())
        elif isinstance(value, tuple):
            stack.extend(value)
        elif isinstance(value, Record):
            stack.extend(getattr(value, field) for field in field_names(type(value)))
    return latest


def prune(directory: int, *, keep: str = "", now: float | None = None) -> None:
    """Keep the newest three entries per data file and eight Tab indexes (tabindex.py);
    drop any untouched for 30 days.

    Entries of an older format (``*.pickle``) and stale temporary files go too; ``keep``
    names an entry just written, which stays whatever the clock says.
    """
    import contextlib  # writing only: a read imports none

    now = time.time() if now is None else now
    by_file: dict[str, list[tuple[float, str]]] = {}
    indexes: list[tuple[float, str]] = []
    for name in os.listdir(directory):
        if name.startswith(TAB_PREFIX) and name.endswith(".json"):
            with contextlib.suppress(OSError):
                indexes.append(
                    (os.stat(name, dir_fd=directory, follow_symlinks=False).st_mtime, name)
                )
            continue
        stem = name.removesuffix(SUFFIX)
        old = name.endswith((".pickle", ".tmp"))
        if stem == keep or not (name.endswith(SUFFIX) or old):
            continue
        try:
            info = os.stat(name, dir_fd=directory, follow_symlinks=False)
            if old or not _trusted(info) or now - info.st_mtime > MAX_AGE:
                if not (name.endswith(".tmp") and now - info.st_mtime < 3600):
                    os.unlink(name, dir_fd=directory)
                continue
            by_file.setdefault(_source(directory, name), []).append((info.st_mtime, stem))
        except OSError:
            continue
        except ValueError:  # a damaged header: grouped apart, the newest three kept
            by_file.setdefault("", []).append((info.st_mtime, stem))
    if keep:
        with contextlib.suppress(OSError, ValueError):
            by_file.setdefault(_source(directory, keep + SUFFIX), []).append((now, keep))
    indexes.sort(reverse=True)
    for position, (touched, name) in enumerate(indexes):
        if position >= KEEP_INDEXES or now - touched > MAX_AGE:
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=directory)
    for entries in by_file.values():
        entries.sort(reverse=True)
        for _, stem in entries[KEEP_PER_FILE:]:
            with contextlib.suppress(OSError):
                os.unlink(stem + SUFFIX, dir_fd=directory)


def _source(directory: int, name: str) -> str:
    """The data file an entry records (read from its header line only)."""
    descriptor = os.open(name, _READ, dir_fd=directory)
    with os.fdopen(descriptor, "rb") as stream:
        line = stream.readline(_HEADER_BYTES)
    header = json.loads(line)
    if not isinstance(header, dict) or not isinstance(header.get("path"), str):
        raise ValueError("no data file named")
    return str(header["path"])
