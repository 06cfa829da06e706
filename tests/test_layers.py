"""The layers: every import points down (or sideways), and no modules import each other in a
circle, counting the imports made inside functions too."""

from __future__ import annotations

import ast
import pathlib

import pytest

import newtowns_cli

PACKAGE = pathlib.Path(newtowns_cli.__file__).parent
LAYERS = ["model", "reading", "questions", "exports", "render", "cli"]
"""From the bottom up: a module may import its own layer and the ones below it."""


def _modules() -> dict[str, pathlib.Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(("newtowns_cli", *parts))] = path
    return found


MODULES = _modules()


def _imports(name: str) -> set[str]:
    """Every newtowns_cli module ``name`` imports, anywhere in it."""
    tree = ast.parse(MODULES[name].read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("newtowns_cli")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newtowns_cli"):
            module = node.module or ""
            for alias in node.names:
                full = f"{module}.{alias.name}"
                found.add(full if full in MODULES else module)
    return found - {name}


def _layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_point_down(name: str) -> None:
    """model < reading < questions < exports < render < cli; the package root is for all."""
    own = _layer(name)
    if own is None:
        return
    upward = [m for m in _imports(name) if (_layer(m) or 0) > own]
    assert upward == [], f"{name} imports from above: {upward}"


def test_no_module_outside_cli_imports_cli() -> None:
    outside = {
        name: sorted(m for m in _imports(name) if m.startswith("newtowns_cli.cli"))
        for name in MODULES
        if not name.startswith("newtowns_cli.cli") and name not in ("newtowns_cli.__main__",)
    }
    assert {name: found for name, found in outside.items() if found} == {}


def test_no_import_circle() -> None:
    """A depth-first walk of the import graph finds no module that leads back to itself."""
    graph = {name: {m for m in _imports(name) if m in MODULES} for name in MODULES}
    graph = {
        name: {m for m in found if not name.startswith(m + ".")} for name, found in graph.items()
    }
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                circles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_the_top_level_holds_the_layers_and_few_modules() -> None:
    """Beside __init__ and __main__, the top level holds the layer packages and at most ten
    modules; no module is longer than 400 lines."""
    top = sorted(p.name for p in PACKAGE.iterdir() if p.suffix == ".py")
    assert top == ["__init__.py", "__main__.py"]
    assert {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()} == set(LAYERS)
    render = {p.name for p in (PACKAGE / "render").iterdir() if (p / "__init__.py").is_file()}
    assert render == {"formats", "terminal", "documents", "html"}
    long = {n: len(p.read_text("utf-8").splitlines()) for n, p in MODULES.items()}
    assert {n: lines for n, lines in long.items() if lines > 400} == {}


def test_the_command_line_stays_small() -> None:
    """cli/ is one table of declarations, our parser, help and Tab answers, and the
    commands: under 2 500 lines of Python, and it loads no data file of its own at run
    time (its gettext catalogue aside)."""
    cli = PACKAGE / "cli"
    assert sorted(p.name for p in cli.iterdir() if p.is_file() and p.suffix != ".py") == []
    lines = sum(len(p.read_text("utf-8").splitlines()) for p in cli.glob("*.py"))
    assert lines < 2500
