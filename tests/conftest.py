"""Shared fixtures: a CliRunner with a pinned environment."""

from __future__ import annotations

import pytest

from support import Runner


@pytest.fixture
def run() -> Runner:
    return Runner()
