"""From a Request to an Answer, the same for the terminal chat and for Discord.

Keeps, per channel, the last document answered about, so "it" and "this letter" work for a while.
Only its id is kept: it goes back to a document through the asker's scopes (Library.document),
so a remembered id never opens a document the asker's server may not see.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.core.cpu import holding_slot, in_thread
from bot.core.errors import Ambiguous, BadInput, NotFound, PermissionDenied, RapporteurError
from bot.core.facts import fact
from bot.core.intents import RefSlots, Request
from bot.core.library import Actor, Library, visible_scopes
from bot.core.mention import list_slots, parse_mention
from bot.core.results import Cites, DocList, FindResult
from bot.core.storage import StoredDocument
from bot.dialogue import Dialogue, docs_matching, proper_names, visible_document
from bot.messages import message

CONTEXT_SECONDS = 15 * 60  # how long "it" keeps meaning the last document


# One message a language, so each lexicon is read at start-up (any words would do).
WARM_UP = ("summary of it", "résumé", "resumen", "резюме", "ملخص", "摘要")

T = TypeVar("T")
# Commands worked on at once. A burst of hundreds arriving together would otherwise all take
# their first steps in one pass of the event loop; the rest wait their turn in arrival order,
# which costs them nothing since the read pool serves only a few at a time anyway.
ADMITTED = 16

# The mention parser's regexes take about 1 ms a message: messages arriving together would parse
# in one pass of the event loop and hold it for all of them (bench/load_mixed.py --spread 0).
# One thread of their own, not the shared pool, so parsing takes the interpreter lock from the
# loop for one switch interval at most.
_PARSER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mention-parser")


def stop_parser() -> None:
    """Let the parser's thread end (a program exiting would otherwise wait on it)."""
    _PARSER.shutdown(wait=False)


async def off_loop(parse: Callable[[str], T], text: str) -> T:
    """`parse(text)` (parse_mention, list_slots) on the parser's thread."""
    return await asyncio.get_running_loop().run_in_executor(_PARSER, holding_slot(parse), text)


@dataclass(slots=True)
class Asker:
    scope: str | None = None  # "guild:<id>" in a server, "local" in the terminal
    actor: Actor = field(default_factory=Actor)
    channel: str = "console"
    filesystem: bool = False  # may `!load PATH` read this machine's files (terminal only)


@dataclass(slots=True)
class Answer:
    intent: str
    lang: str = "en"
    result: Any = None
    doc: StoredDocument | None = None
    error: str | None = None
    error_kind: str | None = None  # "not_found", "ambiguous", "permission", "bad_input"
    candidates: list[StoredDocument] = field(default_factory=list)
    offset: int = 0  # a list shown from this item on ("more")


