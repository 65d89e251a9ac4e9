"""Turning pdftotext / Markdown output of UN documents into clean lines and real paragraphs.

Three layers: `prepare` (front matter, Markdown residue and page furniture out), the
header layout (masthead lines, subject headings, title) and `split_paragraphs`, which
rebuilds paragraphs from line-wrapped text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.dates import is_date_line
from bot.core.models import Paragraph
from bot.core.symbols import DOC_SYMBOL_RE, split_joint_symbol

# --- Markdown residue -------------------------------------------------------------------

_FRONT_MATTER_RE = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_LINK_RE = re.compile(r"\[([^\]\n]{0,300})\]\([^)\s]{0,300}\)")
_ESCAPE_RE = re.compile(r"\\([()\[\]*_#.\-!+`])")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*", re.S)
_ITALIC_RE = re.compile(r"(?<![*\w])\*(?=[^\s*\d])([^*\n]{1,200}?)(?<=[^\s*])\*(?![*\w])")
_HEADING_RE = re.compile(r"^#{1,6}[ \t]+", re.M)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML front matter (flat `key: value` pairs) and the text after it."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            meta[key.strip()] = value.strip().strip("\"'")
    return meta, text[m.end() :]


def strip_markdown(text: str) -> str:
    """Remove converter Markdown: links, escapes, bold/italic markers, heading hashes.

    A bold span that wraps over several lines is one heading: it is put on a line of its
    own so that later stages see its boundaries.
    """
    if "*" not in text and "\\" not in text and "](" not in text and "#" not in text:
        return text
    text = _LINK_RE.sub(r"\1", text)
    text = _ESCAPE_RE.sub(r"\1", text)
    text = _BOLD_RE.sub(lambda m: "\n" + " ".join(m.group(1).split()) + "\n", text)
    text = _ITALIC_RE.sub(r"\1", text)
    return _HEADING_RE.sub("", text)


# --- Page furniture ---------------------------------------------------------------------

_JOB_RE = re.compile(r"^\d{2}-\d{5}\s?\([A-Z]\)(?:\s+\d{6}){0,2}$")
_BARCODE_RE = re.compile(r"^\*\s?\d{6,9}\s?\*$")
_STAMP_RE = re.compile(r"^\d{6}$")
_COUNTER_RE = re.compile(r"^\d{1,3}\s?/\s?\d{1,3}$")
_CONTINUED_RE = re.compile(r"^/\s?\.\s?\.\s?\.$")
_PAGE_RE = re.compile(r"^(?:Page|Pág\.|Página)\s+\d{1,3}$")
_RULE_RE = re.compile(r"^-{3,}$")
_BARE_NUMBER_RE = re.compile(r"^\d{1,3}$")
_LANGUAGE_WORDS = (
    "english|french|spanish|russian|arabic|chinese|français|anglais|espagnol|russe|arabe|"
    "chinois|español|inglés|francés|ruso|árabe|chino"
)
_LANGUAGE_LINE_RE = re.compile(rf"^(?:{_LANGUAGE_WORDS})$", re.I)
_SYMBOL_LINE_RE = re.compile(
    rf"^(?:United Nations\s+)?((?:{DOC_SYMBOL_RE.pattern})(?:\s?[-–—]\s?(?:{DOC_SYMBOL_RE.pattern}))*)\s*$"
)


def symbol_line(line: str) -> list[str]:
    """The symbols of a line that holds only a (joint) document symbol, else []."""
    m = _SYMBOL_LINE_RE.match(line.strip())
    return split_symbols(m.group(1)) if m else []


def split_symbols(text: str) -> list[str]:
    """`A/79/729-S/2025/40` (hyphen or dash) -> ["A/79/729", "S/2025/40"]."""
    parts = re.split(r"\s*[-–—]\s*(?=[A-Z]{1,5}/)", text.strip())
    return [s for p in parts for s in split_joint_symbol(p)]


# The six patterns above in one pass (each branch anchored at both ends, as they are).
_SIMPLE_FURNITURE_RE = re.compile(
    "|".join(
        f"(?:{r.pattern})"
        for r in (_JOB_RE, _BARCODE_RE, _STAMP_RE, _COUNTER_RE, _CONTINUED_RE, _RULE_RE)
    )
)


def _is_simple_furniture(s: str) -> bool:
    return _SIMPLE_FURNITURE_RE.match(s) is not None


def _own_symbol_line(lines: list[str], meta: dict[str, str]) -> str | None:
    """The masthead's symbol line as printed (running headers repeat it verbatim)."""
    for line in lines[:40]:
        s = line.strip()
        if symbol_line(s):
            return s.removeprefix("United Nations").strip()
    sym = meta.get("symbol")
    return sym.strip() if sym else None


