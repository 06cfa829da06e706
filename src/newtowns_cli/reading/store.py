"""Find, read, parse and validate a data file; every failure becomes a typed, located error."""

from __future__ import annotations

import gc
import os
import re
import stat

from newtowns_cli.model.errors import DataFileError, DataInvalidError, Problem
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import Phrase
from newtowns_cli.reading.bundled import FOLDER
from newtowns_cli.reading.files import read_regular

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable
    from typing import Any

    from newtowns_cli.model.records import Dataset
    from newtowns_cli.reading.tomlspan import SpanIndex

MAX_BYTES = 256 * 1024 * 1024
BUNDLED = os.path.join(FOLDER, "newtowns.toml")
BUNDLED_SCHEMA = os.path.join(FOLDER, "newtowns.schema.json")
_TOML_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"
_TOML_END = r"\s*\(at end of document\)$"
"""Patterns, compiled by re when a file does not parse: not on every start-up."""
_DATA_HINT = Phrase(
    "give a data file with --data FILE or NEWTOWNS_DATA, or leave both unset for the bundled data"
)


class DataFile(Frozen):
    """A data file and the name to show for it in messages."""

    path: str
    label: str
    bundled: bool = False
    hint: str | None = _DATA_HINT
    """What to do when it cannot be read (none for a file named to `validate`)."""


def locate(option: str | None, env: str | None) -> DataFile:
    """``--data`` wins over ``NEWTOWNS_DATA``, which wins over the bundled data.

    An empty ``NEWTOWNS_DATA`` counts as unset; an empty ``--data`` is an error.
    """
    if option is not None:
        if not option:
            raise DataFileError(Phrase("--data: the file name is empty"), _DATA_HINT)
        return DataFile(option, option)
    if env:
        return DataFile(env, env)
    return DataFile(BUNDLED, BUNDLED, bundled=True)


def read_bytes(data: DataFile) -> bytes:
    """The file's bytes; a missing, special, unreadable or oversized file raises."""
    label = data.label
    try:
        info = os.stat(data.path)
    except FileNotFoundError:
        hint = Phrase("reinstall newtowns") if data.bundled else data.hint
        raise DataFileError(Phrase("{file}: no such file", file=label), hint) from None
    except OSError as exc:
        raise DataFileError(_cannot_read(label, exc), data.hint) from None
    if stat.S_ISDIR(info.st_mode):
        raise DataFileError(
            Phrase("{file}: is a directory, not a data file", file=label), data.hint
        )
    if not stat.S_ISREG(info.st_mode):
        raise DataFileError(Phrase("{file}: is not a regular file", file=label), data.hint)
    if info.st_size > MAX_BYTES:
        raise _too_large(label, info.st_size)
    try:
        return _read_regular(data.path, label, data.hint)
    except OSError as exc:
        raise DataFileError(_cannot_read(label, exc), data.hint) from None


def _read_regular(path: str, label: str, hint: str | None) -> bytes:
    """At most MAX_BYTES of the file, if what is opened is still a regular file."""
    raw = read_regular(path, MAX_BYTES)
    if raw is None:
        raise DataFileError(Phrase("{file}: is not a regular file", file=label), hint)
    if len(raw) > MAX_BYTES:
        raise _too_large(label, len(raw))
    return raw


def _too_large(label: str, size: int) -> DataFileError:
    mib = size // (1024 * 1024)
    return DataFileError(
        Phrase("{file}: file is too large ({mib} MiB; the limit is 256 MiB)", file=label, mib=mib)
    )


def _cannot_read(label: str, exc: OSError) -> Phrase:
    return Phrase("{file}: cannot read: {reason}", file=label, reason=_reason(exc))


