"""Fuzzy find over paragraphs: typo-tolerant terms from the vocabulary index, re-ranked with rapidfuzz.

Pipeline: fold the query (case, accents) -> expand each word over the vocabulary within a small
edit distance (OSA, so a swapped pair costs one), looked up in the deletion index of
bot.core.vocab_index rather than scanned -> FTS5 fetches a bounded candidate set -> each candidate
is scored by the weighted share of query words it holds (IDF weights, closeness of the spelling)
plus word order -> hits below a floor are dropped, so a query about nothing in the corpus says so
instead of returning noise.

Fetching never ORs common words. A hit must reach the floor, which only paragraphs holding enough
of the query's weight can do, so the candidates are the union of AND queries, one per *minimal*
set of query words heavy enough to reach it (each word an OR of its spellings): rare words make
those queries short, and a common word only ever narrows one. They run lazily with a LIMIT, never
ordered by bm25 over every match; an exact phrase query comes first so that a query cut from a
common phrase still meets the paragraphs that hold it. Paragraphs that lack a word are only
fetched when the full-AND hits could still be beaten by them. Re-ranking computes the cheap
coverage first and rapidfuzz's partial_ratio only while a candidate can still enter the top k.
"""

from __future__ import annotations

import itertools
import math
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core.textnorm import (
    STOPWORDS,
    fold_text,
    fts_token_spans,
    fts_tokens,
    index_terms,
    unspaced,
)
from bot.core.vocab_index import (
    IndexedVocabulary,
    closest,
    indexed_reach,
    max_edits,
    typo_candidate,
)

__all__ = ["IndexedVocabulary", "max_edits"]

MIN_SCORE = 0.6  # below this, a hit is noise: "nothing found"
CANDIDATES = 400  # FTS5 rows re-ranked per query, at most
PHRASE_LIMIT = 60  # rows of the exact-phrase probe
FULL_LIMIT = 200  # rows of the all-words probe
SUBSET_LIMIT = 80  # rows of each probe that lacks some words
MAX_GROUPS = 10  # heaviest query words used for fetching (a long query still reaches the floor)
# A find inside one document scores every paragraph up to these sizes; a longer document (a
# server's 19 MB upload) is searched through the index like the whole library, so its cost is
# bounded by CANDIDATES rather than by the document's length.
SCAN_PARAGRAPHS = 3_000
SCAN_CHARS = 1_500_000
# Of one paragraph, this many characters are scored and marked: a "paragraph" of megabytes (a
# file without line breaks) costs no more than a long one.
TEXT_CHARS = 20_000
W_COVER, W_ORDER = 0.85, 0.15


class VocabularyLike(Protocol):
    paragraphs: int

    def expand(self, term: str) -> dict[str, float]: ...

    def idf(self, term: str) -> float: ...

    def df_of(self, term: str) -> int: ...


@dataclass(slots=True)
class QueryTerm:
    text: str
    weight: float
    expansions: dict[str, float]  # vocabulary term -> closeness (1.0 exact)
    stop: bool = False
    ranked: list[tuple[str, float]] = field(default_factory=list)  # closest first, stable

    def __post_init__(self) -> None:
        self.ranked = sorted(self.expansions.items(), key=lambda e: -e[1])


@dataclass(slots=True)
class Hit:
    paragraph_id: int
    doc_id: int
    paragraph: int  # index in the document
    text: str
    score: float
    spans: list[tuple[int, int]] = field(default_factory=list)  # matched words in text


