"""Start-up stays light: each path imports only what it needs (no timing, only modules)."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

from newtowns_cli.reading.store import BUNDLED

PROBE = """
import json, sys
sys.argv = ["newtowns", *json.loads(sys.argv[1])]
try:
    from newtowns_cli.cli import main
    main()
except SystemExit:
    pass
finally:
    sys.stdout.flush()
    names = sorted({name.split(".")[0] for name in sys.modules}
                   | {name for name in sys.modules if name.startswith("newtowns_cli.")})
    sys.stderr.write("\\nMODULES " + json.dumps(names) + "\\n")
"""


def _imported(args: list[str], cache: pathlib.Path, **env: str) -> set[str]:
    environment = {k: v for k, v in os.environ.items() if k != "NEWTOWNS_DATA"}
    environment |= {"NEWTOWNS_CACHE_DIR": str(cache), **env}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """A cache folder holding the bundled data, validated once for the tests that read it.

    Validating (the one path they no longer take) loads no chart, HTML or SVG module."""
    folder = tmp_path_factory.mktemp("cache")
    modules = _imported(["list"], folder)
    assert "pydantic" in modules and not modules & {"plotext", *HTML_ONLY}
    assert list(folder.glob("*.cache"))
    return folder


def test_version_imports_neither_typer_nor_pydantic(tmp_path: pathlib.Path) -> None:
    """--version answers before the command line is even parsed."""
    assert not _imported(["--version"], tmp_path) & {"typer", "pydantic", "rich", "tomllib"}


@pytest.mark.parametrize("args", [["--help"], ["schema"], ["list", "--help"]])
def test_help_and_schema_do_not_import_pydantic_or_rich(
    tmp_path: pathlib.Path, args: list[str]
) -> None:
    """Help and the (bundled) schema need no validation and no rich."""
    assert not _imported(args, tmp_path) & {"pydantic", "pydantic_core", "rich"}


def test_completion_does_not_import_pydantic(tmp_path: pathlib.Path) -> None:
    """A Tab press reads ids with tomllib only."""
    modules = _imported(
        [],
        tmp_path,
        _NEWTOWNS_COMPLETE="complete_bash",
        COMP_WORDS="newtowns show spi",
        COMP_CWORD="2",
    )
    assert not modules & {"pydantic", "pydantic_core", "rich"}


def test_validate_of_an_unchanged_file_answers_from_the_cache(tmp_path: pathlib.Path) -> None:
    """The bundled data validated once: validate again reads the cache of validated files,
    without the TOML parser or pydantic (it took 24–31× `python -c pass` every time)."""
    first = _imported(["validate"], tmp_path)
    assert "pydantic" in first
    again = _imported(["validate"], tmp_path)
    assert not again & {"pydantic", "pydantic_core", "tomli", "tomllib"}
    assert "pydantic" in _imported(["validate"], tmp_path, NEWTOWNS_NO_CACHE="1")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "tsv", "csv", "md", "table"])
def test_a_listing_from_the_cache_imports_neither_pydantic_nor_rich(
    tmp_path: pathlib.Path, fmt: str
) -> None:
    """Once validated, the data loads from the cache: no pydantic; only the table imports rich."""
    first = _imported(["list", "--format", fmt], tmp_path)
    assert "pydantic" in first  # the first run validates
    assert list(tmp_path.glob("*.cache"))
    modules = _imported(["list", "--format", fmt], tmp_path)
    assert not modules & {"pydantic", "pydantic_core"}
    # The cache never unpickles; only rich itself (the table) brings pickle in.
    assert ("pickle" in modules) is (fmt == "table")
    assert ("rich" in modules) is (fmt == "table")
    # A town listing needs neither the claims, the summary nor the timeline.
    assert not modules & {
        "newtowns_cli.questions.claims",
        "newtowns_cli.questions.summary",
        "newtowns_cli.questions.timeline",
    }


@pytest.mark.parametrize("fmt", ["json", "tsv"])
def test_a_listing_to_a_pipe_imports_only_what_it_uses(warm_cache: pathlib.Path, fmt: str) -> None:
    """The most common line: typing, pathlib, contextlib and signal's enums are for other
    paths (validation, -o FILE, writing the cache), and so are the modules of the other
    commands and the choice enums; each costs start-up (benchmarks/README.md)."""
    modules = _imported(["list", "--format", fmt], warm_cache)
    assert not modules & {"typing", "pathlib", "contextlib", "signal", "importlib", "heapq"}
    assert not modules & {"datetime", "_datetime"}  # today is compared as ISO text
    assert not modules & {
        "newtowns_cli.model.constraints",
        "newtowns_cli.cli.run_data",
        "newtowns_cli.cli.run_documents",
        "newtowns_cli.cli.run_listings",
    }


@pytest.mark.parametrize(
    "args",
    [
        ["show", "almere"],
        ["show", "almere", "--format", "json"],
        ["show", "almere", "--format", "md"],
        ["groups", "mra"],
        ["research", "zorgen-voor-new-towns"],
        ["sources", "mra-2023-12-04"],
        ["claims"],
        ["summary", "--by", "province"],
        ["timeline", "--chart"],
        ["growth"],
        ["growth", "--chart"],
        ["report"],
        ["validate"],
        ["export", "--format", "json"],
        ["completion", "bash"],
    ],
)
def test_pipes_never_import_rich(warm_cache: pathlib.Path, args: list[str]) -> None:
    """Piped output of every view, report and export is made without rich."""
    assert "rich" not in _imported(args, warm_cache)


def test_without_a_cache_the_data_is_validated(tmp_path: pathlib.Path) -> None:
    """NEWTOWNS_NO_CACHE: every run validates, and nothing is written."""
    assert "pydantic" in _imported(["list"], tmp_path, NEWTOWNS_NO_CACHE="1")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["list", "--help"],
        ["help", "show"],
        ["list", "--format", "json"],
        ["show", "almere"],
        ["--data", str(BUNDLED), "list", "-f", "json", "-o", "-"],
        ["filter", "--region", "MRA"],
        ["summarise", "--by", "province", "--sort", "towns"],
        ["export", "--format", "csv"],
        ["timeline", "--sort", "kind", "--limit", "3"],
        ["growth", "almere", "-f", "json"],
        ["list", "--format", "jsn"],
        ["list", "--regoin", "MRA"],
        ["list", "--", "x"],
        ["completion", "zsh"],
    ],
)
@pytest.mark.parametrize("columns", ["40", "100"])
def test_the_console_script_never_imports_typer(
    warm_cache: pathlib.Path, args: list[str], columns: str
) -> None:
    """Help at any width, usage errors and listings from the cache are answered by our own
    parser and renderer, and build their values without ``dataclasses`` (and ``inspect``)."""
    modules = _imported(args, warm_cache, COLUMNS=columns)
    assert not modules & {"typer", "click", "pydantic", "rich", "dataclasses", "inspect"}


@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["help", "growth"]])
def test_help_imports_nothing_of_the_data(tmp_path: pathlib.Path, args: list[str]) -> None:
    """Neither the data's modules nor typing: help stays close to Python's own start-up."""
    modules = _imported(args, tmp_path, COLUMNS="60")
    assert not modules & {"typing", "tomllib", "difflib", "pathlib"}
    assert not {m for m in modules if m.startswith("newtowns_cli.render")}


TAB_PRESSES = {
    "bash": {"COMP_WORDS": "newtowns show spi", "COMP_CWORD": "2"},
    "zsh": {"_TYPER_COMPLETE_ARGS": "newtowns show spi"},
    "fish": {
        "_TYPER_COMPLETE_ARGS": "newtowns show spi",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    },
}


@pytest.mark.parametrize("shell", list(TAB_PRESSES))
def test_a_tab_press_imports_neither_typer_nor_rich(tmp_path: pathlib.Path, shell: str) -> None:
    """A town's id (and, for zsh and fish, its name) without typer, nor rich for the help."""
    env = {"_NEWTOWNS_COMPLETE": f"complete_{shell}", "COLUMNS": "80", **TAB_PRESSES[shell]}
    assert not _imported([], tmp_path, **env) & {"typer", "pydantic", "rich"}


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--format", "json"],
        ["show", "almere"],
        ["summary"],
        ["timeline", "--chart"],
        ["report"],
        ["growth"],
        ["growth", "--format", "json"],
        ["--help"],
    ],
)
def test_no_other_path_imports_the_chart_library(warm_cache: pathlib.Path, args: list[str]) -> None:
    """plotext is for the growth chart only (render/termchart.py); nothing else loads it."""
    assert "plotext" not in _imported(args, warm_cache, COLUMNS="100")


