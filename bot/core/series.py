"""The header of UN documents other than letters and resolutions: reports, notes, agendas,
drafts of every series (GA committees, ECOSOC and its commissions, executive boards,
conferences and meetings of States parties, Official Records supplements).

The page-1 layout is read as runs of lines: masthead (symbol, organ, Distr., date), the body
and its session, the agenda item, the headings (the subject), the title or author line, then
the text. The words of each kind of line live in the tables below, one place per language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.dates import find_dates, is_date_line, parse_date
from bot.core.furniture import symbol_line
from bot.core.layout import AGENDA_RE, JOIN_WORDS, join_lines
from bot.core.models import BodyRef, DocumentRecord, Sender
from bot.core.series_lexicon import (
    AUTHOR_LINE_RE,
    BODY_NAMES,
    BODY_START_RE,
    BODY_WORD_RE,
    BRACKET_DATE_RE,
    FROM_TO_RE,
    ITEM_LINE_RE,
    NUMBERED_BODY_RE,
    OFFICIAL_RE,
    ORGAN_NAMES,
    ORGANS,
    OWN_REPORT_RE,
    PLACE_LINE_RE,
    REPORT_OF_RE,
    REPORT_ON_SESSION_RE,
    SECRETARIAT_RE,
    SESSION_LINE_RE,
    SG_RE,
    SKIP_LINE_RE,
    STOP_LINE_RE,
    SUBJECT_LINE_RE,
    SUPPLEMENT_RE,
    TITLE_KINDS,
)
from bot.core.text import Prepared

# Reads an ordinal word ("Fifty-sixth" -> 56); passed in by parse, which owns the tables.
Ordinal = Callable[[str], int | None]


def read_header(
    rec: DocumentRecord, prep: Prepared, ordinal: Ordinal, letter: bool = False
) -> set[str]:
    """Fill kind, title, subject, bodies, sender, addressees and the date of a document whose
    title is not a letter's or a resolution's. `ordinal` turns "Fifty-sixth" into 56.

    `letter`: the title block is a letter's, already read (a letter in the E/ series): only
    the subject and the bodies come from here. Returns the masthead's lines (organ, body,
    session, Distr., agenda item), which are not the document's text."""
    lines = prep.lines[:260]
    cover_end = next((i for i, s in enumerate(lines[:40]) if SUPPLEMENT_RE.match(s)), None)
    supplement = cover_end is not None
    # An Official Records volume: read its cover only (the title page repeats it).
    end = cover_end + 1 if cover_end is not None else _body_start(lines, prep.width, False)
    zone = list(range(end))
    kinds = {i: _line_kind(lines[i]) for i in zone}
    bodies, body_lines, last_meta = _bodies(lines, kinds, ordinal, supplement)
    title_at = prep.header_end if letter else _title_at(lines, kinds, end, last_meta)
    title = None
    if letter:
        end = min(end, prep.header_end)  # the title's line (title_at) for a letter
    elif title_at is not None:
        title_end = _title_end(lines, title_at, end, prep.width)
        title = join_lines(lines[title_at:title_end]).rstrip("*").strip()
    first_item = next((i for i in zone if kinds[i] == "item"), None)
    after = first_item if first_item is not None else last_meta
    subject_lines = [
        i for i in range(after + 1, title_at if title_at is not None else end)
        if kinds.get(i) == "text" and i not in body_lines
    ]  # fmt: skip
    picked: list[str] = []
    for k, i in enumerate(subject_lines):
        if k and i != subject_lines[k - 1] + 1:
            picked.append("")  # lines apart are headings apart
        picked.append(lines[i])
    headings = [h.rstrip("*").strip() for h in _group(picked, prep.width)]
    masthead = {lines[i] for i in zone if kinds.get(i) != "text" or i in body_lines}
    if letter:
        rec.subject = "; ".join(headings) or None
        rec.bodies = _merge_organs(rec.bodies, bodies)
        return masthead
    if title is None and headings:
        title = headings.pop()
    rec.sender, rec.addressees = None, []  # what a first reading guessed from the organ
    rec.title = title or rec.title
    rec.subject = "; ".join(headings) or None
    rec.kind = _kind(title, lines, end)
    _session_from_title(title, bodies, lines, title_at, ordinal)
    if supplement:
        _supplement_fields(rec, lines, bodies, ordinal)
        above: list[str] = []
        for i in range((title_at or 0) - 1, -1, -1):
            if kinds.get(i) != "text":
                break
            above.insert(0, lines[i])
        if above and rec.kind == "report" and not REPORT_OF_RE.match(title or ""):
            rec.sender = Sender(None, canonical_body(join_lines(above)))
    rec.bodies = _merge_organs(rec.bodies, bodies)
    _parties(rec, lines[:end], ordinal)
    if rec.distribution_date is None:
        rec.distribution_date = _distribution_date(lines)
    return masthead


