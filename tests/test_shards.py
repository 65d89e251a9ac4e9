"""Sharding: the RAPPORTEUR_SHARDS / --shards spec, the bot it builds, and the database lock
that applies to SQLite files only (processes of one sharded bot share a PostgreSQL server)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import discord
import pytest
from discord.ext import commands
from discord_fakes import make_settings

from bot.__main__ import build_parser
from bot.__main__ import main as cli
from bot.console import claim_database
from bot.core.dbfile import is_server_url
from bot.core.errors import DatabaseBusy
from bot.discord.client import create_bot
from bot.settings import Settings
from bot.shards import BadShards, ShardSpec, parse_shards
from conftest import ROOT


@pytest.mark.parametrize(
    ("text", "ids", "count"),
    [
        ("0-3/8", (0, 1, 2, 3), 8),
        ("2/8", (2,), 8),
        ("0,2,5/8", (0, 2, 5), 8),
        ("6,0-1/8", (0, 1, 6), 8),  # ranges and single ids mixed, in any order
        (" 7 / 8 ", (7,), 8),
        ("0/1", (0,), 1),
        ("4-4/5", (4,), 5),
    ],
)
def test_good_specs(text: str, ids: tuple[int, ...], count: int) -> None:
    assert parse_shards(text) == ShardSpec(ids, count)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("4/4", "shard 4 does not exist in a total of 4 (ids run from 0 to 3)"),
        ("0-8/8", "shard 8 does not exist"),
        ("3-1/8", "the range 3-1 runs backwards (write 1-3)"),
        ("x/8", "'x' is not a shard id"),
        ("-1/8", "'-1' is not a shard id"),
        ("0/0", "the total number of shards must be at least 1"),
        ("0/x", "the total 'x' is not a whole number"),
        ("0/", "the total '' is not a whole number"),
        ("/8", "'' is not a shard id"),
        ("0,/8", "'' is not a shard id"),
        ("3", "write the shard ids, a slash and the total, e.g. 0-3/8"),
        ("0/4/8", "write the shard ids, a slash and the total"),
        ("0-2,2/8", "shard 2 is listed twice"),
        ("١/8", "'١' is not a shard id"),  # an Arabic-Indic one: a digit to str.isdigit
    ],
)
def test_bad_specs_say_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(BadShards) as e:
        parse_shards(text)
    message = str(e.value)
    assert says in message and message.startswith(f"bad shard spec {text.strip()!r}"), message
    assert "\n" not in message


def test_the_bot_runs_the_shards_it_is_given(tmp_path: Path) -> None:
    bot = create_bot(make_settings(tmp_path, shards="0-3/8"))
    assert isinstance(bot, commands.AutoShardedBot)
    assert bot.shard_ids == [0, 1, 2, 3] and bot.shard_count == 8
    one = create_bot(make_settings(tmp_path, shards="5/8"))
    assert one.shard_ids == [5] and one.shard_count == 8


def test_without_a_spec_discord_py_shards_as_discord_asks(tmp_path: Path) -> None:
    bot = create_bot(make_settings(tmp_path))
    assert isinstance(bot, discord.AutoShardedClient)
    assert bot.shard_ids is None and bot.shard_count is None  # asked of Discord at login
    plain = create_bot(make_settings(tmp_path, shards="0-3/8"), sharded=False)  # for dpytest
    assert not isinstance(plain, discord.AutoShardedClient)


@pytest.mark.parametrize(
    "argv",
    [
        ["--shards", "0-3/8", "ask", "hello"],
        ["ask", "--shards", "0-3/8", "hello"],
        ["--db", "x.db", "discord", "--shards", "0-3/8"],
        ["console", "--shards=0-3/8"],
    ],
)
def test_shards_is_accepted_before_and_after_the_command(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert args.shards == "0-3/8"
    assert Settings.from_env(args.db, args.shards).shard_spec() == ShardSpec((0, 1, 2, 3), 8)


def test_the_option_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORTEUR_SHARDS", "1/2")
    assert Settings.from_env().shard_spec() == ShardSpec((1,), 2)
    assert Settings.from_env(None, "0/4").shard_spec() == ShardSpec((0,), 4)
    monkeypatch.setenv("RAPPORTEUR_SHARDS", " ")
    assert Settings.from_env().shard_spec() is None


@pytest.mark.parametrize("argv", [["--shards", "4/4", "discord"], ["discord", "--shards", "3-1/8"]])
def test_a_bad_spec_stops_the_bot_with_one_line(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("RAPPORTEUR_DB", str(tmp_path / "r.db"))
    monkeypatch.setenv("DISCORD_TOKEN", "a.b.c")
    assert cli(argv) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("rapporteur: bad shard spec"), lines
    assert list(tmp_path.iterdir()) == []  # stopped before the database or its lock


def test_a_bad_spec_in_the_environment_stops_the_process(tmp_path: Path) -> None:
    env = {**os.environ, "RAPPORTEUR_DB": str(tmp_path / "r.db"), "DISCORD_TOKEN": "a.b.c"}
    env["RAPPORTEUR_SHARDS"] = "x/8"
    out = subprocess.run(
        [sys.executable, "-m", "bot"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,  # guards against a hang only
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        "rapporteur: bad shard spec 'x/8' (--shards or RAPPORTEUR_SHARDS): 'x' is not a shard id"
        " or a range of them (like 0-3)"
    ]


# ---- the database lock is for SQLite files only ---------------------------------------------


@pytest.mark.parametrize(
    ("target", "server"),
    [
        ("postgresql://rapporteur@db:5432/rapporteur", True),
        ("postgres://u:p@localhost/r", True),
        ("postgresql+psycopg://u@h/r", True),
        ("POSTGRESQL://u@h/r", True),
        (Path("postgresql://u@h/r"), True),  # Path makes `//` one `/`: still a URL
        ("/var/lib/rapporteur/rapporteur.db", False),
        ("postgresql.db", False),
        ("data/postgres/rapporteur.db", False),
        (":memory:", False),
    ],
)
def test_server_urls_are_told_from_files(target: str | Path, server: bool) -> None:
    assert is_server_url(target) is server


def test_no_lock_file_for_a_postgresql_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = Path("postgresql://rapporteur@localhost/rapporteur")
    first, second = claim_database(url), claim_database(url)  # two shards' processes
    assert first is None and second is None
    assert list(tmp_path.iterdir()) == []  # no folder, no lock file made from the URL
    # A SQLite file is still claimed by one process at a time.
    db = tmp_path / "r.db"
    claim = claim_database(db)
    try:
        with pytest.raises(DatabaseBusy):
            claim_database(db)
    finally:
        if claim is not None:
            claim.close()
