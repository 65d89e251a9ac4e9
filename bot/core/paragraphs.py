"""Real paragraphs rebuilt from line-wrapped text: body, annex titles, footnotes, signatures."""

from __future__ import annotations

import re

from bot.core.dates import is_date_line
from bot.core.layout import ADDRESSEE_END_RE, CONTINUES_RE, JOIN_WORDS, group_headings, join_lines
from bot.core.lexicon.words import CONTINUING_WORDS, MONTH_NAMES, signed_markers
from bot.core.models import Paragraph
from bot.core.text import Prepared, prepare

_NUMBER_LINE_RE = re.compile(r"^(?:\d{1,3}\.|\(\d{1,3}\)|\([a-z]{1,4}\)|[IVXLC]{1,6}\.|[A-Z]\.?)$")
_BULLET_RE = re.compile(r"^(?:[•▪●◦○■□\-–—]\s|\([a-z]{1,4}\)\s|[a-z]\)\s|\d{1,3}\.\s+[A-Z(])")
_SIGNED_RE = re.compile(rf"^\((?:{signed_markers('en', 'fr', 'es')})\)", re.I)
ANNEX_HEADING_RE = re.compile(
    r"^(?:(?:Annex|ANNEX|Annexe|ANNEXE|Anexo|ANEXO)(?:\s+(?:[IVX]{1,5}|\d{1,2}|[A-H]))?"
    r"(?:\s+(?:to|à|al|de)\b.*)?|Enclosure|ENCLOSURE|Pièce jointe)$"
)
_FOOTNOTE_SEP_RE = re.compile(r"^_{5,}$")
_FOOTNOTE_START_RE = re.compile(r"^(?:\d{1,3}$|\d{1,3}\s+\S|\*{1,3}\s*\S)")
_TERMINAL = (".", "!", "?", ";", ":", "”", '"', "’", ")", "…", "․")


def _ends_sentence(s: str) -> bool:
    return s.endswith(_TERMINAL)