class Dispatcher:
    def __init__(self, library: Library) -> None:
        self.library = library
        self._last: dict[str, tuple[int, float]] = {}
        self.dialogue = Dialogue(library)  # lists, picks and pending questions per channel
        self._admit = asyncio.Semaphore(ADMITTED)
        # The lexicons, state names and patterns load on first use (~0.1 s): here, at start-up,
        # rather than inside the first messages, where they would hold the event loop.
        for sample in WARM_UP:
            parse_mention(sample)

    def remember(self, channel: str, doc: StoredDocument) -> None:
        self._last[channel] = (doc.id, time.monotonic())

    async def last_document(self, channel: str, scope: str | None = None) -> StoredDocument | None:
        """The channel's last document while it is fresh, if the asker's scope may see it."""
        entry = self._last.get(channel)
        if entry is None or time.monotonic() - entry[1] > CONTEXT_SECONDS:
            return None
        return await visible_document(self.library, entry[0], scope)

    async def handle(self, req: Request, asker: Asker) -> Answer:
        req = self.dialogue.follow_up(req, asker.channel)
        answer = Answer(req.intent, req.lang)
        if req.error:
            answer.error, answer.error_kind = req.error, "bad_input"
            return answer
        try:
            # A load may take minutes: it waits on the writer, not on a read slot.
            async with self._admit if req.intent != "load" else contextlib.nullcontext():
                await self._run(req, asker, answer)
        except Ambiguous as e:
            answer.error, answer.error_kind, answer.candidates = str(e), "ambiguous", e.candidates
            if req.lang != "en":  # the library speaks English; the asker may not
                answer.error = message(req.lang, "several")
            answer.intent = "clarify" if req.slots is not None else answer.intent
            self.dialogue.ask_which(asker.channel, req, e.candidates)
        except NotFound as e:
            answer.error, answer.error_kind, answer.candidates = str(e), "not_found", e.suggestions
        except PermissionDenied as e:
            answer.error, answer.error_kind = str(e), "permission"
        except (BadInput, RapporteurError) as e:
            answer.error, answer.error_kind = str(e), "bad_input"
        self._after(answer, asker)
        return answer

    def _after(self, answer: Answer, asker: Asker) -> None:
        """What the channel remembers: the document answered about, the list just shown."""
        r = answer.result
        if answer.error_kind != "ambiguous":
            self.dialogue.settle(asker.channel)
        if isinstance(r, DocList) and answer.offset == 0:
            self.dialogue.remember_list(asker.channel, [d for _, d in r.items])
        elif isinstance(r, Cites):
            self.dialogue.remember_list(asker.channel, [it.doc for it in r.items])
        elif isinstance(r, FindResult) and r.hits:
            self.dialogue.remember_list(asker.channel, [h.doc for h in r.hits])
            if answer.doc is None:
                self.remember(asker.channel, r.hits[0].doc)  # "it": the first passage's document
        if answer.doc is not None:
            self.remember(asker.channel, answer.doc)

    async def _document(self, req: Request, asker: Asker) -> StoredDocument:
        scopes = visible_scopes(asker.scope)
        last = await self.last_document(asker.channel, asker.scope)
        if req.slots is not None:  # a mention: picks, words, "it" (bot/dialogue.py)
            doc = await self.dialogue.document(req, asker.scope, asker.channel, last is not None)
            if doc is not None:
                return doc
        elif req.ref:
            return await self.library.resolve(req.ref, scopes)
        if last is not None:
            return last
        raise NotFound(message(req.lang, "which"))

    async def _within(
        self, req: Request, asker: Asker
    ) -> tuple[StoredDocument | None, list[StoredDocument]]:
        """Where a search from a mention looks: the document named, "it", or everywhere (with
        the documents the words could name, when they name several)."""
        slots = req.slots
        if slots is None or (slots.empty() and not slots.back):
            return None, []
        last = await self.last_document(asker.channel, asker.scope)
        try:
            doc = await self.dialogue.document(req, asker.scope, asker.channel, last is not None)
        except Ambiguous as e:
            return None, list(e.candidates)
        except NotFound:
            return None, []
        return (doc if doc is not None else last), []

    async def _several(self, req: Request, asker: Asker, answer: Answer) -> bool:
        """The list of what the words describe, when they describe more than one document."""
        slots = req.slots or RefSlots()
        docs = await self.library.documents(visible_scopes(asker.scope))
        body = await self.dialogue.body_words(slots)
        found = await in_thread(docs_matching, docs, slots, "", body)
        if len(found.items) < 2:
            return False
        answer.result = found
        return True

    async def _run(self, req: Request, asker: Asker, answer: Answer) -> None:
        lib = self.library
        scopes = visible_scopes(asker.scope)
        intent = req.intent
        if intent in ("help", "decline"):
            answer.result = None
        elif intent == "meta":
            answer.doc = await self._document(req, asker)
            paras = await lib.store.paragraphs(answer.doc.id)
            answer.result = fact(answer.doc, req.field or "date", paras)
        elif intent == "unknown":
            raise BadInput(f"I don't know the command “{req.query}”; `!help` lists them")
        elif intent == "docs" and req.more:
            answer.result, answer.offset = await self.dialogue.next_page(
                asker.channel, asker.scope, req.lang
            )
        elif intent == "docs" and (req.slots is not None or (req.query or "").strip()):
            slots = req.slots
            if slots is None:
                slots = req.slots = await off_loop(list_slots, req.query or "")
            docs = await lib.documents(scopes)
            body = await self.dialogue.body_words(slots)
            answer.result = await in_thread(docs_matching, docs, slots, req.query or "", body)
        elif intent == "docs":
            answer.result = await lib.list_documents(req.query or "", scopes)
        elif intent == "doc":
            answer.doc = await self._document(req, asker)
            answer.result = await lib.detail(answer.doc)
        elif intent == "summary" and req.or_list and await self._several(req, asker, answer):
            answer.intent = "docs"  # "what did X send in 2025?": X sent several
        elif intent == "summary":
            answer.doc = await self._document(req, asker)
            answer.result = await lib.summary(answer.doc, scopes)
        elif intent == "resolutions":
            answer.doc = await self._document(req, asker)
            answer.result = await lib.resolutions(answer.doc, scopes)
        elif intent == "find" and req.slots is not None:
            within, among = await self._within(req, asker)
            label = within.symbols[0] if within is not None and within.symbols else None
            ref = label or (within.file_stem if within is not None else None)
            answer.result = await lib.find(req.query or "", scopes, within=ref)
            if among:  # "in the Danish letter", and there are two: the passages of both
                hits = []
                for d in among[:5]:
                    name = d.symbols[0] if d.symbols else d.file_stem
                    hits += (await lib.find(req.query or "", scopes, within=name)).hits
                answer.result.hits = sorted(hits, key=lambda h: -h.score)[:10]
            names = proper_names(req.query or "")
            if (
                not answer.result.hits and names
            ):  # "traité de Lisbonne" in English texts: "Lisbonne"
                answer.result = await lib.find(names, scopes, within=ref)
            answer.doc = answer.result.within
        elif intent == "find":
            answer.result = await lib.find(req.query or "", scopes, within=req.ref)
            answer.doc = answer.result.within
        elif intent == "cites":
            answer.result = await lib.cites(req.query or "", scopes)
        elif intent == "load":
            if not asker.filesystem:
                raise PermissionDenied(
                    "`!load PATH` reads files on the bot's machine: only in "
                    "the terminal chat; in a server, attach the files instead"
                )
            if not req.paths:
                raise BadInput("which files? e.g. `!load ~/letters/S_2025_40.pdf`")
            answer.result = await lib.load_paths(req.paths, asker.scope or "local", asker.actor)
        elif intent == "remove":
            answer.result = await lib.remove(req.ref or "", asker.scope or "local", asker.actor)
        else:
            raise BadInput(f"I don't know how to answer “{intent}”")
