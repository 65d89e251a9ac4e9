"""Bytes to text: BOMs, UTF-16 without BOM, strict UTF-8, Western code pages, then guessing."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ._base import UnreadableDocument

_SAMPLE = 64 * 1024
# C0 control bytes that never occur in text files (tab, LF, VT, FF, CR and SUB are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26)) + b"\x7f"
_CONTROL_CHARS_RE = re.compile("[" + "".join(f"\\x{b:02x}" for b in _CONTROL_BYTES) + "]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
_META_CHARSET_RE = re.compile(
    rb"<meta[^>]{0,200}?charset\s{0,3}=\s{0,3}[\"']?([A-Za-z0-9_.:\-]{1,40})", re.I
)
# Punctuation and symbols a Western-European text plausibly holds besides letters.
_WESTERN_SYMBOLS = frozenset("’‘“”«»‹›„‚–—…•·€£¥°§¶©®™±×÷¼½¾¹²³ªº¿¡¢¤¦¨¯´¸\u00a0\u00ad†‡‰")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE: same first two bytes
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_text(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Return (text with \\n newlines, encoding, warnings) or refuse with a precise reason.

    Order: BOM, UTF-16 by its NUL pattern, strict UTF-8, an HTML <meta charset>,
    Windows-1252 if the result reads as Western text, then charset-normalizer's guess.
    """
    warnings: list[str] = []
    encoding = _bom_encoding(data) or _utf16_without_bom(data)
    if encoding:
        text = _strict(data, encoding, name)
    else:
        _refuse_binary(data, name)
        text, encoding = _decode_8bit(data, name, warnings)
    text = _strip_controls(text, warnings)
    return normalize_newlines(text), encoding, warnings


def normalize_newlines(text: str) -> str:
    # Also the Unicode line/paragraph separators and NEL, which some exports use.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    return text.removeprefix("\ufeff")


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Mostly-Latin UTF-16 has a NUL in every other byte: odd positions (LE) or even (BE)."""
    sample = data[: _SAMPLE - (_SAMPLE % 2)]
    half = len(sample) // 2
    if half < 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls > 0.3 * half and even_nuls < 0.02 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.02 * half:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        label = encoding.removesuffix("-sig").upper()
        raise UnreadableDocument(
            "bad_encoding",
            f"'{name}' looks like {label} but has invalid bytes at offset {e.start}; "
            "save it again as UTF-8 and upload it",
        ) from None


def _refuse_binary(data: bytes, name: str) -> None:
    """Binary data is full of NUL and control bytes; real text has (almost) none."""
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    nuls = data.count(0)
    if nuls > 0.005 * len(data) or controls > 0.02 * len(data):
        raise UnreadableDocument(
            "binary",
            f"'{name}' is binary data, not text ({nuls} NUL and {controls} control bytes "
            f"in {len(data)}); upload a .txt, .md, .pdf, .docx or .html document",
        )


def _decode_8bit(data: bytes, name: str, warnings: list[str]) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeError, LookupError):  # UnicodeError: the "undefined" codec, and kin
            warnings.append(f"the declared charset {declared!r} does not fit the bytes; ignored")
    text = _try_western(data)
    if text is not None:
        warnings.append("the file is not UTF-8; it was decoded as Windows-1252 (Western European)")
        return text, "cp1252"
    return _guess(data, name, warnings)


def _declared_charset(data: bytes) -> str | None:
    """<meta charset="..."> or http-equiv content="...; charset=..." near the top."""
    match = _META_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # Only text encodings: "undefined" always fails, base64/hex/rot13 are not charsets at all.
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        return None
    return info.name


def _try_western(data: bytes) -> str | None:
    """cp1252 (a superset of Latin-1's printable range) if the result reads as Western text.

    Guessers mistake short French text for Central European or Mac code pages; a plain
    plausibility test is more reliable: the non-ASCII characters are letters or usual
    punctuation, and accented letters are at most half the letters (French runs near 5%;
    Cyrillic or Greek read as cp1252 would be nearly all "accented").
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    distinct = set(_NON_ASCII_RE.findall(text))
    if any(not c.isalpha() and c not in _WESTERN_SYMBOLS for c in distinct):
        return None
    if any(c.isalpha() and unicodedata.category(c) not in ("Ll", "Lu") for c in distinct):
        return None
    sample = text[:_SAMPLE]
    accented = sum(1 for c in _NON_ASCII_RE.findall(sample) if c.isalpha())
    ascii_letters = len(_ASCII_LETTER_RE.findall(sample))
    if accented > 0.5 * max(accented + ascii_letters, 1):
        return None
    return text


def _guess(data: bytes, name: str, warnings: list[str]) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise UnreadableDocument(
            "bad_encoding",
            f"'{name}' is not UTF-8 and its encoding could not be recognised "
            "(the bytes do not read as text in any known encoding); "
            "save it as UTF-8 and upload it again",
        )
    warnings.append(f"the file is not UTF-8; its encoding was guessed as {best.encoding}")
    return str(best), best.encoding


def _strip_controls(text: str, warnings: list[str]) -> str:
    """Drop stray control characters (a few in an otherwise fine file), saying so."""
    if not _CONTROL_CHARS_RE.search(text):
        return text
    cleaned, n = _CONTROL_CHARS_RE.subn("", text)
    warnings.append(f"removed {n} stray control character(s)")
    return cleaned
