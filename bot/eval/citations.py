"""Score the citation extractor against the gold files.

    python -m bot.eval.citations --gold ../shared/eval/unpc_devset_citations.jsonl \
        --parallel ../shared/corpus/parallel/unpc_v1.0_devset/UNv1.0.devset [--json]
    python -m bot.eval.citations --documents ../shared/eval/documents_dev.jsonl --root ../shared

Devset: set of symbols per line against the gold (lines not listed cite nothing), precision
and recall per language and per body, `other` bodies scored apart (by number, since their
gold names are free text), and cross-language agreement. Documents: the set of resolutions
per document (a document's own symbols, e.g. a running header, are not citations of itself).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.core.citations import extract_citations

LANGS = ("ar", "en", "es", "fr", "ru", "zh")


def body_of_symbol(symbol: str) -> str:
    if symbol.startswith("S/RES/"):
        return "SC"
    if symbol.startswith("A/HRC/"):
        return "HRC"
    if symbol.startswith("E/CN.4/"):
        return "CHR"
    if symbol.startswith("E/"):
        return "ECOSOC"
    if symbol.startswith("A/"):
        return "GA"
    return "other"


_DATE_RE = re.compile(r"\b\d{1,2}\s+[A-Za-z]+\s+\d{4}\b|\b(?:of|in)\s+\d{4}\b|\(\d{4}\)")


def other_key(text: str) -> str:
    """Loose key for another body's act: its first number that is not a date
    ("ECLAC resolution 689 (XXXV)" -> 689, "... GOV/2015/72 of 15 December 2015" -> 2015/72)."""
    nums = re.findall(r"\d+(?:/\d+)*", _DATE_RE.sub(" ", text))
    return nums[0] if nums else text.strip().lower()


class PR:
    """Precision/recall counters."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, pred: set[str], gold: set[str]) -> None:
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def read_jsonl(path: str | Path) -> Iterable[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _parallel_files(parallel: str) -> dict[str, Path]:
    p = Path(parallel)
    if p.is_dir():
        found = {}
        for lang in LANGS:
            hits = sorted(p.glob(f"*.{lang}"))
            if hits:
                found[lang] = hits[0]
        return found
    return {
        lang: Path(f"{parallel}.{lang}") for lang in LANGS if Path(f"{parallel}.{lang}").exists()
    }


def _split_kinds(cits: list[Any]) -> tuple[set[str], set[str]]:
    cited = {c.symbol for c in cits if c.kind in ("resolution", "decision")}
    other = {other_key(c.symbol) for c in cits if c.kind == "other"}
    return cited, other


def eval_devset(gold_path: str, parallel: str) -> dict[str, Any]:
    gold: dict[int, dict[str, Any]] = {int(r["line"]): r for r in read_jsonl(gold_path)}
    files = _parallel_files(parallel)
    if not files:
        raise SystemExit(f"no parallel files found for {parallel}")
    per_lang: dict[str, PR] = {}
    per_body: dict[str, dict[str, PR]] = {}
    other_pr: dict[str, PR] = {}
    errors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    sets: dict[int, dict[str, frozenset[str]]] = defaultdict(dict)
    n_lines = 0
    for lang, path in files.items():
        lines = path.read_text(encoding="utf-8").split("\n")
        n_lines = max(n_lines, len(lines))
        pr, opr = PR(), PR()
        bodies: defaultdict[str, PR] = defaultdict(PR)
        for i, line in enumerate(lines):
            g = gold.get(i, {})
            gset = set(g.get("resolutions", [])) | set(g.get("decisions", []))
            gother = {other_key(x) for x in g.get("other", [])}
            pset, pother = _split_kinds(extract_citations(line, lang))
            pr.add(pset, gset)
            opr.add(pother, gother)
            for b in {body_of_symbol(s) for s in pset | gset}:
                bodies[b].add(
                    {s for s in pset if body_of_symbol(s) == b},
                    {s for s in gset if body_of_symbol(s) == b},
                )
            if pset or gset:
                sets[i][lang] = frozenset(pset)
            if pset != gset:
                errors[lang].append(
                    {"line": i, "missed": sorted(gset - pset), "extra": sorted(pset - gset)}
                )
        per_lang[lang] = pr
        per_body[lang] = dict(bodies)
        other_pr[lang] = opr
    total = PR()
    for pr in per_lang.values():
        total.tp += pr.tp
        total.fp += pr.fp
        total.fn += pr.fn
    langs = list(files)
    active = [i for i in sets if any(sets[i].get(lang) for lang in langs)]
    agree_active = sum(
        1 for i in active if len({sets[i].get(lang, frozenset()) for lang in langs}) == 1
    )
    return {
        "lines": n_lines,
        "languages": {lang: per_lang[lang].as_dict() for lang in langs},
        "overall": total.as_dict(),
        "bodies": {
            lang: {b: pr.as_dict() for b, pr in sorted(per_body[lang].items())} for lang in langs
        },
        "other": {lang: other_pr[lang].as_dict() for lang in langs},
        "agreement": {
            "lines_with_citations": len(active),
            "all_six_agree": agree_active,
            "fraction": round(agree_active / len(active), 4) if active else 1.0,
            "fraction_all_lines": round((n_lines - len(active) + agree_active) / n_lines, 4)
            if n_lines
            else 1.0,
        },
        "errors": {lang: errors[lang] for lang in langs},
    }


def _document_path(root: Path, file: str) -> Path | None:
    for cand in (root / file, root / "corpus" / file):
        if cand.is_file():
            return cand
    return None


def eval_documents(gold_path: str, root: str) -> dict[str, Any]:
    base = Path(root)
    pr, dec_pr, other_pr = PR(), PR(), PR()
    docs = []
    for rec in read_jsonl(gold_path):
        path = _document_path(base, rec["file"])
        if path is None:
            docs.append({"file": rec["file"], "error": "not found"})
            continue
        text = path.read_text(encoding="utf-8")
        lang = rec.get("language") or None
        cits = extract_citations(text, lang)
        own = set(rec.get("symbols") or [])
        pred = {c.symbol for c in cits if c.kind == "resolution"} - own
        gold = set(rec.get("resolutions") or [])
        pr.add(pred, gold)
        dec_pr.add(
            {c.symbol for c in cits if c.kind == "decision"}, set(rec.get("decisions") or [])
        )
        other_pr.add(
            {other_key(c.symbol) for c in cits if c.kind == "other"},
            {other_key(x) for x in rec.get("other") or []},
        )
        mentions = sum(1 for c in cits if c.kind == "resolution" and c.symbol not in own)
        docs.append(
            {
                "file": rec["file"],
                "missed": sorted(gold - pred),
                "extra": sorted(pred - gold),
                "mentions": mentions,
                "gold_mentions": rec.get("resolution_mentions"),
            }
        )
    return {
        "documents": len(docs),
        "resolutions": pr.as_dict(),
        "decisions": dec_pr.as_dict(),
        "other": other_pr.as_dict(),
        "per_document": docs,
    }


def _print_devset(r: dict[str, Any]) -> None:
    print(f"UNPC devset citations ({r['lines']} lines), set of symbols per line")
    print(f"{'lang':<5} {'P':>7} {'R':>7} {'tp':>5} {'fp':>4} {'fn':>4}   other P/R")
    for lang, d in r["languages"].items():
        o = r["other"][lang]
        print(
            f"{lang:<5} {d['precision']:>7.4f} {d['recall']:>7.4f} {d['tp']:>5} {d['fp']:>4}"
            f" {d['fn']:>4}   {o['precision']:.2f}/{o['recall']:.2f}"
        )
    o = r["overall"]
    print(
        f"{'all':<5} {o['precision']:>7.4f} {o['recall']:>7.4f} {o['tp']:>5} {o['fp']:>4} {o['fn']:>4}"
    )
    print("per body (P/R, tp):")
    for lang, bodies in r["bodies"].items():
        cells = [
            f"{b} {d['precision']:.3f}/{d['recall']:.3f} ({d['tp']})" for b, d in bodies.items()
        ]
        print(f"  {lang}: " + "; ".join(cells))
    a = r["agreement"]
    print(
        f"cross-language agreement: {a['all_six_agree']}/{a['lines_with_citations']} lines with"
        f" citations = {a['fraction']:.4f} (all lines: {a['fraction_all_lines']:.4f})"
    )
    for lang, errs in r["errors"].items():
        for e in errs:
            print(f"  {lang} line {e['line']}: missed {e['missed']} extra {e['extra']}")


def _print_documents(r: dict[str, Any]) -> None:
    d = r["resolutions"]
    print(f"documents_dev: {r['documents']} documents, set of cited resolutions per document")
    print(
        f"resolutions P {d['precision']:.4f} R {d['recall']:.4f} (tp {d['tp']}, fp {d['fp']},"
        f" fn {d['fn']})"
    )
    for key in ("decisions", "other"):
        x = r[key]
        print(
            f"{key}: P {x['precision']:.3f} R {x['recall']:.3f} (tp {x['tp']}, fp {x['fp']}, fn {x['fn']})"
        )
    for doc in r["per_document"]:
        if doc.get("error"):
            print(f"  {doc['file']}: {doc['error']}")
        elif doc["missed"] or doc["extra"]:
            print(f"  {doc['file']}: missed {doc['missed']} extra {doc['extra']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bot.eval.citations", description=__doc__)
    ap.add_argument("--gold", help="unpc_devset_citations.jsonl")
    ap.add_argument("--parallel", help="prefix of <prefix>.{ar,en,es,fr,ru,zh}, or the directory")
    ap.add_argument("--documents", help="documents_dev.jsonl")
    ap.add_argument("--root", default=None, help="the shared/ directory (documents' base)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    out: dict[str, Any] = {}
    if args.gold and args.parallel:
        out["devset"] = eval_devset(args.gold, args.parallel)
    if args.documents:
        root = args.root or str(Path(args.documents).resolve().parent.parent)
        out["documents"] = eval_documents(args.documents, root)
    if not out:
        ap.print_usage(sys.stderr)
        return 2
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        if "devset" in out:
            _print_devset(out["devset"])
        if "documents" in out:
            _print_documents(out["documents"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
