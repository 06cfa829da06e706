"""The value rules: escaping for people, exact ids, ASCII dates, safe URLs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newtowns_cli.model import frozen
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.errors import UsageError
from newtowns_cli.questions.lookup import Catalog, find_group, find_town
from newtowns_cli.reading import store
from newtowns_cli.render.formats.markdown import autolink
from newtowns_cli.render.text import controls_visible, terminal_safe, visible

from support import MINI, Runner

INVISIBLE = [
    "\u061c",
    *map(chr, range(0x200B, 0x2010)),
    "\u2028",
    "\u2029",
    *map(chr, range(0x202A, 0x202F)),
    "\u2060",
    *map(chr, range(0x2066, 0x206A)),
    "\ufeff",
]


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_bidi_and_zero_width_characters_are_escaped_for_people(char: str) -> None:
    """visible() and terminal_safe() show them as \\uXXXX; Markdown keeps them exact."""
    text = f"a{char}b"
    escaped = f"a\\u{ord(char):04x}b"
    assert visible(text) == escaped
    assert terminal_safe(text) == escaped
    assert controls_visible(text) == text
    assert visible(text, keep=char) == text


def test_control_characters_keep_their_escapes() -> None:
    """The escapes of before: named for newline, tab and CR, \\xNN for the others."""
    assert visible("a\x1b[2Jb\r\n\t\x00\x9b") == "a\\x1b[2Jb\\r\\n\\t\\x00\\x9b"
    assert terminal_safe("a\x1b\n\tb\r") == "a\\x1b\n\tb\\x0d"


@given(st.text())
def test_nothing_invisible_survives_visible(text: str) -> None:
    """No control, bidi, zero-width or separator character is left by visible()."""
    shown = visible(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in INVISIBLE for c in shown)
    assert not any(c in INVISIBLE or c in "\x1b\x07" for c in terminal_safe(text))


@given(st.text(min_size=1))
def test_an_autolink_is_one_link_and_never_html(text: str) -> None:
    """Whatever the address holds, CommonMark reads one autolink and no HTML."""
    url = "https://a.example/" + text
    tokens = MarkdownIt("commonmark").parseInline(autolink(url))[0].children or []
    assert [t.type for t in tokens] == ["link_open", "text", "link_close"]


def test_an_autolink_of_a_valid_url_is_unchanged() -> None:
    """A URL validation accepts is written as it is."""
    url = "https://nl.wikipedia.org/wiki/Purmerend_(gemeente)?a=b&c=%20#x"
    assert autolink(url) == f"<{url}>"
    assert autolink("https://a.example/><script>") == "<https://a.example/%3E%3Cscript%3E>"


@pytest.mark.parametrize("text", ["٢٠٢٤", "２０２４", "2024-٠١", "２０２４-01-01", "𝟐𝟎𝟐𝟒"])
def test_dates_take_ascii_digits_only(text: str) -> None:
    """int() reads other digits; a date does not."""
    with pytest.raises(ValueError, match=r"in ASCII digits \(0-9\)"):
        PartialDate.parse(text)


@pytest.mark.parametrize("option", ["--member-as-of", "--designated-from"])
def test_an_option_date_in_other_digits_is_a_usage_error(run: Runner, option: str) -> None:
    """--member-as-of ٢٠٢٢ and --designated-from ١٩٧٠ exit 2 like any bad value."""
    result = run(["list", "--group", "alliantie", option, "٢٠٢٢"])
    assert result.exit_code == 2
    assert result.stdout == ""


def _catalog_with_alias(alias: str) -> Catalog:
    """The mini data set with a second town that has ``alias`` (not validated)."""
    import datetime

    dataset = store.load(store.DataFile(str(MINI), str(MINI)), today=datetime.date(2026, 11, 28))
    first, second = dataset.town[0], dataset.town[1]
    shadow = frozen.replace(second, aliases=(*second.aliases, alias))
    return Catalog.of(frozen.replace(dataset, town=(first, shadow, *dataset.town[2:])))


def test_an_exact_id_always_wins() -> None:
    """Another town named like this town's id does not hide it: the id finds it."""
    catalog = _catalog_with_alias("")
    first, second = catalog.dataset.town[0], catalog.dataset.town[1]
    catalog = _catalog_with_alias(first.id)
    assert find_town(catalog, first.id) == first
    assert find_town(catalog, second.id) == catalog.dataset.town[1]
    with pytest.raises(UsageError, match="names more than one town"):
        find_town(catalog, first.id.upper())  # not the exact id: both match by name


def test_an_exact_group_id_wins_too() -> None:
    """The same rule for groups, research, organisations and sources (one resolver)."""
    catalog = _catalog_with_alias("")
    group = catalog.dataset.group[0]
    other = frozen.replace(catalog.dataset.group[1], aliases=(group.id,))
    dataset = frozen.replace(catalog.dataset, group=(group, other))
    assert find_group(Catalog.of(dataset), group.id) == group
