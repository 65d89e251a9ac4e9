"""Answers to text pages under a size budget (Discord 2,000; terminal unlimited) and to JSON.

Markup is light Markdown, which Discord renders and a terminal reads fine. Text that comes from
documents or users is escaped so that it cannot ping anyone or inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import is_dataclass
from typing import Any

from bot.answer import Answer
from bot.core.facts import Fact
from bot.core.results import (
    Cites,
    DocDetail,
    DocList,
    FindHit,
    FindResult,
    LoadReport,
    Removed,
    Replaced,
    Resolutions,
    Summary,
)
from bot.core.storage import StoredDocument
from bot.core.symbols import undocs_url
from bot.labels import HELP, LABELS, NOTES
from bot.messages import counted, field_label, kind_name, language_name, message

DISCORD_MESSAGE = 2000
CANDIDATES_SHOWN = 10
LIST_PAGE = 25  # as bot/dialogue.py PAGE: "more" shows the next page  # a clarification lists this many, then "and N more"


def size_text(chars: int) -> str:
    """A text's size for people: "19.4 MB" (characters, about bytes for most UN text)."""
    return f"{chars / 1e6:.1f} MB" if chars >= 100_000 else f"{chars / 1e3:.0f} kB"


def _count(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "\u202f" if lang == "fr" else ",")


def _ref(doc: StoredDocument) -> str:
    return doc.symbols[0] if doc.symbols else doc.file_stem


def find_note(r: FindResult, lang: str) -> str | None:
    """What a find inside a long document searched, when it could not score every paragraph."""
    if r.within is None or not r.within_paragraphs:
        return None
    note = NOTES.get(lang, NOTES["en"])["long_find"]
    return note.format(
        ref=escape(_ref(r.within)), n=_count(r.within_paragraphs, lang), k=_count(r.scored, lang)
    )


def detail_note(r: DocDetail, lang: str, prefix: str = "!") -> str | None:
    """Why only the beginning of a document is shown, and how to reach the rest."""
    if r.complete:
        return None
    note = NOTES.get(lang, NOTES["en"])["long_doc"]
    ref = _ref(r.doc)
    return note.format(
        name=escape(ref),
        ref=ref.replace("`", "'"),  # shown in a code span, where escapes would show
        size=size_text(r.total_chars),
        n=_count(r.total_paragraphs, lang),
        prefix=prefix,
    )


_MARKDOWN = re.compile(r"([\\*_`~|\[\]])|^(>|#|-#)", re.MULTILINE)
_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>|<#\d+>")


def escape(text: str) -> str:
    """Document or user text made inert: no markup, no pings."""
    text = _MENTION.sub(lambda m: m.group(0).replace("@", "@\u200b").replace("<", "<\u200b"), text)
    return _MARKDOWN.sub(lambda m: "\\" + (m.group(1) or m.group(2)), text)


_ESCAPED = re.compile(r"\\([\\*_`~|>#\-\[\]])")


_LINK = re.compile(r"\[([^\]]+)\]\(<([^>]+)>\)")


def unescape(text: str) -> str:
    """For the terminal: Markdown escapes would show as backslashes, links as brackets."""
    return _ESCAPED.sub(r"\1", _LINK.sub(r"\1 <\2>", text))


def label(lang: str, key: str) -> str:
    return LABELS.get(lang, LABELS["en"]).get(key, LABELS["en"][key])


def doc_link(doc: StoredDocument, markdown: bool = True) -> str:
    if doc.symbols and markdown:
        return f"[{doc.label}](<{undocs_url(doc.symbols[0])}>)"
    return escape(doc.label)


def snippet(hit: FindHit, width: int = 300, mark: tuple[str, str] = ("**", "**")) -> str:
    """A window of the paragraph around the matched words, matched words marked."""
    text = hit.text
    if not hit.spans:
        return escape(_shorten(text, width))
    first, first_end = hit.spans[0]
    last = max(e for _, e in hit.spans)
    start = max(0, min(first - 40, last - width + 40))
    if start > 0:  # back to a word's start, never far (Chinese has no spaces to go back to)
        start = text.rfind(" ", max(0, start - 30), start) + 1 or start
    # The window always holds the first matched word whole.
    end = min(len(text), max(start + width, first_end))
    if end < len(text):
        space = text.rfind(" ", first_end, end)
        end = space if space > start else end
    out = []
    pos = start
    for s, e in hit.spans:
        if s < start or e > end:
            continue
        out.append(escape(text[pos:s]))
        out.append(mark[0] + escape(text[s:e]) + mark[1])
        pos = e
    out.append(escape(text[pos:end]))
    return (
        ("…" if start > 0 else "")
        + "".join(out).replace("\n", " ")
        + ("…" if end < len(text) else "")
    )


