"""Shared fixtures: a CliRunner with a pinned environment, and golden files."""

from __future__ import annotations

import os
import pathlib
import tempfile
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

from support import Runner

GOLDEN = pathlib.Path(__file__).parent / "golden"

# Property tests: a quick run by default (CI), a long one on demand:
#   HYPOTHESIS_PROFILE=long [HYPOTHESIS_EXAMPLES=100000] python -m pytest tests/test_properties.py
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=_QUIET)
_LONG = int(os.environ.get("HYPOTHESIS_EXAMPLES", "100000"))
settings.register_profile("long", max_examples=_LONG, deadline=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    # The tests' cache of validated data lives in a folder of their own, not in ~/.cache
    # (subprocesses inherit it through the environment).
    os.environ.setdefault("NEWTOWNS_CACHE_DIR", tempfile.mkdtemp(prefix="newtowns-test-cache-"))
    os.environ.pop("NEWTOWNS_NO_CACHE", None)
    # Subprocesses speak English whatever the machine's locale; tests that want Dutch
    # set the language on purpose (tests/test_language.py).
    for name in ("NEWTOWNS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current output instead of comparing "
        "(review the files by eye before committing them).",
    )


@pytest.fixture
def run() -> Runner:
    return Runner()


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[..., None]:
    """Compare text with tests/golden/NAME, or write it there with --update-golden.

    ``same`` (optional) maps a text to what must be equal, where bytes may differ (layout
    chosen by a dependency). A rewritten file is reviewed by eye before it is committed.
    """
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, text: str, same: Callable[[str], object] = str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            return
        assert path.is_file(), f"no golden file {path}; run pytest --update-golden"
        assert same(text) == same(path.read_bytes().decode("utf-8"))

    return check
