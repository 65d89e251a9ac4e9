"""The store's schema: numbered migrations in bot/core/migrations/, applied in order."""

from __future__ import annotations

from importlib import resources


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("bot.core") / "migrations"
    out = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            out.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    return sorted(out)


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements: list[str] = []
    buf: list[str] = []
    depth = 0
    for line in sql.splitlines():
        stripped = line.strip()
        if not buf and (not stripped or stripped.startswith("--")):
            continue
        buf.append(line)
        upper = stripped.upper()
        if upper.endswith("BEGIN"):
            depth += 1
        if stripped.endswith(";"):
            if depth and upper.startswith("END"):
                depth -= 1
            if depth == 0:
                statements.append("\n".join(buf))
                buf = []
    if buf and "".join(buf).strip():
        statements.append("\n".join(buf))
    return statements
