"""Score fuzzy find on find_queries_dev.jsonl, beside brute-force rapidfuzz in the same run.

    python -m bot eval find [--gold PATH] [--k 5] [--json]
    python -m bot eval find --parallel DIR [--n 300] [--seed 13]   (see bot.eval.find_parallel)

A query counts as found (passage@k) when one of the top k hits is in the gold file and holds
the expected passage, and its document as found (doc@k) when one of them is in that file; an
`absent` query counts when nothing is found. Brute force scores with `partial_ratio` every
paragraph at least as long as the query (a shorter one, a table cell such as "1" or "–", would
score 100 for being contained in the query) and says "nothing" below a floor, the best floor for
it on this set: the comparison flatters the baseline, not us.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from bot.core.textnorm import fold
from bot.eval.common import DEFAULT_SHARED, corpus_library, read_jsonl


def _norm(text: str) -> str:
    return " ".join(fold(text).replace("’", "'").split())


def holds(passage: str, expect: str) -> bool:
    p, e = _norm(passage), _norm(expect)
    return e in p or (len(e) > 20 and fuzz.partial_ratio(e, p) >= 90)


async def evaluate(gold_path: Path, k: int) -> dict[str, Any]:
    queries = list(read_jsonl(gold_path))
    async with corpus_library() as lib:
        scopes = ["corpus"]
        ours: list[dict[str, Any]] = []
        times = []
        for q in queries:
            t0 = time.perf_counter()
            res = await lib.find(q["query"], scopes, limit=k)
            times.append(time.perf_counter() - t0)
            ours.append(_row(q, [(h.doc.source, h.text) for h in res.hits]))
        # Brute force over every paragraph, same corpus.
        rows = await lib.store.db.execute_fetchall(
            "SELECT d.source, p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id"
            " WHERE p.section != 'masthead'"
        )
        paras = [(r[0], r[1]) for r in rows]
        folded = [fold(t) for _, t in paras]
        brute_scores = []
        bt = []
        for q in queries:
            query = fold(q["query"])
            t0 = time.perf_counter()
            # None is skipped by rapidfuzz: paragraphs shorter than the query take no part.
            choices = [f if len(f) >= len(query) else None for f in folded]
            top = process.extract(query, choices, scorer=fuzz.partial_ratio, limit=k)
            bt.append(time.perf_counter() - t0)
            brute_scores.append([(paras[i], s) for _, s, i in top])
    best_floor = 0.0
    brute: list[dict[str, Any]] = []
    for floor in range(0, 101, 2):
        judged = [
            _row(q, [p for p, s in top if s >= floor])
            for q, top in zip(queries, brute_scores, strict=True)
        ]
        if sum(j["ok"] for j in judged) > sum(b["ok"] for b in brute) or not brute:
            best_floor, brute = floor, judged
    return {
        "queries": len(queries),
        "k": k,
        "ours": _summary(ours, times),
        "brute_force_partial_ratio": {**_summary(brute, bt), "floor": best_floor},
        "misses": [o["id"] for o in ours if not o["ok"]],
    }


def _row(q: dict[str, Any], hits: list[tuple[str, str]]) -> dict[str, Any]:
    """Whether the passage (`ok`) and the document (`doc_ok`) were found for one query."""
    if q["kind"] == "absent":
        ok = doc_ok = not hits
    else:
        # data/ mirrors shared/: a gold "corpus/en/X.txt" is the source "corpus/en/X.txt".
        ok = any(src == q["file"] and holds(text, q["expect"]) for src, text in hits)
        doc_ok = any(src == q["file"] for src, _ in hits)
    return {"id": q["id"], "kind": q["kind"], "ok": ok, "doc_ok": doc_ok}


def _summary(rows: list[dict[str, Any]], times: list[float]) -> dict[str, Any]:
    kinds: dict[str, list[bool]] = {}
    for r in rows:
        kinds.setdefault(r["kind"], []).append(r["ok"])
    present = [r for r in rows if r["kind"] != "absent"]

    def share(rs: list[dict[str, Any]], key: str) -> float:
        return round(sum(r[key] for r in rs) / max(len(rs), 1), 3)

    return {
        "accuracy": share(rows, "ok"),  # passage@k over every query, absent ones included
        "passage_at_k_present": share(present, "ok"),
        "doc_at_k_present": share(present, "doc_ok"),
        "by_kind": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(kinds.items())},
        "median_ms": round(statistics.median(times) * 1000, 2) if times else None,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bot eval find")
    p.add_argument("--gold", default=str(DEFAULT_SHARED / "eval" / "find_queries_dev.jsonl"))
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.add_argument("--parallel", metavar="DIR", help="aligned UN Parallel Corpus files instead")
    p.add_argument("--n", type=int, default=300, help="--parallel: sentences drawn")
    p.add_argument("--seed", type=int, default=13, help="--parallel: seed of the draw")
    args = p.parse_args(argv)
    if args.parallel:
        from bot.eval.find_parallel import evaluate_parallel, report

        directory = Path(args.parallel)
        if not directory.is_dir():
            p.error(f"--parallel: {directory} is not a directory")
        par = asyncio.run(evaluate_parallel(directory, args.k, args.n, args.seed))
        print(json.dumps(par, indent=2) if args.json else report(par))
        return 0
    result = asyncio.run(evaluate(Path(args.gold), args.k))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        o, b = result["ours"], result["brute_force_partial_ratio"]
        print(f"find, {result['queries']} queries, top {result['k']}")
        print("  (all: passage@k over every query; present: passage@k, doc@k without `absent`)")
        for name, r in (("rapporteur ", o), ("brute force", b)):
            print(
                f"  {name}: all {r['accuracy']:.3f}  present {r['passage_at_k_present']:.3f}"
                f" / doc {r['doc_at_k_present']:.3f}  {r['by_kind']}  median {r['median_ms']} ms"
                + (f"  (floor {r['floor']})" if "floor" in r else "")
            )
        print(f"  misses: {result['misses']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
