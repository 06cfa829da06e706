"""The cache of validated data: used only when it can be trusted; it never changes answers."""

from __future__ import annotations

import datetime
import json
import math
import os
import pathlib
import pickle
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import datasets

from newtowns_cli.model import hints as record_hints
from newtowns_cli.model import records as models
from newtowns_cli.reading import cache, plaindata, store

from support import MINI

TODAY = datetime.date(2026, 11, 28)
ROOT = os.getuid() == 0


def _copy(
    tmp_path: pathlib.Path, name: str = "data.toml", text: str | None = None
) -> store.DataFile:
    path = tmp_path / name
    path.write_text(MINI.read_text("utf-8") if text is None else text, "utf-8")
    return store.DataFile(str(path), str(path))


def _entry(folder: pathlib.Path) -> pathlib.Path:
    [found] = list(folder.glob("*.cache"))
    return found


def _get(folder: pathlib.Path, data: store.DataFile) -> object:
    raw = pathlib.Path(data.path).read_bytes()
    return cache.get(folder, cache.key(raw), size_hint=len(raw), today=TODAY)


def _renamed(text: str) -> str:
    """The mini data set with one town's population changed (another data file)."""
    return text.replace("count = ", "count = 9", 1)


def test_a_validated_file_is_cached_and_read_back_equal(tmp_path: pathlib.Path) -> None:
    """The second load comes from the cache and equals the first; the folder is private."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    first = store.load(data, today=TODAY, cache=folder)
    entry = _entry(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert entry.stat().st_mode & 0o777 == 0o600
    assert _get(folder, data) == first
    assert store.load(data, today=TODAY, cache=folder) == first


def test_an_entry_names_its_key_and_the_resolved_data_file(tmp_path: pathlib.Path) -> None:
    """The header line records the key and the data file's resolved path (for pruning)."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    link = tmp_path / "link.toml"
    link.symlink_to(data.path)
    store.load(store.DataFile(str(link), "link.toml"), today=TODAY, cache=folder)
    entry = _entry(folder)
    header = json.loads(entry.read_bytes().split(b"\n", 1)[0])
    assert header["magic"] == cache.MAGIC
    assert header["key"] == entry.name.removesuffix(".cache")
    assert header["path"] == str(pathlib.Path(data.path).resolve())


def test_a_changed_file_is_validated_again(tmp_path: pathlib.Path) -> None:
    """Changing one byte of the data changes the key: a broken edit is reported, not masked."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    store.load(data, today=TODAY, cache=folder)
    pathlib.Path(data.path).write_text(
        MINI.read_text("utf-8").replace('province = "Flevoland"', 'province = "Atlantis"')
    )
    with pytest.raises(store.DataInvalidError):
        store.load(data, today=TODAY, cache=folder)


def _spoil_json(path: pathlib.Path, body: object) -> None:
    header = path.read_bytes().split(b"\n", 1)[0]
    path.write_bytes(header + b"\n" + json.dumps(body).encode())


SPOILERS = {
    "corrupt": lambda path: path.write_bytes(b"not an entry"),
    "empty": lambda path: path.write_bytes(b""),
    "truncated": lambda path: path.write_bytes(path.read_bytes()[:-7]),
    "one-digit-changed": lambda path: path.write_bytes(
        path.read_bytes().replace(b"[1,", b"[2,", 1)
    ),
    "no-header": lambda path: path.write_bytes(path.read_bytes().split(b"\n", 1)[1]),
    "other-body": lambda path: _spoil_json(path, {"a": "dict"}),
    "a-pickle": lambda path: path.write_bytes(pickle.dumps({"a": "dict"})),
    "group-writable": lambda path: path.chmod(0o620),
    "other-writable": lambda path: path.chmod(0o602),
    "other-owner": lambda path: os.chown(path, 65534, 65534),
    "a-directory": lambda path: (path.unlink(), path.mkdir()),
    "a-fifo": lambda path: (path.unlink(), os.mkfifo(path, 0o600)),
    "huge": lambda path: path.write_bytes(path.read_bytes() + b" " * 10_000_000),
}


@pytest.mark.parametrize("spoil", list(SPOILERS))
def test_an_untrusted_entry_is_a_miss_and_is_replaced(tmp_path: pathlib.Path, spoil: str) -> None:
    """Damaged or untrustworthy entries are not used: the data is validated and cached anew."""
    if spoil == "other-owner" and not ROOT:
        pytest.skip("only root can give a file away")
    data, folder = _copy(tmp_path), tmp_path / "cache"
    expected = store.load(data, today=TODAY, cache=folder)
    entry = _entry(folder)
    SPOILERS[spoil](entry)
    assert _get(folder, data) is None
    assert store.load(data, today=TODAY, cache=folder) == expected
    if entry.is_file():  # replaced by a good entry (a directory in the way stays)
        assert _get(folder, data) == expected


def test_a_forged_pickle_cannot_run_code(tmp_path: pathlib.Path) -> None:
    """An entry that would run a command if unpickled is plain bytes to the cache."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    expected = store.load(data, today=TODAY, cache=folder)
    entry = _entry(folder)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    forged = pickle.dumps(Payload())
    header = entry.read_bytes().split(b"\n", 1)[0]
    for content in (forged, header + b"\n" + forged):
        entry.write_bytes(content)
        entry.chmod(0o600)
        entry.with_suffix(".pickle").write_bytes(forged)  # the old format's name, too
        assert store.load(data, today=TODAY, cache=folder) == expected
        assert not marker.exists()
    pickle.loads(forged)  # the payload is real: unpickled, it runs
    assert marker.exists()


