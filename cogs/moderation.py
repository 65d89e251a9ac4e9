"""Moderator commands: `load` (attachments), `remove`, and `modrole` (who counts as moderator).

A server's uploads go to its own scope ("guild:<id>"): visible only in that server.
Attachments are checked (type, size) before anything is downloaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.answer import Answer
from bot.core.errors import StoreError
from bot.core.intents import Request
from bot.core.library import PARALLEL_MIN_FILES, Actor, guild_scope
from bot.core.readers import UnreadableDocument, check_upload, safe_filename
from bot.core.results import LoadReport
from bot.discord.context import answer_request, hybrid_command, lang_of, ref_choices, send_answer
from bot.discord.embeds import text
from bot.discord.moderators import moderator_only, role_for_everyone

if TYPE_CHECKING:
    from bot.discord.client import Rapporteur

log = logging.getLogger(__name__)

MAX_FILES = 10  # Discord's own limit of attachments on one message
STATUS_AFTER = 2.0  # a load quicker than this shows no progress message at all
STATUS_EVERY = 2.0  # edits are throttled: Discord rate-limits message edits


class LoadProgress:
    """The library's progress callback, shown by editing one status message, throttled."""

    def __init__(self, ctx: commands.Context[Any], lang: str) -> None:
        self.ctx = ctx
        self.lang = lang
        self.state: tuple[int, int, str] = (0, 0, "")
        self.message: discord.Message | None = None
        self._shown: tuple[int, int, str] | None = None
        self._task: asyncio.Task[None] | None = None

    def __call__(self, done: int, total: int, name: str) -> None:
        self.state = (done, total, name)

    def line(self) -> str:
        done, total, name = self.state
        bar = "█" * (10 * done // max(total, 1))
        return (
            f"⏳ {text(self.lang, 'loading')} {done}/{total} "
            f"`{bar:░<10}` {discord.utils.escape_markdown(name)[:80]}"
        )

    async def _run(self) -> None:
        await asyncio.sleep(STATUS_AFTER)
        while True:
            if self.state != self._shown:
                self._shown = self.state
                try:
                    if self.message is None:
                        self.message = await self.ctx.send(self.line())
                    else:
                        await self.message.edit(content=self.line())
                except discord.HTTPException:
                    log.debug("progress message failed", exc_info=True)
            await asyncio.sleep(STATUS_EVERY)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def finish(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await self.message.delete()


class Moderation(commands.Cog):
    """Load and remove this server's documents."""

    def __init__(self, bot: Rapporteur) -> None:
        self.bot = bot

    def screen(
        self, attachments: list[discord.Attachment]
    ) -> tuple[list[discord.Attachment], list[tuple[str, str]]]:
        """Split attachments into those worth downloading and refusals with their reason."""
        accepted: list[discord.Attachment] = []
        refused: list[tuple[str, str]] = []
        limit = self.bot.settings.max_upload_bytes
        for i, att in enumerate(attachments):
            if i >= MAX_FILES:
                refused.append((att.filename, f"too many files: up to {MAX_FILES} at once"))
                continue
            try:
                check_upload(att.filename, att.size)
            except UnreadableDocument as e:
                refused.append((att.filename, str(e)))
                continue
            if att.size > limit:
                refused.append(
                    (
                        att.filename,
                        f"too large: {att.size / 1e6:.1f} MB, the limit is {limit / 1e6:.0f} MB",
                    )
                )
                continue
            accepted.append(att)
        return accepted, refused

    @hybrid_command(name="load")
    @commands.guild_only()
    @moderator_only()
    @commands.cooldown(2, 60.0, commands.BucketType.user)
    @commands.max_concurrency(1, commands.BucketType.guild, wait=False)
    @app_commands.describe(
        file="A UN document: .txt, .md, .pdf, .docx or .html",
        file2="Another document (optional)",
        file3="Another document (optional)",
    )
    async def load(
        self,
        ctx: commands.Context[Any],
        file: discord.Attachment,
        file2: discord.Attachment | None = None,
        file3: discord.Attachment | None = None,
    ) -> None:
        """(Moderators) Load attached documents into this server's library."""
        if ctx.interaction is None:
            attachments = list(ctx.message.attachments)  # every file of the message
        else:
            attachments = [a for a in (file, file2, file3) if a is not None]
        lang = lang_of(ctx)
        accepted, refused = self.screen(attachments)
        report = LoadReport()
        if accepted:
            if ctx.interaction is not None:
                await ctx.defer()
            progress = LoadProgress(ctx, lang)
            progress.start()
            started = time.monotonic()
            # Several files parse in worker processes: start them while the files download.
            warming = (
                asyncio.create_task(self.bot.library.warm_parsers())
                if len(accepted) >= PARALLEL_MIN_FILES
                else None
            )
            try:
                async with ctx.typing() if ctx.interaction is None else contextlib.nullcontext():
                    files = []
                    for att in accepted:
                        try:
                            files.append((safe_filename(att.filename), await att.read()))
                        except (discord.HTTPException, discord.NotFound) as e:
                            refused.append((att.filename, f"could not download it ({e})"))
                    if files:
                        report = await self.bot.library.load_files(
                            files,
                            guild_scope(ctx.guild.id),  # type: ignore[union-attr]
                            Actor(str(ctx.author.id), moderator=True),
                            progress=progress,
                        )
            finally:
                await progress.finish()
                if warming is not None:
                    await asyncio.gather(warming, return_exceptions=True)
            log.info(
                "guild %s: %s loaded %d, refused %d in %.1f s",
                ctx.guild,
                ctx.author,
                len(report.loaded),
                len(report.failed) + len(refused),
                time.monotonic() - started,
            )
        report.failed[:0] = refused
        await send_answer(ctx, Answer("load", lang, result=report))

    @hybrid_command(name="remove", aliases=["rm", "delete"])
    @commands.guild_only()
    @moderator_only()
    @app_commands.describe(ref="A document this server loaded: its symbol, number or words")
    async def remove(self, ctx: commands.Context[Any], *, ref: str) -> None:
        """(Moderators) Remove a document this server loaded."""
        await answer_request(ctx, Request("remove", ref=ref, lang=lang_of(ctx, ref)))

    @remove.autocomplete("ref")
    async def remove_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await ref_choices(self.bot, interaction, current, own_only=True)

    @hybrid_command(name="modrole")
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.describe(action="add, remove or list", role="The role's name")
    async def modrole(
        self,
        ctx: commands.Context[Any],
        action: Literal["add", "remove", "list"] = "list",
        *,
        role: str = "",
    ) -> None:
        """(Manage Server) Roles whose members may load and remove documents here."""
        guild = ctx.guild
        assert guild is not None  # guild_only
        config = self.bot.guild_config
        name = role.strip()
        mention = re.fullmatch(r"<@&(\d+)>", name)
        if mention:
            found = guild.get_role(int(mention.group(1)))
            name = found.name if found else ""
        if action != "list" and not name:
            await ctx.send("Which role? e.g. `modrole add Editors`", ephemeral=True)
            return
        everyone = role_for_everyone(guild, name) if action == "add" else None
        done = False
        try:
            if action == "add" and everyone is None:
                done = await config.add(guild.id, name)
            elif action == "remove":
                done = await config.remove(guild.id, name)
        except StoreError as e:  # disk full, database gone: nothing changed, say so
            await ctx.send(f"Not saved: {e}.", ephemeral=True)
            return
        if everyone is not None:
            msg = f"Not added: {everyone}. Pick a role that only moderators hold."
        elif action == "add":
            msg = (
                f"Members with the role “{name}” are now moderators here."
                if done
                else (f"“{name}” is already a moderator role here.")
            )
        elif action == "remove":
            msg = (
                f"“{name}” is no longer a moderator role here."
                if done
                else (f"“{name}” was not a moderator role of this server.")
            )
        else:
            own = config.server_roles(guild.id)
            msg = (
                "Moderators here: members with Manage Server, or a role named "
                + ", ".join(f"“{r}”" for r in sorted(config.defaults) + own)
                + "."
            )
        await ctx.send(discord.utils.escape_mentions(msg), ephemeral=True)


async def setup(bot: Rapporteur) -> None:
    await bot.add_cog(Moderation(bot))
