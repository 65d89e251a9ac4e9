"""Searching: `find` (passages) and `cites` (documents citing a resolution)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discord import app_commands
from discord.ext import commands

from bot.core.intents import Request, split_within
from bot.discord.context import answer_request, hybrid_command, lang_of

if TYPE_CHECKING:
    from bot.discord.client import Rapporteur


class Search(commands.Cog):
    """Find passages and citing documents."""

    def __init__(self, bot: Rapporteur) -> None:
        self.bot = bot

    @hybrid_command(name="find", aliases=["search"])
    @app_commands.describe(
        query="Words to look for; end with `in S/2025/40` to search one document"
    )
    @commands.cooldown(3, 20.0, commands.BucketType.user)
    async def find(self, ctx: commands.Context[Any], *, query: str) -> None:
        """Passages matching words; typos and missing accents welcome."""
        words, within = split_within(query)
        await answer_request(
            ctx, Request("find", query=words, ref=within, lang=lang_of(ctx, words))
        )

    @hybrid_command(name="cites", aliases=["citedby"])
    @app_commands.describe(resolution="A resolution: 1325 (2000), S/RES/1325 (2000), A/RES/62/243")
    async def cites(self, ctx: commands.Context[Any], *, resolution: str) -> None:
        """The documents that cite a resolution."""
        await answer_request(ctx, Request("cites", query=resolution, lang=lang_of(ctx)))


async def setup(bot: Rapporteur) -> None:
    await bot.add_cog(Search(bot))
