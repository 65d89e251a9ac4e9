"""The Discord bot: intents, prefix, allowed mentions, extensions and the error handler.

`create_bot(settings)` builds it without connecting (tests drive it offline); `run_discord`
connects. Slash commands are synced only by an owner's `!sync`, never on start.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
from collections import OrderedDict
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands
from rapidfuzz import fuzz, process

from bot.answer import Dispatcher
from bot.core.library import Library
from bot.discord.moderators import GuildConfig, NotModerator
from bot.render import escape
from bot.runtime import settle
from bot.settings import Settings

log = logging.getLogger(__name__)

EXTENSIONS = (
    "cogs.documents",
    "cogs.search",
    "cogs.moderation",
    "cogs.mentions",
    "cogs.admin",
    "cogs.help",
)

REMEMBERED_ANSWERS = 2000  # bot message id -> document, for replies to the bot's answers

APOLOGY = "Sorry, something went wrong on my side while answering that. It has been logged."


def make_intents() -> discord.Intents:
    """Only what the bot reads. Message Content is privileged: enable it in the portal."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    intents.message_content = True  # prefix commands and plain-language mentions
    return intents


class Rapporteur(commands.Bot):
    """The bot's behaviour, on one connection. What runs is ShardedRapporteur; this plain
    form is what dpytest can drive (it refuses sharded clients)."""

    sharded = False

    def __init__(self, settings: Settings, library: Library | None = None) -> None:
        spec = settings.shard_spec()
        shards: dict[str, Any] = {}
        if self.sharded and spec is not None:
            shards = {"shard_ids": list(spec.ids), "shard_count": spec.count}
        super().__init__(
            **shards,
            command_prefix=commands.when_mentioned_or(settings.prefix),
            intents=make_intents(),
            help_command=None,
            case_insensitive=True,
            owner_ids=set(settings.owner_ids),
            # Document text must never ping: only the asker of a reply is notified.
            allowed_mentions=discord.AllowedMentions(
                everyone=False, roles=False, users=False, replied_user=True
            ),
        )
        self.settings = settings
        self.library: Library = library  # type: ignore[assignment]  # opened in setup_hook
        self._owns_library = library is None
        self.settles = False  # run_discord: this process is the bot's, tune it once started
        self.dispatcher: Dispatcher = None  # type: ignore[assignment]
        self.guild_config = GuildConfig(settings.mod_role_names)  # filled in setup_hook
        self.failed_extensions: dict[str, str] = {}
        self._answers: OrderedDict[int, int] = OrderedDict()

    async def setup_hook(self) -> None:
        if self.library is None:
            from bot.console import prepare_library

            self.library = await prepare_library(self.settings)
        self.dispatcher = Dispatcher(self.library)
        # Roles a server added used to live in a JSON file beside a SQLite database.
        db = self.settings.db_path
        legacy = None if self.settings.db_url else db.with_name("guild_settings.json")
        await self.guild_config.load(self.library.store, legacy)
        self.tree.error(self.on_app_command_error)  # the public way to set tree.on_error
        for name in EXTENSIONS:
            try:
                await self.load_extension(name)
            except Exception as e:  # one broken cog must not keep the others down
                log.exception("failed to load extension %s", name)
                self.failed_extensions[name] = f"{type(e).__name__}: {e}"
        if self.settles:
            settle()  # started: a responsive loop from here on (bot/runtime.py)

    async def close(self) -> None:
        await super().close()
        if self._owns_library and self.library is not None:
            await self.library.close()

    async def on_ready(self) -> None:
        log.info(
            "logged in as %s (%s) in %d servers, shards %s of %s",
            self.user,
            getattr(self.user, "id", "?"),
            len(self.guilds),
            ",".join(map(str, sorted(getattr(self, "shards", {})))) or "-",
            self.shard_count,
        )

    async def process_commands(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        ctx = await self.get_context(message)
        if ctx.command is None:
            # "@Rapporteur which resolutions…" starts with our prefix but is no command:
            # the mentions cog answers it, so no CommandNotFound is raised for it.
            await self._near_miss(ctx, message)
            return
        await self.invoke(ctx)

    async def _near_miss(self, ctx: commands.Context[Any], message: discord.Message) -> None:
        """`!sumary S/2025/40`: say which command was meant. Unknown words far from ours stay
        unanswered, since other bots in the server may share the prefix."""
        typed = (ctx.invoked_with or "").lower()
        if ctx.prefix != self.settings.prefix or not typed:
            return
        names = [c.name for c in self.commands if not c.hidden]
        best = process.extractOne(typed, names, scorer=fuzz.ratio, score_cutoff=75)
        if best is None:
            return
        p = self.settings.prefix
        with contextlib.suppress(discord.HTTPException):
            await message.reply(
                f"There is no `{p}{escape(typed)}` command: did you mean `{p}{best[0]}`?"
                f" (`{p}help` lists them)",
                mention_author=False,
            )

    # ---- answers about documents, for replies ----------------------------------------------

    def remember_answer(self, message_id: int, doc_id: int) -> None:
        self._answers[message_id] = doc_id
        self._answers.move_to_end(message_id)
        while len(self._answers) > REMEMBERED_ANSWERS:
            self._answers.popitem(last=False)

    def answered_doc(self, message_id: int) -> int | None:
        return self._answers.get(message_id)

    # ---- errors ----------------------------------------------------------------------------

    async def on_command_error(self, ctx: commands.Context[Any], error: Exception) -> None:  # type: ignore[override]
        if isinstance(error, commands.CommandNotFound):
            return  # a mention in plain words, or another bot's prefix: not ours to answer
        message = user_error_message(ctx, error, self.settings.prefix)
        if message is None:
            original = unwrap(error)
            name = ctx.command.qualified_name if ctx.command else "?"
            log.error("command %s failed", name, exc_info=original)
            message = APOLOGY
        try:
            await ctx.send(message, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not send an error message in %s", ctx.channel)

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Pure app command failures (hybrid ones reach on_command_error)."""
        log.error(
            "app command %s failed", getattr(interaction.command, "name", "?"), exc_info=error
        )
        send = (
            interaction.followup.send
            if interaction.response.is_done()
            else interaction.response.send_message
        )
        with contextlib.suppress(discord.HTTPException):
            await send(APOLOGY, ephemeral=True)


def unwrap(error: BaseException) -> BaseException:
    """The real cause under discord.py's wrappers (hybrid, invoke)."""
    while isinstance(
        error,
        commands.HybridCommandError | commands.CommandInvokeError | app_commands.CommandInvokeError,
    ):
        inner = getattr(error, "original", None)
        if inner is None:
            break
        error = inner
    return error


def usage(ctx: commands.Context[Any], prefix: str) -> str:
    if ctx.command is None:
        return ""
    if ctx.interaction is not None:
        return f"`/{ctx.command.qualified_name}`"
    sig = f" {ctx.command.signature}" if ctx.command.signature else ""
    return f"`{prefix}{ctx.command.qualified_name}{sig}`"


def user_error_message(ctx: commands.Context[Any], error: BaseException, prefix: str) -> str | None:
    """A short message for each failure the user can cause; None for our own bugs."""
    error = unwrap(error)
    if isinstance(error, commands.CommandOnCooldown):
        return f"Slow down: you can use this command again in {error.retry_after:.0f} s."
    if isinstance(error, commands.MaxConcurrencyReached):
        return "A load is already running in this server; try again when it has finished."
    if isinstance(error, commands.MissingRequiredAttachment):
        return (
            f"Attach the files to load (.txt, .md, .pdf, .docx, .html). Usage: {usage(ctx, prefix)}"
        )
    if isinstance(error, commands.MissingRequiredArgument):
        return f"Missing `{error.param.name}`. Usage: {usage(ctx, prefix)}"
    if isinstance(error, commands.BadArgument | commands.BadLiteralArgument):
        return f"{error} Usage: {usage(ctx, prefix)}"
    if isinstance(error, commands.UserInputError):
        return f"I could not read that. Usage: {usage(ctx, prefix)}"
    if isinstance(error, commands.NoPrivateMessage):
        return "This command works only in a server: documents loaded there are visible only there."
    if isinstance(error, NotModerator):
        return (
            "Only moderators can do that: members with Manage Server or a moderator role "
            f"(see `{prefix}modrole`)."
        )
    if isinstance(error, commands.NotOwner):
        return "Only the bot's owner can do that."
    if isinstance(error, commands.MissingPermissions):
        perms = ", ".join(p.replace("_", " ").title() for p in error.missing_permissions)
        return f"You need the {perms} permission for that."
    if isinstance(error, commands.BotMissingPermissions):
        perms = ", ".join(p.replace("_", " ").title() for p in error.missing_permissions)
        return f"I need the {perms} permission here for that."
    if isinstance(error, commands.CheckFailure):
        return "You cannot use this command here."
    return None


class ShardedRapporteur(Rapporteur, commands.AutoShardedBot):
    """The bot as it runs: discord.py's sharding under the same behaviour. Every shard Discord
    asks for (one below 2,500 servers), or those of RAPPORTEUR_SHARDS (`0-3/8`) when several
    processes share the servers."""

    sharded = True


def create_bot(
    settings: Settings, library: Library | None = None, *, sharded: bool = True
) -> Rapporteur:
    """The configured bot, not connected. With `library`, setup_hook uses it as given.
    `sharded=False`: a plain one-connection bot (dpytest cannot drive a sharded one)."""
    return (ShardedRapporteur if sharded else Rapporteur)(settings, library)


def run_discord(settings: Settings) -> int:
    """Connect and run until stopped; logs to the console and a rotating file beside the DB
    (a SQLite one; with a PostgreSQL URL to the console only: journald or docker keep it)."""
    if not settings.token:
        log.error("DISCORD_TOKEN is not set")
        return 2
    if not settings.db_url:  # a server's URL has no folder: the console only
        settings.db_path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            settings.db_path.with_name("rapporteur-discord.log"),
            maxBytes=5 * 1024 * 1024,
            backupCount=3,
            encoding="utf-8",
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(min(logging.getLogger().level or logging.INFO, logging.INFO))
    bot = create_bot(settings)
    bot.settles = True
    try:
        bot.run(settings.token, log_handler=None)  # keep the logging set up above
    except discord.LoginFailure:
        log.error("Discord refused the token: check DISCORD_TOKEN")
        return 2
    except discord.PrivilegedIntentsRequired:
        log.error("enable the Message Content intent in the developer portal (docs/discord.md)")
        return 2
    return 0
