"""The validation boundary: a parsed document in, a Dataset or every located problem out.

This is the only module that imports pydantic (bounded.py, which collects the errors of a
broken file piece by piece, is handed its validation from here).
"""

from __future__ import annotations

import datetime
import itertools
import json
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from newtowns_cli.model.constraints import (
    CBS_CODE_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    URL_PATTERN,
)
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.errors import PROBLEM_LIMIT, Problem
from newtowns_cli.model.hints import as_dataclasses, type_hints
from newtowns_cli.model.records import (
    TABLES,
    Dataset,
    DatasetMeta,
    Record,
    field_names,
)
from newtowns_cli.reading import bounded, checks
from newtowns_cli.reading.bounded import is_record, unwrap

if TYPE_CHECKING:  # the span index is imported only to locate a problem (it imports tomllib)
    from newtowns_cli.reading.tomlspan import Path, SpanIndex

_EXPECTED = {
    "string_type": "a string",
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "a boolean (true or false)",
    "tuple_type": "an array",
    "list_type": "an array",
    "dataclass_type": "a table",
    "dataclass_exact_type": "a table",
    "dict_type": "a table",
    "model_type": "a table",
}
_PATTERNS = {
    ID_PATTERN: "an id of lowercase letters and digits in words joined by single hyphens "
    "(e.g. 'capelle-aan-den-ijssel')",
    CBS_CODE_PATTERN: "a CBS municipality code: GM and four digits (e.g. GM0034)",
    URL_PATTERN: (
        "an http:// or https:// address without spaces, quotes, angle brackets or invisible "
        "characters"
    ),
    LANGUAGE_PATTERN: "a two- or three-letter language code (e.g. nl)",
}
_BOUNDS = {
    "string_too_short": "expected a non-empty string",
    "too_short": "expected at least {min_length} item",
    "greater_than_equal": "expected a number of at least {ge}",
    "less_than_equal": "expected a number of at most {le}",
    "finite_number": "expected a finite number",
}
_MISSING = ("missing", "missing_keyword_argument")
_UNKNOWN = ("extra_forbidden", "unexpected_keyword_argument")


def validate(
    document: Mapping[str, Any],
    *,
    file: str,
    spans: Callable[[], SpanIndex],
    today: datetime.date,
) -> tuple[Dataset | None, list[Problem]]:
    """Validate ``document``; the Dataset is returned only when there is no problem.

    At most PROBLEM_LIMIT + 1 problems: one more than the limit says that validation
    stopped there (``errors.stopped``), so that no file can make it hold a structure per
    mistake for millions of them. ``spans`` builds the index of positions; it is called
    only when there is a problem.
    """
    from pydantic import ValidationError

    try:
        dataset: Dataset | None = _fail_fast(Dataset).validate_python(document)
        errors: list[Any] = []
    except ValidationError as exc:
        dataset = None
        errors = _bounded(document, list(exc.errors(include_url=False)))
    room = PROBLEM_LIMIT + 1 - len(errors)
    findings = []
    if room > 0:
        found = checks.check(document, dataset or _valid_part(document), today=today)
        findings = list(itertools.islice(found, room))
    if not errors and not findings:
        return dataset, []
    errors = _one_per_value(errors)
    wrong = {_loc(error) for error in errors}
    findings = [finding for finding in findings if finding.path not in wrong]
    index = spans()
    index.want([_located(error) for error in errors] + [finding.path for finding in findings])
    problems = [_schema_problem(error, file, index) for error in errors]
    for finding in findings:  # a value the schema refused was one problem, not one per check
        line, column = index.locate(finding.path)
        problems.append(
            Problem(file, line, column, render_path(finding.path), finding.code, finding.message)
        )
    return (dataset if not problems else None), problems


def _bounded(document: Mapping[str, Any], first: list[Any]) -> list[Any]:
    """Every schema error up to one past the limit, validated in bounded pieces; ``first``
    (what stopping at the first error of each array found) where the pieces missed it."""
    collector = bounded.Collector(_errors_of, PROBLEM_LIMIT)
    collector.collect(Dataset, document)
    found = collector.found
    if not collector.stopped:
        seen = {(_loc(error), error["type"]) for error in found}
        found += [error for error in first if (_loc(error), error["type"]) not in seen]
    return found[: PROBLEM_LIMIT + 1]


