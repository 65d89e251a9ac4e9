"""Owner commands: `!sync [guild|global|clear]` registers the slash commands with Discord.

Never done on start: Discord limits command creations (200 a day per server), and a global
sync takes a while to reach every client. Sync to the test server while developing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

if TYPE_CHECKING:
    from bot.discord.client import Rapporteur

log = logging.getLogger(__name__)


class Admin(commands.Cog):
    def __init__(self, bot: Rapporteur) -> None:
        self.bot = bot

    async def cog_check(self, ctx: commands.Context[Any]) -> bool:  # type: ignore[override]
        if not await self.bot.is_owner(ctx.author):
            raise commands.NotOwner()
        return True

    @commands.command(name="sync")
    async def sync(
        self, ctx: commands.Context[Any], where: Literal["guild", "global", "clear"] = "guild"
    ) -> None:
        """Sync slash commands: `guild` (this or the test server, instant), `global`, `clear`."""
        try:
            await ctx.send(await self._sync(ctx, where))
        except (discord.HTTPException, discord.ClientException) as e:
            # Only the owner gets here (cog_check): the reason is theirs to read and act on.
            log.warning("!sync %s failed: %s", where, e)
            await ctx.send(f"Sync ({where}) failed: {sync_failure(e)}")

    async def _sync(self, ctx: commands.Context[Any], where: str) -> str:
        tree = self.bot.tree
        if where == "global":
            synced = await tree.sync()
            return f"Synced {len(synced)} commands globally (may take up to an hour)."
        guild_id = self.bot.settings.test_guild or (ctx.guild.id if ctx.guild else None)
        if guild_id is None:
            return "Run it in a server, or set RAPPORTEUR_TEST_GUILD."
        guild = discord.Object(id=guild_id)
        if where == "clear":
            tree.clear_commands(guild=guild)
            await tree.sync(guild=guild)
            return f"Cleared this server's copy of the commands ({guild_id})."
        tree.copy_global_to(guild=guild)
        synced = await tree.sync(guild=guild)
        log.info("synced %d commands to guild %s", len(synced), guild_id)
        return f"Synced {len(synced)} commands to server {guild_id}."


def sync_failure(error: Exception) -> str:
    """Why Discord refused a sync, with what usually fixes it."""
    if isinstance(error, discord.Forbidden):
        return (
            f"Discord refused it ({error.status} {error.text or 'Forbidden'}): invite the bot"
            " with the `applications.commands` scope, or check the test server's id."
        )
    if isinstance(error, app_commands.CommandSyncFailure):
        return f"Discord rejected a command's definition: {error.text or error}"
    if isinstance(error, discord.HTTPException):
        return f"Discord answered {error.status}: {error.text or error}"
    return str(error) or type(error).__name__


async def setup(bot: Rapporteur) -> None:
    await bot.add_cog(Admin(bot))
