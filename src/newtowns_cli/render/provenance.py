"""How a figure is cited for people: its origin first, then the page it was read through.

A figure whose record names an ``original`` (the statistical source a Wikipedia infobox or a
copy names) is CBS's figure read through Wikipedia: "CBS (StatLine), 2024-01-01, via
Wikipedia (de)". Sources are named by their publisher, as the list caption names them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newtowns_cli.model.records import Population
from newtowns_cli.questions.lookup import Catalog


def publisher(catalog: Catalog, source: str) -> str:
    """Who published a source (its id when it is not in the data)."""
    for found in catalog.dataset.source:
        if found.id == source:
            return found.publisher
    return source


def cited_as(catalog: Catalog, figure: Population) -> str:
    """'CBS (StatLine), 2024-01-01, via Wikipedia (de)', or the publisher alone."""
    carrier = publisher(catalog, figure.source)
    if figure.original is None:
        return carrier
    return f"{publisher(catalog, figure.original)}, {figure.as_of}, via {carrier}"


def with_ids(catalog: Catalog, figure: Population) -> str:
    """As cited, then the ids in brackets, origin first."""
    ids = ", ".join(filter(None, (figure.original, figure.source)))
    return f"{cited_as(catalog, figure)} [{ids}]"


def source_ids(figure: Population) -> str:
    """The ids, origin first: 'cbs-2024-01-01 via dewiki-zoetermeer'."""
    if figure.original is None:
        return figure.source
    return f"{figure.original} via {figure.source}"


def origins(catalog: Catalog, figures: Sequence[Population]) -> str:
    """The publishers the figures come from, most first: 'CBS (StatLine) ×15, Wikipedia (de)'."""
    counted = Counter(publisher(catalog, f.original or f.source) for f in figures)
    return ", ".join(f"{name} ×{n}" if n > 1 else name for name, n in counted.most_common())