def test_a_symlinked_entry_is_not_followed(tmp_path: pathlib.Path) -> None:
    """An entry linked to another data file's entry does not serve that file's data."""
    folder = tmp_path / "cache"
    first = _copy(tmp_path, "first.toml")
    other = _copy(tmp_path, "other.toml", _renamed(MINI.read_text("utf-8")))
    expected = store.load(first, today=TODAY, cache=folder)
    theirs = store.load(other, today=TODAY, cache=folder)
    assert theirs != expected
    mine = folder / (cache.key(pathlib.Path(first.path).read_bytes()) + ".cache")
    their_entry = folder / (cache.key(pathlib.Path(other.path).read_bytes()) + ".cache")
    mine.unlink()
    mine.symlink_to(their_entry)
    assert _get(folder, first) is None
    assert store.load(first, today=TODAY, cache=folder) == expected
    # A copy under the wrong name is refused too: the entry names its own key.
    mine.unlink()
    mine.write_bytes(their_entry.read_bytes())
    mine.chmod(0o600)
    assert _get(folder, first) is None
    assert store.load(first, today=TODAY, cache=folder) == expected


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o775, 0o1777])
def test_a_folder_others_can_write_is_not_used(tmp_path: pathlib.Path, mode: int) -> None:
    """A cache folder writable by group or others is neither read nor written."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    expected = store.load(data, today=TODAY, cache=folder)
    entry = _entry(folder)
    folder.chmod(mode)
    assert _get(folder, data) is None
    entry.unlink()
    assert store.load(data, today=TODAY, cache=folder) == expected
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(not ROOT, reason="only root can give a folder away")
def test_a_folder_of_another_user_is_not_used(tmp_path: pathlib.Path) -> None:
    """A cache folder another user owns, even with mode 0700, is neither read nor written."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    expected = store.load(data, today=TODAY, cache=folder)
    os.chown(folder, 65534, 65534)
    assert _get(folder, data) is None
    _entry(folder).unlink()
    assert store.load(data, today=TODAY, cache=folder) == expected
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("where", ["/proc/newtowns-cache", "file"], ids=["unwritable", "a-file"])
def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: pathlib.Path, where: str) -> None:
    """A cache folder that cannot be made or written costs nothing but time."""
    folder = pathlib.Path(where) if where.startswith("/") else tmp_path / "file"
    if where == "file":
        folder.write_text("in the way")
    data = _copy(tmp_path)
    assert store.load(data, today=TODAY, cache=folder) == store.load(data, today=TODAY)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_newest_three_entries_per_data_file_are_kept(tmp_path: pathlib.Path) -> None:
    """Five versions of one file leave three entries; another file's entry stays."""
    folder = tmp_path / "cache"
    other = _copy(tmp_path, "other.toml")
    store.load(other, today=TODAY, cache=folder)
    other_entry = _entry(folder)
    data = _copy(tmp_path, "data.toml")
    keys = []
    for version in range(5):
        pathlib.Path(data.path).write_text(
            MINI.read_text("utf-8") + f"\n# version {version}\n", "utf-8"
        )
        store.load(data, today=TODAY, cache=folder)
        keys.append(cache.key(pathlib.Path(data.path).read_bytes()))
        entry = folder / (keys[-1] + ".cache")
        os.utime(entry, (time.time() - 100 + version, time.time() - 100 + version))
    names = {p.name for p in folder.iterdir()}
    assert names == {other_entry.name, *(k + ".cache" for k in keys[-3:])}