def around(text: str, symbol: str, width: int) -> str:
    """`text` shortened to `width`, from a little before the resolution's number when the
    start would leave it out (a citing passage that names it late)."""
    text = " ".join(text.split())
    m = re.search(r"(\d+)", symbol.split("/")[-1]) if symbol else None
    number = m.group(1) if m else ""
    at = text.find(number) if number else -1
    if at < 0 or at + len(number) < width - 20:
        return _shorten(text, width)
    start = text.rfind(" ", 0, max(0, at - width // 3)) + 1
    return "…" + _shorten(text[start:], width - 1)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width - 1)
    return text[: cut if cut > 0 else width - 1] + "…"


# ---- one function per answer ------------------------------------------------------------------


def render(answer: Answer) -> str:
    """The whole answer as one text (split it with `pages` for Discord)."""
    lang = answer.lang
    if answer.error:
        return render_error(answer)
    r = answer.result
    if answer.intent == "help":
        return HELP.get(lang, HELP["en"])
    if answer.intent == "decline":
        return message(lang, "decline")
    if isinstance(r, Fact):
        return render_fact(r, lang)
    if isinstance(r, Summary):
        return render_summary(r, lang)
    if isinstance(r, Resolutions):
        return render_resolutions(r, lang)
    if isinstance(r, FindResult):
        return render_find(r, lang)
    if isinstance(r, Cites):
        return render_cites(r, lang)
    if isinstance(r, DocList):
        return render_docs(r, lang, answer.offset)
    if isinstance(r, DocDetail):
        return render_detail(r, lang)
    if isinstance(r, LoadReport):
        return render_load(r, lang)
    if isinstance(r, Removed):
        return f"Removed {escape(r.doc.label)} ({escape(r.doc.title or r.doc.source)})."
    return "Done."


def render_error(answer: Answer) -> str:
    msg = escape(answer.error or "something went wrong")
    msg = msg[0].upper() + msg[1:] if msg else msg
    if answer.candidates and answer.intent == "clarify":
        shown = answer.candidates[:CANDIDATES_SHOWN]
        lines = [
            f"**{i}.** {escape(d.label)}{f' · {d.date}' if d.date else ''} — "
            f"{escape(_shorten(d.title or d.source, 90))}{_told_apart(d, shown)}"
            for i, d in enumerate(shown, 1)
        ]
        if len(answer.candidates) > CANDIDATES_SHOWN:
            lines.append(message(answer.lang, "more", n=len(answer.candidates) - CANDIDATES_SHOWN))
        return f"{msg}:\n" + "\n".join(lines)  # a mention: the numbers answer it
    if answer.candidates:
        names = "\n".join(
            f"• {escape(d.label)} — {escape(_shorten(d.title or d.source, 90))}"
            for d in answer.candidates[:5]
        )
        return f"{msg}. {label(answer.lang, 'did_you_mean')}:\n{names}"
    return msg if msg.endswith((".", "?", "!", ")")) else msg + "."


def _told_apart(doc: StoredDocument, among: list[StoredDocument]) -> str:
    """ " (fr, S_2025_74.fr.pdf, loaded here)" where another candidate reads the same: its
    language, file and scope tell them apart."""
    same = [d for d in among if (d.label, d.date, d.title) == (doc.label, doc.date, doc.title)]
    if len(same) < 2:
        return ""
    where = "bundled" if doc.scope == "corpus" else "loaded here"
    bits = [b for b in (doc.language, doc.source, where) if b]
    return f" ({escape(', '.join(bits))})"


def record_dates(rec: dict[str, Any], lang: str) -> list[str]:
    """ "Letter dated …", "Adopted …", "Distributed: …", for the dates the record has."""
    out = []
    if rec.get("letter_date"):
        out.append(f"{label(lang, 'letter_date')} {rec['letter_date']}")
    if rec.get("adoption_date"):
        out.append(f"{label(lang, 'adopted')} {rec['adoption_date']}")
    if rec.get("distribution_date"):
        out.append(f"{label(lang, 'distributed')}: {rec['distribution_date']}")
    return out


def record_agenda(rec: dict[str, Any], lang: str) -> list[str]:
    """One entry per body: "GA, session 79: items 32, 37", "SC (year 75)". Not escaped."""
    out = []
    for b in rec.get("bodies") or []:
        part = b.get("body", "")
        if b.get("session"):
            part += f", {label(lang, 'session')} {b['session']}"
        if b.get("year"):
            part += f" ({label(lang, 'year')} {b['year']})"
        if b.get("agenda_items"):
            part += f": items {', '.join(str(i) for i in b['agenda_items'])}"
        out.append(part)
    return out


def render_summary(s: Summary, lang: str) -> str:
    rec = s.record
    L = lambda k: label(lang, k)  # noqa: E731
    lines = [f"**{doc_link(s.doc)}** — {escape(rec.get('title') or s.doc.source)}"]
    meta = []
    kind = rec.get("kind")
    if kind:
        lng = rec.get("language")
        orig = rec.get("original_language")
        lang_txt = (
            f" · {lng}" + (f" ({L('original')}: {orig})" if orig and orig != lng else "")
            if lng
            else ""
        )
        meta.append(f"{L('kind')}: {kind}{lang_txt}")
    sender = rec.get("sender") or {}
    if sender.get("role") or sender.get("entity"):
        meta.append(
            f"{L('from')}: "
            + escape(", ".join(v for v in (sender.get("role"), sender.get("entity")) if v))
        )
    if rec.get("addressees"):
        meta.append(f"{L('to')}: " + escape("; ".join(rec["addressees"])))
    meta.extend(record_dates(rec, lang))
    bodies = record_agenda(rec, lang)
    if bodies:
        meta.append(f"{L('agenda')}: " + escape("; ".join(bodies)))
    if rec.get("subject"):
        meta.append(f"{L('subject')}: " + escape(_shorten(rec["subject"], 300)))
    for a in rec.get("annexes") or []:
        bits = [v for v in (a.get("title"), a.get("author"), a.get("date")) if v]
        if bits:
            meta.append(f"{L('annex')}: " + escape(_shorten(" — ".join(bits), 300)))
    if rec.get("signatories"):
        meta.append(f"{L('signed')}: " + escape(", ".join(rec["signatories"])))
    if rec.get("request_to_circulate"):
        where = [b.get("body") for b in rec.get("bodies") or [] if b.get("body")]
        meta.append(f"{L('circulate')} " + (" / ".join(where) if where else "ONU / UN"))
    lines.extend(meta)
    if s.contents:  # a long report's sections, one line: the structure the key points come from
        lines.append(f"\n**{L('contents')}**")
        lines.append(escape(contents_line(s.contents, CONTENTS_CHARS)))
    if s.key_points:
        lines.append(f"\n**{L('key')}**")
        lines.extend(f"• {escape(p)}" for p in s.key_points)
    lines.append(f"\n**{L('resolutions')}**")
    if s.resolutions:
        lines.append(", ".join(_resolution_link(c.symbol) for c in s.resolutions))
    else:
        lines.append(L("none_cited"))
    return "\n".join(lines)


CONTENTS_CHARS = 700  # the "Contents" line of a summary, at most


def contents_line(sections: list[str], limit: int) -> str:
    """ "I. Introduction · II. Mandate · …": whole sections (each cut at 90) while they fit."""
    out: list[str] = []
    size = 0
    for i, section in enumerate(sections):
        part = _shorten(section, 90)
        if size + len(part) + 3 > limit - (2 if i < len(sections) - 1 else 0):
            out.append("…")
            break
        out.append(part)
        size += len(part) + 3
    return " · ".join(out)


def _resolution_link(symbol: str) -> str:
    return f"[{symbol}](<{undocs_url(symbol)}>)"


def resolution_lines(
    r: Resolutions, lang: str, link: Callable[[str], str], open_cmd: Callable[[StoredDocument], str]
) -> list[str]:
    """One line per cited resolution (then decisions, then other bodies'), with where and how often.

    Shared by the text and the Discord renderers; `link` and `open_cmd` format for each.
    """
    L = lambda k: label(lang, k)  # noqa: E731
    lines: list[str] = []
    current = "resolution"
    for c in r.items:
        if c.kind != current:
            current = c.kind
            lines.append(f"**{L('decisions') if c.kind == 'decision' else L('other')}**")
        extra = []
        if c.mentions > 1:
            extra.append(_mentions(c.mentions, lang))
        if c.paragraphs:
            extra.append(L("para") + " " + ", ".join(str(p + 1) for p in c.paragraphs[:6]))
        if c.year_inferred:
            extra.append(L("inferred"))
        if c.loaded_doc is not None:
            extra.append(f"{L('loaded')}: `{open_cmd(c.loaded_doc)}`")
        name = link(c.symbol) if c.kind != "other" else escape(c.symbol)
        lines.append(f"• {name}" + (f" ({'; '.join(extra)})" if extra else ""))
    return lines


def render_resolutions(r: Resolutions, lang: str) -> str:
    title = escape(_shorten(r.doc.title or r.doc.source, 120))
    head = f"**{label(lang, 'resolutions')}** — {doc_link(r.doc)} — {title}"
    if not r.items:
        return f"{head}\n{label(lang, 'none_cited')}"
    lines = resolution_lines(r, lang, _resolution_link, lambda d: f"!doc {d.label}")
    return "\n".join([head, *lines])


def _mentions(n: int, lang: str) -> str:
    return counted(lang, "mentions", n)


def render_find(r: FindResult, lang: str) -> str:
    where = f" {label(lang, 'in')} {escape(r.within.label)}" if r.within else ""
    if not r.hits:
        note = find_note(r, lang)
        return f"{label(lang, 'nothing')} “{escape(r.query)}”{where}." + (
            f"\n_{note}_" if note else ""
        )
    also = f" ({label(lang, 'also')} “{escape(r.translated)}”)" if r.translated else ""
    lines = [f"**{len(r.hits)}** × “{escape(r.query)}”{where}{also}"]
    note = find_note(r, lang)
    if note:
        lines.append(f"_{note}_")
    for i, h in enumerate(r.hits, 1):
        lines.append(
            f"**{i}.** {doc_link(h.doc)} {label(lang, 'para')} {h.paragraph + 1} "
            f"({h.score:.2f})\n> {snippet(h)}"
        )
    return "\n".join(lines)


def render_cites(r: Cites, lang: str) -> str:
    inferred = f" ({label(lang, 'inferred')})" if r.year_inferred else ""
    own = f" — {label(lang, 'loaded')}: `!doc {r.loaded_doc.label}`" if r.loaded_doc else ""
    if not r.items:
        return f"{label(lang, 'no_cites')} {_resolution_link(r.symbol)}{inferred}{own}."
    lines = [
        f"**{label(lang, 'cited_by')}** {_resolution_link(r.symbol)}{inferred}{own}: {len(r.items)}"
    ]
    for it in r.items:
        title = escape(_shorten(it.doc.title or it.doc.source, 100))
        lines.append(f"• {doc_link(it.doc)} — {title} ({_mentions(it.mentions, lang)})")
        if it.passage:
            lines.append(f"> {escape(around(it.passage, r.symbol, 220))}")
    return "\n".join(lines)


def render_docs(r: DocList, lang: str, start: int = 0) -> str:
    """The list, one page of it: `LIST_PAGE` lines from `start`, then "and N more"."""
    if not r.items:
        return f"{label(lang, 'nothing')} “{escape(r.query)}”."
    head = f"**{label(lang, 'docs')}**: {len(r.items)}" + (f"/{r.total}" if r.query else "")
    lines = [head]
    for n, d in r.items[start : start + LIST_PAGE]:
        date = f" · {d.date}" if d.date else ""
        lines.append(
            f"`{n:>3}` {escape(d.label)}{date} — {escape(_shorten(d.title or d.source, 110))}"
        )
    rest = len(r.items) - start - LIST_PAGE
    if rest > 0:
        lines.append(message(lang, "more", n=rest) + f" — {message(lang, 'say_more')}")
    return "\n".join(lines)


def render_detail(r: DocDetail, lang: str) -> str:
    d = r.doc
    lines = [f"**{doc_link(d)}** — {escape(d.title or d.source)}"]
    note = detail_note(r, lang)
    if note:
        lines.append(f"_{note}_")
    for idx, section, text in r.paragraphs:
        if section == "masthead":
            continue
        lines.append(f"{label(lang, 'para')}{idx + 1} {escape(text)}")
    return "\n\n".join(lines)


def load_lines(r: LoadReport, lang: str = "en", strong: bool = False) -> list[str]:
    """A line per loaded file (symbols, title, paragraphs, citations), then each refusal's reason."""
    mark = "**" if strong else ""
    lines = []
    for d in r.loaded:
        name = " – ".join(d.symbols) if d.symbols else d.source
        lines.append(
            f"✅ {mark}{escape(name)}{mark} — {escape(_shorten(d.title or d.source, 100))} "
            f"({d.paragraphs} {label(lang, 'paragraphs')}, {d.citations} citations)"
        )
        if d.renamed_from:
            lines.append(
                f"  ↳ {label(lang, 'kept_as')} {escape(d.source)}: "
                f"{label(lang, 'renamed')} {escape(d.renamed_from)}"
            )
        if d.replaces:
            lines.append(f"  ↳ {replaced_line(d.replaces, lang)}")
        lines.extend(f"  ⚠️ {escape(w)}" for w in d.warnings)
    lines.extend(f"☑️ {escape(name)}: {escape(reason)}" for name, reason in r.already)
    lines.extend(f"❌ {escape(name)}: {escape(reason)}" for name, reason in r.failed)
    if r.unchanged:
        lines.append(f"{r.unchanged} unchanged")
    return lines


def replaced_line(old: Replaced, lang: str = "en") -> str:
    """ "replaces S/2025/40 (letter.pdf), loaded by <@1234> on 2025-02-03"."""
    out = f"{label(lang, 'replaces')} {escape(old.label)}"
    if old.source != old.label:
        out += f" ({escape(old.source)})"
    if old.loaded_by:
        # A Discord upload keeps the member's id: a mention shows their name (and never pings).
        who = f"<@{old.loaded_by}>" if old.loaded_by.isdigit() else escape(old.loaded_by)
        out += f", {label(lang, 'loaded_by')} {who}"
    if old.loaded_at:
        out += f" {label(lang, 'on')} {old.loaded_at[:10]}"
    return out


def render_load(r: LoadReport, lang: str = "en") -> str:
    return "\n".join(load_lines(r, lang)) or "Nothing to load."


# ---- pages and JSON ---------------------------------------------------------------------------


def pages(text: str, limit: int = DISCORD_MESSAGE) -> list[str]:
    """Split at line breaks (then spaces) into pages of at most `limit` characters."""
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    buf = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if buf:
                out.append(buf)
                buf = ""
            out.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{buf}\n{line}" if buf else line
        if len(candidate) > limit:
            out.append(buf)
            buf = line
        else:
            buf = candidate
    if buf:
        out.append(buf)
    return out


def to_json(answer: Answer) -> dict[str, Any]:
    """One JSON object per answer, for scripts: intent, document, structured result."""
    doc = answer.doc
    if doc is None and isinstance(answer.result, Summary | Resolutions):
        doc = answer.result.doc
    return {
        "intent": answer.intent,
        "lang": answer.lang,
        "document": _doc_json(doc) if doc else None,
        "error": answer.error,
        "error_kind": answer.error_kind,
        "candidates": [_doc_json(d) for d in answer.candidates],
        "result": _plain(answer.result),
        "text": render(answer),
    }


def _doc_json(doc: StoredDocument) -> dict[str, Any]:
    return {
        "id": doc.id,
        "symbols": doc.symbols,
        "title": doc.title,
        "source": doc.source,
        "kind": doc.kind,
        "date": doc.date,
        "scope": doc.scope,
    }


def _plain(value: Any) -> Any:
    if isinstance(value, StoredDocument):
        return _doc_json(value)
    if is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in value.__dataclass_fields__:
            out[f] = _plain(getattr(value, f))
        if hasattr(value, "url"):
            out["url"] = value.url
        return out
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def render_fact(f: Fact, lang: str) -> str:
    """One fact, short, with the document named: "A/79/758 — Signed by: Tofig Musayev"."""
    head = f"**{doc_link(f.doc)}** — {field_label(lang, f.field)}: "
    if f.field == "circulate":
        where = " / ".join(f.values) or "—"
        return head + message(lang, "yes_circulate" if f.flag else "no_circulate", where=where)
    if not f.values:
        return head + message(lang, "none")
    values = f.values
    if f.field == "language":
        values = [language_name(v, lang) for v in values]
        if len(values) == 2:  # this text's language, then the original's
            values = [f"{values[0]} ({label(lang, 'original')}: {values[1]})"]
    elif f.field == "kind":
        values = [kind_name(v, lang) for v in values]
    lines = [head + escape("; ".join(values))]
    if f.field == "date" and f.details:
        lines[0] += f" ({field_label(lang, 'also_distributed')} {escape(f.details[0])})"
    elif f.field == "signatories" and f.details and f.details != f.values:
        lines.append(f"{field_label(lang, 'annex_signed')}: " + escape(", ".join(f.details)))
    elif f.field in ("agenda", "annexes") and f.details:
        lines.extend(f"> {escape(_shorten(d, 300))}" for d in f.details)
    return "\n".join(lines)
