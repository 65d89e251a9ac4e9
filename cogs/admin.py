"""Owner commands: `!sync [guild|global|clear]` registers the slash commands with Discord.

Never done on start: Discord limits command creations (200 a day per server), and a global
sync takes a while to reach every client. Sync to the test server while developing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Literal

import discord
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
        tree = self.bot.tree
        if where == "global":
            synced = await tree.sync()
            await ctx.send(f"Synced {len(synced)} commands globally (may take up to an hour).")
            return
        guild_id = self.bot.settings.test_guild or (ctx.guild.id if ctx.guild else None)
        if guild_id is None:
            await ctx.send("Run it in a server, or set RAPPORTEUR_TEST_GUILD.")
            return
        guild = discord.Object(id=guild_id)
        if where == "clear":
            tree.clear_commands(guild=guild)
            await tree.sync(guild=guild)
            await ctx.send(f"Cleared this server's copy of the commands ({guild_id}).")
            return
        tree.copy_global_to(guild=guild)
        synced = await tree.sync(guild=guild)
        log.info("synced %d commands to guild %s", len(synced), guild_id)
        await ctx.send(f"Synced {len(synced)} commands to server {guild_id}.")


async def setup(bot: Rapporteur) -> None:
    await bot.add_cog(Admin(bot))
