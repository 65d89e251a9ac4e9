"""PostgreSQL databases for the benches: on a server named by URL, or on a throw-away one started
as the tests start theirs (tests/pg_server.py), with PostgreSQL's durable defaults and memory
settings a small dedicated server would have."""

from __future__ import annotations

import sys
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pg_server import TempPostgres

SETTINGS = {
    "shared_buffers": "1GB",
    "maintenance_work_mem": "512MB",
    "work_mem": "32MB",
    "max_wal_size": "8GB",
    "effective_cache_size": "4GB",
}


class PgDatabases:
    def __init__(self, db: str) -> None:
        self.server: TempPostgres | None = None
        if db == "postgresql-temp":
            self.server = TempPostgres(fast=False, settings=SETTINGS)
            self.url = self.server.start()
        else:
            self.url = db

    def database(self, name: str) -> str:
        """A new empty database `name` on the server (dropped first if it is there)."""
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        params = conninfo_to_dict(self.url)
        params["dbname"] = name
        return "postgresql://?" + "&".join(f"{k}={v}" for k, v in params.items() if v is not None)

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


__all__ = ["PgDatabases"]
