"""The cache of validated data: used only when it can be trusted; it never changes answers."""

from __future__ import annotations

import datetime
import os
import pathlib
import pickle

import pytest

from newtowns_cli import cache, store

from support import MINI

TODAY = datetime.date(2026, 11, 28)


def _copy(tmp_path: pathlib.Path) -> store.DataFile:
    path = tmp_path / "data.toml"
    path.write_bytes(MINI.read_bytes())
    return store.DataFile(path, str(path))


def _entry(folder: pathlib.Path) -> pathlib.Path:
    [found] = list(folder.glob("*.pickle"))
    return found


def test_a_validated_file_is_cached_and_read_back_equal(tmp_path: pathlib.Path) -> None:
    """The second load comes from the cache and equals the first; the folder is private."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    first = store.load(data, today=TODAY, cache=folder)
    entry = _entry(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert cache.get(folder, entry.stem) == first
    assert store.load(data, today=TODAY, cache=folder) == first


def test_a_changed_file_is_validated_again(tmp_path: pathlib.Path) -> None:
    """Changing one byte of the data changes the key: a broken edit is reported, not masked."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    store.load(data, today=TODAY, cache=folder)
    data.path.write_text(
        MINI.read_text("utf-8").replace('province = "Flevoland"', 'province = "Atlantis"')
    )
    with pytest.raises(store.DataInvalidError):
        store.load(data, today=TODAY, cache=folder)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda path: path.write_bytes(b"not a pickle"),
        lambda path: path.write_bytes(b""),
        lambda path: path.write_bytes(pickle.dumps({"a": "dict"})),
        lambda path: path.chmod(0o664),
        lambda path: os.chown(path, 65534, 65534),
    ],
    ids=["corrupt", "empty", "wrong-type", "group-writable", "other-owner"],
)
def test_an_untrusted_entry_is_ignored(tmp_path: pathlib.Path, spoil: object) -> None:
    """Corrupt, wrong or untrustworthy entries are not used: the data is validated instead."""
    data, folder = _copy(tmp_path), tmp_path / "cache"
    expected = store.load(data, today=TODAY, cache=folder)
    entry = _entry(folder)
    spoil(entry)  # type: ignore[operator]
    assert cache.get(folder, entry.stem) is None
    assert store.load(data, today=TODAY, cache=folder) == expected


@pytest.mark.parametrize("where", ["/proc/newtowns-cache", "file"], ids=["unwritable", "a-file"])
def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: pathlib.Path, where: str) -> None:
    """A cache folder that cannot be made or written costs nothing but time."""
    folder = pathlib.Path(where) if where.startswith("/") else tmp_path / "file"
    if where == "file":
        folder.write_text("in the way")
    data = _copy(tmp_path)
    assert store.load(data, today=TODAY, cache=folder) == store.load(data, today=TODAY)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_the_cache_leaves_the_garbage_collector_as_it_was(
    tmp_path: pathlib.Path, enabled: bool
) -> None:
    """The collector is paused while unpickling (see benchmarks/README.md), then restored."""
    import gc

    data, folder = _copy(tmp_path), tmp_path / "cache"
    first = store.load(data, today=TODAY, cache=folder)
    before = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        assert cache.get(folder, _entry(folder).stem) == first
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if before else gc.disable()
