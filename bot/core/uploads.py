"""A moderator's upload against what its scope already holds: no file dropped or
replacing a document without a word (see Library._upload)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from bot.core.storage import CORPUS_SCOPE, StoredDocument, StoredSource
from bot.core.symbols import symbol_key

ALREADY = "already loaded as"  # how a refusal of content held here begins (LoadReport.already)


class Twins:
    """Uploaded content already visible here: a document of the scope (under any file name,
    its own included), of the bundled corpus, or an earlier file of the same upload. Either
    way the file is refused, naming the document that holds it: nothing is stored twice."""

    def __init__(
        self, existing: dict[str, StoredSource], bundled: dict[str, StoredSource] | None = None
    ) -> None:
        # The server's own copy first: it is the one people here see under that symbol.
        self.bundled = {s.sha256: s for s in (bundled or {}).values()}
        self.held = {s.sha256: s for s in existing.values()}
        self.seen: dict[str, str] = {}  # sha256 -> the upload's first file with that content

    def refusal(self, name: str, sha: str) -> str | None:
        old = self.held.get(sha)
        if old is not None:
            if old.source == name:
                return f"{ALREADY} {old.label}: the same file, unchanged; not stored twice"
            when = f" on {old.loaded_at[:10]}" if old.loaded_at else ""
            return (
                f"{ALREADY} {old.label} ({old.source}), loaded here{when}: the same"
                " content, not stored twice; remove that one first to load it under this name"
            )
        bundled = self.bundled.get(sha)
        if bundled is not None:
            return (
                f"{ALREADY} {bundled.label} ({bundled.source}, in the bundled corpus):"
                " the same content, not stored twice"
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


def same_document(new: StoredDocument, old: StoredDocument) -> bool:
    """Another copy of one document: a symbol in common, in the same language (the French
    edition of S/2025/74 is not a version of the English one)."""
    if new.id == old.id or not new.symbols or new.language != old.language:
        return False
    return bool({symbol_key(s) for s in new.symbols} & {symbol_key(s) for s in old.symbols})


def copies_index(docs: Iterable[StoredDocument]) -> dict[tuple[str, str], list[StoredDocument]]:
    """Documents by (symbol key, language): one pass, so each upload's look-up is cheap."""
    index: dict[tuple[str, str], list[StoredDocument]] = {}
    for d in docs:
        for s in d.symbols:
            index.setdefault((symbol_key(s), d.language or ""), []).append(d)
    return index


def copies_of(
    new: StoredDocument, index: dict[tuple[str, str], list[StoredDocument]]
) -> list[StoredDocument]:
    """The indexed documents that are copies of `new` (same_document), each once."""
    found: dict[int, StoredDocument] = {}
    for s in new.symbols:
        for d in index.get((symbol_key(s), new.language or ""), []):
            if same_document(new, d):
                found.setdefault(d.id, d)
    return list(found.values())


def same_text(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two documents' paragraphs hold the same words (spacing and line breaks aside)."""
    return " ".join(" ".join(a).split()) == " ".join(" ".join(b).split())


def where(doc: StoredDocument) -> str:
    """ "S/2025/74 (S_2025_74.pdf, in the bundled corpus)", for a refusal or a warning."""
    place = ", in the bundled corpus" if doc.scope == CORPUS_SCOPE else ", loaded here"
    return f"{doc.label} ({doc.source}{place})"