CHART_PROBE = """
import sys
from newtowns_cli.render import lines
from newtowns_cli.render.html import geometry, svgchart, svgmap
from newtowns_cli.render.terminal import termchart
from newtowns_cli.questions import growth
before = "plotext" in sys.modules
termchart.render([lines.Line("A", ((2000, 1.0), (2010, 2.0)))], width=60)
print(before, "plotext" in sys.modules, "rich" in sys.modules, "pydantic" in sys.modules)
"""


HTML_ONLY = {
    "jinja2",
    "markupsafe",
    "newtowns_cli.render.html.svgmap",
    "newtowns_cli.render.html.svgchart",
}


def test_the_html_dossier_imports_jinja2_and_the_svg_modules_not_rich(
    tmp_path: pathlib.Path,
) -> None:
    """report --format html needs Jinja2 and the SVG modules, never rich nor plotext."""
    modules = _imported(["report", "--format", "html"], tmp_path)
    assert modules >= HTML_ONLY
    assert not modules & {"rich", "plotext"}


@pytest.mark.parametrize(
    "args",
    [["list"], ["show", "almere"], ["report"], ["growth"], ["growth", "--chart"], ["--help"]],
)
def test_no_other_path_imports_jinja2_or_the_svg_modules(
    warm_cache: pathlib.Path, args: list[str]
) -> None:
    assert not _imported(args, warm_cache, COLUMNS="100") & HTML_ONLY


