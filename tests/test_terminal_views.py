"""What a person sees: the installed script on a real pseudo-terminal at 80, 100 and 160
columns (tables, one-item views, claims, the report), and the one-item views in a pipe."""

from __future__ import annotations

import functools
import pathlib
import re
import subprocess

import pytest
from test_terminal import SCRIPT, _env, on_terminal

from support import MINI

WIDTHS = [80, 100, 160]
ESCAPES = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")
URL = re.compile(r"https?://\S+")


def piped(*args: str) -> str:
    result = subprocess.run([str(SCRIPT), *args], env=_env(), capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def plain(text: str) -> str:
    return ESCAPES.sub("", text)


def _towns() -> list[tuple[str, str]]:
    rows = piped("list", "--fields", "name,population", "-f", "tsv").splitlines()[1:]
    return [tuple(row.split("\t")) for row in rows]  # type: ignore[misc]


@pytest.mark.parametrize("columns", WIDTHS)
def test_list_on_a_terminal_reads_at_every_width(columns: int) -> None:
    """Headers whole, no line too wide, every name whole (wrapped is fine), numbers grouped."""
    code, text = on_terminal("list", columns=columns)
    assert code == 0
    lines = plain(text).splitlines()
    header = lines[0].split()
    assert header[:3] == ["name", "municipality", "province"]
    assert {"population", "population_as_of"} <= set(header)
    assert max(len(line) for line in lines) <= columns
    assert "…" not in text
    words = plain(text).split()
    for name, population in _towns():
        assert all(word in words for word in name.split()), name
        assert f"{int(population):,}" in words, name
    # The caption folds at spaces only: joined again, it reads whole, ending with the hint.
    start = next(n for n, line in enumerate(lines) if line.startswith("16 towns; "))
    caption = " ".join(lines[start:])
    assert caption.startswith("16 towns; population as of 2024-01-01; "), caption
    hint = "; each figure's origin and source: --fields name,population_origin,population_source."
    assert caption.endswith(hint), caption


def test_wider_terminals_get_more_columns() -> None:
    """80 columns: the essentials; wider: more; never the id, which repeats the name."""
    heads = [plain(on_terminal("list", columns=c)[1]).splitlines()[0].split() for c in WIDTHS]
    assert heads[0] == ["name", "municipality", "province", "population", "population_as_of"]
    assert len(heads[0]) < len(heads[1]) < len(heads[2])
    assert all("id" not in head for head in heads)


def test_fields_still_rule_on_a_terminal() -> None:
    """--fields names the columns, in its order, whatever the width."""
    code, text = on_terminal("list", "--fields", "id,population,name", columns=80)
    assert code == 0
    assert plain(text).splitlines()[0].split() == ["id", "population", "name"]


@pytest.mark.parametrize("columns", WIDTHS)
def test_claims_verdicts_are_whole_and_coloured_for_meaning(columns: int) -> None:
    """Every verdict whole (on one line from 100 columns; at 80, where the source takes its
    room, it may wrap between its words), in colour; the same words under NO_COLOR."""
    expected = piped("claims", "-f", "tsv", "--fields", "verdict").splitlines()[1:]
    code, text = on_terminal("claims", columns=columns)
    assert code == 0
    lines = plain(text).splitlines()
    assert max(len(line) for line in lines) <= columns
    assert lines[-1] == "14 claims: 14 not comparable."
    for verdict in ("not consistent", "not comparable"):
        assert sum(line.count(verdict) for line in lines[:-1]) == expected.count(verdict)
    assert "\x1b[33mnot comparable" in text
    code, bare = on_terminal("claims", columns=columns, NO_COLOR="1")
    assert "\x1b" not in bare
    assert bare.replace(" ", "") == plain(text).replace(" ", "")


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize(
    ("args", "titles"),
    [
        (
            ("show", "almere"),
            ["Almere", "Designation", "Population", "Groups", "Timeline", "Sources"],
        ),
        (("groups", "mra"), ["Metropoolregio Amsterdam", "Members", "Timeline", "Sources"]),
        (("research", "zorgen-voor-new-towns"), ["Findings", "Sources"]),
        (("sources", "mra-2023-12-04"), ["Cited by"]),
    ],
    ids=["show", "groups", "research", "sources"],
)
def test_one_item_views_on_a_terminal(
    columns: int, args: tuple[str, ...], titles: list[str]
) -> None:
    """Titles in bold and underlined, sections that fit the width, numbers grouped."""
    code, text = on_terminal(*args, columns=columns)
    assert code == 0
    lines = plain(text).splitlines()
    # Only an address kept whole may be wider, on a line of its own.
    assert max(len(line) for line in lines if not URL.fullmatch(line)) <= columns
    for title in titles:
        assert title in lines, title
    assert "\x1b[1;4m" in text and "…" not in text
    if args[0] == "show":
        assert "226,786" in plain(text) and "17,240" in plain(text)


@pytest.mark.parametrize(
    ("args", "titles", "facts"),
    [
        (
            ("show", "almere"),
            [
                "Almere",
                "Designation",
                "Relieves (overloop)",
                "Population",
                "Area (km²)",
                "Location",
                "Groups",
                "Timeline",
                "Sources",
            ],
            [
                "17240",
                "De zestien gemeenten die in de jaren zeventig van rijkswege werden aangewezen als groeikernen",
                "https://fy.wikipedia.org/wiki/Almeare",
            ],
        ),
        (
            ("groups", "mra"),
            ["Metropoolregio Amsterdam", "Members", "Timeline", "Sources"],
            [
                "haarlemmermeer",
                "https://www.metropoolregioamsterdam.nl/purmerend-almere-en-lelystad-in-new-towns-alliantie/",
            ],
        ),
        (
            ("research", "zorgen-voor-new-towns"),
            ["Zorgen voor New Towns; van groeikern tot aandachtgebied", "Findings", "Sources"],
            [
                "- The neighbourhoods of the 1970s and 1980s are ageing fast.",
                "Minister Mona Keijzer (Volkshuisvesting en Ruimtelijke Ordening)",
            ],
        ),
        (
            ("sources", "mra-2023-12-04"),
            ["Purmerend, Almere en Lelystad in New Towns Alliantie", "Cited by"],
            [
                "https://www.metropoolregioamsterdam.nl/purmerend-almere-en-lelystad-in-new-towns-alliantie/",
                "Kopgroep New Towns: member Almere (since 2021)",
            ],
        ),
    ],
    ids=["show", "groups", "research", "sources"],
)
def test_one_item_views_in_a_pipe_are_plain_text_with_every_section(
    args: tuple[str, ...], titles: list[str], facts: list[str]
) -> None:
    """Piped: every section under its title, every fact whole, no colour, frame or tab."""
    text = piped(*args)
    lines = text.splitlines()
    assert lines[0] == titles[0] and lines[1] == ""
    for title in titles[1:]:
        assert title in lines, title
    for fact in facts:
        assert fact in text, fact
    assert "\x1b" not in text and "─" not in text and "\t" not in text and "…" not in text
    assert text == piped(*args, "-f", "table")


def test_one_item_views_keep_their_machine_formats() -> None:
    """--format json and md are unchanged; tsv (asked for) is still the flat row."""
    assert piped("show", "almere", "-f", "json").startswith('{\n  "id": "almere"')
    assert piped("show", "almere", "-f", "md").startswith("## Almere\n")
    assert piped("show", "almere", "-f", "tsv").splitlines()[0].startswith("id\tname\t")


def test_report_on_a_terminal_is_rendered_not_source() -> None:
    """--no-pager: rich's rendering (no '#' headings, no '|---|' rows), within the width."""
    source = piped("report")
    assert source.startswith("# ")
    code, text = on_terminal("report", "--no-pager", columns=100)
    assert code == 0
    lines = plain(text).splitlines()
    assert not [line for line in lines if line.startswith("#") or "|---" in line]
    assert lines[0].strip() == source.splitlines()[0].removeprefix("# ")
    assert max(len(line) for line in lines) <= 100
    assert "](#source-" not in plain(text)


@pytest.mark.parametrize("columns", WIDTHS)
def test_report_tables_never_split_a_word(columns: int) -> None:
    """Every name, municipality, province and date of the towns table whole at every width:
    a table that cannot keep its words whole side by side (80, 100 columns) becomes row
    blocks; from 120 columns the towns table stands as a table."""
    code, text = on_terminal("report", "--no-pager", columns=columns, NO_COLOR="1")
    assert code == 0
    lines = text.splitlines()
    assert max(len(line) for line in lines if not URL.search(line)) <= columns
    words = set(text.split())
    rows = piped("list", "--fields", "name,municipality,province,population_as_of", "-f", "tsv")
    for row in rows.splitlines()[1:]:
        missing = [word for cell in row.split("\t") for word in cell.split() if word not in words]
        assert missing == [], row
    as_blocks = any(line.startswith("Municipality ") for line in lines)
    as_table = any(re.match(r"\s*Town\s+Municipality\s+Province\s", line) for line in lines)
    assert (as_blocks, as_table) == ((True, False) if columns < 120 else (False, True))


def test_report_on_a_terminal_shows_each_address_once() -> None:
    """An autolink (<https://…>) is its address once, not 'address (address)', and keeps
    every character (underscores, parentheses) as it is."""
    code, text = on_terminal("report", "--no-pager", columns=160, NO_COLOR="1")
    assert code == 0
    urls = re.findall(r"<(https?://[^<>\s]+)>", piped("report"))
    assert len(urls) > 50
    shown = [line for line in text.splitlines() if "https://" in line]
    assert all(line.count("https://") == 1 for line in shown), shown[:3]
    assert [url for url in urls if url not in text] == []


def test_a_long_report_goes_through_the_pager() -> None:
    """Longer than the screen: through $PAGER (here a sed that marks each line)."""
    code, text = on_terminal("report", columns=100, PAGER="sed s/^/PAGED:/")
    assert code == 0
    lines = text.splitlines()
    assert len(lines) > 40 and all(line.startswith("PAGED:") for line in lines)
    code, text = on_terminal("report", "--no-pager", columns=100, PAGER="sed s/^/PAGED:/")
    assert "PAGED:" not in text


def test_report_in_a_pipe_is_the_markdown_source() -> None:
    """Never paged, never rendered off a terminal."""
    assert piped("report").startswith("# ")
    assert piped("report", "--no-pager") == piped("report")


@pytest.mark.parametrize(
    "args", [("list",), ("claims",), ("show", "almere"), ("report", "--no-pager"), ("sources",)]
)
def test_no_color_is_readable(args: tuple[str, ...]) -> None:
    """NO_COLOR: not one escape code, and the same words as with colour."""
    code, coloured = on_terminal(*args, columns=100)
    code, bare = on_terminal(*args, columns=100, NO_COLOR="1")
    assert code == 0
    assert "\x1b" not in bare
    assert bare.split() == plain(coloured).split()


def test_validate_colours_paths_and_messages_on_a_terminal(tmp_path: pathlib.Path) -> None:
    """Places muted, paths and messages in colour; the same text as in a pipe."""
    bad = tmp_path / "bad.toml"
    bad.write_text(
        MINI.read_text("utf-8").replace('province = "Flevoland"', 'province = "Atlantis"', 1),
        "utf-8",
    )
    code, shown = on_terminal("validate", str(bad), columns=100)
    assert code == 1
    assert "\x1b[1;36m" in shown and "\x1b[31m" in shown
    result = subprocess.run(
        [str(SCRIPT), "validate", str(bad)], env=_env(), capture_output=True, check=False
    )
    first = plain(shown).splitlines()[0]
    assert first == result.stdout.decode("utf-8").splitlines()[0]


def _readme_examples() -> list[tuple[str, str]]:
    readme = (pathlib.Path(__file__).parents[1] / "README.md").read_text("utf-8")
    examples = []
    for block in readme.split("```console\n")[1:]:
        body = block.split("\n```", 1)[0]
        for chunk in ("\n" + body).split("\n$ ")[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output))
    return examples


