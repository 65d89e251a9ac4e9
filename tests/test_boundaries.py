"""The core knows UN documents and nothing of Discord."""

from __future__ import annotations

import ast
import re
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


def _month_words() -> dict[str, int]:
    """Every month word the lexicons know (document names and the conversation's), folded,
    without the ones that are also ordinary words ("may", "mai", "mars", "march")."""
    from bot.core.lexicon import LANGS
    from bot.core.lexicon.words import MONTH_NAMES, MONTH_VARIANTS
    from bot.core.textnorm import fold

    out: dict[str, int] = {}
    for names in MONTH_NAMES.values():
        out.update({fold(n): i for i, n in enumerate(names, start=1)})
    for variants in MONTH_VARIANTS.values():
        out.update({fold(n): i for n, i in variants.items()})
    for lang in LANGS:
        raw = __import__(f"bot.core.lexicon.{lang}", fromlist=["LEX"]).LEX
        out.update({fold(n).rstrip("*"): i for n, i in raw.get("months", {}).items()})
    for common in ("may", "mai", "mars", "march", "mar", "jun", "jul", "dec", "oct", "nov"):
        out.pop(common, None)
    return {w: i for w, i in out.items() if len(w) >= 4}


def code_words(source: str) -> list[str]:
    """The words of a module's code: its string constants (docstrings aside) and names, not its
    comments and docstrings, where examples of dates belong."""
    tree = ast.parse(source)
    docs = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }
    out: list[str] = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs:
            out += re.findall(r"\w+", n.value)
        elif isinstance(n, ast.Name):
            out.append(n.id)
    return out


def month_tables(source: str, words: dict[str, int]) -> set[int]:
    """The months a module's code names (as whole words, any case, accents or not)."""
    from bot.core.textnorm import fold

    found = set()
    for token in map(fold, code_words(source)):
        for w, i in words.items():
            if token == w or (len(w) >= 5 and token.startswith(w) and not token.isascii()):
                found.add(i)
    return found


def test_month_tables_live_only_in_the_lexicon() -> None:
    words = _month_words()
    # The check sees a table: a file naming six months or more.
    assert len(month_tables('x = "january february march april may june july august"', words)) >= 6
    assert len(month_tables('x = "mayo junio julio agosto septiembre octubre"', words)) == 6
    assert not month_tables('"""17 January, 1 février, 3 agosto, 5 июля."""\n# 1 avril', words)
    offenders = {}
    for path in CORE.rglob("*.py"):
        if "lexicon" in path.relative_to(CORE).parts:
            continue
        months = month_tables(path.read_text(encoding="utf-8"), words)
        if len(months) >= 4:
            offenders[str(path.relative_to(CORE))] = sorted(months)
    assert not offenders, offenders


def test_signature_markers_live_only_in_the_lexicon() -> None:
    from bot.core.lexicon.words import SIGNED_MARKERS

    markers = {m for lang, ms in SIGNED_MARKERS.items() if lang != "en" for m in ms}
    assert markers & set(code_words('x = r"^\\((?:Signed|signé|Firmado)\\)"'))
    offenders = [
        str(path.relative_to(CORE))
        for path in CORE.rglob("*.py")
        if "lexicon" not in path.relative_to(CORE).parts
        and markers & {w.lower() for w in code_words(path.read_text(encoding="utf-8"))}
    ]
    assert not offenders, offenders


def test_lexicon_modules_hold_data_not_patterns() -> None:
    """Words are data that code reads (patterns are built from them elsewhere)."""
    data_modules = [p for p in (CORE / "lexicon").glob("*.py") if p.name != "__init__.py"]
    assert len(data_modules) >= 7  # six languages and the core's words
    offenders = [
        p.name
        for p in data_modules
        if any(m == "re" or m.startswith("re.") for m in imports(p))
        or "re.compile" in p.read_text(encoding="utf-8")
    ]
    assert not offenders, offenders


_IMPORT_EACH = """
import importlib, sys, traceback
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "bot" or m.startswith("bot.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(name + ": " + traceback.format_exc().strip().splitlines()[-1])
print("\\n".join(failed))
"""


def test_every_core_module_imports_first() -> None:
    """Each core module imports on its own, as the first module of the process: a cycle that
    works only in one import order (mention <-> intents once did) breaks a script's import."""
    root = Path(__file__).resolve().parent.parent
    names = [
        ".".join(p.relative_to(root).with_suffix("").parts)
        for p in sorted((root / "bot" / "core").rglob("*.py"))
        if p.name != "__init__.py"
    ]
    assert len(names) > 40
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH, *names],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
