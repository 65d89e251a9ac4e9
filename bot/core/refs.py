"""Document references as people type them: a symbol, a number in the list, or words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.core.countries import canonical_word
from bot.core.lexicon.words import MONTH_NAMES, MONTH_SHORT, REFERENCE_GENERIC
from bot.core.storage import CORPUS_SCOPE, StoredDocument
from bot.core.symbols import normalize_symbol, symbol_key
from bot.core.textnorm import STOPWORDS, fold, tokens

# Month words of a typed reference (folded): English and French names, English short forms.
MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(MONTH_NAMES["en"], start=1)},
    **{fold(m): i for i, m in enumerate(MONTH_NAMES["fr"], start=1)},
    **MONTH_SHORT["en"],
}

# Words that describe what kind of thing is meant, not which one.
GENERIC = frozenset().union(*REFERENCE_GENERIC.values())

_SYMBOLISH = re.compile(r"^[A-Za-z]{1,6}\s*/", re.ASCII)
_NUMBER = re.compile(r"^#?(\d{1,4})$")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(slots=True)
class Resolved:
    document: StoredDocument | None = None
    candidates: list[StoredDocument] = field(default_factory=list)  # ambiguous or near misses
    reason: str = ""  # why nothing matched

    @property
    def ambiguous(self) -> bool:
        return self.document is None and len(self.candidates) > 1 and not self.reason


@dataclass(slots=True)
class DateFilter:
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def matches(self, doc: StoredDocument) -> bool:
        dates = [
            doc.date,
            doc.record.get("letter_date"),
            doc.record.get("distribution_date"),
            doc.record.get("adoption_date"),
        ]
        for d in dates:
            if not d:
                continue
            y, m, dd = [*d.split("-"), "", "", ""][:3]
            if self.year and y != str(self.year):
                continue
            if self.month and (not m or int(m) != self.month):
                continue
            if self.day and (not dd or int(dd) != self.day):
                continue
            return True
        return False

    def __bool__(self) -> bool:
        return bool(self.year or self.month)


def split_dates(words: list[str]) -> tuple[DateFilter, list[str]]:
    """Pull "April 2020", "20 février 2025", "2025" out of the words."""
    flt = DateFilter()
    rest: list[str] = []
    for i, w in enumerate(words):
        if w in MONTHS and (w != "may" or (i + 1 < len(words) and _YEAR.match(words[i + 1]))):
            flt.month = MONTHS[w]
            if i > 0 and words[i - 1].isdigit() and 1 <= int(words[i - 1]) <= 31:
                flt.day = int(words[i - 1])
                if rest and rest[-1] == words[i - 1]:
                    rest.pop()
        elif _YEAR.match(w):
            flt.year = int(w)
        else:
            rest.append(w)
    return flt, rest


def list_number(ref: str) -> int | None:
    """The number in `!docs` that `ref` gives ("3", "#3"), if it is one."""
    number = _NUMBER.match(ref.strip().strip("\"'«»“”"))
    return int(number.group(1)) if number else None


def _copy_key(doc: StoredDocument) -> tuple:
    """What makes two documents copies of one: their symbols (else file name and title) and
    language."""
    symbols = tuple(sorted(symbol_key(s) for s in doc.symbols))
    return (symbols or (doc.file_stem.lower(), doc.title or ""), doc.language or "")


def distinct_copies(docs: Sequence[StoredDocument]) -> list[StoredDocument]:
    """One document per copy set, in the order given: a server's own copy over the bundled
    one (inside the server it is the one that counts), else the first. No answer offers two
    candidates a reader cannot tell apart, nor counts one letter twice."""
    best: dict[tuple, StoredDocument] = {}
    for d in docs:
        key = _copy_key(d)
        held = best.get(key)
        if held is None or (held.scope == CORPUS_SCOPE and d.scope != CORPUS_SCOPE):
            best[key] = d
    return list(best.values())


def resolve(ref: str, docs: Sequence[StoredDocument]) -> Resolved:
    """Find the one document `ref` names among `docs` (in listing order)."""
    ref = ref.strip().strip("\"'«»“”")
    if not ref:
        return Resolved(reason="no document named")
    by_symbol = _by_symbol(ref, docs)
    if by_symbol is not None:
        return by_symbol
    number = _NUMBER.match(ref)
    if number:
        n = int(number.group(1))
        if 1 <= n <= len(docs):
            return Resolved(document=docs[n - 1])
        return Resolved(reason=f"there is no document number {n} (the list has {len(docs)})")
    return _by_words(ref, docs)


def _by_symbol(ref: str, docs: Sequence[StoredDocument]) -> Resolved | None:
    if not _SYMBOLISH.match(ref):
        stem = ref.strip()
        for d in docs:  # a file name, as the seed letter has no symbol
            if stem and (stem == d.file_stem or stem == d.source):
                return Resolved(document=d)
        return None
    wanted = [symbol_key(p) for p in re.split(r"\s*[–—-]\s*(?=[A-Za-z]+/)", ref) if p.strip()]
    exact = distinct_copies([d for d in docs if any(symbol_key(s) in wanted for s in d.symbols)])
    if len(exact) == 1:
        return Resolved(document=exact[0])
    if len(exact) > 1:
        return Resolved(candidates=exact)
    # A near miss in the symbol: offer the closest ones.
    key = symbol_key(normalize_symbol(ref))
    scored = sorted(
        ((max((fuzz.ratio(key, symbol_key(s)) for s in d.symbols), default=0), d) for d in docs),
        key=lambda x: -x[0],
    )
    near = [d for s, d in scored[:3] if s >= 70]
    return Resolved(candidates=near, reason=f"no loaded document has the symbol {ref}")


def _doc_words(doc: StoredDocument) -> set[str]:
    return {canonical_word(t) for t in tokens(doc.search_text)}


def filter_documents(
    words: str, numbered: Sequence[tuple[int, StoredDocument]]
) -> list[tuple[int, StoredDocument]]:
    """`!docs Armenia February 2025`: the (number, document) pairs that hold every word
    (or a word starting with it) and fall in the month or year given."""
    flt, rest = split_dates([canonical_word(w) for w in tokens(words)])
    rest = [w for w in rest if w not in GENERIC and len(w) > 1]
    out = []
    for n, d in numbered:
        if flt and not flt.matches(d):
            continue
        have = _doc_words(d)
        if all(w in have or any(h.startswith(w) for h in have) for w in rest):
            out.append((n, d))
    return out


def _by_words(ref: str, docs: Sequence[StoredDocument]) -> Resolved:
    words = [canonical_word(w) for w in tokens(ref)]
    flt, words = split_dates(words)
    words = [w for w in words if w not in GENERIC and w not in STOPWORDS and len(w) > 1]
    pool = [d for d in docs if flt.matches(d)] if flt else list(docs)
    if not words:
        pool = distinct_copies(pool)
        if flt and len(pool) == 1:
            return Resolved(document=pool[0])
        if flt and pool:
            return Resolved(candidates=pool[:10])
        return Resolved(reason=f"nothing matches “{ref}”")
    scored: list[tuple[float, StoredDocument]] = []
    for d in pool:
        have = _doc_words(d)
        title = fold(d.title or "")
        entity = {
            canonical_word(t)
            for t in tokens((d.record.get("sender") or {}).get("entity") or "")
            if t not in STOPWORDS
        }
        s = 0.0
        if entity:
            # The sender named alone beats a sender among ten co-signatories.
            s += 0.3 * len(entity.intersection(words)) / len(entity)
        for w in words:
            if w in have:
                s += 1.0
            elif len(w) >= 5 and any(
                fuzz.ratio(w, h) >= 85 for h in have if abs(len(h) - len(w)) <= 2
            ):
                s += 0.7
            if w in title:
                s += 0.2  # the sender named in the title beats a mention in an annex
        if s > 0:
            scored.append((s / len(words), d))
    if not scored:
        return Resolved(reason=f"no document matches “{ref}”")
    scored.sort(key=lambda x: -x[0])
    keep = {id(d) for d in distinct_copies([d for _, d in scored])}
    scored = [(s, d) for s, d in scored if id(d) in keep]
    best = scored[0][0]
    top = [d for s, d in scored if s >= best - 1e-9]
    if best < 0.5:
        return Resolved(
            candidates=[d for _, d in scored[:5]], reason=f"no document matches “{ref}”"
        )
    if len(top) == 1:
        return Resolved(document=top[0])
    return Resolved(candidates=top[:10])