def test_entries_untouched_for_30_days_and_old_pickles_go(tmp_path: pathlib.Path) -> None:
    """Writing an entry drops entries not used for 30 days and the old format's files."""
    folder = tmp_path / "cache"
    old = _copy(tmp_path, "old.toml")
    store.load(old, today=TODAY, cache=folder)
    old_entry = _entry(folder)
    month = time.time() - 31 * 24 * 3600
    os.utime(old_entry, (month, month))
    (folder / ("0" * 64 + ".pickle")).write_bytes(b"old format")
    store.load(
        _copy(tmp_path, "new.toml", _renamed(MINI.read_text("utf-8"))), today=TODAY, cache=folder
    )
    assert [p.name for p in folder.iterdir()] == [_entry(folder).name]
    assert not old_entry.exists()


def test_reading_an_entry_touches_it_at_most_daily(tmp_path: pathlib.Path) -> None:
    """A used entry is not pruned as untouched: reading it renews its time after a day."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    store.load(data, today=TODAY, cache=folder)
    entry = _entry(folder)
    week = time.time() - 7 * 24 * 3600
    os.utime(entry, (week, week))
    assert _get(folder, data) is not None
    assert time.time() - entry.stat().st_mtime < 3600
    hour = time.time() - 3600
    os.utime(entry, (hour, hour))
    assert _get(folder, data) is not None
    assert entry.stat().st_mtime == pytest.approx(hour)


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_the_cache_leaves_the_garbage_collector_as_it_was(
    tmp_path: pathlib.Path, enabled: bool
) -> None:
    """The collector is paused while rebuilding (see benchmarks/README.md), then restored."""
    import gc

    data, folder = _copy(tmp_path), tmp_path / "cache"
    first = store.load(data, today=TODAY, cache=folder)
    before = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        assert _get(folder, data) == first
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if before else gc.disable()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"HOME": "/home/a"}, "/home/a/.cache/newtowns"),
        ({"HOME": "/home/a", "XDG_CACHE_HOME": "/x"}, "/x/newtowns"),
        ({"HOME": "/home/a", "XDG_CACHE_HOME": "relative"}, "/home/a/.cache/newtowns"),
        ({"HOME": "/home/a", "NEWTOWNS_CACHE_DIR": "/c"}, "/c"),
        ({"HOME": "/home/a", "NEWTOWNS_NO_CACHE": "1", "NEWTOWNS_CACHE_DIR": "/c"}, None),
        ({"HOME": ""}, None),
        ({"HOME": "relative"}, None),
        ({}, None),
        ({"XDG_CACHE_HOME": "/x"}, "/x/newtowns"),
    ],
)
def test_the_cache_folder_comes_from_the_environment(
    environ: dict[str, str], expected: str | None
) -> None:
    """NEWTOWNS_CACHE_DIR, else an absolute XDG_CACHE_HOME, else ~/.cache; no home: none."""
    found = cache.folder_for(environ)
    assert (None if found is None else str(found)) == expected


def test_a_user_without_a_home_runs_without_a_cache(tmp_path: pathlib.Path) -> None:
    """No HOME and no XDG_CACHE_HOME: the command works and writes no cache anywhere."""
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    env = {k: v for k, v in env.items() if not k.startswith("NEWTOWNS_")}
    newtowns = pathlib.Path(sys.executable).with_name("newtowns")
    for _ in range(2):
        result = subprocess.run(
            [str(newtowns), "show", "almere", "--format", "json"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )
        assert (result.returncode, result.stderr) == (0, "")
        assert json.loads(result.stdout)["id"] == "almere"
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def good_entry(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, object]:
    folder = tmp_path_factory.mktemp("entry")
    data = _copy(folder)
    expected = store.load(data, today=TODAY, cache=folder / "cache")
    return _entry(folder / "cache").read_bytes(), expected


def _damaged(entry: bytes) -> st.SearchStrategy[bytes]:
    """Arbitrary bytes, and the real entry truncated, with bytes flipped or spliced in."""
    size = len(entry)
    flips = st.lists(
        st.tuples(st.integers(0, size - 1), st.integers(1, 255)), min_size=1, max_size=8
    )
    return st.one_of(
        st.binary(max_size=2000),
        st.integers(0, size - 1).map(lambda n: entry[:n]),
        flips.map(lambda pairs: _flip(entry, pairs)),
        st.tuples(st.integers(0, size), st.binary(min_size=1, max_size=200)).map(
            lambda pair: entry[: pair[0]] + pair[1] + entry[pair[0] :]
        ),
    )


def _flip(entry: bytes, pairs: list[tuple[int, int]]) -> bytes:
    damaged = bytearray(entry)
    for at, mask in pairs:
        damaged[at] ^= mask
    return bytes(damaged)


@settings(deadline=None)  # 60 examples in CI; the long profile sets more
@given(data=st.data())
def test_any_bytes_in_an_entry_give_the_right_answer(
    tmp_path_factory: pytest.TempPathFactory, good_entry: tuple[bytes, object], data: st.DataObject
) -> None:
    """Whatever an entry holds, loading gives the data file's own data set, or validates it."""
    entry, expected = good_entry
    content = data.draw(_damaged(entry))
    folder = tmp_path_factory.mktemp("damaged")
    source = _copy(folder)
    (folder / "cache").mkdir(mode=0o700)
    path = folder / "cache" / (cache.key(pathlib.Path(source.path).read_bytes()) + ".cache")
    path.write_bytes(content)
    path.chmod(0o600)
    assert store.load(source, today=TODAY, cache=folder / "cache") == expected


