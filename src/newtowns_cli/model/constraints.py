"""The types of the data file's fields: patterns, ranges, the words allowed.

Constraints are Annotated metadata that pydantic reads when a file is validated. Only
validation imports this module (and with it ``typing``): records.py names these types in
its annotations, which stay text on every other path (hints.py).
"""

from __future__ import annotations

import sys
from typing import Annotated, Any, Literal, TypeVar

from newtowns_cli.model import vocabulary
from newtowns_cli.model.frozen import Frozen

T = TypeVar("T")

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CBS_CODE_PATTERN = r"^GM[0-9]{4}$"
URL_PATTERN = (
    r"^https?://[^\s\x00-\x1f\x7f-\x9f\x22'<>"
    r"\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+$"
)
"""No space, quote or angle bracket; no control, bidi or zero-width character, which would
show an address other than the one it holds. The double quote is written \\x22: ECMA-262 with
the unicode flag (JavaScript editors) allows no escaped quote, and the pattern is valid there
as in Python's re."""
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"


class _Constraint(Frozen):
    """Annotated metadata that adds one key (ge, pattern, min_length …) to a core schema."""

    key: str
    value: object

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema[self.key] = self.value
        return schema


class _Lax:
    """Annotated metadata for a tuple field: a TOML array (a list) is accepted for it."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["strict"] = False
        return schema


class _Normal:
    """Annotated metadata for a float: 0 or a normal number, and -0.0 read as 0.0.

    A subnormal number (below 2.2e-308) is refused: a count over such an area is past any
    float. -0.0 is a valid zero, kept without its sign so that no output shows ``-0.0``.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import PydanticCustomError, core_schema

        def normal(value: float) -> float:
            if value == 0:
                return 0.0
            if abs(value) < sys.float_info.min:
                raise PydanticCustomError(
                    "normal_number", "expected 0 or a number of at least 2.2e-308"
                )
            return value

        return core_schema.no_info_after_validator_function(normal, handler(source))


def Ge(value: float) -> _Constraint:  # noqa: N802 - reads like annotated_types
    return _Constraint("ge", value)


def Le(value: float) -> _Constraint:  # noqa: N802
    return _Constraint("le", value)


def Pattern(value: str) -> _Constraint:  # noqa: N802
    return _Constraint("pattern", value)


def MinLen(value: int) -> _Constraint:  # noqa: N802
    return _Constraint("min_length", value)


Id = Annotated[str, Pattern(ID_PATTERN)]
Text = Annotated[str, MinLen(1)]
Url = Annotated[str, Pattern(URL_PATTERN)]
Count = Annotated[int, Ge(0), Le(2**63 - 1)]  # TOML and SQLite integers are 64-bit
Km2 = Annotated[float, Ge(0), _Normal()]
Seq = Annotated[tuple[T, ...], _Lax()]
Cited = Annotated[tuple[Id, ...], _Lax(), MinLen(1)]


class _Bilingual:
    """Annotated metadata for a free text: a non-empty string (English), or a table of the
    text in English and Dutch, ``{ en = "…", nl = "…" }``, read as an i18n.Bilingual."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import PydanticCustomError, core_schema

        from newtowns_cli.model.i18n import Bilingual

        def validate(value: object) -> str:
            if type(value) is str:
                if not value:
                    raise PydanticCustomError("string_too_short", "too short", {"min_length": 1})
                return value
            if not isinstance(value, dict):
                raise PydanticCustomError(
                    "text_type", 'expected a string or a table { en = "…", nl = "…" }'
                )
            if set(value) != {"en", "nl"}:
                keys = ", ".join(sorted(map(str, value))) or "none"
                raise PydanticCustomError(
                    "text_keys",
                    "a text in two languages has exactly the keys en and nl (here: {keys})",
                    {"keys": keys},
                )
            en, nl = value["en"], value["nl"]
            if type(en) is not str or type(nl) is not str or not en or not nl:
                raise PydanticCustomError("text_type", "en and nl must each be a non-empty string")
            return Bilingual(en, nl)

        return core_schema.no_info_plain_validator_function(validate)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        text = {"type": "string", "minLength": 1}
        return {
            "anyOf": [
                text,
                {
                    "type": "object",
                    "description": "The text in English and in Dutch.",
                    "properties": {"en": text, "nl": text},
                    "required": ["en", "nl"],
                    "additionalProperties": False,
                },
            ]
        }


Prose = Annotated[str, _Bilingual()]
"""Free text a reader meets (a note, a description, a history entry): a string in English,
or ``{ en = "…", nl = "…" }`` with the Dutch beside it. Quotes, names and source titles stay
plain text, as published."""
Curation = Text
"""A note for the data's maintainers, not its readers: where one looked, which passage was
not re-read, the search queries. ``show --notes`` and the machine formats carry it; the
default views, the report and the dossier never show it."""

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING
if TYPE_CHECKING:
    # mypy reads a closed vocabulary as text; validation checks its words (below).
    Province = str
    Status = str
    GroupKind = str
    OrganisationKind = str
    SourceKind = str
    Unit = str
    Relation = str
    HistoryKind = str
    EventKind = str
    Measure = str
    DesignationKind = str
    Covers = str
else:
    # The words are written once, in vocabulary.py; pydantic reads each as a Literal.
    Province = Literal[vocabulary.PROVINCE]
    Status = Literal[vocabulary.STATUS]
    GroupKind = Literal[vocabulary.GROUP_KIND]
    OrganisationKind = Literal[vocabulary.ORGANISATION_KIND]
    SourceKind = Literal[vocabulary.SOURCE_KIND]
    Unit = Literal[vocabulary.UNIT]
    Relation = Literal[vocabulary.RELATION]
    HistoryKind = Literal[vocabulary.HISTORY_KIND]
    EventKind = Literal[vocabulary.EVENT_KIND]
    Measure = Literal[vocabulary.MEASURE]
    DesignationKind = Literal[vocabulary.DESIGNATION_KIND]
    Covers = Literal[vocabulary.COVERS]
