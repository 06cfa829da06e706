"""-o FILE: atomic, never over the data file, never over a file without --force."""

from __future__ import annotations

import csv
import json
import os
import pathlib
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import MINI, Runner


def test_format_follows_the_extension(run: Runner, tmp_path: pathlib.Path) -> None:
    """.json gives JSON, .csv CSV, .md Markdown, unless --format says otherwise."""
    for name, check in (
        ("t.json", lambda text: json.loads(text)[0]["id"] == "aastad"),
        ("t.csv", lambda text: next(csv.reader([text.splitlines()[1]]))[0] == "aastad"),
        ("t.md", lambda text: text.startswith("| id | name |")),
        ("t.tab", lambda text: text.startswith("id\tname\t")),
    ):
        path = tmp_path / name
        result = run(["list", "--data", str(MINI), "-o", str(path)])
        assert (result.exit_code, result.stdout) == (0, "")
        assert check(path.read_text("utf-8")), name
    run(["list", "--data", str(MINI), "-o", str(tmp_path / "x.json"), "-f", "tsv"])
    assert (tmp_path / "x.json").read_text("utf-8").startswith("id\t")


def test_existing_file_needs_force(run: Runner, tmp_path: pathlib.Path) -> None:
    """Without --force an existing file is kept as it was; with --force it is replaced."""
    path = tmp_path / "out.tsv"
    path.write_text("old\n")
    result = run(["list", "--data", str(MINI), "-o", str(path)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"newtowns: error: {path}: file exists\nnewtowns: hint: add --force to replace it\n"
    )
    assert path.read_text() == "old\n"
    assert run(["list", "--data", str(MINI), "-o", str(path), "--force"]).exit_code == 0
    assert path.read_text().startswith("id\t")


def test_never_over_the_data_file(run: Runner, tmp_path: pathlib.Path) -> None:
    """Not even with --force, and not through another name for it."""
    data = tmp_path / "data.toml"
    data.write_bytes(MINI.read_bytes())
    (tmp_path / "link.toml").symlink_to(data)
    for target in (data, tmp_path / "link.toml"):
        for command in (["filter"], ["export"], ["list", "-f", "tsv"]):
            result = run([*command, "--data", str(data), "-o", str(target), "--force"])
            assert result.exit_code == 2
            assert "refusing to write over the data file being read" in result.stderr
    assert data.read_bytes() == MINI.read_bytes()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (lambda tmp: tmp, "not a regular file; refusing to replace it"),
        (lambda tmp: pathlib.Path("/dev/null"), "not a regular file; refusing to replace it"),
        (lambda tmp: tmp / "missing" / "out.tsv", "cannot write: no such file or directory"),
    ],
    ids=["directory", "device", "missing-folder"],
)
def test_unwritable_targets(
    run: Runner, tmp_path: pathlib.Path, target: object, message: str
) -> None:
    """A directory, a device or a missing folder: exit 1, one message, nothing written."""
    path = target(tmp_path)  # type: ignore[operator]
    result = run(["list", "--data", str(MINI), "-o", str(path), "--force"])
    assert result.exit_code == 1
    assert result.stderr == f"newtowns: error: {path}: {message}\n"


