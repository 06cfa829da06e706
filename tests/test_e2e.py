"""The installed console script in a subprocess: real pipes, another working directory."""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys

import pytest

from support import MINI

SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"
ESCAPE_OR_BOX = re.compile(r"[\x1b\u2500-\u257f]")


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("NEWTOWNS_DATA", "NO_COLOR", "FORCE_COLOR")
    }
    return {**env, **extra}


def _run(*args: str, cwd: pathlib.Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env=_env(**env),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_the_console_script_is_installed() -> None:
    """pip installed the newtowns script next to the interpreter."""
    assert SCRIPT.is_file()


def test_list_region_mra_from_another_directory(tmp_path: pathlib.Path) -> None:
    """The bundled data is found from any working directory; a pipe gets TSV."""
    result = _run("list", "--region", "MRA", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        "id",
        "almere",
        "haarlemmermeer",
        "huizen",
        "lelystad",
        "purmerend",
    ]
    assert result.stderr == ""


def test_pipe_output_has_no_escape_codes_or_box_drawing(tmp_path: pathlib.Path) -> None:
    """Even with FORCE_COLOR set, a pipe gets plain TSV: rich does not decide."""
    for env in ({}, {"FORCE_COLOR": "1"}, {"FORCE_COLOR": "0"}, {"TERM": "xterm-256color"}):
        result = _run("list", cwd=tmp_path, **env)
        assert result.returncode == 0
        assert not ESCAPE_OR_BOX.search(result.stdout), env
        assert result.stdout.startswith("id\tname\t")
        assert len(result.stdout.splitlines()) == 17


def test_validate_the_bundled_data(tmp_path: pathlib.Path) -> None:
    """newtowns validate says nothing alarming and exits 0."""
    result = _run("validate", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.endswith(": valid (16 towns, 12 groups, 173 sources)\n")


def test_python_dash_m_and_version(tmp_path: pathlib.Path) -> None:
    """python -m newtowns_cli runs the same app."""
    result = subprocess.run(
        [sys.executable, "-m", "newtowns_cli", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    from newtowns_cli import __version__

    assert (result.returncode, result.stdout) == (0, f"newtowns {__version__}\n")


def test_no_arguments_prints_help(tmp_path: pathlib.Path) -> None:
    """newtowns alone is a usage error: the help goes to stderr, exit 2, stdout stays empty."""
    result = _run(cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: newtowns [OPTIONS] COMMAND [ARGS]...")
    assert "list" in result.stderr and "validate" in result.stderr


def _big_data_file(tmp_path: pathlib.Path, towns: int) -> pathlib.Path:
    text = MINI.read_text("utf-8")
    block = text[text.index('[[town]]\nid = "beedorp"') : text.index("[[group]]")]
    extra = "".join(
        block.replace('"beedorp"', f'"town-{n}"').replace('"Béédorp"', f'"Béédorp {n}"')
        for n in range(towns)
    )
    path = tmp_path / "big.toml"
    path.write_text(text.replace("[[group]]", extra + "[[group]]", 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["tsv", "json", "table"])
def test_closed_pipe_exits_0_without_a_traceback(tmp_path: pathlib.Path, fmt: str) -> None:
    """newtowns list | head -1: the reader leaves early; no traceback, exit 0."""
    big = _big_data_file(tmp_path, 1000)
    process = subprocess.Popen(
        [str(SCRIPT), "list", "--data", str(big), "--format", fmt, "--fields", "all"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    returncode = process.wait(timeout=120)
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert (returncode, stderr) == (0, "")
