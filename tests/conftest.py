"""Shared fixtures: the repo's seeds and the read-only corpora in ../shared."""

from pathlib import Path

import pytest

from wirehouse.paths import PROJECT_ROOT, SEEDS_DIR

SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


def seed_text(name: str) -> str:
    return (SEEDS_DIR / f"{name}.txt").read_text(encoding="utf-8")
