"""Metadata of a UN document read from its layout: masthead, title, signatures, annexes."""

from __future__ import annotations

import re

from bot.core.citations import extract_citations
from bot.core.dates import find_dates, is_date_line, parse_date
from bot.core.furniture import split_symbols, symbol_line
from bot.core.lang import detect_language
from bot.core.layout import AGENDA_RE, SESSION_RE, YEAR_RE, group_headings, join_lines
from bot.core.lexicon.words import LANGUAGE_NAMES, signed_markers, title_openings
from bot.core.models import Annex, BodyRef, DocumentRecord, Paragraph, Sender
from bot.core.paragraphs import paragraphs_with_lines
from bot.core.series import is_supplement, read_header
from bot.core.symbols import check_against_filename, normalize_symbol, symbols_from_filename
from bot.core.text import Prepared, prepare


def parse_document(
    text: str, *, filename: str | None = None, lang: str | None = None
) -> DocumentRecord:
    """Parse a UN document (plain text or light Markdown) into a DocumentRecord."""
    rec = parse_metadata(text, filename=filename, lang=lang)
    own = set(rec.symbols)
    for p in rec.paragraphs:
        if p.section == "masthead":
            continue
        for c in extract_citations(p.text, rec.language):
            if c.symbol in own:  # the title or a running header naming the document itself
                continue
            c.paragraph = p.index
            rec.citations.append(c)
    return rec


def parse_metadata(
    text: str, *, filename: str | None = None, lang: str | None = None
) -> DocumentRecord:
    """Everything but the citations (which another module extracts)."""
    prep = prepare(text)
    pairs = paragraphs_with_lines(prep)
    paragraphs = [p for p, _, _ in pairs]
    rec = DocumentRecord(paragraphs=paragraphs)
    body_text = "\n".join(p.text for p in paragraphs if p.section != "masthead")
    rec.language = lang or _language(prep) or detect_language(body_text)
    header = prep.lines[: prep.header_end]
    # A footnote mark after the title ("Report of the Secretary-General**") is not the title's.
    rec.title = join_lines(prep.lines[prep.header_end : prep.title_end]).rstrip("*") or None
    _set_symbols(rec, prep, filename)
    rec.kind = _kind(rec.title, rec.symbols)
    _masthead_fields(rec, prep, header)
    rec.subject = _subject(prep, rec.kind) or None
    _title_fields(rec)
    if (
        rec.kind == "other"
        or (rec.kind != "resolution" and rec.symbols and not _ga_or_sc(rec))
        or (rec.kind != "resolution" and any(s.startswith("E/") for s in rec.symbols))
        or (rec.kind == "report" and is_supplement(prep))
    ):
        # Other series (E/, boards, conferences): the layout reader; a letter keeps its title.
        masthead = read_header(rec, prep, ordinal_value, letter=rec.kind in _LETTER_KINDS)
        for p, chunk, _ in pairs[:30]:
            if p.section == "body" and chunk and all(ln in masthead for ln in chunk):
                p.section = "masthead"  # an organ, a body, a session: not the text
    if rec.kind == "resolution":
        rec.adoption_date = _adoption_date(prep)
    covering = _covering_paragraphs(paragraphs)
    rec.signatories = _signatories(pairs)
    rec.request_to_circulate = rec.kind != "resolution" and _asks_circulation(covering)
    rec.annexes = _annexes(pairs, rec)
    rec.title = bounded_title(rec.title)
    return rec


TITLE_MAX = 400  # longest gold title: 282 characters; a longer "title" is a paragraph
_SENTENCE_END_RE = re.compile(r"[.;:!?](?=\s)")


def bounded_title(title: str | None) -> str | None:
    """A title of at most TITLE_MAX characters: a document whose first paragraph is huge gets
    its first sentence (else its first words, marked cut) as title; the paragraph itself stays
    whole in the body."""
    if title is None or len(title) <= TITLE_MAX:
        return title
    head = title[: TITLE_MAX + 1]
    ends = [m.start() for m in _SENTENCE_END_RE.finditer(head) if m.start() >= 40]
    if ends:
        return head[: ends[0]].rstrip()
    cut = head[:TITLE_MAX].rsplit(" ", 1)[0] if " " in head[:TITLE_MAX] else head[: TITLE_MAX - 1]
    return cut.rstrip(" ,;:-–—") + "…"


