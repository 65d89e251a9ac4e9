"""Helpers shared by the evaluation commands: where the gold is, a library over a corpus."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.core.library import Library
from bot.settings import PACKAGE_ROOT

DEFAULT_SHARED = PACKAGE_ROOT.parent / "shared"


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


@asynccontextmanager
async def corpus_library(data_dir: Path | None = None):  # type: ignore[no-untyped-def]
    """A fresh library in a temporary database, loaded from data/ (which mirrors shared/)."""
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Path(tmp) / "eval.db")
        await lib.open()
        try:
            report = await lib.load_directory(data_dir or PACKAGE_ROOT / "data")
            if report.failed:
                raise RuntimeError(f"corpus failed to load: {report.failed[:3]}")
            yield lib
        finally:
            await lib.close()
