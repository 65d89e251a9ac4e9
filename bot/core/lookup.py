"""Which document a description in words means: sender first, then date, kind and subject.

"The letter from Russia" is a letter Russia sent; a letter that only mentions Russia ranks
below it. Several equally good documents are candidates, oldest first, as `!docs` numbers them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from bot.core.countries import codes_in, english_name
from bot.core.groups import group_name, group_senders, is_group
from bot.core.intents import RefSlots
from bot.core.lexicon.words import ORGAN_NAMES
from bot.core.refs import distinct_copies
from bot.core.storage import StoredDocument
from bot.core.symbols import symbol_key
from bot.core.textnorm import STOPWORDS, fold, tokens

_BODIES = frozenset({"SG", "SC", "GA", "HRC"})
_BODY_NAMES = {code: ORGAN_NAMES[code].lower() for code in ("SC", "GA", "HRC")}


@dataclass(slots=True)
class Lookup:
    document: StoredDocument | None = None
    candidates: list[StoredDocument] = field(default_factory=list)  # equally good, oldest first
    reason: str = ""  # "no_sender", "no_date", "no_match": why nothing was found


_WORDS: dict[tuple[int, int], frozenset[str]] = {}


def doc_words(doc: StoredDocument) -> frozenset[str]:
    """The document's words (folded), cached: every reference scans every document."""
    key = (doc.id, len(doc.search_text))
    words = _WORDS.get(key)
    if words is None:
        if len(_WORDS) > 20_000:
            _WORDS.clear()
        words = frozenset(_arabic_bare(t) for t in tokens(f"{doc.title or ''} {doc.search_text}"))
        _WORDS[key] = words
    return words


