"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_data import SHARED


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared data folder is missing: {SHARED}")
    return SHARED
