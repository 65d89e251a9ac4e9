"""What a message asks: `!commands` and plain-language mentions, in the six UN languages.

The same parsing serves the terminal chat and Discord, so both answer alike. The words come from
the lexicons (bot/core/lexicon/); this module only decides what they add up to.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from bot.core.lexicon import detect, en, fr
from bot.core.textnorm import fold

COMMANDS = ("help", "docs", "doc", "summary", "resolutions", "find", "cites", "load", "remove")
# What a reply says it answered (`ask --json` reports it as `intent`).
INTENTS = (*COMMANDS, "meta", "clarify", "decline", "unknown")
ALIASES = {
    "aide": "help",
    "ayuda": "help",
    "справка": "help",
    "помощь": "help",
    "帮助": "help",
    "مساعدة": "help",
    "liste": "docs",
    "lista": "docs",
    "документы": "docs",
    "resumen": "summary",
    "резюме": "summary",
    "摘要": "summary",
    "busca": "find",
    "buscar": "find",
    "найди": "find",
    "поиск": "find",
    "搜索": "find",
    "ابحث": "find",
    "commands": "help",
    "list": "docs",
    "documents": "docs",
    "show": "doc",
    "open": "doc",
    "summarize": "summary",
    "summarise": "summary",
    "resume": "summary",
    "résumé": "summary",
    "sum": "summary",
    "res": "resolutions",
    "resolution": "resolutions",
    "résolutions": "resolutions",
    "search": "find",
    "cherche": "find",
    "chercher": "find",
    "citedby": "cites",
    "cite": "cites",
    "citent": "cites",
    "rm": "remove",
    "delete": "remove",
}


_ALIAS_LANG = {
    "aide": "fr",
    "liste": "fr",
    "résumé": "fr",
    "cherche": "fr",
    "chercher": "fr",
    "ayuda": "es",
    "lista": "es",
    "resumen": "es",
    "busca": "es",
    "buscar": "es",
    "справка": "ru",
    "помощь": "ru",
    "документы": "ru",
    "резюме": "ru",
    "найди": "ru",
    "поиск": "ru",
    "帮助": "zh",
    "摘要": "zh",
    "搜索": "zh",
    "مساعدة": "ar",
    "ابحث": "ar",
}


@dataclass(slots=True)
class RefSlots:
    """A document described in words: "Kenya's July note", "la lettre grecque de mai"."""

    senders: list[str] = field(default_factory=list)  # ISO codes, or SG / SC / GA / HRC
    topics: list[str] = field(default_factory=list)  # states named as a subject ("on Kosovo")
    kind: str | None = None  # letter, note verbale, report, resolution
    year: int | None = None
    month: int | None = None
    day: int | None = None
    words: list[str] = field(default_factory=list)  # the other words: the subject
    symbol: str | None = None  # a symbol or a resolution ("S/RES/242")
    language: str | None = None  # "the one in French"
    addressee: str | None = None  # SG / SC / GA / HRC: "the letters to the Council"
    back: bool = False  # "it", "that letter", "cette lettre"
    one: bool = False  # "the one ...", "celle ...": a choice in the last list

    def empty(self) -> bool:
        return not (
            self.senders
            or self.topics
            or self.kind
            or self.year
            or self.month
            or self.day
            or self.words
            or self.symbol
        )


@dataclass(slots=True)
class Request:
    intent: str  # one of COMMANDS, or "unknown"
    ref: str | None = None  # a document reference
    query: str | None = None  # find words, or the resolution for `cites`, or docs filter words
    paths: list[str] = field(default_factory=list)
    lang: str = "en"  # language of the asker, for labels
    refers_back: bool = False  # "it", "this letter": the last document answered about
    error: str | None = None  # a malformed command, explained
    field: str | None = None  # meta: which fact ("signatories", "date", "addressees", ...)
    pick: int | None = None  # a number in the last list shown (-1: the last one)
    slots: RefSlots | None = None  # the document described in words, for mentions
    implicit: bool = False  # no verb: the pending question (or a summary) is meant
    more: bool = False  # "more", "la suite": the next page of the last list
    or_list: bool = False  # "what did X send?": one document's summary, or the list of several


def guess_lang(text: str) -> str:
    return detect(text)


def parse_command(text: str, prefix: str = "!") -> Request | None:
    """`!find ceasefire in S/2025/40` -> Request; None when the text is not a command."""
    text = text.strip()
    if not text.startswith(prefix):
        return None
    body = text[len(prefix) :].strip()
    if not body:
        return Request("help")
    name, _, rest = body.partition(" ")
    name = name.lower()
    rest = rest.strip()
    lang = guess_lang(rest) if rest else _ALIAS_LANG.get(name, "en")
    name = ALIASES.get(name, name)
    if name not in COMMANDS:
        return Request("unknown", query=name, error=f"unknown command `{prefix}{name}`")
    if name == "help":
        return Request("help", lang=lang)
    if name == "docs":
        return Request("docs", query=rest, lang=lang)
    if name in ("doc", "summary", "resolutions", "remove"):
        if not rest:
            return Request(name, error=f"which document? e.g. `{prefix}{name} S/2025/40`")
        if name != "remove" and _PRONOUN.fullmatch(fold(rest).strip(" ?!.")):
            # `!resolutions it`: the last document answered about in this channel
            return Request(name, lang=lang, refers_back=True)
        return Request(name, ref=rest, lang=lang)
    if name == "find":
        query, within = split_within(rest)
        if not query:
            return Request(
                name, error=f"what should I look for? e.g. `{prefix}find ceasefire Gazakh`"
            )
        return Request("find", query=query, ref=within, lang=lang)
    if name == "cites":
        if not rest:
            return Request(name, error=f"which resolution? e.g. `{prefix}cites 1325 (2000)`")
        return Request("cites", query=rest, lang=lang)
    if name == "load":
        try:
            paths = shlex.split(rest)
        except ValueError as e:
            return Request(name, error=f"could not read the paths: {e}")
        return Request("load", paths=paths, lang=lang)
    return None


_PRONOUN = re.compile(
    r"\b("
    + "|".join(re.escape(w) for lex in (en.LEX, fr.LEX) for w in lex["command_back"])
    + r")\b"
)


def split_within(text: str) -> tuple[str, str | None]:
    """`ceasefire violations in S/2025/40` -> ("ceasefire violations", "S/2025/40")."""
    m = re.search(r"\s+(?:in|dans)\s+(\S*/\S+.*|#?\d{1,4}|\"[^\"]+\")\s*$", text)
    if m:
        return text[: m.start()].strip(), m.group(1).strip().strip('"')
    return text.strip(), None