def _arabic_bare(w: str) -> str:
    """و, ب, ل, ال stuck to Arabic words: "لحقوق" and "حقوق" are one word for matching."""
    if len(w) > 4 and "\u0600" <= w[0] <= "\u06ff":
        return re.sub(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?", "", w) or w
    return w


def senders_of(doc: StoredDocument) -> frozenset[str]:
    sender = doc.record.get("sender") or {}
    entity = sender.get("entity") or ""
    role = sender.get("role") or ""
    out = set(codes_in(entity))
    low = f"{role} {entity}".lower()
    if "secretary-general" in low or "secretary general" in low:
        out.add("SG")
    for code, name in _BODY_NAMES.items():
        if entity.lower().startswith(name):
            out.add(code)
    # A group's letter: its members signed it together, or one of them sent it for the group
    out |= group_senders(frozenset(out), fold(f"{role} {entity} {doc.title or ''}"))
    return frozenset(out)


def date_matches(doc: StoredDocument, year: int | None, month: int | None, day: int | None) -> bool:
    rec = doc.record
    for d in (
        doc.date,
        rec.get("letter_date"),
        rec.get("distribution_date"),
        rec.get("adoption_date"),
    ):
        if not d:
            continue
        parts = [int(p) for p in d.split("-") if p.isdigit()] + [0, 0, 0]
        if year and parts[0] != year:
            continue
        if month and parts[1] != month:
            continue
        if day and parts[2] != day:
            continue
        return True
    return False


_ADDRESSEE_NAMES = {
    "SG": "secretary-general",
    "SC": "security council",
    "GA": "general assembly",
    "HRC": "human rights council",
}


def addressed_to(doc: StoredDocument, body: str) -> bool:
    """Whether the document is addressed to that body (or its President)."""
    name = _ADDRESSEE_NAMES.get(body, body.lower())
    to = (
        " ".join(doc.record.get("addressees") or [])
        or (doc.title or "").partition("addressed to")[2]
    )
    return name in to.lower()


def kind_matches(doc: StoredDocument, kind: str) -> bool:
    return kind in (doc.kind or "") or (kind == "letter" and "letter" in (doc.title or "").lower())


def by_symbol(symbol: str, docs: Sequence[StoredDocument]) -> list[StoredDocument]:
    """`S/RES/678` names `S/RES/678 (1990)`: the year may be left out."""
    key = symbol_key(symbol)
    exact = [d for d in docs if any(symbol_key(s) == key for s in d.symbols)]
    if exact:
        return exact
    return [d for d in docs if any(symbol_key(s).startswith(key + "(") for s in d.symbols)]


def find_document(
    docs: Sequence[StoredDocument],
    slots: RefSlots,
    lang: str = "en",
    body: Mapping[int, Mapping[str, int]] | None = None,
) -> Lookup:
    """The document `slots` describe among `docs` (listing order), or the equally good ones."""
    pool = list(docs)
    if slots.symbol:
        found = by_symbol(slots.symbol, pool)
        found = distinct_copies(found)
        if len(found) == 1:
            return Lookup(found[0])
        if found:
            return Lookup(candidates=_oldest_first(found))
        return Lookup(reason="no_symbol")
    if slots.year or slots.month or slots.day:
        pool = [d for d in pool if date_matches(d, slots.year, slots.month, slots.day)]
        if not pool:
            return Lookup(reason="no_date")
    words = list(slots.words)
    if slots.senders:
        sent = [d for d in pool if senders_of(d) & set(slots.senders)]
        if sent:
            pool = sent
        elif (slots.kind in ("letter", "note verbale") and not set(slots.senders) & _BODIES) or all(
            is_group(s) for s in slots.senders
        ):
            return Lookup(
                reason="no_sender"
            )  # "the P5's letter": no letter of theirs is loaded  # "the letter from Cuba": none was sent by Cuba
        else:  # nobody by that name wrote one: the name is then what it is about
            words += [w for c in slots.senders for w in _name_words(c)]
    words += [w for c in slots.topics for w in _name_words(c)]
    if slots.language:
        same = [d for d in pool if d.language == slots.language]
        pool = same or pool
    if not pool:
        return Lookup(reason="no_match")
    body = body or {}
    scored = [(_score(d, words, slots, lang, body.get(d.id, {})), d) for d in pool]
    best = max(s for s, _ in scored)
    if words and best < 0.5 and not (slots.senders or slots.kind or slots.year or slots.month):
        return Lookup(reason="no_match")
    top = distinct_copies([d for s, d in scored if s >= best - 1e-9])
    if len(top) == 1:
        return Lookup(top[0])
    return Lookup(candidates=_oldest_first(top))


def _heading(doc: StoredDocument) -> frozenset[str]:
    """The words of what the document calls itself: its title and the first line of its
    subject ("Déclaration universelle des droits de l'homme"), folded."""
    subject = str(doc.record.get("subject") or "").split(";")[0]
    text = f"{doc.title or ''} {subject if len(subject) <= 160 else ''}"
    return frozenset(_arabic_bare(t) for t in tokens(text) if t not in STOPWORDS)


def by_title(
    docs: Sequence[StoredDocument], words: Sequence[str], lang: str
) -> list[StoredDocument]:
    """The documents whose title holds every one of these words (two at least), accents and case
    aside; where the same text is held in several languages, the asker's."""
    wanted = [_arabic_bare(w) for w in words if w not in STOPWORDS and not w.isdigit()]
    if len(wanted) == 1 and 3 <= len(wanted[0]) <= 8 and wanted[0].isascii():
        # "la DUDH", "the UDHR": the initials of the title's words
        found = [d for d in docs if _initials(d) == wanted[0]]
        theirs = [d for d in found if d.language == lang]
        if found:
            return theirs or found
    if len(wanted) < 2 and not (wanted and len(wanted[0]) >= 4 and wanted[0][0] >= "\u4e00"):
        return []  # one word is a subject, not a title; a Chinese run of four is a title
    found = []
    for d in docs:
        have = _heading(d)
        if all(w in have or (len(w) >= 5 and _near(w, have)) or _holds(w, have) for w in wanted):
            found.append(d)
    theirs = [d for d in found if d.language == lang]
    return theirs or found


def _initials(doc: StoredDocument) -> str:
    return _initials_of(str(doc.record.get("subject") or "").split(";")[0][:200])


@lru_cache(maxsize=20_000)
def _initials_of(subject: str) -> str:
    words = [w for w in tokens(subject) if w not in STOPWORDS and len(w) > 1]
    return "".join(w[0] for w in words) if 3 <= len(words) <= 8 else ""


def _holds(run: str, have: frozenset[str]) -> bool:
    """A Chinese run of characters holds a title of four characters or more."""
    return "\u4e00" <= run[:1] <= "\u9fff" and any(len(h) >= 4 and h in run for h in have)


def body_terms(words: Sequence[str]) -> list[tuple[str, str]]:
    """(word, FTS5 query) for the words to look up in the documents' text: a prefix for long
    words, so "декларации" finds "декларация" and "letters" finds "letter"."""
    out = []
    for w in dict.fromkeys(words):
        parts = [_arabic_bare(p) for p in tokens(w)]
        if not parts or any(not p for p in parts):
            continue
        if len(parts) == 1 and len(parts[0]) >= 6 and not parts[0].isdigit():
            out.append((w, f'"{parts[0][: max(5, len(parts[0]) - 2)]}"*'))
        else:
            out.append((w, '"' + " ".join(parts) + '"'))
    return out


def body_hits(conn: sqlite3.Connection, terms: list[tuple[str, str]]) -> dict[int, dict[str, int]]:
    """doc id -> {word: paragraphs holding it} (FTS5, on a read connection)."""
    out: dict[int, dict[str, int]] = {}
    sql = (
        "SELECT p.doc_id, count(*) FROM paragraphs_fts JOIN paragraphs p "
        "ON p.id = paragraphs_fts.rowid WHERE paragraphs_fts MATCH ? GROUP BY p.doc_id"
    )
    for word, query in terms:
        try:
            rows = conn.execute(sql, (query,)).fetchall()
        except sqlite3.Error:
            continue
        for doc_id, n in rows:
            out.setdefault(doc_id, {})[word] = n
    return out


def _name_words(code: str) -> list[str]:
    name = (
        _BODY_NAMES.get(code)
        or ("secretary-general" if code == "SG" else None)
        or group_name(code)
        or english_name(code)
    )
    return [w for w in tokens(name) if w not in STOPWORDS]


def _score(
    doc: StoredDocument, words: list[str], slots: RefSlots, lang: str, in_body: Mapping[str, int]
) -> float:
    s = 0.0
    if slots.kind and kind_matches(doc, slots.kind):
        s += 0.6
    if slots.addressee and addressed_to(doc, slots.addressee):
        s += 0.3
    if doc.language == lang:
        s += 0.05  # among equals, the asker's language first
    if slots.senders:
        theirs = senders_of(doc)
        if theirs:  # the named senders exactly beat one of ten co-signatories
            wanted = set(slots.senders)
            s += len(theirs & wanted) / len(theirs | wanted)
    if not words:
        return s
    have = doc_words(doc)
    for w in words:
        if w in in_body:
            # The document about it says it often; coarse steps, so that two documents that
            # both discuss it stay equal and the user is asked which.
            n = in_body[w]
            s += 1.0 + (0.3 if n >= 5 else 0.15 if n >= 2 else 0.0)
            continue
        w = _arabic_bare(w)
        if w in have:
            s += 1.0
        elif len(w) >= 5 and _near(w, have):
            s += 0.7
    return s


def _near(w: str, have: frozenset[str]) -> bool:
    """A typo ("traficking") or another case ending ("декларации", "всеобщей")."""
    stem = w[: max(4, len(w) - 3)]
    for h in have:
        if abs(len(h) - len(w)) > 3 or h[:2] != w[:2]:
            continue
        if h.startswith(stem) or fuzz.ratio(w, h) >= 85:
            return True
    return False


def _oldest_first(docs: list[StoredDocument]) -> list[StoredDocument]:
    # Two copies of one document (a server's beside the bundled one) are one candidate.
    return sorted(distinct_copies(docs), key=lambda d: d.date or "9999")


def pick_in(
    listing: Sequence[StoredDocument],
    slots: RefSlots,
    pick: int | None,
    lang: str,
    body: Mapping[int, Mapping[str, int]] | None = None,
) -> Lookup:
    """A choice in the last list shown: "2", "the second one", "the March one", "celle d'août",
    "the one about the elections"."""
    if pick is not None and not _describes(slots):
        n = len(listing) if pick == -1 else pick
        if 1 <= n <= len(listing):
            return Lookup(listing[n - 1])
        return Lookup(reason="no_number")
    found = find_document(listing, slots, lang, body)
    if found.document is None and pick is not None:
        among = found.candidates or list(listing)
        n = len(among) if pick == -1 else pick
        if 1 <= n <= len(among):
            return Lookup(among[n - 1])
    return found


def _describes(slots: RefSlots) -> bool:
    return bool(
        slots.senders
        or slots.topics
        or slots.year
        or slots.month
        or slots.day
        or slots.words
        or slots.symbol
        or slots.language
    )
