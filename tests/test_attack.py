"""An attacker's cases the other tests did not cover, each
found by running the installed tool, with its documented outcome."""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
import re
import resource
import signal
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_terminal import on_terminal

from newtowns_cli.cli import complete
from newtowns_cli.model.errors import DataFileError
from newtowns_cli.reading import store
from newtowns_cli.render.terminal import pages, richtext

from support import MINI

SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"


def test_a_report_on_a_huge_terminal_is_laid_out_at_most_1000_columns_wide() -> None:
    """COLUMNS=999999 on a terminal: the report is the one drawn at 1000 columns.

    It took minutes: rich pads every line to the width, and the trailing padding was
    stripped with a regex search that is quadratic in a run of spaces before a border.
    """
    code, huge = on_terminal("report", "--no-pager", columns=80, COLUMNS="999999")
    assert code == 0
    assert (code, huge) == on_terminal("report", "--no-pager", columns=80, COLUMNS="1000")
    assert max(map(len, huge.splitlines())) <= pages.MAX_WIDTH


_CODES = r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\"
_PIECES = [" ", "a", "m", "\\", ";", "│", "\x1b", "\x1b[", "\x1b]8;", "\x1b[1m", "\x1b[0m"]
_PIECES += ["\x1b]8;id=1;https://x.example\x1b\\", "\x1b]8;;\x1b\\"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_trailing_padding_is_dropped_and_the_styles_closing_it_kept(line: str) -> None:
    """The line ends without spaces; the escape codes among them stay, in order."""
    tail = re.search(rf"(?: |{_CODES})+$", line)
    expected = (
        line if tail is None else line[: tail.start()] + "".join(re.findall(_CODES, tail.group()))
    )
    assert richtext._rstrip(line) == expected


def _run(args: list[str], **streams: Any) -> subprocess.CompletedProcess[bytes]:
    options: dict[str, Any] = {
        "env": {**os.environ, "NEWTOWNS_DATA": ""},
        "stdout": subprocess.PIPE,
        "stderr": subprocess.PIPE,
        **streams,
    }
    return subprocess.run([str(SCRIPT), *args], stdin=subprocess.DEVNULL, check=False, **options)


def _closed_pipe() -> int:
    """The write end of a pipe whose reader is gone: a write to it is EPIPE."""
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.parametrize("args", [["--version"], ["--data", str(MINI), "--version"]])
def test_the_version_to_a_full_disk_is_one_message_and_exit_1(args: list[str]) -> None:
    """`newtowns --version > /dev/full` (the fast path and typer's) wrote a traceback."""
    with pathlib.Path("/dev/full").open("wb") as full:
        result = _run(args, stdout=full)
    message = b"newtowns: error: cannot write to standard output: no space left on device\n"
    assert (result.returncode, result.stderr) == (1, message)


@pytest.mark.parametrize("args", [["--version"], ["--data", str(MINI), "--version"]])
def test_the_version_to_a_closed_pipe_is_quiet(args: list[str]) -> None:
    """`newtowns --version | true`: a closed pipe is no error, as for every command."""
    write = _closed_pipe()
    try:
        result = _run(args, stdout=write)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (0, b"")


def test_the_version_to_a_closed_stdout_is_one_message_and_exit_1() -> None:
    """`newtowns --version >&-` wrote a traceback."""
    result = _run(["--version"], stdout=None, preexec_fn=lambda: os.close(1))
    message = b"newtowns: error: cannot write to standard output: bad file descriptor\n"
    assert (result.returncode, result.stderr) == (1, message)


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["show", "atlantis"], 3), (["list", "--bogus"], 2), (["list", "--limit", "x"], 2)],
)
def test_a_closed_stderr_pipe_keeps_the_exit_code(args: list[str], expected: int) -> None:
    """`newtowns show atlantis 2>&1 | true`: the message is lost, the exit code is not (was 1)."""
    write = _closed_pipe()
    try:
        result = _run(args, stderr=write)
    finally:
        os.close(write)
    assert result.returncode == expected


def test_a_pager_with_an_unclosed_quote_prints_the_report_straight() -> None:
    """PAGER='less "' cannot be split into words: a pager that cannot start (was a traceback)."""
    code, text = on_terminal("report", PAGER='less "', LINES="10")
    assert code == 0
    assert "Traceback" not in text
    assert text == on_terminal("report", "--no-pager", LINES="10")[1]


def _signed(entry: bytes, body: bytes) -> bytes:
    """``body`` under ``entry``'s header with a matching digest, as if the cache wrote it."""
    header = json.loads(entry.split(b"\n", 1)[0])
    header["digest"] = hashlib.blake2b(body, digest_size=32).hexdigest()
    return json.dumps(header).encode() + b"\n" + body