def _drop_furniture(lines: list[str], own: str | None) -> list[str]:
    """Blank out job numbers, barcodes, stamps, page counters and running headers."""
    out = [ln.strip() for ln in lines]
    first_own = next((i for i, s in enumerate(out) if own and s.endswith(own)), None)
    header_at: list[int] = []
    for i, s in enumerate(out):
        if not s:
            continue
        if _is_simple_furniture(s):
            out[i] = ""
        elif _PAGE_RE.match(s):
            # Old running header: symbol / language / "Page N" (any of them may be missing).
            out[i] = ""
            header_at.append(i)
            for j in range(i - 1, max(i - 4, -1), -1):
                if out[j] and (_LANGUAGE_LINE_RE.match(out[j]) or out[j] == own):
                    out[j] = ""
        elif own and s == own and i != first_own:
            out[i] = ""
            header_at.append(i)
    # Bare page numbers stand next to a running header.
    for i in header_at:
        for j in range(max(i - 3, 0), min(i + 4, len(out))):
            if _BARE_NUMBER_RE.match(out[j]) and _near_blank(out, j):
                out[j] = ""
    return out


def _near_blank(lines: list[str], j: int) -> bool:
    before = j == 0 or not lines[j - 1]
    after = j + 1 >= len(lines) or not lines[j + 1]
    return before or after


# --- Prepared document ------------------------------------------------------------------


@dataclass(slots=True)
class Prepared:
    """A document's lines after cleaning, with what the layout stages need."""

    meta: dict[str, str]
    lines: list[str]  # stripped; "" for blank; at most one blank in a row
    width: int  # typical full line length in characters
    own_symbol: str | None = None
    header_end: int = 0  # index of the title's first line (or of the first body line)
    title_end: int = 0  # index after the title's last line
    masthead: set[int] = field(default_factory=set)  # indices of masthead lines


_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
# The same runs, but a lone " " (replaced by itself) left alone: far fewer replacements.
_SPACES_TO_FIX_RE = re.compile(
    r" [ \t\u00a0\u2000-\u200a\u202f\u3000]+|[\t\u00a0\u2000-\u200a\u202f\u3000][ \t\u00a0\u2000-\u200a\u202f\u3000]*"
)


def prepare(text: str) -> Prepared:
    """Front matter, Markdown and furniture out; header layout located."""
    meta, body = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    body = strip_markdown(body.replace("\f", "\n"))
    # The pattern never matches a newline: one pass over the body, not one per line.
    raw = [ln.strip() for ln in _SPACES_TO_FIX_RE.sub(" ", body).split("\n")]
    own = _own_symbol_line(raw, meta)
    lines: list[str] = []
    for s in _drop_furniture(raw, own):
        if s or (lines and lines[-1]):
            lines.append(s)
    while lines and not lines[-1]:
        lines.pop()
    prep = Prepared(meta=meta, lines=lines, width=_typical_width(lines), own_symbol=own)
    _locate_header(prep)
    return prep


def _typical_width(lines: list[str]) -> int:
    lengths = sorted(len(s) for s in lines if len(s) >= 30)
    if len(lengths) < 5:
        return 90
    return lengths[int(len(lengths) * 0.9)]


# --- Header layout ----------------------------------------------------------------------

