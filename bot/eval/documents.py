"""Score `parse_document` against the gold document records.

    python -m bot.eval.documents --gold ../shared/eval/documents_dev.jsonl --root ../shared [--json]
    python -m bot.eval.documents --gold tests/gold/pdf2025_heldout.jsonl --root ../shared

Each field is scored only on the records whose gold fills it (non-null, non-empty). Files that
are not plain text (PDF, DOCX, HTML) are read through the project's readers, as uploads are.
Beside the whole `bodies` list, `bodies.names` and `bodies.agenda_items` score the names and
the agenda items alone, so that a miss says which part was wrong.
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


def read_source(path: Path) -> str:
    if path.suffix.lower() in (".txt", ".md"):
        return path.read_text(encoding="utf-8")
    from bot.core.readers import read_path

    return read_path(path).text


def _body_parts(bodies: list[dict[str, Any]] | None) -> tuple[list[str], list[str]]:
    names = [b.get("body", "") for b in bodies or []]
    items = [f"{b.get('body')}: {i}" for b in bodies or [] for i in b.get("agenda_items") or []]
    return names, items


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
        text = read_source(source_path(root, file))
        rec = parse_document(text, filename=file.rsplit("/", 1)[-1])
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
        if filled(g.get("bodies")):
            (g_names, g_items), (o_names, o_items) = (
                _body_parts(g["bodies"]),
                _body_parts(got["bodies"]),
            )
            score("bodies.names", same("bodies.names", g_names, o_names), file, g_names, o_names)
            if g_items:
                ok = same("bodies.agenda_items", g_items, o_items)
                score("bodies.agenda_items", ok, file, g_items, o_items)
        for k, (a, b) in enumerate(zip(g.get("annexes") or [], got["annexes"], strict=False)):
            for sub in ("title", "date", "author"):
                if filled(a.get(sub)):
                    ok = same("title" if sub == "title" else sub, a[sub], b.get(sub))
                    score(f"annexes.{sub}", ok, f"{file}#{k}", a[sub], b.get(sub))
        if filled(g.get("annexes")):
            n_g, n_o = len(g["annexes"]), len(got["annexes"])
            score("annexes.count", n_g == n_o, file, n_g, n_o)
        if "resolutions" in g and not filled(g["resolutions"]):
            # Resolutions found where the gold lists none count against precision (a gold
            # without the field did not label them).
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