@pytest.mark.parametrize(("command", "expected"), _readme_examples())
def test_readme_terminal_examples_are_real_output(
    command: str, expected: str, tmp_path: pathlib.Path
) -> None:
    """Each `$ newtowns …` in the README's console blocks prints exactly what is shown."""
    import os

    env = {k: v for k, v in _env().items() if k != "COLUMNS"}
    env["PATH"] = f"{SCRIPT.parent}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run(
        ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip("\n") == expected.rstrip("\n")


@pytest.mark.parametrize("force", ["0", "1"])
def test_force_color_never_colours_a_pipe(force: str) -> None:
    """rich would read FORCE_COLOR as 'a terminal'; our consoles ignore it."""
    result = subprocess.run(
        [str(SCRIPT), "claims", "-f", "table"],
        env={**_env(), "FORCE_COLOR": force},
        capture_output=True,
        check=True,
    )
    assert b"\x1b" not in result.stdout and b"not comparable" in result.stdout


def test_a_pager_that_cannot_start_prints_the_report_straight() -> None:
    """PAGER naming no program: the rendered report, straight to the terminal, exit 0."""
    code, text = on_terminal("report", columns=100, PAGER="no-such-pager-here")
    assert code == 0
    assert "Dutch New Towns" in text.splitlines()[0]


