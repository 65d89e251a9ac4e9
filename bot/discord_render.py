"""Answers as Discord messages: embeds within Discord's limits, pages with buttons, file fallback.

`build_reply(answer)` turns a Dispatcher Answer into a `Reply` (pages of content/embed plus,
when the text cannot fit, a .txt file). `AnswerView` turns the pages and carries the 🗑 button;
only the person who asked can press them. Text from documents and users is escaped by the
helpers of bot.render, and the bot's AllowedMentions stops any ping that slips through.
"""

from __future__ import annotations

import contextlib
import io
import logging
from dataclasses import dataclass, field
from typing import Any

import discord

from bot.answer import Answer
from bot.core.models import Citation
from bot.core.results import (
    CitedResolution,
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
from bot.discord_files import DOC_PAGES, FILE_BYTES, detail_file, shown_paragraphs, text_file
from bot.render import (
    HELP,
    contents_line,
    escape,
    find_note,
    label,
    load_lines,
    pages,
    record_agenda,
    record_dates,
    render,
    render_error,
    resolution_lines,
    snippet,
)

log = logging.getLogger(__name__)

# Discord's documented limits (https://discord.com/developers/docs/resources/message).
MESSAGE_CHARS = 2000
TITLE_CHARS = 256
DESCRIPTION_CHARS = 4096
FIELDS = 25
FIELD_NAME_CHARS = 256
FIELD_VALUE_CHARS = 1024
FOOTER_CHARS = 2048
AUTHOR_CHARS = 256
EMBED_TOTAL_CHARS = 6000
EMBEDS_PER_MESSAGE = 10

# Kept below the limits so a page reads comfortably on a phone.
DESCRIPTION_BUDGET = 3500
TEXT_PAGES_BEFORE_FILE = 8  # beyond this, the whole text goes as a .txt file
VIEW_TIMEOUT = 300.0

UN_BLUE = discord.Colour(0x009EDB)
ERROR_RED = discord.Colour(0xD9534F)

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "page": "Page",
        "only_asker": "Only the person who asked can use these buttons.",
        "dates": "Dates",
        "cited_here": "Resolutions cited in this message",
        "none_here": "I see no resolution cited in that message.",
        "more": "… and {n} more: `{prefix}resolutions {ref}`",
        "loading": "Loading",
        "loaded_title": "Loaded in this server",
        "removed": "Removed",
        "signed": "Signed",
        "help": "Help",
        "results": "results",
        "documents": "documents",
        "no_text": "(no text)",
    },
    "fr": {
        "page": "Page",
        "only_asker": "Seule la personne qui a demandé peut utiliser ces boutons.",
        "dates": "Dates",
        "cited_here": "Résolutions citées dans ce message",
        "none_here": "Je ne vois aucune résolution citée dans ce message.",
        "more": "… et {n} de plus : `{prefix}resolutions {ref}`",
        "loading": "Chargement",
        "loaded_title": "Chargé sur ce serveur",
        "removed": "Retiré",
        "signed": "Signé",
        "help": "Aide",
        "results": "résultats",
        "documents": "documents",
        "no_text": "(pas de texte)",
    },
}


def text(lang: str, key: str, **kw: Any) -> str:
    return TEXTS.get(lang, TEXTS["en"]).get(key, TEXTS["en"][key]).format(**kw)


# ---- limits ----------------------------------------------------------------------------------