def _run_with_a_signed_change(
    tmp_path: pathlib.Path, args: list[str], old: bytes, new: bytes
) -> pathlib.Path:
    """Fill the cache for MINI, replace ``old`` by ``new`` in its entry and sign it again,
    then run ``args``: the same answer as from the true entry, nothing on stderr, exit 0.
    Returns the entry (the true one kept beside it, as .before)."""
    data = tmp_path / "data.toml"
    data.write_bytes(MINI.read_bytes())
    env = {**os.environ, "NEWTOWNS_DATA": str(data), "NEWTOWNS_CACHE_DIR": str(tmp_path / "c")}
    expected = subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, check=True)
    [entry] = (tmp_path / "c").glob("*.cache")
    original = entry.read_bytes()
    entry.with_suffix(".before").write_bytes(original)
    body = original.split(b"\n", 1)[1]
    assert old in body
    entry.write_bytes(_signed(original, body.replace(old, new, 1)))
    result = subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, check=False)
    assert (result.returncode, result.stderr, result.stdout) == (0, b"", expected.stdout)
    return entry


@pytest.mark.parametrize("args", [["show", "aastad"], ["export", "--format", "toml"], ["report"]])
def test_a_lone_surrogate_in_a_signed_entry_is_a_miss(
    tmp_path: pathlib.Path, args: list[str]
) -> None:
    """An entry with a matching digest whose text holds "\\ud800" (valid JSON, a str, but
    no data file can hold it) ended every command that prints that text in a traceback."""
    entry = _run_with_a_signed_change(tmp_path, args, b'"Aastad"', b'"Aa\\ud800stad"')
    assert b"\\ud800" not in entry.read_bytes()  # replaced by a fresh entry


@pytest.mark.parametrize(
    ("old", "new", "args"),
    [
        (b'"Flevoland"', b'"Atlantis"', ["list", "--format", "json"]),  # not a province
        (b'"news-b"', b'"news-x"', ["report"]),  # the source's id: its citations dangle
        (b'"aastad"', b'"zzstad"', ["groups", "--format", "json"]),  # members dangle
        (b'"groeikern"', b'"stad"', ["summarise", "--by", "status"]),  # not a status
    ],
)
def test_a_signed_entry_outside_what_validation_allows_is_a_miss(
    tmp_path: pathlib.Path, old: bytes, new: bytes, args: list[str]
) -> None:
    """An entry with a matching digest whose values have the right JSON type but lie
    outside what validation allows (a value no vocabulary has, an id nothing holds) ended
    `show`, `timeline` and `report` in a KeyError; it is a miss, validated again."""
    entry = _run_with_a_signed_change(tmp_path, args, old, new)
    assert entry.read_bytes() == entry.with_suffix(".before").read_bytes()  # a fresh entry


@pytest.mark.parametrize("target", ["real.json", "/proc/self/fd/1"])
def test_an_output_file_that_is_a_symbolic_link_is_refused(
    tmp_path: pathlib.Path, target: str
) -> None:
    """`-o LINK --force` replaced the link with a file (as root, `-o /dev/stdout --force
    > file` replaced /dev/stdout itself); it is refused, and the link left as it was."""
    (tmp_path / "real.json").write_text("old\n")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with (tmp_path / "stdout.txt").open("wb") as stdout:
        result = _run(["list", "-o", str(link), "--force"], stdout=stdout)
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"newtowns: error: {link}: is a symbolic link; refusing to replace it or write"
        " through it\nnewtowns: hint: name the file itself, or - for standard output\n"
    )
    assert (str(link.readlink()), (tmp_path / "real.json").read_text()) == (target, "old\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json", "stdout.txt"]


def test_an_output_file_name_of_255_bytes_can_be_written(tmp_path: pathlib.Path) -> None:
    """The longest name a folder takes: its temporary name was too long to create."""
    name = "ë" * 125 + ".json"  # 250 + 5 bytes
    result = _run(["list", "-o", name], cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, b"")
    assert json.loads((tmp_path / name).read_text())
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_replaced_output_file_keeps_its_permissions_but_not_set_user_id(
    tmp_path: pathlib.Path,
) -> None:
    """--force keeps the old file's mode, without the set-user-ID, set-group-ID and sticky bits."""
    path = tmp_path / "towns.tsv"
    path.write_text("old\n")
    path.chmod(0o6755)
    result = _run(["list", "-o", str(path), "--force"])
    assert (result.returncode, result.stderr) == (0, b"")
    assert path.stat().st_mode & 0o7777 == 0o755