# --- symbols, kind, language -------------------------------------------------------------

# A resolution's own heading, alone on its line or before its date ("of 25 January 1946"),
# not a sentence that opens with a citation ("Resolution 2231 (2015) endorsed ...").
_RES_TITLE_RE = re.compile(
    r"^(?:RESOLUTION|Resolution|Résolution|Resolución)\s+(\d{1,4})\s*\((\d{4})\)"
    r"(?=\s*$|\s*[,.]?\s*(?:of|du|de|adopted|adoptée|aprobada)\b)"
    r"|^(\d{1,4})\s*\((\d{4})\)\.?\s+Resolution\b",
    re.I,
)
_GA_RES_NUMBER_RE = re.compile(r"^(\d{2,3}/\d{1,4})\.\s")


def _set_symbols(rec: DocumentRecord, prep: Prepared, filename: str | None) -> None:
    """The document's own symbols: from its masthead or heading, never from a citation in
    its text; checked against the file name when the text layer looks damaged."""
    from_name = symbols_from_filename(filename or "")
    read = _symbols(prep, rec.title)
    if not read:
        rec.symbols = from_name
        if from_name:
            rec.warnings.append(
                f"no symbol printed in the masthead: named {from_name[0]} from the file name"
            )
        return
    rec.symbols, warning = check_against_filename(read, from_name)
    if warning:
        rec.warnings.append(warning)


_MASTHEAD_NEAR_RE = re.compile(
    r"^(?:United Nations|Nations Unies|Naciones Unidas|Distr\b|Original\s?:"
    r"|General Assembly|Security Council|Economic and Social Council)",
    re.I,
)


def _symbols(prep: Prepared, title: str | None) -> list[str]:
    lines = prep.lines
    top = [i for i, s in enumerate(lines[:40]) if s][:2]
    # A symbol line counts at the very top or beside "United Nations" / "Distr." / a body's
    # name (Geneva documents print the masthead at the foot of page 1), never as a line of
    # running text that happens to hold only a citation.
    for i in range(min(len(lines), 200)):
        syms = _masthead_symbols(lines, i)
        if syms and (
            i in top or any(_MASTHEAD_NEAR_RE.match(s) for s in lines[max(i - 3, 0) : i + 5])
        ):
            return syms
    if prep.meta.get("symbol"):
        return split_symbols(prep.meta["symbol"])
    # Printed volumes of Council resolutions carry no symbol, only "338 (1973)", sometimes under
    # a heading ("MILITARY STAFF COMMITTEE" / "1 (1946) Resolution of 25 January 1946").
    for line in [title or "", *prep.lines[:8]]:
        m = _RES_TITLE_RE.match(line.strip())
        if m:
            num, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            return [normalize_symbol(f"S/RES/{num} ({year})")]
    return []


_EDITION_NOTE_RE = re.compile(r"\s*\[[^\]]{1,40}\]$")  # `JIU/REP/2025/1 [Expanded report]`


def _masthead_symbols(lines: list[str], i: int) -> list[str]:
    """The symbols of line `i`, with a second symbol printed on the next line (a joint
    symbol set one under the other: `E/2025/37` / `E/ECE/1512`)."""
    syms = symbol_line(_EDITION_NOTE_RE.sub("", lines[i]))
    if syms and i + 1 < len(lines):
        more = symbol_line(lines[i + 1])
        syms += [s for s in more if s not in syms]
    return syms


_LETTER_KINDS = ("letter", "identical letters", "note verbale")


def _ga_or_sc(rec: DocumentRecord) -> bool:
    return any(s.startswith(("A/", "S/")) for s in rec.symbols)


def _kind(title: str | None, symbols: list[str]) -> str:
    t = (title or "").lower()
    for kind in ("identical letters", "note verbale", "letter"):
        if t.startswith(title_openings(kind)):
            return kind
    if any("/RES/" in s for s in symbols) or _RES_TITLE_RE.match(title or ""):
        return "resolution"
    for kind in ("resolution", "report"):
        if t.startswith(title_openings(kind)):
            return kind
    return "other"


_LANG_NAMES = {name: code for names in LANGUAGE_NAMES.values() for name, code in names.items()}