class Vocabulary:
    """The index's terms with their paragraph frequency, in memory, expanded by scanning them
    all: the exhaustive reference `IndexedVocabulary` must agree with (tests), and fine for a
    few thousand terms."""

    def __init__(self, entries: Sequence[tuple[str, int]], paragraphs: int) -> None:
        self.df = dict(entries)
        self.terms = list(self.df)
        self.paragraphs = max(paragraphs, 1)

    def df_of(self, term: str) -> int:
        return self.df.get(term, 0)

    def idf(self, term: str) -> float:
        df = self.df.get(term, 0)
        return math.log(1 + (self.paragraphs - df + 0.5) / (df + 0.5))

    def prefixed(self, term: str) -> list[str]:
        found = [t for t in self.terms if t.startswith(term) and len(t) > len(term) + 2]
        return sorted(found, key=lambda t: -self.df[t])[:8]

    def expand(self, term: str) -> dict[str, float]:
        edits = max_edits(term)
        if not edits:
            return {term: 1.0} if term in self.df else {}
        scored = [
            (int(dist), -self.df[cand], cand)
            for cand, dist, _ in process.extract(
                term, self.terms, scorer=OSA.distance, score_cutoff=edits, limit=None
            )
            if dist <= edits and typo_candidate(cand)
        ]
        # A word with a spelling one edit away is not stretched to two (both implementations).
        if edits == 2 and any(d <= 1 for d, _, _ in scored):
            scored = [x for x in scored if x[0] <= 1]
        elif edits == 2:
            scored = [x for x in scored if x[0] <= 1 or indexed_reach(term, x[2])]
        return closest(term, scored, term in self.df)


def analyse(
    query: str, vocab: VocabularyLike, near: frozenset[str] = frozenset()
) -> list[QueryTerm]:
    """The query's words with their spellings in the vocabulary and weights. Words in `near`
    (the glossary's, put in by a translation: spelt right) keep spellings one edit away only
    (a Russian ending), not two (another word: الألغام is no السلام)."""
    terms: list[QueryTerm] = []
    seen: set[str] = set()
    for tok in fts_tokens(query):
        if tok in seen:
            continue
        seen.add(tok)
        stop = tok in STOPWORDS
        expansions = {tok: 1.0} if stop else vocab.expand(tok)
        if tok in near:
            expansions = {e: c for e, c in expansions.items() if c >= 0.85}
        if stop:
            weight = 0.1
        elif expansions:
            # The word's own rarity (or, misspelt, its closest spelling's, the commonest on
            # ties): a rare variant ("ceasefires", once) must not make a common word weigh as
            # much as the rare word that decides.
            weight = vocab.idf(min(expansions, key=lambda e: (-expansions[e], -vocab.df_of(e))))
        else:
            # A word the corpus never holds still counts against every hit.
            weight = vocab.idf("\0")
        terms.append(QueryTerm(tok, weight, expansions, stop))
    return terms


@dataclass(slots=True)
class _Scored:
    row: tuple[int, int, int, str]  # paragraph id, doc id, index, text
    coverage: float
    chosen: set[str]  # the paragraph's tokens that matched a query word
    folded: str
    order: float | None = None  # partial_ratio, computed only when needed


def _spellings(terms: Sequence[QueryTerm]) -> frozenset[str]:
    """Every spelling that stands for some query word (what _coverage looks for)."""
    return frozenset(exp for t in terms for exp, _ in t.ranked)


def _coverage(
    folded: str, terms: Sequence[QueryTerm], spellings: frozenset[str] | None = None
) -> tuple[float, set[str]]:
    """Weighted share of the query words a (folded) text holds (the cheap part of a score)."""
    if spellings is None:
        spellings = _spellings(terms)
    # Only the text's tokens that spell a query word (a small set, built in C), not all of them.
    present = spellings.intersection(folded.split())
    tokens: set[str] | None = None
    total = sum(t.weight for t in terms) or 1.0
    got = 0.0
    chosen: set[str] = set()
    for t in terms:
        best = 0.0
        best_term = None
        if present:
            for exp, closeness in t.ranked:  # the closest spelling present (the first on ties)
                if exp in present:
                    if closeness > 0:
                        best, best_term = closeness, exp
                    break
        if best_term is None and not t.stop and len(t.text) >= 4 and t.text in folded:
            # Compound written apart or together ("capacitybuilding", "ceasefire" / "cease-fire").
            if tokens is None:
                tokens = set(folded.split())
            n = len(t.text) + 2
            found = [tok for tok in tokens if len(tok) > n and tok.startswith(t.text)]
            if found:
                best, best_term = 0.7, min(found)
        if best_term is not None:
            got += t.weight * best
            if not t.stop:
                chosen.add(best_term)
    return got / total, chosen