def is_supplement(prep: Prepared) -> bool:
    """An Official Records volume (its cover says "Supplement No. 16")."""
    return any(SUPPLEMENT_RE.match(s) for s in prep.lines[:40])


def _line_kind(s: str) -> str:
    if not s:
        return "blank"
    if SUPPLEMENT_RE.match(s) or re.match(
        r"^(?:(?i:Official Records)\b.*|[A-Z][a-z]+(?:-[a-z]+)? Session)$", s
    ):
        return "meta"
    if symbol_line(s.rstrip("*")) or SKIP_LINE_RE.match(s) or STOP_LINE_RE.match(s):
        return "meta"
    if re.fullmatch(r"(?:\S{1,2} ){2,}\S{1,2}|[,.;:*]+", s):  # a logo's letters, a stray mark
        return "meta"
    if s.lower() in ORGANS or (len(s) < 40 and is_date_line(s)):
        return "meta"
    if SESSION_LINE_RE.match(s):
        return "session"
    if ITEM_LINE_RE.match(s) or AGENDA_RE.match(s):
        return "item"
    if PLACE_LINE_RE.match(s):
        return "place"
    return "text"


def _group(lines: list[str], width: int) -> list[str]:
    """Headings from lines ("" separates): a line runs on when the next starts in lower
    case, when it ends on a joining word, or when it is as long as a title line gets."""
    out: list[list[str]] = []
    for s in lines:
        if not s:
            out.append([])
            continue
        cur = out[-1] if out else None
        if cur and (s[0].islower() or _joins(cur[-1]) or len(cur[-1]) >= 56):
            cur.append(s)
        else:
            out.append([s])
    return [join_lines(g) for g in out if g]


def _body_start(lines: list[str], width: int, supplement: bool) -> int:
    """Index of the text's first line: a summary, contents, a numbered paragraph, a
    preamble ("The General Assembly,"), or two full-width lines running on."""
    if supplement:
        for i, s in enumerate(lines[:60]):
            if s in ("Note", "Contents") or s.startswith("Symbols of United Nations"):
                return i
    seen_text = False
    for i, s in enumerate(lines):
        if not s:
            continue
        nxt = next((t for t in lines[i + 1 : i + 3] if t), "")
        if seen_text and BODY_START_RE.match(s):
            return i
        if len(s) >= 0.8 * width and len(nxt) >= 0.8 * width and seen_text and "*" not in s:
            return i
        if _line_kind(s) == "text":
            seen_text = True
    return min(len(lines), 60)


def _bodies(
    lines: list[str], kinds: dict[int, str], ordinal: Ordinal, supplement: bool = False
) -> tuple[list[BodyRef], set[int], int]:
    """The bodies whose session the page prints, the lines that name them, and the last
    masthead/session/agenda line (the subject headings follow it)."""
    bodies: list[BodyRef] = []
    used: set[int] = set()
    last_meta = -1
    for i in sorted(kinds):
        k = kinds[i]
        if k in ("meta", "session", "item", "place"):
            last_meta = i
        if k == "session":
            name, taken = _body_before(lines, kinds, i)
            used.update(taken)
            m = SESSION_LINE_RE.match(lines[i])
            session: int | str | None = lines[i]
            if m and m.group("ord"):
                session = ordinal(m.group("ord"))
            elif m and m.group("year"):
                session = m.group("year") if name in (None, "ECOSOC") else lines[i]
            bodies.append(BodyRef(name or "", session=session))
        elif k == "item" and bodies is not None:
            m = ITEM_LINE_RE.match(lines[i]) or AGENDA_RE.match(lines[i])
            items = _items(m.group("items")) if m else []
            if not bodies:
                name, taken = _body_before(lines, kinds, i)
                used.update(taken)
                bodies.append(BodyRef(name or "", session=None))
            # A joint masthead lists each organ's items in the organs' order.
            free = next((b for b in bodies if not b.agenda_items), None)
            if free is not None:
                free.agenda_items = items
        elif k == "place" and not supplement and not any(b.session for b in bodies):
            name, taken = _body_before(lines, kinds, i)
            if any(AUTHOR_LINE_RE.match(lines[t]) for t in taken):
                continue  # the place of a meeting under a title ("Report of ... at its session")
            if name and name not in ORGAN_NAMES:
                used.update(taken)
                nb = _numbered_body(name, ordinal)
                bodies.append(nb or BodyRef(name))
    if not bodies and not supplement:
        name, taken = _first_body_block(lines, kinds)
        if name:
            used.update(taken)
            bodies.append(BodyRef(name))
    return bodies, used, last_meta