def _language(prep: Prepared) -> str | None:
    """The edition's language as the masthead prints it ("English", "Français")."""
    lang = (prep.meta.get("language") or "").lower()
    if lang in ("en", "fr", "es", "ru", "ar", "zh"):
        return lang
    for i in sorted(prep.masthead):
        code = _LANG_NAMES.get(prep.lines[i].lower())
        if code:
            return code
    return None


# --- masthead ---------------------------------------------------------------------------

_ORIGINAL_RE = re.compile(r"\bOriginal\s?:\s*\[?([A-Za-zÀ-ÿ]+)", re.I)
_BODY_LINE_RE = {
    "GA": re.compile(r"General Assembly|Assemblée générale|Asamblea General", re.I),
    "SC": re.compile(r"Security Council|Conseil de sécurité|Consejo de Seguridad", re.I),
}


def _masthead_fields(rec: DocumentRecord, prep: Prepared, header: list[str]) -> None:
    lines = prep.lines
    session: int | str | None = None
    year: int | None = None
    items: list[str] = []
    has = {"GA": False, "SC": False}
    for i in sorted(prep.masthead):
        s = lines[i]
        for body, rx in _BODY_LINE_RE.items():
            if rx.search(s) and len(s) < 60:
                has[body] = True
        if rec.distribution_date is None and re.search(r"\bDistr\b", s, re.I):
            rec.distribution_date = _date_after(s, lines, i)
        m = _ORIGINAL_RE.search(s)
        if m and rec.original_language is None:
            rec.original_language = _LANG_NAMES.get(m.group(1).lower())
        m = SESSION_RE.match(s)
        if m and session is None:
            n = ordinal_value(m.group("ord"))
            if n is not None:
                session = f"ES-{n}" if m.group("es") and "emergency" in m.group("es").lower() else n
        m = YEAR_RE.match(s)
        if m and year is None:
            year = ordinal_value(m.group("ord"))
        m = AGENDA_RE.match(s)
        if m and not items:
            listed = m.group("items")
            j = i + 1
            while (
                j < len(lines) and j in prep.masthead and re.match(r"^(?:and|et|y)?\s*\d", lines[j])
            ):
                listed += " " + lines[j]
                j += 1
            items = agenda_items(listed)
    if rec.distribution_date is None and prep.meta.get("date"):
        rec.distribution_date = parse_date(prep.meta["date"])
    syms = rec.symbols
    if session is not None or items or (has["GA"] and not has["SC"]):
        has["GA"] = True
    if any(s.startswith("A/") and "/RES/" not in s for s in syms):
        has["GA"] = True
    if any(s.startswith("S/") for s in syms) or year is not None:
        has["SC"] = True
    if rec.kind == "resolution" and not has["GA"]:
        has["SC"] = True
    if has["GA"] and (session is not None or items or not has["SC"]):
        rec.bodies.append(BodyRef("GA", session=session, agenda_items=items))
    if has["SC"]:
        rec.bodies.append(BodyRef("SC", year=year))


def _date_after(line: str, lines: list[str], i: int) -> str | None:
    """The distribution date: on the `Distr.` line or within the next few lines."""
    d = parse_date(line)
    if d:
        return d
    for s in lines[i + 1 : i + 5]:
        if s and is_date_line(s):
            return parse_date(s)
    return None


def agenda_items(listed: str) -> list[str]:
    """`32, 60 and 132` -> ['32', '60', '132']; `69 (a)` stays `69 (a)`."""
    found = re.findall(r"\b(\d{1,3})\s?(\([a-z]\))?", listed)
    return [f"{n} {sub}" if sub else n for n, sub in found]