TITLE_START_RE = re.compile(
    r"^(?:Identical letters dated|Letters? dated|Notes? verbales? (?:identiques )?dated"
    r"|Lettres? (?:identiques )?datées?|Notes? verbales? (?:identiques )?datées?"
    r"|Cartas? (?:idénticas )?de fecha|Notas? verbal(?:es)? (?:idénticas )?de fecha"
    r"|Report of the Secretary-General|Rapport du Secrétaire général|Informe del Secretario General"
    r"|(?:RESOLUTION|Resolution|Résolution|RÉSOLUTION|Resolución|RESOLUCIÓN) \d"
    r"|\d{1,4} \(\d{4}\)\s+Resolution|Resolution adopted by|Résolution adoptée|Resolución aprobada)"
)
_BODY_NAMES = (
    r"United Nations|Nations Unies|Naciones Unidas|General Assembly|Security Council"
    r"|Economic and Social Council|Assemblée générale|Conseil de sécurité"
    r"|Conseil économique et social|Asamblea General|Consejo de Seguridad"
    r"|Consejo Económico y Social|UNITED|NATIONS|GENERAL|[A-Z]"
)
SESSION_RE = re.compile(
    r"^(?P<ord>[\wÀ-ÿ-]+(?: [\wÀ-ÿ-]+){0,3}?) (?P<es>emergency special |special )?"
    r"(?:session|période de sessions|período de sesiones|période extraordinaire d'urgence)$",
    re.I,
)
YEAR_RE = re.compile(r"^(?P<ord>[\wÀ-ÿ-]+(?: [\wÀ-ÿ-]+)?) (?:year|année|año)$", re.I)
AGENDA_RE = re.compile(
    r"^(?:Agenda items?|Items?|Points?|Temas?|Puntos?)\s+(?P<items>\d.*?)"
    r"(?:\s+(?:of the (?:provisional |preliminary )?(?:agenda|list)|de l'ordre du jour"
    r"|de la liste préliminaire|del programa(?: provisional)?|de la lista preliminar))?\*?$"
)
_MASTHEAD_RE = re.compile(
    rf"^(?:(?:{_BODY_NAMES})(?: (?:{_BODY_NAMES}))*(?: Distr\b.*)?|Distr\b.*|ORIGINAL\b.*|Original\s?:.*"
    rf"|\[?Original\s?:.*|(?:{_LANGUAGE_WORDS})(?:/(?:{_LANGUAGE_WORDS}))*)$",
    re.I,
)


def is_masthead_line(line: str) -> bool:
    s = line.strip()
    return bool(
        _MASTHEAD_RE.match(s)
        or SESSION_RE.match(s)
        or YEAR_RE.match(s)
        or AGENDA_RE.match(s)
        or symbol_line(s)
        or (len(s) < 40 and is_date_line(s))
    )


def _locate_header(prep: Prepared) -> None:
    """Find where the title starts and ends and which header lines are masthead."""
    lines = prep.lines
    limit = min(len(lines), 80)
    start = next((i for i in range(limit) if TITLE_START_RE.match(lines[i])), None)
    if start is None:
        # No recognisable title: the masthead is the run of masthead lines at the top.
        i = 0
        while i < limit and (not lines[i] or is_masthead_line(lines[i])):
            i += 1
        prep.header_end = prep.title_end = i
    else:
        prep.header_end = start
        prep.title_end = title_block_end(lines, start, prep.width)
    for i in range(prep.header_end):
        if lines[i] and is_masthead_line(lines[i]):
            prep.masthead.add(i)
        elif i > 0 and lines[i] and AGENDA_RE.match(lines[i - 1]) and lines[i][0].isdigit():
            prep.masthead.add(i)  # a wrapped agenda-item list ("and 132")


_ADDRESSEE_END_RE = re.compile(
    r"(?:Secretary-General|Council|Assembly|Committee|Secretariat|Nations Unies|Unidas"
    r"|Secrétaire général|Secretario General|Conseil de sécurité|Assemblée générale)\.?$"
)
_CONTINUES_RE = re.compile(r"^(?:[a-zà-ÿ(]|and\b|of\b|the\b)")


def title_block_end(lines: list[str], start: int, width: int) -> int:
    """Index after the last line of the title that starts at `start`."""
    first = lines[start]
    if not re.match(r"^(?:Identical|Letter|Note|Lettre|Carta|Nota|Annex|Anexo)", first, re.I):
        # Reports and resolutions: one line, plus lines that obviously continue it.
        end = start + 1
        while end < len(lines) and lines[end] and _CONTINUES_RE.match(lines[end]):
            if re.match(r"^(?:of|on) \d", lines[end]):  # "of 22 October 1973" is the date
                break
            end += 1
        return end
    end = start
    text = ""
    while end < len(lines) and lines[end] and end - start < 8:
        text = f"{text} {lines[end]}".strip()
        end += 1
        nxt = lines[end] if end < len(lines) else ""
        addressed = re.search(r"\b(?:addressed to|adressées? a|dirigidas? al?)\b", text)
        if addressed and _ADDRESSEE_END_RE.search(text) and not _CONTINUES_RE.match(nxt):
            break
        if not addressed and nxt and len(lines[end - 1]) < width * 0.5 and nxt[0].isupper():
            break  # a short title line with no addressee yet: title over
    return end


_JOIN_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "de",
        "des",
        "du",
        "et",
        "for",
        "from",
        "in",
        "la",
        "le",
        "les",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "y",
        "en",
        "el",
        "los",
        "las",
        "del",
        "al",
        "sur",
        "dans",
        "pour",
        "par",
        "et/ou",
    ]
)


