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
