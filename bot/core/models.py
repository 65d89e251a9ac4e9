"""Plain dataclasses shared by the core: what a UN document is made of once parsed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["letter", "identical letters", "note verbale", "resolution", "report", "other"]
CitationKind = Literal["resolution", "decision", "other"]


@dataclass(slots=True)
class Citation:
    """One mention of a resolution (or decision) in a text."""

    symbol: str  # canonical: "S/RES/822 (1993)", "A/RES/62/243", "A/RES/181 (II)"
    kind: CitationKind = "resolution"
    body: str = ""  # "SC", "GA", "ECOSOC", "HRC", "CHR", or the other body's name
    start: int = 0  # character span of the mention in the text given to the extractor
    end: int = 0
    surface: str = ""  # the words as written, e.g. "822 (1993)"
    year_inferred: bool = False  # a bare SC number whose year came from the numbering
    paragraph: int | None = None  # index of the paragraph holding it, when known

    @property
    def url(self) -> str:
        from bot.core.symbols import undocs_url

        return undocs_url(self.symbol)


@dataclass(slots=True)
class Paragraph:
    index: int  # 0-based position in the document
    text: str
    section: str = "body"  # "masthead", "body", "annex", "footnote"


@dataclass(slots=True)
class Sender:
    role: str | None = None
    entity: str | None = None


@dataclass(slots=True)
class BodyRef:
    body: str  # "GA", "SC", "ECOSOC", "HRC", or a body's printed name
    session: int | str | None = None  # 79; "2025" (ECOSOC); "First regular session 2025"
    year: int | None = None
    agenda_items: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Annex:
    title: str | None = None
    date: str | None = None  # ISO date
    author: str | None = None


@dataclass(slots=True)
class DocumentRecord:
    """A parsed document: the structured record plus its paragraphs and citations."""

    symbols: list[str] = field(default_factory=list)
    kind: str = "other"
    language: str | None = None
    original_language: str | None = None
    distribution_date: str | None = None
    letter_date: str | None = None
    adoption_date: str | None = None
    title: str | None = None
    subject: str | None = None
    sender: Sender | None = None
    addressees: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    bodies: list[BodyRef] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    request_to_circulate: bool = False
    paragraphs: list[Paragraph] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    # What the reader should be told about this parse (a damaged symbol, no masthead symbol).
    warnings: list[str] = field(default_factory=list)

    @property
    def resolutions(self) -> list[str]:
        """Distinct cited resolution symbols in order of first mention."""
        return _distinct(c.symbol for c in self.citations if c.kind == "resolution")

    @property
    def decisions(self) -> list[str]:
        return _distinct(c.symbol for c in self.citations if c.kind == "decision")

    @property
    def other(self) -> list[str]:
        return _distinct(c.symbol for c in self.citations if c.kind == "other")

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    def to_eval_record(self, file: str) -> dict[str, Any]:
        """The field names of ../shared/eval/documents_dev.jsonl."""
        bodies = []
        for b in self.bodies:
            d: dict[str, Any] = {"body": b.body}
            if b.session is not None:
                d["session"] = b.session
            if b.year is not None:
                d["year"] = b.year
            if b.agenda_items:
                d["agenda_items"] = list(b.agenda_items)
            bodies.append(d)
        return {
            "file": file,
            "symbols": list(self.symbols),
            "kind": self.kind,
            "language": self.language,
            "original_language": self.original_language,
            "distribution_date": self.distribution_date,
            "letter_date": self.letter_date,
            "adoption_date": self.adoption_date,
            "title": self.title,
            "subject": self.subject,
            "sender": asdict(self.sender) if self.sender else None,
            "addressees": list(self.addressees),
            "signatories": list(self.signatories),
            "bodies": bodies,
            "annexes": [asdict(a) for a in self.annexes],
            "request_to_circulate": self.request_to_circulate,
            "resolutions": sorted(self.resolutions),
            "resolution_mentions": sum(1 for c in self.citations if c.kind == "resolution"),
            "decisions": sorted(self.decisions),
            "other": sorted(self.other),
        }


def _distinct(items: Any) -> list[str]:
    seen: dict[str, None] = {}
    for it in items:
        seen.setdefault(it, None)
    return list(seen)
