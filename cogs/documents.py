"""Reading documents: `docs`, `doc`, `summary`, `resolutions` (prefix and slash)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.intents import Request
from bot.discord.context import (
    answer_request,
    document_request,
    hybrid_command,
    lang_of,
    ref_choices,
)

if TYPE_CHECKING:
    from bot.discord.client import Rapporteur

REF_HELP = "A symbol (S/2025/40), a number from /docs, or words (Azerbaijan April 2020)"


class Documents(commands.Cog):
    """List, show and summarise documents."""

    def __init__(self, bot: Rapporteur) -> None:
        self.bot = bot

    @hybrid_command(name="docs", aliases=["list", "documents"])
    @app_commands.describe(words="Filter: words, a country, a month and year (optional)")
    async def docs(self, ctx: commands.Context[Any], *, words: str = "") -> None:
        """List the documents, optionally filtered."""
        await answer_request(ctx, Request("docs", query=words, lang=lang_of(ctx, words)))

    @hybrid_command(name="doc", aliases=["show", "open"])
    @app_commands.describe(ref=REF_HELP)
    @commands.cooldown(3, 20.0, commands.BucketType.user)
    async def doc(self, ctx: commands.Context[Any], *, ref: str) -> None:
        """Show a document's text, page by page."""
        await answer_request(ctx, document_request("doc", ref, lang_of(ctx, ref)))

    @hybrid_command(name="summary", aliases=["summarize", "summarise", "sum"])
    @app_commands.describe(ref=REF_HELP)
    @commands.cooldown(3, 20.0, commands.BucketType.user)
    async def summary(self, ctx: commands.Context[Any], *, ref: str) -> None:
        """Who writes to whom, when, agenda, annex, key points and resolutions cited."""
        await answer_request(ctx, document_request("summary", ref, lang_of(ctx, ref)))

    @hybrid_command(name="resolutions", aliases=["res"])
    @app_commands.describe(ref=REF_HELP)
    async def resolutions(self, ctx: commands.Context[Any], *, ref: str) -> None:
        """The resolutions a document cites, with links."""
        await answer_request(ctx, document_request("resolutions", ref, lang_of(ctx, ref)))

    @doc.autocomplete("ref")
    @summary.autocomplete("ref")
    @resolutions.autocomplete("ref")
    async def ref_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await ref_choices(self.bot, interaction, current)


async def setup(bot: Rapporteur) -> None:
    await bot.add_cog(Documents(bot))