def _body_before(lines: list[str], kinds: dict[int, str], i: int) -> tuple[str | None, list[int]]:
    """The body named right above line `i` (skipping Distr./date/Original lines), or the
    masthead organ when there is none."""
    taken: list[int] = []
    j = i - 1
    while j >= 0:
        s = lines[j]
        kind = kinds.get(j, "text")
        if not s or (kind == "meta" and (SKIP_LINE_RE.match(s) or is_date_line(s))):
            j -= 1
            continue
        if kind != "text":
            break
        taken.append(j)
        j -= 1
    if taken:
        name = canonical_body(join_lines([lines[t] for t in reversed(taken)]))
        if _names_a_body(name):
            return name, taken
        taken = []  # not a body's name (a damaged scan's stray letters): the organ's session
    # A joint masthead ("General Assembly" / "Economic and Social Council" over "Eightieth
    # session" / "2025 session"): the k-th session line is the k-th organ's.
    k = 0
    while i - k - 1 >= 0 and kinds.get(i - k - 1) == "session":
        k += 1
    organs: list[str] = []
    for t in range(i - k - 1, -1, -1):
        organ = ORGANS.get(lines[t].lower())
        if organ:
            organs.insert(0, organ)
        elif organs:
            break
    if organs:
        return organs[min(k, len(organs) - 1)], []
    return None, []


def _first_body_block(lines: list[str], kinds: dict[int, str]) -> tuple[str | None, list[int]]:
    """No session printed: the text lines right after the masthead name the body
    (`Special Committee on ...`) when a title line follows them."""
    first_title = next(
        (i for i in sorted(kinds) if kinds[i] == "text" and AUTHOR_LINE_RE.match(lines[i])), 30
    )
    start = max((i for i, k in kinds.items() if k == "meta" and i < first_title), default=-1) + 1
    taken: list[int] = []
    for i in range(start, len(lines)):
        if kinds.get(i) != "text" or AUTHOR_LINE_RE.match(lines[i]):
            break
        prev = lines[taken[-1]] if taken else ""
        if prev and not (lines[i][0].islower() or _joins(prev)) and len(prev) < 42:
            break  # the next heading: the document's own title
        taken.append(i)
    name = join_lines([lines[t] for t in taken])
    if not taken or len(taken) > 5 or not BODY_WORD_RE.search(name):
        return None, []
    return canonical_body(name), taken


def _names_a_body(name: str) -> bool:
    known = name in ORGAN_NAMES or any(name == short for _, short in BODY_NAMES)
    return known or bool(BODY_WORD_RE.match(name) or NUMBERED_BODY_RE.match(name))


def canonical_body(name: str) -> str:
    # A cover prints "Report of the Committee for ..." over the session: the body is named in it.
    name = re.sub(r"^Report of (?:the )?", "", name)
    name = re.sub(r" at its$", "", name)
    low = name.lower().replace("  ", " ")
    if low in ORGANS:
        return ORGANS[low]
    for printed, short in BODY_NAMES:
        if low.startswith(printed):
            return short
    # "CONFERENCE OF THE PARTIES Committee on Science and Technology": the parent in capitals.
    words = name.split()
    k = 0
    while k < len(words) - 1 and words[k].isupper() and len(words[k]) > 1:
        k += 1
    # (A name all in capitals stays whole.)
    return " ".join(words[k:]) if k and not words[k].isupper() else name


def _numbered_body(name: str, ordinal: Ordinal) -> BodyRef | None:
    m = NUMBERED_BODY_RE.match(name)
    n = ordinal(m.group("ord")) if m else None
    if not m or n is None:
        return None
    body = re.sub(r" to the .+$", "", m.group("body"))
    return BodyRef(body[0].upper() + body[1:], session=n)


