"""Reading and parsing the files of a load: the CPU-bound half, run in parsing processes or a
thread (bot.core.library schedules it; bot.core.storage stores the results).

This module imports only the readers, the parser and the term folding, so a parsing process
starts in a fraction of the time the whole library would take to import. Results travel back
packed as plain tuples (pickling slotted dataclasses runs Python code per object), together with
the paragraph frequencies of their terms, so the writer need not fold every paragraph again.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import Counter
from dataclasses import replace
from typing import Any

from bot.core.models import Citation, DocumentRecord, Paragraph
from bot.core.parse import parse_document
from bot.core.readers import UnreadableDocument, read_document
from bot.core.vocab_index import index_terms

log = logging.getLogger(__name__)

# ("ok", packed record) | ("unreadable", message) | ("error", exception type name)
Outcome = tuple[str, Any]


def prepare(source: str, data: bytes) -> DocumentRecord:
    """Read and parse one file. Raises UnreadableDocument."""
    result = read_document(data, source)
    record = parse_document(result.text, filename=source)
    if not record.paragraphs:
        raise UnreadableDocument("no text: the file holds no paragraphs of text", reason="empty")
    return record


def prepare_outcome(source: str, data: bytes) -> Outcome:
    """prepare() as plain, picklable data; a parser bug fails this file only."""
    try:
        return ("ok", pack(prepare(source, data)))
    except UnreadableDocument as e:
        return ("unreadable", str(e))
    except Exception as e:
        log.exception("parsing %s failed", source)
        return ("error", type(e).__name__)


def prepare_batch(items: list[tuple[str, bytes]]) -> tuple[list[Outcome], dict[str, int]]:
    """Several files in one hop: their outcomes, and the terms of the parsed ones."""
    outcomes = [prepare_outcome(source, data) for source, data in items]
    return outcomes, outcome_terms(outcomes)


def outcome_terms(outcomes: list[Outcome]) -> dict[str, int]:
    """How many of the parsed paragraphs hold each term: what the vocabulary index adds."""
    terms: Counter[str] = Counter()
    for outcome in outcomes:
        if outcome[0] == "ok":
            for _, text, _ in outcome[1][1]:
                terms.update(index_terms(text))
    return dict(terms)


def pack(record: DocumentRecord) -> tuple:
    """A record as tuples for pickling: its paragraphs and citations are most of it."""
    return (
        replace(record, paragraphs=[], citations=[]),
        [(p.index, p.text, p.section) for p in record.paragraphs],
        [
            (c.symbol, c.kind, c.body, c.start, c.end, c.surface, c.year_inferred, c.paragraph)
            for c in record.citations
        ],
    )


def unpack(packed: tuple) -> DocumentRecord:
    record, paragraphs, citations = packed
    record.paragraphs = [Paragraph(*p) for p in paragraphs]
    record.citations = [Citation(*c) for c in citations]
    return record


def exit_with_parent(parent: int) -> None:
    """A parsing process's initializer: end when the process that started it is gone.

    A loader killed outright (SIGKILL, OOM) cannot shut its pool down, and the workers hold
    both ends of their task queue, so they would wait for work forever.
    """

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def warm(hold: float) -> int:
    """A task that makes a parsing process start and import this module ahead of a load. It
    waits `hold` seconds, so that as many tasks as processes land on distinct processes."""
    time.sleep(hold)
    return os.getpid()
