"""From a Request to an Answer, the same for the terminal chat and for Discord.

Keeps, per channel, the last document answered about, so "it" and "this letter" work for a while.
Only its id is kept: it goes back to a document through the asker's scopes (Library.document),
so a remembered id never opens a document the asker's server may not see.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from bot.core.errors import Ambiguous, BadInput, NotFound, PermissionDenied, RapporteurError
from bot.core.intents import Request
from bot.core.library import Actor, Library, visible_scopes
from bot.core.storage import StoredDocument

CONTEXT_SECONDS = 15 * 60  # how long "it" keeps meaning the last document


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


class Dispatcher:
    def __init__(self, library: Library) -> None:
        self.library = library
        self._last: dict[str, tuple[int, float]] = {}

    def remember(self, channel: str, doc: StoredDocument) -> None:
        self._last[channel] = (doc.id, time.monotonic())

    async def last_document(self, channel: str, scopes: list[str]) -> StoredDocument | None:
        """The channel's last document while it is fresh, if `scopes` may see it."""
        entry = self._last.get(channel)
        if entry is None or time.monotonic() - entry[1] > CONTEXT_SECONDS:
            return None
        return await self.library.document(entry[0], scopes)

    async def handle(self, req: Request, asker: Asker) -> Answer:
        answer = Answer(req.intent, req.lang)
        if req.error:
            answer.error, answer.error_kind = req.error, "bad_input"
            return answer
        try:
            await self._run(req, asker, answer)
        except Ambiguous as e:
            answer.error, answer.error_kind, answer.candidates = str(e), "ambiguous", e.candidates
        except NotFound as e:
            answer.error, answer.error_kind, answer.candidates = str(e), "not_found", e.suggestions
        except PermissionDenied as e:
            answer.error, answer.error_kind = str(e), "permission"
        except (BadInput, RapporteurError) as e:
            answer.error, answer.error_kind = str(e), "bad_input"
        if answer.doc is not None:
            self.remember(asker.channel, answer.doc)
        return answer

    async def _document(self, req: Request, asker: Asker) -> StoredDocument:
        scopes = visible_scopes(asker.scope)
        if req.ref:
            return await self.library.resolve(req.ref, scopes)
        last = await self.last_document(asker.channel, scopes)
        if last is not None:
            return last
        raise NotFound("which document? name it by symbol (e.g. S/2025/40), number or words")

    async def _run(self, req: Request, asker: Asker, answer: Answer) -> None:
        lib = self.library
        scopes = visible_scopes(asker.scope)
        intent = req.intent
        if intent == "help":
            answer.result = None
        elif intent == "unknown":
            raise BadInput(f"I don't know the command “{req.query}”; `!help` lists them")
        elif intent == "docs":
            answer.result = await lib.list_documents(req.query or "", scopes)
        elif intent == "doc":
            answer.doc = await self._document(req, asker)
            answer.result = await lib.detail(answer.doc)
        elif intent == "summary":
            answer.doc = await self._document(req, asker)
            answer.result = await lib.summary(answer.doc, scopes)
        elif intent == "resolutions":
            answer.doc = await self._document(req, asker)
            answer.result = await lib.resolutions(answer.doc, scopes)
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