class _Builder:
    """Accumulates lines into paragraphs; remembers a body paragraph cut by footnotes."""

    def __init__(self) -> None:
        self.paras: list[tuple[list[str], str]] = []
        self.roles: dict[int, str] = {}  # position in `paras` -> "annex-title" / "annex-date"
        self.cur: list[str] | None = None
        self.prefix = ""
        self.suspended: list[str] | None = None

    def start(self, line: str, section: str) -> None:
        text = f"{self.prefix} {line}".strip() if self.prefix else line
        self.prefix = ""
        self.cur = [text]
        self.paras.append((self.cur, section))

    def add(self, line: str) -> None:
        assert self.cur is not None
        self.cur.append(line)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Real paragraphs of the document, in order, each with its section."""
    return paragraphs_from(prepare(text))


def paragraphs_from(prep: Prepared) -> list[Paragraph]:
    return [p for p, _, _ in paragraphs_with_lines(prep)]


def paragraphs_with_lines(prep: Prepared) -> list[tuple[Paragraph, list[str], str]]:
    """Paragraphs with the printed lines each was rebuilt from and a layout role
    ("annex-heading", "annex-title", "annex-date" or "")."""
    lines = prep.lines
    b = _Builder()
    _header_paragraphs(prep, b)
    _body_paragraphs(lines[prep.title_end :], prep.width, b)
    out: list[tuple[Paragraph, list[str], str]] = []
    for k, (chunk, section) in enumerate(b.paras):
        text = join_lines(chunk).strip()
        if text:
            para = Paragraph(index=len(out), text=text, section=section)
            out.append((para, chunk, b.roles.get(k, "")))
    return _table_rows(out)


_CELL_MAX = 25  # a table cell or a figure label: "Total", "2 1 1", "–", "March"
_ROW_MAX = 240


def _is_cell(item: tuple[Paragraph, list[str], str]) -> bool:
    p, _, role = item
    return not role and p.section in ("body", "annex") and len(p.text) < _CELL_MAX


def _table_rows(
    out: list[tuple[Paragraph, list[str], str]],
) -> list[tuple[Paragraph, list[str], str]]:
    """Runs of three or more cell-sized fragments (a table or a chart's labels, which PDF text
    gives one per line) become rows of cells joined by " | ", so that the document's view,
    find and the summary see text rather than lone numbers and dashes."""
    merged: list[tuple[Paragraph, list[str], str]] = []
    k = 0
    while k < len(out):
        j = k
        while j < len(out) and _is_cell(out[j]) and out[j][0].section == out[k][0].section:
            j += 1
        if j - k < 3:
            merged.append(out[k])
            k += 1
            continue
        row: list[tuple[Paragraph, list[str], str]] = []
        for item in [*out[k:j], None]:
            size = sum(len(p.text) + 3 for p, _, _ in row)
            if row and (item is None or size + len(item[0].text) > _ROW_MAX):
                text = " | ".join(p.text for p, _, _ in row)
                lines = [ln for _, chunk, _ in row for ln in chunk]
                merged.append((Paragraph(0, text, row[0][0].section), lines, ""))
                row = []
            if item is not None:
                row.append(item)
        k = j
    for i, (p, _, _) in enumerate(merged):
        p.index = i
    return merged


def _header_paragraphs(prep: Prepared, b: _Builder) -> None:
    """Masthead lines in blocks; subject headings and the title as body paragraphs."""
    lines = prep.lines
    block: list[str] = []
    pending: list[str] = []

    def flush_masthead() -> None:
        if block:
            b.paras.append((list(block), "masthead"))
            block.clear()

    def flush_headings() -> None:
        for h in group_headings(pending):
            b.paras.append(([h], "body"))
        pending.clear()

    for i in range(prep.header_end):
        s = lines[i]
        if i in prep.masthead:
            flush_headings()
            block.append(s)
        elif not s:
            flush_masthead()
            pending.append("")
        else:
            flush_masthead()
            pending.append(s)
    flush_masthead()
    flush_headings()
    if prep.title_end > prep.header_end:
        b.paras.append(([join_lines(lines[prep.header_end : prep.title_end])], "body"))


def _body_paragraphs(lines: list[str], width: int, b: _Builder) -> None:
    section = "body"
    gap = False
    in_notes = False
    pending_heading = False
    title_lines: list[str] | None = None  # lines of an annex's own title, being collected
    for s in lines:
        if not s:
            gap = True
            continue
        if s[0] == "_" and _FOOTNOTE_SEP_RE.match(s):
            if b.cur is not None and not _ends_sentence(b.cur[-1]):
                b.suspended = b.cur
            b.cur = None
            in_notes, gap = True, False
            continue
        if in_notes and _body_resumes(s):
            # PDF text has no blank line after the notes: a paragraph number, a section
            # heading or a figure caption says the body goes on.
            in_notes, b.suspended, b.cur = False, None, None
        if in_notes:
            if not _footnote_over(b, s, gap):
                _footnote_line(b, s, gap)
                gap = False
                continue
            in_notes = False
            if b.suspended is not None and (s[0].islower() or not _ends_sentence(b.suspended[-1])):
                b.cur, b.suspended = b.suspended, None
                b.add(s)
                gap = False
                continue
            b.suspended = None
            b.cur = None
        if title_lines is not None:
            if _annex_title_line(title_lines, s, gap, width):
                title_lines.append(s)
                gap = False
                continue
            _emit_annex_title(b, title_lines)
            title_lines = None
        if ANNEX_HEADING_RE.match(s) and (gap or b.cur is None or _ends_sentence(b.cur[-1])):
            section = "annex"
            b.start(s, section)
            b.roles[len(b.paras) - 1] = "annex-heading"
            if " " in s and not re.fullmatch(r"\S+ [IVXA-H\d]{1,5}", s):
                pending_heading = True  # "Annex to the letter dated ..." wraps
            b.cur = None if not pending_heading else b.cur
            title_lines = None if pending_heading else []
            gap = False
            continue
        if pending_heading:
            if b.cur is not None and not gap and _annex_heading_continues(" ".join(b.cur), s):
                b.add(s)
                continue
            pending_heading = False
            b.cur = None
            title_lines = []
            if _annex_title_line(title_lines, s, gap, width):
                title_lines.append(s)
                gap = False
                continue
            title_lines = None
        if _NUMBER_LINE_RE.match(s):
            b.cur = None
            b.prefix = f"{b.prefix} {s}".strip()
            gap = False
            continue
        if s.startswith("* ") or (s.startswith("*") and gap and len(s) > 2 and s[1] != "*"):
            b.start(s, "footnote")
            b.cur = None if _ends_sentence(s) else b.cur
            gap = False
            continue
        if b.cur is None or b.prefix or _breaks(b.cur, s, gap, width):
            b.start(s, section)
        else:
            b.add(s)
        gap = False
    if title_lines:
        _emit_annex_title(b, title_lines)


_SECTION_HEADING_RE = re.compile(r"^(?:[IVX]{1,5}\.|\d{1,2}\.)\s|^(?:Introduction|Background)$")


_PREAMBLE_SUBJECT_RE = re.compile(r"^The [A-Z][\w’'-]*(?: [\w’'-]+){0,8},$")


def _annex_title_line(title: list[str], s: str, gap: bool, width: int) -> bool:
    """Is `s` part of the annex's own title block (short bold lines under the heading)?"""
    if s.startswith("[") or s.endswith("]"):
        return True  # "[Original: French]", possibly split over lines
    content = [t for t in title if not (t.startswith("[") or t.endswith("]"))]
    if len(content) >= 8 or _NUMBER_LINE_RE.match(s) or _SIGNED_RE.match(s):
        return False
    if _SECTION_HEADING_RE.match(s):
        return False
    if content and content[-1].endswith("*") and not content[-1].endswith("**"):
        return False  # the title's footnote mark closes it
    if _PREAMBLE_SUBJECT_RE.match(s):
        return False  # "The Economic Commission for Europe," opens the annexed text
    if gap and any(not is_date_line(t) for t in content) and not is_date_line(s):
        # A capitals title page may space out its "... BY" / "THE REPUBLIC OF ..." lines.
        last = content[-1].rsplit(" ", 1)[-1].lower() if content else ""
        spaced = (last in JOIN_WORDS or s.lower() in JOIN_WORDS) and all(
            _capitals(t) for t in [*content, s]
        )
        if not spaced:
            return False
    texts = [t for t in content if not is_date_line(t)]
    longer = bool(texts) and len(s) > max(len(t) for t in texts) + 6 and not s[0].islower()
    if longer and (len(s) >= width * 0.8 or _ends_sentence(s)):
        # A full-width line after the title: the text has started. A longer but still short
        # line is the title's next line or its subtitle.
        return False
    return len(s) < width * 0.88 and not s.endswith((".", ";"))


