"""Kill a bulk load with SIGKILL, many times at random points; nothing may be lost or torn.

    .venv/bin/python bench/fault_kill.py [--kills 30] [--limit 902] [--batch 20] [--seed 1]
    .venv/bin/python bench/fault_kill.py --points [--kills 30] …   # no timing: what CI runs

A child process loads data/ (one `load_directory` transaction) and then the 902 Security
Council resolutions of ../shared/corpus/bulk (each one a document, uploaded through
`Library.load_files` in batches, resuming from what is already stored) into a temporary
database. The parent SIGKILLs it, in turn at a random moment, just after a write transaction
has begun, and as the child inserts a random document; then opens the database and checks:

* `PRAGMA integrity_check` is "ok" and `PRAGMA foreign_key_check` finds nothing;
* the FTS5 index is consistent (`INSERT INTO paragraphs_fts(paragraphs_fts) VALUES
  ('integrity-check')`, also against the paragraphs table when SQLite can);
* every document row is whole: its sha256, paragraph count (indexes 0..n-1), citation count and
  symbols equal what parsing that file gives; no paragraph, citation or symbol row is orphaned;
* every batch the child reported as committed before the kill is present (durability).

After the last kill a child runs to the end: the load must complete, with every document whole.
Prints JSON figures; exits 1 if any check failed.

With --points, no kill depends on timing: the child kills itself at points drawn from the seed,
in turn just after its n-th commit, in its n-th transaction once every document is inserted and
before COMMIT (while FTS5 indexes them), and as it inserts its n-th document. The same seed
gives the same kills and the same figures on any machine, however busy.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import queue
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "data"
SHARED = Path(os.environ.get("RAPPORTEUR_SHARED", ROOT.parent / "shared"))
BULK = SHARED / "corpus" / "bulk" / "cr-unsc_res_en_gold_1946-2002.jsonl"
CORPUS_SCOPE = "corpus"
BULK_SCOPE = "guild:9001"


# ---- the documents: the same list in the parent and the child ---------------------------------


def bulk_files(limit: int | None) -> list[tuple[str, bytes]]:
    """(file name, bytes) of the bulk resolutions, one document each."""
    out: list[tuple[str, bytes]] = []
    # A resolution the bundled corpus holds is already visible in every server: an upload of
    # it is refused ("already loaded as"), so it is no new document to load.
    bundled = {p.name for p in DATA.rglob("S_RES_*")}
    if BULK.is_file():
        with BULK.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                name = f"S_RES_{int(row['res_no'])}_{row['year']}.txt"
                if name in bundled:
                    continue
                out.append((name, row["text"].encode("utf-8")))
    else:  # no ../shared: copies of data/ under other names, so there is still a bulk to load
        files = sorted(p for p in DATA.rglob("*.txt") if p.name.lower() != "readme.md")
        for k in range(3):
            for p in files:
                out.append((f"copy{k}_{p.name}", p.read_bytes() + f"\n\nCopy {k}.\n".encode()))
    return out[:limit] if limit is not None else out


def corpus_files() -> dict[str, bytes]:
    """data/ as load_directory names it."""
    from bot.core.readers import SUPPORTED_EXTENSIONS

    return {
        p.relative_to(DATA).as_posix(): p.read_bytes()
        for p in sorted(DATA.rglob("*"))
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_EXTENSIONS
        and p.name.lower() not in ("readme.md", "sources.md")
    }


# ---- the child: a resumable bulk load ---------------------------------------------------------


def _say(*parts: object) -> None:
    print(*parts, flush=True)


def _die(point: str, n: int) -> None:
    _say("DYING", point, n)
    os.kill(os.getpid(), signal.SIGKILL)


async def child(db: str, limit: int | None, batch: int, die_at: str | None = None) -> None:
    """Load data/, then the bulk in batches, skipping what is already stored: resumable.

    Says WRITE when a batch is parsed and its write transaction begins, and SAVED <documents
    committed so far> <seconds the write took> once it has committed. With `die_at` POINT:N,
    SIGKILLs itself: `insert` as it starts inserting its N-th document, `flush` in its N-th
    write transaction once every document is inserted (FTS5 indexing them, before COMMIT),
    `commit` just after its N-th commit.
    """
    from bot.core import storage_write
    from bot.core.library import Actor, Library

    point, _, count = (die_at or "").partition(":")
    n = int(count or 0)
    lib = Library(db)
    await lib.open()
    if point == "insert":
        insert = storage_write._insert_sync
        inserted = [0]

        def insert_or_die(*args: Any, **kwargs: Any) -> int:  # runs in the writer's thread
            inserted[0] += 1
            if inserted[0] == n:
                _die(point, n)
            return insert(*args, **kwargs)

        storage_write._insert_sync = insert_or_die
    elif point == "flush":
        flush = storage_write._flush_fts
        flushed = [0]

        def flush_or_die(*args: Any, **kwargs: Any) -> None:  # the writer's thread, pre-COMMIT
            flushed[0] += 1
            if flushed[0] == n:
                _die(point, n)
            flush(*args, **kwargs)

        storage_write._flush_fts = flush_or_die
    committed = 0
    transactions = 0
    write_began = [0.0]

    def progress(done: int, total: int, _name: str) -> None:
        if done == total:  # parsing over: the write transaction starts now
            write_began[0] = time.perf_counter()
            _say("WRITE", committed)

    def saved(stored: int) -> None:
        nonlocal committed, transactions
        committed += stored
        _say("SAVED", committed, f"{time.perf_counter() - write_began[0]:.4f}" if stored else "0")
        transactions += stored > 0
        if point == "commit" and stored and transactions == n:
            _die(point, n)

    report = await lib.load_directory(DATA, CORPUS_SCOPE, progress=progress)
    if report.failed:
        _say("FAILED", json.dumps(report.failed))
    saved(len(report.loaded))
    known = await lib.store.source_hashes(BULK_SCOPE)
    todo = [
        (name, data)
        for name, data in bulk_files(limit)
        if known.get(name) != hashlib.sha256(data).hexdigest()
    ]
    actor = Actor("fault-kill", moderator=True)
    for i in range(0, len(todo), batch):
        report = await lib.load_files(todo[i : i + batch], BULK_SCOPE, actor, progress=progress)
        if report.failed:
            _say("FAILED", json.dumps(report.failed))
        saved(len(report.loaded))
    await lib.close()
    _say("DONE", committed)


# ---- the parent: kill, check, repeat ----------------------------------------------------------


class Expected:
    """What parsing each file gives, computed once per file in the parent."""

    def __init__(self, limit: int | None) -> None:
        self.raw: dict[tuple[str, str], bytes] = {
            (CORPUS_SCOPE, name): data for name, data in corpus_files().items()
        }
        self.raw.update({(BULK_SCOPE, name): data for name, data in bulk_files(limit)})
        self._cache: dict[tuple[str, str], dict[str, object]] = {}

    def __len__(self) -> int:
        return len(self.raw)

    def get(self, scope: str, source: str) -> dict[str, object] | None:
        key = (scope, source)
        if key not in self.raw:
            return None
        if key not in self._cache:
            from bot.core.ingest import prepare
            from bot.core.symbols import symbol_key

            data = self.raw[key]
            record = prepare(source, data)
            self._cache[key] = {
                "sha256": hashlib.sha256(data).hexdigest(),
                "paragraphs": len(record.paragraphs),
                "citations": len(record.citations),
                "symbols": record.symbols,
                "symbol_keys": sorted({symbol_key(s) for s in record.symbols}),
            }
        return self._cache[key]


def check_db(db: Path, expected: Expected) -> tuple[dict[str, bool], list[str], int]:
    """Every check on a database nobody has open: (check -> passed, problems, documents)."""
    problems: list[str] = []
    checks: dict[str, bool] = {}
    if not db.exists():
        return {"database_absent_or_empty": True}, [], 0
    con = sqlite3.connect(db, isolation_level=None, timeout=30)
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
        checks["integrity_check"] = rows == [("ok",)]
        if not checks["integrity_check"]:
            problems.append(f"integrity_check: {rows[:5]}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        checks["foreign_key_check"] = not fk
        if fk:
            problems.append(f"foreign_key_check: {fk[:5]}")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        if "documents" not in tables:  # killed before the first migration committed
            checks["schema_absent_or_whole"] = not (tables - {"sqlite_sequence"})
            return checks, problems, 0
        try:
            con.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('integrity-check')")
            checks["fts_integrity"] = True
        except sqlite3.DatabaseError as e:
            checks["fts_integrity"] = False
            problems.append(f"fts integrity-check: {e}")
        try:  # the index against the paragraphs table itself (SQLite >= 3.40 reads `rank`)
            con.execute(
                "INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES('integrity-check', 1)"
            )
            checks["fts_matches_paragraphs"] = True
        except sqlite3.DatabaseError as e:
            checks["fts_matches_paragraphs"] = False
            problems.append(f"fts vs paragraphs: {e}")

        orphans = {
            "paragraphs": "SELECT COUNT(*) FROM paragraphs WHERE doc_id NOT IN (SELECT id FROM documents)",
            "citations": "SELECT COUNT(*) FROM citations WHERE doc_id NOT IN (SELECT id FROM documents)",
            "doc_symbols": "SELECT COUNT(*) FROM doc_symbols WHERE doc_id NOT IN (SELECT id FROM documents)",
        }
        bad_orphans = {k: con.execute(q).fetchone()[0] for k, q in orphans.items()}
        checks["no_orphan_rows"] = not any(bad_orphans.values())
        if not checks["no_orphan_rows"]:
            problems.append(f"orphans: {bad_orphans}")

        if "vocab" in tables:
            vocab_checks, vocab_issues = _check_vocabulary(con)
            checks.update(vocab_checks)
            problems.extend(vocab_issues)

        paras: dict[int, list[int]] = {}
        for doc_id, idx in con.execute("SELECT doc_id, idx FROM paragraphs ORDER BY doc_id, idx"):
            paras.setdefault(doc_id, []).append(idx)
        cits = Counter(r[0] for r in con.execute("SELECT doc_id FROM citations"))
        keys: dict[int, list[str]] = {}
        for key, doc_id in con.execute("SELECT key, doc_id FROM doc_symbols ORDER BY key"):
            keys.setdefault(doc_id, []).append(key)
        docs = con.execute("SELECT id, scope, source, sha256, symbols FROM documents").fetchall()
        torn = 0
        for doc_id, scope, source, sha, symbols in docs:
            exp = expected.get(scope, source)
            if exp is None:
                torn += 1
                problems.append(f"unknown document {scope}:{source}")
                continue
            got = {
                "sha256": sha,
                "paragraphs": len(paras.get(doc_id, [])),
                "citations": cits.get(doc_id, 0),
                "symbols": json.loads(symbols),
                "symbol_keys": sorted(keys.get(doc_id, [])),
            }
            if got != exp or paras.get(doc_id, []) != list(range(len(paras.get(doc_id, [])))):
                torn += 1
                if torn <= 5:
                    diff = {k: (got[k], exp[k]) for k in exp if got[k] != exp[k]}
                    problems.append(
                        f"torn document {scope}:{source}: {diff or 'paragraph idx gap'}"
                    )
        checks["every_document_whole"] = torn == 0
        return checks, problems, len(docs)
    finally:
        con.close()


def _check_vocabulary(con: sqlite3.Connection) -> tuple[dict[str, bool], list[str]]:
    """The vocabulary index (migrations 002, 007) is derived from the paragraphs, per scope, in
    the same transactions: after a crash it must equal a recomputation, term for term, key for
    key, scope by scope."""
    from bot.core.vocab_index import index_terms, term_keys

    df: Counter[tuple[str, str]] = Counter()
    n: Counter[str] = Counter()
    for scope, text in con.execute(
        "SELECT d.scope, p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id"
    ):
        df.update((scope, t) for t in index_terms(text))
        n[scope] += 1
    stored = {
        (r[0], r[1]): r[2]
        for r in con.execute(
            "SELECT s.scope, v.term, v.df FROM vocab v JOIN vocab_scopes s ON s.id = v.sid"
        )
    }
    counts = {r[0]: r[1] for r in con.execute("SELECT scope, paragraphs FROM vocab_scopes")}
    counts = {k: v for k, v in counts.items() if v}  # a scope emptied keeps its row, at 0
    checks = {
        "vocab_matches_paragraphs": stored == dict(df),
        "vocab_paragraph_count": counts == dict(n),
    }
    issues = []
    if stored != dict(df):
        diff = sorted(set(stored.items()) ^ set(df.items()))[:5]
        issues.append(f"vocab differs from a recomputation: {diff}")
    if counts != dict(n):
        issues.append(f"vocab_scopes paragraphs {counts}, the table has {dict(n)}")
    rows = con.execute("SELECT id, sid, term FROM vocab").fetchall()
    want = {(sid, k, tid) for tid, sid, t in rows for k in term_keys(t)}
    have = set(con.execute("SELECT sid, key, term_id FROM vocab_del"))
    checks["vocab_keys_match_terms"] = want == have
    if want != have:
        issues.append(f"vocab_del: {len(have - want)} extra keys, {len(want - have)} missing")
    return checks, issues


def vocabulary_vs_fts(db: Path) -> dict[str, object]:
    """Not a crash check: how the vocabulary index's terms differ from FTS5's own (fts5vocab).
    A term only one side knows is a word `find` can miss."""
    con = sqlite3.connect(db)
    try:
        stored = dict(con.execute("SELECT term, SUM(df) FROM vocab GROUP BY term"))
        fts = dict(con.execute("SELECT term, doc FROM paragraphs_vocab"))
    finally:
        con.close()
    only_vocab = sorted(set(stored) - set(fts))
    only_fts = sorted(set(fts) - set(stored))
    return {
        "terms_only_in_vocab_index": len(only_vocab),
        "terms_only_in_fts5": len(only_fts),
        "examples_only_in_fts5": only_fts[:8],
        "examples_only_in_vocab_index": only_vocab[:8],
    }


class Child:
    """A child process and its stdout lines, read in a thread with their arrival times."""

    def __init__(self, db: Path, limit: int | None, batch: int, die_at: str | None = None) -> None:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--db", str(db)]
        if die_at is not None:
            cmd += ["--die-at", str(die_at)]
        self._err = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        cmd += ["--batch", str(batch)]
        if limit is not None:
            cmd += ["--limit", str(limit)]
        self.proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=self._err,
            text=True,
            bufsize=1,
            cwd=ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.started = time.perf_counter()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put((time.perf_counter(), line.rstrip("\n")))
        self.lines.put((time.perf_counter(), "EOF"))

    def next_line(self, timeout: float) -> str | None:
        try:
            _, line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return None
        self.seen.append(line)
        return line

    def drain(self) -> None:
        while True:
            try:
                self.seen.append(self.lines.get_nowait()[1])
            except queue.Empty:
                return

    def committed(self) -> int:
        """Documents the child reported as committed (its last SAVED line)."""
        for line in reversed(self.seen):
            if line.startswith(("SAVED", "DONE")):
                return int(line.split()[1])
        return 0

    def phase(self) -> str:
        """Where the child was when it died, as far as its last words tell."""
        for line in reversed(self.seen):
            if line.startswith("DYING"):
                return DYING_AT[line.split()[1]]
            if line.startswith("WRITE"):
                return "write_transaction"
            if line.startswith(("SAVED", "DONE")):
                return "reading_or_parsing"
        return "startup_or_first_parse"

    def kill(self) -> int:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.proc.pid, signal.SIGKILL)
        rc = self.proc.wait()
        self._reader.join(timeout=5)
        self.drain()
        return rc

    def stderr(self) -> str:
        self._err.seek(0)
        return self._err.read()


DYING_AT = {"insert": "inside_an_insert", "flush": "before_commit", "commit": "after_commit"}


def _transactions_left(present: int, corpus: int, bulk: int, batch: int) -> int:
    """Write transactions a child starting now makes: data/ in one (unless it is stored: a
    load is whole or absent), then the bulk files not yet stored, `batch` per transaction."""
    stored_bulk = present - corpus if present else 0
    return (0 if present else 1) + -(-(bulk - stored_bulk) // batch)


def _kill_point(
    k: int, rng: random.Random, expected: Expected, present: int, batch: int
) -> str | None:
    """Where the k-th kill of a --points run lands, drawn from the seed alone."""
    point = ("commit", "flush", "insert")[k % 3]
    if point == "insert":
        return f"insert:{rng.randint(1, max(1, len(expected) - present))}"
    corpus = sum(1 for scope, _ in expected.raw if scope == CORPUS_SCOPE)
    left = _transactions_left(present, corpus, len(expected) - corpus, batch)
    # After the last commit nothing is left to kill: a commit kill stops before it.
    last = left - 1 if point == "commit" else left
    return f"{point}:{rng.randint(1, max(1, last))}"


def run(
    kills: int, limit: int | None, batch: int, seed: int, max_delay: float, points: bool = False
) -> dict:
    rng = random.Random(seed)
    expected = Expected(limit)
    figures: dict[str, object] = {
        "documents_to_load": len(expected),
        "batch": batch,
        "seed": seed,
        "kill_points": "drawn from the seed" if points else "random moments and writes",
        "sqlite": sqlite3.sqlite_version,
    }
    passed: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    problems: list[str] = []
    phases: Counter[str] = Counter()
    modes: Counter[str] = Counter()
    present_at_kill: list[int] = []
    write_times: list[float] = []
    restarts_from_scratch = 0
    done_before_kill = 0
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fault-kill-") as tmp:
        db = Path(tmp) / "fault.db"

        def record(checks: dict[str, bool], issues: list[str], when: str) -> None:
            for name, ok in checks.items():
                (passed if ok else failed)[name] += 1
            problems.extend(f"{when}: {p}" for p in issues)

        k = 0
        present = 0
        while k < kills:
            if points:
                die_at = _kill_point(k, rng, expected, present, batch)
                mode = DYING_AT[die_at.split(":")[0]]
            else:
                mode = ("time", "after_write_began", "inside_an_insert")[k % 3]
                die_at = f"insert:{rng.randint(1, max(1, len(expected) - present))}"
                die_at = die_at if k % 3 == 2 else None
            c = Child(db, limit, batch, die_at)
            if die_at is not None:
                c.proc.wait(timeout=600)
                c._reader.join(timeout=5)
            elif mode == "after_write_began":
                # Let a few writes go by, then kill within one (or just after it commits).
                window = statistics.median(write_times[-20:]) if write_times else 0.05
                skip = rng.randint(0, 3)
                deadline = time.perf_counter() + 300
                while time.perf_counter() < deadline:
                    line = c.next_line(timeout=1)
                    if line is None:
                        continue
                    if line.startswith(("DONE", "EOF")):
                        break
                    if line.startswith("SAVED") and float(line.split()[2]) > 0:
                        write_times.append(float(line.split()[2]))
                    if line.startswith("WRITE"):
                        if skip == 0:
                            time.sleep(rng.uniform(0, 1.2 * window))
                            break
                        skip -= 1
            else:
                t_kill = c.started + rng.uniform(0.05, max_delay)
                while (left := t_kill - time.perf_counter()) > 0:
                    line = c.next_line(timeout=min(left, 0.2))
                    if line and line.startswith("SAVED") and float(line.split()[2]) > 0:
                        write_times.append(float(line.split()[2]))
                    if line == "EOF" or (line or "").startswith("DONE"):
                        break
            c.drain()
            finished = any(s.startswith("DONE") for s in c.seen)
            phase = c.phase()
            rc = c.kill()
            if finished:
                # The load completed before the kill: check it, then start over so that the
                # next kills again land in the middle of a load.
                done_before_kill += 1
                checks, issues, n = check_db(db, expected)
                record(checks, issues, f"completed run {k}")
                for f in db.parent.glob(db.name + "*"):
                    f.unlink()
                restarts_from_scratch += 1
                continue
            if rc != -signal.SIGKILL:
                problems.append(
                    f"kill {k}: child exited {rc} before the kill: {c.stderr()[-2000:]}"
                )
                failed["child_ran"] += 1
            k += 1
            phases[phase] += 1
            modes[mode] += 1
            committed = c.committed()
            checks, issues, n = check_db(db, expected)
            checks["committed_batches_present"] = n >= committed
            if n < committed:
                issues.append(f"{committed} documents committed before the kill, {n} present")
            record(checks, issues, f"kill {k}")
            present_at_kill.append(n)
            present = n
            if n == len(expected):  # the load had finished: start over for the next kills
                for f in db.parent.glob(db.name + "*"):
                    f.unlink()
                restarts_from_scratch += 1
                present = 0

        # The next start completes the load.
        t0 = time.perf_counter()
        c = Child(db, limit, batch)
        rc = c.proc.wait(timeout=900)
        c._reader.join(timeout=5)
        c.drain()
        resume_s = time.perf_counter() - t0
        checks, issues, n = check_db(db, expected)
        checks["final_load_completed"] = rc == 0 and any(s.startswith("DONE") for s in c.seen)
        checks["final_every_document_present"] = n == len(expected)
        if rc != 0:
            issues.append(f"final child exited {rc}: {c.stderr()[-2000:]}")
        if n != len(expected):
            issues.append(f"final: {n} documents, expected {len(expected)}")
        if any(s.startswith("FAILED") for s in c.seen):
            issues.extend(s for s in c.seen if s.startswith("FAILED"))
        record(checks, issues, "final")
        db_mb = round(db.stat().st_size / 1e6, 1)
        observations = {"vocabulary_vs_fts5": vocabulary_vs_fts(db)}

    total_checks = sum(passed.values()) + sum(failed.values())
    figures.update(
        {
            "kills": sum(phases.values()),
            "kills_by_how": dict(modes),
            "kills_by_phase": dict(phases),
            "loads_completed_before_a_kill": done_before_kill,
            "restarts_from_an_empty_database": restarts_from_scratch,
            "documents_present_at_kills": present_at_kill,
            "median_write_transaction_s": (
                round(statistics.median(write_times), 4) if write_times else None
            ),
            "checks_run": total_checks,
            "checks_passed": sum(passed.values()),
            "checks_failed": dict(failed),
            "checks_by_name": dict(passed),
            "final_documents": n,
            "final_resume_s": round(resume_s, 2),
            "final_db_mb": db_mb,
            "all_checks_passed": not failed and not problems,
            "problems": problems[:30],
            "observations": observations,
            "wall_s": round(time.perf_counter() - t_start, 1),
        }
    )
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kills", type=int, default=30)
    ap.add_argument("--limit", type=int, default=None, help="load only the first N bulk files")
    ap.add_argument("--batch", type=int, default=20, help="documents per load_files call")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--max-delay",
        type=float,
        default=None,
        help="latest random kill, seconds after the child starts (default: from a timed run)",
    )
    ap.add_argument(
        "--points",
        action="store_true",
        help="kill at points drawn from the seed (after a commit, before one, in an insert), "
        "never by time: the same figures on any machine",
    )
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--die-at", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        asyncio.run(child(args.db, args.limit, args.batch, args.die_at))
        return
    max_delay = args.max_delay
    if max_delay is None and not args.points:
        max_delay = _timed_run(args.limit, args.batch)
    figures = run(args.kills, args.limit, args.batch, args.seed, max_delay or 0.0, args.points)
    if not args.points:
        figures["max_kill_delay_s"] = round(max_delay or 0.0, 2)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    sys.exit(0 if figures["all_checks_passed"] else 1)


def _timed_run(limit: int | None, batch: int) -> float:
    """How long one uninterrupted load takes, so random kills spread over all of it."""
    with tempfile.TemporaryDirectory(prefix="fault-kill-") as tmp:
        t0 = time.perf_counter()
        c = Child(Path(tmp) / "timing.db", limit, batch)
        c.proc.wait(timeout=900)
        c._reader.join(timeout=5)
        return max(0.5, time.perf_counter() - t0)


if __name__ == "__main__":
    main()
