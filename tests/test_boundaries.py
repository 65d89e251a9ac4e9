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


ROOT = CORE.parent.parent
FRONT = ROOT / "bot" / "discord"


def imports(path: Path) -> set[str]:
    """Every module a file imports, type-only imports too (an edge of the design all the same)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)  # `from pkg import mod`
    return out


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of the graph (as a path that ends where it starts), or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt, [*path, nxt])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_find_cycle_sees_a_cycle_and_its_absence() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_discord_front_end_has_no_import_cycle() -> None:
    files = [*FRONT.rglob("*.py"), *(ROOT / "cogs").glob("*.py")]
    names = {module_name(p): p for p in files}
    graph = {name: imports(p) & names.keys() for name, p in names.items()}
    assert "bot.discord.context" in graph and len(names) > 8  # the scan really looked
    assert graph["bot.discord.client"]  # and saw edges
    assert find_cycle(graph) is None, find_cycle(graph)


def test_core_imports_nothing_from_the_front_ends() -> None:
    offenders = [
        f"{p.name}: {m}"
        for p in CORE.rglob("*.py")
        for m in imports(p)
        if m.startswith(("bot.discord", "cogs", "bot.console", "bot.terminal"))
    ]
    assert not offenders, offenders
