"""What a file really is, from its first bytes (magic numbers), whatever its name says."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

# Kinds we can read, and kinds we recognise only to name them in a refusal.
READABLE = frozenset({"pdf", "docx", "html", "text"})
# What zipfile raises on damaged or exotic archives (unknown version/method, encrypted member).
ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError)


@dataclass(frozen=True)
class Sniffed:
    kind: str  # "pdf", "docx", "html", "text", "zip", "binary", "executable", ...
    label: str  # for messages: "a PDF document", "a ZIP archive"


# (prefix, kind, label); checked in order at offset 0.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\x7fELF", "executable", "an ELF executable"),
    (b"\xca\xfe\xba\xbe", "executable", "a Java class or Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "executable", "a Mach-O executable"),
    (b"\x89PNG\r\n\x1a\n", "image", "a PNG image"),
    (b"\xff\xd8\xff", "image", "a JPEG image"),
    (b"GIF87a", "image", "a GIF image"),
    (b"GIF89a", "image", "a GIF image"),
    (b"II*\x00", "image", "a TIFF image"),
    (b"MM\x00*", "image", "a TIFF image"),
    (b"\x1f\x8b", "archive", "a gzip archive"),
    (b"BZh", "archive", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "archive", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "archive", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole", "a legacy Office file (.doc/.xls/.ppt, 97-2003)"),
    (b"{\\rtf", "rtf", "an RTF document"),
    (b"%!PS", "postscript", "a PostScript file"),
    (b"OggS", "media", "an Ogg audio/video file"),
    (b"ID3", "media", "an MP3 audio file"),
    (b"fLaC", "media", "a FLAC audio file"),
    (b"\x1aE\xdf\xa3", "media", "a Matroska/WebM video"),
    (b"SQLite format 3\x00", "database", "an SQLite database"),
)


def sniff(data: bytes) -> Sniffed:
    head = data[:2048]
    # The PDF spec lets junk precede the header (within the first 1024 bytes).
    if b"%PDF-" in head[:1024]:
        return Sniffed("pdf", "a PDF document")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _sniff_zip(data)
    for prefix, kind, label in _MAGIC:
        if head.startswith(prefix):
            return Sniffed(kind, label)
    # "MZ" is only two bytes: require the NULs of a real DOS header so text starting "MZ" passes.
    if head.startswith(b"MZ") and b"\x00" in head[2:64]:
        return Sniffed("executable", "a Windows executable")
    if head[8:12] in (b"WEBP", b"WAVE", b"AVI ") and head.startswith(b"RIFF"):
        return Sniffed("media", "a RIFF media file (image/audio/video)")
    if head[4:8] == b"ftyp":
        return Sniffed("media", "an MP4/MOV/HEIC media file")
    return Sniffed("text", "a text file")  # decided for real by the text decoder


def looks_like_html(text_head: str) -> bool:
    """HTML by content: a doctype or <html> near the start (after comments/XML prolog)."""
    head = text_head[:4096].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    if head.startswith(("<?xml", "<!--")):
        return "<html" in head[:2048]
    return False


def _sniff_zip(data: bytes) -> Sniffed:
    """Tell a DOCX from other ZIP-based formats by the names inside (no decompression)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = _small_member(zf, "mimetype")
    except ZIP_ERRORS:
        return Sniffed("zip_corrupt", "a damaged ZIP archive")
    if "word/document.xml" in names:
        return Sniffed("docx", "a Word document (.docx)")
    if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        return Sniffed("docx_incomplete", "a Word package without word/document.xml")
    if "xl/workbook.xml" in names:
        return Sniffed("ooxml", "an Excel workbook (.xlsx)")
    if "ppt/presentation.xml" in names:
        return Sniffed("ooxml", "a PowerPoint presentation (.pptx)")
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        return Sniffed("odf", "an OpenDocument file (.odt/.ods/.odp)")
    if mimetype == "application/epub+zip":
        return Sniffed("epub", "an EPUB e-book")
    if "[Content_Types].xml" in names:
        return Sniffed("docx_incomplete", "an Office package without word/document.xml")
    return Sniffed("zip", "a ZIP archive")


def _small_member(zf: zipfile.ZipFile, name: str) -> str:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return ""
    if info.file_size > 200:
        return ""
    return zf.read(info).decode("ascii", "replace").strip()