@functools.cache
def _ids() -> frozenset[str]:
    """Every id of the shipped data: towns, groups (regions among them), sources, others.

    Read once (five runs of the script), not again for each of the 40 cases below."""
    found: set[str] = set()
    for command in ("list", "groups", "sources", "organisations", "research"):
        found.update(piped(command, "--fields", "id", "-f", "tsv").splitlines()[1:])
    return frozenset(found)


def _split_ids(text: str, ids: frozenset[str]) -> list[str]:
    """Pieces of an id cut at the end of a line: a word that is no id but starts one.

    (A cut falls 16 cells or more into an id, so past a hyphen in every id that long.)
    """
    words = {word.strip(",;()") for word in plain(text).split()}
    return sorted(
        word for word in words - ids if "-" in word and any(i.startswith(word) for i in ids)
    )


VIEWS = [
    ("list",),
    ("groups",),
    ("timeline", "--from", "2020"),
    ("timeline",),
    ("claims",),
    ("show", "huizen"),
    ("show", "capelle-aan-den-ijssel"),
    ("groups", "post65-groeikernenkring"),
    ("sources",),
    ("sources", "canon-huizen-stad-aan-het-water"),
]


@pytest.mark.parametrize("columns", [80, 100, 120, 160])
@pytest.mark.parametrize("args", VIEWS, ids=["-".join(v) for v in VIEWS])
def test_ids_are_never_split_and_lines_carry_no_padding(
    columns: int, args: tuple[str, ...]
) -> None:
    """No id is cut mid-word at any width (a list of ids wraps between them); no line ends in
    spaces, colour codes aside."""
    code, text = on_terminal(*args, columns=columns, LINES="1000")
    assert code == 0
    assert _split_ids(text, _ids()) == []
    padded = [line for line in plain(text).splitlines() if line != line.rstrip()]
    assert padded == []


