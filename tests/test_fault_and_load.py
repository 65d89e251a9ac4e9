"""Small, fast runs of the two robustness scripts, so that CI exercises them:
bench/fault_kill.py (SIGKILL in the middle of a bulk load) and bench/load_mixed.py (mixed
commands and uploads at once). The full runs are `python bench/fault_kill.py` and
`python bench/load_mixed.py`."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.library import Actor, Library

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fault_script_kills_and_every_check_passes() -> None:
    """Kills at points drawn from the seed, never by time (--points): after the first commit
    (data/), inside the next transaction once its documents are inserted, and as the 24th
    document is inserted (the second bulk batch). The figures are the same however busy the
    machine; the subprocess timeout only guards against a hang."""
    out = subprocess.run(
        [
            sys.executable,
            str(BENCH / "fault_kill.py"),
            "--points",
            "--kills",
            "3",
            "--limit",
            "40",
            "--seed",
            "3",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    figures = json.loads(out.stdout)
    assert out.returncode == 0, (figures["problems"], out.stderr[-2000:])
    assert figures["all_checks_passed"] and not figures["checks_failed"]
    assert figures["kills_by_how"] == {"after_commit": 1, "before_commit": 1, "inside_an_insert": 1}
    assert figures["kills_by_phase"] == figures["kills_by_how"]  # each died where it was sent
    assert figures["loads_completed_before_a_kill"] == 0
    corpus = len(list(_module("fault_kill").corpus_files()))
    # data/ committed whole; the next transaction gone whole; then one more bulk batch of 20.
    assert figures["documents_present_at_kills"] == [corpus, corpus, corpus + 20]
    checks = figures["checks_by_name"]
    assert checks["every_document_whole"] == 4  # after each kill and after the final load
    assert checks["committed_batches_present"] == 3
    assert checks["final_load_completed"] == 1
    assert figures["final_documents"] == figures["documents_to_load"] == corpus + 40


async def test_the_fault_checker_sees_a_torn_document(tmp_path: Path) -> None:
    """The checks are not vacuous: a document missing a paragraph, or a vocabulary left
    behind, is reported."""
    fk = _module("fault_kill")
    expected = fk.Expected(limit=3)
    db = tmp_path / "torn.db"
    async with Library(db) as lib:
        files = fk.bulk_files(3)
        await lib.load_files(files, fk.BULK_SCOPE, Actor("t", moderator=True))
    checks, problems, n = fk.check_db(db, expected)
    assert n == 3 and all(checks.values()), problems
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("DELETE FROM paragraphs WHERE id = (SELECT MAX(id) FROM paragraphs)")
    con.close()
    checks, problems, _ = fk.check_db(db, expected)
    assert not checks["every_document_whole"]
    assert not checks["vocab_matches_paragraphs"]  # the vocabulary still counts that paragraph
    assert any("torn document" in p for p in problems)


def test_load_script_answers_everything_without_locks() -> None:
    """Correctness only: every command answered, no lock error, every upload stored, the
    database whole. The script's timings (latencies, loop stalls) vary with the machine's load
    and are not asserted; the subprocess timeout only guards against a hang."""
    out = subprocess.run(
        [
            sys.executable,
            str(BENCH / "load_mixed.py"),
            "--commands",
            "20",
            "--uploads",
            "3",
            "--upload-docs",
            "5",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
    )
    assert out.stdout.strip(), out.stderr[-2000:]  # it printed its figures, whatever happened
    figures = json.loads(out.stdout)
    assert out.returncode == 0, (figures, out.stderr[-2000:])
    assert figures["answered"] == 20 and figures["not_answered"] == 0
    assert figures["database_is_locked_errors"] == 0
    assert figures["integrity_check"] == "ok"
    assert all(u["loaded"] == 5 for u in figures["uploads"])
    assert figures["uploads_stored"] == {"guild:1": 5, "guild:2": 5, "guild:3": 5}
    # The ticker ran (its first 5 ms sleep ends before the run's own 50 ms one): figures exist.
    assert figures["ticks"] >= 1


@pytest.mark.parametrize("spread", [0.0, 0.5])
async def test_load_run_in_process(spread: float) -> None:
    """The same run inside this test's event loop (no subprocess), leaving the interpreter's
    settings (switch interval, frozen heap) as the test process has them. Correctness only."""
    lm = _module("load_mixed")
    figures = await lm.run(
        commands=16, uploads=2, upload_docs=3, spread=spread, seed=3, settled=False
    )
    assert figures["ok"], figures
    assert figures["answered"] == 16 and figures["database_is_locked_errors"] == 0
    assert figures["uploads_stored"] == {"guild:1": 3, "guild:2": 3}
