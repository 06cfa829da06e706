"""Long runs of bare numbers cut short before parsing: the same problems, and the same data,
as the file parsed whole; never a cut in a string, a comment or a file that does not parse."""

from __future__ import annotations

import datetime
import pathlib

import pytest
import tomli

from newtowns_cli.model.errors import Problem
from newtowns_cli.reading import shortened, store
from newtowns_cli.reading.tomlspan import SpanIndex
from newtowns_cli.reading.validation import validate

from support import ONE_TOWN

TODAY = datetime.date(2026, 1, 1)
N = 600_000  # a run long enough to be cut, in a file of more than 1 MiB
ONES = ", ".join(["1"] * N)

CASES = {
    # wrong items, with mistakes before and after them in the same town
    "aliases": ONE_TOWN.replace('"Utrecht"', '"Utrech"')
    + f"aliases = [{ONES}]\nrelieves = [{{ city = 5, source = 's' }}]\n",
    "unknown key": ONE_TOWN + f"aliasses = [{ONES}]\n",
    "nested": ONE_TOWN + f"aliases = [[{ONES}]]\n",
    "two runs, lines, booleans": ONE_TOWN
    + "aliases = [\n"
    + ",\r\n".join(["true"] * N)
    + ', "x",\n'
    + ",\n".join(["-0"] * N)
    + "\n]\n",
    "floats": ONE_TOWN
    + "aliases = ["
    + ", ".join(["1.5", "-2e3", "0.25", "+1_000.0", "6.02E+23", "inf", "-nan", "0"] * (N // 8))
    + "]\n",
    "in a string": ONE_TOWN.replace('description = "D"', f'description = """\n[{ONES}, 1]"""'),
    "in a literal string": ONE_TOWN.replace('description = "D"', f"description = '''[{ONES},]'''"),
    "in a comment": ONE_TOWN + f"# [{ONES}, 1]\n",
    "syntax error after": ONE_TOWN + f"aliases = [{ONES}]\nname = 'again'\n",
    "syntax error in it": ONE_TOWN + f"aliases = [{ONES}, 1x, 1]\n",
    "a key in it": ONE_TOWN + f"location = [{{ lat = 52.1, {ONES}, lon = 5 }}]\n",
}


def _whole(text: str, path: pathlib.Path) -> tuple[object, list[Problem]]:
    """What the file parsed whole gives: the reference (a syntax error at tomli's place)."""
    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line, column = exc.lineno, exc.colno  # tomli ≥ 2.1 keeps them
        message = f"TOML syntax error: {exc.msg}"
        return None, [Problem(str(path), line, column, "", "toml-syntax", message)]
    found, problems = validate(document, file=str(path), spans=lambda: SpanIndex(text), today=TODAY)
    return found, sorted(problems, key=Problem.sort_key)


@pytest.mark.parametrize("case", CASES)
def test_a_long_run_gives_what_the_whole_file_gives(tmp_path: pathlib.Path, case: str) -> None:
    """Each file: the same Dataset (or none) and the same located problems, cut or not."""
    text = CASES[case]
    path = tmp_path / "runs.toml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > store.PACK_FROM
    assert store.inspect(store.DataFile(path, str(path)), today=TODAY) == _whole(text, path)


def test_only_a_run_in_an_array_is_cut() -> None:
    """The text cut short is parsed only when the run lies in an array."""
    for case in ("aliases", "unknown key", "nested", "two runs, lines, booleans", "floats"):
        assert shortened.parse(CASES[case], tomli.loads) is not None, case
    for case in ("in a string", "in a literal string", "in a comment", "syntax error after"):
        assert shortened.parse(CASES[case], tomli.loads) is None, case
    assert shortened.parse(ONE_TOWN, tomli.loads) is None
