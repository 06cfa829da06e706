"""The JSON Schema of the data file: generated, committed, shipped, and holding the data to it."""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import shutil
import subprocess
import sys
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
    assert pathlib.Path(store.BUNDLED_SCHEMA).read_text("utf-8") == shipped


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


# Beside the running Python first: `.venv/bin/python -m pytest` leaves .venv/bin off PATH.
TAPLO = shutil.which(
    "taplo",
    path=os.pathsep.join([str(pathlib.Path(sys.executable).parent), os.environ.get("PATH", "")]),
)


@pytest.mark.skipif(TAPLO is None, reason="taplo is installed with the test extras")
def test_taplo_checks_the_data_against_the_schema(tmp_path: pathlib.Path) -> None:
    """taplo check passes on the shipped file and locates a type error in a broken copy."""
    assert TAPLO is not None
    data = ROOT / "data"
    assert (
        subprocess.run(
            [TAPLO, "check", "newtowns.toml"], cwd=data, capture_output=True, check=False
        ).returncode
        == 0
    )
    broken = tmp_path / "newtowns.toml"
    broken.write_text(
        (data / "newtowns.toml").read_text("utf-8").replace('cbs_code = "GM0637"', "cbs_code = 637")
    )
    shutil.copy(COMMITTED, tmp_path / "newtowns.schema.json")
    result = subprocess.run(
        [TAPLO, "check", "newtowns.toml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert '637 is not of type "string"' in result.stdout + result.stderr


def _as_json_file(path: pathlib.Path, folder: pathlib.Path) -> pathlib.Path:
    """A TOML data file converted to JSON, as an editor's schema checker sees it."""
    converted = folder / f"{path.stem}.json"
    converted.write_text(json.dumps(_as_json(tomllib.loads(path.read_text("utf-8")))), "utf-8")
    return converted


def _check_jsonschema(instance: pathlib.Path, flavour: str) -> subprocess.CompletedProcess[str]:
    """check-jsonschema on the committed schema: it checks the schema (each pattern a valid
    regex in ``flavour``) and then the instance against it."""
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(COMMITTED)]
    return subprocess.run(
        [*command, "--regex-variant", flavour, str(instance)],
        capture_output=True,
        text=True,
        check=False,
    )


# "default" is ECMA-262 with the unicode flag, as JavaScript editors (ajv) read patterns.
@pytest.mark.parametrize("flavour", ["default", "python"])
def test_check_jsonschema_accepts_the_schema_and_the_bundled_data(
    tmp_path: pathlib.Path, flavour: str
) -> None:
    """Every pattern is a valid regex in JavaScript's unicode mode and in Python's re."""
    result = _check_jsonschema(_as_json_file(ROOT / "data" / "newtowns.toml", tmp_path), flavour)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout


def test_check_jsonschema_accepts_a_filtered_subset(run: Runner, tmp_path: pathlib.Path) -> None:
    """A data file written by `newtowns filter` holds to the schema too."""
    subset = tmp_path / "mra.toml"
    assert run(["filter", "--region", "MRA", "-o", str(subset)]).exit_code == 0
    result = _check_jsonschema(_as_json_file(subset, tmp_path), "default")
    assert (result.returncode, result.stderr) == (0, ""), result.stdout


def test_check_jsonschema_rejects_broken_data(tmp_path: pathlib.Path) -> None:
    """The check has teeth: a wrong code fails it, naming the field."""
    broken = tmp_path / "broken.toml"
    text = (ROOT / "data" / "newtowns.toml").read_text("utf-8")
    broken.write_text(text.replace('cbs_code = "GM0637"', 'cbs_code = "637"'), "utf-8")
    result = _check_jsonschema(_as_json_file(broken, tmp_path), "default")
    assert result.returncode == 1
    assert "cbs_code" in result.stdout and "'637' does not match" in result.stdout
