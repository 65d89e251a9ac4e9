"""Per-language lexicons, compiled once into the matchers the intent parser uses.

Each language module holds a plain `LEX` dict (see en.py for the keys and the phrase syntax);
nothing here knows any language, so adding words means editing only the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

# The module, not its names: textnorm reads its stop words from this package (lexicon.words),
# so either may be imported first.
from bot.core import textnorm
from bot.core.lexicon.words import MONTH_NAMES, MONTH_SHORT, MONTH_VARIANTS

LANGS = ("en", "fr", "es", "ru", "ar", "zh")
_SPACED = frozenset({"en", "fr", "es", "ru"})


def _compile(entry: str, spaced: bool) -> str:
    e = textnorm.fold(entry).replace("’", "'")
    out = []
    for i, part in enumerate(e.split(" ~ ")):
        if i:
            out.append(r"\S*\s+(?:\S+\s+){0,9}?")
        chunks = []
        for chunk in re.split(r"(\*| )", part):
            if chunk == "*":
                chunks.append(r"\w*")
            elif chunk == " ":
                chunks.append(r"[\s,]+")
            elif chunk:
                chunks.append(re.escape(chunk))
        out.append("".join(chunks))
    body = "".join(out)
    if not spaced:
        return body
    lead = r"(?<!\w)" if re.match(r"\w", e) else ""
    tail = r"(?!\w)" if re.search(r"\w$", e) else ""
    return lead + body + tail


def month_words(lang: str) -> dict[str, int]:
    """The month words of a language's LEX (folded): each month's name as documents print it,
    its other spellings and its short forms, month by month (lexicon.words holds them)."""
    out: dict[str, int] = {}
    for i, name in enumerate(MONTH_NAMES[lang], start=1):
        out[textnorm.fold(name)] = i
        for table in (MONTH_VARIANTS.get(lang, {}), MONTH_SHORT.get(lang, {})):
            out.update({w: n for w, n in table.items() if n == i})
    return out


@dataclass(slots=True)
class Lexicon:
    lang: str
    raw: dict
    phrases: dict[str, re.Pattern[str]] = field(default_factory=dict)
    strict: dict[str, re.Pattern[str]] = field(default_factory=dict)  # without `~` entries
    tables: dict[str, list[tuple[re.Pattern[str], object]]] = field(default_factory=dict)
    meta: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    filler: frozenset[str] = frozenset()

    def search(self, key: str, text: str) -> re.Match[str] | None:
        pat = self.phrases.get(key)
        return pat.search(text) if pat is not None else None

    def finditer(self, key: str, text: str) -> Iterator[re.Match[str]]:
        pat = self.phrases.get(key)
        return pat.finditer(text) if pat is not None else iter(())

    def lookup(self, key: str, text: str) -> list[tuple[re.Match[str], object]]:
        """Every entry of a table (months, kinds, ...) found in `text`, longest entries first,
        without overlaps."""
        found: list[tuple[re.Match[str], object]] = []
        for pat, value in self.tables.get(key, []):
            for m in pat.finditer(text):
                if not any(m.start() < f.end() and f.start() < m.end() for f, _ in found):
                    found.append((m, value))
        return sorted(found, key=lambda x: x[0].start())

    def meta_field(self, text: str) -> tuple[str, re.Match[str]] | None:
        for name, pat in self.meta:
            m = pat.search(text)
            if m:
                return name, m
        return None


def _alternation(entries: list[str], spaced: bool) -> re.Pattern[str]:
    parts = sorted({_compile(e, spaced) for e in entries}, key=len, reverse=True)
    return re.compile("|".join(parts) or r"(?!x)x")


@cache
def lexicon(lang: str) -> Lexicon:
    raw = import_module(f"bot.core.lexicon.{lang}").LEX
    spaced = lang in _SPACED
    lex = Lexicon(lang, raw)
    for key, value in raw.items():
        if key in ("meta", "filler", "hints"):
            continue
        if isinstance(value, dict):
            entries = sorted(value.items(), key=lambda kv: -len(kv[0]))
            lex.tables[key] = [(re.compile(_compile(k, spaced)), v) for k, v in entries]
        else:
            lex.phrases[key] = _alternation(list(value), spaced)
            lex.strict[key] = _alternation([v for v in value if " ~ " not in v], spaced)
    # Field order matters: "who signed" before "when", "distributed" before "date".
    order = [
        "signatories",
        "circulate",
        "annexes",
        "agenda",
        "addressees",
        "distributed",
        "symbol",
        "language",
        "kind",
        "sender",
        "date",
    ]
    lex.meta = [(f, _alternation(raw["meta"][f], spaced)) for f in order if f in raw["meta"]]
    lex.filler = frozenset(textnorm.fold(w) for w in raw.get("filler", []))
    return lex


_SCRIPTS = (
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
)
_ES_MARKS = re.compile(r"[ñ¿¡]")
_FR_MARKS = re.compile(r"[èêàçùœ]|\b(?:l|d|qu|c|j|n|s)'", re.IGNORECASE)


def detect(text: str) -> str:
    """The asker's language: the script first, then the words typical of each Latin language."""
    counts = {lang: len(p.findall(text)) for lang, p in _SCRIPTS}
    best = max(counts, key=lambda k: counts[k])
    if counts[best] >= 2:
        return best
    words = re.findall(r"\w+", textnorm.fold(text))
    score = {lang: sum(w in _hints(lang) for w in words) for lang in ("en", "fr", "es")}
    score["es"] += 2 * len(_ES_MARKS.findall(text))
    score["fr"] += len(_FR_MARKS.findall(text))
    lang = max(score, key=lambda k: (score[k], k == "en"))
    return lang if score[lang] > 0 else "en"


@cache
def _hints(lang: str) -> frozenset[str]:
    raw = lexicon(lang).raw
    own = {textnorm.fold(w) for w in [*raw.get("hints", []), *raw.get("months", {})]}
    # One-word verbs of the main requests ("muestra", "affiche") belong to one language only
    # when no other Latin-script lexicon uses them.
    others = set().union(*(_verbs(x) | _plain(x) for x in ("en", "fr", "es") if x != lang))
    return frozenset(own | (_verbs(lang) - others))


@cache
def _verbs(lang: str) -> frozenset[str]:
    raw = lexicon(lang).raw
    keys = ("summary", "doc", "docs", "find", "resolutions", "sent_what")
    words = [
        textnorm.fold(e) for k in keys for e in raw.get(k, []) if " " not in e and "*" not in e
    ]
    return frozenset(w for w in words if len(w) >= 4 and w.isalpha())


@cache
def _plain(lang: str) -> frozenset[str]:
    raw = lexicon(lang).raw
    return frozenset(textnorm.fold(w) for w in [*raw.get("hints", []), *raw.get("filler", [])])