def cut(value: str, limit: int) -> str:
    """At most `limit` characters, cut at a line (else a space) and marked with an ellipsis."""
    if len(value) <= limit:
        return value
    head = value[: limit - 1]
    for sep in ("\n", " "):
        at = head.rfind(sep)
        if at > limit // 2:
            head = head[:at]
            break
    return head.rstrip() + "…"


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Make any embed acceptable to Discord: every part within its limit, 6,000 in all.

    Cuts at line breaks so that a masked link is never broken in half; drops trailing fields
    only when the total still does not fit.
    """
    if embed.title:
        embed.title = cut(embed.title, TITLE_CHARS)
    if embed.description:
        embed.description = cut(embed.description, DESCRIPTION_CHARS)
    fields = embed.fields[:FIELDS]
    embed.clear_fields()
    for f in fields:
        embed.add_field(
            name=cut(f.name or "\u200b", FIELD_NAME_CHARS) or "\u200b",
            value=cut(f.value or "\u200b", FIELD_VALUE_CHARS) or "\u200b",
            inline=bool(f.inline),
        )
    if embed.footer.text:
        embed.set_footer(text=cut(embed.footer.text, FOOTER_CHARS), icon_url=embed.footer.icon_url)
    if embed.author.name:
        embed.set_author(
            name=cut(embed.author.name, AUTHOR_CHARS),
            url=embed.author.url,
            icon_url=embed.author.icon_url,
        )
    while len(embed) > EMBED_TOTAL_CHARS:
        excess = len(embed) - EMBED_TOTAL_CHARS
        desc = embed.description or ""
        if len(desc) > 200 + excess:
            embed.description = cut(desc, len(desc) - excess)
        elif embed.fields:
            embed.remove_field(len(embed.fields) - 1)
        elif embed.footer.text:
            embed.set_footer(text=None)
        else:
            embed.description = cut(desc, max(1, len(desc) - excess))
    return embed


def embed_problems(embed: discord.Embed) -> list[str]:
    """Every way this embed breaks Discord's limits (empty when Discord would accept it)."""
    out = []
    if embed.title and len(embed.title) > TITLE_CHARS:
        out.append(f"title {len(embed.title)} > {TITLE_CHARS}")
    if embed.description and len(embed.description) > DESCRIPTION_CHARS:
        out.append(f"description {len(embed.description)} > {DESCRIPTION_CHARS}")
    if len(embed.fields) > FIELDS:
        out.append(f"{len(embed.fields)} fields > {FIELDS}")
    for i, f in enumerate(embed.fields):
        if not (f.name or "").strip() and f.name != "\u200b":
            out.append(f"field {i} has an empty name")
        if not (f.value or "").strip() and f.value != "\u200b":
            out.append(f"field {i} has an empty value")
        if len(f.name or "") > FIELD_NAME_CHARS:
            out.append(f"field {i} name {len(f.name or '')} > {FIELD_NAME_CHARS}")
        if len(f.value or "") > FIELD_VALUE_CHARS:
            out.append(f"field {i} value {len(f.value or '')} > {FIELD_VALUE_CHARS}")
    if embed.footer.text and len(embed.footer.text) > FOOTER_CHARS:
        out.append(f"footer {len(embed.footer.text)} > {FOOTER_CHARS}")
    if embed.author.name and len(embed.author.name) > AUTHOR_CHARS:
        out.append(f"author {len(embed.author.name)} > {AUTHOR_CHARS}")
    if len(embed) > EMBED_TOTAL_CHARS:
        out.append(f"total {len(embed)} > {EMBED_TOTAL_CHARS}")
    if embed.url and not str(embed.url).startswith(("https://", "http://")):
        out.append(f"url {embed.url!r} is not a web address")
    if len(embed) == 0:
        out.append("the embed is empty")
    return out


def message_problems(content: str | None, embeds: list[discord.Embed]) -> list[str]:
    out = []
    if content is not None and len(content) > MESSAGE_CHARS:
        out.append(f"content {len(content)} > {MESSAGE_CHARS}")
    if len(embeds) > EMBEDS_PER_MESSAGE:
        out.append(f"{len(embeds)} embeds > {EMBEDS_PER_MESSAGE}")
    if sum(len(e) for e in embeds) > EMBED_TOTAL_CHARS:
        out.append("embeds of one message exceed 6,000 characters together")
    for e in embeds:
        out.extend(embed_problems(e))
    if not content and not embeds:
        out.append("empty message")
    return out


# ---- replies ---------------------------------------------------------------------------------


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


def link(symbol: str, name: str | None = None) -> str:
    """A masked link for an embed; parentheses in the address are escaped so they cannot end it."""
    url = undocs_url(symbol).replace("(", "%28").replace(")", "%29")
    return f"[{escape(name or symbol)}]({url})"


def doc_url(doc: StoredDocument) -> str | None:
    return undocs_url(doc.symbols[0]) if doc.symbols else None


