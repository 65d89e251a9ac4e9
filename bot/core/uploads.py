"""A moderator's upload against what its scope already holds: no file dropped or
replacing a document without a word (see Library._upload)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from bot.core.storage import StoredSource


class Twins:
    """Uploaded content already held: by a document of the scope under another file name,
    or by an earlier file of the same upload. Either way the file is refused, naming it."""

    def __init__(self, existing: dict[str, StoredSource]) -> None:
        self.held = {s.sha256: s for s in existing.values()}
        self.seen: dict[str, str] = {}  # sha256 -> the upload's first file with that content

    def refusal(self, name: str, sha: str) -> str | None:
        old = self.held.get(sha)
        if old is not None and old.source != name:
            when = f" on {old.loaded_at[:10]}" if old.loaded_at else ""
            return (
                f"the same content as {old.label} ({old.source}), loaded here{when}:"
                " not loaded twice; remove that one first to load it under this name"
            )
        first = self.seen.setdefault(sha, name)
        if first != name:
            return f"the same content as {first}, earlier in this upload: loaded once"
        return None


def distinct_names(
    files: Sequence[tuple[str, Callable[[], bytes]]], existing: dict[str, StoredSource]
) -> tuple[list[tuple[str, Callable[[], bytes]]], dict[str, str]]:
    """The files with one name each: a name already used earlier in the upload becomes
    "name (2).ext" (a name neither in the upload nor in the scope). Returns the files and
    {new name: name given}."""
    taken = set(existing) | {name for name, _ in files}
    used: set[str] = set()
    out: list[tuple[str, Callable[[], bytes]]] = []
    renamed: dict[str, str] = {}
    for name, read in files:
        if name in used:
            path = Path(name)
            n = 2
            while (new := str(path.with_name(f"{path.stem} ({n}){path.suffix}"))) in taken:
                n += 1
            taken.add(new)
            renamed[new] = name
            name = new
        used.add(name)
        out.append((name, read))
    return out, renamed
