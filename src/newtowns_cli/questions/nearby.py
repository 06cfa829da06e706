"""Names for messages: a few of many, and near misses ('did you mean …?'), both bounded.

However many entries share a name or nearly match one, a message lists a few and counts
the rest, and a near miss is looked for in one pass that keeps a few hundred candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from newtowns_cli.model.i18n import _
from newtowns_cli.model.names import normalize

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

SHOWN = 5
"""Names a message lists at most; the rest are counted ('and 4995 more')."""


VALUES = 20
"""Valid values a hint lists at most."""


def some(labels: Sequence[str], count: int | None = None, *, limit: int = SHOWN) -> str:
    """The first ``limit`` of ``labels`` (of ``count`` in all), and how many more there are."""
    total = len(labels) if count is None else count
    shown = ", ".join(labels[:limit])
    if total > limit:
        return _("{shown} and {n} more").format(shown=shown, n=total - limit)
    return shown


def label(entry: T, names: Callable[[T], Iterable[str]]) -> str:
    first, *rest = list(names(entry))
    return f"{first} ({rest[0]})" if rest and rest[0] != first else first


POOL = 200
"""Names and words difflib weighs at most: those a cheap score puts closest."""


def suggest(entries: Sequence[T], wanted: str, names: Callable[[T], Iterable[str]]) -> str:
    """'did you mean …?' with up to three entries whose names, or a word of them, are close."""
    labels = close(entries, wanted, names)
    return _("did you mean {names}?").format(names=", ".join(labels)) if labels else ""


def close(entries: Sequence[T], wanted: str, names: Callable[[T], Iterable[str]]) -> list[str]:
    """Up to three entries whose names, or a word of them, are close to ``wanted``.

    Every name and word gets a cheap score first (the letters it shares with ``wanted``,
    and how near their lengths are); difflib weighs only the POOL best. Among a million
    aliases a near miss costs one pass and a few hundred comparisons, not a dict of every
    name and word and a million comparisons (20 s and 435 MB).
    """
    if not wanted:
        return []
    letters = set(wanted)
    best_names: list[tuple[float, int, str, T]] = []
    best_words: list[tuple[float, int, str, T]] = []
    holding: list[T] = []
    order = 0
    for entry in entries:
        for name in map(normalize, names(entry)):
            if wanted in name and len(holding) < 3:
                holding.append(entry)
            order += 1
            _keep(best_names, (_score(name, wanted, letters), -order, name, entry))
            for word in re.split(r"[\s\-_]+", name):
                if len(word) >= 3:
                    _keep(best_words, (_score(word, wanted, letters), -order, word, entry))
    by_name: dict[str, T] = {}
    for _s, _o, name, entry in sorted(best_names, key=lambda item: -item[1]):
        by_name[name] = entry  # in the order given; a name given twice: the last entry
    by_word: dict[str, list[T]] = {}
    for _s, _o, word, entry in sorted(best_words, key=lambda item: -item[1]):
        if entry not in by_word.setdefault(word, []):
            by_word[word].append(entry)
    import difflib  # only for a name that is not found

    close = difflib.get_close_matches(wanted, list(by_name), n=6, cutoff=0.6)
    found = [by_name[n] for n in close] + holding
    for word in difflib.get_close_matches(wanted, list(by_word), n=6, cutoff=0.75):
        found += by_word[word]
    return list(dict.fromkeys(label(entry, names) for entry in found))[:3]


def _score(text: str, wanted: str, letters: set[str]) -> float:
    """Letters shared with ``wanted`` over letters in either, less the difference in
    length: a cheap guess at difflib's ratio, to choose what it weighs."""
    shared = len(letters.intersection(text))
    length = abs(len(text) - len(wanted)) / (len(text) + len(wanted))
    return shared / (len(letters) + len(set(text)) - shared or 1) - length


def _keep(best: list[tuple[float, int, str, T]], item: tuple[float, int, str, T]) -> None:
    """Keep the POOL highest scores (the earlier of equal ones) in a heap."""
    import heapq  # only for a name that is not found

    if len(best) < POOL:
        heapq.heappush(best, item)
    elif item[:2] > best[0][:2]:
        heapq.heapreplace(best, item)