def _spans(text: str, chosen: set[str]) -> list[tuple[int, int]]:
    if not chosen:
        return []
    text = text[:TEXT_CHARS]
    if unspaced(text):  # pairs of characters overlap: one span per run of matched pairs
        return _merged((s, e) for tok, s, e in fts_token_spans(text) if tok in chosen)
    folded = fold_text(text)
    if len(folded) == len(text):  # no mark was dropped: positions are the same
        # The chosen tokens only, found between separators (spaces once folded).
        padded = f" {folded} "
        out: set[tuple[int, int]] = set()
        for w in chosen:
            needle = f" {w} "
            i = padded.find(needle)
            while i >= 0:
                out.add((i, i + len(w)))  # padded[i] is the space before folded[i]
                i = padded.find(needle, i + len(w) + 1)
        return sorted(out)
    return sorted({(s, e) for tok, s, e in fts_token_spans(text) if tok in chosen})


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _order(folded: str, query_folded: str) -> float:
    return fuzz.partial_ratio(query_folded, folded) / 100 if len(folded) < 5000 else 0.0


def score_paragraph(text: str, terms: Sequence[QueryTerm], query_folded: str) -> Hit | None:
    folded = fold_text(text)
    coverage, chosen = _coverage(folded, terms)
    if coverage <= 0:
        return None
    score = W_COVER * coverage + W_ORDER * _order(folded, query_folded)
    return Hit(0, 0, 0, text, score, _spans(text, chosen))


def rank(
    candidates: Sequence[tuple[int, int, int, str]],
    terms: Sequence[QueryTerm],
    query: str,
    limit: int,
    min_score: float = MIN_SCORE,
    memo: dict[int, _Scored] | None = None,
    spans: bool = True,
) -> list[Hit]:
    """Score (paragraph id, doc id, index, text) candidates; best first, floor applied.

    The same answer as scoring every candidate in full: word order (partial_ratio, the costly
    part) is worth at most W_ORDER, so once `limit` hits beat what a candidate's coverage could
    still reach, the rest are left unscored. `memo` keeps scores between calls on growing sets.
    """
    qf = " ".join(fts_tokens(query))
    memo = {} if memo is None else memo
    spellings = _spellings(terms)
    covered = []
    for row in candidates:
        sc = memo.get(row[0])
        if sc is None:
            folded = fold_text(row[3][:TEXT_CHARS])
            coverage, chosen = _coverage(folded, terms, spellings)
            sc = memo[row[0]] = _Scored(row, coverage, chosen, folded)
        if sc.coverage > 0 and W_COVER * sc.coverage + W_ORDER >= min_score:
            covered.append(sc)
    covered.sort(key=lambda c: (-c.coverage, c.row[1], c.row[2]))
    best: list[tuple[float, _Scored]] = []
    for sc in covered:
        if len(best) >= limit:
            best.sort(key=lambda b: (-b[0], b[1].row[1], b[1].row[2]))
            del best[limit:]
            if best[-1][0] > W_COVER * sc.coverage + W_ORDER:
                break
        if sc.order is None:
            sc.order = _order(sc.folded, qf)
        score = W_COVER * sc.coverage + W_ORDER * sc.order
        if score >= min_score:
            best.append((score, sc))
    best.sort(key=lambda b: (-b[0], b[1].row[1], b[1].row[2]))
    return [
        Hit(
            sc.row[0],
            sc.row[1],
            sc.row[2],
            sc.row[3],
            score,
            _spans(sc.row[3], sc.chosen) if spans else [],
        )
        for score, sc in best[:limit]
    ]


def _hit_order(h: Hit) -> tuple[float, int, int]:
    return (-h.score, h.doc_id, h.paragraph)


# ---- fetching candidates ------------------------------------------------------------------


@dataclass(slots=True)
class Probe:
    match: str  # FTS5 MATCH expression
    limit: int
    kind: str  # "phrase", "all", "subset"


def _group(t: QueryTerm, vocab: VocabularyLike) -> list[str]:
    """Spellings that stand for a query word in the index (its expansions, and the compounds it
    starts, which the scorer also credits)."""
    words = list(t.expansions)
    if len(t.text) >= 4 and hasattr(vocab, "prefixed"):
        words.extend(w for w in vocab.prefixed(t.text) if w not in t.expansions)
    return words


def _or(words: Sequence[str]) -> str:
    inner = " OR ".join(f'"{w}"' for w in words)
    return f"({inner})" if len(words) > 1 else inner


