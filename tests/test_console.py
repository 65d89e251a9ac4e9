"""The terminal chat and the command line, run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.console import Console
from bot.core.library import Library
from conftest import ROOT


def _run(args: list[str], db: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RAPPORTEUR_DB": str(db)}
    env.pop("DISCORD_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli") / "cli.db"


def test_ask_json_answers_each_message(db: Path) -> None:
    out = _run(
        ["ask", "--json", "!resolutions S/2025/274", "@Rapporteur find condems seizure agdam"], db
    )
    assert out.returncode == 0, out.stderr
    first, second = (json.loads(line) for line in out.stdout.splitlines())
    assert first["intent"] == "resolutions"
    assert "S/2025/274" in first["document"]["symbols"]
    assert first["document"]["source"] == "corpus/en/S_2025_274.txt"
    assert "S/RES/2717 (2023)" in [i["symbol"] for i in first["result"]["items"]]
    assert second["intent"] == "find"
    assert second["result"]["hits"][0]["doc"]["source"].endswith("S_RES_853_1993.txt")


def test_ask_reads_messages_from_stdin_and_the_database_persists(db: Path) -> None:
    out = _run(["ask", "-"], db, stdin="!summary Azerbaïdjan avril 2020\n!cites 822 (1993)\n")
    assert out.returncode == 0, out.stderr
    assert "Yashar Aliyev" in out.stdout
    assert "S/RES/822 (1993)" in out.stdout
    assert "data/:" not in out.stderr  # second start: nothing parsed again


def test_console_repl_on_piped_stdin(db: Path) -> None:
    out = _run(
        ["console"],
        db,
        stdin="!help\nquelles résolutions cite la lettre de l'Azerbaïdjan d'avril 2020 ?\n!quit\n",
    )
    assert out.returncode == 0, out.stderr
    assert "!find" in out.stdout
    assert "S/RES/884 (1993)" in out.stdout


def test_load_needs_the_moderator_right_in_the_chat(db: Path, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    # A copy of a bundled letter with a line added: another version, kept beside it.
    bundled = (ROOT / "data/corpus/en/S_2025_182.txt").read_text()
    letter.write_text(bundled + "\nA line the moderator added.\n")
    out = _run(["ask", f"!load {letter}", "!asmod", f"!load {letter}"], db)
    assert "only moderators" in out.stdout.lower()
    assert "✅ S/2025/182" in out.stdout
    assert "another version of S/2025/182 is in the bundled corpus" in out.stdout
    # The bundled text itself is already here, whatever the file's name.
    letter.write_text(bundled)
    out = _run(["ask", "!asmod", f"!load {letter}"], db)
    assert "☑️ letter.txt: already loaded as S/2025/182" in out.stdout, out.stdout


def test_extract_prints_eval_records_and_lines(tmp_path: Path) -> None:
    seed = ROOT / "data/seed/000_d7938d8b0aeb43da.txt"
    out = _run(["extract", str(seed)], tmp_path / "x.db")
    record = json.loads(out.stdout)
    assert record["resolutions"] == [
        "S/RES/822 (1993)",
        "S/RES/853 (1993)",
        "S/RES/874 (1993)",
        "S/RES/884 (1993)",
    ]
    assert record["language"] == "fr" and record["kind"] == "letter"
    lines = tmp_path / "lines.txt"
    lines.write_text("Recalling resolution 2231 (2015)\nnothing here\n", encoding="utf-8")
    out = _run(["extract", "--lines", "--lang", "en", str(lines)], tmp_path / "x.db")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows[0] == {
        "line": 1,
        "resolutions": ["S/RES/2231 (2015)"],
        "decisions": [],
        "other": [],
        "year_inferred": [],
    }
    assert rows[1]["resolutions"] == []


async def test_it_refers_to_the_last_document(corpus_lib: Library) -> None:
    console = Console(corpus_lib)
    first = await console.ask("summarize S/2025/274")
    assert first.error is None
    again = await console.ask("which resolutions does it cite?")
    assert again.intent == "resolutions" and again.doc is not None
    assert "S/2025/274" in again.doc.symbols
