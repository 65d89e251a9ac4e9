"""Long answers on Discord: how many pages one answer keeps, and files within Discord's limit.

An answer's pages stay in memory while its buttons live (VIEW_TIMEOUT), so a document of
thousands of pages gets its first DOC_PAGES only; the whole text goes as a .txt file when it fits
under Discord's attachment limit, and otherwise the answer says why it is not attached and how to
reach the rest (`!find … in REF`, `!summary REF`).
"""

from __future__ import annotations

import logging

from bot.core.results import DocDetail
from bot.render import detail_note, escape, label, size_text

log = logging.getLogger(__name__)

# Discord refuses attachments over 8 MiB in servers without boosts (10 MiB since late 2024):
# a file is sent only under both.
FILE_BYTES = 8_000_000
DOC_PAGES = 40  # pages of a `!doc` answer kept for its buttons; the rest is in the file
PARAS_PER_PAGE = 12
PAGE_CHARS = 3500  # bot.discord.embeds.DESCRIPTION_BUDGET


def _text(lang: str, key: str, **kw: object) -> str:
    return label(lang, key).format(**kw)


def fits(body: str) -> bool:
    """Whether `body`, as UTF-8, is within Discord's attachment limit (cheap when clearly so)."""
    return len(body) * 4 <= FILE_BYTES or len(body.encode("utf-8")) <= FILE_BYTES


def too_big(body: str, lang: str, ref: str, prefix: str = "!") -> str:
    return _text(
        lang,
        "too_big",
        size=size_text(len(body.encode("utf-8"))),
        limit=size_text(FILE_BYTES),
        ref=ref.replace("`", "'"),
        prefix=prefix,
    )


def text_file(
    name: str, body: str, lang: str, ref: str, prefix: str = "!"
) -> tuple[tuple[str, str] | None, str]:
    """(the file to attach or None, the sentence saying so) for a long text answer."""
    if fits(body):
        return (name, body), _text(lang, "attached")
    log.info("%s not attached: %d characters, over the file limit", name, len(body))
    return None, too_big(body, lang, ref, prefix)


def shown_paragraphs(r: DocDetail, lang: str) -> tuple[list[str], bool]:
    """The paragraphs (escaped, marked) that fill at most DOC_PAGES pages, and whether some
    were left out: only those are paged, so a document of 15,000 pages costs no more to show
    than one of 40."""
    room = DOC_PAGES * PAGE_CHARS
    out: list[str] = []
    for idx, section, body in r.paragraphs:
        if section == "masthead":
            continue
        if len(out) >= DOC_PAGES * PARAS_PER_PAGE or room <= 0:
            return out, True
        item = f"**{label(lang, 'para')}{idx + 1}** {escape(body[:PAGE_CHARS])}"
        out.append(item)
        room -= min(len(item), PAGE_CHARS)
    return out, False


def detail_file(
    r: DocDetail, lang: str, ref: str, long: bool, capped: bool, prefix: str = "!"
) -> tuple[str | None, tuple[str, str] | None]:
    """(the note for the first page, the file) of a `!doc` answer. `long`: more pages than a
    reader turns through; `capped`: more than are kept (shown_paragraphs)."""
    if not r.complete:  # the library held back the rest: say why and how to reach it
        return detail_note(r, lang, prefix), None
    if not (long or capped):
        return None, None
    d = r.doc
    whole = f"{d.label} — {d.title or d.source}\n\n" + "\n\n".join(
        f"{idx + 1}. {body}" for idx, section, body in r.paragraphs if section != "masthead"
    )
    file, note = text_file(f"{ref.replace('/', '_')}.txt", whole, lang, ref, prefix)
    if file is not None and capped:
        note = _text(lang, "first_pages", n=DOC_PAGES)
    return note, file