_EN_UNITS = {
    "one": 1, "first": 1, "two": 2, "second": 2, "three": 3, "third": 3, "four": 4,
    "fourth": 4, "five": 5, "fifth": 5, "six": 6, "sixth": 6, "seven": 7, "seventh": 7,
    "eight": 8, "eighth": 8, "nine": 9, "ninth": 9, "ten": 10, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twenty": 20, "twentieth": 20, "thirty": 30, "thirtieth": 30, "forty": 40,
    "fortieth": 40, "fifty": 50, "fiftieth": 50, "sixty": 60, "sixtieth": 60,
    "seventy": 70, "seventieth": 70, "eighty": 80, "eightieth": 80, "ninety": 90,
    "ninetieth": 90, "hundred": 100, "hundredth": 100,
}  # fmt: skip
_FR_STEMS = {
    "premi": 1, "un": 1, "deux": 2, "trois": 3, "quatr": 4, "quatre": 4, "cinqu": 5,
    "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuv": 9, "neuf": 9, "dix": 10, "onz": 11,
    "douz": 12, "treiz": 13, "quatorz": 14, "quinz": 15, "seiz": 16, "vingt": 20,
    "trent": 30, "quarant": 40, "cinquant": 50, "soixant": 60, "cent": 100,
}  # fmt: skip
_ES_WORDS = {
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3,
    "tercero": 3, "cuarto": 4, "quinto": 5, "sexto": 6, "séptimo": 7, "septimo": 7,
    "octavo": 8, "noveno": 9, "décimo": 10, "decimo": 10, "vigésimo": 20, "trigésimo": 30,
    "cuadragésimo": 40, "quincuagésimo": 50, "sexagésimo": 60, "septuagésimo": 70,
    "octogésimo": 80, "nonagésimo": 90, "centésimo": 100,
}  # fmt: skip


def ordinal_value(words: str) -> int | None:
    """`Seventy-ninth` -> 79, `Soixante-quinzième` -> 75, `Septuagésimo noveno` -> 79."""
    tokens = [t for t in re.split(r"[-\s]+", words.lower()) if t and t not in ("and", "et")]
    total, last = 0, 0
    for t in tokens:
        v = _EN_UNITS.get(t) or _ES_WORDS.get(t) or _ES_WORDS.get(t[:-1] + "o") or _fr_value(t)
        if v is None:
            return None
        if v == 20 and last == 4:  # quatre-vingt
            total += 76
        elif v == 100:
            total = max(total, 1) * 100
        else:
            total += v
        last = v
    return total or None


def _fr_value(token: str) -> int | None:
    t = token.replace("ième", "").replace("ieme", "").replace("ière", "i").rstrip("s")
    if t in _FR_STEMS:
        return _FR_STEMS[t]
    return _FR_STEMS.get(t.rstrip("e"))


def _subject(prep: Prepared, kind: str) -> str:
    """Agenda headings printed between the masthead and the title, joined by '; '."""
    lines = prep.lines
    picked: list[str] = []
    for i in range(prep.header_end):
        if i in prep.masthead:
            if picked and picked[-1]:
                picked.append("")
            continue
        picked.append(lines[i])
    headings = [h for h in group_headings(picked) if not h.startswith(("[", "("))]
    return "; ".join(headings)


# --- title: date, sender, addressees ------------------------------------------------------

_ROLE_SPLIT_RE = re.compile(
    r"\s+and\s+the\s+(?=(?:Permanent|Chargé|Deputy|Acting|Minister|President|Secretary)\b)"
)
_SENDER_OF_RE = re.compile(
    r"^(?P<role>.+?)\s+of\s+(?:the\s+Permanent\s+Missions?\s+of\s+)?(?P<entity>.+)$"
)
_UN_SUFFIX_RE = re.compile(
    r"\s+(?:to the United Nations(?: Office at Geneva| \(Geneva\))?"
    r"|auprès de l'Organisation des Nations Unies|ante las Naciones Unidas)$"
)


def _title_fields(rec: DocumentRecord) -> None:
    title = rec.title or ""
    if rec.kind in ("letter", "identical letters", "note verbale"):
        m = re.search(r"\b(?:dated|datées?|de fecha)\s+(?:du\s+)?(.{6,30}?\d{4})", title)
        if m:
            rec.letter_date = parse_date(m.group(1))
        _letter_parties(rec, title)
    elif rec.kind == "resolution":
        rec.sender = Sender(None, "General Assembly" if _is_ga(rec) else "Security Council")
    elif rec.kind == "report":
        if re.search(r"Secretary-General|Secrétaire général|Secretario General", title):
            rec.sender = Sender("Secretary-General", "United Nations")
        rec.addressees = [
            "General Assembly" if any(b.body == "GA" for b in rec.bodies) else "Security Council"
        ]


