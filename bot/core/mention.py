"""A message addressed to the bot in plain words -> a Request, in any of the six languages.

The order of the checks is the whole policy: a request to find something is a search of the
asked words only; anything not understood is declined, never searched as a whole.
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.intents import RefSlots, Request, parse_command
from bot.core.lexicon import Lexicon, detect, en, es, fr, lexicon, zh
from bot.core.mention_slots import (
    _FILE_STEM,
    _MENTION,
    _NUM_YEAR,
    _QUOTED,
    _SYMBOL,
    _pick,
    slots_of,
)
from bot.core.textnorm import STOPWORDS, fold


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", _MENTION.sub(" ", text))
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def parse_mention(text: str) -> Request:
    """A message addressed to the bot in plain words -> the matching Request."""
    raw = _clean(text)
    if raw.startswith("!"):
        cmd = parse_command(raw)
        if cmd is not None:
            return cmd
    lang = detect(raw)
    t = fold(raw)
    lexs = [lexicon(lang)] + ([lexicon("en")] if lang != "en" else [])
    req = _decide(raw, t, lang, lexs)
    req.lang = lang
    return req


def list_slots(text: str) -> RefSlots:
    """`!docs Armenia February 2025`, `!docs report`: the list filters in the words."""
    raw = _clean(text)
    lang = detect(raw)
    lexs = [lexicon(lang)] + ([lexicon("en")] if lang != "en" else [])
    return slots_of(raw, fold(raw), lexs, for_list=True)


def _has(lexs: list[Lexicon], key: str, t: str) -> re.Match[str] | None:
    for lex in lexs:
        m = lex.search(key, t)
        if m:
            return m
    return None


def _only(lexs: list[Lexicon], keys: tuple[str, ...], t: str) -> bool:
    """The message is nothing but these (greetings, thanks): punctuation and filler aside."""
    rest = t
    for lex in lexs:
        for key in keys:
            rest = lex.phrases[key].sub(" ", rest) if key in lex.phrases else rest
    if rest == t:
        return False
    words = re.findall(r"\w+", rest)
    return all(w in lexs[0].filler or w in STOPWORDS for w in words)


def _decide(raw: str, t: str, lang: str, lexs: list[Lexicon]) -> Request:
    if not re.search(r"\w", t) or _only(lexs, ("greeting", "thanks", "help"), t):
        return Request("help")
    if _only(lexs, ("more", "thanks"), t):
        return Request("docs", more=True)  # "more please": the rest of the last list
    finding = _has(lexs, "find", t)
    resolution = _resolution(raw, t, lexs)
    symbol = _document_symbol(raw)
    if _has(lexs, "decline", t) and not finding and not symbol and not resolution:
        return Request("decline")  # "translate the Kenyan note", "email it to DPPA": not ours
    if _has(lexs, "help", t) and not symbol and not resolution and not finding:
        return Request("help")
    if resolution and not symbol:
        req = _about_resolution(raw, t, lexs, resolution)
        if req is not None:
            return req
    if finding:
        req = _find(raw, t, lexs)
        if req is not None and not _only_a_description(req, lexs):
            return req
    elif not resolution and not symbol:
        req = _mentioning(raw, t, lexs)
        if req is not None:
            return req
    pick = _pick(t, lexs)
    if _is_listing(t, lexs) and not symbol and pick is None:
        return Request("docs", query=raw, slots=slots_of(raw, t, lexs, for_list=True))
    meta = _meta(t, lexs)
    slots = slots_of(raw, t, lexs)
    if symbol:
        slots.symbol = symbol
    numbers = [w for w in slots.words if w.isdigit()] if not slots.symbol else []
    if not slots.symbol and numbers and int(numbers[0]) >= 100 and len(slots.words) == 1:
        slots.symbol, slots.words = f"S/RES/{numbers[0]}", []  # "read 1441"
    elif pick is None and len(numbers) == 1 and slots.words == numbers:
        pick, slots.words = int(numbers[0]), []  # "open 3"
    elif pick is not None:
        slots.words = [w for w in slots.words if w != str(pick)]
    for intent in ("resolutions", "summary", "doc"):
        if meta is None and _has(lexs, intent, t):
            if intent == "resolutions" and slots.kind == "resolution":
                slots.kind = None  # "which resolutions does X cite": not a resolution's own
            req = _with_ref(Request(intent), slots, pick)
            req.or_list = intent == "summary" and _open_in_number(t, lexs, slots, pick)
            return req
    if meta is not None:
        return _with_ref(Request("meta", field=meta), slots, pick)
    if pick is not None or slots.one or not (slots.empty() or _just_words(slots)):
        req = _with_ref(Request("summary", implicit=True), slots, pick)
        req.or_list = _open_in_number(t, lexs, slots, pick)
        return req
    return Request("decline")  # no verb and no document named: never a search of the message


def _open_in_number(t: str, lexs: list[Lexicon], slots: RefSlots, pick: int | None) -> bool:
    """ "what did Denmark send in 2025?": no "letter", no exact day; one document or several."""
    singular = any(
        not lex.search("plural_kinds", t[m.start() : m.end()])
        for lex in lexs
        for m, _ in lex.lookup("kinds", t)
    )
    sent = _has(lexs, "sent_what", t)
    if sent is None:
        return False
    rest = t[: sent.start()] + " " * (sent.end() - sent.start()) + t[sent.end() :]
    if _has(lexs, "summary", rest):
        return False  # "summarize what Sudan wrote": one document, asked to be summarized
    return bool(slots.senders or slots.addressee) and not (
        singular or slots.day or slots.symbol or pick is not None
    )


def _just_words(slots: RefSlots) -> bool:
    return bool(slots.words) and not (
        slots.senders or slots.topics or slots.kind or slots.symbol or slots.year or slots.month
    )


def _with_ref(req: Request, slots: RefSlots, pick: int | None) -> Request:
    req.slots = slots
    req.pick = pick
    if slots.symbol:
        req.ref = slots.symbol
    elif slots.empty() and pick is None:
        req.refers_back = True
        slots.back = True
    else:
        req.ref = " ".join(_slot_words(slots)) or None
    return req


def _slot_words(slots: RefSlots) -> list[str]:
    out = [*slots.senders, *slots.topics]
    if slots.kind:
        out.append(slots.kind)
    out += [str(x) for x in (slots.day, slots.month, slots.year) if x]
    return out + slots.words


# ---- resolutions named in a message ----------------------------------------------------------


def _resolution(raw: str, t: str, lexs: list[Lexicon]) -> str | None:
    """ "resolution 242", "UNSCR 1591", "1244 (1999)", "S/RES/2772", "第2510(2020)号决议"."""
    m = re.search(r"\b[SAE]/(?:[A-Z\d\-]+/)?RES/[\w/\-]+(?:\s*\(\d{4}\))?", raw, re.IGNORECASE)
    if m:
        return m.group(0)
    m = _NUM_YEAR.search(raw)
    if m:
        return f"{m.group(1)} ({m.group(2)})"
    for lex in lexs:
        for word in lex.raw.get("resolution_words", []):
            w = re.escape(fold(word)).replace(r"\*", r"\w*")
            m = re.search(rf"{w}\s*(?:n[o°º]\.?\s*)?(\d{{1,4}}(?:/\d{{1,4}})?)(?!\d)", t)
            if m:
                return m.group(1)
            m = re.search(rf"第?\s*(\d{{1,4}})\s*(?:\(\d{{4}}\))?\s*号?{w}", t)
            if m and lex.lang == "zh":
                return m.group(1)
    return None


def _document_symbol(raw: str) -> str | None:
    m = _SYMBOL.search(raw)
    if m and "/RES/" not in m.group(0).upper():
        return m.group(0).rstrip(".,;:?!")
    m = _FILE_STEM.search(raw)
    return m.group(0) if m else None


def _about_resolution(raw: str, t: str, lexs: list[Lexicon], res: str) -> Request | None:
    """A message naming a resolution: its text, its gist, or who cites it."""
    slots = RefSlots(symbol=_as_symbol(res))
    if _has(lexs, "doc", t):
        return Request("doc", ref=slots.symbol, slots=slots)
    if _has(lexs, "summary", t) and not _has(lexs, "cites", t):
        return Request("summary", ref=slots.symbol, slots=slots)
    if _is_listing(t, lexs) and not _has(lexs, "cites", t):
        return None
    return Request("cites", query=res)


def _as_symbol(res: str) -> str:
    if "/" in res and "RES" in res.upper():
        return res
    m = re.match(r"(\d{2})/(\d{1,3})$", res.strip())
    if m:  # "resolution 80/4": the General Assembly numbers its resolutions by session
        return f"A/RES/{m.group(1)}/{m.group(2)}"
    m = re.match(r"(\d{1,4})(?:\s*\((\d{4})\))?$", res.strip())
    if m:
        return f"S/RES/{m.group(1)}" + (f" ({m.group(2)})" if m.group(2) else "")
    return res


# ---- lists, picks and facts ------------------------------------------------------------------


def _is_listing(t: str, lexs: list[Lexicon]) -> bool:
    """ "list …", "which letters has X sent", "what do you have from January"."""
    if not _has(lexs, "docs", t):
        return _plural_only(t, lexs)
    # "list the resolutions cited by X" asks for a document's citations, not a list.
    return not (
        _has(lexs, "resolutions", t)
        and _has(lexs, "cites", t)
        and not re.search(r"\b(?:have|loaded|as-tu|avez|tienes)\b", t)
    )


def _plural_only(t: str, lexs: list[Lexicon]) -> bool:
    """ "what are the Council resolutions of 1993?": a plural kind, no single document, no verb
    that acts on one document."""
    if not _has(lexs, "plural_kinds", t):
        return False
    singular = any(
        not lex.search("plural_kinds", t[m.start() : m.end()])
        for lex in lexs
        for m, _ in lex.lookup("kinds", t)
    )
    busy = any(_has(lexs, k, t) for k in ("cites", "summary", "find", "back"))
    return not singular and not busy and _meta(t, lexs) is None


def _meta(t: str, lexs: list[Lexicon]) -> str | None:
    for lex in lexs:
        found = lex.meta_field(t)
        if found:
            return found[0]
    return None


# ---- find ------------------------------------------------------------------------------------


def _find(raw: str, t: str, lexs: list[Lexicon]) -> Request | None:
    """The words to look for, and where: "in that letter, where do they mention X?"."""
    same = len(raw) == len(t)
    quoted = _QUOTED.search(raw)
    matches = sorted((m for lex in lexs for m in lex.finditer("find", t)), key=lambda m: -m.end())
    query = ""
    cut = (0, 0)
    for m in matches:
        after = t[m.end() :]
        stop = re.search(r"[?!]|\.\s|$", after)
        chunk = after[: stop.start()] if stop else after
        offset = m.end()
        chunk, lead = _strip_intro(chunk, lexs)
        q = chunk.strip(" ,;:.")
        if q:
            start = offset + lead + (len(chunk) - len(chunk.lstrip(" ,;:.")))
            query = (raw if same else t)[start : start + len(q)]
            cut = (min(mm.start() for mm in matches), start + len(q))
            break
    if quoted:
        query = quoted.group(1) or quoted.group(2)
        cut = (min((mm.start() for mm in matches), default=0), len(t))
    if not query:
        return None
    if _names_no_subject(query, lexs):
        return None  # "does it mention any resolutions?": the resolutions it cites
    query, scope_tail = _split_scope(query, lexs)
    if not scope_tail and not quoted:
        query, scope_tail = _search_for(query, lexs)
    if quoted and not scope_tail:
        _, scope_tail = _split_scope("x " + raw[quoted.end() :].strip(" ?!."), lexs)
    src = raw if same else t
    blank = list(src)
    for m in matches:
        blank[m.start() : m.end()] = " " * (m.end() - m.start())
    qa, qb = (quoted.start(), quoted.end()) if quoted else (cut[1] - len(query), cut[1])
    blank[qa:qb] = " " * (qb - qa)
    rest_raw = "".join(blank)
    rest = fold(rest_raw)
    outside = src[:qa] + " " + src[qb:]
    scope_text = scope_tail or _scope_before(rest_raw, rest, lexs) or _described(outside, lexs)
    req = Request("find", query=_strip_articles(query, lexs), slots=RefSlots())
    if scope_text:
        slots = slots_of(scope_text, fold(scope_text), lexs)
        if slots.empty():
            req.refers_back = True
            slots.back = True
        else:
            req.ref = " ".join(_slot_words(slots))
        req.slots = slots
    elif any(lex.search("back_find", rest) for lex in lexs):
        req.refers_back = True
        req.slots = RefSlots(back=True)
    return req


def _names_no_subject(query: str, lexs: list[Lexicon]) -> bool:
    words = re.findall(r"\w+", fold(query))
    filler = set().union(*(lex.filler for lex in lexs))
    return bool(words) and all(
        w in filler or w in STOPWORDS or _has(lexs, "resolution_words", w) or w == "any"
        for w in words
    )


def _search_for(query: str, lexs: list[Lexicon]) -> tuple[str, str | None]:
    """ "search the Kenyan note from July for police": a document, then what to look for."""
    m = re.search(r"\s(?:for|pour|por)\s+(.+)$", query, re.IGNORECASE)
    if m is None:
        return query, None
    head = query[: m.start()]
    s = slots_of(head, fold(head), lexs)
    if s.symbol or s.back or s.senders or (s.kind and (s.month or s.year)):
        return m.group(1), head
    if _names_no_subject(head, lexs):
        return m.group(1), None  # "search the library for X", "search everything for X"
    return query, None


def _described(rest_raw: str, lexs: list[Lexicon]) -> str | None:
    """ "where does the Danish letter talk about X": a document described around the verb."""
    outside = " ".join(rest_raw.split())
    s = slots_of(outside, fold(outside), lexs)
    if s.senders or s.symbol or (s.kind and s.back) or (s.kind and (s.month or s.year)):
        return outside
    return None


def _only_a_description(req: Request, lexs: list[Lexicon]) -> bool:
    """ "anything on the DRC from May?": the words to find only describe a document."""
    q = req.query or ""
    s = slots_of(q, fold(q), lexs)
    return bool(s.senders or s.kind) and bool(s.month or s.year or s.kind) and not s.words


def _mentioning(raw: str, t: str, lexs: list[Lexicon]) -> Request | None:
    """ "which documents mention the Wagner group?", "letters about Kosovo": a search, when the
    subject is not a resolution and several documents are asked for."""
    if not _has(lexs, "plural_kinds", t) or _has(lexs, "resolution_words", t):
        return None
    for lex in lexs:
        pat = lex.phrases.get("mentions")
        m = pat.search(t) if pat is not None else None
        if m is None:
            continue
        head = (raw if len(raw) == len(t) else t)[: m.start()]
        if slots_of(head, fold(head), lexs, for_list=True).senders:
            return None  # "letters from Azerbaijan about Armenia": a list with a subject
        q = (raw if len(raw) == len(t) else t)[m.end() :]
        q = _strip_articles(q, lexs)
        s = slots_of(q, fold(q), lexs)
        if q and (s.words or s.senders or s.topics):  # a state named here is the subject
            return Request("find", query=q, slots=RefSlots())
    return None


def _strip_intro(chunk: str, lexs: list[Lexicon]) -> tuple[str, int]:
    lead = 0
    for _ in range(4):
        s = chunk.lstrip(" ,;:")
        lead += len(chunk) - len(s)
        chunk = s
        best = 0
        for lex in lexs:
            pat = lex.phrases.get("query_intro")
            m = pat.match(chunk) if pat is not None else None
            if (
                m
                and m.end() > best
                and (
                    m.end() == len(chunk)
                    or not chunk[m.end()].isalnum()
                    or lex.lang in ("zh", "ar")
                    or chunk[m.end() - 1] == "'"
                )
            ):
                best = m.end()
        if not best:
            break
        chunk = chunk[best:]
        lead += best
    return chunk, lead


_QUERY_TAIL = re.compile("(?:" + "|".join(zh.LEX["query_tail"]) + ")$")
_DETERMINERS = re.compile(
    "^(?:" + "|".join(w for lex in (en.LEX, fr.LEX, es.LEX) for w in lex["determiners"]) + r")\s+",
    re.I,
)


def _strip_articles(q: str, lexs: list[Lexicon]) -> str:
    q = _QUERY_TAIL.sub("", q.strip(" ?!.？。"))
    q = _DETERMINERS.sub("", q.strip())
    return q.strip(" ?!.,;:«»\"'‘’")


def _split_scope(query: str, lexs: list[Lexicon]) -> tuple[str, str | None]:
    """ "ceasefire in that letter" -> ("ceasefire", "that letter")."""
    for lex in lexs:
        for w in lex.raw.get("within", []):
            m = re.search(rf"\s{re.escape(w)}\s+(.+)$", query, re.IGNORECASE)
            if not m:
                continue
            tail = fold(m.group(1))
            if (
                _SYMBOL.search(m.group(1))
                or (lex.search("back", tail) and len(tail.split()) <= 3)
                or any(lx.lookup("kinds", tail) for lx in lexs)
            ):
                return query[: m.start()], m.group(1)
    return query, None


def _scope_before(rest_raw: str, rest: str, lexs: list[Lexicon]) -> str | None:
    """ "in Kenya's July note, where …", "dans ce rapport, où …", "найди в Уставе …"."""
    for lex in lexs:
        for w in lex.raw.get("within", []):
            m = re.search(rf"(?:^|[\s,])(?:{re.escape(fold(w))})\s+(.+)", rest)
            if m:
                text = rest_raw[m.start(1) : m.end(1)] if len(rest_raw) == len(rest) else m.group(1)
                text = " ".join(text.split()).strip(" ,;:?!")
                if re.search(r"\w", text):
                    return text
    return None
