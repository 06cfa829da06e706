"""Any string in a data file prints literally and harmlessly, and parses back in every format."""

from __future__ import annotations

import csv
import io
import json
import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newtowns_cli.render.html import svgtext
from newtowns_cli.render.text import controls_visible

from support import Runner, markdown_cells, write_data

HOSTILE = [
    "[bold]x[/bold]",
    "[/]",
    "a|b | c",
    "tab\there",
    "quote \"q\" and 's'",
    "line1\nline2",
    "back\\slash \\",
    "<b>html</b> &amp; &#32;",
    "*star* _under_ `code` ~strike~",
    "# not a heading",
    "- not a list",
    "1. not a list",
    "  spaced  ",
    "esc \x1b[2J clear",
    "cr\rreturn",
    "nul \x00 del \x7f c1 \x9b",
    "emoji ✓ ü, comma; semicolon",
    "x=SUM(A1)",
    "-2+3",
    "\u202eevil\u202c bidi",
    "zero\u200bwidth\u2060joiner\ufeff",
    "\u2066isolate\u2069 \u200fmark",
    "\x85",
    "\u00a0no-break edges\u00a0",
    "\u2028line separator",
]
CONTROL = {"esc \x1b[2J clear", "cr\rreturn", "nul \x00 del \x7f c1 \x9b", "\x85"}


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    towns = [
        {
            "id": f"t{number}",
            "name": value,
            "municipality": value,
            "aliases": [value],
            "cbs_code": "GM0001",
            "province": "Utrecht",
            "status": "groeikern",
            "sources": ["s"],
            "note": value,
        }
        for number, value in enumerate(HOSTILE)
    ]
    return write_data(tmp_path_factory.mktemp("hostile") / "hostile.toml", towns)


def _by_id(rows: list[list[str]]) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in rows[1:]}


def _list(run: Runner, path: pathlib.Path, fmt: str) -> str:
    result = run(["list", "--data", str(path), "--fields", "id,name,aliases", "-f", fmt])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_hostile_file_is_valid(run: Runner, hostile_file: pathlib.Path) -> None:
    """Strange text is allowed in names: it is data, not an error."""
    assert run(["validate", str(hostile_file)]).exit_code == 0


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_gives_back_every_value(run: Runner, hostile_file: pathlib.Path, fmt: str) -> None:
    """json.loads gives the exact strings back, control characters included."""
    text = _list(run, hostile_file, fmt)
    rows = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    assert {row["id"]: (row["name"], row["aliases"]) for row in rows} == {
        f"t{n}": (value, [value]) for n, value in enumerate(HOSTILE)
    }
    assert "\x1b" not in text


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_give_back_every_value(
    run: Runner, hostile_file: pathlib.Path, fmt: str, delimiter: str
) -> None:
    """Python's csv module reads back exactly the values: a tab or newline never shifts a column."""
    rows = list(
        csv.reader(io.StringIO(_list(run, hostile_file, fmt), newline=""), delimiter=delimiter)
    )
    assert all(len(row) == 3 for row in rows)
    assert _by_id(rows) == {f"t{n}": [value, value] for n, value in enumerate(HOSTILE)}


def test_markdown_cells_parse_back_to_the_values(run: Runner, hostile_file: pathlib.Path) -> None:
    """A GFM parser reads each cell back as the value; control characters are shown escaped."""
    rows = markdown_cells(_list(run, hostile_file, "md"))
    assert len(rows) == 1 + len(HOSTILE)
    expected = {
        f"t{n}": [controls_visible(v, keep="\t\n") if v in CONTROL else v] * 2
        for n, v in enumerate(HOSTILE)
    }
    assert _by_id(rows) == expected


def test_markdown_detail_view_keeps_lists_and_headings_literal(
    run: Runner, hostile_file: pathlib.Path
) -> None:
    """In show --format md, no value opens a heading, list or code span of its own."""
    for number in range(len(HOSTILE)):
        text = run(["show", f"t{number}", "--data", str(hostile_file), "-f", "md"]).stdout
        tokens = MarkdownIt("commonmark").enable("table").parse(text)
        assert [
            t.type
            for t in tokens
            if t.type.endswith("_open")
            and t.type.startswith(("bullet", "ordered", "blockquote", "fence", "code"))
        ] == []
        assert sum(t.type == "heading_open" for t in tokens) == 1 + text.count("\n### ")