def test_growth_chart_imports_the_chart_library_and_not_rich(tmp_path: pathlib.Path) -> None:
    """`growth --chart` draws with plotext; in a pipe it needs no rich."""
    modules = _imported(["growth", "--chart"], tmp_path, COLUMNS="100")
    assert "plotext" in modules and "rich" not in modules


def test_the_chart_library_is_imported_only_when_a_terminal_chart_is_drawn() -> None:
    """Importing the picture modules loads neither plotext, rich nor pydantic; drawing loads plotext."""
    result = subprocess.run(
        [sys.executable, "-c", CHART_PROBE], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True", "False", "False"]


@pytest.mark.parametrize(
    "args",
    [["list"], ["export", "--format", "xlsx"], ["growth"], ["summary"], ["show", "almere"]],
)
def test_a_workbook_imports_xlsxwriter_and_neither_rich_nor_pydantic(
    tmp_path: pathlib.Path, args: list[str]
) -> None:
    """-o FILE.xlsx (and export's xlsx) write with XlsxWriter; from the cache, no pydantic."""
    target = tmp_path / "out" / "x.xlsx"
    target.parent.mkdir()
    cache = tmp_path / "cache"
    _imported([*args, "-o", str(target)], cache)  # fills the cache
    target.unlink(missing_ok=True)
    modules = _imported([*args, "-o", str(target)], cache)
    assert target.is_file()
    assert "xlsxwriter" in modules
    assert not modules & {"rich", "pydantic", "pydantic_core", "plotext", "jinja2"}


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--format", "json"],
        ["list", "--format", "csv", "--delimiter", ";"],
        ["list", "--format", "table"],
        ["show", "almere"],
        ["summary"],
        ["timeline"],
        ["growth", "--chart"],
        ["report"],
        ["report", "--format", "html"],
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["list", "--format", "xlsx"],
        ["--help"],
    ],
)
def test_no_other_path_imports_xlsxwriter(tmp_path: pathlib.Path, args: list[str]) -> None:
    """Nor the workbook module: every other output is made without them (a refused
    `--format xlsx` without -o too)."""
    modules = _imported(args, tmp_path, COLUMNS="100")
    assert not modules & {"xlsxwriter", "newtowns_cli.render.formats.xlsx"}
