"""Plain-language questions: a message that mentions the bot (and is not a command).

A mention that replies to another message takes it as context: a pasted paragraph ("which
resolutions does this cite?") is read for citations; a message naming a document (or one of
the bot's own answers about a document) says which document "this" is.
"""

from __future__ import annotations

import contextlib
import logging
import re
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.answer import Answer, Asker, off_loop
from bot.core.intents import RefSlots, Request
from bot.core.mention import parse_mention
from bot.discord.context import (
    answer_in_context,
    asker_for,
    referenced_message,
    send_reply,
    typing_if_slow,
)
from bot.discord.pages import build_reply
from bot.discord.views import AnswerView
from bot.messages import message as say

if TYPE_CHECKING:
    from bot.discord.client import Rapporteur

log = logging.getLogger(__name__)


class Mentions(commands.Cog):
    """Answer "@Rapporteur …" in discussions."""

    def __init__(self, bot: Rapporteur) -> None:
        self.bot = bot

    def addressed(self, message: discord.Message) -> bool:
        """Mentioned by name in the text (a reply's automatic ping alone does not count)."""
        me = self.bot.user
        if me is None:
            return False
        return re.search(rf"<@!?{me.id}>", message.content or "") is not None

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or not self.addressed(message):
            return
        ctx = await self.bot.get_context(message)
        if ctx.valid:
            return  # "@Rapporteur summary S/2025/40" is a command: the command answers
        try:
            answer = await typing_if_slow(message.channel, self.answer(message))
            await self.send(message, answer)
        except Exception:
            log.exception("answering a mention failed in %s", message.channel)
            with contextlib.suppress(discord.HTTPException):
                await message.reply("Sorry, something went wrong on my side. It has been logged.")

    async def answer(self, message: discord.Message) -> Answer:
        req = await off_loop(parse_mention, message.content)
        asker = asker_for(self.bot, message.author, message.guild, message.channel)
        if req.intent in ("load", "remove"):
            return Answer(
                req.intent,
                req.lang,
                error=say(req.lang, "use_commands", prefix=self.bot.settings.prefix),
                error_kind="bad_input",
            )
        referenced = await referenced_message(message)
        if referenced is not None:
            answer = await answer_in_context(self.bot, req, asker, referenced)
            if answer is not None:
                return answer
        return await self.bot.dispatcher.handle(req, asker)

    async def send(self, message: discord.Message, answer: Answer) -> None:
        channel = message.channel
        me = message.guild.me if message.guild is not None else self.bot.user
        perms = channel.permissions_for(me)  # type: ignore[arg-type]
        reply = build_reply(answer, embeds=perms.embed_links, prefix=self.bot.settings.prefix)
        if reply.file is not None and not perms.attach_files:
            reply.file = None
        if answer.intent == "clarify" and answer.candidates:
            # The numbered candidates, and a menu to pick one without typing.
            asker = asker_for(self.bot, message.author, message.guild, message.channel)
            view = AnswerView(reply.pages, message.author.id, answer.lang)
            view.add_item(CandidateSelect(self.bot, asker, answer))
            view.message = await message.reply(**reply.pages[0].kwargs(), view=view)
            return
        sent = await send_reply(message.reply, reply, message.author.id, answer.lang)
        if sent is not None and reply.doc is not None:
            self.bot.remember_answer(sent.id, reply.doc.id)


class CandidateSelect(discord.ui.Select):
    """A clarification's candidates as a menu; choosing one answers the pending question, as
    typing its number would. The view it sits in lets only the asker choose."""

    def __init__(self, bot: Rapporteur, asker: Asker, answer: Answer) -> None:
        options = [
            discord.SelectOption(
                label=f"{i}. {d.label}"[:100],
                description=(d.title or d.source)[:100],
                value=str(i),
            )
            for i, d in enumerate(answer.candidates[:25], 1)
        ]
        super().__init__(placeholder=say(answer.lang, "pick")[:150], options=options)
        self.bot, self.asker, self.lang = bot, asker, answer.lang

    async def callback(self, interaction: discord.Interaction) -> None:
        await self.choose(interaction, int(self.values[0]))

    async def choose(self, interaction: discord.Interaction, number: int) -> Answer:
        req = Request(
            "summary", lang=self.lang, pick=number, slots=RefSlots(one=True), implicit=True
        )
        answer = await self.bot.dispatcher.handle(req, self.asker)
        self.disabled = True
        reply = build_reply(answer, prefix=self.bot.settings.prefix)
        await interaction.response.send_message(**reply.pages[0].kwargs())
        return answer


async def setup(bot: Rapporteur) -> None:
    await bot.add_cog(Mentions(bot))
