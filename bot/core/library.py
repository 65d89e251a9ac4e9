"""The library facade: every answer the bot gives, over storage, parsing, citations and search.

Front ends (terminal chat, Discord cogs) call only this. Scopes decide visibility: the bundled
corpus ("corpus") is seen everywhere; a server's uploads ("guild:<id>") only in that server.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core import refs

# Modules the store's reads import when first run: imported with the library, at start, so the
# first find does not compile them on the event loop (60 ms of CPU in the middle of a burst).
from bot.core import search, store_reads, summary  # noqa: F401  # isort: skip
from bot.core.citations import resolution_symbol_from_query
from bot.core.cpu import in_thread
from bot.core.errors import Ambiguous, BadInput, NotFound, PermissionDenied
from bot.core.fairness import (
    DETAIL_CHARS,
    DETAIL_PREVIEW_CHARS,
    SUMMARY_CHARS,
    asker_reads,
    group_citations,
    start_worker_threads,
)
from bot.core.glossary import TRANSLATED_WEIGHT, translation_words
from bot.core.loading import PARALLEL_MIN_FILES as PARALLEL_MIN_FILES
from bot.core.loading import LoadPipeline, Progress
from bot.core.parse_pool import Parsers
from bot.core.readers import SUPPORTED_EXTENSIONS, repair_surrogates
from bot.core.results import (
    CitedResolution,
    Cites,
    CitingDocument,
    DocDetail,
    DocList,
    FindHit,
    FindResult,
    LoadedDocument,
    LoadReport,
    Removed,
    Replaced,
    Resolutions,
    Summary,
)
from bot.core.storage import CORPUS_SCOPE, StoredDocument, StoredSource
from bot.core.store_api import StoreAPI
from bot.core.store_factory import open_store
from bot.core.symbols import symbol_key
from bot.core.textnorm import fts_tokens
from bot.core.uploads import (
    ALREADY,
    Twins,
    copies_index,
    copies_of,
    distinct_names,
    same_text,
    where,
)

log = logging.getLogger(__name__)


@dataclass(slots=True, frozen=True)
class Actor:
    """Who asks: their name (for the record) and whether they hold the moderator right."""

    name: str = "console"
    moderator: bool = False


def guild_scope(guild_id: int | None) -> str:
    return f"guild:{guild_id}" if guild_id is not None else "local"


def visible_scopes(scope: str | None) -> list[str]:
    return [CORPUS_SCOPE] if scope in (None, CORPUS_SCOPE) else [CORPUS_SCOPE, scope]


class Library(LoadPipeline):
    def __init__(self, db_path: str | Path) -> None:
        self.store: StoreAPI = open_store(db_path)
        # Bulk processes, sandboxed reading processes: no upload is read in this process.
        self._parsers = Parsers()
        self._vocab: dict = {}  # scopes -> looked-up vocabulary (expansions, df), one generation
        self._vocab_generation = -1
        self._documents: dict[
            tuple[str, ...], tuple[int, asyncio.Future[list[StoredDocument]]]
        ] = {}
        # One upload at a time per server: each compares its files with what the server holds,
        # so two at once would both miss the other's copy of the same text.
        self._uploads: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def open(self) -> None:
        await self.store.open()
        await start_worker_threads()

    async def close(self) -> None:
        await self._parsers.close()
        await self.store.close()

    async def __aenter__(self) -> Library:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ---- loading ------------------------------------------------------------------------

    async def load_directory(
        self, folder: str | Path, scope: str = CORPUS_SCOPE, progress: Progress | None = None
    ) -> LoadReport:
        """Load every supported file under `folder`, idempotently: unchanged files are skipped,
        changed ones replace their old version, vanished ones are removed."""
        root = Path(folder)
        files = sorted(
            p
            for p in root.rglob("*")
            if p.is_file()
            and p.suffix.lower() in SUPPORTED_EXTENSIONS
            and p.name.lower() not in ("readme.md", "sources.md")
        )
        # A non-UTF-8 file name (a lone surrogate here) is stored repaired; compare it so too.
        items = [(repair_surrogates(p.relative_to(root).as_posix()), p) for p in files]
        known = await self.store.source_hashes(scope)
        # The bundled corpus is trusted: where no process can start, it is parsed in a thread.
        report = await self._load(
            [(name, path.read_bytes) for name, path in items],
            scope,
            None,
            known,
            progress,
            trusted=True,
        )
        gone = set(known) - {name for name, _ in items}
        if gone:
            report.removed = await self.store.delete_sources(scope, gone)
        return report

    async def load_files(
        self,
        files: Sequence[tuple[str, bytes]],
        scope: str,
        actor: Actor,
        progress: Progress | None = None,
    ) -> LoadReport:
        """Moderator uploads (name, bytes). Files that fail are named with the reason."""
        self._require_moderator(actor, "load documents")
        return await self._upload(
            [(name, functools.partial(bytes, data)) for name, data in files],
            scope,
            actor.name,
            progress,
        )

    async def load_paths(
        self,
        paths: Iterable[str | Path],
        scope: str,
        actor: Actor,
        progress: Progress | None = None,
    ) -> LoadReport:
        """`!load PATH` in the terminal chat: files or folders from this machine."""
        self._require_moderator(actor, "load documents")
        files: list[tuple[str, Callable[[], bytes]]] = []
        report = LoadReport()
        for raw in paths:
            path = Path(raw).expanduser()
            if path.is_dir():
                found = [
                    p
                    for p in sorted(path.rglob("*"))
                    if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS
                ]
            elif path.is_file():
                found = [path]
            else:
                report.failed.append((str(raw), "no such file or folder"))
                found = []
            # A name that is not UTF-8 (surrogates here) is stored repaired, by _load.
            files.extend((p.name, p.read_bytes) for p in found)
        loaded = await self._upload(files, scope, actor.name, progress)
        loaded.failed[:0] = report.failed
        return loaded

    async def _upload(
        self,
        files: Sequence[tuple[str, Callable[[], bytes]]],
        scope: str,
        loaded_by: str,
        progress: Progress | None,
    ) -> LoadReport:
        """A moderator's files, none dropped or replacing a document without a word.

        Files of one name in one upload are all kept, the later ones renamed ("letter (2).pdf");
        a file with the content of a document already here, or of an earlier file of the
        upload, is refused, naming it; a file named as a document already here replaces it
        (a corrected version), and the report names what it replaced, who loaded it and when.
        """
        async with self._uploads[scope]:
            return await self._upload_alone(files, scope, loaded_by, progress)

    async def _upload_alone(
        self,
        files: Sequence[tuple[str, Callable[[], bytes]]],
        scope: str,
        loaded_by: str,
        progress: Progress | None,
    ) -> LoadReport:
        existing = await self.store.sources(scope)
        bundled = await self.store.sources(CORPUS_SCOPE) if scope != CORPUS_SCOPE else {}
        named, renamed = distinct_names(files, existing)
        known = {source: s.sha256 for source, s in existing.items()}
        twins = Twins(existing, bundled)
        report = await self._load(named, scope, loaded_by, known, progress, force=True, twins=twins)
        for d in report.loaded:
            d.renamed_from = renamed.get(d.source)
            old = existing.get(d.source)
            if old is not None:
                d.replaces = Replaced(old.label, old.source, old.loaded_by, old.loaded_at)
        report.already = [(n, why) for n, why in report.failed if why.startswith(ALREADY)]
        report.failed = [(n, why) for n, why in report.failed if not why.startswith(ALREADY)]
        if report.loaded:
            await self._versions(report, scope, existing)
        return report

    async def _versions(
        self, report: LoadReport, scope: str, existing: dict[str, StoredSource]
    ) -> None:
        """Uploaded documents that are another copy of one already visible here (a symbol in
        common, same language): the same text is not stored twice (the reply names the one
        held); a changed version of this server's own copy replaces it, saying so; beside a
        bundled document of other content it is kept, and wins inside this server (refs)."""
        ours = {s.id for s in existing.values()}
        docs = await self.store.documents(visible_scopes(scope))
        by_id = {d.id: d for d in docs}
        # What was visible before this upload (its own files are not versions of each other).
        held = await in_thread(copies_index, [d for d in docs if d.id in ours or d.scope != scope])
        kept: list[LoadedDocument] = []
        gone: set[int] = set()
        for loaded in report.loaded:
            new = by_id.get(loaded.doc_id or -1)
            olds = [d for d in copies_of(new, held) if d.id not in gone] if new else []
            text = [p.text for p in await self.store.paragraphs(new.id)] if new and olds else []
            twin = None
            for old in olds:
                if same_text(text, [p.text for p in await self.store.paragraphs(old.id)]):
                    twin = old
                    break
            if new is not None and twin is not None:
                await self.store.delete_document(new.id)
                why = f"{ALREADY} {where(twin)}: the same text, not stored twice"
                report.already.append((loaded.source, why))
                continue
            for old in olds:
                if old.scope == scope:
                    await self.store.delete_document(old.id)
                    gone.add(old.id)  # two files of the upload replacing it: the first does
                    src = existing.get(old.source)
                    who, when = (src.loaded_by, src.loaded_at) if src else (None, None)
                    loaded.replaces = Replaced(old.label, old.source, who, when)
                else:
                    loaded.warnings.append(
                        f"another version of {old.label} is in the bundled corpus ({old.source});"
                        " in this server, answers use this copy"
                    )
            kept.append(loaded)
        report.loaded = kept

    @property
    def parsing_processes(self) -> int:
        """How many parsing processes (bulk and sandbox) are running now."""
        return self._parsers.bulk.processes + self._parsers.sandbox.processes

    async def warm_parsers(self) -> int:
        """Start the bulk parsing processes now rather than on the first bulk load (they take a
        few tenths of a second to start and import the parser), and one sandbox reading
        process for small uploads. Returns how many bulk processes are running."""
        bulk = await self._parsers.bulk.warm()
        await self._parsers.sandbox.warm(1)
        return bulk

    async def remove(self, ref: str, scope: str, actor: Actor) -> Removed:
        self._require_moderator(actor, "remove documents")
        if scope == CORPUS_SCOPE:
            raise PermissionDenied("the bundled corpus cannot be removed from chat")
        # A number is the one `!docs` shows, counted over everything visible here (the bundled
        # corpus first), as every other command counts; symbols and words look among this
        # server's own documents first.
        numbered = refs.list_number(ref) is not None
        try:
            doc = await self.resolve(ref, visible_scopes(scope) if numbered else [scope])
        except NotFound:
            if numbered:
                raise  # "there is no document number 99 (the list has 90)", as `!docs` counts
            # Say why when the reference names a bundled document rather than nothing at all.
            try:
                bundled = await self.resolve(ref, [CORPUS_SCOPE])
            except (NotFound, Ambiguous):
                raise
            raise PermissionDenied(
                f"{bundled.label} belongs to the bundled corpus, which cannot be removed from"
                " chat; only documents loaded here can be"
            ) from None
        if doc.scope != scope:
            raise PermissionDenied(
                f"number {refs.list_number(ref)} is {doc.label}, from the bundled corpus, which"
                " cannot be removed from chat; only documents loaded here can be"
            )
        await self.store.delete_document(doc.id)
        return Removed(doc)

    @staticmethod
    def _require_moderator(actor: Actor, what: str) -> None:
        if not actor.moderator:
            raise PermissionDenied(f"only moderators can {what}")

    # ---- naming documents ---------------------------------------------------------------

    async def document(self, doc_id: int, scopes: Sequence[str]) -> StoredDocument | None:
        """A stored reference (a channel's "it", a reply to an answer) back to its document:
        None when it is gone or outside `scopes`, the two told apart nowhere."""
        return await self.store.document(doc_id, scopes)

    async def documents(self, scopes: Sequence[str]) -> list[StoredDocument]:
        """The visible documents in listing order, cached until the next change to the store.

        Every reference (`!summary Kenya July 2025`) scans them, so a busy server should not
        decode every document's record from the database each time.
        """
        key = tuple(scopes)
        await self.store.refresh()  # another process's load or remove counts too
        generation = self.store.generation
        cached = self._documents.get(key)
        if cached is None or cached[0] != generation:
            # One read for everyone asking meanwhile: a burst of commands after an upload would
            # otherwise each read and decode every document, in the read pool and under the GIL.
            if len(self._documents) > 256:  # one entry per server seen; keep it bounded
                self._documents.clear()
            cached = (generation, asyncio.ensure_future(self.store.documents(scopes)))
            self._documents[key] = cached
        try:
            return await asyncio.shield(cached[1])
        except Exception:
            if self._documents.get(key) is cached:  # a failed read is not kept
                del self._documents[key]
            raise

    @asker_reads
    async def resolve(self, ref: str, scopes: Sequence[str]) -> StoredDocument:
        docs = await self.documents(scopes)
        # Fuzzy matching over every visible document: off the loop, a server may hold thousands.
        found = await in_thread(refs.resolve, ref, docs)
        if found.document is not None:
            return found.document
        if found.ambiguous:
            raise Ambiguous(f"“{ref}” could name several documents", found.candidates)
        raise NotFound(found.reason or f"no document matches “{ref}”", found.candidates)

    @asker_reads
    async def list_documents(self, words: str, scopes: Sequence[str]) -> DocList:
        docs = await self.documents(scopes)
        numbered = list(enumerate(docs, 1))
        if not words.strip():
            return DocList("", numbered, len(docs))
        out = await in_thread(refs.filter_documents, words, numbered)
        return DocList(words, out, len(docs))

    @asker_reads
    async def autocomplete(
        self, current: str, scopes: Sequence[str], limit: int = 25
    ) -> list[tuple[str, str]]:
        """(label ≤ 100 chars, value) choices for a document reference being typed."""
        docs = await self.documents(scopes)
        cur = current.strip().lower()
        picked = []
        for d in docs:
            hay = f"{d.label} {d.title or ''} {d.source}".lower()
            if not cur or cur in hay or all(w in hay for w in cur.split()):
                picked.append(d)
                if len(picked) == limit:
                    break
        out = []
        for d in picked[:limit]:
            value = d.symbols[0] if d.symbols else d.file_stem
            label = f"{d.label} — {d.title or d.source}"
            out.append((label[:100], value[:100]))
        return out

    # ---- answers ------------------------------------------------------------------------

    @asker_reads
    async def detail(self, doc: StoredDocument, max_chars: int = DETAIL_CHARS) -> DocDetail:
        """The document's paragraphs; of one longer than `max_chars`, only its beginning."""
        rows, count, chars = await self.store.detail_rows(
            doc.id, max_chars, min(max_chars, DETAIL_PREVIEW_CHARS)
        )
        kept = sum(len(text) for _, _, text in rows)
        return DocDetail(doc, rows, count, chars, len(rows) == count and kept == chars)

    @asker_reads
    async def summary(self, doc: StoredDocument, scopes: Sequence[str]) -> Summary:
        # Key points from the first SUMMARY_CHARS of the text (a 19 MB upload's would take 10 s),
        # in the read call, so the asking server's share of the read pool bounds this CPU too.
        points, sections, count = await self.store.summary_parts(doc.id, SUMMARY_CHARS)
        cited = await self._cited(doc, scopes)
        resolutions = [c for c in cited if c.kind == "resolution"]
        return Summary(doc, doc.record, points, resolutions, count, sections)

    @asker_reads
    async def resolutions(self, doc: StoredDocument, scopes: Sequence[str]) -> Resolutions:
        return Resolutions(doc, await self._cited(doc, scopes))

    async def _cited(self, doc: StoredDocument, scopes: Sequence[str]) -> list[CitedResolution]:
        rows = await self.store.citations(doc.id)
        # A huge upload cites tens of thousands of times: grouped off the loop.
        items = await in_thread(group_citations, rows) if len(rows) > 500 else group_citations(rows)
        loaded = await self.store.loaded_symbols([symbol_key(s) for s in items], scopes)
        others = await self.store.documents_by_id(  # one read, not one per citation
            [i for i in loaded.values() if i != doc.id], scopes
        )
        for symbol, item in items.items():
            doc_id = loaded.get(symbol_key(symbol))
            if doc_id is not None and doc_id != doc.id:
                item.loaded_doc = others.get(doc_id)
        order = {"resolution": 0, "decision": 1, "other": 2}
        return sorted(items.values(), key=lambda c: (order.get(c.kind, 3), _symbol_sort(c.symbol)))

    @asker_reads
    async def cites(self, resolution: str, scopes: Sequence[str]) -> Cites:
        symbol = resolution_symbol_from_query(resolution)
        if symbol is None:
            raise BadInput(
                f"“{resolution}” is not a resolution I can read; try `1325 (2000)`, "
                "`S/RES/1325 (2000)` or `A/RES/62/243`"
            )
        inferred = "(" not in resolution and symbol.startswith("S/RES/")
        rows = await self.store.citing(symbol, scopes)
        items = []
        docs = await self.store.documents_by_id([r[0] for r in rows], scopes)
        for doc_id, mentions, para in rows:
            doc = docs.get(doc_id)
            if doc is None:
                continue
            passage = await self.store.paragraph_text(doc_id, para) if para is not None else ""
            items.append(CitingDocument(doc, mentions, para, passage))
        # A server's copy beside the bundled one is one letter: counted once, the server's.
        keep = {id(d) for d in refs.distinct_copies([i.doc for i in items])}
        items = [i for i in items if id(i.doc) in keep]
        loaded = await self.store.loaded_symbols([symbol_key(symbol)], scopes)
        own = await self.store.document(next(iter(loaded.values())), scopes) if loaded else None
        return Cites(symbol, items, own, inferred)

    @asker_reads
    async def find(
        self, query: str, scopes: Sequence[str], within: str | None = None, limit: int = 10
    ) -> FindResult:
        words = fts_tokens(query)
        if not words:
            raise BadInput("tell me what to look for, e.g. `!find ceasefire violations`")
        if len(words) > 30:
            raise BadInput("that query is too long: use up to 30 words")
        doc = await self.resolve(within, scopes) if within else None
        # The query as typed and, when the glossary knows its terms, the same in the other
        # language ("ceasefire" -> "cessez le feu"), so a delegate searching in English still
        # finds the French letter. Vocabulary, FTS5, re-ranking, the merge and the hits'
        # documents: one call on a pooled read connection in a worker thread, so the loop never
        # waits on SQLite or on CPU work.
        others = await in_thread(translation_words, query)
        queries: list[tuple[str, float, frozenset[str]]] = [(query, 1.0, frozenset())]
        queries += [(t, TRANSLATED_WEIGHT, w) for _, t, w in others]
        stats: dict[str, int] = {}
        hits, docs, translated = await self.store.find(
            queries,
            list(scopes),
            doc.id if doc else None,
            limit,
            await self._vocabulary(scopes),
            stats,
        )
        out = [
            FindHit(docs[h.doc_id], h.paragraph, h.text, h.score, h.spans)
            for h in hits
            if h.doc_id in docs
        ]
        also = " · ".join(queries[i][0] for i in translated)  # what else was searched and found
        result = FindResult(query, out, doc, also or None)
        if stats.get("indexed") and stats.get("scored"):  # too long to read whole: say so
            result.within_paragraphs, result.scored = stats["paragraphs"], stats["scored"]
        return result

    async def _vocabulary(self, scopes: Sequence[str]) -> dict:
        """The cache of vocabulary look-ups for these scopes (each scope set sees its own
        frequencies), emptied when the store changes (the vocabulary itself lives in SQLite,
        kept right by every load and remove)."""
        await self.store.refresh()  # another process's load or remove empties it too
        if self._vocab_generation != self.store.generation or len(self._vocab) > 256:
            self._vocab = {}
            self._vocab_generation = self.store.generation
        cache = self._vocab.setdefault(tuple(sorted(set(scopes))), {})
        if len(cache) > 200_000:
            cache.clear()
        return cache


def _symbol_sort(symbol: str) -> tuple:
    parts = []
    for chunk in symbol.replace("(", " ").replace(")", " ").replace("/", " ").split():
        parts.append((0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk))
    return tuple(parts)