def _signed(entry: bytes, body: bytes) -> bytes:
    """``body`` under a header whose digest matches it, as if the cache had written it."""
    import hashlib

    header = json.loads(entry.split(b"\n", 1)[0])
    header["digest"] = hashlib.blake2b(body, digest_size=32).hexdigest()
    return json.dumps(header).encode() + b"\n" + body


GUARD = r"""
import datetime, json, pathlib, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
from newtowns_cli.reading import cache, store
folder, data, expected = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
source = store.DataFile(str(data), str(data))
name = cache.key(data.read_bytes()) + ".cache"
for damaged in sorted(folder.glob("case-*")):
    (folder / "cache" / name).write_bytes(damaged.read_bytes())
    loaded = store.load(source, today=datetime.date(2026, 11, 28), cache=folder / "cache")
    print(damaged.name, repr(loaded) == pathlib.Path(expected).read_text())
"""


def test_damaged_entries_stay_within_a_memory_limit(tmp_path: pathlib.Path) -> None:
    """Entries claiming huge sizes or nesting, under RLIMIT_AS: each a miss, no crash."""
    data, folder = _copy(tmp_path), tmp_path
    expected = store.load(data, today=TODAY, cache=folder / "cache")
    entry = _entry(folder / "cache").read_bytes()
    body = entry.split(b"\n", 1)[1]
    cases = {  # signed: with a header that matches the damaged body
        "nested": _signed(entry, b"[" * 200_000),
        "long-list": _signed(entry, b"[" + b"0," * 400_000 + b"0]"),
        "big-count": _signed(entry, body.replace(b"[1,", b"[99999999999999999,", 1)),
        "big-length": _signed(entry, body.replace(b'["t",[', b'["t",[99999999999999,', 1)),
        "huge-number": _signed(entry, b"[1" + b"0" * 5000 + b"]"),
        "pickle-memo": pickle.PROTO + b"\x05" + b"r\xff\xff\xff\x7f" + b".",
        "truncated": entry[: len(entry) // 2],
        "valid": entry,
    }
    assert len(set(cases.values())) == len(cases)  # every replacement found its target
    for name, content in cases.items():
        (folder / f"case-{name}").write_bytes(content)
    (folder / "expected").write_text(repr(expected))
    limit = 700 * 1024 * 1024
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            GUARD.replace("MEMORY", str(limit)),
            str(folder),
            str(data.path),
            str(folder / "expected"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    assert result.stdout.splitlines() == [f"case-{name} True" for name in sorted(cases)]


@settings(deadline=None)  # 60 examples in CI; the long profile sets more
@given(dataset=datasets())
def test_any_valid_data_set_round_trips_through_the_plain_form(dataset: object) -> None:
    """Every kind of field (optional records, empty tuples, dates, floats) comes back equal."""
    plain = json.loads(json.dumps(plaindata.dump(dataset)))  # type: ignore[arg-type]
    assert plaindata.load(plain) == dataset


@pytest.mark.parametrize(
    "name", ["system", "PartialDate", "Record", "Catalog", "Path", "__builtins__", 7, None]
)
def test_only_record_types_can_be_named(tmp_path: pathlib.Path, name: object) -> None:
    """A table naming anything but one of this package's record types is refused."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    store.load(data, today=TODAY, cache=folder)
    body = json.loads(_entry(folder).read_bytes().split(b"\n", 1)[1])
    meta = body[1][0]  # the Dataset's first field: its DatasetMeta record
    assert meta[:2] == ["r", "DatasetMeta"]
    meta[1] = name
    with pytest.raises(ValueError, match="DatasetMeta belongs"):
        plaindata.load(body)
    assert set(plaindata.KINDS.values()) == {
        kind
        for kind in vars(models).values()
        if isinstance(kind, type) and issubclass(kind, models.Record) and kind is not models.Record
    }


def _nodes(tree: object, path: tuple[int, ...] = ()) -> list[tuple[int, ...]]:
    """The path of every list item in a plain tree (lists of lists and values)."""
    found = [path]
    if isinstance(tree, list):
        for number, item in enumerate(tree):
            found += _nodes(item, (*path, number))
    return found


_ANY_JSON = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.text(max_size=6),
    st.sampled_from(["r", "s", "t", "d", "v", "Town", "PartialDate", "2024", "system"]),
    st.lists(st.integers(-1, 3), max_size=3),
    st.just([]),
)


@pytest.fixture(scope="module")
def good_body(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, list[object]]:
    folder = tmp_path_factory.mktemp("forged")
    store.load(_copy(folder), today=TODAY, cache=folder / "cache")
    entry = _entry(folder / "cache").read_bytes()
    return entry, json.loads(entry.split(b"\n", 1)[1])


def _plain(hint: object) -> object:
    """``hint`` without its Annotated constraints, at any depth (get_type_hints' default)."""
    import typing

    return typing.get_type_hints(type("Hinted", (), {"__annotations__": {"x": hint}}))["x"]


def _typed_as_annotated(value: object, hint: object) -> bool:
    """Whether ``value`` has the type ``hint`` names (typing.get_type_hints of a record)."""
    import types
    import typing

    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_typed_as_annotated(value, arg) for arg in typing.get_args(hint))
    if origin is typing.Literal:
        return isinstance(value, str)  # the value itself is checked by validation, not here
    if origin is tuple:
        [item, _] = typing.get_args(hint)
        return isinstance(value, tuple) and all(_typed_as_annotated(v, item) for v in value)
    if hint is type(None):
        return value is None
    if hint is float:
        return type(value) in (int, float) and math.isfinite(value)  # type: ignore[arg-type]
    if isinstance(hint, type) and issubclass(hint, models.Record):
        hints = {name: _plain(h) for name, h in record_hints.type_hints(hint).items()}
        return type(value) is hint and all(
            _typed_as_annotated(getattr(value, name), hints[name])
            for name in models.field_names(hint)
        )
    return type(value) is hint


@settings(deadline=None)  # 60 examples in CI; the long profile sets more
@given(data=st.data())
def test_a_forged_entry_with_a_matching_digest_builds_only_typed_records(
    tmp_path_factory: pytest.TempPathFactory,
    good_body: tuple[bytes, list[object]],
    data: st.DataObject,
) -> None:
    """Even an entry written with its digest, holding any JSON anywhere, loads without an
    exception into records whose every field has its annotated type, or is a miss."""
    import copy

    entry, body = good_body
    forged = copy.deepcopy(body)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_nodes(forged)[1:]))
        parent = forged
        for step in path[:-1]:
            parent = parent[step]  # type: ignore[index]
        parent[path[-1]] = data.draw(_ANY_JSON)  # type: ignore[index]
    folder = tmp_path_factory.mktemp("forged-run")
    source = _copy(folder)
    (folder / "cache").mkdir(mode=0o700)
    path = folder / "cache" / (cache.key(pathlib.Path(source.path).read_bytes()) + ".cache")
    path.write_bytes(_signed(entry, json.dumps(forged).encode()))
    path.chmod(0o600)
    loaded = store.load(source, today=TODAY, cache=folder / "cache")
    assert _typed_as_annotated(loaded, models.Dataset)


