"""Command line: `python -m bot [console|ask|load|extract|discord]`.

With no sub-command: Discord when DISCORD_TOKEN is set, else the terminal chat on data/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bot.core.errors import RapporteurError, StoreError
from bot.settings import Settings

log = logging.getLogger("bot")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    _common_options(p, None)
    # The same options after the sub-command (`ask --db x.db …`); SUPPRESS keeps a value given
    # before it from being reset by the sub-command's default.
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command")
    sub.add_parser("console", help="chat in the terminal", parents=[common])
    sub.add_parser("discord", help="run the Discord bot (needs DISCORD_TOKEN)", parents=[common])
    ask = sub.add_parser(
        "ask", help="answer messages as if typed in the chat, then exit", parents=[common]
    )
    ask.add_argument("--json", action="store_true", help="one JSON object per message")
    ask.add_argument("--as-mod", action="store_true", help="with the moderator right")
    ask.add_argument("--guild", type=_guild_id, help="ask as in this Discord server (its id)")
    ask.add_argument(
        "messages", nargs="+", help="messages; `-` reads one message a line from stdin"
    )
    load = sub.add_parser(
        "load", help="load files or folders into the local library", parents=[common]
    )
    load.add_argument("--guild", type=_guild_id, help="load as a moderator of this server (id)")
    load.add_argument("paths", nargs="+")
    ex = sub.add_parser(
        "extract", help="print what the parser reads from files, as JSON Lines", parents=[common]
    )
    ex.add_argument("--lines", action="store_true", help="one object per input line: citations")
    ex.add_argument("--lang", help="language of the text (en, fr, es, ru, ar, zh)")
    ex.add_argument("files", nargs="+")
    ev = sub.add_parser(
        "eval",
        help="score against gold labels (documents, citations, find, mentions)",
        parents=[common],
    )
    ev.add_argument("what", choices=["documents", "citations", "find", "mentions", "dialogues"])
    ev.add_argument("rest", nargs=argparse.REMAINDER)
    mig = sub.add_parser(
        "migrate", help="copy the SQLite library into PostgreSQL", parents=[common]
    )
    mig.add_argument("--to", required=True, help="postgresql://... (an empty database)")
    mig.add_argument("--from", dest="source", help="SQLite file (default: --db / RAPPORTEUR_DB)")
    return p


def _common_options(p: argparse.ArgumentParser, default: object) -> None:
    """--db, --shards, -v and --pager: accepted before the sub-command and after it."""
    p.add_argument(
        "--db",
        default=default,
        help="database file (default: RAPPORTEUR_DB or the user data dir)",
    )
    p.add_argument(
        "--shards",
        default=default,
        help="Discord shards this process runs, e.g. 0-3/8 (default: RAPPORTEUR_SHARDS, or all)",
    )
    verbose_default = False if default is None else default
    p.add_argument("-v", "--verbose", action="store_true", default=verbose_default)
    p.add_argument(
        "--pager",
        action=argparse.BooleanOptionalAction,
        default=default,
        help="page long answers (default: on a terminal, when taller than it)",
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    return _guarded(_command, args)


def _command(args: argparse.Namespace) -> int:
    settings = Settings.from_env(args.db, args.shards)
    command = args.command or ("discord" if settings.token else "console")
    if command == "console":
        from bot.console import run_repl

        return asyncio.run(run_repl(settings, args.pager))
    if command == "discord":
        problem = settings.shards_problem() or settings.token_problem()
        if problem:
            return _fail(problem, args.verbose, 2)
        return _discord(settings, args.verbose)
    if command == "ask":
        from bot.console import run_ask

        messages = args.messages
        if messages == ["-"]:
            messages = [line.rstrip("\n") for line in sys.stdin]
        return asyncio.run(
            run_ask(
                settings,
                messages,
                args.json,
                args.as_mod,
                scope=_scope(args.guild),
                pager=args.pager,
            )
        )
    if command == "load":
        return asyncio.run(_load(settings, args.paths, _scope(args.guild)))
    if command == "extract":
        return _extract(args.files, args.lines, args.lang)
    if command == "eval":
        return _eval(args.what, args.rest)
    if command == "migrate":
        return _migrate(settings, args.source, args.to)
    return 1


def _migrate(settings: Settings, source: str | None, to: str) -> int:
    """`migrate --to URL`: the SQLite library copied into PostgreSQL, row for row."""
    from bot.core.dbfile import is_server_url

    if not is_server_url(to):
        return _fail(f"--to must be a postgresql:// URL, not {to!r}", False, 2)
    from bot.core.pg.copy import copy_library

    path = Path(source).expanduser() if source else settings.db_path
    counts = asyncio.run(copy_library(path, to))
    print(", ".join(f"{n} {table}" for table, n in counts.items()))
    return 0


def _guild_id(text: str) -> int:
    """A Discord server id (a snowflake: a positive whole number)."""
    if not text.isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a server id (a positive number)")
    return int(text)


def _scope(guild: int | None) -> str:
    """The scope `--guild` acts in (that server's own uploads), else the terminal's."""
    from bot.core.library import guild_scope

    return guild_scope(guild) if guild is not None else "local"


async def _load(settings: Settings, paths: list[str], scope: str = "local") -> int:
    from bot.console import prepare_library
    from bot.core.library import Actor
    from bot.render import render_load
    from bot.terminal import TerminalProgress

    library = await prepare_library(settings)
    try:
        async with TerminalProgress() as bar:
            report = await library.load_paths(
                paths, scope, Actor("cli", moderator=True), progress=bar
            )
    finally:
        await library.close()
    print(render_load(report))
    if report.failed:  # a script must see that not everything it asked for is in
        names = ", ".join(name for name, _ in report.failed[:5])
        more = f" and {len(report.failed) - 5} more" if len(report.failed) > 5 else ""
        total = len(report.failed) + len(report.loaded) + report.unchanged
        return _fail(f"{len(report.failed)} of {total} files failed to load: {names}{more}", False)
    return 0


def _guarded(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command: a failure is one line on stderr and an exit code; the traceback only
    with -v (a supervisor restarts on the code, a person reads the line)."""
    try:
        code = run(args)
        sys.stdout.flush()  # a closed pipe shows here, while it can still be handled
        return code
    except BrokenPipeError:  # `… | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 128 + getattr(signal, "SIGPIPE", 13)  # as if killed by SIGPIPE, like `yes | head`
    except KeyboardInterrupt:
        return 130
    except StoreError as e:
        return _fail(e.operator, args.verbose)
    except RapporteurError as e:
        return _fail(str(e), args.verbose)
    except Exception as e:
        log.debug("unexpected error", exc_info=True)
        return _fail(
            f"unexpected error ({type(e).__name__}: {e}); run with -v for the traceback",
            args.verbose,
        )


def _fail(message: str, verbose: bool, code: int = 1) -> int:
    if verbose and sys.exc_info()[0] is not None:
        traceback.print_exc()
    print(f"rapporteur: {message}", file=sys.stderr, flush=True)
    return code


def _discord(settings: Settings, verbose: bool) -> int:
    """The Discord bot, holding the database's claim; no traceback when Discord is out of reach."""
    import aiohttp

    from bot.console import claim_database
    from bot.discord.client import run_discord

    claim = None if settings.db_url else claim_database(settings.db_path)
    # The bot has no voice: discord.py's warnings that voice libraries are missing are noise.
    logging.getLogger("discord.client").addFilter(
        lambda record: "voice will NOT be supported" not in record.getMessage()
    )
    try:
        return run_discord(settings)
    except (aiohttp.ClientError, TimeoutError) as e:
        return _fail(f"cannot reach Discord ({e}); check the network and try again", verbose)
    finally:
        if claim is not None:
            claim.close()


def _exit(code: int) -> None:
    """Exit with `code` even if a thread was left running (a database connection's thread is
    not a daemon: the process would hang on it and a supervisor never restart the bot)."""
    answer = sys.modules.get("bot.answer")
    if answer is not None:  # imported only when something was asked
        answer.stop_parser()
    deadline = time.monotonic() + 5  # a closed connection's thread ends a moment later
    for t in threading.enumerate():
        if t is not threading.main_thread() and not t.daemon:
            t.join(timeout=max(0.0, deadline - time.monotonic()))
    stray = [t for t in threading.enumerate() if t.is_alive() and not t.daemon]
    stray = [t for t in stray if t is not threading.main_thread()]
    if stray:
        print(
            f"rapporteur: (internal) {len(stray)} threads left running at exit "
            f"({', '.join(t.name for t in stray[:3])}); exiting anyway",
            file=sys.stderr,
        )
        logging.shutdown()
        sys.stdout.flush()
        os._exit(code)
    sys.exit(code)


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
    _exit(main())
