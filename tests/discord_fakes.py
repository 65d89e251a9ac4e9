"""Test helpers for the Discord front end: a shared library, spec'd mocks, dpytest glue.

Spec'd mocks follow python-discord's tests/helpers.py: they pass `isinstance` and only allow
attributes the real classes have. dpytest 0.7 needs two small workarounds with discord.py 2.x
(see `configure_dpytest`).
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, MagicMock, Mock

import discord
import discord.ext.test as dpytest
import pytest
import pytest_asyncio
from discord.ext import commands
from discord.ext.test import backend as back
from discord.ext.test import factories as facts
from discord.ext.test import runner

from bot.core.library import Library
from bot.discord.client import Rapporteur, create_bot
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
OWNER_ID = 4242

_library: Library | None = None
_users = 0


@pytest_asyncio.fixture(scope="session", name="library")
async def library_fixture(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Library]:
    """One library for the whole session, loaded from data/ into a temporary database.

    Each test module imports this fixture, so pytest sets it up once per module: the library
    itself is shared (loading data/ takes a few seconds) and closed after its last user,
    since an open aiosqlite connection would keep the process alive.
    """
    global _library, _users
    if _library is None:
        lib = Library(tmp_path_factory.mktemp("discord-lib") / "discord-tests.db")
        await lib.open()
        report = await lib.load_directory(DATA)
        assert report.loaded, f"nothing loaded from {DATA}: {report.failed[:3]}"
        _library = lib
    _users += 1
    try:
        yield _library
    finally:
        _users -= 1
        if _users == 0:
            await _library.close()
            _library = None


def make_settings(tmp: Path, **kw: Any) -> Settings:
    return Settings(
        token=None,
        db_path=tmp / "rapporteur.db",
        data_dir=DATA,
        prefix="!",
        owner_ids=frozenset({OWNER_ID}),
        **kw,
    )


async def ready_bot(tmp: Path, library: Library) -> Rapporteur:
    """A bot with its cogs loaded and no connection (for spec'd-mock tests)."""
    bot = create_bot(make_settings(tmp), library)
    await bot.setup_hook()
    return bot


# ---- spec'd mocks ----------------------------------------------------------------------------

_ids = itertools.count(10_000)


def make_message(message_id: int | None = None) -> MagicMock:
    msg = MagicMock(spec=discord.Message)
    msg.id = message_id or next(_ids)
    msg.edit = AsyncMock()
    msg.delete = AsyncMock()
    return msg


def make_guild(guild_id: int = 777) -> MagicMock:
    guild = MagicMock(spec=discord.Guild)
    guild.id = guild_id
    guild.get_role = Mock(return_value=None)
    return guild


def make_member(
    user_id: int = 1,
    *,
    manage_guild: bool = False,
    roles: tuple[str, ...] = (),
    guild: MagicMock | None = None,
) -> MagicMock:
    member = MagicMock(spec=discord.Member)
    member.id = user_id
    member.bot = False
    member.guild_permissions = discord.Permissions(manage_guild=manage_guild)
    fake_roles = []
    for name in roles:
        role = MagicMock(spec=discord.Role)
        role.name = name
        fake_roles.append(role)
    member.roles = fake_roles
    member.guild = guild
    return member


def make_interaction(
    user: MagicMock | None = None,
    guild: MagicMock | None = None,
    locale: discord.Locale = discord.Locale.american_english,
) -> MagicMock:
    inter = MagicMock(spec=discord.Interaction)
    inter.user = user or make_member()
    inter.guild = guild
    inter.locale = locale
    inter.response = MagicMock(spec=discord.InteractionResponse)
    inter.response.is_done = Mock(return_value=False)
    inter.response.send_message = AsyncMock()
    inter.response.edit_message = AsyncMock()
    inter.response.defer = AsyncMock()
    inter.delete_original_response = AsyncMock()
    inter.followup = MagicMock(spec=discord.Webhook)
    inter.followup.send = AsyncMock()
    return inter


def make_context(
    bot: Rapporteur,
    *,
    slash: bool = True,
    author: MagicMock | None = None,
    guild: MagicMock | bool | None = True,
    embed_links: bool = True,
    locale: discord.Locale = discord.Locale.american_english,
) -> MagicMock:
    """A spec'd commands.Context whose send/defer/typing are recorded."""
    ctx = MagicMock(spec=commands.Context)
    ctx.bot = bot
    ctx.guild = make_guild() if guild is True else (guild or None)
    ctx.author = author or make_member(guild=ctx.guild)
    ctx.channel = MagicMock(spec=discord.TextChannel)
    ctx.channel.id = 555
    ctx.message = make_message()
    ctx.message.attachments = []
    ctx.message.reference = None
    ctx.interaction = make_interaction(ctx.author, ctx.guild, locale) if slash else None
    ctx.bot_permissions = discord.Permissions(
        send_messages=True, embed_links=embed_links, attach_files=True
    )
    ctx.send = AsyncMock(side_effect=lambda *a, **k: make_message())
    ctx.defer = AsyncMock()
    ctx.typing = MagicMock()  # MagicMock supports `async with`
    return ctx


def make_attachment(
    path: Path | None = None,
    *,
    filename: str | None = None,
    data: bytes | None = None,
    size: int | None = None,
) -> MagicMock:
    att = MagicMock(spec=discord.Attachment)
    body = data if data is not None else (path.read_bytes() if path else b"")
    att.filename = filename or (path.name if path else "file.txt")
    att.size = size if size is not None else len(body)
    att.read = AsyncMock(return_value=body)
    return att


def sent(ctx: MagicMock) -> list[dict[str, Any]]:
    """Every ctx.send call as one dict of its arguments (content first if positional)."""
    out = []
    for call in ctx.send.call_args_list:
        kw = dict(call.kwargs)
        if call.args:
            kw["content"] = call.args[0]
        out.append(kw)
    return out


# ---- dpytest ---------------------------------------------------------------------------------


async def configure_dpytest(bot: Rapporteur, members: list[str], guilds: int = 1) -> None:
    """dpytest.configure plus the two workarounds it needs with discord.py 2.x.

    1. dpytest creates its members through the member cache, so the test bot needs the
       members intent in its cache flags (the real bot does not ask for it).
    2. discord.py 2 sets the connection's loop in `_async_setup_hook`; dpytest's FakeState
       replaces the connection and leaves `loop` missing, which breaks `ctx.typing()`.
    """
    await bot._async_setup_hook()
    bot._connection._intents.members = True
    bot._connection.member_cache_flags = discord.MemberCacheFlags.from_intents(
        bot._connection._intents
    )
    dpytest.configure(bot, guilds=guilds, members=members)
    bot._connection.loop = asyncio.get_running_loop()


async def _settle() -> None:
    await dpytest.run_all_events()
    if not runner.error_queue.empty():
        _, error = await runner.error_queue.get()
        raise error


async def message_with_files(
    content: str, member: discord.Member, channel: discord.TextChannel, paths: list[Path]
) -> discord.Message:
    """A user's message with real files attached (dpytest's own gives them size 0)."""
    attachments = [back.make_attachment(p.resolve()) for p in paths]
    msg = back.make_message(content, member, channel, attachments=attachments)
    await _settle()
    return msg


async def reply_to(
    content: str, member: discord.Member, channel: discord.TextChannel, referenced: discord.Message
) -> None:
    """A user's message replying to `referenced` (dpytest has no replies of its own)."""
    data = facts.make_message_dict(
        channel,
        member,
        content=content,
        mentions=back.find_user_mentions(content, channel.guild),
        guild_id=channel.guild.id,
    )
    data["message_reference"] = {
        "message_id": referenced.id,
        "channel_id": channel.id,
        "guild_id": channel.guild.id,
    }
    data["referenced_message"] = facts.dict_from_message(referenced)
    data["type"] = 19  # a reply
    back.get_state().parse_message_create(data)
    await _settle()


def stop_views(bot: Rapporteur) -> None:
    """Stop the answers' button timers so no task outlives the test."""
    store = bot._connection._view_store
    for view in list(getattr(store, "_synced_message_views", {}).values()):
        view.stop()