@pytest.mark.parametrize(
    ("args", "header", "column"),
    [
        (("timeline", "--from", "2020"), ["date", "kind", "what", "sources"], "sources"),
        (("claims",), ["statement", "source", "verdict", "comparable"], "source"),
    ],
)
def test_the_source_column_stays_at_80_columns(
    args: tuple[str, ...], header: list[str] | None, column: str
) -> None:
    """Every row of the timeline and the claims names its sources at 80 columns, each whole."""
    code, text = on_terminal(*args, columns=80)
    lines = plain(text).splitlines()
    assert code == 0
    if header is None:  # blocks: every row has a line for the column
        rows = len(piped(*args, "--fields", column, "-f", "tsv").splitlines()) - 1
        assert sum(line.startswith(f"{column} ") for line in lines) == rows
    else:
        assert lines[0].split() == header
    assert max(len(line) for line in lines) <= 80
    words = {word.strip(",") for word in plain(text).split()}
    cited = piped(*args, "--fields", column, "-f", "tsv").splitlines()[1:]
    assert cited and all(i in words for row in cited for i in row.split(";"))


def test_claims_read_apart_at_80_columns() -> None:
    """Two claims of the same statement differ on the terminal by their source."""
    code, text = on_terminal("claims", columns=80)
    rows = [line.split() for line in plain(text).splitlines() if "ruim 1,3 miljoen" in line]
    assert (code, [row[3] for row in rows]) == (0, ["raadsleden-2022", "mra-2023-12-04"])


@pytest.mark.parametrize("columns", [80, 100])
def test_show_keeps_addresses_whole_and_gives_free_text_the_room(columns: int) -> None:
    """Each source address whole on one line (its own, when longer than the screen); the
    designation quote is not squeezed beside the source id."""
    code, text = on_terminal("show", "huizen", columns=columns, LINES="1000")
    lines = plain(text).splitlines()
    assert code == 0
    for url in URL.findall(piped("show", "huizen")):
        assert any(line.split()[-1:] == [url] for line in lines), url
    delpher = (
        "https://www.delpher.nl/nl/boeken/view?coll=boeken&identifier=MMUBL07%3A000000011%3A00005"
    )
    assert (delpher in lines) == (columns == 80)  # on its own line where it is too long
    designation = lines[lines.index("Designation") : lines.index("Relieves (overloop)")]
    quote = next(line for line in designation if "Bovenop deze" in line)
    assert len(quote) >= columns - 12
