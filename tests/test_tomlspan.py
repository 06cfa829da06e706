"""The span index: every key and array element of a TOML document mapped to line and column."""

from __future__ import annotations

import tomllib
from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from newtowns_cli.reading.tomlspan import SpanIndex

DOCUMENT = """\
# comment
[dataset]
title = "x" # trailing comment

[[town]]
id = "a"

[[town]]
id = "b"
population = { count = 5, "as of" = 2024 }
site.lat = 52.1
'quoted key' = 1
events = [
  { date = 1971, what = "a, [b] {c}" },
  # a comment inside the array
  { date = 1972, what = '''multi
line''' },
]

[[town.history]]
date = 1980

[town.area]
total = 3.5
"""


def test_headers_keys_inline_tables_and_arrays() -> None:
    """Headers, dotted, quoted and inline keys, and array elements all have positions."""
    spans = SpanIndex(DOCUMENT)
    assert tomllib.loads(DOCUMENT)["town"][1]["history"][0]["date"] == 1980
    expected = {
        ("dataset",): (2, 1),
        ("dataset", "title"): (3, 1),
        ("town",): (5, 1),
        ("town", 0): (5, 1),
        ("town", 0, "id"): (6, 1),
        ("town", 1): (8, 1),
        ("town", 1, "population", "count"): (10, 16),
        ("town", 1, "population", "as of"): (10, 27),
        ("town", 1, "site", "lat"): (11, 1),
        ("town", 1, "quoted key"): (12, 1),
        ("town", 1, "events", 0): (14, 3),
        ("town", 1, "events", 0, "what"): (14, 18),
        ("town", 1, "events", 1, "date"): (16, 5),
        ("town", 1, "history", 0): (20, 1),
        ("town", 1, "history", 0, "date"): (21, 1),
        ("town", 1, "area", "total"): (24, 1),
    }
    assert {path: spans.positions.get(path) for path in expected} == expected


def test_locate_falls_back_to_the_closest_recorded_parent() -> None:
    """A missing key is located at its table header; an unknown path at 1:1."""
    spans = SpanIndex(DOCUMENT)
    assert spans.locate(("town", 0, "name")) == (5, 1)
    assert spans.locate(("town", 1, "name")) == (8, 1)
    assert spans.locate(("town", 1, "events", 1, "source")) == (16, 3)
    assert spans.locate(("nothing",)) == (1, 1)


def test_never_raises_on_text_it_cannot_scan() -> None:
    """Broken text gives a partial index rather than an exception: what precedes the break.

    Not on line 1, which is also where an unknown path falls back to."""
    spans = SpanIndex('# broken below\n\na = 1\nb = "unterminated\n[c\n')
    assert spans.locate(("a",)) == (3, 1)
    assert ("c",) not in spans.positions


keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=6)
scalars = st.one_of(
    st.integers(-1000, 1000), st.text(max_size=8), st.booleans(), st.floats(allow_nan=False)
)


def _documents() -> st.SearchStrategy[dict[str, Any]]:
    leaf = st.dictionaries(keys, scalars, max_size=3)
    return st.recursive(
        leaf,
        lambda children: st.dictionaries(
            keys,
            st.one_of(scalars, children, st.lists(children, min_size=1, max_size=3)),
            max_size=3,
        ),
        max_leaves=12,
    )


def _paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*prefix, key))
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            found.append((*prefix, number))
            found += _paths(item, (*prefix, number))
    return found


@settings(max_examples=150)
@given(_documents(), st.booleans())
def test_every_path_of_any_document_is_found(document: dict[str, Any], multiline: bool) -> None:
    """For documents written by tomli-w, every path has a position on a line naming its key."""
    text = tomli_w.dumps(document, multiline_strings=multiline)
    spans = SpanIndex(text)
    lines = text.split("\n")
    for path in _paths(document):
        assert path in spans.positions, path
        line, _ = spans.positions[path]
        last = path[-1]
        if isinstance(last, str) and last.isidentifier():
            assert last in lines[line - 1]