def _errors_of(kind: Any, value: object) -> list[Any]:
    from pydantic import ValidationError

    try:
        _adapter(kind).validate_python(value)
    except ValidationError as exc:
        return list(exc.errors(include_url=False))
    return []


def _located(error: Mapping[str, Any]) -> Path:
    """The path whose position a schema error is shown at: a missing key's table."""
    loc = _loc(error)
    return loc[:-1] if error["type"] in _MISSING else loc


def render_path(path: Sequence[str | int]) -> str:
    """``("town", 3, "province")`` → ``town[3].province``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = (
                part if part and all(c.isalnum() or c in "_-" for c in part) else json.dumps(part)
            )
            text += f".{name}" if text else name
    return text


_ADAPTERS: dict[Any, Any] = {}


def _adapter(kind: Any) -> Any:
    """One TypeAdapter per type, built on first use (building one is the slow part): a
    record brings its own configuration, a field's type gets the records' (strict)."""
    if kind not in _ADAPTERS:
        from pydantic import ConfigDict, TypeAdapter

        as_dataclasses()  # pydantic reads records as stdlib dataclasses
        config = None if is_record(kind) else ConfigDict(strict=True, allow_inf_nan=False)
        _ADAPTERS[kind] = TypeAdapter(kind, config=config)
    return _ADAPTERS[kind]


def _fail_fast(kind: type[Record]) -> Any:
    """A validator of a record type that stops at the first error in each array: on a
    valid file it gives what the TypeAdapter gives, at its speed; on one with a million
    wrong items it stops at the first instead of holding a million errors."""
    key = (kind, "fail-fast")
    if key not in _ADAPTERS:
        from pydantic_core import SchemaValidator

        _ADAPTERS[key] = SchemaValidator(_stopping_at_first(_adapter(kind).core_schema))
    return _ADAPTERS[key]


def _stopping_at_first(node: Any) -> Any:
    """A copy of a core schema with ``fail_fast`` set on every array (pydantic-core's list
    and tuple). Only its dicts and lists are copied: the rest (functions, patterns, text)
    is shared, and copy.deepcopy took a third of the time pydantic-core took to build it."""
    if isinstance(node, dict):
        copied = {key: _stopping_at_first(value) for key, value in node.items()}
        if copied.get("type") in ("list", "tuple"):
            copied["fail_fast"] = True
        return copied
    if isinstance(node, list):
        return [_stopping_at_first(value) for value in node]
    return node


def _loc(error: Mapping[str, Any]) -> Path:
    return tuple(part for part in error["loc"] if isinstance(part, (str, int)))


def _one_per_value(errors: list[Any]) -> list[Any]:
    """Without an array's "too short" where one of its items was refused: pydantic counts
    only the items that passed, so one bad id in ``sources`` would also say the array is
    empty."""
    refused = {_loc(error)[:-1] for error in errors if _loc(error)}
    return [e for e in errors if not (e["type"] == "too_short" and _loc(e) in refused)]


def _schema_problem(error: Mapping[str, Any], file: str, spans: SpanIndex) -> Problem:
    loc: Path = _loc(error)
    kind: str = error["type"]
    value = error.get("input")
    if kind in _MISSING:
        line, column = spans.locate(loc[:-1])
        message = f"missing required key '{loc[-1]}'" if loc else "missing required key"
        return Problem(file, line, column, render_path(loc), "missing-key", message)
    line, column = spans.locate(loc)
    if kind in _UNKNOWN and loc:
        message = _unknown_key(loc)
        code = "unknown-key"
    elif kind in _EXPECTED:
        message = f"expected {_EXPECTED[kind]}, got {describe(value)}"
        if kind == "tuple_type" and isinstance(value, Mapping) and loc and isinstance(loc[-1], str):
            key = render_path(loc).split("[")[0]
            message += f"; write [[{key}]] for each entry, not [{key}]"
        code = "wrong-type"
    elif kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        expected = _PATTERNS.get(pattern, f"text matching {pattern}")
        message = f"expected {expected}, got {describe(value)}"
        code = "invalid-value"
    elif kind in _BOUNDS:
        message = _BOUNDS[kind].format(**error.get("ctx", {})) + f", got {describe(value)}"
        code = "invalid-value"
    elif kind == "literal_error":
        message = f"{error['msg']}, got {describe(value)}" + _did_you_mean(value, error)
        code = "invalid-value"
    elif kind == "partial_date":
        message = f"invalid date: {error['msg']}"
        code = "invalid-date"
    else:
        message = f"{error['msg']}, got {describe(value)}"
        code = "invalid-value"
    return Problem(file, line, column, render_path(loc), code, message)


def _unknown_key(loc: Path) -> str:
    key = str(loc[-1])
    allowed = allowed_keys(loc[:-1])
    import difflib

    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key '{key}'; did you mean '{close[0]}'?"
    return f"unknown key '{key}'; allowed keys: {', '.join(allowed)}"


def _did_you_mean(value: object, error: Mapping[str, Any]) -> str:
    expected = error.get("ctx", {}).get("expected", "")
    options = [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]
    if not isinstance(value, str):
        return ""
    folded = {option.casefold(): option for option in options}
    import difflib

    close = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.6)
    return f"; did you mean '{folded[close[0]]}'?" if close else ""


def describe(value: object, limit: int = 40) -> str:
    """A short description of a TOML value for messages: its TOML type and value."""
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"integer {value}" if abs(value) < 10**15 else "a very large integer"
    if isinstance(value, float):
        return f"float {value}"
    if isinstance(value, str):
        shown = value if len(value) <= limit else value[:limit] + "…"
        return f"string {shown!r}"
    if isinstance(value, datetime.datetime):
        return f"date-time {value.isoformat()}"
    if isinstance(value, datetime.date):
        return f"date {value.isoformat()}"
    if isinstance(value, datetime.time):
        return f"time {value.isoformat()}"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "an array"
    return type(value).__name__


def allowed_keys(loc: Sequence[str | int]) -> list[str]:
    """The keys a table at ``loc`` may have (empty when ``loc`` is not a table)."""
    kind: Any = Dataset
    for part in loc:
        kind = unwrap(kind)
        if isinstance(part, int):
            if typing.get_origin(kind) is not tuple:
                return []
            kind = typing.get_args(kind)[0]
        else:
            if not is_record(kind):
                return []
            kind = type_hints(kind).get(part)
    kind = unwrap(kind)
    if not is_record(kind):
        return []
    return list(field_names(kind))


def _valid_part(document: Mapping[str, Any]) -> Dataset:
    """The entries that validate on their own, so reference checks can run on a broken file."""
    from pydantic import ValidationError

    tables: dict[str, tuple[Any, ...]] = {}
    for table, kind in TABLES.items():
        entries = document.get(table)
        valid = []
        for entry in entries if isinstance(entries, list) else ():
            try:
                valid.append(_fail_fast(kind).validate_python(entry))
            except ValidationError:
                continue
        tables[table] = tuple(valid)
    meta = DatasetMeta(
        title="?",
        description="?",
        version="?",
        updated=PartialDate(2000),
        licence="?",
        homepage=None,
    )
    return Dataset(dataset=meta, **tables)


SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a data file, generated from the models (draft 2020-12).

    TOML has no null, so optional fields are simply not required: null branches and null
    defaults that pydantic adds for Python are left out.
    """
    # Attribute docstrings become descriptions here only: reading them from the source
    # (inspect, ast) was a third of building the validator on every validation.
    plain = Record.__pydantic_config__
    Record.__pydantic_config__ = {**plain, "use_attribute_docstrings": True}
    try:
        from pydantic import TypeAdapter

        as_dataclasses()
        generated = TypeAdapter(Dataset).json_schema()
    finally:
        Record.__pydantic_config__ = plain
    cleaned = _without_null(generated)
    assert isinstance(cleaned, dict)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "newtowns data file",
        "description": "The Dutch New Towns data set; every field: docs/data-format.md.",
        **{key: value for key, value in cleaned.items() if key != "title"},
    }


def _without_null(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _without_null(value) for key, value in node.items()}
    if result.get("default", 0) is None:
        del result["default"]
    branches = result.get("anyOf")
    if isinstance(branches, list) and {"type": "null"} in branches:
        kept = [branch for branch in branches if branch != {"type": "null"}]
        del result["anyOf"]
        if len(kept) == 1:
            result = {**kept[0], **result}
        else:
            result["anyOf"] = kept
    return result