def _items(listed: str) -> list[str]:
    out = []
    for m in re.finditer(r"\b(\d{1,3})((?: ?\([a-z]+\))*)", listed):
        subs = re.findall(r"\([a-z]+\)", m.group(2))
        out.append(" ".join([m.group(1), *subs]))
    return out


def _title_at(lines: list[str], kinds: dict[int, str], end: int, last_meta: int) -> int | None:
    """The author or title line: the last one before the text (an agenda's own heading
    "Provisional agenda" over its numbered list is text, not the title)."""
    found = None
    for i in range(end):
        if kinds.get(i) != "text" or not AUTHOR_LINE_RE.match(lines[i]):
            continue
        nxt = next((t for t in lines[i + 1 : i + 3] if t), "")
        if found is not None and re.match(r"^1\.", nxt):
            continue
        if i > 0 and lines[i - 1] and lines[i - 1][-1:].isalpha() and _joins(lines[i - 1]):
            continue  # the line continues a heading above ("... and annual report on ...")
        found = i
    if found is not None and _SPONSORS_END_RE.search(lines[found]):
        # "Antigua and Barbuda, Bolivia (...),* Cuba,* ... : draft resolution" over several lines.
        while (
            found > 0
            and kinds.get(found - 1) == "text"
            and _SPONSOR_LINE_RE.search(lines[found - 1])
        ):
            found -= 1
    return found


_SPONSORS_END_RE = re.compile(r"(?::|^[,*]*) ?draft (?:resolution|decision)\*?$", re.I)
_SPONSOR_LINE_RE = re.compile(r"\*|[,:]$")


def _joins(prev: str) -> bool:
    return prev.rsplit(" ", 1)[-1].lower() in JOIN_WORDS or prev.endswith(("-", ",", ":"))


_NAME_COUNTRY_RE = re.compile(r"^[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)* \([A-Z][^)]{2,40}\)")
_DRAFT_RE = re.compile(r"\bdraft (?:resolution|decision)|\bsubmitted by\b", re.I)


def _title_end(lines: list[str], start: int, end: int, width: int) -> int:
    j = start + 1
    for k in range(start, min(start + 8, end)):
        if _SPONSORS_END_RE.search(lines[k]):  # a sponsor list runs to its "draft resolution"
            return k + 1
    while j < end and lines[j]:
        prev, s = lines[j - 1], lines[j]
        if _line_kind(s) == "meta" or re.fullmatch(r"\d{1,2}\**", s):
            break  # a footnote number under the title is not part of it
        if _joins(prev) or prev.rsplit(" ", 1)[-1] in ("its", "at"):
            j += 1
            continue
        if s.startswith("(") or _line_kind(s) in ("session", "place", "item"):
            break
        # Title lines wrap at about 45-60 characters whatever the text's width.
        long_line = len(prev) >= 42 and not prev.endswith((")", "."))
        if _DRAFT_RE.search(lines[start]):
            long_line = long_line and bool(_NAME_COUNTRY_RE.match(s))  # "Thapa (Nepal), on ..."
        if not s[0].islower() and not long_line:
            break
        j += 1
    return j


def _kind(title: str | None, lines: list[str], end: int) -> str:
    t = title or ""
    for rx, kind in TITLE_KINDS:
        if rx.search(t):
            return kind
    # A summary box under the title: a report that does not call itself one.
    if any(re.match(r"^(?:Summary|[IVX]+\. Summary)\**$", s) for s in lines[end : end + 2]):
        return "report"
    return "other"


def _session_from_title(
    title: str | None,
    bodies: list[BodyRef],
    lines: list[str],
    title_at: int | None,
    ordinal: Ordinal,
) -> None:
    """ "Report of the X at its forty-ninth session", "Report on the fifty-sixth session"."""
    if not title:
        return
    m = REPORT_OF_RE.match(title)
    if m and m.group("ord") and not bodies:
        bodies.append(BodyRef(canonical_body(m.group("who")), session=ordinal(m.group("ord"))))
        return
    m = REPORT_ON_SESSION_RE.match(title)
    if m and ordinal(m.group("ord")) is None:
        m = None  # "Report on the annual session of 2025": no number to read
    if m and title_at and not any(b.session for b in bodies if b.body not in ORGAN_NAMES):
        above: list[str] = []
        for j in range(title_at - 1, -1, -1):
            if not lines[j] or _line_kind(lines[j]) != "text":
                break
            above.insert(0, lines[j])
        if above:
            name = canonical_body(join_lines(above))
            bodies.append(BodyRef(name, session=ordinal(m.group("ord"))))


