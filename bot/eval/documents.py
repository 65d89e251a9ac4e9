"""Score `parse_document` against the gold document records.

    python -m bot.eval.documents --gold ../shared/eval/documents_dev.jsonl --root ../shared [--json]

Each field is scored only on the records whose gold fills it (non-null, non-empty).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.core.parse import parse_document

SKIP = {"file", "key_points", "hard_cases", "not_citations"}
ORDERED = {"symbols"}  # lists whose order matters; the others are compared as sets
CASELESS = {"title", "subject"}

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def norm(value: Any, *, caseless: bool = False) -> Any:
    """Light normalisation: whitespace, curly quotes, optionally case; recursive."""
    if isinstance(value, str):
        s = " ".join(value.translate(_QUOTES).split())
        return s.lower() if caseless else s
    if isinstance(value, dict):
        return {k: norm(v, caseless=caseless) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [norm(v, caseless=caseless) for v in value]
    return value


def filled(value: Any) -> bool:
    return value is not None and value != [] and value != "" and value != {}


def _key(v: Any) -> str:
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


def same(field: str, gold: Any, got: Any) -> bool:
    g = norm(gold, caseless=field in CASELESS)
    o = norm(got, caseless=field in CASELESS)
    if isinstance(g, list) and field not in ORDERED:
        return sorted(map(_key, g)) == sorted(map(_key, o or []))
    return g == o


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def source_path(root: Path, file: str) -> Path:
    return root / file if file.startswith("seed/") else root / "corpus" / file


def evaluate(gold: list[dict[str, Any]], root: Path) -> dict[str, Any]:
    fields: dict[str, dict[str, Any]] = {}
    res_tp = res_fp = res_fn = 0
    started = time.perf_counter()

    def score(field: str, ok: bool, file: str, expected: Any, got: Any) -> None:
        f = fields.setdefault(field, {"n": 0, "ok": 0, "misses": []})
        f["n"] += 1
        f["ok"] += ok
        if not ok:
            f["misses"].append({"file": file, "expected": expected, "got": got})

    for g in gold:
        file = g["file"]
        text = source_path(root, file).read_text(encoding="utf-8")
        rec = parse_document(text, filename=file)
        got = rec.to_eval_record(file)
        for field, expected in g.items():
            if field in SKIP or not filled(expected):
                continue
            value = got.get(field)
            score(field, same(field, expected, value), file, expected, value)
            if field == "resolutions":
                gs, os_ = set(expected), set(value or [])
                res_tp += len(gs & os_)
                res_fp += len(os_ - gs)
                res_fn += len(gs - os_)
        for k, (a, b) in enumerate(zip(g.get("annexes") or [], got["annexes"], strict=False)):
            for sub in ("title", "date", "author"):
                if filled(a.get(sub)):
                    ok = same("title" if sub == "title" else sub, a[sub], b.get(sub))
                    score(f"annexes.{sub}", ok, f"{file}#{k}", a[sub], b.get(sub))
        if filled(g.get("annexes")):
            n_g, n_o = len(g["annexes"]), len(got["annexes"])
            score("annexes.count", n_g == n_o, file, n_g, n_o)
        if not filled(g.get("resolutions")):
            # Resolutions found where the gold lists none count against precision.
            res_fp += len(got["resolutions"])
    elapsed = time.perf_counter() - started
    out: dict[str, Any] = {
        "records": len(gold),
        "seconds": round(elapsed, 3),
        "fields": {
            k: {"n": v["n"], "accuracy": round(v["ok"] / v["n"], 4), "misses": v["misses"]}
            for k, v in sorted(fields.items())
        },
    }
    out["resolutions_set"] = {
        "precision": round(res_tp / (res_tp + res_fp), 4) if res_tp + res_fp else 1.0,
        "recall": round(res_tp / (res_tp + res_fn), 4) if res_tp + res_fn else 1.0,
    }
    return out


def _print(report: dict[str, Any], show: Callable[[str], None]) -> None:
    show(f"{report['records']} gold records parsed in {report['seconds']} s")
    show(f"{'field':<22} {'n':>4} {'accuracy':>9}")
    for name, f in report["fields"].items():
        show(f"{name:<22} {f['n']:>4} {f['accuracy']:>9.3f}")
    if "resolutions_set" in report:
        rs = report["resolutions_set"]
        show(f"resolutions (set)  precision {rs['precision']:.3f}  recall {rs['recall']:.3f}")
    for name, f in report["fields"].items():
        if not f["misses"]:
            continue
        show(f"\n== misses: {name}")
        for m in f["misses"]:
            show(
                f"  {m['file']}\n    expected: {_short(m['expected'])}\n    got:      {_short(m['got'])}"
            )


def _short(v: Any) -> str:
    s = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 300 else s[:297] + "..."


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--root", type=Path, required=True, help="the shared/ directory")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    report = evaluate(load_gold(args.gold), args.root)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print(report, print)
    return 0


if __name__ == "__main__":
    sys.exit(main())
