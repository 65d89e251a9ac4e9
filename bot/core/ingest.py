"""Reading and parsing the files of a load: the CPU-bound half, run in parsing processes or a
thread (bot.core.library schedules it; bot.core.storage stores the results).

This module imports only the readers, the parser and the term folding, so a parsing process
starts in a fraction of the time the whole library would take to import. Results travel back
packed as plain tuples (pickling slotted dataclasses runs Python code per object), together with
the paragraph frequencies of their terms, so the writer need not fold every paragraph again.
"""

from __future__ import annotations

import importlib
import logging
import math
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

try:
    import resource
except ImportError:  # not on Windows: the wall-clock kill in the parent still holds
    resource = None  # type: ignore[assignment]

from bot.core.models import Citation, DocumentRecord, Paragraph
from bot.core.ocr_quality import poor_ocr_warning
from bot.core.parse import parse_document
from bot.core.readers import UnreadableDocument, read_document
from bot.core.textnorm import index_terms

log = logging.getLogger(__name__)

# ("ok", packed record) | ("unreadable", message) | ("error", exception type name)
Outcome = tuple[str, Any]


def prepare(source: str, data: bytes) -> DocumentRecord:
    """Read and parse one file. Raises UnreadableDocument."""
    result = read_document(data, source)
    record = parse_document(result.text, filename=source)
    if not record.paragraphs:
        raise UnreadableDocument("no text: the file holds no paragraphs of text", reason="empty")
    # What the reader noticed (a guessed encoding, scanned pages), then the parser's own.
    record.warnings[:0] = result.warnings
    if result.format == "pdf":
        scanned = any("OCR" in w for w in result.warnings)  # pages that are scans: less to prove
        poor = poor_ocr_warning(result.text, scanned)
        if poor:
            record.warnings.append(poor)
    return record


def prepare_outcome(source: str, data: bytes) -> Outcome:
    """prepare() as plain, picklable data; a parser bug fails this file only."""
    try:
        return ("ok", pack(prepare(source, data)))
    except UnreadableDocument as e:
        return ("unreadable", str(e))
    except MemoryError:  # the process's memory limit, met in Python code
        return ("unreadable", overrun_message(data, "memory", memory_limit_mb()))
    except Exception as e:
        log.exception("parsing %s failed", source)
        return ("error", type(e).__name__)


def prepare_batch(
    items: list[tuple[str, bytes]], limits: tuple[float, float] | None = None
) -> tuple[list[Outcome], dict[str, int]]:
    """Several files in one hop: their outcomes, and the terms of the parsed ones. With
    `limits` (CPU seconds, wall seconds), each file gets them afresh: a file past either
    ends this process (the parent then finds which file it was)."""
    outcomes = []
    for source, data in items:
        if limits is None:
            outcomes.append(prepare_outcome(source, data))
        else:
            with file_limits(*limits):
                outcomes.append(prepare_outcome(source, data))
    return outcomes, outcome_terms(outcomes)


# ---- limits of a reading process --------------------------------------------------------


def document_kind(data: bytes) -> str:
    """'this PDF', 'this Word document'...: how refusals name a file by its real type."""
    head = data[:1024].lstrip()[:256].lower()
    if data.startswith(b"%PDF") or b"%pdf-" in data[:1024]:
        return "this PDF"
    if data.startswith(b"PK"):
        return "this Word document"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "this HTML page"
    return "this file"


def overrun_message(data: bytes, what: str, limit: float) -> str:
    """The refusal for a file whose reader met a process limit or died."""
    kind = document_kind(data)
    if what == "memory":
        need = f"needed more than {limit:g} MB of memory to read" if limit else "ran out of memory"
    elif what == "time":
        need = f"took longer than {limit:g} s to read"
    else:  # the reading process died some other way (a crash in the PDF library...)
        need = f"made its reader crash ({what})"
    return f"{kind} {need}; it may be malformed or hostile, so it was not loaded"


_memory_mb = 0.0  # this process's address-space limit, for messages


def memory_limit_mb() -> float:
    return _memory_mb


