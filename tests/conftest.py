"""Shared fixtures: where the real documents are, and skipping when they are absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = Path(os.environ.get("RAPPORTEUR_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
EVAL = SHARED / "eval"
SEED = SHARED / "seed"

needs_shared = pytest.mark.skipif(
    not (CORPUS.is_dir() and EVAL.is_dir()),
    reason=f"../shared (real corpus and gold labels) not found at {SHARED}",
)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
async def corpus_lib(tmp_path_factory: pytest.TempPathFactory):
    """One library over data/, loaded once per test session."""
    from bot.core.library import Library

    lib = Library(tmp_path_factory.mktemp("db") / "corpus.db")
    await lib.open()
    report = await lib.load_directory(DATA)
    assert not report.failed, report.failed
    yield lib
    await lib.close()
