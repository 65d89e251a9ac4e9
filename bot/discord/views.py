"""The buttons under an answer: pages (first, previous, x/y, next, last) and 🗑."""

from __future__ import annotations

import contextlib
import logging

import discord

from bot.discord.embeds import text
from bot.discord.pages import Page

log = logging.getLogger(__name__)

VIEW_TIMEOUT = 300.0


class AnswerView(discord.ui.View):
    """Page buttons (first, previous, x/y, next, last) and 🗑, for the asker only.

    Like RoboDanny's paginator: `interaction_check` refuses anyone else; on timeout the buttons
    are removed so that nobody presses dead ones.
    """

    def __init__(
        self,
        pages: list[Page],
        author_id: int,
        lang: str = "en",
        timeout: float | None = VIEW_TIMEOUT,
    ) -> None:
        super().__init__(timeout=timeout)
        self.pages = pages
        self.author_id = author_id
        self.lang = lang
        self.index = 0
        self.message: discord.Message | None = None
        if len(pages) < 2:
            for item in (self.first, self.previous, self.counter, self.next, self.last):
                self.remove_item(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        last = len(self.pages) - 1
        self.first.disabled = self.previous.disabled = self.index == 0
        self.next.disabled = self.last.disabled = self.index >= last
        self.counter.label = f"{self.index + 1}/{len(self.pages)}"

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user and interaction.user.id == self.author_id:
            return True
        await interaction.response.send_message(text(self.lang, "only_asker"), ephemeral=True)
        return False

    async def on_timeout(self) -> None:
        if self.message is None:
            return
        # Already deleted, or the channel is gone: nothing to tidy.
        with contextlib.suppress(discord.HTTPException):
            await self.message.edit(view=None)

    async def show(self, interaction: discord.Interaction, index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._update_buttons()
        page = self.pages[self.index]
        await interaction.response.edit_message(content=page.content, embed=page.embed, view=self)

    @discord.ui.button(emoji="⏮", style=discord.ButtonStyle.secondary)
    async def first(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, 0)

    @discord.ui.button(emoji="◀", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await interaction.response.defer()

    @discord.ui.button(emoji="▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, self.index + 1)

    @discord.ui.button(emoji="⏭", style=discord.ButtonStyle.secondary)
    async def last(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, len(self.pages) - 1)

    @discord.ui.button(emoji="🗑", style=discord.ButtonStyle.danger)
    async def delete(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await interaction.response.defer()
        try:
            await interaction.delete_original_response()
        except discord.HTTPException:
            log.debug("could not delete an answer", exc_info=True)
        self.stop()
