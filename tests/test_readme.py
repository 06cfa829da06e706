"""The README's two commands, and CI running exactly what the README says."""

from __future__ import annotations

import pathlib

ROOT = pathlib.Path(__file__).parents[1]


def _first_block() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line and not line.startswith("#")]


def test_readme_opens_with_install_and_run_then_install_and_test() -> None:
    """The first code block: install + newtowns list --region MRA, then install + pytest."""
    run, test = _first_block()
    assert run.endswith(".venv/bin/newtowns list --region MRA")
    assert "pip install ." in run
    assert test.endswith("pip install '.[test]' && .venv/bin/python -m pytest")


def test_ci_installs_and_tests_as_the_readme_says() -> None:
    """.ci/run uses the README's install and test commands."""
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "python -m pip install '.[test]'\n" in ci
    assert "python -m pytest" in ci
    assert "ruff check ." in ci and "ruff format --check ." in ci and "mypy --strict src" in ci