def doc_ref(doc: StoredDocument) -> str:
    """What to type to name this document again."""
    return doc.symbols[0] if doc.symbols else doc.file_stem


def _embed(
    title: str,
    url: str | None = None,
    description: str | None = None,
    colour: discord.Colour = UN_BLUE,
) -> discord.Embed:
    return discord.Embed(
        title=cut(title, TITLE_CHARS), url=url, description=description, colour=colour
    )


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
        e = _embed(title, url, desc or "\u200b")
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
        return Reply([Page(embed=fit_embed(_embed(text(lang, "help"), description=body)))])
    if isinstance(r, Summary):
        return Reply([Page(embed=summary_embed(r, lang, prefix))], doc=r.doc)
    if isinstance(r, Resolutions):
        return Reply(resolutions_pages(r, lang), doc=r.doc)
    if isinstance(r, FindResult):
        return Reply(find_pages(r, lang), doc=r.within)
    if isinstance(r, Cites):
        return Reply(cites_pages(r, lang))
    if isinstance(r, DocList):
        return Reply(docs_pages(r, lang))
    if isinstance(r, DocDetail):
        return detail_reply(r, lang, prefix)
    if isinstance(r, LoadReport):
        return Reply([Page(embed=load_embed(r, lang))])
    if isinstance(r, Removed):
        e = _embed(
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


def summary_embed(s: Summary, lang: str, prefix: str = "!") -> discord.Embed:
    rec = s.record
    L = lambda k: label(lang, k)  # noqa: E731
    doc = s.doc
    title = rec.get("title") or doc.title or doc.source
    e = _embed(f"{doc.label} — {title}", doc_url(doc))
    if rec.get("subject"):
        e.description = f"**{L('subject')}:** {escape(cut(rec['subject'], 600))}"
    sender = rec.get("sender") or {}
    who = ", ".join(v for v in (sender.get("role"), sender.get("entity")) if v)
    if who:
        e.add_field(name=L("from"), value=escape(who), inline=True)
    if rec.get("addressees"):
        e.add_field(name=L("to"), value=escape("; ".join(rec["addressees"])), inline=True)
    dates = record_dates(rec, lang)
    if dates:
        e.add_field(name=text(lang, "dates"), value="\n".join(dates), inline=True)
    agenda = [escape(part) for part in record_agenda(rec, lang)]
    if agenda:
        e.add_field(name=L("agenda"), value="\n".join(agenda), inline=False)
    annexes = []
    for a in rec.get("annexes") or []:
        bits = [str(v) for v in (a.get("title"), a.get("author"), a.get("date")) if v]
        if bits:
            annexes.append("• " + escape(cut(" — ".join(bits), 300)))
    if annexes:
        e.add_field(name=L("annex"), value="\n".join(annexes), inline=False)
    if rec.get("signatories"):
        e.add_field(name=L("signed"), value=escape(", ".join(rec["signatories"])), inline=False)
    if s.contents:  # within a field's 1,024 characters
        e.add_field(name=L("contents"), value=escape(contents_line(s.contents, 900)), inline=False)
    if s.key_points:
        points = [f"• {escape(cut(p, 400))}" for p in s.key_points]
        e.add_field(name=L("key"), value=_fit_lines(points, FIELD_VALUE_CHARS), inline=False)
    e.add_field(
        name=L("resolutions"),
        value=_resolution_links(s.resolutions, doc, lang, prefix),
        inline=False,
    )
    footer = [
        rec.get("kind") or doc.kind,
        doc.language or rec.get("language"),
        f"{s.paragraphs} {L('paragraphs')}",
        doc.source,
    ]
    e.set_footer(text=" · ".join(str(b) for b in footer if b))
    return fit_embed(e)


def _fit_lines(lines: list[str], limit: int, more: str = "") -> str:
    """As many whole lines as fit in `limit`, then `more` if some were left out."""
    out: list[str] = []
    size = 0
    for i, line in enumerate(lines):
        tail = more.format(n=len(lines) - i) if more else "…"
        if size + len(line) + 1 + len(tail) + 1 > limit and i < len(lines):
            out.append(tail)
            break
        out.append(line)
        size += len(line) + 1
    return cut("\n".join(out), limit)


def _resolution_links(
    items: list[CitedResolution], doc: StoredDocument, lang: str, prefix: str
) -> str:
    if not items:
        return label(lang, "none_cited")
    links = [link(c.symbol) for c in items]
    more = text(lang, "more", n="{n}", prefix=prefix, ref=doc_ref(doc))
    out: list[str] = []
    size = 0
    for i, lk in enumerate(links):
        tail = more.format(n=len(links) - i)
        if size + len(lk) + 2 + len(tail) + 1 > FIELD_VALUE_CHARS:
            return ", ".join(out) + "\n" + tail
        out.append(lk)
        size += len(lk) + 2
    return ", ".join(out)


def resolutions_pages(r: Resolutions, lang: str) -> list[Page]:
    L = lambda k: label(lang, k)  # noqa: E731
    title = f"{L('resolutions')} — {r.doc.label}"
    header = escape(cut(r.doc.title or r.doc.source, 300))
    if not r.items:
        e = _embed(title, doc_url(r.doc), f"{header}\n\n{L('none_cited')}")
        return [Page(embed=fit_embed(e))]
    items = resolution_lines(r, lang, link, doc_ref)
    count = sum(1 for c in r.items if c.kind == "resolution")
    return _paged_embeds(
        title, doc_url(r.doc), header, items, 15, lang, footer=f"{count} {L('resolutions').lower()}"
    )


def find_pages(r: FindResult, lang: str) -> list[Page]:
    where = f" {label(lang, 'in')} {r.within.label}" if r.within else ""
    title = f"“{r.query}”{where}"
    note = f"_{find_note(r, lang)}_" if r.within_paragraphs else None  # a long document
    if not r.hits:
        nothing = f"{label(lang, 'nothing')} “{escape(r.query)}”{escape(where)}."
        e = _embed(title, description=f"{nothing}\n{note}" if note else nothing)
        return [Page(embed=fit_embed(e))]
    items = []
    for i, h in enumerate(r.hits, 1):
        name = link(h.doc.symbols[0], h.doc.label) if h.doc.symbols else escape(h.doc.label)
        items.append(
            f"**{i}.** {name} {label(lang, 'para')} {h.paragraph + 1}\n> {snippet(h, 420)}"
        )
    also = f" · {label(lang, 'also')} “{r.translated}”" if r.translated else ""
    return _paged_embeds(
        title, None, note, items, 5, lang, footer=f"{len(r.hits)} {text(lang, 'results')}{also}"
    )


def cites_pages(r: Cites, lang: str) -> list[Page]:
    L = lambda k: label(lang, k)  # noqa: E731
    title = f"{L('cited_by')} {r.symbol}"
    notes = []
    if r.year_inferred:
        notes.append(L("inferred"))
    if r.loaded_doc is not None:
        notes.append(f"{L('loaded')}: `{doc_ref(r.loaded_doc)}`")
    header = link(r.symbol) + (f" ({'; '.join(notes)})" if notes else "")
    if not r.items:
        e = _embed(title, undocs_url(r.symbol), f"{L('no_cites')} {header}.")
        return [Page(embed=fit_embed(e))]
    items = []
    for it in r.items:
        name = link(it.doc.symbols[0], it.doc.label) if it.doc.symbols else escape(it.doc.label)
        line = (
            f"• {name} — {escape(cut(it.doc.title or it.doc.source, 120))} "
            f"({it.mentions} {L('mentions')})"
        )
        if it.passage:
            line += f"\n> {escape(cut(' '.join(it.passage.split()), 260))}"
        items.append(line)
    return _paged_embeds(
        title,
        undocs_url(r.symbol),
        header,
        items,
        6,
        lang,
        footer=f"{len(r.items)} {text(lang, 'documents')}",
    )


def docs_pages(r: DocList, lang: str) -> list[Page]:
    title = label(lang, "docs") + (f": {r.query}" if r.query else "")
    if not r.items:
        e = _embed(title, description=f"{label(lang, 'nothing')} “{escape(r.query)}”.")
        return [Page(embed=fit_embed(e))]
    items = []
    for n, d in r.items:
        date = f" · {d.date}" if d.date else ""
        name = link(d.symbols[0], d.label) if d.symbols else escape(d.label)
        items.append(f"`{n:>3}` {name}{date}\n{escape(cut(d.title or d.source, 110))}")
    count = f"{len(r.items)}/{r.total}" if r.query else str(len(r.items))
    return _paged_embeds(
        title, None, None, items, 12, lang, footer=f"{count} {text(lang, 'documents')}"
    )


def detail_reply(r: DocDetail, lang: str, prefix: str = "!") -> Reply:
    """At most DOC_PAGES pages; the whole text as a file when long and within Discord's limit,
    else a note saying why not and how to search it (bot.discord_files)."""
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


def load_embed(r: LoadReport, lang: str) -> discord.Embed:
    lines = load_lines(r, lang, strong=True)
    colour = UN_BLUE if r.loaded or r.already or not r.failed else ERROR_RED
    e = _embed(
        text(lang, "loaded_title"), description=_fit_lines(lines, DESCRIPTION_BUDGET), colour=colour
    )
    held = f" · {len(r.already)} ☑️" if r.already else ""  # already loaded: not stored twice
    e.set_footer(text=f"{len(r.loaded)} ✅{held} · {len(r.failed)} ❌")
    return fit_embed(e)


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
        e = _embed(title, r.jump_url, text(lang, "none_here"))
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
        footer=f"{len(found)} {label(lang, 'resolutions').lower()}",
    )


