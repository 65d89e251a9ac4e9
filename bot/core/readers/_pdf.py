"""PDF to text with PDFium (pypdfium2): reading-order lines, page furniture removed."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from bot.core.furniture import PDF_LINE_FURNITURE, PDF_MAX_FURNITURE_LEN, PDF_RUNNING_SYMBOL_RE

from ._base import Deadline, UnreadableDocument

# UN print furniture: the one pattern set is bot.core.furniture's.
_FURNITURE = PDF_LINE_FURNITURE
_SYMBOL_RE = PDF_RUNNING_SYMBOL_RE
_MAX_FURNITURE_LEN = PDF_MAX_FURNITURE_LEN
# Wider than justified word spaces in UN documents; masthead columns and table cells are
# further apart. Tuned on corpus/pdf with bench/pdf_fidelity.py (10-30 pt tried).
COLUMN_GAP_PT = 15.0

# Text a page may hold: a dense UN page has some 6,000 characters. A few KB of nested Form
# XObjects can draw the same text millions of times (ten wide, six deep: 1.7 M characters).
MAX_PAGE_CHARS = 200_000
MAX_TEXT_CHARS = 30_000_000

# PDFium reports a hyphen it could not map (e.g. "long-term" broken by the font) as U+FFFE.
_CHAR_FIXES = str.maketrans({"\ufffe": "-", "\x02": "-", "\x00": None})

_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted",
}


def read_pdf(data: bytes, *, max_pages: int, budget_s: float) -> tuple[str, int, list[str]]:
    """Return (text, page count, warnings); refuse encrypted, corrupt, huge or scanned PDFs."""
    deadline = Deadline(budget_s, "this PDF")
    pdf = _open(data)
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise UnreadableDocument("corrupt", "this PDF has no pages (damaged or truncated)")
        if n_pages > max_pages:
            raise UnreadableDocument(
                "too_large", f"this PDF has {n_pages} pages; the limit is {max_pages} pages"
            )
        pages, ocr_pages = _extract(pdf, n_pages, deadline)
    finally:
        pdf.close()
    return _assemble(pages, ocr_pages, n_pages)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = _LOAD_ERRORS.get(getattr(e, "err_code", None) or 0, "corrupt")
        if reason == "encrypted":
            raise UnreadableDocument(
                "encrypted",
                "this PDF is password-protected (encrypted); "
                "save an unprotected copy and upload that instead",
            ) from None
        raise UnreadableDocument(
            "corrupt", f"this PDF is damaged or truncated and cannot be opened ({_short(e)})"
        ) from None


def _short(e: Exception) -> str:
    msg = str(e)
    return msg[msg.find("(") + 1 : msg.rfind(")")] if "(" in msg else msg


def _extract(
    pdf: pdfium.PdfDocument, n_pages: int, deadline: Deadline
) -> tuple[list[list[str]], list[int]]:
    pages: list[list[str]] = []
    ocr_pages: list[int] = []
    chars = 0
    for i in range(n_pages):
        deadline.check()
        try:
            page = pdf[i]
            try:
                lines = page_lines(page)
                size = sum(len(line) for line in lines)
                chars += size
                if size > MAX_PAGE_CHARS or chars > MAX_TEXT_CHARS:
                    raise _too_much_text(i + 1, size)
                pages.append(lines)
                if _is_ocr_scan(page):
                    ocr_pages.append(i + 1)
            finally:
                page.close()
        except pdfium.PdfiumError as e:
            raise UnreadableDocument(
                "corrupt", f"page {i + 1} of this PDF is damaged ({_short(e)})"
            ) from None
    return pages, ocr_pages


def _too_much_text(page: int, size: int) -> UnreadableDocument:
    if size > MAX_PAGE_CHARS:
        return UnreadableDocument(
            "too_large",
            f"page {page} of this PDF holds {size:,} characters of text (limit "
            f"{MAX_PAGE_CHARS:,} a page); it may be malformed or hostile",
        )
    return UnreadableDocument(
        "too_large",
        f"this PDF holds more than {MAX_TEXT_CHARS // 1_000_000} million characters of text; "
        "split it into smaller documents",
    )


def page_lines(page: pdfium.PdfPage) -> list[str]:
    """The page's text lines in PDFium's (content) order, split where columns are far apart.

    PDFium joins text at the same height into one line ("United Nations   S/2025/40",
    table cells); pdftotext, whose output the paragraph rebuilder expects, puts each
    column block on its own line. A gap wider than COLUMN_GAP_PT starts a new line.
    """
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        aligned = len(raw) == textpage.count_chars()  # char index i <-> raw[i]
        cuts = _column_cuts(textpage, raw) if aligned else []
    finally:
        textpage.close()
    for cut in reversed(cuts):
        raw = raw[:cut].rstrip(" ") + "\n" + raw[cut:]
    raw = raw.translate(_CHAR_FIXES)
    return [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _column_cuts(textpage: pdfium.PdfTextPage, raw: str) -> list[int]:
    """Offsets of words that start more than COLUMN_GAP_PT right of the previous word's end.

    Only the two characters around each single space are measured, a few hundred
    PDFium calls per page instead of one per character.
    """
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    handle = textpage.raw

    def box(index: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharBox(handle, index, left, right, bottom, top)
        return left.value, right.value

    cuts = []
    start = raw.find(" ")
    while 0 < start < len(raw) - 1:
        end = start + 1
        while end < len(raw) and raw[end] == " ":
            end += 1
        before, after = raw[start - 1], raw[end] if end < len(raw) else "\n"
        if before not in "\r\n" and after not in "\r\n":
            gap = box(end)[0] - box(start - 1)[1]
            if gap > COLUMN_GAP_PT:
                cuts.append(end)
        start = raw.find(" ", end)
    return cuts


def _is_ocr_scan(page: pdfium.PdfPage) -> bool:
    """A scan with OCR: a page-sized image under text drawn invisibly (render mode 3)."""
    width, height = page.get_size()
    big_image = False
    visible_text = False
    for obj in page.get_objects(max_depth=1):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = obj.get_bounds()
            big_image = big_image or (right - left) * (top - bottom) > 0.5 * width * height
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
            visible_text = visible_text or mode != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        if visible_text:
            return False
    return big_image


def _assemble(
    pages: list[list[str]], ocr_pages: list[int], n_pages: int
) -> tuple[str, int, list[str]]:
    warnings: list[str] = []
    if not any(line.strip() for lines in pages for line in lines):
        raise UnreadableDocument(
            "no_text_layer", "this PDF has no text layer (scanned); OCR is not supported"
        )
    empty = [i + 1 for i, lines in enumerate(pages) if not any(ln.strip() for ln in lines)]
    if empty:
        warnings.append(f"page(s) {_ranges(empty)} have no text layer (scanned?) and were skipped")
    if ocr_pages:
        warnings.append(
            f"page(s) {_ranges(ocr_pages)} are scanned images with an OCR text layer; "
            "expect recognition errors"
        )
    cleaned = strip_furniture(pages)
    # Page boundaries are line boundaries: pages are joined with a newline, never glued.
    text = "\n".join("\n".join(lines) for lines in cleaned if lines)
    return text.strip("\n") + "\n", n_pages, warnings


def strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop UN print furniture: job number, barcode, counters, date stamp, running symbol."""
    first_page = "\n".join(pages[0]) if pages else ""
    out = []
    for index, lines in enumerate(pages):
        kept = [ln for ln in lines if not _is_furniture(ln)]
        if index > 0:
            kept = _drop_running_header(kept, first_page)
        out.append(kept)
    return out


def _is_furniture(line: str) -> bool:
    s = line.strip()
    if len(s) > _MAX_FURNITURE_LEN or not s:
        return False
    return any(rx.fullmatch(s) for rx in _FURNITURE)


def _drop_running_header(lines: list[str], first_page: str) -> list[str]:
    """The document symbol repeated at the top (or, in content order, bottom) of later pages."""

    def is_header(line: str) -> bool:
        parts = line.split()
        return (
            bool(parts)
            and len(line) <= 60
            and all(_SYMBOL_RE.fullmatch(p) and p in first_page for p in parts)
        )

    start = 0
    while start < min(4, len(lines)) and is_header(lines[start]):
        start += 1
    end = len(lines)
    while end > max(start, len(lines) - 4) and is_header(lines[end - 1]):
        end -= 1
    return lines[start:end]


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> "1-3, 7"."""
    spans: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        spans.append(f"{start}-{prev}" if prev != start else str(start))
        if n is not None:
            start = prev = n
    return ", ".join(spans)
