"""DOCX to text with python-docx, after checking the ZIP container is not a bomb."""

from __future__ import annotations

import io
import zipfile
import zlib

from ._base import Deadline, UnreadableDocument, human_size
from ._sniff import ZIP_ERRORS

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_BIG_ENTRY = 1024 * 1024  # ratios only matter for entries that expand to something large
_MAX_TABLE_DEPTH = 8
_PARAGRAPH = "\n\n"
# Budgets checked before and while reading: python-docx builds the whole XML tree first (1M
# paragraphs took 29 s and 1.1 GB), so the elements are counted in the ZIP's XML parts before
# that, and paragraphs and text while walking. A 500-page report holds some 300,000 elements.
MAX_ELEMENTS = 2_000_000
MAX_PARAGRAPHS = 100_000
MAX_TEXT_CHARS = 30_000_000
_CHECK_EVERY = 1000  # paragraphs between time-budget checks


def read_docx(
    data: bytes, *, max_unzipped: int, max_ratio: int, max_entries: int, budget_s: float
) -> tuple[str, list[str]]:
    """Return (text, warnings): body paragraphs and table cells in order, then footnotes."""
    deadline = Deadline(budget_s, "this Word document")
    inspect_zip(data, max_unzipped=max_unzipped, max_ratio=max_ratio, max_entries=max_entries)
    count_elements(data, MAX_ELEMENTS, deadline)
    document = _open(data)
    blocks = _Blocks(deadline)
    try:
        _collect(document.element.body, document, blocks, deadline, depth=0)
        blocks.extend(_footnotes(document))
    except UnreadableDocument:
        raise
    except Exception as e:  # malformed XML that python-docx accepted but cannot walk
        raise _corrupt(e) from None
    return _PARAGRAPH.join(b.strip() for b in blocks if b.strip()) + "\n", []


def inspect_zip(data: bytes, *, max_unzipped: int, max_ratio: int, max_entries: int) -> None:
    """Refuse by the central directory alone: nothing is decompressed here.

    zipfile stops every member at its declared size (and fails the CRC if the data is
    longer), so checking declared sizes bounds what python-docx can later inflate.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except ZIP_ERRORS as e:
        raise UnreadableDocument(
            "corrupt", f"this .docx is damaged or truncated (bad ZIP container: {e})"
        ) from None
    if len(infos) > max_entries:
        raise UnreadableDocument(
            "zip_bomb",
            f"this .docx holds {len(infos)} files (limit {max_entries}); refusing to open it",
        )
    total = sum(i.file_size for i in infos)
    packed = max(sum(i.compress_size for i in infos), 1)
    if total > max_unzipped:
        raise UnreadableDocument(
            "zip_bomb",
            f"this .docx expands to {human_size(total)} (limit {human_size(max_unzipped)}); "
            "refusing to open it",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _BIG_ENTRY and ratio > max_ratio:
            raise UnreadableDocument(
                "zip_bomb",
                f"this .docx looks like a zip bomb: {info.filename} expands "
                f"{ratio:.0f}:1 to {human_size(info.file_size)} (limit {max_ratio}:1)",
            )
    if total > _BIG_ENTRY and total / packed > max_ratio:
        raise UnreadableDocument(
            "zip_bomb",
            f"this .docx looks like a zip bomb: it expands {total / packed:.0f}:1 "
            f"(limit {max_ratio}:1)",
        )


def count_elements(data: bytes, limit: int, deadline: Deadline) -> None:
    """Refuse a package whose XML parts hold more than `limit` elements, counting start tags
    in the inflated stream (a chunk at a time, never the whole part in memory)."""
    elements = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                if not info.filename.endswith((".xml", ".rels")):
                    continue
                with zf.open(info) as part:
                    while chunk := part.read(1 << 20):
                        elements += chunk.count(b"<") - chunk.count(b"</")
                        if elements > limit:
                            raise UnreadableDocument(
                                "too_large",
                                f"this .docx holds more than {limit:,} XML elements; "
                                "it is too large to read (split it into smaller documents)",
                            )
                        deadline.check()
    except (*ZIP_ERRORS, zlib.error) as e:
        raise _corrupt(e) from None


class _Blocks(list):
    """The paragraphs read so far, refusing past the paragraph and text budgets."""

    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self.deadline = deadline
        self.chars = 0

    def append(self, text: str) -> None:
        super().append(text)
        self.chars += len(text)
        if len(self) % _CHECK_EVERY == 0:
            self.deadline.check()
        if len(self) > MAX_PARAGRAPHS:
            raise UnreadableDocument(
                "too_large",
                f"this .docx has more than {MAX_PARAGRAPHS:,} paragraphs; "
                "split it into smaller documents",
            )
        if self.chars > MAX_TEXT_CHARS:
            raise UnreadableDocument(
                "too_large",
                f"this .docx holds more than {MAX_TEXT_CHARS // 1_000_000} million characters "
                "of text; split it into smaller documents",
            )


def _open(data: bytes):
    import docx
    from docx.opc.exceptions import OpcError

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as e:
        if "content type" in str(e):  # .docm, .dotx and other OOXML variants
            raise UnreadableDocument(
                "unsupported_type",
                f"this is not a plain Word document ({_clip(e)}); save it as .docx",
            ) from None
        raise _corrupt(e) from None
    except (OpcError, KeyError, zipfile.BadZipFile, zlib.error, OSError, EOFError) as e:
        raise _corrupt(e) from None
    except Exception as e:  # lxml XMLSyntaxError and whatever else a broken part provokes
        raise _corrupt(e) from None


def _corrupt(e: Exception) -> UnreadableDocument:
    return UnreadableDocument("corrupt", f"this .docx is damaged and cannot be read ({_clip(e)})")


def _clip(e: Exception, n: int = 120) -> str:
    msg = str(e) or type(e).__name__
    return msg if len(msg) <= n else msg[: n - 1] + "…"


def _collect(container, parent, blocks: list[str], deadline: Deadline, depth: int) -> None:
    """Paragraphs and tables in document order; content controls (w:sdt) are looked into."""
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            blocks.append(Paragraph(child, parent).text)
        elif tag == f"{_W}tbl":
            deadline.check()
            _collect_table(child, parent, blocks, deadline, depth)
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                _collect(content, parent, blocks, deadline, depth)


def _collect_table(tbl, parent, blocks: list[str], deadline: Deadline, depth: int) -> None:
    """Row by row, each cell's paragraphs once (a merged cell spans several grid places)."""
    if depth >= _MAX_TABLE_DEPTH:
        return
    for row in tbl.iterchildren(f"{_W}tr"):
        for cell in row.iterchildren(f"{_W}tc"):
            _collect(cell, parent, blocks, deadline, depth + 1)


def _footnotes(document) -> list[str]:
    """Footnote texts, numbered in order, as the PDF would print them at the page foot."""
    part = next(
        (
            rel.target_part
            for rel in document.part.rels.values()
            if rel.reltype == _FOOTNOTES_RELTYPE
        ),
        None,
    )
    if part is None:
        return []
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(part.blob, parser)
    except etree.XMLSyntaxError:
        return []
    notes: list[str] = []
    for note in root.iterchildren(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(
            "".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p")
        ).strip()
        if text:
            notes.append(f"{len(notes) + 1} {text}")
    return notes
