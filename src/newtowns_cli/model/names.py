"""How names are compared: case-, diacritics- and spacing-insensitively."""

from __future__ import annotations

import unicodedata


def normalize(text: str) -> str:
    """Case-, diacritics- and spacing-insensitive form of a name: 'Fryslân ' → 'fryslan'."""
    if text.isascii():  # most names: NFKD changes nothing, and casefold() is lower()
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())
