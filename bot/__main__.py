"""Command line: `python -m bot [console|ask|load|extract|discord]`.

With no sub-command: Discord when DISCORD_TOKEN is set, else the terminal chat on data/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path

from bot.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    p.add_argument("--db", help="database file (default: RAPPORTEUR_DB or the user data dir)")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command")
    sub.add_parser("console", help="chat in the terminal")
    sub.add_parser("discord", help="run the Discord bot (needs DISCORD_TOKEN)")
    ask = sub.add_parser("ask", help="answer messages as if typed in the chat, then exit")
    ask.add_argument("--json", action="store_true", help="one JSON object per message")
    ask.add_argument("--as-mod", action="store_true", help="with the moderator right")
    ask.add_argument(
        "messages", nargs="+", help="messages; `-` reads one message a line from stdin"
    )
    load = sub.add_parser("load", help="load files or folders into the local library")
    load.add_argument("paths", nargs="+")
    ex = sub.add_parser("extract", help="print what the parser reads from files, as JSON Lines")
    ex.add_argument("--lines", action="store_true", help="one object per input line: citations")
    ex.add_argument("--lang", help="language of the text (en, fr, es, ru, ar, zh)")
    ex.add_argument("files", nargs="+")
    ev = sub.add_parser(
        "eval", help="score against gold labels (documents, citations, find, mentions)"
    )
    ev.add_argument("what", choices=["documents", "citations", "find", "mentions", "dialogues"])
    ev.add_argument("rest", nargs=argparse.REMAINDER)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    settings = Settings.from_env(args.db)
    command = args.command or ("discord" if settings.token else "console")
    if command == "console":
        from bot.console import run_repl

        return asyncio.run(run_repl(settings))
    if command == "discord":
        if not settings.token:
            print("DISCORD_TOKEN is not set: see README, 'Running on Discord'", file=sys.stderr)
            return 2
        from bot.discord_bot import run_discord

        return run_discord(settings)
    if command == "ask":
        from bot.console import run_ask

        messages = args.messages
        if messages == ["-"]:
            messages = [line.rstrip("\n") for line in sys.stdin]
        return asyncio.run(run_ask(settings, messages, args.json, args.as_mod))
    if command == "load":
        return asyncio.run(_load(settings, args.paths))
    if command == "extract":
        return _extract(args.files, args.lines, args.lang)
    if command == "eval":
        return _eval(args.what, args.rest)
    return 1


async def _load(settings: Settings, paths: list[str]) -> int:
    from bot.console import prepare_library
    from bot.core.library import Actor
    from bot.render import render_load

    library = await prepare_library(settings)
    try:
        report = await library.load_paths(
            paths, "local", Actor("cli", moderator=True), progress=_progress_bar()
        )
    finally:
        await library.close()
    print(render_load(report))
    return 1 if report.failed and not report.loaded else 0


def _progress_bar():  # type: ignore[no-untyped-def]
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, name: str) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:40}"
        )
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _extract(files: list[str], lines: bool, lang: str | None) -> int:
    from bot.core.citations import extract_citations
    from bot.core.parse import parse_document
    from bot.core.readers import UnreadableDocument, read_path

    status = 0
    for name in files:
        try:
            text = read_path(name).text
        except (UnreadableDocument, OSError) as e:
            print(json.dumps({"file": name, "error": str(e)}), flush=True)
            status = 1
            continue
        if lines:
            for n, line in enumerate(text.split("\n"), 1):
                cites = extract_citations(line, lang)
                out = {
                    "line": n,
                    "resolutions": _distinct(c.symbol for c in cites if c.kind == "resolution"),
                    "decisions": _distinct(c.symbol for c in cites if c.kind == "decision"),
                    "other": _distinct(c.symbol for c in cites if c.kind == "other"),
                    "year_inferred": _distinct(c.symbol for c in cites if c.year_inferred),
                }
                print(json.dumps(out, ensure_ascii=False))
        else:
            record = parse_document(text, filename=Path(name).name, lang=lang)
            print(json.dumps(record.to_eval_record(name), ensure_ascii=False))
    return status


def _distinct(items) -> list[str]:  # type: ignore[no-untyped-def]
    return list(dict.fromkeys(items))


def _eval(what: str, rest: list[str]) -> int:
    if what == "documents":
        from bot.eval.documents import main as run
    elif what == "citations":
        from bot.eval.citations import main as run
    elif what == "find":
        from bot.eval.find import main as run
    elif what == "dialogues":
        from bot.eval.dialogues import main as run
    else:
        from bot.eval.mentions import main as run
    return run(rest)


if __name__ == "__main__":
    sys.exit(main())