def test_the_folders_made_for_the_cache_are_private_under_umask_000(
    tmp_path: pathlib.Path,
) -> None:
    """Under umask 000 the missing parents of the cache folder were made 0777: anyone could
    then put another folder of this user (or a link to one) in its place, to be pruned."""
    folder = tmp_path / "a" / "b" / "cache"
    result = _run(
        ["list"],
        env={**os.environ, "NEWTOWNS_DATA": "", "NEWTOWNS_CACHE_DIR": str(folder)},
        preexec_fn=lambda: os.umask(0),
    )
    assert (result.returncode, result.stderr) == (0, b"")
    modes = [
        (p.name, p.stat().st_mode & 0o777) for p in (folder.parent.parent, folder.parent, folder)
    ]
    assert modes == [("a", 0o700), ("b", 0o700), ("cache", 0o700)]
    assert [entry.stat().st_mode & 0o777 for entry in folder.iterdir()] == [0o600]


class _BlockedError(Exception):
    """A read that waited for a FIFO's writer (not an OSError, which the code handles)."""


def test_a_data_file_replaced_by_a_fifo_after_its_check_is_refused(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is checked (stat), then read: a FIFO put in its place in between blocked
    the read for ever. What is opened is checked again, and opened without blocking."""
    data = tmp_path / "data.toml"
    data.write_bytes(MINI.read_bytes())
    real_stat = os.stat

    def stat_then_swap(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        info = real_stat(path, *args, **kwargs)
        if os.fspath(path) == str(data):
            data.unlink()
            os.mkfifo(data)
        return info

    def blocked(signum: int, frame: object) -> None:
        raise _BlockedError

    monkeypatch.setattr(os, "stat", stat_then_swap)
    previous = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(10)  # before the fix the read blocked for ever: fail instead of hanging
    try:
        with pytest.raises(DataFileError, match=r"data.toml: is not a regular file"):
            store.read_bytes(store.DataFile(str(data), "data.toml"))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_data_file_is_read_only_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file whose size says less than it holds (/proc files say 0) was read whole."""
    monkeypatch.setattr(store, "MAX_BYTES", 100)
    maps = pathlib.Path("/proc/self/maps")
    assert maps.stat().st_size == 0
    assert len(maps.read_bytes()) > 100
    with pytest.raises(DataFileError, match=r"^/proc/self/maps: file is too large"):
        store.read_bytes(store.DataFile(str(maps), str(maps)))


@pytest.mark.parametrize(
    ("args", "forbidden"),
    [
        (["report", "--format", "html"], b'href="javascript:'),
        (["report", "--format", "md"], b"<javascript:"),
    ],
)
def test_a_signed_entry_cannot_put_a_script_address_in_a_report(
    tmp_path: pathlib.Path, args: list[str], forbidden: bytes
) -> None:
    """Validation allows only http(s) addresses, but a signed entry is not validated again:
    a source's "javascript:" address became a live link in the dossier and a Markdown
    autolink. Only http(s) addresses are linked; anything else is shown as text."""
    data = tmp_path / "data.toml"
    data.write_bytes(MINI.read_bytes())
    env = {**os.environ, "NEWTOWNS_DATA": str(data), "NEWTOWNS_CACHE_DIR": str(tmp_path / "c")}
    subprocess.run([str(SCRIPT), "list"], env=env, capture_output=True, check=True)
    [entry] = (tmp_path / "c").glob("*.cache")
    original = entry.read_bytes()
    body = original.split(b"\n", 1)[1]
    assert b'"https://nl.wikipedia.org/wiki/A"' in body
    forged = body.replace(b'"https://nl.wikipedia.org/wiki/A"', b'"javascript:alert(1)"')
    entry.write_bytes(_signed(original, forged))
    result = subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, check=False)
    assert (result.returncode, result.stderr) == (0, b"")
    assert b"javascript:alert(1)" in result.stdout  # shown, as text
    assert forbidden not in result.stdout
    assert b"https://example.org/news/b" in result.stdout  # http(s) addresses still linked


