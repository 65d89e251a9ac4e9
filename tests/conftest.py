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


async def open_corpus(db: str | Path):
    """A library over data/ (SQLite file or PostgreSQL URL), loaded."""
    from bot.core.library import Library

    lib = Library(db)
    await lib.open()
    report = await lib.load_directory(DATA)
    assert not report.failed, report.failed
    return lib


@pytest.fixture(scope="session")
async def sqlite_corpus_lib(tmp_path_factory: pytest.TempPathFactory):
    """One SQLite library over data/, loaded once per test session."""
    lib = await open_corpus(tmp_path_factory.mktemp("db") / "corpus.db")
    yield lib
    await lib.close()


@pytest.fixture(scope="session")
async def corpus_lib(sqlite_corpus_lib):
    """The library over data/ the library tests use (tests/test_pg_store.py: PostgreSQL's)."""
    return sqlite_corpus_lib


@pytest.fixture
def new_db(tmp_path: Path) -> str | Path:
    """Where a test's own fresh library lives (tests/test_pg_store.py: a new PostgreSQL
    database), so the same tests run on both stores."""
    return tmp_path / "t.db"
