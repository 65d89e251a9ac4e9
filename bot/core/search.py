"""Fuzzy find over paragraphs: typo-tolerant terms from the FTS5 vocabulary, re-ranked with rapidfuzz.

Pipeline: fold the query (case, accents) -> expand each word over the index vocabulary within a
small edit distance (OSA, so a swapped pair costs one) -> FTS5 fetches a bounded candidate set for
the expansions, rare words first -> each candidate is scored by the weighted share of query words
it holds (IDF weights, closeness of the spelling) plus word order -> hits below a floor are dropped,
so a query about nothing in the corpus says so instead of returning noise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core.textnorm import STOPWORDS, fold, token_spans, tokens

MIN_SCORE = 0.6  # below this, a hit is noise: "nothing found"
CANDIDATES = 400  # FTS5 rows re-ranked per query


def max_edits(term: str) -> int:
    if len(term) <= 3 or term.isdigit():
        return 0
    if len(term) <= 5:
        return 1
    return 2


@dataclass(slots=True)
class QueryTerm:
    text: str
    weight: float
    expansions: dict[str, float]  # vocabulary term -> closeness (1.0 exact)
    stop: bool = False


@dataclass(slots=True)
class Hit:
    paragraph_id: int
    doc_id: int
    paragraph: int  # index in the document
    text: str
    score: float
    spans: list[tuple[int, int]] = field(default_factory=list)  # matched words in text


class Vocabulary:
    """The index's terms with their paragraph frequency, for expansion and weighting."""

    def __init__(self, entries: Sequence[tuple[str, int]], paragraphs: int) -> None:
        self.df = dict(entries)
        self.terms = list(self.df)
        self.paragraphs = max(paragraphs, 1)

    def idf(self, term: str) -> float:
        df = self.df.get(term, 0)
        return math.log(1 + (self.paragraphs - df + 0.5) / (df + 0.5))

    def expand(self, term: str) -> dict[str, float]:
        out: dict[str, float] = {}
        if term in self.df:
            out[term] = 1.0
        edits = max_edits(term)
        if edits:
            for cand, dist, _ in process.extract(
                term, self.terms, scorer=OSA.distance, score_cutoff=edits, limit=12
            ):
                if cand != term and dist <= edits:
                    out.setdefault(cand, 1.0 - 0.15 * dist)
        return out


def analyse(query: str, vocab: Vocabulary) -> list[QueryTerm]:
    terms: list[QueryTerm] = []
    seen: set[str] = set()
    for tok in tokens(query):
        if tok in seen:
            continue
        seen.add(tok)
        stop = tok in STOPWORDS
        expansions = {tok: 1.0} if stop else vocab.expand(tok)
        if stop:
            weight = 0.1
        elif expansions:
            weight = max(vocab.idf(t) for t in expansions)
        else:
            # A word the corpus never holds still counts against every hit.
            weight = vocab.idf("\0")
        terms.append(QueryTerm(tok, weight, expansions, stop))
    return terms


def fts_match(terms: Sequence[QueryTerm], vocab: Vocabulary) -> str | None:
    """An OR of the content words' expansions (rare ones only when there are enough)."""
    words: set[str] = set()
    common = vocab.paragraphs // 5
    content = [t for t in terms if not t.stop and t.expansions]
    for t in content:
        best = max(t.expansions.values())
        # Each word brings its closest spellings only, so a typo cannot flood the candidates.
        close = sorted(
            (e for e, c in t.expansions.items() if c >= best - 0.15),
            key=lambda e: (-t.expansions[e], vocab.df.get(e, 0)),
        )[:4]
        # A word in a fifth of all paragraphs selects nothing; the others carry the query.
        if len(content) > 1:
            close = [e for e in close if vocab.df.get(e, 0) <= common] or close[:0]
        words.update(close)
    if not words:
        words = {e for t in content for e in t.expansions}
    if not words:
        return None
    return " OR ".join(f'"{w}"' for w in sorted(words))


def score_paragraph(text: str, terms: Sequence[QueryTerm], query_folded: str) -> Hit | None:
    spans = token_spans(text)
    present: dict[str, list[tuple[int, int]]] = {}
    for tok, start, end in spans:
        present.setdefault(tok, []).append((start, end))
    total = sum(t.weight for t in terms) or 1.0
    got = 0.0
    marked: list[tuple[int, int]] = []
    for t in terms:
        best = 0.0
        best_term = None
        for exp, closeness in t.expansions.items():
            if exp in present and closeness > best:
                best, best_term = closeness, exp
        if best_term is None and not t.stop and len(t.text) >= 4:
            # Compound written apart or together ("capacitybuilding", "ceasefire" / "cease-fire").
            for tok in present:
                if len(tok) > len(t.text) + 2 and tok.startswith(t.text):
                    best, best_term = 0.7, tok
                    break
        if best_term is not None:
            got += t.weight * best
            if not t.stop:
                marked.extend(present[best_term])
    coverage = got / total
    if coverage <= 0:
        return None
    order = fuzz.partial_ratio(query_folded, fold(text)) / 100 if len(text) < 5000 else 0.0
    score = 0.85 * coverage + 0.15 * order
    return Hit(0, 0, 0, text, score, sorted(set(marked)))


def rank(
    candidates: Sequence[tuple[int, int, int, str]],
    terms: Sequence[QueryTerm],
    query: str,
    limit: int,
    min_score: float = MIN_SCORE,
) -> list[Hit]:
    """Score (paragraph id, doc id, index, text) candidates; best first, floor applied."""
    qf = " ".join(tokens(query))
    hits = []
    for pid, doc_id, idx, text in candidates:
        hit = score_paragraph(text, terms, qf)
        if hit is None or hit.score < min_score:
            continue
        hit.paragraph_id, hit.doc_id, hit.paragraph = pid, doc_id, idx
        hits.append(hit)
    hits.sort(key=lambda h: (-h.score, h.doc_id, h.paragraph))
    return hits[:limit]