def plan(
    query: str, terms: Sequence[QueryTerm], vocab: VocabularyLike, min_score: float = MIN_SCORE
) -> tuple[list[Probe], list[Probe], float]:
    """FTS5 probes that fetch every paragraph able to reach the floor (up to their LIMITs).

    Returns (first probes, probes for paragraphs lacking a word, the best score those can
    reach): the second list only runs when the first one's hits do not already beat it.
    """
    total = sum(t.weight for t in terms) or 1.0
    stop_weight = sum(t.weight for t in terms if t.stop)
    # Content weight a paragraph must hold to reach the floor (stop words may give the rest).
    need = ((min_score - W_ORDER) / W_COVER) * total - stop_weight - 1e-9
    # A word with no spelling in the index may still start compounds (or, in Chinese, which
    # FTS5 does not segment, the runs of characters that begin with it): the scorer credits
    # those, so they are fetched too.
    pairs = [(t, _group(t, vocab)) for t in terms if not t.stop]
    pairs = [(t, g) for t, g in pairs if g]
    pairs.sort(key=lambda p: -p[0].weight)
    pairs = pairs[:MAX_GROUPS]
    content = [t for t, _ in pairs]
    groups = [g for _, g in pairs]
    first: list[Probe] = []
    toks = fts_tokens(query)
    if len(toks) >= 2:
        best = []
        by_text = {t.text: t for t in terms}
        for tok in toks:
            t = by_text.get(tok)
            if t is None or not t.expansions:
                break
            best.append(min(t.expansions, key=lambda e: (-t.expansions[e], -vocab.df_of(e))))
        else:
            first.append(Probe(f'"{" ".join(best)}"', PHRASE_LIMIT, "phrase"))
    n = len(groups)
    if n == 0:
        return first, [], 0.0
    weights = [t.weight for t in content]
    if sum(weights) >= need:
        first.append(Probe(" AND ".join(_or(g) for g in groups), FULL_LIMIT, "all"))
    # Minimal sets of words heavy enough to reach the floor, smallest first.
    minimal: list[int] = []
    full = (1 << n) - 1
    for size in range(1, n):
        for combo in itertools.combinations(range(n), size):
            mask = sum(1 << i for i in combo)
            if any(m & mask == m for m in minimal):
                continue
            if sum(weights[i] for i in combo) >= need:
                minimal.append(mask)
    rest = [
        Probe(" AND ".join(_or(groups[i]) for i in range(n) if m >> i & 1), SUBSET_LIMIT, "subset")
        for m in minimal
        if m != full
    ]
    # The best a paragraph lacking at least one word can score.
    ceiling = W_COVER * (total - min(weights)) / total + W_ORDER if rest else 0.0
    return first, rest, ceiling


def _fetch(
    conn: sqlite3.Connection,
    probe: Probe,
    scopes: Sequence[str],
    seen: dict[int, tuple[int, int, int, str]],
    within: tuple[int, int, int] | None = None,
) -> None:
    """Rows of `probe`; `within` = (doc id, first, last paragraph id) keeps them in one document
    (its paragraph ids are one run, so FTS5 seeks to that rowid range). The unary + keeps SQLite
    from walking the document's paragraphs by index and running the MATCH once for each (2 s on
    a 19 MB upload, against 26 ms)."""
    marks = ",".join("?" * len(scopes))
    inside, args = "", []
    if within is not None:
        inside = " AND +p.doc_id = ? AND paragraphs_fts.rowid BETWEEN ? AND ?"
        args = list(within)
    rows = conn.execute(
        "SELECT p.id, p.doc_id, p.idx, p.text FROM paragraphs_fts"
        " JOIN paragraphs p ON p.id = paragraphs_fts.rowid"
        " JOIN documents d ON d.id = p.doc_id"
        f" WHERE paragraphs_fts MATCH ? AND d.scope IN ({marks}) AND p.section != 'masthead'"
        f"{inside} LIMIT ?",
        [probe.match, *scopes, *args, probe.limit],
    ).fetchall()
    for r in rows:
        seen.setdefault(r[0], r)


