"""Slash commands, autocomplete, buttons and errors, driven by spec'd mocks (no dpytest)."""

from __future__ import annotations

import logging
from pathlib import Path
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
import pytest_asyncio
from discord import app_commands
from discord.ext import commands
from discord_fakes import (
    DATA,
    library_fixture,  # noqa: F401  (the shared `library` fixture)
    make_attachment,
    make_context,
    make_guild,
    make_interaction,
    make_member,
    make_message,
    make_settings,
    ready_bot,
    sent,
)

import bot.console
import bot.discord.client as discord_bot
import bot.discord.context as discord_context
import bot.discord.moderators as moderators
from bot.core.library import Actor, Library, guild_scope
from bot.discord.client import APOLOGY, Rapporteur, create_bot, user_error_message
from bot.discord.context import asker_for
from bot.discord.pages import Page
from bot.discord.views import AnswerView


@pytest_asyncio.fixture
async def rbot(library: Library, tmp_path: Path) -> Rapporteur:
    return await ready_bot(tmp_path, library)


# ---- the bot itself --------------------------------------------------------------------------


def test_create_bot_is_configured_and_offline(tmp_path: Path) -> None:
    b = create_bot(make_settings(tmp_path))
    assert b.user is None and not b.is_ready()
    assert b.intents.message_content and b.intents.guilds and b.intents.guild_messages
    assert not b.intents.members and not b.intents.presences
    am = b.allowed_mentions
    assert am is not None
    assert (am.everyone, am.roles, am.users, am.replied_user) == (False, False, False, True)
    assert b.help_command is None
    assert b.owner_ids == {4242}


