"""What the cogs share: who asks (scope, moderator right), how to wait, how to answer.

Kept as plain functions over `commands.Context` / `discord.Message` rather than a Context
subclass, so the cogs can be driven in tests by spec'd mocks (python-discord's habit).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from bot.answer import Answer, Asker
from bot.core.citations import extract_citations
from bot.core.cpu import in_thread
from bot.core.errors import RapporteurError
from bot.core.intents import Request, guess_lang
from bot.core.library import Actor, guild_scope, visible_scopes
from bot.core.results import DocDetail
from bot.core.storage import StoredDocument
from bot.core.symbols import DOC_SYMBOL_RE
from bot.discord.moderators import is_moderator
from bot.discord.pages import Reply, TextCitations, build_reply
from bot.discord.views import AnswerView

if TYPE_CHECKING:
    from bot.discord.client import Rapporteur

log = logging.getLogger(__name__)

T = TypeVar("T")

# Answers quicker than this go out at once; slower ones first show "thinking…" (slash) or the
# typing indicator (prefix). Discord wants a first response to an interaction within 3 s.
QUICK_SECONDS = 0.8

AUTOCOMPLETE_CHOICES = 25
CHOICE_CHARS = 100

DOC_INTENTS = ("summary", "resolutions", "doc")
GONE = "the document that answer was about is no longer loaded here; name one, or see `docs`"
MAX_CONTEXT_CHARS = 20_000  # a referenced message (plus its embeds) read for citations
_PRONOUN_REF = re.compile(
    r"^\s*(?:it|this|that|(?:this|that|the) (?:letter|document|one|text|message|note)|"
    r"cette lettre|ce document|ce texte|ce message|cette note|celle-ci|celui-ci|[çc]a)"
    r"\s*[?.!]*\s*$",
    re.IGNORECASE,
)


CommandFn = Callable[..., Coroutine[Any, Any, None]]


def hybrid_command(
    name: str, **attrs: Any
) -> Callable[[CommandFn], commands.HybridCommand[Any, ..., None]]:
    """commands.hybrid_command, typed so that a type checker accepts a cog's method: discord.py's
    own annotation leaves the context's type variable unsolved (mypy infers Never)."""
    return commands.hybrid_command(name=name, **attrs)


# ---- who asks --------------------------------------------------------------------------------


def scope_of(guild: discord.abc.Snowflake | None) -> str | None:
    """A server's own scope; None outside servers (only the bundled corpus is visible)."""
    return guild_scope(guild.id) if guild is not None else None


def asker_for(
    bot: Rapporteur,
    user: discord.abc.User,
    guild: discord.Guild | None,
    channel: discord.abc.Snowflake,
) -> Asker:
    return Asker(
        scope=scope_of(guild),
        actor=Actor(str(user.id), is_moderator(bot, user, guild)),
        channel=str(channel.id),
    )


def lang_of(ctx: commands.Context[Any], words: str = "") -> str:
    """French for a French Discord client (slash) or French words (prefix); English otherwise."""
    if ctx.interaction is not None and str(ctx.interaction.locale).startswith("fr"):
        return "fr"
    return guess_lang(words) if words else "en"


# ---- waiting and answering -------------------------------------------------------------------


async def with_patience(
    ctx: commands.Context[Any], work: Awaitable[T], quick: float | None = None
) -> T:
    """Run `work`; if it takes more than a moment, defer (slash) or show typing (prefix)."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.wait_for(
            asyncio.shield(task), QUICK_SECONDS if quick is None else quick
        )
    except TimeoutError:
        pass
    if ctx.interaction is not None:
        if not ctx.interaction.response.is_done():
            await ctx.defer()
        return await task
    async with ctx.typing():
        return await task


async def typing_if_slow(channel: discord.abc.Messageable, work: Awaitable[T]) -> T:
    """Run `work`, showing the typing indicator in `channel` if it takes more than a moment."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.wait_for(asyncio.shield(task), QUICK_SECONDS)
    except TimeoutError:
        pass
    async with channel.typing():
        return await task


async def send_reply(
    send: Callable[..., Awaitable[discord.Message | None]],
    reply: Reply,
    author_id: int,
    lang: str = "en",
    *,
    ephemeral: bool = False,
) -> discord.Message | None:
    """Send the first page with its buttons (and the file, if any); keep the view's message."""
    page = reply.pages[0]
    kwargs: dict[str, Any] = page.kwargs()
    file = reply.make_file()
    if file is not None:
        kwargs["file"] = file
    view = None if ephemeral else AnswerView(reply.pages, author_id, lang)
    if view is not None:
        kwargs["view"] = view
    if ephemeral:
        kwargs["ephemeral"] = True
    message = await send(**kwargs)
    if view is not None:
        view.message = message
    return message


def can_embed(ctx: commands.Context[Any]) -> bool:
    return bool(ctx.bot_permissions.embed_links)


def can_attach(ctx: commands.Context[Any]) -> bool:
    return bool(ctx.bot_permissions.attach_files)


async def send_answer(ctx: commands.Context[Any], answer: Answer) -> discord.Message | None:
    """Render an Answer for this channel and send it; errors only to the asker on slash."""
    bot: Rapporteur = ctx.bot
    build = functools.partial(
        build_reply, answer, embeds=can_embed(ctx), prefix=bot.settings.prefix
    )
    # A long document's pages and file take up to a few hundred ms to build: off the loop.
    reply = await in_thread(build) if isinstance(answer.result, DocDetail) else build()
    if reply.file is not None and not can_attach(ctx):
        reply.file = None  # no Attach Files: the pages alone will do
    ephemeral = reply.error and ctx.interaction is not None
    message = await send_reply(ctx.send, reply, ctx.author.id, answer.lang, ephemeral=ephemeral)
    if message is not None and reply.doc is not None:
        bot.remember_answer(message.id, reply.doc.id)
    return message