def _supplement_fields(
    rec: DocumentRecord, lines: list[str], bodies: list[BodyRef], ordinal: Ordinal
) -> None:
    """Official Records: the organ and session of the volume; the date is bracketed."""
    for i, s in enumerate(lines[:40]):
        m = re.match(r"^(?i:Official Records)(?:, (\d{4}))?$", s)
        if not m:
            continue
        organ = ORGANS.get(lines[i - 1].lower()) if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        sm = re.match(r"^([A-Z][a-z]+(?:-[a-z]+)?) [Ss]ession$", nxt)
        if organ == "GA" and sm:
            bodies.insert(0, BodyRef("GA", session=ordinal(sm.group(1))))
        elif organ == "ECOSOC" and m.group(1):
            bodies.insert(0, BodyRef("ECOSOC", session=m.group(1)))
        break
    for s in lines[:200]:
        m = BRACKET_DATE_RE.match(s)
        if m:
            rec.distribution_date = parse_date(m.group(1))
            break


def _merge_organs(old: list[BodyRef], new: list[BodyRef]) -> list[BodyRef]:
    out: list[BodyRef] = []
    for b in new:
        if b.body and not any(o.body == b.body for o in out):
            out.append(b)
    return out or list(old)


def _parties(rec: DocumentRecord, header: list[str], ordinal: Ordinal) -> None:
    """Sender and addressees of a non-letter, from its author line or From:/To: lines."""
    title = rec.title or ""
    froms = [m for m in map(FROM_TO_RE.match, header) if m]
    for m in froms:
        if m.group("which") == "From":
            rec.sender = Sender(m.group("who"), "United Nations")
        else:
            rec.addressees = [m.group("who")]
    for s in header:
        sm = SUBJECT_LINE_RE.match(s)
        if sm and not rec.subject:
            rec.subject = sm.group("s")
    if froms:
        return
    if SG_RE.search(title):
        rec.sender = Sender("Secretary-General", "United Nations")
    elif SECRETARIAT_RE.search(title):
        rec.sender = Sender("Secretariat", "United Nations")
    else:
        rm = REPORT_OF_RE.match(title)
        if rm and OFFICIAL_RE.match(rm.group("who")):
            rec.sender = Sender(rm.group("who"), None)
        elif rm:
            who = canonical_body(rm.group("who"))
            nb = _numbered_body(who[0].upper() + who[1:], ordinal)
            rec.sender = Sender(None, nb.body if nb else who)
        elif OWN_REPORT_RE.match(title):
            # A body's report on its own session, or its draft report: the body reports.
            named = [b.body for b in rec.bodies if b.body not in ORGAN_NAMES]
            if named:
                rec.sender = Sender(None, named[-1])
    to = [b.body for b in rec.bodies if b.body]
    if not to:
        return
    organs = [ORGAN_NAMES[b] for b in to if b in ("GA", "SC", "ECOSOC")]
    if len(organs) > 1 and not rec.addressees:  # a joint document goes to each organ
        rec.addressees = organs
        return
    target = ORGAN_NAMES.get(to[0], to[0]) if len(to) > 1 and to[0] in ("GA", "ECOSOC") else None
    target = target or ORGAN_NAMES.get(to[-1], to[-1])
    if rec.sender and rec.sender.entity == target:
        return
    if rec.kind in ("report", "note", "draft resolution", "draft decision") and not rec.addressees:
        rec.addressees = [target]


def _distribution_date(lines: list[str]) -> str | None:
    """The date under `Distr.` wherever the masthead is (Geneva prints it at the page's
    foot), or the date under the symbol when there is no `Distr.` line."""
    for i, s in enumerate(lines):
        if re.match(r"^Distr?\b", s):
            for t in lines[i : i + 4]:
                found = find_dates(t)
                if found and is_date_line(t):
                    return found[0][2]
    for i, s in enumerate(lines[:30]):
        if symbol_line(s.rstrip("*")):
            for t in lines[i + 1 : i + 8]:
                if t and is_date_line(t):
                    return parse_date(t)
    return None