async def test_setup_hook_opens_the_library_and_survives_a_broken_cog(
    library: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    opened = AsyncMock(return_value=library)
    monkeypatch.setattr(bot.console, "prepare_library", opened)
    monkeypatch.setattr(discord_bot, "EXTENSIONS", (*discord_bot.EXTENSIONS, "cogs.no_such_cog"))
    b = create_bot(make_settings(tmp_path))
    with caplog.at_level(logging.ERROR):
        await b.setup_hook()
    opened.assert_awaited_once()
    assert b.library is library
    assert list(b.failed_extensions) == ["cogs.no_such_cog"]
    assert "cogs.no_such_cog" in caplog.text
    assert b.get_command("summary") is not None


async def test_no_slash_sync_on_start(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    b = create_bot(make_settings(tmp_path), library)
    sync = AsyncMock()
    monkeypatch.setattr(b.tree, "sync", sync)
    await b.setup_hook()
    sync.assert_not_awaited()


async def test_sync_is_owner_only(rbot: Rapporteur, monkeypatch: pytest.MonkeyPatch) -> None:
    sync = AsyncMock(return_value=[object()] * 9)
    monkeypatch.setattr(rbot.tree, "sync", sync)
    admin = rbot.get_cog("Admin")
    ctx = make_context(rbot, slash=False, author=make_member(1))
    with pytest.raises(commands.NotOwner):
        await admin.cog_check(ctx)
    ctx = make_context(rbot, slash=False, author=make_member(4242))
    assert await admin.cog_check(ctx)
    await admin.sync.callback(admin, ctx, "guild")
    assert sync.await_args.kwargs["guild"].id == 777
    assert "Synced 9" in sent(ctx)[0]["content"]


async def test_a_failed_sync_tells_the_owner_why(
    rbot: Rapporteur, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Discord's refusal (no applications.commands scope) reaches the owner, not an apology."""
    response = MagicMock(status=403, reason="Forbidden")
    refused = discord.Forbidden(response, {"code": 50001, "message": "Missing Access"})
    monkeypatch.setattr(rbot.tree, "sync", AsyncMock(side_effect=refused))
    admin = rbot.get_cog("Admin")
    ctx = make_context(rbot, slash=False, author=make_member(4242))
    await admin.sync.callback(admin, ctx, "guild")
    said = sent(ctx)[0]["content"]
    assert "failed" in said and "Missing Access" in said and "applications.commands" in said
    assert APOLOGY not in said
    # Any other error from Discord: its status and text, too.
    broken = discord.HTTPException(MagicMock(status=500, reason="x"), "Internal Server Error")
    monkeypatch.setattr(rbot.tree, "sync", AsyncMock(side_effect=broken))
    ctx = make_context(rbot, slash=False, author=make_member(4242))
    await admin.sync.callback(admin, ctx, "global")
    assert "500" in sent(ctx)[0]["content"] and "Internal Server Error" in sent(ctx)[0]["content"]


# ---- slash commands --------------------------------------------------------------------------


async def test_slash_summary(rbot: Rapporteur) -> None:
    cog = rbot.get_cog("Documents")
    ctx = make_context(rbot)
    await cog.summary.callback(cog, ctx, ref="S/2025/40")
    (call,) = sent(ctx)
    embed = call["embed"]
    assert "S/2025/40" in embed.title
    assert any("A/RES/78/234" in f.value for f in embed.fields)
    assert isinstance(call["view"], AnswerView) and not call.get("ephemeral")


async def test_slow_answers_defer_first(rbot: Rapporteur, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(discord_context, "QUICK_SECONDS", 0.0)
    cog = rbot.get_cog("Search")
    ctx = make_context(rbot)
    order = []
    ctx.defer.side_effect = lambda *a, **k: order.append("defer")
    ctx.send.side_effect = lambda *a, **k: order.append("send") or make_message()
    await cog.find.callback(cog, ctx, query="ceasefire violations")
    assert order == ["defer", "send"]
    # The prefix version shows the typing indicator instead.
    ctx = make_context(rbot, slash=False)
    await cog.find.callback(cog, ctx, query="ceasefire violations")
    ctx.typing.assert_called_once()
    ctx.defer.assert_not_awaited()


async def test_slash_errors_are_ephemeral_with_candidates(rbot: Rapporteur) -> None:
    cog = rbot.get_cog("Documents")
    ctx = make_context(rbot)
    await cog.summary.callback(cog, ctx, ref="azerbaijan")
    (call,) = sent(ctx)
    assert call["ephemeral"] is True and "view" not in call
    assert "Did you mean" in call["content"]
    assert 3 <= call["content"].count("•") <= 5


async def test_slash_in_french(rbot: Rapporteur) -> None:
    cog = rbot.get_cog("Documents")
    ctx = make_context(rbot, locale=discord.Locale.french)
    await cog.resolutions.callback(cog, ctx, ref="S/2025/40")
    assert "Résolutions citées" in sent(ctx)[0]["embed"].title


async def test_slash_without_embed_links_sends_text(rbot: Rapporteur) -> None:
    cog = rbot.get_cog("Search")
    ctx = make_context(rbot, embed_links=False)
    await cog.cites.callback(cog, ctx, resolution="2231 (2015)")
    call = sent(ctx)[0]
    assert call["embed"] is None and "S/RES/2231 (2015)" in call["content"]
    assert len(call["content"]) <= 2000


async def test_direct_messages_see_the_corpus_only(rbot: Rapporteur) -> None:
    user = make_member(5)
    asker = asker_for(rbot, user, None, make_context(rbot).channel)
    assert asker.scope is None and not asker.actor.moderator
    ctx = make_context(rbot, guild=None)
    with pytest.raises(commands.NoPrivateMessage):
        await moderators.moderator_only()(lambda: None).__commands_checks__[0](ctx)
    msg = user_error_message(ctx, commands.NoPrivateMessage(), "!")
    assert msg is not None and "only in a server" in msg


# ---- autocomplete ----------------------------------------------------------------------------


async def test_autocomplete_is_within_discord_limits(rbot: Rapporteur, library: Library) -> None:
    cog = rbot.get_cog("Documents")
    inter = make_interaction(guild=None)
    for current in ("", "a", "azerb", "S/2025", "x" * 300):
        choices = await cog.ref_autocomplete(inter, current)
        assert len(choices) <= 25
        for c in choices:
            assert isinstance(c, app_commands.Choice)
            assert 1 <= len(c.name) <= 100 and 1 <= len(c.value) <= 100
    choices = await cog.ref_autocomplete(inter, "azerb")
    assert choices
    for c in choices:  # every suggestion names a document the library resolves
        await library.resolve(c.value, ["corpus"])


async def test_ref_parameters_have_autocomplete(rbot: Rapporteur) -> None:
    for name in ("doc", "summary", "resolutions", "remove"):
        cmd = rbot.tree.get_command(name)
        assert cmd is not None, name
        assert cmd._params["ref"].autocomplete is not None, name
        assert cmd._params["ref"].description


async def test_remove_autocomplete_offers_own_documents_only(rbot: Rapporteur) -> None:
    cog = rbot.get_cog("Moderation")
    assert await cog.remove_autocomplete(make_interaction(guild=None), "") == []
    assert await cog.remove_autocomplete(make_interaction(guild=discord.Object(99)), "") == []


async def test_autocomplete_values_name_the_same_document_in_that_server_only(
    rbot: Rapporteur, library: Library
) -> None:
    """An autocomplete value is only a suggestion: typed (or replayed) in another server it
    finds nothing there, exactly as a name that matches nothing."""
    letter = b"Letter dated 2 March 2099 from the Permanent Representative of Quokkaland\n\n" + (
        b"The Quokkaish delegation recalls resolution 2231 (2015).\n"
    )
    mine, theirs = 6060, 7070
    report = await library.load_files(
        [("quokka.txt", letter)], guild_scope(mine), Actor("9", moderator=True)
    )
    assert report.loaded
    cog = rbot.get_cog("Moderation")
    choices = await cog.remove_autocomplete(make_interaction(guild=make_guild(mine)), "quokka")
    assert [c.value for c in choices] == ["quokka"]
    docs = rbot.get_cog("Documents")
    here = make_context(rbot, guild=make_guild(mine))
    await docs.doc.callback(docs, here, ref=choices[0].value)
    assert "Quokkaish" in sent(here)[0]["embed"].description
    there = make_context(rbot, guild=make_guild(theirs))
    await docs.doc.callback(docs, there, ref=choices[0].value)
    nowhere = make_context(rbot, guild=make_guild(theirs))
    await docs.doc.callback(docs, nowhere, ref="quokkb")
    (call,) = sent(there)
    assert call["ephemeral"] is True and "Quokka" not in str(call)
    assert call["content"].replace("quokka", "quokkb") == sent(nowhere)[0]["content"]
    for d in await library.documents([guild_scope(mine)]):
        await library.store.delete_document(d.id)


# ---- uploads ---------------------------------------------------------------------------------


async def test_slash_load_by_a_moderator(rbot: Rapporteur, library: Library) -> None:
    cog = rbot.get_cog("Moderation")
    guild_id = 31337
    ctx = make_context(rbot, guild=make_guild(guild_id), author=make_member(7, manage_guild=True))
    letter = sorted((DATA / "corpus" / "en").glob("*S_2025_4*.txt"))[0]
    # A bundled letter with a line added: another version (the bundled text itself is refused).
    good = make_attachment(filename=letter.name, data=letter.read_bytes() + b"\nAdded.\n")
    exe = make_attachment(filename="virus.exe", data=b"MZ...")
    huge = make_attachment(filename="big.pdf", data=b"%PDF", size=500 * 1024 * 1024)
    await cog.load.callback(cog, ctx, good, exe, huge)
    ctx.defer.assert_awaited()
    good.read.assert_awaited_once()
    exe.read.assert_not_awaited()
    huge.read.assert_not_awaited()
    embed = sent(ctx)[-1]["embed"]
    assert "✅" in embed.description and "virus.exe" in embed.description
    assert "big.pdf" in embed.description
    docs = await library.documents([guild_scope(guild_id)])
    assert [d.source for d in docs] == [letter.name]
    for d in docs:
        await library.store.delete_document(d.id)


async def test_moderator_right(rbot: Rapporteur) -> None:
    guild = make_guild(1)
    check = moderators.is_moderator
    assert check(rbot, make_member(1, manage_guild=True), guild)
    assert check(rbot, make_member(2, roles=("Moderator",)), guild)
    assert not check(rbot, make_member(3, roles=("Member",)), guild)
    assert check(rbot, make_member(4242), guild)  # a bot owner
    await rbot.guild_config.add(1, "Editors")
    assert check(rbot, make_member(3, roles=("editors",)), guild)
    assert not check(rbot, make_member(3, roles=("editors",)), make_guild(2))
    assert await rbot.guild_config.remove(1, "Editors")  # the library (and store) is shared


# ---- buttons ---------------------------------------------------------------------------------


def three_pages() -> list[Page]:
    return [Page(embed=discord.Embed(title=f"page {i}")) for i in range(1, 4)]


async def test_only_the_asker_turns_pages() -> None:
    view = AnswerView(three_pages(), author_id=1)
    stranger = make_interaction(make_member(2))
    assert await view.interaction_check(stranger) is False
    assert stranger.response.send_message.await_args.kwargs["ephemeral"] is True
    asker = make_interaction(make_member(1))
    assert await view.interaction_check(asker) is True
    view.stop()


async def test_page_buttons_move_and_disable_at_the_ends() -> None:
    view = AnswerView(three_pages(), author_id=1)
    inter = make_interaction(make_member(1))
    assert view.first.disabled and view.previous.disabled and not view.next.disabled
    await view.next.callback(inter)
    assert view.index == 1 and view.counter.label == "2/3"
    assert inter.response.edit_message.await_args.kwargs["embed"].title == "page 2"
    await view.last.callback(inter)
    assert view.index == 2 and view.next.disabled and view.last.disabled
    await view.previous.callback(inter)
    await view.first.callback(inter)
    assert view.index == 0
    view.stop()


async def test_a_message_update_from_discord_does_not_break_the_view() -> None:
    """discord.py calls view._refresh(components) when the answer's message is edited on
    Discord's side: the view's own button update must not take that name."""
    view = AnswerView(three_pages(), author_id=1)
    view._refresh([])  # as ViewStore.update_from_message does
    assert view.first.disabled and not view.next.disabled and view.counter.label == "1/3"
    view.stop()


async def test_timeout_removes_the_buttons() -> None:
    view = AnswerView(three_pages(), author_id=1)
    view.message = make_message()
    await view.on_timeout()
    view.message.edit.assert_awaited_once_with(view=None)
    view.stop()


async def test_delete_button_and_single_pages() -> None:
    view = AnswerView(three_pages()[:1], author_id=1)
    assert [item.emoji.name for item in view.children] == ["🗑"]
    inter = make_interaction(make_member(1))
    await view.delete.callback(inter)
    inter.delete_original_response.assert_awaited_once()
    assert view.is_finished()


# ---- errors ----------------------------------------------------------------------------------


async def test_error_messages(rbot: Rapporteur, caplog: pytest.LogCaptureFixture) -> None:
    cog = rbot.get_cog("Documents")
    ctx = make_context(rbot, slash=False)
    ctx.command = cog.summary
    ctx.invoked_with = "summary"
    cooldown = commands.CommandOnCooldown(commands.Cooldown(1, 30), 12.4, commands.BucketType.user)
    await rbot.on_command_error(ctx, cooldown)
    assert "again in 12 s" in sent(ctx)[-1]["content"]
    param = cog.summary.clean_params["ref"]
    await rbot.on_command_error(ctx, commands.MissingRequiredArgument(param))
    assert "`!summary <ref>`" in sent(ctx)[-1]["content"]
    with caplog.at_level(logging.ERROR):
        await rbot.on_command_error(ctx, commands.CommandInvokeError(ZeroDivisionError("x")))
    assert sent(ctx)[-1]["content"] == APOLOGY
    assert "command summary failed" in caplog.text
    count = len(sent(ctx))
    await rbot.on_command_error(ctx, commands.CommandNotFound("nope"))
    assert len(sent(ctx)) == count  # silence
    slash = make_context(rbot)
    slash.command = cog.summary
    await rbot.on_command_error(
        slash,
        commands.HybridCommandError(
            app_commands.CommandInvokeError(cog.summary.app_command, RuntimeError("boom"))
        ),
    )
    assert sent(slash)[-1] == {"content": APOLOGY, "ephemeral": True}


async def test_slash_payloads_are_valid(rbot: Rapporteur) -> None:
    """What `!sync` would send: names, descriptions (≤ 100) and described parameters."""
    commands_ = rbot.tree.get_commands()
    names = {c.name for c in commands_}
    assert {
        "docs",
        "doc",
        "summary",
        "resolutions",
        "find",
        "cites",
        "load",
        "remove",
        "help",
        "modrole",
    } <= names
    assert "sync" not in names  # owner-only, prefix only
    for cmd in commands_:
        payload = cmd.to_dict(rbot.tree)
        assert 1 <= len(payload["description"]) <= 100, cmd.name
        for option in payload.get("options", []):
            assert 1 <= len(option["description"]) <= 100, (cmd.name, option["name"])
            assert option["description"] != "…", (cmd.name, option["name"])
    load = rbot.tree.get_command("load")
    assert load.guild_only
    assert [p.type for p in load.parameters] == [discord.AppCommandOptionType.attachment] * 3


async def test_long_load_shows_throttled_progress(
    rbot: Rapporteur, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    import cogs.moderation as moderation
    from bot.core.results import LoadReport

    monkeypatch.setattr(moderation, "STATUS_AFTER", 0.0)
    monkeypatch.setattr(moderation, "STATUS_EVERY", 0.01)

    async def slow_load(files, scope, actor, progress=None):
        for i in range(3):
            progress(i, 3, f"f{i}.txt")
            await asyncio.sleep(0.03)
        progress(3, 3, "")
        return LoadReport()

    monkeypatch.setattr(rbot.library, "load_files", slow_load)
    cog = rbot.get_cog("Moderation")
    ctx = make_context(rbot, slash=False, author=make_member(7, manage_guild=True))
    ctx.message.attachments = [make_attachment(filename=f"f{i}.txt", data=b"x") for i in range(3)]
    await cog.load.callback(cog, ctx, ctx.message.attachments[0])
    calls = sent(ctx)
    assert calls[0]["content"].startswith("⏳")  # the status message…
    status = ctx.send.side_effect  # noqa: F841
    assert "embed" in calls[-1]  # …then the report
