"""What a channel's conversation remembers: the last document, the last numbered list (candidates,
`!docs` results, find hits) and a question waiting for the user to pick a candidate.

Everything expires (as "it" does) and is kept per channel: a pick in one channel never reads
another channel's list. Stored ids come back as documents only through `visible_document`, which
checks the asker's scope: a document outside it behaves as gone.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from bot.core.countries import country_name
from bot.core.cpu import in_thread
from bot.core.errors import Ambiguous, NotFound
from bot.core.intents import RefSlots, Request
from bot.core.library import Library, visible_scopes
from bot.core.lookup import (
    Lookup,
    _oldest_first,
    addressed_to,
    body_terms,
    by_title,
    date_matches,
    doc_words,
    find_document,
    kind_matches,
    pick_in,
    senders_of,
)
from bot.core.results import DocList
from bot.core.storage import StoredDocument
from bot.messages import message

CONTEXT_SECONDS = 15 * 60
MAX_CHANNELS = 10_000
PAGE = 25  # a list shows this many lines, then "and N more"  # a bounded memory: the oldest channels are forgotten first


@dataclass(slots=True)
class ChannelState:
    listing: list[int] = field(default_factory=list)  # document ids, as numbered to the user
    listing_at: float = 0.0
    pending: Request | None = None  # the question asked before "which one?"
    pending_at: float = 0.0
    shown: int = 0  # how much of the listing has been shown ("more" shows the next page)
    described: RefSlots | None = None  # the last document described in words
    described_at: float = 0.0


async def visible_document(
    library: Library, doc_id: int, scope: str | None
) -> StoredDocument | None:
    """The one way a stored id becomes a document again: outside the asker's scope, it is gone."""
    return await library.document(doc_id, visible_scopes(scope))