def limit_process(parent: int, memory_mb: float) -> None:
    """A reading process's initializer: end with the parent, cap its address space (a PDF
    whose forms expand exponentially then fails an allocation, and at worst this process
    aborts, never the bot), and write no core file when it dies."""
    global _memory_mb
    exit_with_parent(parent)
    if resource is None:
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if memory_mb > 0:
            cap = int(memory_mb * 2**20)
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
            _memory_mb = memory_mb
    except (ValueError, OSError) as e:  # a lower hard limit set by the system stays
        log.warning("cannot limit the reading process (%r)", e)


@contextmanager
def file_limits(cpu_s: float, wall_s: float) -> Iterator[None]:
    """CPU seconds (RLIMIT_CPU: SIGXCPU ends the process) and wall seconds (SIGALRM ends it)
    for one file, counted from now. Both signals keep their default action: the process
    dies even inside a long C call (PDFium, lexbor), where no Python check can run."""
    old = None
    if resource is not None and cpu_s > 0:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        old = resource.getrlimit(resource.RLIMIT_CPU)
        soft = math.ceil(usage.ru_utime + usage.ru_stime + cpu_s)
        if old[1] != resource.RLIM_INFINITY:
            soft = min(soft, old[1])
        resource.setrlimit(resource.RLIMIT_CPU, (soft, old[1]))
    alarm = (
        hasattr(signal, "alarm")
        and wall_s > 0
        and threading.current_thread() is threading.main_thread()
    )
    if alarm:
        signal.alarm(max(1, math.ceil(wall_s)))
    try:
        yield
    finally:
        if alarm:
            signal.alarm(0)
        if old is not None:
            resource.setrlimit(resource.RLIMIT_CPU, old)


def serve(conn: Any, parent: int, memory_mb: float) -> None:
    """A reading process of the sandbox (bot.core.parse_pool): say it is ready, then read one
    file per message, (name, data, cpu_s, wall_s) -> (outcome, terms), until the pipe closes."""
    limit_process(parent, memory_mb)
    for module in ("bot.core.readers._pdf", "docx", "selectolax.lexbor", "charset_normalizer"):
        importlib.import_module(module)  # now, not on the first upload's clock

    conn.send(("ready", os.getpid()))
    while True:
        try:
            name, data, cpu_s, wall_s = conn.recv()
        except (EOFError, OSError):
            return
        with file_limits(cpu_s, wall_s):
            outcome = prepare_outcome(name, data)
        send_in_parts(conn, outcome, outcome_terms([outcome]))


PART = 2000  # paragraphs, citations (or 4x terms) per message


def send_in_parts(conn: Any, outcome: Outcome, terms: dict[str, int]) -> None:
    """A big document goes in parts: the parent's thread unpickles each in a few ms, where one
    20 MB message would hold the GIL (and stall the bot's event loop) for 100 ms and more."""
    if outcome[0] != "ok" or len(outcome[1][1]) + len(outcome[1][2]) + len(terms) <= 3 * PART:
        conn.send(("whole", outcome, terms))
        return
    record, paragraphs, citations = outcome[1]
    conn.send(("parts", record, None))
    for i in range(0, len(paragraphs), PART):
        conn.send(("p", paragraphs[i : i + PART], None))
    for i in range(0, len(citations), PART):
        conn.send(("c", citations[i : i + PART], None))
    items = list(terms.items())
    for i in range(0, len(items), 4 * PART):
        conn.send(("t", items[i : i + 4 * PART], None))
    conn.send(("end", None, None))


def receive_in_parts(conn: Any) -> tuple[Outcome, dict[str, int]]:
    """What send_in_parts sent; raises EOFError if the sender died meanwhile."""
    kind, first, terms = conn.recv()
    if kind == "whole":
        return first, terms
    paragraphs: list = []
    citations: list = []
    got: dict[str, int] = {}
    while True:
        kind, part, _ = conn.recv()
        if kind == "end":
            return ("ok", (first, paragraphs, citations)), got
        if kind == "p":
            paragraphs.extend(part)
        elif kind == "c":
            citations.extend(part)
        else:
            got.update(part)


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
