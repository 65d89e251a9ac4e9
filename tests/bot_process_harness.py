"""One bot process for tests/test_pg_processes.py: the real bot over a PostgreSQL URL, driven
through dpytest, commands in on stdin and replies out on stdout, one JSON line each.

    python tests/bot_process_harness.py URL [--hold-after-insert]

In: {"as": "moderator"|"member", "text": "!find ...", "files": [paths]}, or {"load": [paths]}: a
moderator's bulk load into the guild through the library (`!load PATH` in the terminal chat). Out: {"ready": true}
once the bot is up, then per command {"replies": [text of each message the bot sent],
"error": "..."?}. Every process makes the same guild (GUILD_ID) and channel (CHANNEL_ID), so
two processes are two bot processes serving one server.

--hold-after-insert: the first time the store writes a batch of documents (inside a load's
transaction), print {"event": "inserted", "documents": n} and stop that writer thread for good:
the load is then surely in flight, uncommitted, when the test kills this process.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
for p in (HERE, HERE.parent):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import discord.ext.test as dpytest  # noqa: E402
from discord.ext import commands  # noqa: E402
from discord.ext.test import backend as back  # noqa: E402
from discord_fakes import (  # noqa: E402
    configure_dpytest,
    make_settings,
    message_with_files,
    stop_views,
)
from test_discord_dpytest import all_sent, everything  # noqa: E402

import bot.core.pg.write as pg_write  # noqa: E402
from bot.core.library import Actor, Library, guild_scope  # noqa: E402
from bot.discord.client import create_bot  # noqa: E402

GUILD_ID = 880_000_000_000_000_001
CHANNEL_ID = 880_000_000_000_000_002


def emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def hold_after_first_insert() -> None:
    real = pg_write.insert_many
    held = threading.Event()

    def insert_many(*args: Any) -> list[int]:
        ids = real(*args)
        if not held.is_set():
            held.set()
            emit({"event": "inserted", "documents": len(ids)})
            threading.Event().wait()  # never set: the transaction stays open until killed
        return ids

    pg_write.insert_many = insert_many


def fixed_ids() -> tuple[Any, Any]:
    """dpytest's guild and channel, made with our ids rather than from the clock."""
    guild, channel = back.make_guild, back.make_text_channel
    back.make_guild = lambda name, **kw: guild(name, **{**kw, "id_num": GUILD_ID})
    back.make_text_channel = lambda name, g, **kw: channel(name, g, **{**kw, "id_num": CHANNEL_ID})
    return guild, channel


async def bulk_load(library: Library, paths: list[str]) -> str:
    actor = Actor("moderator", moderator=True)
    report = await library.load_paths(paths, guild_scope(GUILD_ID), actor)
    return (
        f"{len(report.loaded)} loaded, {len(report.already)} already, {len(report.failed)} failed"
    )


async def serve(url: str) -> None:
    library = Library(url)
    await library.open()
    with tempfile.TemporaryDirectory(prefix="bot-proc-") as tmp:
        bot = create_bot(make_settings(Path(tmp), db_url=url), library, sharded=False)
        real = fixed_ids()
        try:
            await configure_dpytest(bot, members=["moderator", "member"])
        finally:
            back.make_guild, back.make_text_channel = real
        await bot.setup_hook()
        # The tests send more than a member's cooldown allows; cooldowns have their own test.
        for command in bot.walk_commands():
            command._buckets = commands.CooldownMapping(None, commands.BucketType.user)
        config = dpytest.get_config()
        guild, channel = config.guilds[0], config.channels[0]
        assert guild.id == GUILD_ID and channel.id == CHANNEL_ID
        await dpytest.add_role(config.members[0], back.make_role("Moderator", guild))
        members = {"moderator": config.members[0], "member": config.members[1]}
        emit({"ready": True, "guild": guild.id})
        loop = asyncio.get_running_loop()
        while line := await loop.run_in_executor(None, sys.stdin.readline):
            cmd = json.loads(line)
            out: dict[str, Any] = {}
            try:
                if "load" in cmd:  # a bulk load (more files than one Discord message takes)
                    out["replies"] = [await bulk_load(library, cmd["load"])]
                    emit(out)
                    continue
                member = members[cmd.get("as", "member")]
                paths = [Path(p) for p in cmd.get("files", [])]
                await message_with_files(cmd["text"], member, channel, paths)
            except Exception as e:  # a command error the bot answered (e.g. not a moderator)
                out["error"] = f"{type(e).__name__}: {e}"
            out["replies"] = [everything(m) for m in all_sent()]
            emit(out)
        stop_views(bot)
        await library.close()


def main() -> None:
    if "--hold-after-insert" in sys.argv:
        hold_after_first_insert()
    asyncio.run(serve(sys.argv[1]))


if __name__ == "__main__":
    main()