def test_no_temporary_file_is_left_and_the_mode_follows_the_umask(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """After a write the folder holds only the output, readable as a new file should be."""
    old = os.umask(0o022)
    try:
        run(["show", "aastad", "--data", str(MINI), "-o", str(tmp_path / "a.md")])
    finally:
        os.umask(old)
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
    assert (tmp_path / "a.md").stat().st_mode & 0o777 == 0o644


def test_a_full_disk_on_stdout_is_an_error_not_a_traceback() -> None:
    """newtowns list > /dev/full: exit 1 with one line."""
    script = pathlib.Path(sys.executable).parent / "newtowns"
    with open("/dev/full", "w") as full:  # noqa: PTH123
        result = subprocess.run(
            [str(script), "list", "--fields", "all"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert (
        result.stderr
        == "newtowns: error: cannot write to standard output: no space left on device\n"
    )


LISTING_KNOWN = (
    "known: .tsv .tab .csv .json .jsonl .ndjson .md .markdown .xlsx; .txt or none for tsv; "
    "or name the format with --format"
)
EXPORT_KNOWN = (
    "known: .toml .json .csv .geojson .db .sqlite .sqlite3 .xlsx; .txt or none for toml; "
    "or name the format with --format"
)


@pytest.mark.parametrize(
    ("args", "name", "hint"),
    [
        (["list"], "towns.ods", LISTING_KNOWN),
        (["list"], "towns.geojson", LISTING_KNOWN),
        (["list"], "towns.db", LISTING_KNOWN),
        (["list", "--fields", "help"], "f.html", LISTING_KNOWN),
        (["show", "aastad"], "aastad.pdf", LISTING_KNOWN),
        (["groups", "reg"], "reg.toml", LISTING_KNOWN),
        (["timeline"], "t.ODS", LISTING_KNOWN),
        (["summarise"], "s.sqlite", LISTING_KNOWN),
        (["claims"], "c.yaml", LISTING_KNOWN),
        (["export"], "x.ods", EXPORT_KNOWN),
        (["export"], "x.md", EXPORT_KNOWN),
        (["export", "--region", "reg"], "x.tsv", EXPORT_KNOWN),
        (["filter"], "x.json", "known: .toml; .txt or none for toml"),
        (
            ["report"],
            "dossier.pdf",
            "known: .md .markdown .html; .txt or none for md; or name the format with --format",
        ),
        (["schema"], "schema.toml", "known: .json; .txt or none for json"),
    ],
)
def test_an_unknown_extension_is_a_usage_error_and_writes_nothing(
    run: Runner, tmp_path: pathlib.Path, args: list[str], name: str, hint: str
) -> None:
    """-o with an extension the command does not write: exit 2, the known ones, no file."""
    target = tmp_path / name
    suffix = target.suffix
    data = [] if args == ["schema"] else ["--data", str(MINI)]
    result = run([*args, *data, "-o", str(target)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"newtowns: error: -o {target}: unknown extension '{suffix.lower()}'\n"
        f"newtowns: hint: {hint}\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_extension_is_found_before_the_data_is_read(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """A broken data file and a wrong extension: the usage error (exit 2) comes first."""
    broken = tmp_path / "broken.toml"
    broken.write_text("[[town\n")
    result = run(["list", "--data", str(broken), "-o", str(tmp_path / "t.ods")])
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.toml"]


def test_format_names_the_format_whatever_the_extension(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """--format says what to write: -o towns.xlsx --format csv writes CSV there."""
    target = tmp_path / "towns.xlsx"
    result = run(["list", "--data", str(MINI), "-f", "csv", "--fields", "id", "-o", str(target)])
    assert result.exit_code == 0
    assert target.read_text("utf-8") == "id\naastad\nbeedorp\n"
    sqlite = tmp_path / "x.bin"
    assert run(["export", "--data", str(MINI), "-f", "sqlite", "-o", str(sqlite)]).exit_code == 0
    assert sqlite.read_bytes().startswith(b"SQLite format 3\x00")


@pytest.mark.parametrize("name", ["towns.txt", "towns", "towns.TXT", ".towns"])
def test_txt_and_no_extension_get_what_a_pipe_gets(
    run: Runner, tmp_path: pathlib.Path, name: str
) -> None:
    """TSV, exactly the pipe's bytes: never a table cut to the terminal's width."""
    piped = run(["list", "--data", str(MINI), "--fields", "all"], env={"COLUMNS": "40"})
    target = tmp_path / name
    result = run(
        ["list", "--data", str(MINI), "--fields", "all", "-o", str(target)],
        env={"COLUMNS": "40"},
    )
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.read_text("utf-8") == piped.stdout
    assert piped.stdout.startswith("id\tname\tmunicipality\tprovince\tcbs_code\t")


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("x.txt", "# Written by"),
        ("x", "# Written by"),
        ("x.toml", "# Written by"),
        ("x.json", "{"),
        ("x.geojson", '{\n  "type": "FeatureCollection"'),
        ("x.csv", "id,name,municipality"),
    ],
)
def test_export_format_follows_its_own_extensions(
    run: Runner, tmp_path: pathlib.Path, name: str, start: str
) -> None:
    """export knows .toml .json .csv .geojson .db .sqlite; .txt and none get TOML."""
    target = tmp_path / name
    assert run(["export", "--data", str(MINI), "-o", str(target)]).exit_code == 0
    assert target.read_text("utf-8").startswith(start)


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--fields", "id,name"],
        ["list", "-f", "json"],
        ["show", "aastad"],
        ["groups", "reg", "-f", "md"],
        ["timeline"],
        ["summarise", "--by", "province"],
        ["claims", "-f", "csv"],
        ["report"],
        ["export", "-f", "csv"],
        ["export"],
        ["filter", "--region", "reg"],
        ["schema"],
    ],
)
def test_dash_is_stdout(
    run: Runner, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """-o - writes exactly what no -o writes, to stdout; no file named '-' appears."""
    monkeypatch.chdir(tmp_path)
    data = [] if args[0] == "schema" else ["--data", str(MINI)]
    plain = run([*args, *data])
    dashed = run([*args, *data, "-o", "-"])
    forced = run([*args, *data, "-o", "-", "--force"])
    assert plain.exit_code == 0 and plain.stdout
    assert (dashed.exit_code, dashed.stdout, dashed.stderr) == (0, plain.stdout, plain.stderr)
    assert (forced.exit_code, forced.stdout) == (0, plain.stdout)
    assert list(tmp_path.iterdir()) == []


def test_dash_is_stdout_for_the_installed_script(tmp_path: pathlib.Path) -> None:
    """Through the fast path and a real pipe: the same bytes, no file named '-'."""
    script = pathlib.Path(sys.executable).parent / "newtowns"

    def output(*extra: str) -> str:
        result = subprocess.run(
            [str(script), "list", "--data", str(MINI), "-f", "json", *extra],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    assert output("-o", "-") == output() != ""
    assert list(tmp_path.iterdir()) == []


def test_sqlite_to_stdout_is_refused(run: Runner, tmp_path: pathlib.Path) -> None:
    """A database is a file: export -f sqlite -o - exits 2 as without -o."""
    result = run(["export", "--data", str(MINI), "-f", "sqlite", "-o", "-"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "newtowns: error: --format sqlite needs --output FILE\n"
        "newtowns: hint: e.g. -o newtowns.db\n"
    )


@pytest.mark.parametrize(
    ("args", "path", "message", "hint"),
    [
        (["list"], "", "-o: the file name is empty", "name a file, or - for stdout"),
        (["list", "-f", "csv"], "", "-o: the file name is empty", "name a file, or - for stdout"),
        (["export"], "", "-o: the file name is empty", "name a file, or - for stdout"),
        (["report"], "", "-o: the file name is empty", "name a file, or - for stdout"),
        (["list"], "sub/", "-o sub/: names a folder, not a file", "add a file name"),
        (["filter"], "sub/", "-o sub/: names a folder, not a file", "add a file name"),
        (["show", "aastad"], "sub/", "-o sub/: names a folder, not a file", "add a file name"),
    ],
)
def test_an_empty_or_folder_output_is_a_usage_error(
    run: Runner,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    path: str,
    message: str,
    hint: str,
) -> None:
    """-o '' and -o sub/ exit 2 with one message; no file named 'sub' appears."""
    monkeypatch.chdir(tmp_path)
    result = run([*args, "--data", str(MINI), "-o", path])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"newtowns: error: {message}\nnewtowns: hint: {hint}\n"
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=max(200, settings().max_examples))
@given(
    st.text(min_size=1, max_size=12).filter(lambda t: "/" not in t),
    st.sampled_from(["", ".txt", ".TSV", ".json", ".ndjson", ".md", ".xlsx", ".db", ".", ".a.b"]),
)
def test_any_output_name_gets_its_named_format_or_a_usage_error(stem: str, suffix: str) -> None:
    """Out settles the format from any -o name: a known extension's, TSV for .txt and none,
    else a usage error naming the known ones; never a silent fallback."""
    from newtowns_cli.cli.emit import Out
    from newtowns_cli.model.errors import UsageError
    from newtowns_cli.render import SUFFIXES, Format

    name = stem + suffix
    real = pathlib.PurePath(name).suffix.lower()
    try:
        out = Out(None, path=name)
    except UsageError as error:
        assert real not in SUFFIXES and real not in ("", ".txt")
        assert error.message == f"-o {name}: unknown extension '{real}'"
        return
    if name == "-":
        assert out.path is None
    else:
        assert out.format is SUFFIXES.get(real, Format.TSV)
        assert (out.fmt is None) is (real in ("", ".txt"))