def text_citations_text(r: TextCitations) -> str:
    found = _distinct_citations(r.citations)
    if not found:
        return text(r.lang, "none_here")
    lines = [f"**{text(r.lang, 'cited_here')}**"]
    lines.extend(f"• [{c.symbol}](<{undocs_url(c.symbol)}>)" for c in found)
    return "\n".join(lines)


# ---- the buttons -----------------------------------------------------------------------------


class AnswerView(discord.ui.View):
    """Page buttons (first, previous, x/y, next, last) and 🗑, for the asker only.

    Like RoboDanny's paginator: `interaction_check` refuses anyone else; on timeout the buttons
    are removed so that nobody presses dead ones.
    """

    def __init__(
        self,
        pages: list[Page],
        author_id: int,
        lang: str = "en",
        timeout: float | None = VIEW_TIMEOUT,
    ) -> None:
        super().__init__(timeout=timeout)
        self.pages = pages
        self.author_id = author_id
        self.lang = lang
        self.index = 0
        self.message: discord.Message | None = None
        if len(pages) < 2:
            for item in (self.first, self.previous, self.counter, self.next, self.last):
                self.remove_item(item)
        self._refresh()

    def _refresh(self) -> None:
        last = len(self.pages) - 1
        self.first.disabled = self.previous.disabled = self.index == 0
        self.next.disabled = self.last.disabled = self.index >= last
        self.counter.label = f"{self.index + 1}/{len(self.pages)}"

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user and interaction.user.id == self.author_id:
            return True
        await interaction.response.send_message(text(self.lang, "only_asker"), ephemeral=True)
        return False

    async def on_timeout(self) -> None:
        if self.message is None:
            return
        # Already deleted, or the channel is gone: nothing to tidy.
        with contextlib.suppress(discord.HTTPException):
            await self.message.edit(view=None)

    async def show(self, interaction: discord.Interaction, index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._refresh()
        page = self.pages[self.index]
        await interaction.response.edit_message(content=page.content, embed=page.embed, view=self)

    @discord.ui.button(emoji="⏮", style=discord.ButtonStyle.secondary)
    async def first(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, 0)

    @discord.ui.button(emoji="◀", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await interaction.response.defer()

    @discord.ui.button(emoji="▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, self.index + 1)

    @discord.ui.button(emoji="⏭", style=discord.ButtonStyle.secondary)
    async def last(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self.show(interaction, len(self.pages) - 1)

    @discord.ui.button(emoji="🗑", style=discord.ButtonStyle.danger)
    async def delete(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await interaction.response.defer()
        try:
            await interaction.delete_original_response()
        except discord.HTTPException:
            log.debug("could not delete an answer", exc_info=True)
        self.stop()