def _adoption_date(prep: Prepared) -> str | None:
    """The date in the title or the adoption line right under it."""
    lines = [s for s in prep.lines[prep.header_end : prep.title_end + 8] if s]
    text = " ".join(lines[: (prep.title_end - prep.header_end) + 3])
    m = re.search(r"\b(?:[Aa]dopted|of|on|du|le|de)\b", text)
    found = find_dates(text[m.start() :] if m else text)
    return found[0][2] if found else None


def _is_ga(rec: DocumentRecord) -> bool:
    return any(s.startswith("A/") for s in rec.symbols)


def _letter_parties(rec: DocumentRecord, title: str) -> None:
    en = re.search(r"\bfrom\s+(?:the\s+)?(?P<s>.+?)\s+addressed to\s+(?:the\s+)?(?P<a>.+)$", title)
    fr = re.search(
        r"\badressées? (?:à|au|aux)\s+(?:la\s+|le\s+)?(?P<a>.+?)\s+par\s+(?:le|la|les)\s+(?P<s>.+)$",
        title,
    )
    es = re.search(
        r"\bdirigidas? (?:a|al)\s+(?:la\s+|el\s+)?(?P<a>.+?)\s+por\s+(?:el|la|los)\s+(?P<s>.+)$",
        title,
    )
    m = en or fr or es
    if not m:
        return
    rec.addressees = _split_addressees(m.group("a"))
    rec.sender = _sender(_UN_SUFFIX_RE.sub("", m.group("s").strip()), french=m is not en)


def _split_addressees(text: str) -> list[str]:
    text = text.strip().rstrip(".")
    parts = re.split(
        r",\s+(?:and\s+|et\s+)?(?:the\s+|le\s+|la\s+|au\s+|à la\s+)?|\s+(?:and|et|y)\s+(?:the\s+|le\s+|la\s+|au\s+|à la\s+|al\s+)",
        text,
    )
    return [re.sub(r"^(?:the|le|la|el)\s+", "", p.strip()) for p in parts if p.strip()]


def _sender(text: str, *, french: bool = False) -> Sender:
    if re.fullmatch(r"Secretary-General|Secrétaire général|Secretario General", text):
        return Sender(text, "United Nations")
    roles: list[str] = []
    entities: list[str] = []
    for part in _ROLE_SPLIT_RE.split(text):
        if french:
            m = re.match(r"^(?P<role>.+?)\s+(?:de l'|de la |du |des |de )(?P<entity>.+)$", part)
        else:
            m = _SENDER_OF_RE.match(part)
        if not m:
            roles.append(part)
            continue
        roles.append(m.group("role").strip())
        entities.append(m.group("entity").strip())
    if not entities:
        return Sender(text, None)
    first = re.sub(r"^the\s+", "", entities[0])
    entity = " and ".join(
        [first, *[f"the {e}" if not e.startswith("the ") else e for e in entities[1:]]]
    )
    return Sender(" and ".join(roles), entity)


# --- body: circulation, signatures, annexes -----------------------------------------------


def _covering_paragraphs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if p.section == "body"]


_CIRCULATE_RE = re.compile(
    r"\b(?:circulat\w*|distribut\w*|issued)\b[^.]{0,200}?\bas (?:an? )?(?:official )?documents? of"
    r"|(?:faire )?distribuer (?:\S+ ){0,12}?comme documents? (?:officiels? )?de"
    r"|distribuir (?:\S+ ){0,12}?como documentos? (?:oficial(?:es)? )?de",
    re.I,
)


def _asks_circulation(paragraphs: list[Paragraph]) -> bool:
    return any(_may_ask_circulation(p.text) and _CIRCULATE_RE.search(p.text) for p in paragraphs)


def _may_ask_circulation(text: str) -> bool:
    """False only when _CIRCULATE_RE cannot match: on ASCII text each of its branches needs
    one of these words in the lower-cased text (elsewhere, Unicode case folding: ask it)."""
    if not text.isascii():
        return True
    low = text.lower()
    return "circulat" in low or "distribu" in low or "issued" in low


_SIGNED_RE = re.compile(rf"^\((?:{signed_markers('en', 'fr', 'es')})\)\s*(.*)$", re.I)