async def answer_request(ctx: commands.Context[Any], req: Request) -> Answer:
    """The path of every hybrid command: dispatch (patiently), then send.

    A prefix command replying to a message ("!resolutions this", "@Rapporteur summarize it")
    takes that message as its context, as a mention does.
    """
    bot: Rapporteur = ctx.bot
    asker = asker_for(bot, ctx.author, ctx.guild, ctx.channel)

    async def work() -> Answer:
        if ctx.interaction is None and req.intent in DOC_INTENTS and req.ref is None:
            referenced = await referenced_message(ctx.message)
            if referenced is not None:
                answer = await answer_in_context(bot, req, asker, referenced)
                if answer is not None:
                    return answer
        return await bot.dispatcher.handle(req, asker)

    answer = await with_patience(ctx, work())
    await send_answer(ctx, answer)
    return answer


def document_request(intent: str, ref: str, lang: str) -> Request:
    """A command naming its document; "it", "this letter"… mean the one in context."""
    if _PRONOUN_REF.match(ref):
        return Request(intent, lang=lang, refers_back=True)
    return Request(intent, ref=ref, lang=lang)


# ---- the message replied to ------------------------------------------------------------------


async def referenced_message(message: discord.Message) -> discord.Message | None:
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
    bot: Rapporteur, req: Request, asker: Asker, referenced: discord.Message
) -> Answer | None:
    """The answer when the replied-to message decides what "this" is; None otherwise.

    Our own answer about a document names it; else a pasted text's citations answer
    "which resolutions does this cite?"; else a document symbol in the text names it.
    """
    if req.ref is not None and not req.refers_back:
        return None  # the question names its own document
    doc = await answered_document(bot, referenced, asker)
    if doc is None and req.intent in DOC_INTENTS and answered_id(bot, referenced) is not None:
        # Our answer about a document that is gone (removed, replaced) or not visible here:
        # one message for both, and no falling back to another document.
        return Answer(req.intent, req.lang, error=GONE, error_kind="not_found")
    if doc is None and req.intent == "resolutions":
        body = message_text(referenced)
        cites = [c for c in extract_citations(body) if c.kind in ("resolution", "decision")]
        if cites:
            return Answer(
                "resolutions", req.lang, result=TextCitations(cites, referenced.jump_url, req.lang)
            )
    if doc is None:
        doc = await named_document(bot, referenced, asker)
    if doc is not None and req.intent in DOC_INTENTS:
        bot.dispatcher.remember(asker.channel, doc)
        return await bot.dispatcher.handle(
            Request(req.intent, lang=req.lang, refers_back=True), asker
        )
    if req.intent == "resolutions":
        return Answer(
            "resolutions", req.lang, result=TextCitations([], referenced.jump_url, req.lang)
        )
    return None


async def answered_document(
    bot: Rapporteur, referenced: discord.Message, asker: Asker
) -> StoredDocument | None:
    """The document one of our own answers was about, if the asker's server may see it.

    No time limit: ids are never reused, so an old answer's id names its own document or
    nothing (removed, replaced), and the asker's scopes are checked like any reference.
    """
    doc_id = answered_id(bot, referenced)
    if doc_id is None:
        return None
    return await bot.library.document(doc_id, visible_scopes(asker.scope))


def answered_id(bot: Rapporteur, referenced: discord.Message) -> int | None:
    """The id of the document one of our own answers was about (None for other messages)."""
    if bot.user is None or referenced.author.id != bot.user.id:
        return None
    return bot.answered_doc(referenced.id)


async def named_document(
    bot: Rapporteur, referenced: discord.Message, asker: Asker
) -> StoredDocument | None:
    """The first document symbol in a message that names a document we hold."""
    scopes = visible_scopes(asker.scope)
    for m in DOC_SYMBOL_RE.finditer(message_text(referenced)):
        symbol = m.group(0)
        if "/RES/" in symbol.upper():
            continue  # a resolution is cited, not a document we hold
        try:
            return await bot.library.resolve(symbol, scopes)
        except RapporteurError:
            continue
    return None


def message_text(message: discord.Message) -> str:
    """A message's words, with its embeds' (a bot's answer, a link preview)."""
    parts = [message.content or ""]
    for e in message.embeds:
        parts.extend(p for p in (e.title, e.description) if p)
        parts.extend(f"{f.name}\n{f.value}" for f in e.fields)
    return "\n".join(parts)[:MAX_CONTEXT_CHARS]


async def ref_choices(
    bot: Rapporteur, interaction: discord.Interaction, current: str, own_only: bool = False
) -> list[app_commands.Choice[str]]:
    """Autocomplete for document references: ≤ 25 choices of ≤ 100 characters.

    Only suggestions: the library validates whatever value arrives.
    """
    scope = scope_of(interaction.guild)
    scopes = ([scope] if scope else []) if own_only else visible_scopes(scope)
    if not scopes:
        return []
    try:
        found = await bot.library.autocomplete(
            current[:CHOICE_CHARS], scopes, limit=AUTOCOMPLETE_CHOICES
        )
    except Exception:  # autocomplete must never raise at the user
        log.exception("autocomplete failed for %r", current)
        return []
    return [
        app_commands.Choice(
            name=name[:CHOICE_CHARS] or value[:CHOICE_CHARS], value=value[:CHOICE_CHARS]
        )
        for name, value in found[:AUTOCOMPLETE_CHOICES]
        if value
    ]
