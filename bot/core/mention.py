"""A message addressed to the bot in plain words -> a Request, in any of the six languages.

The order of the checks is the whole policy: a request to find something is a search of the
asked words only; anything not understood is declined, never searched as a whole.
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.countries import CountryMention, find_countries
from bot.core.groups import GroupMention, find_groups
from bot.core.intents import RefSlots, Request, parse_command
from bot.core.lexicon import Lexicon, detect, lexicon
from bot.core.textnorm import STOPWORDS, fold

_MENTION = re.compile(r"<@!?\d+>|@Rapporteur\b", re.IGNORECASE)
_SYMBOL = re.compile(r"\b[A-Z]{1,4}(?:/[A-Z0-9.\-]+){2,}(?:\s*\(\d{4}\))?", re.IGNORECASE)
_FILE_STEM = re.compile(r"\b[0-9A-Za-z]+(?:_[0-9A-Za-z]+){2,}\b")
_QUOTED = re.compile(
    r"[«“\"„]\s*([^»”\"]{2,}?)\s*[»”\"]|(?:^|\s)['‘]([^'’]{2,}?)['’](?=\s|[?!.,]|$)"
)
_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")
_NUM_YEAR = re.compile(r"(?<![\d/])(\d{1,4})\s*\((\d{4})\)")
_ZH_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_TH = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|e|re)?(?!\d)")
_BARE_NUMBER = re.compile(r"^\W*(?:#|no\.?\s*|n°\s*|number\s+|numero\s+|номер\s+)?(\d{1,4})\W*$")


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


def _pick(t: str, lexs: list[Lexicon]) -> int | None:
    m = _BARE_NUMBER.match(t) or re.search(
        r"(?:^|\s)(?:la|le|el|the|number|no\.?|numero|n°|#|номер)\s*(\d{1,2})\s*[?!.]*$", t
    )
    if m:
        return int(m.group(1))
    m = re.search(
        r"(?<![\w/])(?:the\s+|la\s+|le\s+|el\s+|la\s+)?(\d{1,3})(?:st|nd|rd|th|e|er|re|eme|o|a)\b",
        t,
    )
    if m and not re.search(r"(?:from|of|on|dated|du|del)\s+(?:the\s+)?$", t[: m.start()]):
        return int(m.group(1))  # "the 30th", "la 12e": a place in the list
    latin = [lexicon(x) for x in ("en", "fr", "es")] if lexs[0].lang in ("en", "fr", "es") else []
    for lex in [*lexs, *latin]:
        for m, n in lex.lookup("ordinals", t):
            if n == 0:  # "number 3", "numéro 3"
                after = re.match(r"\s*(\d{1,3})\b", t[m.end() :])
                if after:
                    return int(after.group(1))
                continue
            return int(n)  # type: ignore[call-overload]
    return None


def _meta(t: str, lexs: list[Lexicon]) -> str | None:
    for lex in lexs:
        found = lex.meta_field(t)
        if found:
            return found[0]
    return None


# ---- the document described in words --------------------------------------------------------


def slots_of(raw: str, t: str, lexs: list[Lexicon], for_list: bool = False) -> RefSlots:
    """Sender, subject, kind, date and the other words of a document reference."""
    s = RefSlots()
    spans: list[tuple[int, int]] = []

    def taken(a: int, b: int) -> None:
        spans.append((a, b))

    _dates(raw, t, lexs, s, taken)
    kinds: list[str] = []
    res_spans: list[tuple[int, int]] = []
    for lex in lexs:
        for m, kind in lex.lookup("kinds", t):
            kinds.append(str(kind))
            taken(m.start(), m.end())
            if kind == "resolution":
                res_spans.append((m.start(), m.end()))
        for m, code in lex.lookup("languages", t):
            s.language = s.language or str(code)
            taken(m.start(), m.end())
    s.kind = next((k for k in kinds if k != "resolution"), kinds[0] if kinds else None)
    about = _markers(lexs, "about", t)
    to = _markers(lexs, "to", t)
    found: list[GroupMention | CountryMention] = [*find_groups(raw), *find_countries(raw)]
    for c in sorted(found, key=lambda m: m.start):
        if any(a <= c.start < b for a, b in spans):
            continue  # "in French" is a language
        before = t[max(0, c.start - 30) : c.start]
        if any(before.endswith(a) for a in about) or _after_word(before, about):
            s.topics.append(c.code)
        elif _after_word(before, to) and s.senders:
            pass  # the addressee: never the sender
        else:
            s.senders.append(c.code)
        taken(c.start, c.end)
    for lex in lexs:
        for m, body in lex.lookup("bodies", t):
            before = t[max(0, m.start() - 30) : m.start()]
            # "to the Council", "about the Council"; not "in": "the report in the SG's name"
            to_body = _after_word(before, to) or _after_word(
                before, [a for a in about if len(a.strip()) >= 4]
            )
            # "Security Council resolutions" names whose resolutions, not who wrote the letter
            of_res = any(abs(m.start() - b) <= 4 or abs(a - m.end()) <= 4 for a, b in res_spans)
            if not to_body and (for_list or not of_res) and str(body) not in s.senders:
                s.senders.append(str(body))
            elif _after_word(before, to) and s.addressee is None:
                s.addressee = str(body)  # "letters to the General Assembly"
            taken(m.start(), m.end())
    s.back = any(lex.search("back", t) for lex in lexs)
    s.one = any(lex.search("one", t) for lex in lexs) or _pick(t, lexs) is not None
    s.words = _topic_words(t, spans, lexs)
    if lexs[0].lang == "zh" and (s.senders or s.topics or s.kind or s.year or s.month):
        s.words = []  # what is left of a Chinese message naming a sender is not a title
    if not s.senders and s.topics and not for_list:
        s.senders, s.topics = s.topics[:1], s.topics[1:]  # "la lettre sur la Syrie" is rare
    return s


def _markers(lexs: list[Lexicon], key: str, t: str) -> list[str]:
    return [fold(w) + " " for lex in lexs for w in lex.raw.get(key, [])]


_ARTICLES = re.compile(r"(?:\s|^)(?:the|le|la|les|l'|el|los|las|du|des|del|de la|de l')\s*$")


def _after_word(before: str, markers: list[str]) -> bool:
    b = before.rstrip()
    for _ in range(2):
        b = _ARTICLES.sub("", b).rstrip()
    return any(
        b.endswith(m.strip())
        and (
            len(b) == len(m.strip())
            or not b[-len(m.strip()) - 1].isalnum()
            or _UNSPACED.search(m)  # Chinese and Arabic words are not cut by spaces
        )
        for m in markers
        if m.strip()
    )


_UNSPACED = re.compile(r"[\u0600-\u06ff\u4e00-\u9fff]")


def _dates(raw: str, t: str, lexs: list[Lexicon], s: RefSlots, taken) -> None:  # type: ignore[no-untyped-def]
    m = _ISO_DATE.search(t)
    if m:
        s.year, s.month, s.day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        taken(m.start(), m.end())
        return
    m = _ZH_DATE.search(t)
    if m:
        s.year = int(m.group(1)) if m.group(1) else None
        s.month = int(m.group(2))
        s.day = int(m.group(3)) if m.group(3) else None
        taken(m.start(), m.end())
    for lex in lexs:
        for mm, month in lex.lookup("months", t):
            word = t[mm.start() : mm.end()]
            if word == "may" and not _month_may(raw, t, mm):
                continue
            if (
                word in ("mar", "dec", "sep", "jun")
                and lex.lang == "en"
                and not _near_number(t, mm)
            ):
                continue
            s.month = s.month or int(month)  # type: ignore[call-overload]
            taken(mm.start(), mm.end())
            before = re.search(r"(\d{1,2})(?:st|nd|rd|th|er)?\s*(?:de\s+)?$", t[: mm.start()])
            after = re.match(r"\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)", t[mm.end() :])
            if before and 1 <= int(before.group(1)) <= 31:
                s.day = int(before.group(1))
                taken(before.start(), mm.start())
            elif after and 1 <= int(after.group(1)) <= 31:
                s.day = int(after.group(1))
                taken(mm.end(), mm.end() + after.end())
    if s.month is None:
        s.month = _fuzzy_month(t, lexs, taken)
    for m in _YEAR.finditer(t):
        s.year = s.year or int(m.group(1))
        taken(m.start(), m.end())
    if s.day is None:
        # "the one from the 3rd", "celle du 5"
        m = re.search(
            r"(?:(?:from|of|on|dated) the|du|del|of|on|dated)\s+(\d{1,2})(?:st|nd|rd|th|er)?(?!\d)"
            r"(?!\s*\w*\s*(?:one|item))",
            t,
        )
        if m and 1 <= int(m.group(1)) <= 31 and not re.search(r"\d\s*\(\d{4}\)", t):
            s.day = int(m.group(1))
            taken(m.start(1), m.end())


def _fuzzy_month(t: str, lexs: list[Lexicon], taken) -> int | None:  # type: ignore[no-untyped-def]
    """ "Febuary", "setember": a month name typed with one slip."""
    from rapidfuzz import fuzz

    for m in re.finditer(r"[^\W\d_]{6,}", t):
        for lex in lexs:
            for name, n in lex.raw.get("months", {}).items():
                if len(name) >= 6 and "*" not in name and fuzz.ratio(m.group(0), name) >= 86:
                    taken(m.start(), m.end())
                    return int(n)
    return None


def _month_may(raw: str, t: str, m: re.Match[str]) -> bool:
    """ "may" is a month when capitalised or next to a number ("in May", "May 2025", "2 May")."""
    if raw[m.start() : m.end()] == "May" and m.start() > 0:
        return True
    # "from may", "the letter of may": after a preposition of time it is not the verb
    if re.search(
        r"(?:^|\s)(?:from|of|in|since|until|till|during|dated|early|late|mid|last|this)\s+$",
        t[: m.start()],
    ):
        return True
    return _near_number(t, m)


def _near_number(t: str, m: re.Match[str]) -> bool:
    return bool(re.search(r"\d\s*$", t[: m.start()]) or re.match(r"\s*\d", t[m.end() :]))


def _topic_words(t: str, spans: list[tuple[int, int]], lexs: list[Lexicon]) -> list[str]:
    chars = list(t)
    for a, b in spans:
        for i in range(a, min(b, len(chars))):
            chars[i] = " "
    rest = "".join(chars)
    for lex in lexs:
        for key in (
            "summary",
            "sent_what",
            "resolutions",
            "doc",
            "docs",
            "cites",
            "back",
            "one",
            "greeting",
            "thanks",
            "help",
        ):
            rest = lex.strict[key].sub(" ", rest) if key in lex.strict else rest
        for _, pat in lex.meta:
            rest = pat.sub(" ", rest)
        for key in ("ordinals",):
            for m, _v in lex.lookup(key, rest):
                rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    words = re.findall(r"[^\W_]+(?:[-'][^\W_]+)*", rest)
    filler = set().union(*(lex.filler for lex in lexs))
    out = []
    for w in words:
        w = re.sub(r"^(?:l|d|qu|s|c|j|n)'", "", w)
        w = re.sub(r"'s$", "", w)
        if w in filler or w in STOPWORDS or (len(w) < 2 and not w.isdigit()):
            continue
        if "-" in w and all(p in filler or len(p) < 2 for p in w.split("-")):
            continue  # "peux-tu", "montre-moi"
        if lexs[0].lang == "zh":
            # Chinese words are not split by spaces: the names and dates carry the ref, and a
            # long run left over may be a title ("世界人权宣言")
            if len(w) >= 4 and _UNSPACED.fullmatch(w[0]):
                out.append(w)
            continue
        out.append(w)
    return out


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


def _strip_articles(q: str, lexs: list[Lexicon]) -> str:
    q = re.sub(r"(?:的段落|的部分|的内容|的地方|的段|在哪里|在哪)$", "", q.strip(" ?!.？。"))
    q = re.sub(r"^(?:the|a|an|le|la|les|l'|un|une|des|du|el|los|las)\s+", "", q.strip(), flags=re.I)
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
