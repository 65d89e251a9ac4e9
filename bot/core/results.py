"""What the library answers: plain dataclasses that the renderers turn into text, embeds or JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core.storage import StoredDocument
from bot.core.symbols import undocs_url


@dataclass(slots=True)
class CitedResolution:
    symbol: str
    kind: str = "resolution"  # "resolution", "decision", "other"
    mentions: int = 1
    paragraphs: list[int] = field(default_factory=list)
    year_inferred: bool = False
    loaded_doc: StoredDocument | None = None  # its own text is loaded: the user can open it

    @property
    def url(self) -> str:
        return undocs_url(self.symbol)


@dataclass(slots=True)
class Summary:
    doc: StoredDocument
    record: dict[str, Any]
    key_points: list[str]
    resolutions: list[CitedResolution]
    paragraphs: int
    contents: list[str] = field(default_factory=list)  # a long report's top-level sections


@dataclass(slots=True)
class Resolutions:
    doc: StoredDocument
    items: list[CitedResolution]  # resolutions, then decisions, then other bodies'


@dataclass(slots=True)
class FindHit:
    doc: StoredDocument
    paragraph: int
    text: str
    score: float
    spans: list[tuple[int, int]]


@dataclass(slots=True)
class FindResult:
    query: str
    hits: list[FindHit]
    within: StoredDocument | None = None
    translated: str | None = None  # the query in the other language, when it found some hits
    # `within` was too long to score every paragraph: its length, and the passages holding the
    # query's words that were fetched from the index and scored instead (0: it was read whole).
    within_paragraphs: int = 0
    scored: int = 0


@dataclass(slots=True)
class CitingDocument:
    doc: StoredDocument
    mentions: int
    paragraph: int | None
    passage: str


@dataclass(slots=True)
class Cites:
    symbol: str
    items: list[CitingDocument]
    loaded_doc: StoredDocument | None = None
    year_inferred: bool = False

    @property
    def url(self) -> str:
        return undocs_url(self.symbol)


@dataclass(slots=True)
class DocList:
    query: str
    items: list[tuple[int, StoredDocument]]  # (number in the full list, document)
    total: int


@dataclass(slots=True)
class DocDetail:
    doc: StoredDocument
    paragraphs: list[tuple[int, str, str]]  # (index, section, text)
    # The whole document's size; when it is over the library's bound, `paragraphs` holds only
    # its beginning (complete=False).
    total_paragraphs: int = 0
    total_chars: int = 0
    complete: bool = True


@dataclass(slots=True)
class Replaced:
    """The document an upload of the same file name replaced: what it was, who loaded it, when."""

    label: str
    source: str
    loaded_by: str | None = None
    loaded_at: str | None = None


@dataclass(slots=True)
class LoadedDocument:
    source: str
    symbols: list[str]
    title: str | None
    paragraphs: int
    citations: int
    doc_id: int | None = None
    replaces: Replaced | None = None  # a document of this server with the same file name
    renamed_from: str | None = None  # another file of the upload had this name first
    # What the reader should know: a damaged symbol, a poor OCR layer, another version here.
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LoadReport:
    loaded: list[LoadedDocument] = field(default_factory=list)
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    removed: int = 0
    # (file, "already loaded as S/2025/74 (…)"): content visible here already, not stored twice.
    already: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Removed:
    doc: StoredDocument
