"""Score plain-language mentions on mentions_dev.jsonl: the right answer about the right document.

python -m bot eval mentions [--gold PATH] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import Any

from bot.console import Console
from bot.eval.common import DEFAULT_SHARED, corpus_library, read_jsonl
from bot.render import to_json


async def evaluate(gold_path: Path) -> dict[str, Any]:
    rows = []
    async with corpus_library() as lib:
        for m in read_jsonl(gold_path):
            console = Console(lib)  # fresh context: each mention stands alone
            out = to_json(await console.ask(m["message"]))
            blob = json.dumps(out, ensure_ascii=False)
            missing = [s for s in m["must_contain"] if s not in blob]
            ok = out["intent"] == m["intent"] and not missing and not out["error"]
            rows.append(
                {
                    "id": m["id"],
                    "ok": ok,
                    "intent": out["intent"],
                    "want": m["intent"],
                    "missing": missing,
                    "error": out["error"],
                }
            )
    return {
        "mentions": len(rows),
        "accuracy": round(sum(r["ok"] for r in rows) / len(rows), 3),
        "failures": [r for r in rows if not r["ok"]],
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bot eval mentions")
    p.add_argument("--gold", default=str(DEFAULT_SHARED / "eval" / "mentions_dev.jsonl"))
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    result = asyncio.run(evaluate(Path(args.gold)))
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(f"mentions: {result['accuracy']:.3f} right ({result['mentions']} messages)")
        for f in result["failures"]:
            print(
                f"  #{f['id']}: intent {f['intent']} (want {f['want']}), missing {f['missing']},"
                f" error {f['error']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
