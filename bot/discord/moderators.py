"""Who moderates: per-server moderator roles (GuildConfig), the check for load/remove, and
the error it raises. Imported by the client and the cogs; it imports neither (no cycle)."""

from __future__ import annotations

import asyncio
import json
import logging
import os
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


class RoleStore(Protocol):
    """The store's side of GuildConfig (the SQLite Store and the PostgreSQL one both have it)."""

    async def guild_roles(self) -> dict[str, list[str]]: ...
    async def set_guild_roles(self, guild_id: str, roles: list[str]) -> None: ...


class GuildConfig:
    """Per-server moderator role names, kept in the store and cached here.

    A role counts when its name is in the defaults from the environment (RAPPORTEUR_MOD_ROLES)
    or in the names a server added with `!modrole add`. The cache is read once at start
    (`load`) and written through: each server is served by the one process owning its shard,
    so no other process changes its roles behind this one's back.
    """

    def __init__(self, default_roles: Iterable[str]) -> None:
        self.defaults = frozenset(r.lower() for r in default_roles)
        self._roles: dict[str, list[str]] = {}
        self._store: RoleStore | None = None
        self._lock = asyncio.Lock()  # two `!modrole add` at once must not lose one

    async def load(self, store: RoleStore, legacy: Path | None = None) -> None:
        """Read every server's roles; first import `legacy` (guild_settings.json) if present."""
        self._store = store
        roles = await store.guild_roles()
        if legacy is not None and legacy.is_file():
            await import_legacy(store, legacy, roles)
        self._roles = roles

    def mod_roles(self, guild_id: int) -> frozenset[str]:
        return self.defaults | {r.lower() for r in self._roles.get(str(guild_id), [])}

    def server_roles(self, guild_id: int) -> list[str]:
        return list(self._roles.get(str(guild_id), []))

    async def add(self, guild_id: int, role: str) -> bool:
        async with self._lock:
            roles = self.server_roles(guild_id)
            if role.lower() in (r.lower() for r in roles):
                return False
            await self._save(guild_id, [*roles, role])
            return True

    async def remove(self, guild_id: int, role: str) -> bool:
        async with self._lock:
            roles = self.server_roles(guild_id)
            kept = [r for r in roles if r.lower() != role.lower()]
            if len(kept) == len(roles):
                return False
            await self._save(guild_id, kept)
            return True

    async def _save(self, guild_id: int, roles: list[str]) -> None:
        if self._store is not None:
            await self._store.set_guild_roles(str(guild_id), roles)
        self._roles[str(guild_id)] = roles  # only once stored: a failed write changes nothing


async def import_legacy(store: RoleStore, path: Path, roles: dict[str, list[str]]) -> None:
    """Bring the roles of an old guild_settings.json into the store, once: the file is renamed
    to *.imported after. Only servers the store does not know yet are taken, so a file left
    in place (the rename failed) never undoes a later `!modrole`. An unreadable file is
    logged and left alone; the bot starts without it. `roles` is updated in place."""
    try:
        table = json.loads(path.read_text("utf-8")).get("mod_roles", {})
        if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()):
            raise ValueError("mod_roles is not {server id: [role names]}")
        found = {str(gid): [str(r) for r in names] for gid, names in table.items()}
    except (OSError, ValueError, AttributeError) as e:
        log.error("could not import %s (%s); left in place, per-server roles not imported", path, e)
        return
    for gid, names in found.items():
        if gid not in roles:
            await store.set_guild_roles(gid, names)
            roles[gid] = names
    done = path.with_name(path.name + ".imported")
    try:
        os.replace(path, done)
    except OSError as e:
        log.warning("imported %s but could not rename it (%s)", path, e)
        return
    log.info("imported the moderator roles of %d servers from %s (now %s)", len(found), path, done)


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
