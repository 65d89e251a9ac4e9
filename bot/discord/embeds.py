"""Discord embeds: the platform's limits (fit_embed, and the checks the tests use), the
front end's own words, links, and the embeds of one-message answers (summary, load report).

Text from documents and users is escaped by the helpers of bot.render, and the bot's
AllowedMentions stops any ping that slips through.
"""

from __future__ import annotations

from typing import Any

import discord

from bot.core.results import CitedResolution, LoadReport, Summary
from bot.core.storage import StoredDocument
from bot.core.symbols import undocs_url
from bot.messages import counted
from bot.render import contents_line, escape, label, load_lines, record_agenda, record_dates

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

UN_BLUE = discord.Colour(0x009EDB)
ERROR_RED = discord.Colour(0xD9534F)


def text(lang: str, key: str, **kw: Any) -> str:
    """A label of the Discord pages (bot.labels, the table both renderers read), filled in."""
    return label(lang, key).format(**kw)


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


def link(symbol: str, name: str | None = None) -> str:
    """A masked link for an embed; parentheses in the address are escaped so they cannot end it."""
    url = undocs_url(symbol).replace("(", "%28").replace(")", "%29")
    return f"[{escape(name or symbol)}]({url})"


def doc_url(doc: StoredDocument) -> str | None:
    return undocs_url(doc.symbols[0]) if doc.symbols else None


def doc_ref(doc: StoredDocument) -> str:
    """What to type to name this document again."""
    return doc.symbols[0] if doc.symbols else doc.file_stem


def make_embed(
    title: str,
    url: str | None = None,
    description: str | None = None,
    colour: discord.Colour = UN_BLUE,
) -> discord.Embed:
    return discord.Embed(
        title=cut(title, TITLE_CHARS), url=url, description=description, colour=colour
    )


def summary_embed(s: Summary, lang: str, prefix: str = "!") -> discord.Embed:
    rec = s.record
    L = lambda k: label(lang, k)  # noqa: E731
    doc = s.doc
    title = rec.get("title") or doc.title or doc.source
    e = make_embed(f"{doc.label} — {title}", doc_url(doc))
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
        e.add_field(name=L("key"), value=fit_lines(points, FIELD_VALUE_CHARS), inline=False)
    e.add_field(
        name=L("resolutions"),
        value=_resolution_links(s.resolutions, doc, lang, prefix),
        inline=False,
    )
    footer = [
        rec.get("kind") or doc.kind,
        doc.language or rec.get("language"),
        counted(lang, "paragraphs", s.paragraphs),
        doc.source,
    ]
    e.set_footer(text=" · ".join(str(b) for b in footer if b))
    return fit_embed(e)


def fit_lines(lines: list[str], limit: int, more: str = "") -> str:
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


def load_embed(r: LoadReport, lang: str) -> discord.Embed:
    lines = load_lines(r, lang, strong=True)
    colour = UN_BLUE if r.loaded or r.already or not r.failed else ERROR_RED
    e = make_embed(
        text(lang, "loaded_title"), description=fit_lines(lines, DESCRIPTION_BUDGET), colour=colour
    )
    held = f" · {len(r.already)} ☑️" if r.already else ""  # already loaded: not stored twice
    e.set_footer(text=f"{len(r.loaded)} ✅{held} · {len(r.failed)} ❌")
    return fit_embed(e)
