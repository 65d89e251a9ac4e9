"""What the Library, the dialogue and the answers ask of a store, whichever database holds it.

Two stores implement it: `bot.core.storage.Store` (SQLite, the default) and
`bot.core.pg.PgStore` (PostgreSQL, for a `postgresql://` URL). Callers name operations, never
pass database functions, so neither store's SQL leaks out of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from bot.core.models import DocumentRecord
    from bot.core.search import Hit
    from bot.core.storage import (
        SaveProgress,
        StoredCitation,
        StoredDocument,
        StoredParagraph,
        StoredSource,
    )

Item = tuple[str, str, "DocumentRecord"]  # (source, sha256, record)
# (query, weight, words put in by a translation): see Library.find
WeightedQuery = tuple[str, float, frozenset[str]]
DetailRows = tuple[list[tuple[int, str, str]], int, int]  # (idx, section, text), count, chars
FoundHits = tuple[list["Hit"], dict[int, "StoredDocument"], list[int]]


class DocumentStore(Protocol):
    """Documents, their paragraphs, citations and vocabulary, kept per scope."""

    # Bumped on every change this process sees; `refresh()` brings in other processes' changes.
    generation: int

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def refresh(self) -> int:
        """The generation as of now, other processes' writes included (cheap: caches call it
        before each use)."""
        ...

    # ---- writes
    async def source_hashes(self, scope: str) -> dict[str, str]: ...

    async def save_documents(
        self,
        scope: str,
        items: Sequence[Item],
        loaded_by: str | None = None,
        progress: SaveProgress | None = None,
        terms: Counter[str] | None = None,
    ) -> list[int]: ...

    async def save_stream(
        self,
        scope: str,
        batches: AsyncIterator[Sequence[Item]],
        loaded_by: str | None = None,
        progress: SaveProgress | None = None,
        total: int = 0,
        terms: Counter[str] | None = None,
    ) -> list[int]: ...

    async def delete_document(self, doc_id: int) -> None: ...

    async def delete_sources(self, scope: str, sources: Iterable[str]) -> int: ...

    # ---- reads
    async def documents(self, scopes: Sequence[str]) -> list[StoredDocument]: ...

    async def document(self, doc_id: int, scopes: Sequence[str]) -> StoredDocument | None: ...

    async def documents_by_id(
        self, ids: Iterable[int], scopes: Sequence[str]
    ) -> dict[int, StoredDocument]: ...

    async def sources(self, scope: str) -> dict[str, StoredSource]: ...

    async def paragraphs(self, doc_id: int) -> list[StoredParagraph]: ...

    async def paragraph_text(self, doc_id: int, idx: int) -> str: ...

    async def citations(self, doc_id: int) -> list[StoredCitation]: ...

    async def citing(
        self, symbol: str, scopes: Sequence[str]
    ) -> list[tuple[int, int, int | None]]: ...

    async def loaded_symbols(
        self, keys: Iterable[str], scopes: Sequence[str]
    ) -> dict[str, int]: ...

    async def vocabulary(self, scopes: Sequence[str]) -> list[tuple[str, int]]: ...

    async def paragraph_count(self) -> int: ...

    async def integrity_check(self) -> str: ...

    async def detail_rows(self, doc_id: int, max_chars: int, preview_chars: int) -> DetailRows:
        """A document's paragraphs within `max_chars` (else its first `preview_chars`), and its
        paragraph and character counts (see fairness.detail_rows)."""
        ...

    async def summary_parts(self, doc_id: int, chars: int) -> tuple[list[str], list[str], int]:
        """Key sentences and contents of a document's first `chars`, and its paragraph count."""
        ...

    async def find(
        self,
        queries: list[WeightedQuery],
        scopes: Sequence[str],
        within: int | None,
        limit: int,
        cache: dict,
        stats: dict[str, int],
    ) -> FoundHits:
        """The hits of the weighted queries merged, their documents, and which later queries
        contributed (see store_reads.find_with_documents)."""
        ...

    async def body_hits(self, terms: list[tuple[str, str]]) -> dict[int, dict[str, int]]:
        """doc id -> {word: paragraphs holding it}, for lookup.body_terms' (word, query)."""
        ...


class GuildSettingsStore(Protocol):
    """Per-server settings kept in the store (moderator roles)."""

    async def guild_roles(self) -> dict[str, list[str]]: ...

    async def set_guild_roles(self, guild_id: str, roles: list[str]) -> None: ...


class StoreAPI(DocumentStore, GuildSettingsStore, Protocol):
    """Everything both stores implement."""
