"""Per-server moderator roles in the store: migration 009 on a v008 database, the one-time
import of guild_settings.json, and `!modrole` surviving a restart."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import discord
import discord.ext.test as dpytest
import pytest
from discord_fakes import configure_dpytest, make_guild, make_member, make_settings

from bot.core import storage
from bot.core.errors import DiskFull
from bot.core.library import Library
from bot.discord.client import create_bot
from bot.discord.moderators import GuildConfig, is_moderator
from conftest import DATA

LETTERS = sorted((DATA / "corpus" / "en").glob("A_79_*-S_2025_*.txt"))[:2]
DEFAULTS = ("moderator",)


def _tables(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def _version(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


async def test_a_v008_database_gains_guild_settings_and_keeps_its_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "v008.db"
    every = storage._migrations()
    # A real v008 database: made by migrations 001-008 only, as the previous release made it.
    monkeypatch.setattr(storage, "_migrations", lambda: [m for m in every if m[0] <= 8])
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in LETTERS:
        (corpus / p.name).write_bytes(p.read_bytes())
    async with Library(db) as old:
        assert len((await old.load_directory(corpus)).loaded) == len(LETTERS) == 2
        before = [(d.id, d.source, d.symbols) for d in await old.store.documents(["corpus"])]
    assert before and _version(db) == 8 and "guild_settings" not in _tables(db)
    monkeypatch.setattr(storage, "_migrations", lambda: every)

    async with Library(db) as lib:
        assert _version(db) == 9 and "guild_settings" in _tables(db)
        after = [(d.id, d.source, d.symbols) for d in await lib.store.documents(["corpus"])]
        assert after == before
        assert await lib.store.guild_roles() == {}
        await lib.store.set_guild_roles("123", ["Editors", "Rédaction"])
        await lib.store.set_guild_roles("456", [])  # kept: the server removed all its roles
        await lib.store.set_guild_roles("123", ["Rédaction"])  # replaces, not appends
    async with Library(db) as again:
        assert await again.store.guild_roles() == {"123": ["Rédaction"], "456": []}


def _write_legacy(folder: Path, roles: dict[str, list[str]]) -> Path:
    path = folder / "guild_settings.json"
    path.write_text(json.dumps({"mod_roles": roles}), encoding="utf-8")
    return path


async def test_guild_settings_json_is_imported_once_and_never_overrides_later_changes(
    tmp_path: Path,
) -> None:
    db = tmp_path / "rapporteur.db"
    legacy = _write_legacy(tmp_path, {"111": ["Editors"], "222": ["Clerks", "@everyone"]})
    async with Library(db) as lib:
        config = GuildConfig(DEFAULTS)
        await config.load(lib.store, legacy)
        assert config.server_roles(111) == ["Editors"]
        assert not legacy.exists() and (tmp_path / "guild_settings.json.imported").is_file()
        assert await config.remove(111, "editors")  # names compare without case
        assert await config.add(222, "Reviewers")
    # The file comes back (restored from a backup, or the rename had failed): the servers the
    # store knows keep their later roles; only a server new to the store is taken from it.
    _write_legacy(tmp_path, {"111": ["Editors"], "222": ["Clerks"], "333": ["Scribes"]})
    async with Library(db) as lib:
        config = GuildConfig(DEFAULTS)
        await config.load(lib.store, legacy)
        assert config.server_roles(111) == []
        assert config.server_roles(222) == ["Clerks", "@everyone", "Reviewers"]
        assert config.server_roles(333) == ["Scribes"]
        # @everyone from an old file still makes nobody a moderator.
        bot = _Owners(config)
        guild = make_guild(222)
        assert not is_moderator(bot, make_member(5, roles=("@everyone",)), guild)
        assert is_moderator(bot, make_member(6, roles=("clerks",)), guild)
        assert is_moderator(bot, make_member(7, roles=("Moderator",)), guild)  # the default
        # Without the file, the store alone has it all.
        config = GuildConfig(DEFAULTS)
        await config.load(lib.store, tmp_path / "guild_settings.json")
        assert config.server_roles(333) == ["Scribes"]


class _Owners:
    """What is_moderator needs of the bot: no owners, this config."""

    def __init__(self, config: GuildConfig) -> None:
        self.owner_id = None
        self.owner_ids: set[int] = set()
        self.guild_config = config


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b'{"mod_roles": {"111": "Editors"}}',  # a name where a list belongs
        b'["Editors"]',
        b"\xff\xfe garbage",
    ],
)
async def test_an_unreadable_guild_settings_json_is_logged_and_left(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    legacy = tmp_path / "guild_settings.json"
    legacy.write_bytes(content)
    async with Library(tmp_path / "rapporteur.db") as lib:
        await lib.store.set_guild_roles("111", ["Clerks"])
        config = GuildConfig(DEFAULTS)
        with caplog.at_level(logging.ERROR):
            await config.load(lib.store, legacy)
        assert config.server_roles(111) == ["Clerks"]  # the store's roles still apply
        assert await lib.store.guild_roles() == {"111": ["Clerks"]}
    assert legacy.read_bytes() == content  # left in place, for a person to look at
    assert any(str(legacy) in r.getMessage() for r in caplog.records)


async def test_the_bot_imports_the_file_beside_its_database_at_start(tmp_path: Path) -> None:
    legacy = _write_legacy(tmp_path, {"111": ["Editors"]})
    async with Library(tmp_path / "rapporteur.db") as lib:
        bot = create_bot(make_settings(tmp_path), lib)
        await bot.setup_hook()
        assert bot.guild_config.server_roles(111) == ["Editors"]
        assert not legacy.exists()
        assert await lib.store.guild_roles() == {"111": ["Editors"]}


async def _disk_full(guild_id: str, roles: list[str]) -> None:
    raise DiskFull(
        "disk full: the database could not grow, so nothing was changed; free some space and retry"
    )


async def test_modrole_changes_survive_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "rapporteur.db"
    async with Library(db) as lib:
        bot = create_bot(make_settings(tmp_path), lib, sharded=False)  # dpytest: unsharded
        await configure_dpytest(bot, members=["owner", "bob"])
        await bot.setup_hook()
        config = dpytest.get_config()
        guild, owner = config.guilds[0], config.members[0]
        admin = dpytest.backend.make_role(
            "Admins", guild, permissions=discord.Permissions(manage_guild=True).value
        )
        await dpytest.add_role(owner, admin)
        replies: list[str] = []
        for typed in ("add Editors", "add Reviewers", "remove reviewers", "add @everyone"):
            await dpytest.message(f"!modrole {typed}", member=owner)
            replies.append(dpytest.get_message().content)
        assert "now moderators" in replies[0] and "no longer" in replies[2], replies
        assert "Not added" in replies[3], replies
        # A write that fails (a full disk) changes nothing, says so, and the bot goes on.
        monkeypatch.setattr(lib.store, "set_guild_roles", _disk_full)
        await dpytest.message("!modrole add Clerks", member=owner)
        reply = dpytest.get_message().content
        assert reply.startswith("Not saved: disk full") and "free some space" in reply, reply
        assert bot.guild_config.server_roles(guild.id) == ["Editors"]
        monkeypatch.undo()
        await dpytest.empty_queue()
    # A new process on the same database: what `!modrole` did is there, @everyone is not.
    async with Library(db) as lib:
        restarted = create_bot(make_settings(tmp_path), lib)
        await restarted.setup_hook()
        assert restarted.guild_config.server_roles(guild.id) == ["Editors"]
        same_guild = make_guild(guild.id)
        assert is_moderator(restarted, make_member(9, roles=("Editors",)), same_guild)
        assert not is_moderator(restarted, make_member(9, roles=("Reviewers",)), same_guild)
        assert not is_moderator(restarted, make_member(9, roles=("@everyone",)), same_guild)
