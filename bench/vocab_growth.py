"""How much one upload grows the database, and what removing it costs.

    python bench/vocab_growth.py [--long 12000,40000] [--dir /tmp/...]

Each sample is uploaded on its own to a fresh database, as a server's moderator would
(Library.load_files, scope guild:1), then removed. Printed per sample: the upload's bytes, the
database's growth (after a WAL checkpoint) and that growth as a multiple of the upload, the rows
of the typo index (vocab_del) added, and the peak Python memory while the document is removed
(tracemalloc). Samples: the Chinese and English Universal Declaration (../shared/corpus), the
same 2,000 sentences of the UN parallel corpus in Chinese and in English, one
word of each --long length (generated here), and 40 KB of random distinct words of MAX_FILED
letters (the worst a Latin-script upload can do once long words are bounded). Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.library import Actor, Library
from bot.core.vocab_index import MAX_FILED

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SCOPE = "guild:1"


def _size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())


async def _checkpoint(lib: Library) -> None:
    assert lib.store._write is not None
    # Read to the end: a PRAGMA cursor left open would keep the next COMMIT from running.
    await lib.store._write.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)")


async def _keys(lib: Library) -> int:
    return (await lib.store.db.execute_fetchall("SELECT COUNT(*) FROM vocab_del"))[0][0]


async def measure(folder: Path, name: str, data: bytes) -> dict[str, Any]:
    db = folder / f"{len(list(folder.iterdir()))}.db"
    mod = Actor("bench", moderator=True)
    async with Library(db) as lib:
        await _checkpoint(lib)
        before, keys0 = _size(db), await _keys(lib)
        report = await lib.load_files([(name, data)], SCOPE, mod)
        assert not report.failed, report.failed
        await _checkpoint(lib)
        after, keys1 = _size(db), await _keys(lib)
        doc = (await lib.documents([SCOPE]))[0]
        tracemalloc.start()
        await lib.store.delete_document(doc.id)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        left = await _keys(lib)
    return {
        "sample": name,
        "upload_bytes": len(data),
        "db_growth_bytes": after - before,
        "growth_factor": round((after - before) / len(data), 2),
        "typo_keys_added": keys1 - keys0,
        "typo_keys_after_remove": left,
        "remove_peak_python_mb": round(peak / 2**20, 2),
    }


def samples(longs: list[int]) -> list[tuple[str, bytes]]:
    out = []
    for lang in ("zh", "en"):
        p = SHARED / lang / f"A_RES_217_A_III_UDHR_{lang}.txt"
        if p.exists():
            out.append((f"udhr_{lang}.txt", p.read_bytes()))
        else:
            print(f"skipped {p}: not found", file=sys.stderr)
    for lang in ("zh", "en"):
        # The UN parallel corpus: the same 2,000 sentences in both languages, one paragraph each.
        p = SHARED / "parallel" / "unpc_v1.0_devset" / f"UNv1.0.devset.{lang}"
        if p.exists():
            lines = p.read_text(encoding="utf-8").splitlines()[:2000]
            out.append((f"unpc2000_{lang}.txt", ("A title\n\n" + "\n\n".join(lines)).encode()))
        else:
            print(f"skipped {p}: not found", file=sys.stderr)
    rng = random.Random(7)
    for n in longs:
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))
        out.append((f"word{n}.txt", f"A title\n\n{word}\n".encode()))
    # The longest words still filed with deletion keys, all distinct: the costliest text per byte.
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choice(letters) for _ in range(MAX_FILED)) for _ in range(1500)}
    text = "\n\n".join(" ".join(sorted(words)[i : i + 10]) for i in range(0, len(words), 10))
    out.append((f"random{MAX_FILED}.txt", f"A title\n\n{text}\n".encode()))
    return out


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--long", default="12000,40000", help="lengths of the one-word uploads")
    ap.add_argument("--dir", default=None, help="where the scratch databases go")
    args = ap.parse_args()
    longs = [int(x) for x in args.long.split(",") if x]
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        rows = [await measure(Path(tmp), name, data) for name, data in samples(longs)]
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    asyncio.run(main())