def find_sync(
    conn: sqlite3.Connection,
    query: str,
    scopes: Sequence[str],
    doc_id: int | None,
    limit: int,
    cache: dict | None = None,
    stats: dict[str, int] | None = None,
    near: frozenset[str] = frozenset(),
    fetch: Callable[..., None] | None = None,
    vocabulary: Callable[..., IndexedVocabulary] = IndexedVocabulary,
) -> list[Hit]:
    """The whole find on one read connection, in a worker thread (see Store.run_read).

    `stats`, when given, receives "scored" (paragraphs scored) and, for a find inside a
    document, "paragraphs" (its length) and "indexed" (1 when it was too long to score whole).
    `fetch` and `vocabulary` are another database's candidate fetch (as `_fetch`) and vocabulary
    (bot.core.pg): the planning and the re-ranking stay the same.
    """
    stats = {} if stats is None else stats
    fetch = _fetch if fetch is None else fetch
    vocab = vocabulary(conn, cache, scopes)
    terms = analyse(query, vocab, near)
    within = None
    if doc_id is not None:
        rows, within = _document_rows(conn, doc_id, stats)
        if rows is not None:
            # A document of ordinary length: every paragraph is scored, nothing is missed.
            stats["scored"] = stats.get("scored", 0) + len(rows)
            return rank(rows, terms, query, limit)
    first, rest, ceiling = plan(query, terms, vocab)
    seen: dict[int, tuple[int, int, int, str]] = {}
    for probe in first:
        fetch(conn, probe, scopes, seen, within)
    memo: dict[int, _Scored] = {}
    hits = rank(list(seen.values()), terms, query, limit, memo=memo, spans=False)
    if rest and (len(hits) < limit or hits[-1].score <= ceiling):
        for probe in rest:
            if len(seen) >= CANDIDATES:
                break
            fetch(conn, probe, scopes, seen, within)
        hits = rank(list(seen.values()), terms, query, limit, memo=memo, spans=False)
    stats["scored"] = stats.get("scored", 0) + len(seen)
    for h in hits:
        h.spans = _spans(h.text, memo[h.paragraph_id].chosen)
    return hits


def _document_rows(
    conn: sqlite3.Connection, doc_id: int, stats: dict[str, int]
) -> tuple[list[tuple[int, int, int, str]] | None, tuple[int, int, int]]:
    """A document's paragraphs to score, or None when it is longer than SCAN_PARAGRAPHS /
    SCAN_CHARS (read no further than that); and (doc id, first, last paragraph id)."""
    count, lo, hi = conn.execute(
        "SELECT COUNT(*), MIN(id), MAX(id) FROM paragraphs WHERE doc_id = ?", (doc_id,)
    ).fetchone()
    stats["paragraphs"] = count
    within = (doc_id, lo or 0, hi or 0)
    if count > SCAN_PARAGRAPHS:
        stats["indexed"] = 1
        return None, within
    rows = []
    chars = 0
    for row in conn.execute(
        "SELECT id, doc_id, idx, text FROM paragraphs WHERE doc_id = ?"
        " AND section != 'masthead' ORDER BY idx",
        (doc_id,),
    ):
        chars += len(row[3])
        if chars > SCAN_CHARS:
            stats["indexed"] = 1
            return None, within
        rows.append(row)
    return rows, within


def exhaustive_find(
    conn: sqlite3.Connection,
    query: str,
    scopes: Sequence[str],
    limit: int,
    near: frozenset[str] = frozenset(),
) -> list[Hit]:
    """The slow reference: the vocabulary counted afresh from the paragraphs in scope (and only
    those), scanned whole; every paragraph in scope scored."""
    marks = ",".join("?" * len(scopes))
    df: Counter[str] = Counter()
    count = 0
    for (text,) in conn.execute(
        f"SELECT p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id WHERE d.scope IN ({marks})",
        list(scopes),
    ):
        df.update(index_terms(text))
        count += 1
    vocab = Vocabulary(sorted(df.items()), count)
    terms = analyse(query, vocab, near)
    rows = conn.execute(
        "SELECT p.id, p.doc_id, p.idx, p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id"
        f" WHERE d.scope IN ({marks}) AND p.section != 'masthead'",
        list(scopes),
    ).fetchall()
    hits = []
    qf = " ".join(fts_tokens(query))
    for pid, doc, idx, text in rows:
        hit = score_paragraph(text, terms, qf)
        if hit is not None and hit.score >= MIN_SCORE:
            hit.paragraph_id, hit.doc_id, hit.paragraph = pid, doc, idx
            hits.append(hit)
    hits.sort(key=_hit_order)
    return hits[:limit]