def _emit_annex_title(b: _Builder, lines: list[str]) -> None:
    """Title lines become heading paragraphs; a date-only line is the annex's date."""
    lines = [s for s in lines if not (s.startswith("[") or s.endswith("]"))]
    groups: list[list[str]] = []
    limit = max((len(s) for s in lines), default=0)
    for s in lines:
        if is_date_line(s) and len(s) < 60:
            b.paras.append(([s], "annex"))
            b.roles[len(b.paras) - 1] = "annex-date"
            continue
        if groups and groups[-1] and not _title_breaks(groups[-1][-1], s, limit):
            groups[-1].append(s)
        else:
            groups.append([s])
    for g in groups:
        b.paras.append((g, "annex"))
        b.roles[len(b.paras) - 1] = "annex-title"
    b.cur = None


def _title_breaks(prev: str, s: str, limit: int) -> bool:
    """A new heading starts at `s` inside an annex's title block."""
    if not (s[0].isupper() or s[0].isdigit()) or prev.endswith((",", "-", ":", "–")):
        return False
    if prev.rsplit(" ", 1)[-1].lower() in JOIN_WORDS:
        return False
    if _capitals(prev) != _capitals(s) or prev[-1].isdigit():
        return True
    return len(prev) + 1 + len(s.split(" ", 1)[0]) < limit * 0.8


def _capitals(s: str) -> bool:
    """Is `s` set in capitals ("3rd REPORT ON THE ..." too)?"""
    return re.sub(r"\b\d+(?:st|nd|rd|th)\b", "", s).isupper()