def decode(raw: bytes, label: str) -> str:
    """UTF-8 text without a leading byte order mark; anything else is a located problem."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problem = Problem(label, 1, 1, "", "encoding", "file is UTF-16; save it as UTF-8")
        raise DataInvalidError(label, [problem])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        message = f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        raise DataInvalidError(
            label, [Problem(label, line, column, "", "encoding", message)]
        ) from None


def parse(text: str, label: str) -> dict[str, Any]:
    """The TOML document; a syntax error raises with its line and column."""
    toml = _parser()
    try:
        document: dict[str, Any] | None = None
        if len(text) >= PACK_FROM:  # long runs of mistakes cut short (shortened.py)
            from newtowns_cli.reading import shortened

            document = shortened.parse(text, toml.loads)
        return toml.loads(text) if document is None else document
    except toml.TOMLDecodeError as exc:
        message = str(exc)
        line, column = 1, 1
        position = re.search(_TOML_POSITION, message)
        if position:
            line, column = int(position.group(1)), int(position.group(2))
            message = message[: position.start()]
        elif re.search(_TOML_END, message):
            line = text.count("\n") + 1
            column = len(text) - (text.rfind("\n") + 1) + 1
            message = re.sub(_TOML_END, "", message)
        problem = Problem(label, line, column, "", "toml-syntax", f"TOML syntax error: {message}")
        raise DataInvalidError(label, [problem]) from None
    except RecursionError:
        problem = Problem(
            label, 1, 1, "", "toml-syntax", "TOML syntax error: values nested too deeply"
        )
        raise DataInvalidError(label, [problem]) from None
    except ValueError:  # int() refuses more than 4 300 digits (sys.get_int_max_str_digits)
        line, column = _huge_integer(text)
        message = "integer with too many digits (at most 64-bit integers are allowed)"
        problem = Problem(label, line, column, "", "invalid-value", message)
        raise DataInvalidError(label, [problem]) from None


def _parser() -> Any:
    """tomli, the parser the standard library's tomllib was taken from, in its compiled
    wheels about three times as fast (30 MB of data: 19 s → 6 s); else tomllib itself.
    Imported here: not on the cached path."""
    try:
        import tomli
    except ImportError:  # pragma: no cover - tomli is a dependency
        import tomllib

        return tomllib
    return tomli


_LONG_NUMBER = r"[=\[,{]\s*([+-]?[0-9][0-9_]{4299,})"


def _huge_integer(text: str) -> tuple[int, int]:
    """Line and column of the first decimal run too long for int(), else 1:1."""
    found = re.search(_LONG_NUMBER, text)
    if found is None:
        return 1, 1
    start = found.start(1)
    line_start = text.rfind("\n", 0, start) + 1
    return text.count("\n", 0, start) + 1, start - line_start + 1


def inspect(
    data: DataFile, *, today: datetime.date, raw: bytes | None = None
) -> tuple[Dataset | None, list[Problem]]:
    """Read, parse and validate; every problem found, and the Dataset when there are none."""
    return _inspect([read_bytes(data) if raw is None else raw], data.label, today)


def check(
    data: DataFile, *, today: datetime.date | None = None, cache: str | None = None
) -> tuple[Dataset | None, list[Problem]]:
    """``inspect``, with a ``cache`` folder: a file validated before is read back from the
    cache, which skips parsing and pydantic (see cache.py for when a cached copy is
    trusted), and one found valid now is stored there. ``today``: the day of the run
    unless given (dates after it are refused)."""
    raw = read_bytes(data)
    key = None
    if cache is not None:
        from newtowns_cli.reading import cache as stored

        key = stored.key(raw)
        found = stored.get(cache, key, size_hint=len(raw), today=today)
        if found is not None:
            return found, []
    if today is None:
        import datetime  # not on the cached path: a listing needs no datetime

        today = datetime.date.today()
    handed = [raw]
    del raw
    dataset, problems = _inspect(handed, data.label, today)
    if dataset is not None and cache is not None and key is not None:
        from newtowns_cli.reading import cache as stored

        stored.put(cache, key, dataset, source=data.path)
    return dataset, problems


PACK_FROM = 1024 * 1024
"""A file of this many bytes or more is kept compressed while it is validated."""


def _inspect(
    handed: list[bytes], label: str, today: datetime.date
) -> tuple[Dataset | None, list[Problem]]:
    """Decode, parse and validate the bytes handed over (taken out of ``handed``), with
    the cyclic garbage collector paused.

    While pydantic runs, only the parsed document and the records are held: the bytes and
    the text are dropped once parsed (so the caller hands the bytes over in a list rather
    than keeping them). The text is needed again only to locate problems; a large file is
    kept for that compressed (30 MB of TOML become 2 MB in 0.1 s).

    Parsing 40 000 towns makes millions of objects, and validating them as many again; the
    collector would walk all of them again and again, a fifth of the time, though parsed
    TOML and records hold no cycles. What is left (the records) is then frozen out of later
    collections, as a data set read from the cache is: a command keeps it to its end.
    """
    raw = handed.pop()
    original = _kept(raw)
    try:
        text = decode(raw, label)
    except DataInvalidError as exc:
        return None, list(exc.problems)
    del raw
    enabled = gc.isenabled()
    gc.disable()
    try:
        try:
            document = parse(text, label)
        except DataInvalidError as exc:
            return None, list(exc.problems)
        del text
        if not document:
            message = "the file holds no data: a data file starts with a [dataset] table"
            return None, [Problem(label, 1, 1, "", "empty", message)]
        from newtowns_cli.reading.validation import validate

        def spans() -> SpanIndex:  # built only when a problem needs a position
            from newtowns_cli.reading.tomlspan import SpanIndex

            return SpanIndex(decode(original(), label))

        dataset, problems = validate(document, file=label, spans=spans, today=today)
        del document
        return dataset, sorted(problems, key=Problem.sort_key)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _kept(raw: bytes) -> Callable[[], bytes]:
    """The bytes back when they are needed again; a large file compressed meanwhile."""
    if len(raw) < PACK_FROM:
        return lambda: raw
    import zlib

    packed = zlib.compress(raw, 1)
    return lambda: zlib.decompress(packed)


def load(
    data: DataFile, *, today: datetime.date | None = None, cache: str | None = None
) -> Dataset:
    """The validated Dataset (from the cache where it can be, see ``check``); raises
    DataFileError or DataInvalidError."""
    dataset, problems = check(data, today=today, cache=cache)
    if dataset is None:
        raise DataInvalidError(data.label, problems)
    return dataset


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
