"""Where each key of a TOML document stands: a map from data paths to (line, column).

tomllib keeps no positions, so this scanner walks the raw text of a document that
tomllib has already accepted. It records the position of every table header, every
key (bare, quoted or dotted, also inside inline tables) and every array element, with
arrays of tables counted per parent, so that ``("town", 3, "population", "count")``
points at the ``count`` key of the fourth ``[[town]]``. It never raises: on anything
unexpected it stops and returns what it has, and callers fall back to a prefix.
"""

from __future__ import annotations

import bisect
import contextlib
import re
import tomllib
from collections.abc import Iterable, Sequence

Path = tuple[str | int, ...]
Position = tuple[int, int]

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_MAX_DEPTH = 200
_NEWLINE = re.compile("\n")


class SpanIndex:
    """Positions of paths in one document, with lookup that falls back to a parent.

    The text is scanned on the first lookup. Told which paths it will be asked for
    (``want``), it keeps the positions of those and their parents only, and stops
    scanning once it has them all: a problem in the first of a million array items
    costs neither a million positions nor a scan of the rest.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._positions: dict[Path, Position] | None = None
        self._wanted: set[Path] | None = None
        self._line_starts: list[int] = []

    def want(self, paths: Iterable[Sequence[str | int]]) -> None:
        """Keep only the positions of ``paths`` and of their parents (before any lookup)."""
        self._wanted = {tuple(path[:n]) for path in paths for n in range(1, len(path) + 1)}

    @property
    def positions(self) -> dict[Path, Position]:
        if self._positions is None:
            self._positions = {}
            with contextlib.suppress(
                _ScanError, _FoundAllError, IndexError, tomllib.TOMLDecodeError, RecursionError
            ):
                _Scanner(self.text, self).run()
        return self._positions

    def position_of(self, offset: int) -> Position:
        if not self._line_starts:
            self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(self.text))]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def add(self, path: Path, offset: int) -> None:
        positions = self._positions
        assert positions is not None
        wanted = self._wanted
        if wanted is not None:
            if path not in wanted or path in positions:
                return
            positions[path] = self.position_of(offset)
            if len(positions) == len(wanted):
                raise _FoundAllError
            return
        positions.setdefault(path, self.position_of(offset))

    def locate(self, path: Sequence[str | int]) -> Position:
        """The position of ``path``, else of its longest recorded prefix, else 1:1."""
        key = tuple(path)
        positions = self.positions
        while key:
            found = positions.get(key)
            if found is not None:
                return found
            key = key[:-1]
        return (1, 1)


class _FoundAllError(Exception):
    """Every wanted position is known: the scan stops."""


class _ScanError(Exception):
    """The scanner met something it does not understand."""


class _Scanner:
    def __init__(self, text: str, index: SpanIndex) -> None:
        self.text = text
        self.pos = 0
        self.index = index
        self.table: Path = ()
        # Arrays of tables by their concrete path (with the indices of parents), and
        # how many elements each has seen so far.
        self.aot_count: dict[Path, int] = {}

    # -- document structure -------------------------------------------------

    def run(self) -> None:
        text = self.text
        while True:
            self.skip_blank(newlines=True)
            if self.pos >= len(text):
                return
            if text.startswith("[[", self.pos):
                self.header(array=True)
            elif text[self.pos] == "[":
                self.header(array=False)
            else:
                start = self.pos
                keys = self.key()
                self.record_keys(self.table, keys, start)
                self.expect("=")
                self.value(self.table + tuple(keys), 0)
            self.skip_blank(newlines=False)
            if self.pos < len(text) and text[self.pos] == "#":
                self.skip_comment()

    def header(self, *, array: bool) -> None:
        start = self.pos
        self.pos += 2 if array else 1
        keys = self.key()
        self.expect("]]" if array else "]")
        path: Path = ()
        for number, name in enumerate(keys):
            path += (name,)
            last = number == len(keys) - 1
            if last and array:
                count = self.aot_count.get(path, 0)
                self.aot_count[path] = count + 1
                self.index.add(path, start)
                path += (count,)
            elif path in self.aot_count:
                path += (self.aot_count[path] - 1,)
            # A header also defines its parents ([a.b] defines a): first mention wins.
            self.index.add(path, start)
        self.table = path

    def record_keys(self, base: Path, keys: list[str], start: int) -> None:
        path = base
        for name in keys:
            path += (name,)
            self.index.add(path, start)

    # -- keys -----------------------------------------------------------------

    def key(self) -> list[str]:
        keys: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            keys.append(self.simple_key())
            self.skip_blank(newlines=False)
            if self.pos < len(self.text) and self.text[self.pos] == ".":
                self.pos += 1
                continue
            return keys

    def simple_key(self) -> str:
        text = self.text
        char = text[self.pos]
        if char in "\"'":
            start = self.pos
            self.skip_string()
            literal = text[start : self.pos]
            return str(tomllib.loads(f"k = {literal}")["k"])
        start = self.pos
        while self.pos < len(text) and text[self.pos] in _BARE_KEY:
            self.pos += 1
        if self.pos == start:
            raise _ScanError
        return text[start : self.pos]

    # -- values ---------------------------------------------------------------

    def value(self, path: Path, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise _ScanError
        self.skip_blank(newlines=False)
        char = self.text[self.pos]
        if char == "{":
            self.inline_table(path, depth)
        elif char == "[":
            self.array(path, depth)
        elif char in "\"'":
            self.skip_string()
        else:
            self.scalar()

    def inline_table(self, path: Path, depth: int) -> None:
        self.pos += 1
        while True:
            self.skip_blank(newlines=True)
            if self.text[self.pos] == "}":
                self.pos += 1
                return
            start = self.pos
            keys = self.key()
            self.record_keys(path, keys, start)
            self.expect("=")
            self.value(path + tuple(keys), depth + 1)
            self.skip_blank(newlines=True)
            if self.text[self.pos] == ",":
                self.pos += 1

    def array(self, path: Path, depth: int) -> None:
        self.pos += 1
        number = 0
        while True:
            self.skip_blank(newlines=True)
            if self.text[self.pos] == "]":
                self.pos += 1
                return
            self.index.add((*path, number), self.pos)
            self.value((*path, number), depth + 1)
            number += 1
            self.skip_blank(newlines=True)
            if self.text[self.pos] == ",":
                self.pos += 1

    def scalar(self) -> None:
        text = self.text
        start = self.pos
        while self.pos < len(text) and text[self.pos] not in ",]}\n#":
            self.pos += 1
        if self.pos == start:
            raise _ScanError

    def skip_string(self) -> None:
        text = self.text
        quote = text[self.pos]
        if text.startswith(quote * 3, self.pos):
            end = text.find(quote * 3, self.pos + 3)
            while quote == '"' and end != -1 and _escaped(text, end):
                end = text.find(quote * 3, end + 1)
            if end == -1:
                raise _ScanError
            self.pos = end + 3
            # Up to two more quotes may close a multi-line string ('''a''''').
            while self.pos < len(text) and text[self.pos] == quote:
                self.pos += 1
            return
        self.pos += 1
        while True:
            char = text[self.pos]
            if char == "\\" and quote == '"':
                self.pos += 2
                continue
            self.pos += 1
            if char == quote:
                return
            if char == "\n":
                raise _ScanError

    # -- blanks -----------------------------------------------------------------

    def skip_blank(self, *, newlines: bool) -> None:
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in " \t" or (newlines and char in "\r\n"):
                self.pos += 1
            elif newlines and char == "#":
                self.skip_comment()
            else:
                return

    def skip_comment(self) -> None:
        end = self.text.find("\n", self.pos)
        self.pos = len(self.text) if end == -1 else end

    def expect(self, token: str) -> None:
        self.skip_blank(newlines=False)
        if not self.text.startswith(token, self.pos):
            raise _ScanError
        self.pos += len(token)


def _escaped(text: str, offset: int) -> bool:
    """Whether the character at ``offset`` is escaped by an odd run of backslashes."""
    count = 0
    while offset - count - 1 >= 0 and text[offset - count - 1] == "\\":
        count += 1
    return count % 2 == 1
