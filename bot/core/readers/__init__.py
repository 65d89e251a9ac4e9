"""Uploaded files to text: TXT, Markdown, PDF, DOCX and HTML, refusing bad files precisely.

`read_document` is synchronous and CPU-bound; callers run it in a thread. Every refusal is an
`UnreadableDocument` whose `reason` is a machine code and whose `str()` is a short message
for the user. Limits are module globals so that deployments (and tests) can change them.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath

from ._base import REASONS, ReadResult, UnreadableDocument, human_size
from ._sniff import READABLE, Sniffed, looks_like_html, sniff
from ._text import decode_text

__all__ = [
    "MAX_UPLOAD_BYTES",
    "REASONS",
    "SUPPORTED_EXTENSIONS",
    "ReadResult",
    "UnreadableDocument",
    "check_upload",
    "read_document",
    "read_path",
    "repair_surrogates",
    "safe_filename",
]

MAX_UPLOAD_BYTES: int = 20 * 1024 * 1024
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset({".txt", ".md", ".pdf", ".docx", ".html", ".htm"})
MAX_PDF_PAGES: int = 500
TIME_BUDGET_S: float = 60.0  # per document; PDFium reads a UN page in about a millisecond
MAX_UNZIPPED_BYTES: int = 100 * 1024 * 1024  # a DOCX's total uncompressed size
MAX_ZIP_RATIO: int = 100  # uncompressed/compressed; real DOCX XML compresses about 5-20:1
MAX_ZIP_ENTRIES: int = 5000
MAX_NAME_CHARS: int = 200

_EXT_FORMAT = {
    ".txt": "txt",
    ".md": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}
_KIND_FORMAT = {"pdf": "pdf", "docx": "docx", "html": "html"}
_SUPPORTED_LIST = ".txt, .md, .pdf, .docx, .html"
# Characters that are path syntax or unsafe on some file system; replaced, not kept.
_UNSAFE_NAME_CHARS = str.maketrans({c: "_" for c in '<>:"|?*'})


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def repair_surrogates(text: str) -> str:
    """Join surrogate pairs and replace lone surrogates with U+FFFD. A lone surrogate (a file
    name sent as JSON "\\ud800", a UTF-7 text) cannot be encoded as UTF-8, so it would fail
    the database write of a whole upload, or the reply naming the file."""
    if not _SURROGATE_RE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def safe_filename(name: str) -> str:
    """The last path component, without control characters or leading dots; never empty."""
    base = repair_surrogates(name or "").replace("\\", "/").split("/")[-1]
    base = "".join(c for c in base if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp"))
    base = base.translate(_UNSAFE_NAME_CHARS).strip().lstrip(".").strip()
    if len(base) > MAX_NAME_CHARS:
        _stem, dot, ext = base.rpartition(".")
        keep = "." + ext if dot and len(ext) <= 10 else ""
        base = base[: MAX_NAME_CHARS - len(keep)] + keep
    if not base.strip("._ "):
        raise UnreadableDocument("bad_name", f"the file name {name[:60]!r} is empty or invalid")
    return base


def check_upload(filename: str, size: int) -> None:
    """Cheap refusal before downloading: a supported extension and a size within the limit."""
    name = safe_filename(filename)
    ext = _extension(name)
    if ext not in SUPPORTED_EXTENSIONS:
        raise UnreadableDocument("unsupported_type", _unsupported_ext_message(name, ext))
    if size <= 0:
        raise UnreadableDocument("empty", f"the file '{name}' is empty")
    _check_size(size)


def read_path(path: str | Path) -> ReadResult:
    path = Path(path)
    size = path.stat().st_size
    _check_size(size)  # before reading a huge file into memory
    return read_document(path.read_bytes(), path.name)


def read_document(data: bytes, filename: str) -> ReadResult:
    """Read an uploaded file by its real type (magic bytes), whatever its extension claims."""
    name = safe_filename(filename)
    if not data:
        raise UnreadableDocument("empty", "the file is empty")
    _check_size(len(data))
    ext = _extension(name)
    found = sniff(data)
    if found.kind not in READABLE:
        raise _refuse_kind(found, name, ext)
    if found.kind == "text":
        return _read_text(data, name, ext)
    result = _read_binary_kind(found.kind, data)
    _warn_if_misnamed(result, name, ext, found)
    return _finish(result)


def _read_binary_kind(kind: str, data: bytes) -> ReadResult:
    if kind == "pdf":
        from ._pdf import read_pdf

        text, pages, warnings = read_pdf(data, max_pages=MAX_PDF_PAGES, budget_s=TIME_BUDGET_S)
        return ReadResult(text=text, format="pdf", pages=pages, encoding=None, warnings=warnings)
    from ._docx import read_docx

    text, warnings = read_docx(
        data,
        max_unzipped=MAX_UNZIPPED_BYTES,
        max_ratio=MAX_ZIP_RATIO,
        max_entries=MAX_ZIP_ENTRIES,
        budget_s=TIME_BUDGET_S,
    )
    return ReadResult(text=text, format="docx", pages=None, encoding=None, warnings=warnings)


def _read_text(data: bytes, name: str, ext: str) -> ReadResult:
    """TXT, Markdown and HTML: decode first, then decide HTML by content or extension."""
    if ext and ext not in SUPPORTED_EXTENSIONS:
        # Only text can reach here: refuse .csv, .py, .json... rather than guess.
        _ = decode_text(data, name)  # binary or undecodable content gets that, more precise, reason
        raise UnreadableDocument("unsupported_type", _unsupported_ext_message(name, ext))
    text, encoding, warnings = decode_text(data, name)
    is_html = looks_like_html(text) or ext in (".html", ".htm")
    if is_html:
        from ._html import html_to_text

        body = html_to_text(text, budget_s=TIME_BUDGET_S)
        if ext not in (".html", ".htm"):
            warnings.append(
                f"'{name}' is named {ext or 'without extension'} but is HTML; read as HTML"
            )
        result = ReadResult(text=body, format="html", encoding=encoding, warnings=warnings)
    else:
        fmt = "md" if ext == ".md" else "txt"
        if ext in (".pdf", ".docx"):
            warnings.append(f"'{name}' is named {ext} but is plain text; read as text")
        result = ReadResult(text=text, format=fmt, encoding=encoding, warnings=warnings)
    return _finish(result)


def _finish(result: ReadResult) -> ReadResult:
    result.text = repair_surrogates(result.text)
    if not result.text.strip():
        what = "has no text" if result.format in ("docx", "html") else "is empty (only whitespace)"
        raise UnreadableDocument("empty", f"the file {what}")
    return result


def _check_size(size: int) -> None:
    if size > MAX_UPLOAD_BYTES:
        raise UnreadableDocument(
            "too_large",
            f"the file is {human_size(size)}; the limit is {human_size(MAX_UPLOAD_BYTES)}",
        )


def _extension(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def _unsupported_ext_message(name: str, ext: str) -> str:
    what = f"{ext} files" if ext else f"files without an extension ('{name}')"
    return f"{what} are not supported; upload one of {_SUPPORTED_LIST}"


def _refuse_kind(found: Sniffed, name: str, ext: str) -> UnreadableDocument:
    """Name both what the file claims to be and what it is."""
    claimed = f"'{name}' is named {ext}" if ext else f"'{name}' has no extension"
    if found.kind == "executable":
        return UnreadableDocument(
            "binary", f"{claimed} but is {found.label}, not a document; upload {_SUPPORTED_LIST}"
        )
    if found.kind == "zip_corrupt" and ext == ".docx":
        return UnreadableDocument(
            "corrupt", f"'{name}' is damaged or truncated: its ZIP container cannot be opened"
        )
    if found.kind == "zip_corrupt":
        return UnreadableDocument(
            "corrupt", f"{claimed} but is a damaged or truncated ZIP archive; it cannot be opened"
        )
    if found.kind == "docx_incomplete" and ext == ".docx":
        return UnreadableDocument(
            "corrupt",
            f"'{name}' is not a valid Word document: the package has no word/document.xml",
        )
    hint = "; save it as .docx or PDF" if found.kind in ("ole", "rtf", "odf") else ""
    return UnreadableDocument(
        "unsupported_type",
        f"{claimed} but is {found.label}, which is not supported{hint}; "
        f"upload one of {_SUPPORTED_LIST}",
    )


def _warn_if_misnamed(result: ReadResult, name: str, ext: str, found: Sniffed) -> None:
    if _EXT_FORMAT.get(ext) != _KIND_FORMAT.get(found.kind):
        shown = ext or "without extension"
        result.warnings.append(f"'{name}' is named {shown} but is {found.label}; read as such")