def _annex_heading_continues(text: str, nxt: str) -> bool:
    """Does the annex heading `text` go on with line `nxt`?"""
    if re.search(
        r"\b(?:addressed to|adressée? au|dirigida al?)\b", text
    ) and ADDRESSEE_END_RE.search(text):
        return bool(CONTINUES_RE.match(nxt))
    return True


_BODY_RESUMES_RE = re.compile(
    r"^(?:\d{1,3}\.|[IVX]{1,5}\.\s+[A-Z].*|[A-H]\.\s+[A-Z].*|(?:Figure|Table|Box|Chart)\s+[IVX\d]{1,4}"
    r"|Annex(?:\s+[IVX\d]{1,4})?)$"
)


def _body_resumes(s: str) -> bool:
    return bool(_BODY_RESUMES_RE.match(s))


def _footnote_over(b: _Builder, s: str, gap: bool) -> bool:
    """A footnote block ends at a gap followed by a line that does not start a note."""
    if not gap or _FOOTNOTE_START_RE.match(s):
        return False
    last = b.cur[-1] if b.cur else ""
    return bool(last) and not re.fullmatch(r"\d{1,3}", last)


def _footnote_line(b: _Builder, s: str, gap: bool) -> None:
    if (
        re.fullmatch(r"\d{1,3}", s)
        or b.cur is None
        or (gap and _FOOTNOTE_START_RE.match(s) and len(b.cur[-1]) > 3)
    ):
        b.start(s, "footnote")
    else:
        b.add(s)


_FUNCTION_END_RE = re.compile(
    r"\b(?:" + "|".join(w for words in CONTINUING_WORDS.values() for w in words) + ")$"
)
_NUMERIC_START_RE = re.compile(r"^\(?\d[\d,.]*\)?(?:\s|,|$)(?!\s*[A-Z][a-z]+\s+(?:the|that)\b)")


_MONTH_START_RE = re.compile(
    "^(?:" + "|".join([*(m.capitalize() for m in MONTH_NAMES["en"]), *MONTH_NAMES["fr"]]) + r")\b"
)
# Preambular paragraphs open with a participle: "Recalling", "Deeply concerned", "Rappelant".
_PREAMBLE_RE = re.compile(
    r"^(?:(?:Further|Also|Deeply|Gravely|Strongly|Profondément|Vivement)\s+)?"
    r"(?:[A-Z][a-z]+(?:ing|ed)|[A-ZÉ][a-zéè]+(?:ant|ée?s?))\b"
)


_YEAR_IN_BRACKETS_RE = re.compile(r"\(\d{4}\)")


def _breaks(cur: list[str], s: str, gap: bool, width: int) -> bool:
    """Does line `s` start a new paragraph after the lines in `cur`?"""
    prev = cur[-1]
    if (s.startswith("(") and _SIGNED_RE.match(s)) or (
        prev.startswith("(") and _SIGNED_RE.match(prev)
    ):
        return True
    starts_lower = s[0].islower() or (s[0] == "(" and _YEAR_IN_BRACKETS_RE.match(s) is not None)
    if prev.endswith(",") and _PREAMBLE_RE.match(s):
        return True  # resolutions: each preambular paragraph ends with a comma
    if gap:
        if _BULLET_RE.match(s):
            return True  # "1. Condemns ..." after a blank line opens an operative paragraph
        if starts_lower and not prev.endswith((".", "!", "?")):
            return False
        return not (len(prev) >= width * 0.8 and not _ends_sentence(prev))
    if _BULLET_RE.match(s):
        return True
    if starts_lower:
        return False
    if not _ends_sentence(prev) and (
        _FUNCTION_END_RE.search(prev[-8:])  # its words have at most five letters
        or _NUMERIC_START_RE.match(s)
        or (prev[-1].isdigit() and _MONTH_START_RE.match(s))
    ):
        return False  # "... its resolutions 660 (1990) of" / "2 August 1990, 661 (1990) ..."
    first_word = s.split(" ", 1)[0]
    ended_early = len(prev) + 1 + len(first_word) <= width * 0.95
    if _ends_sentence(prev) and ended_early:
        return True
    return len(prev) < width * 0.6 and not prev.endswith((",", "-", "–"))