class Dialogue:
    def __init__(self, library: Library, ttl: float = CONTEXT_SECONDS) -> None:
        self.library = library
        self.ttl = ttl
        self._states: dict[str, ChannelState] = {}

    def state(self, channel: str) -> ChannelState:
        st = self._states.get(channel)
        if st is None:
            if len(self._states) >= MAX_CHANNELS:
                self._states.pop(next(iter(self._states)))
            st = self._states[channel] = ChannelState()
        now = time.monotonic()
        if st.listing and now - st.listing_at > self.ttl:
            st.listing = []
        if st.pending is not None and now - st.pending_at > self.ttl:
            st.pending = None
        return st

    def remember_list(self, channel: str, docs: Sequence[StoredDocument]) -> None:
        st = self.state(channel)
        st.listing = list(dict.fromkeys(d.id for d in docs))
        st.listing_at = time.monotonic()
        st.shown = PAGE

    async def next_page(
        self, channel: str, scope: str | None, lang: str = "en"
    ) -> tuple[DocList, int]:
        """The last list again, from where it stopped: ("more", "la suite")."""
        listing = await self.listing(channel, scope)
        st = self.state(channel)
        if not listing:
            raise NotFound(message(lang, "no_list"))
        if st.shown >= len(listing):
            st.shown = 0  # shown whole: start again from the top
        start, st.shown = st.shown, st.shown + PAGE
        st.listing_at = time.monotonic()
        docs = await self.library.documents(visible_scopes(scope))
        number = {d.id: n for n, d in enumerate(docs, 1)}
        return DocList("", [(number.get(d.id, 0), d) for d in listing], len(docs)), start

    def ask_which(self, channel: str, req: Request, candidates: Sequence[StoredDocument]) -> None:
        self.remember_list(channel, candidates)
        st = self.state(channel)
        st.pending, st.pending_at = req, time.monotonic()

    def settle(self, channel: str) -> None:
        self.state(channel).pending = None

    async def listing(self, channel: str, scope: str | None) -> list[StoredDocument]:
        out = []
        for doc_id in self.state(channel).listing:
            doc = await visible_document(self.library, doc_id, scope)
            if doc is not None:
                out.append(doc)
        return out

    def _as_before(self, channel: str, slots: RefSlots) -> RefSlots:
        """ "and the one from August?": the last description, with the new date or words."""
        st = self.state(channel)
        new = slots.month or slots.year or slots.day or slots.words
        if not (slots.one and new and st.described) or slots.senders or slots.kind:
            return slots
        if time.monotonic() - st.described_at > self.ttl:
            return slots
        return replace(
            st.described,
            year=slots.year,
            month=slots.month,
            day=slots.day,
            words=list(slots.words),
            one=False,
            back=False,
        )

    async def _still_open(self, channel: str, scope: str | None, lang: str) -> None:
        """ "who signed it?" while "which one?" is unanswered: "it" is one of those candidates,
        so they are offered again, for the new question."""
        if self.state(channel).pending is None:
            return
        candidates = await self.listing(channel, scope)
        if len(candidates) > 1:
            raise Ambiguous(message(lang, "several"), candidates)

    async def body_words(self, slots: RefSlots) -> dict[int, dict[str, int]]:
        """doc id -> the subject words its text holds ("Kosovo", "MINUSCA", "landmines")."""
        words = list(slots.words) + [w for c in slots.topics for w in _topic_words(c)]
        if not words:
            return {}
        return await self.library.store.body_hits(body_terms(words))

    def follow_up(self, req: Request, channel: str) -> Request:
        """A message with no verb ("3", "the one about the elections") answers the pending question."""
        st = self.state(channel)
        if not req.implicit or st.pending is None:
            return req
        pending = st.pending
        return Request(
            pending.intent,
            lang=req.lang,
            field=pending.field,
            pick=req.pick,
            slots=req.slots,
            query=pending.query,
        )

    async def document(
        self, req: Request, scope: str | None, channel: str, has_last: bool
    ) -> StoredDocument | None:
        """The document a mention describes: a pick in the last list, or words; None when the
        request only refers back ("it") and the caller should use the last document."""
        slots = req.slots or RefSlots()
        lang = req.lang
        if slots.back and slots.empty() and req.pick is None:
            await self._still_open(channel, scope, lang)
            return None
        listing = await self.listing(channel, scope)
        body = await self.body_words(slots)
        if slots.senders and not any(senders_of(d) & set(slots.senders) for d in listing):
            listing_fits = False  # "the one from Chile" when no listed document is Chile's
        else:
            listing_fits = bool(listing)
        if listing_fits and (req.pick is not None or slots.one) and _only_choice(slots):
            found = pick_in(listing, slots, req.pick, lang, body)
            if found.document is not None:
                return found.document
            if found.candidates:
                raise Ambiguous(message(lang, "several"), found.candidates)
        if req.pick is None and _only_words(slots) and slots.words:
            # "la declaration universelle des droits de l'homme": a document named by its title
            titled = by_title(
                await self.library.documents(visible_scopes(scope)), slots.words, lang
            )
            if len(titled) == 1:
                return titled[0]
            if titled:
                raise Ambiguous(message(lang, "several"), _oldest_first(titled))
        if req.pick is None and _only_words(slots):
            await self._still_open(channel, scope, lang)
            if has_last:
                return None  # "who sent the statement?", "was it meant for the Assembly?"
            if slots.back:
                raise NotFound(message(lang, "which"))  # "this letter", with none discussed
        if req.pick is not None and slots.empty():
            if req.pick == -1 and not listing:  # "the most recent document"
                docs = await self.library.documents(visible_scopes(scope))
                return max(docs, key=lambda d: d.date or "") if docs else None
            if not listing:
                raise NotFound(message(lang, "no_list"))
            raise NotFound(message(lang, "no_number", n=req.pick, total=len(listing)))
        slots = self._as_before(channel, slots)
        docs = await self.library.documents(visible_scopes(scope))
        # Every visible document is scored (fuzzy words too): off the loop, a server may
        # hold thousands.
        found = await in_thread(find_document, docs, slots, lang, body)
        if slots.senders or slots.kind:
            st = self.state(channel)
            st.described, st.described_at = slots, time.monotonic()
        if found.document is None and found.candidates and req.pick is not None:
            n = len(found.candidates) if req.pick == -1 else req.pick
            if 1 <= n <= len(found.candidates):
                return found.candidates[n - 1]
        return _one(found, lang, slots)