def _file_size_limit() -> None:
    """Files may grow to 16 KiB: a disk that fills up (Python ignores SIGXFSZ; a write past
    the limit fails with EFBIG)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))


def test_an_sqlite_export_to_a_full_disk_is_one_message_and_no_file(
    tmp_path: pathlib.Path,
) -> None:
    """`export --format sqlite -o FILE` on a full disk ended in a traceback
    (sqlite3.OperationalError: database or disk is full, or disk I/O error)."""
    path = tmp_path / "towns.db"
    result = _run(["export", "--format", "sqlite", "-o", str(path)], preexec_fn=_file_size_limit)
    assert result.returncode == 1
    assert result.stderr.decode() == (f"newtowns: error: {path}: cannot write: disk i/o error\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "env",
    [
        {"_NEWTOWNS_COMPLETE": "complete_zsh"},
        {"_NEWTOWNS_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
    ],
    ids=["zsh", "fish"],
)
def test_a_tab_press_shows_names_escaped(tmp_path: pathlib.Path, env: dict[str, str]) -> None:
    """zsh and fish show each id's name: a name holding ESC, an OSC title sequence or a
    bidi override reached the terminal raw on a Tab press; an id holding ESC (completion
    reads the file unvalidated) was offered for the command line."""
    text = MINI.read_text("utf-8")
    text = text.replace('name = "Aastad"', 'name = "Aa\\u001b]0;PWNED\\u0007stad\\u202eX"', 1)
    text = text.replace('id = "beedorp"', 'id = "aa\\u001b[2Jbeedorp"', 1)
    data = tmp_path / "data.toml"
    data.write_text(text, "utf-8")
    line = f"newtowns show --data {data} a"
    result = _run([], env={**os.environ, **env, "_TYPER_COMPLETE_ARGS": line})
    assert (result.returncode, result.stderr) == (0, b"")
    out = result.stdout.decode()
    assert "aastad" in out
    assert "Aa\\x1b]0;PWNED\\x07stad\\u202eX" in out
    assert not {"\x1b", "\x07", "\u202e"} & set(out)
    assert "beedorp" not in out


@pytest.mark.parametrize(("given", "read_as"), [("abc", "0"), ("9" * 5000, "999999")])
def test_a_tab_press_with_a_word_index_int_refuses_answers(given: str, read_as: str) -> None:
    """COMP_CWORD=abc (click's int()) or 5 000 digits (the fast path's) ended a Tab press
    in a traceback; they read as no word and as a very large index."""

    def tab(position: str) -> subprocess.CompletedProcess[bytes]:
        env = {"_NEWTOWNS_COMPLETE": "complete_bash", "COMP_WORDS": "newtowns sh"}
        return _run([], env={**os.environ, **env, "COMP_CWORD": position})

    result = tab(given)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == tab(read_as).stdout


@pytest.mark.parametrize("given", [{}, {"COMP_WORDS": "newtowns sh"}])
def test_a_bash_tab_press_without_its_variables_answers(given: dict[str, str]) -> None:
    """_NEWTOWNS_COMPLETE=complete_bash without COMP_WORDS or COMP_CWORD (bash sets both)
    raised KeyError in typer's bash completion; they read as no words and index 0."""
    env = {k: v for k, v in os.environ.items() if k not in ("COMP_WORDS", "COMP_CWORD")}
    env["_NEWTOWNS_COMPLETE"] = "complete_bash"
    result = _run([], env={**env, **given})
    assert (result.returncode, result.stderr) == (0, b"")
    words = {"COMP_WORDS": given.get("COMP_WORDS", ""), "COMP_CWORD": "0"}
    assert result.stdout == _run([], env={**env, **words}).stdout


def test_a_tab_press_on_a_file_replaced_by_a_fifo_after_its_check_has_no_candidates(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As for the data file: a FIFO put in the file's place between the check and the
    read hung the shell's Tab press for ever; now it gives no candidates."""
    data = tmp_path / "data.toml"
    data.write_bytes(MINI.read_bytes())
    real_stat = os.stat

    def stat_then_swap(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        info = real_stat(path, *args, **kwargs)
        if str(path) == str(data):
            data.unlink()
            os.mkfifo(data)
        return info

    def blocked(signum: int, frame: object) -> None:
        raise _BlockedError

    monkeypatch.setattr(os, "stat", stat_then_swap)
    previous = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(10)  # before the fix the read blocked for ever: fail instead of hanging
    try:
        assert complete.ids(data, "town", "") == []
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_validate_json_on_a_terminal_shows_bidi_escaped(tmp_path: pathlib.Path) -> None:
    """`validate --format json` wrote a key named U+202E raw to the terminal (it skipped the
    escaping every other output gets); in a pipe the JSON stays exactly as it is."""
    from test_terminal import on_terminal

    bad = tmp_path / "bad.toml"
    bad.write_text(MINI.read_text("utf-8") + '\n"\u202e" = 1\n', "utf-8")
    code, shown = on_terminal("validate", str(bad), "--format", "json")
    assert code == 1
    assert "\u202e" not in shown and "\\u202e" in shown
    piped = _run(["validate", str(bad), "--format", "json"], stdout=subprocess.PIPE)
    assert "\u202e" in piped.stdout.decode()
