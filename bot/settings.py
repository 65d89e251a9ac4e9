"""Settings from the environment, in one small typed object."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from bot.core.dbfile import is_server_url
from bot.shards import BadShards, ShardSpec, parse_shards

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def default_db_path() -> Path:
    return Path(user_data_dir("rapporteur", appauthor=False)) / "rapporteur.db"


def _ints(value: str | None) -> frozenset[int]:
    return frozenset(int(v) for v in (value or "").replace(",", " ").split() if v.isdigit())


@dataclass(slots=True)
class Settings:
    token: str | None = None
    db_path: Path = field(default_factory=default_db_path)
    data_dir: Path = PACKAGE_ROOT / "data"
    prefix: str = "!"
    owner_ids: frozenset[int] = frozenset()
    mod_role_names: frozenset[str] = frozenset({"moderator", "mod", "modérateur"})
    max_upload_bytes: int = 20 * 1024 * 1024
    test_guild: int | None = None
    shards: str | None = None  # "0-3/8": the shard ids this process runs (bot/shards.py)
    # A postgresql:// URL given as the database: the store is PostgreSQL (db_path then only
    # places the log and other files beside the default database).
    db_url: str | None = None

    @property
    def database(self) -> str | Path:
        """What the Library opens: the PostgreSQL URL, else the SQLite file."""
        return self.db_url or self.db_path

    @classmethod
    def from_env(cls, db: str | None = None, shards: str | None = None) -> Settings:
        env = os.environ
        s = cls()
        s.token = (env.get("DISCORD_TOKEN") or "").strip() or None  # a .env line's newline
        name = db or env.get("RAPPORTEUR_DB")
        if name and is_server_url(name):
            s.db_url = name
        elif name:
            s.db_path = Path(name).expanduser()
        if env.get("RAPPORTEUR_DATA"):
            s.data_dir = Path(env["RAPPORTEUR_DATA"]).expanduser()
        s.prefix = env.get("RAPPORTEUR_PREFIX", s.prefix)
        s.owner_ids = _ints(env.get("RAPPORTEUR_OWNERS"))
        if env.get("RAPPORTEUR_MOD_ROLES"):
            s.mod_role_names = frozenset(
                r.strip().lower() for r in env["RAPPORTEUR_MOD_ROLES"].split(",") if r.strip()
            )
        guild = env.get("RAPPORTEUR_TEST_GUILD", "")
        s.test_guild = int(guild) if guild.isdigit() else None
        s.shards = (shards or env.get("RAPPORTEUR_SHARDS") or "").strip() or None
        return s

    def shard_spec(self) -> ShardSpec | None:
        """The shards to run; None: all of them, as many as Discord asks. BadShards if wrong."""
        return parse_shards(self.shards) if self.shards else None

    def shards_problem(self) -> str | None:
        """What is wrong with RAPPORTEUR_SHARDS / --shards, before anything starts."""
        try:
            self.shard_spec()
        except BadShards as e:
            return str(e)
        return None

    def token_problem(self) -> str | None:
        """Why the token cannot be one Discord would accept, before trying to log in with it."""
        if not self.token:
            return "DISCORD_TOKEN is not set; see README, 'Running on Discord'"
        if not self.token.isascii() or any(c.isspace() or not c.isprintable() for c in self.token):
            return (
                "DISCORD_TOKEN holds spaces, line breaks or non-ASCII characters; copy the bot "
                "token again from the developer portal"
            )
        return None
