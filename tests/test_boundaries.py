"""The core knows UN documents and nothing of Discord."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "bot" / "core"


def test_core_sources_import_nothing_from_discord() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "discord"]
    assert not offenders, offenders
    assert len(list(CORE.rglob("*.py"))) > 10  # the scan really looked at the core


def test_importing_the_core_loads_no_discord_module() -> None:
    code = (
        "import sys, bot.core.library, bot.core.parse, bot.core.citations, bot.core.search; "
        "print(any(m == 'discord' or m.startswith('discord.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