def test_pruning_keeps_the_eight_newest_tab_indexes_and_none_older_than_30_days(
    tmp_path: pathlib.Path,
) -> None:
    """Tab presses' indexes (tabindex.py) are pruned with the entries."""
    now = time.time()
    for age in range(12):
        index = tmp_path / f"tab-1-{age:02d}.json"
        index.write_text("{}")
        os.utime(index, (now - age * 60, now - age * 60))
    old = tmp_path / "tab-1-old.json"
    old.write_text("{}")
    os.utime(old, (now - 31 * 24 * 3600, now - 31 * 24 * 3600))
    descriptor = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        cache.prune(descriptor, now=now)
    finally:
        os.close(descriptor)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"tab-1-{age:02d}.json" for age in range(8)
    ]


def test_every_file_the_cache_key_hashes_exists() -> None:
    """The key hashes the code that validates: a file moved away would silently drop out."""
    package = pathlib.Path(cache.__file__).parent.parent
    assert [name for name in cache._CODE if not (package / name).is_file()] == []


def test_a_date_that_has_come_elsewhere_is_not_answered_from_the_cache(
    tmp_path: pathlib.Path,
) -> None:
    """`updated` is 2026-11-29: already today in Auckland, tomorrow in UTC. A run there
    validates and caches the file; a run here refuses it as validate does (a date in the
    future) instead of answering from the cache what validate refuses."""
    text = MINI.read_text("utf-8").replace("updated = 2024-11-13", "updated = 2026-11-29")
    data, folder = _copy(tmp_path, text=text), tmp_path / "cache"
    store.load(data, today=TODAY + datetime.timedelta(days=1), cache=folder)
    with pytest.raises(store.DataInvalidError) as error:
        store.load(data, today=TODAY, cache=folder)
    assert [problem.message for problem in error.value.problems] == [
        "date 2026-11-29 is in the future"
    ]
