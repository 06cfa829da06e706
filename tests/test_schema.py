"""The JSON Schema of the data file: generated, committed, shipped, and holding the data to it."""

from __future__ import annotations

import datetime
import json
import pathlib
import shutil
import subprocess
import tomllib
from typing import Any

import jsonschema
import pytest

from newtowns_cli.reading import store
from newtowns_cli.reading.validation import json_schema

from support import MINI, Runner

ROOT = pathlib.Path(__file__).parents[1]
COMMITTED = ROOT / "data" / "newtowns.schema.json"


def _as_json(value: Any) -> Any:
    """TOML values as an editor's schema checker sees them: dates become text."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def test_committed_schema_is_the_generated_one() -> None:
    """data/newtowns.schema.json is what the models give: regenerate after a model change.

    Regenerate with: newtowns schema --generate -o data/newtowns.schema.json --force
    """
    assert json.loads(COMMITTED.read_text("utf-8")) == json_schema()


def test_schema_command_prints_the_shipped_schema(run: Runner) -> None:
    """newtowns schema prints the bundled file; --generate gives the same."""
    shipped = run(["schema"]).stdout
    assert json.loads(shipped) == json.loads(run(["schema", "--generate"]).stdout) == json_schema()
    assert store.BUNDLED_SCHEMA.read_text("utf-8") == shipped


def test_data_file_names_its_schema_first() -> None:
    """The first line is the #:schema directive Taplo-based editors read."""
    assert (ROOT / "data" / "newtowns.toml").read_text("utf-8").splitlines()[
        0
    ] == "#:schema ./newtowns.schema.json"


@pytest.mark.parametrize("path", [ROOT / "data" / "newtowns.toml", MINI], ids=["shipped", "mini"])
def test_schema_accepts_valid_data(path: pathlib.Path) -> None:
    """A JSON Schema validator accepts the shipped data and the fixture."""
    jsonschema.Draft202012Validator(json_schema()).validate(
        _as_json(tomllib.loads(path.read_text("utf-8")))
    )


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (('province = "Flevoland"', 'province = "Atlantis"'), "'Atlantis' is not one of"),
        (('cbs_code = "GM0001"', 'cbs_code = "G1"'), "does not match"),
        (('id = "aastad"', 'id = "Aa stad"'), "does not match"),
        (("updated = 2024-11-13", "updated = 72"), "is not valid under any of the given schemas"),
        (
            ('licence = "CC0-1.0"', 'licence = "CC0-1.0"\nlicense = "typo"'),
            "Additional properties are not allowed",
        ),
    ],
)
def test_schema_rejects_broken_data(change: tuple[str, str], complaint: str) -> None:
    """Wrong values, patterns, bounds and unknown keys fail the schema."""
    text = MINI.read_text("utf-8").replace(*change)
    validator = jsonschema.Draft202012Validator(json_schema())
    messages = [error.message for error in validator.iter_errors(_as_json(tomllib.loads(text)))]
    assert any(complaint in message for message in messages), messages


@pytest.mark.skipif(shutil.which("taplo") is None, reason="taplo is installed with the test extras")
def test_taplo_checks_the_data_against_the_schema(tmp_path: pathlib.Path) -> None:
    """taplo check passes on the shipped file and locates a type error in a broken copy."""
    data = ROOT / "data"
    assert (
        subprocess.run(
            ["taplo", "check", "newtowns.toml"], cwd=data, capture_output=True, check=False
        ).returncode
        == 0
    )
    broken = tmp_path / "newtowns.toml"
    broken.write_text(
        (data / "newtowns.toml").read_text("utf-8").replace('cbs_code = "GM0637"', "cbs_code = 637")
    )
    shutil.copy(COMMITTED, tmp_path / "newtowns.schema.json")
    result = subprocess.run(
        ["taplo", "check", "newtowns.toml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert '637 is not of type "string"' in result.stdout + result.stderr
