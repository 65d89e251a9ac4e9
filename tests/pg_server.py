"""A throw-away PostgreSQL server for tests and benches: initdb into a temporary folder, pg_ctl
start on a free local port with its unix socket in that folder, stopped and removed at the end.

PostgreSQL refuses to run as root: as root the server runs as the `postgres` user when there is
one. `TempPostgres.start()` raises `Unavailable` (saying why) when the binaries are missing or the
server does not start, so tests can skip with that reason.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_BIN_DIRS = ("/usr/local/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin")


class Unavailable(RuntimeError):
    """No PostgreSQL server can be started here (the reason is the message)."""


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for d in PG_BIN_DIRS:
        p = Path(d) / name
        if p.is_file():
            return str(p)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TempPostgres:
    """One server; `url(db)` names a database on it, `create(name)` makes a fresh one."""

    def __init__(self, fast: bool = True, settings: dict[str, str] | None = None) -> None:
        # fast: no fsync (tests); a bench keeps PostgreSQL's durable defaults.
        self.fast = fast
        self.settings = settings or {}
        self.root: Path | None = None
        self.port = 0
        self._as: list[str] = []
        self._names = itertools.count(1)

    def _run(self, *cmd: str) -> None:
        res = subprocess.run([*self._as, *cmd], capture_output=True, text=True, check=False)
        if res.returncode:
            raise Unavailable(f"{Path(cmd[0]).name} failed: {(res.stderr or res.stdout)[-800:]}")

    def start(self) -> str:
        initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if not initdb or not pg_ctl:
            raise Unavailable("PostgreSQL's initdb/pg_ctl are not installed")
        self.root = Path(tempfile.mkdtemp(prefix="rapporteur-pg-"))
        if os.geteuid() == 0:  # the server will not run as root
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root and there is no `postgres` user") from None
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        data = self.root / "data"
        self._run(initdb, "-D", str(data), "-A", "trust", "-U", "rapporteur", "-E", "UTF8",
                  "--locale=C", "--no-sync")  # fmt: skip
        self.port = _free_port()
        fast = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
        opts = {
            "port": str(self.port),
            "unix_socket_directories": f"'{self.root}'",
            "listen_addresses": "''",
            "max_connections": "200",
            **(fast if self.fast else {}),
            **self.settings,
        }
        o = " ".join(f"-c {k}={v}" for k, v in opts.items())
        self._run(pg_ctl, "-D", str(data), "-o", o, "-l", str(self.root / "log"), "-w", "start")
        return self.url("postgres")

    def url(self, db: str) -> str:
        return f"postgresql://rapporteur@/{db}?host={self.root}&port={self.port}"

    def create(self, prefix: str = "t") -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.root is None:
            return
        pg_ctl = _binary("pg_ctl")
        if pg_ctl and (self.root / "data" / "postmaster.pid").exists():
            with contextlib.suppress(Unavailable):
                self._run(pg_ctl, "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None
