"""Answers as Discord messages: `build_reply(answer)` turns a Dispatcher Answer into a `Reply`
(pages of content/embed plus, when the text cannot fit, a .txt file); the buttons that turn
the pages are in bot.discord.views, the embeds' limits and builders in bot.discord.embeds.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Any

import discord

from bot.answer import Answer
from bot.core.models import Citation
from bot.core.results import (
    Cites,
    DocDetail,
    DocList,
    FindResult,
    LoadReport,
    Removed,
    Resolutions,
    Summary,
)
from bot.core.storage import StoredDocument
from bot.core.symbols import undocs_url
from bot.discord.embeds import (
    DESCRIPTION_BUDGET,
    MESSAGE_CHARS,
    cut,
    doc_ref,
    doc_url,
    fit_embed,
    link,
    load_embed,
    make_embed,
    summary_embed,
    text,
)
from bot.discord.files import DOC_PAGES, FILE_BYTES, detail_file, shown_paragraphs, text_file
from bot.messages import counted
from bot.render import (
    HELP,
    around,
    escape,
    find_note,
    label,
    pages,
    render,
    render_error,
    resolution_lines,
    snippet,
)

log = logging.getLogger(__name__)

TEXT_PAGES_BEFORE_FILE = 8  # beyond this, the whole text goes as a .txt file


@dataclass(slots=True)
class Page:
    content: str | None = None
    embed: discord.Embed | None = None

    def kwargs(self) -> dict[str, Any]:
        return {"content": self.content, "embed": self.embed}


@dataclass(slots=True)
class Reply:
    pages: list[Page]
    file: tuple[str, str] | None = None  # (file name, text) sent along with the first page
    error: bool = False  # shown only to the asker where Discord allows it (slash commands)
    doc: StoredDocument | None = None  # the document this answer is about, for reply context

    def make_file(self) -> discord.File | None:
        if self.file is None:
            return None
        name, body = self.file
        data = body.encode("utf-8")
        if len(data) > FILE_BYTES:  # Discord would refuse the whole message: the pages alone
            log.warning("%s not attached: %d bytes, over Discord's limit", name, len(data))
            return None
        return discord.File(io.BytesIO(data), filename=name)


@dataclass(slots=True)
class TextCitations:
    """The resolutions cited in a message someone pasted (not a stored document)."""

    citations: list[Citation]
    jump_url: str | None = None
    lang: str = "en"
    kinds: list[str] = field(default_factory=lambda: ["resolution", "decision", "other"])


def _chunk(items: list[str], per_page: int, budget: int = DESCRIPTION_BUDGET) -> list[str]:
    """Group item blocks into page bodies of at most `per_page` items and `budget` chars."""
    out: list[str] = []
    buf: list[str] = []
    size = 0
    for item in items:
        item = cut(item, budget)
        if buf and (len(buf) >= per_page or size + len(item) + 1 > budget):
            out.append("\n".join(buf))
            buf, size = [], 0
        buf.append(item)
        size += len(item) + 1
    if buf:
        out.append("\n".join(buf))
    return out or [""]


def _paged_embeds(
    title: str,
    url: str | None,
    header: str | None,
    items: list[str],
    per_page: int,
    lang: str,
    footer: str | None = None,
) -> list[Page]:
    bodies = _chunk(items, per_page, DESCRIPTION_BUDGET - len(header or "") - 2)
    result = []
    for i, body in enumerate(bodies, 1):
        desc = f"{header}\n\n{body}" if header and body else (header or body)
        e = make_embed(title, url, desc or "\u200b")
        bits = [
            b
            for b in (
                footer,
                f"{text(lang, 'page')} {i}/{len(bodies)}" if len(bodies) > 1 else None,
            )
            if b
        ]
        if bits:
            e.set_footer(text=" · ".join(bits))
        result.append(Page(embed=fit_embed(e)))
    return result


def build_reply(answer: Answer, *, embeds: bool = True, prefix: str = "!") -> Reply:
    """The pages (and maybe a file) to send for an answer. `embeds=False`: plain text."""
    if answer.error:
        return Reply([Page(content=cut(render_error(answer), MESSAGE_CHARS))], error=True)
    if not embeds:
        return _text_reply(answer)
    lang = answer.lang
    r = answer.result
    if answer.intent == "help":
        body = HELP.get(lang, HELP["en"]).replace("`!", f"`{prefix}")
        return Reply([Page(embed=fit_embed(make_embed(text(lang, "help"), description=body)))])
    if isinstance(r, Summary):
        return Reply([Page(embed=summary_embed(r, lang, prefix))], doc=r.doc)
    if isinstance(r, Resolutions):
        return Reply(resolutions_pages(r, lang, prefix), doc=r.doc)
    if isinstance(r, FindResult):
        return Reply(find_pages(r, lang), doc=r.within)
    if isinstance(r, Cites):
        return Reply(cites_pages(r, lang, prefix))
    if isinstance(r, DocList):
        return Reply(docs_pages(r, lang))
    if isinstance(r, DocDetail):
        return detail_reply(r, lang, prefix)
    if isinstance(r, LoadReport):
        return Reply([Page(embed=load_embed(r, lang))])
    if isinstance(r, Removed):
        e = make_embed(
            f"{text(lang, 'removed')} {r.doc.label}",
            doc_url(r.doc),
            escape(r.doc.title or r.doc.source),
        )
        return Reply([Page(embed=fit_embed(e))])
    if isinstance(r, TextCitations):
        return Reply(text_citations_pages(r))
    return _text_reply(answer)


def _text_reply(answer: Answer) -> Reply:
    """Without Embed Links: the shared text renderer, in 2,000-character pages, or a file."""
    body = render(answer)
    if isinstance(answer.result, TextCitations):
        body = text_citations_text(answer.result)
    doc = answer.doc
    long = len(body) > TEXT_PAGES_BEFORE_FILE * MESSAGE_CHARS  # not split whole: 8 MB may come
    parts = pages(body[: (TEXT_PAGES_BEFORE_FILE + 1) * MESSAGE_CHARS] if long else body)
    partial = isinstance(answer.result, DocDetail) and not answer.result.complete
    if len(parts) > TEXT_PAGES_BEFORE_FILE and not partial:  # (a part: its note says why)
        ref = doc_ref(doc) if doc else answer.intent
        file, note = text_file(f"{ref.replace('/', '_')}.txt", body, answer.lang, ref)
        first = cut(parts[0], MESSAGE_CHARS - len(note) - 1) + "\n" + note
        return Reply([Page(content=first)], file=file, doc=doc)
    return Reply([Page(content=p) for p in parts[:DOC_PAGES]], doc=doc)


# ---- one builder per answer ------------------------------------------------------------------


def resolutions_pages(r: Resolutions, lang: str, prefix: str = "!") -> list[Page]:
    L = lambda k: label(lang, k)  # noqa: E731
    title = f"{L('resolutions')} — {r.doc.label}"
    header = escape(cut(r.doc.title or r.doc.source, 300))
    if not r.items:
        e = make_embed(title, doc_url(r.doc), f"{header}\n\n{L('none_cited')}")
        return [Page(embed=fit_embed(e))]
    # As the terminal: the command that opens a cited resolution's loaded text.
    items = resolution_lines(r, lang, link, lambda d: f"{prefix}doc {doc_ref(d)}")
    count = sum(1 for c in r.items if c.kind == "resolution")
    footer = counted(lang, "resolutions_cited", count)
    return _paged_embeds(title, doc_url(r.doc), header, items, 15, lang, footer=footer)


def find_pages(r: FindResult, lang: str) -> list[Page]:
    where = f" {label(lang, 'in')} {r.within.label}" if r.within else ""
    title = f"“{r.query}”{where}"
    note = f"_{find_note(r, lang)}_" if r.within_paragraphs else None  # a long document
    if not r.hits:
        nothing = f"{label(lang, 'nothing')} “{escape(r.query)}”{escape(where)}."
        e = make_embed(title, description=f"{nothing}\n{note}" if note else nothing)
        return [Page(embed=fit_embed(e))]
    items = []
    for i, h in enumerate(r.hits, 1):
        name = link(h.doc.symbols[0], h.doc.label) if h.doc.symbols else escape(h.doc.label)
        items.append(
            f"**{i}.** {name} {label(lang, 'para')} {h.paragraph + 1}\n> {snippet(h, 420)}"
        )
    also = f" · {label(lang, 'also')} “{r.translated}”" if r.translated else ""
    return _paged_embeds(
        title, None, note, items, 5, lang, footer=f"{counted(lang, 'results', len(r.hits))}{also}"
    )


def cites_pages(r: Cites, lang: str, prefix: str = "!") -> list[Page]:
    L = lambda k: label(lang, k)  # noqa: E731
    title = f"{L('cited_by')} {r.symbol}"
    notes = []
    if r.year_inferred:
        notes.append(L("inferred"))
    if r.loaded_doc is not None:
        notes.append(f"{L('loaded')}: `{prefix}doc {doc_ref(r.loaded_doc)}`")
    header = link(r.symbol) + (f" ({'; '.join(notes)})" if notes else "")
    if not r.items:
        e = make_embed(title, undocs_url(r.symbol), f"{L('no_cites')} {header}.")
        return [Page(embed=fit_embed(e))]
    items = []
    for it in r.items:
        name = link(it.doc.symbols[0], it.doc.label) if it.doc.symbols else escape(it.doc.label)
        line = (
            f"• {name} — {escape(cut(it.doc.title or it.doc.source, 120))} "
            f"({it.mentions} {L('mentions')})"
        )
        if it.passage:
            line += f"\n> {escape(around(it.passage, r.symbol, 260))}"
        items.append(line)
    return _paged_embeds(
        title,
        undocs_url(r.symbol),
        header,
        items,
        6,
        lang,
        footer=counted(lang, "documents", len(r.items)),
    )


def docs_pages(r: DocList, lang: str) -> list[Page]:
    title = label(lang, "docs") + (f": {r.query}" if r.query else "")
    if not r.items:
        e = make_embed(title, description=f"{label(lang, 'nothing')} “{escape(r.query)}”.")
        return [Page(embed=fit_embed(e))]
    items = []
    for n, d in r.items:
        date = f" · {d.date}" if d.date else ""
        name = link(d.symbols[0], d.label) if d.symbols else escape(d.label)
        items.append(f"`{n:>3}` {name}{date}\n{escape(cut(d.title or d.source, 110))}")
    count = f"{len(r.items)}/{counted(lang, 'documents', r.total)}" if r.query else None
    footer = count or counted(lang, "documents", len(r.items))
    return _paged_embeds(title, None, None, items, 12, lang, footer=footer)


def detail_reply(r: DocDetail, lang: str, prefix: str = "!") -> Reply:
    """At most DOC_PAGES pages; the whole text as a file when long and within Discord's limit,
    else a note saying why not and how to search it (bot.discord.files)."""
    d = r.doc
    paras, capped = shown_paragraphs(r, lang)
    title = f"{d.label} — {d.title or d.source}"
    result = _paged_embeds(
        title, doc_url(d), None, paras or [text(lang, "no_text")], 12, lang, footer=d.source
    )[:DOC_PAGES]
    long = len(result) > TEXT_PAGES_BEFORE_FILE
    note, file = detail_file(r, lang, doc_ref(d), long, capped, prefix)
    result[0].content = note
    return Reply(result, file=file, doc=d)


def _distinct_citations(cites: list[Citation]) -> list[Citation]:
    seen: dict[str, Citation] = {}
    for c in cites:
        seen.setdefault(c.symbol, c)
    return list(seen.values())


def text_citations_pages(r: TextCitations) -> list[Page]:
    lang = r.lang
    title = text(lang, "cited_here")
    found = _distinct_citations(r.citations)
    if not found:
        e = make_embed(title, r.jump_url, text(lang, "none_here"))
        return [Page(embed=fit_embed(e))]
    items = []
    for c in found:
        extra = f" ({label(lang, 'inferred')})" if c.year_inferred else ""
        shown = f" — “{escape(cut(c.surface, 80))}”" if c.surface and c.surface != c.symbol else ""
        name = link(c.symbol) if c.kind != "other" else escape(c.symbol)
        items.append(f"• {name}{shown}{extra}")
    return _paged_embeds(
        title,
        r.jump_url,
        None,
        items,
        20,
        lang,
        footer=counted(lang, "resolutions_cited", len(found)),
    )


def text_citations_text(r: TextCitations) -> str:
    found = _distinct_citations(r.citations)
    if not found:
        return text(r.lang, "none_here")
    lines = [f"**{text(r.lang, 'cited_here')}**"]
    lines.extend(f"• [{c.symbol}](<{undocs_url(c.symbol)}>)" for c in found)
    return "\n".join(lines)