def _only_words(slots: RefSlots) -> bool:
    """No sender, date or symbol: "that note", "the statement", "was it sent …" mean the document
    just discussed (a kind counts only with "this"/"that")."""
    return not (
        slots.senders
        or slots.topics
        or (slots.kind and not slots.back)
        or slots.year
        or slots.month
        or slots.day
        or slots.symbol
        or slots.language
    )


def _only_choice(slots: RefSlots) -> bool:
    """Words that choose among listed documents rather than name a new one: a month, a day,
    a subject word; a sender or a symbol names a document anew."""
    return not (slots.symbol or (slots.senders and slots.kind))


def _one(found: Lookup, lang: str, slots: RefSlots) -> StoredDocument | None:
    if found.document is not None:
        return found.document
    if found.candidates:
        raise Ambiguous(message(lang, "several"), found.candidates)
    if slots.back and not (slots.senders or slots.symbol):
        return None  # "was it meant for the Assembly?": the words name no document
    if slots.symbol and "/RES/" in slots.symbol.upper():
        raise NotFound(message(lang, "res_not_loaded", symbol=slots.symbol))
    if found.reason == "no_symbol":
        raise NotFound(message(lang, "no_symbol", symbol=slots.symbol))
    if found.reason == "no_sender":
        names = ", ".join(country_name(c, lang) for c in slots.senders)
        raise NotFound(message(lang, "no_sender", name=names))
    raise NotFound(message(lang, "no_document"))


def docs_matching(
    docs: Sequence[StoredDocument],
    slots: RefSlots,
    query: str,
    body: dict[int, dict[str, int]] | None = None,
) -> DocList:
    """`docs` with filters: sender, kind, month/year, language, subject words; numbered as in
    the full list, oldest first."""
    numbered = list(enumerate(docs, 1))
    wanted = [w for c in slots.topics for w in _topic_words(c)] + slots.words
    # Words that no document holds filter nothing ("a-t-elle", a typo): they are not subjects.
    known = set().union(*(doc_words(d) for d in docs), *((body or {}).values()))
    wanted = [w for w in wanted if w in known]
    out = []
    for n, d in numbered:
        if (slots.year or slots.month or slots.day) and not date_matches(
            d, slots.year, slots.month, slots.day
        ):
            continue
        if slots.senders and not senders_of(d) & set(slots.senders):
            continue
        if slots.kind and not kind_matches(d, slots.kind):
            continue
        if slots.language and d.language != slots.language:
            continue
        if slots.addressee and not addressed_to(d, slots.addressee):
            continue
        if wanted:
            have = doc_words(d) | set((body or {}).get(d.id, {}))
            if not all(w in have for w in wanted):
                continue
        out.append((n, d))
    return DocList(query if not slots_empty_filter(slots) else "", out, len(docs))


def slots_empty_filter(slots: RefSlots) -> bool:
    return slots.empty() and not slots.language


def _topic_words(code: str) -> list[str]:
    from bot.core.lookup import _name_words

    return _name_words(code)


def proper_names(query: str) -> str:
    """The names in a search ("traité de Lisbonne" -> "Lisbonne"), to try when the whole phrase,
    in the asker's language, is not in the documents' language; "" when that changes nothing."""
    words = [re.sub(r"^(?:[ldjcnsm]|qu)'", "", w, flags=re.IGNORECASE) for w in query.split()]
    names = [w.strip(".,;:?!") for w in words if w[:1].isupper() and len(w) > 2]
    return " ".join(names) if names and len(names) < len(words) else ""
