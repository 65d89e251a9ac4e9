"""Who moderates: per-server moderator roles (GuildConfig), the check for load/remove, and
the error it raises. Imported by the client and the cogs; it imports neither (no cycle)."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import discord
from discord.ext import commands

log = logging.getLogger(__name__)

T = TypeVar("T")


class ModeratedBot(Protocol):
    """What the moderator check needs of the bot (the client's Rapporteur has it): typed
    this way, this module need not import the client, which imports it."""

    @property
    def owner_id(self) -> int | None: ...
    @property
    def owner_ids(self) -> Collection[int] | None: ...
    @property
    def guild_config(self) -> GuildConfig: ...


class NotModerator(commands.CheckFailure):
    pass


class GuildConfig:
    """Per-server moderator role names, in a small JSON file beside the database.

    A role counts when its name is in the defaults from the environment (RAPPORTEUR_MOD_ROLES)
    or in the names a server added with `!modrole add`. Writes are atomic (temp file + rename).
    """

    def __init__(self, path: Path | None, default_roles: Iterable[str]) -> None:
        self.path = path
        self.defaults = frozenset(r.lower() for r in default_roles)
        self._roles: dict[str, list[str]] = {}
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text("utf-8"))
                self._roles = {str(k): list(v) for k, v in data.get("mod_roles", {}).items()}
            except (OSError, ValueError, AttributeError):
                log.exception("could not read %s; starting with no per-server roles", path)

    def mod_roles(self, guild_id: int) -> frozenset[str]:
        return self.defaults | {r.lower() for r in self._roles.get(str(guild_id), [])}

    def server_roles(self, guild_id: int) -> list[str]:
        return list(self._roles.get(str(guild_id), []))

    def add(self, guild_id: int, role: str) -> bool:
        roles = self._roles.setdefault(str(guild_id), [])
        if role.lower() in (r.lower() for r in roles):
            return False
        roles.append(role)
        self._save()
        return True

    def remove(self, guild_id: int, role: str) -> bool:
        roles = self._roles.get(str(guild_id), [])
        kept = [r for r in roles if r.lower() != role.lower()]
        if len(kept) == len(roles):
            return False
        self._roles[str(guild_id)] = kept
        self._save()
        return True

    def _save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".guild_settings.")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"mod_roles": self._roles}, f, ensure_ascii=False, indent=1)
        os.replace(tmp, self.path)


def is_moderator(bot: ModeratedBot, user: discord.abc.User, guild: discord.Guild | None) -> bool:
    """Manage Server, a moderator role of this server, or a bot owner. Never in DMs."""
    if guild is None:
        return False
    if user.id in (bot.owner_ids or ()) or user.id == bot.owner_id:
        return True
    perms = getattr(user, "guild_permissions", None)
    if perms is not None and (perms.manage_guild or perms.administrator):
        return True
    # Never through @everyone, whatever a settings file says: every member holds it.
    names = {r.name.lower() for r in getattr(user, "roles", []) if not _is_default(r)}
    return bool(names & bot.guild_config.mod_roles(guild.id))


def _is_default(role: discord.Role) -> bool:
    default = role.is_default()
    return default is True or role.name.lower() in EVERYONE_NAMES


EVERYONE_NAMES = frozenset({"@everyone", "everyone", "@here", "here"})


def role_for_everyone(guild: discord.Guild, name: str) -> str | None:
    """Why a role may not be a moderator role: every member holds it (@everyone or another),
    or Discord or an integration hands it out."""
    everyone = "every member has @everyone: it would make everyone a moderator"
    if name.lower() in EVERYONE_NAMES:
        return everyone
    role = discord.utils.find(lambda r: r.name.lower() == name.lower(), guild.roles)
    if role is None:
        return None
    if role.is_default():
        return everyone
    if role.managed:  # Server Booster, an integration's subscribers: got without anyone's say
        return (
            f"Discord or an integration gives “{role.name}” (boosting, a subscription),"
            " not this server's moderators"
        )
    # The members the bot holds in its cache: without the Server Members intent (the bot does
    # not ask for it) that is a floor on the true count, so this catches what it can see.
    members = len(role.members)
    total = guild.member_count or 0
    if total > 1 and members >= total:
        return (
            f"every member holds “{role.name}” ({members} of {total}):"
            " it would make everyone a moderator"
        )
    return None


def moderator_only() -> Callable[[T], T]:
    """A check for load/remove: refuse before any download, with a clear reason."""

    async def predicate(ctx: commands.Context[Any]) -> bool:
        if ctx.guild is None:
            raise commands.NoPrivateMessage()
        if not is_moderator(ctx.bot, ctx.author, ctx.guild):
            raise NotModerator()
        return True

    return commands.check(predicate)
