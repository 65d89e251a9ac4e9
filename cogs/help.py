"""`help`: the commands, in the asker's language (the default help command is disabled)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discord.ext import commands

from bot.core.intents import Request
from bot.discord.context import answer_request, hybrid_command, lang_of

if TYPE_CHECKING:
    from bot.discord.client import Rapporteur


class Help(commands.Cog):
    def __init__(self, bot: Rapporteur) -> None:
        self.bot = bot

    @hybrid_command(name="help", aliases=["aide", "commands"])
    async def help(self, ctx: commands.Context[Any]) -> None:
        """What Rapporteur can do, and how to ask."""
        lang = "fr" if ctx.invoked_with == "aide" else lang_of(ctx)
        await answer_request(ctx, Request("help", lang=lang))


async def setup(bot: Rapporteur) -> None:
    await bot.add_cog(Help(bot))
