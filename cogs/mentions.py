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

from bot.answer import Answer, Asker
from bot.core.citations import extract_citations
from bot.core.errors import RapporteurError
from bot.core.intents import Request, parse_mention
from bot.core.library import visible_scopes
from bot.core.storage import StoredDocument
from bot.core.symbols import DOC_SYMBOL_RE
from bot.discord_context import asker_for, send_reply
from bot.discord_render import TextCitations, build_reply

if TYPE_CHECKING:
    from bot.discord_bot import Rapporteur

log = logging.getLogger(__name__)

DOC_INTENTS = ("summary", "resolutions", "doc")
MAX_CONTEXT_CHARS = 20_000  # a referenced message (plus its embeds) read for citations


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
            async with message.channel.typing():
                answer = await self.answer(message)
            await self.send(message, answer)
        except Exception:
            log.exception("answering a mention failed in %s", message.channel)
            with contextlib.suppress(discord.HTTPException):
                await message.reply("Sorry, something went wrong on my side. It has been logged.")

    async def answer(self, message: discord.Message) -> Answer:
        req = parse_mention(message.content)
        asker = asker_for(self.bot, message.author, message.guild, message.channel)
        if req.intent in ("load", "remove"):
            return Answer(
                req.intent,
                req.lang,
                error=(
                    "to load or remove documents, use the `load` and `remove` commands"
                    f" (`{self.bot.settings.prefix}help`)"
                ),
                error_kind="bad_input",
            )
        referenced = await self.referenced(message)
        if referenced is not None:
            answer = await self.answer_in_context(req, asker, referenced)
            if answer is not None:
                return answer
        return await self.bot.dispatcher.handle(req, asker)

    async def referenced(self, message: discord.Message) -> discord.Message | None:
        ref = message.reference
        if ref is None or ref.message_id is None:
            return None
        if isinstance(ref.resolved, discord.Message):
            return ref.resolved
        if ref.cached_message is not None:
            return ref.cached_message
        try:
            return await message.channel.fetch_message(ref.message_id)
        except discord.HTTPException:
            return None  # deleted, or no Read Message History: answer without context

    async def answer_in_context(
        self, req: Request, asker: Asker, referenced: discord.Message
    ) -> Answer | None:
        """The answer when the replied-to message decides what "this" is; None otherwise."""
        names_a_doc = req.ref is None or req.refers_back
        doc = await self.document_of(referenced, asker)
        if req.intent in DOC_INTENTS and names_a_doc and doc is not None:
            self.bot.dispatcher.remember(asker.channel, doc)
            return await self.bot.dispatcher.handle(
                Request(req.intent, lang=req.lang, refers_back=True), asker
            )
        if req.intent == "resolutions" and names_a_doc:
            body = message_text(referenced)
            cites = [c for c in extract_citations(body) if c.kind in ("resolution", "decision")]
            return Answer(
                "resolutions", req.lang, result=TextCitations(cites, referenced.jump_url, req.lang)
            )
        return None

    async def document_of(self, referenced: discord.Message, asker: Asker) -> StoredDocument | None:
        """The document a message is about: one of our answers, or a symbol it names."""
        if self.bot.user is not None and referenced.author.id == self.bot.user.id:
            doc_id = self.bot.answered_doc(referenced.id)
            if doc_id is not None:
                return await self.bot.library.store.document(doc_id)
        text = message_text(referenced)
        scopes = visible_scopes(asker.scope)
        for m in DOC_SYMBOL_RE.finditer(text):
            symbol = m.group(0)
            if "/RES/" in symbol.upper():
                continue  # a resolution is cited, not a document we hold
            try:
                return await self.bot.library.resolve(symbol, scopes)
            except RapporteurError:
                continue
        return None

    async def send(self, message: discord.Message, answer: Answer) -> None:
        channel = message.channel
        me = message.guild.me if message.guild is not None else self.bot.user
        perms = channel.permissions_for(me)  # type: ignore[arg-type]
        reply = build_reply(answer, embeds=perms.embed_links, prefix=self.bot.settings.prefix)
        if reply.file is not None and not perms.attach_files:
            reply.file = None
        sent = await send_reply(message.reply, reply, message.author.id, answer.lang)
        if sent is not None and reply.doc is not None:
            self.bot.remember_answer(sent.id, reply.doc.id)


def message_text(message: discord.Message) -> str:
    """A message's words, with its embeds' (a bot's answer, a link preview)."""
    parts = [message.content or ""]
    for e in message.embeds:
        parts.extend(p for p in (e.title, e.description) if p)
        parts.extend(f"{f.name}\n{f.value}" for f in e.fields)
    return "\n".join(parts)[:MAX_CONTEXT_CHARS]


async def setup(bot: Rapporteur) -> None:
    await bot.add_cog(Mentions(bot))
