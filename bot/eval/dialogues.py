"""Score multi-turn conversations on dialogues_dev.jsonl, as DIALOGUES.md describes.

python -m bot eval dialogues [--gold PATH] [--json] [--show]

Each dialogue gets a fresh Console (one channel's memory) over one library loaded once, which is
what `ask --json` with all the turns in one process does, without a process per dialogue.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

from bot.console import Console
from bot.eval.common import DEFAULT_SHARED, corpus_library, read_jsonl
from bot.render import to_json

_WS = re.compile(r"\s+")
SYNONYMS = {
    "summary": {"summary", "summarize"},
    "resolutions": {"resolutions", "citations"},
    "cites": {"cites", "cited_by"},
    "docs": {"docs", "list"},
    "clarify": {"clarify", "ambiguous"},
}


def squash(v: Any) -> Any:
    if isinstance(v, str):
        return _WS.sub("", unicodedata.normalize("NFC", v))
    if isinstance(v, list):
        return [squash(x) for x in v]
    if isinstance(v, dict):
        return {squash(k): squash(x) for k, x in v.items()}
    return v


def found(text: str, s: str) -> bool:
    n = json.dumps(squash(s), ensure_ascii=False)[1:-1].casefold()
    p = (r"(?<!\d)" if n[:1].isdigit() else "") + re.escape(n)
    p += r"(?!\d)" if n[-1:].isdigit() else ""
    return re.search(p, text) is not None


def intent_ok(want: str, r: dict[str, Any]) -> bool:
    got = str(r.get("intent") or "").casefold()
    result = r.get("result")
    res: dict[str, Any] = result if isinstance(result, dict) else {}
    hits = any(h.get(k) for h in (r, res) for k in ("hits", "items", "results"))
    return (
        got in SYNONYMS.get(want, {want})
        or (want == "clarify" and r.get("error_kind") == "ambiguous")
        or (want == "decline" and got == "unknown" and not hits)
    )


def turn_ok(turn: dict[str, Any], reply: dict[str, Any]) -> bool:
    text = _WS.sub("", json.dumps(squash(reply), ensure_ascii=False)).casefold()
    return (
        bool(reply)
        and intent_ok(turn["intent"], reply)
        and all(found(text, s) for s in turn["must_contain"])
        and (not turn["any_of"] or any(found(text, s) for s in turn["any_of"]))
        and not any(found(text, s) for s in turn["must_not_contain"])
    )


async def evaluate(gold_path: Path) -> dict[str, Any]:
    rows = []
    async with corpus_library() as lib:
        for d in read_jsonl(gold_path):
            console = Console(lib)
            for k, t in enumerate(d["turns"]):
                reply = to_json(await console.ask(t["message"]))
                rows.append(
                    {
                        "id": f"{d['id']}.{k + 1}",
                        "dialogue": d["id"],
                        "lang": d["lang"],
                        "want": t["intent"],
                        "got": reply.get("intent"),
                        "ok": turn_ok(t, reply),
                        "message": t["message"],
                        "error": reply.get("error"),
                    }
                )
    return _figures(rows)


def _figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    dialogues: dict[str, bool] = {}
    for r in rows:
        dialogues[r["dialogue"]] = dialogues.get(r["dialogue"], True) and r["ok"]
    by_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for r in rows:
        by_lang[r["lang"]][0] += r["ok"]
        by_lang[r["lang"]][1] += 1
    lang_of = {r["dialogue"]: r["lang"] for r in rows}
    for did, ok in dialogues.items():
        by_lang[lang_of[did]][2] += ok
        by_lang[lang_of[did]][3] += 1
    by_intent: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        by_intent[r["want"]][0] += r["ok"]
        by_intent[r["want"]][1] += 1
    return {
        "turns": [sum(r["ok"] for r in rows), len(rows)],
        "dialogues": [sum(dialogues.values()), len(dialogues)],
        "by_lang": dict(by_lang),
        "by_intent": dict(by_intent),
        "failures": [r for r in rows if not r["ok"]],
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bot eval dialogues")
    p.add_argument("--gold", default=str(DEFAULT_SHARED / "eval" / "dialogues_dev.jsonl"))
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    res = asyncio.run(evaluate(Path(args.gold)))
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
        return 0
    (t, tn), (d, dn) = res["turns"], res["dialogues"]
    print(f"turns right {t}/{tn} ({t / tn:.3f}); dialogues right {d}/{dn} ({d / dn:.3f})")
    print("lang  turns      dialogues")
    for lang, (a, b, c, e) in sorted(res["by_lang"].items()):
        print(f"{lang:4}  {a:>3}/{b:<3}    {c:>3}/{e:<3}")
    print("intent       turns")
    for intent, (a, b) in sorted(res["by_intent"].items()):
        print(f"{intent:12} {a:>3}/{b:<3}")
    for f in res["failures"]:
        print(f"  {f['id']} want {f['want']} got {f['got']}: {f['message'][:70]!r} {f['error']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