def group_headings(lines: list[str]) -> list[str]:
    """Join wrapped heading lines into headings (a blank line always separates)."""
    headings: list[str] = []
    cur: list[str] = []
    for s in lines:
        if not s:
            if cur:
                headings.append(join_lines(cur))
                cur = []
            continue
        if cur and not _heading_continues(cur[-1], s):
            headings.append(join_lines(cur))
            cur = []
        cur.append(s)
    if cur:
        headings.append(join_lines(cur))
    return headings


def _heading_continues(prev: str, line: str) -> bool:
    if not line[0].isupper() and not line[0].isdigit():
        return True
    last = prev.rsplit(" ", 1)[-1].lower()
    return prev.endswith((",", "-", ":", "–")) or last in _JOIN_WORDS


# --- Joining lines ----------------------------------------------------------------------

_ARTEFACT_SPACE_HYPHEN_RE = re.compile(r"(?<=[A-Za-zÀ-ÿ\d]) -(?=[A-Za-zÀ-ÿ])")
_ARTEFACT_SPACE_APOS_RE = re.compile(r"(?<=[A-Za-zÀ-ÿ]) ’(?=s\b)")
_HYPHEN_JOIN_EXCEPT_RE = re.compile(r"^(?:and|or|et|ou|y|o|and/or)\b")


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with spaces; a line ending in a hyphen keeps it and joins tight.

    UN PDFs do not hyphenate words at line ends, so a final hyphen is a real compound
    ("long-" + "term"), except before "and"/"or" ("troop- and police-contributing").
    """
    out = ""
    for s in lines:
        if not out:
            out = s
        elif (
            out.endswith("-")
            and len(out) > 1
            and out[-2].isalpha()
            and not _HYPHEN_JOIN_EXCEPT_RE.match(s)
        ):
            out += s
        else:
            out += " " + s
    if " -" in out:
        out = _ARTEFACT_SPACE_HYPHEN_RE.sub("-", out)
    if " ’" in out:
        out = _ARTEFACT_SPACE_APOS_RE.sub("’", out)
    return out


# --- Paragraphs -------------------------------------------------------------------------

_NUMBER_LINE_RE = re.compile(r"^(?:\d{1,3}\.|\(\d{1,3}\)|\([a-z]{1,4}\)|[IVXLC]{1,6}\.|[A-Z]\.?)$")
_BULLET_RE = re.compile(r"^(?:[•▪●◦○■□\-–—]\s|\([a-z]{1,4}\)\s|[a-z]\)\s|\d{1,3}\.\s+[A-Z(])")
_SIGNED_RE = re.compile(r"^\((?:Signed|Signé|Signée|Firmado|Firmada)\)", re.I)
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
    return out


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


def _annex_title_line(title: list[str], s: str, gap: bool, width: int) -> bool:
    """Is `s` part of the annex's own title block (short bold lines under the heading)?"""
    if s.startswith("[") or s.endswith("]"):
        return True  # "[Original: French]", possibly split over lines
    content = [t for t in title if not (t.startswith("[") or t.endswith("]"))]
    if len(content) >= 8 or _NUMBER_LINE_RE.match(s) or _SIGNED_RE.match(s):
        return False
    if _SECTION_HEADING_RE.match(s):
        return False
    if gap and any(not is_date_line(t) for t in content) and not is_date_line(s):
        # A capitals title page may space out its "... BY" / "THE REPUBLIC OF ..." lines.
        last = content[-1].rsplit(" ", 1)[-1].lower() if content else ""
        spaced = (last in _JOIN_WORDS or s.lower() in _JOIN_WORDS) and all(
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
    if prev.rsplit(" ", 1)[-1].lower() in _JOIN_WORDS:
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
    ) and _ADDRESSEE_END_RE.search(text):
        return bool(_CONTINUES_RE.match(nxt))
    return True


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
    r"\b(?:of|the|and|to|in|by|for|with|its|their|a|an|on|at|from|under|de|du|des|la|le|les|"
    r"et|à|au|aux|par|pour|sur|dans|en|y|el|los|las|con|por|para)$"
)
_NUMERIC_START_RE = re.compile(r"^\(?\d[\d,.]*\)?(?:\s|,|$)(?!\s*[A-Z][a-z]+\s+(?:the|that)\b)")


_MONTH_START_RE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b"
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


def clean_text(text: str) -> str:
    """The document without Markdown residue and page furniture, one line per line."""
    return "\n".join(prepare(text).lines)