def test_terminal_table_shows_markup_literally_and_no_control_codes(
    run: Runner, hostile_file: pathlib.Path
) -> None:
    """The rich table never reads markup and never sends ESC, CR or NUL to the terminal."""
    text = run(
        ["list", "--data", str(hostile_file), "-f", "table", "--fields", "id,name"],
        env={"COLUMNS": "200"},
    ).stdout
    assert "[bold]x[/bold]" in text and "[/]" in text
    assert "esc \\x1b[2J clear" in text
    assert "cr\\rreturn" in text
    assert not any(char in text for char in "\x1b\r\x00\x7f\x9b")


INVISIBLE = "\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
INVISIBLE += "\u2060\u2066\u2067\u2068\u2069\ufeff"


@pytest.mark.parametrize("fmt", ["table", "json", "tsv", "md"])
def test_bidi_and_zero_width_characters_are_shown_escaped_on_a_terminal(
    hostile_file: pathlib.Path, fmt: str
) -> None:
    """No bidi control, zero-width character or line separator reaches a terminal raw."""
    import os
    import pty
    import subprocess
    import sys

    script = pathlib.Path(sys.executable).with_name("newtowns")
    args = [str(script), "list", "--data", str(hostile_file), "-f", fmt, "--fields", "id,name"]
    main, child = pty.openpty()
    with subprocess.Popen(
        args, stdout=child, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "200"}
    ) as process:
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(main)
        assert process.wait() == 0
    text = b"".join(chunks).decode("utf-8")
    assert not any(char in text for char in INVISIBLE)
    assert "\\u202eevil\\u202c bidi" in text
    assert "zero\\u200bwidth\\u2060joiner\\ufeff" in text


NONCHARACTERS = ["\ufdd0 \ufdef", "\ufffe \uffff", "\U0001fffe \U0010ffff"]


def test_the_html_dossier_parses_without_error_and_shows_every_value(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """Every hostile string, and noncharacters, as names, aliases and notes: the page has no
    parse error for an HTML5 parser (raw control characters and noncharacters were 18
    'invalid-codepoint' errors, and browsers drop NUL), and each value shows as in SVG text:
    control characters and noncharacters as visible escapes, everything else as it is."""
    import html5lib

    values = [*HOSTILE, *NONCHARACTERS]
    towns = [
        {
            "id": f"t{number}", "name": value, "municipality": value, "aliases": [value],
            "cbs_code": "GM0001", "province": "Utrecht", "status": "groeikern",
            "sources": ["s"], "note": value,
            "location": [{"lat": 52.0, "lon": 5.0 + number / 100, "source": "s"}],
        }
        for number, value in enumerate(values)
    ]  # fmt: skip
    data = write_data(tmp_path / "hostile.toml", towns)
    page = tmp_path / "dossier.html"
    assert run(["report", "--data", str(data), "--format", "html", "-o", str(page)]).exit_code == 0
    text = page.read_text(encoding="utf-8")
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)
    shown = "".join(tree.itertext())
    for value in values:
        assert svgtext.safe(value, keep="\t\n") in shown
    assert "\\x00" in shown and "\\ufffe" in shown and "\\U0010ffff" in shown


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126)))
def test_a_table_escapes_as_the_template_does(value: str) -> None:
    """The tables written in Python escape printable ASCII exactly as Jinja2's autoescaping
    (markupsafe) does: the pages' bytes do not depend on which one wrote a cell."""
    import markupsafe

    from newtowns_cli.render.html import markup

    assert markup._escaped(value) == str(markupsafe.escape(value))


@settings(max_examples=500)
@given(st.text())
def test_svg_and_html_text_skip_only_what_needs_no_escape(value: str) -> None:
    """Printable text passes as it is, quickly; the result is always what escaping every
    control, bidi and zero-width character, surrogate and noncharacter gives."""
    from newtowns_cli.render.text import visible

    assert svgtext.safe(value) == svgtext._NOT_TEXT.sub(svgtext._escaped, visible(value))
    for hidden in ("\u202e", "\u200b", "\u2028", "\ufffe", "\U0010ffff", "\x85", "\x00"):
        assert svgtext.safe(value + hidden) != value + hidden


def test_every_character_the_escapes_look_for_is_not_printable() -> None:
    """visible, controls_visible and terminal_safe return printable text as it is (a C
    check, for every cell of a large table): right only while str.isprintable refuses
    every character their patterns match."""
    import re

    from newtowns_cli.render import text as safe

    for pattern in (safe._HIDDEN, safe._CONTROL, safe._UNSAFE_ON_TERMINAL):
        matched = [c for c in map(chr, range(0x110000)) if re.fullmatch(pattern, c)]
        assert len(matched) > 60
        assert [c for c in matched if c.isprintable()] == []