def _signatories(pairs: list[tuple[Paragraph, list[str], str]]) -> list[str]:
    names: list[str] = []
    lines = [ln for _, chunk, _ in pairs for ln in chunk]
    for i, s in enumerate(lines):
        m = _SIGNED_RE.match(s)
        if not m:
            continue
        name = m.group(1).strip() or (lines[i + 1] if i + 1 < len(lines) else "")
        name = name.strip().rstrip(",")
        if name and name not in names:
            names.append(name)
    return names


def _annexes(pairs: list[tuple[Paragraph, list[str], str]], rec: DocumentRecord) -> list[Annex]:
    """One entry per annex (or enclosure) heading, with the title block printed under it."""
    annexes: list[Annex] = []
    for k, (p, _, role) in enumerate(pairs):
        if role != "annex-heading":
            continue
        titles: list[str] = []
        date: str | None = None
        for q, _, r in pairs[k + 1 :]:
            if r == "annex-title":
                titles.append(q.text)
            elif r == "annex-date":
                date = date or parse_date(q.text)
            else:
                break
        title = ": ".join(t.rstrip("*").rstrip() for t in titles) if titles else None
        heading = p.text
        if heading.lower().startswith(("enclosure", "pièce jointe")) and title:
            title = f"Enclosure: {title}"
        elif title is None and len(heading.split()) > 3:
            # The "Annex to the letter dated ..." heading names it; its date is the letter's.
            annexes.append(Annex(title=heading, date=date))
            continue
        author = _author(title) or _closing_name(pairs, k)
        annexes.append(Annex(title=title, date=date or _title_date(title), author=author))
    return annexes


_NAME_SMALL_WORDS = frozenset(
    ["of", "the", "and", "for", "on", "in", "de", "la", "du", "des", "et"]
)


def _closing_name(pairs: list[tuple[Paragraph, list[str], str]], k: int) -> str | None:
    """The organisation printed alone under the last sentence of the annex at `k`
    ("... may justice and peace prevail." / "Pan-Armenian Union Gardman-Shirvan-Nakhijevan")."""
    end = next((i for i in range(k + 1, len(pairs)) if pairs[i][2] == "annex-heading"), len(pairs))
    body = [(p, chunk) for p, chunk, r in pairs[k + 1 : end] if p.section == "annex" and not r]
    if len(body) < 2 or len(body[-1][1]) != 1:
        return None
    name, before = body[-1][0].text, body[-2][0].text
    words = name.split()
    if not 2 <= len(words) <= 10 or not before.endswith((".", "!")):
        return None
    if any(c in name for c in ",;:()") or any(c.isdigit() for c in name):
        return None
    if not all(w[0].isupper() or w in _NAME_SMALL_WORDS for w in words):
        return None
    return name


def _title_date(title: str | None) -> str | None:
    if not title:
        return None
    m = re.search(r"\b(?:dated|datée? du|de fecha)\s+(.{6,30}?\d{4})", title)
    if m:
        return parse_date(m.group(1))
    # A date in the title outside parentheses ("held on 21 May 2025", ", 24 March 2025").
    outside = re.sub(r"\([^)]*\)", "", title)
    found = find_dates(outside)
    return found[0][2] if found else None


def _author(title: str | None) -> str | None:
    if not title:
        return None
    m = re.match(
        r"^(?:Letter|Note verbale|Lettre)\b.*?\b(?:from|de)\s+(?:the\s+)?(.+?)\s+addressed to\b",
        title,
    )
    if m:
        return m.group(1)
    # "Commentary of the Press Service ... concerning ...", "Déclaration de la communauté ... sur".
    m = _STATEMENT_BY_RE.match(title)
    if m:
        name = m.group(1) or m.group(2)
        return name[0].upper() + name[1:]
    return None


_STATEMENT_BY_RE = re.compile(
    r"^(?:Commentary|Statement|Declaration|Communiqué|Press release)\s+(?:of|by)\s+(?:the\s+)?"
    r"([A-Z].+?)\s+(?:concerning|regarding|in response to|in connection with|on the occasion of)\s"
    r"|^(?:Déclaration|Communiqué|Commentaire)\s+(?:de la|du|de l’|de l')\s*(.+?)\s+"
    r"(?:sur|concernant|au sujet|à l’occasion|à l'occasion)\s"
)
