"""The README's picture of a terminal view shows what that view prints today."""

from __future__ import annotations

import importlib.util
import pathlib
import re
from types import ModuleType

ROOT = pathlib.Path(__file__).parents[1]


def _picture() -> ModuleType:
    path = ROOT / "scripts" / "readme_picture.py"
    spec = importlib.util.spec_from_file_location("readme_picture", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_picture_shows_what_the_command_prints_now() -> None:
    """The text lines of docs/images/terminal.svg are the terminal's lines of today's
    `newtowns list --region MRA` at 80 columns; and the SVG this rich draws reads back the
    same, so the comparison does not rest on one rich version's bytes."""
    picture = _picture()
    ansi = picture.terminal_output()
    now = picture.plain_lines(ansi)
    assert now[0].split() == ["name", "municipality", "province", "population", "population_as_of"]
    assert picture.svg_lines(picture.svg(ansi)) == now
    shown = picture.svg_lines(picture.OUTPUT.read_text("utf-8"))
    assert shown == now, "the picture is out of date: python scripts/readme_picture.py"


def test_the_readme_shows_the_picture_with_a_text_alternative() -> None:
    """The README embeds the SVG with alt text that says what it shows."""
    readme = (ROOT / "README.md").read_text("utf-8")
    embedded = re.search(r"!\[([^\]]*)\]\(docs/images/terminal\.svg\)", readme)
    assert embedded is not None
    assert "newtowns list --region MRA" in embedded.group(1)
