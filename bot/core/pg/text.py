"""Paragraph terms as PostgreSQL tsvectors, and FTS5 match expressions as tsqueries.

The terms are those of bot.core.vocab_index.fold_text (the SQLite index's own folding: case,
accents, Arabic marks, unspaced scripts as pairs of characters), written as tsvector literals
with their positions, so PostgreSQL's text-search parser never cuts a word its own way and both
stores index the same tokens.
"""

from __future__ import annotations

import re
from collections import defaultdict

from bot.core.vocab_index import fold_text

MAX_POSITION = 16383  # PostgreSQL keeps positions up to this
MAX_POSITIONS = 256  # ... and this many per lexeme
MAX_LEXEME_BYTES = 2046  # a longer word is not indexed (no query word reaches it)
MAX_TSVECTOR_BYTES = 900_000  # under PostgreSQL's 1 MB: a text of megabytes keeps its first words


def _quote(term: str) -> str:
    if "'" in term or "\\" in term:  # fold_text keeps letters and digits only; to be safe
        term = term.replace("\\", "\\\\").replace("'", "''")
    return f"'{term}'"


def tsvector_of(tokens: list[str]) -> str:
    """A tsvector literal of the folded tokens of a paragraph, in order (see fold_text)."""
    if len(tokens) > MAX_POSITIONS or max(map(len, tokens), default=0) * 4 > MAX_LEXEME_BYTES:
        return _bounded_tsvector(tokens)
    # An ordinary paragraph: no limit can be reached (the loader's hot path, a million times).
    where: defaultdict[str, list[int]] = defaultdict(list)
    for i, tok in enumerate(tokens, 1):
        where[tok].append(i)
    return " ".join([f"{_quote(tok)}:{','.join(map(str, at))}" for tok, at in where.items()])


def _bounded_tsvector(tokens: list[str]) -> str:
    """tsvector_of within PostgreSQL's limits: positions, their number, word and total size."""
    where: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens, 1):
        at = where.get(tok)
        if at is None:
            at = where[tok] = []
        if i <= MAX_POSITION and len(at) < MAX_POSITIONS:
            at.append(i)
    parts = []
    size = 0
    for tok, at in where.items():
        if len(tok.encode()) > MAX_LEXEME_BYTES:
            continue
        part = f"{_quote(tok)}:{','.join(map(str, at))}" if at else _quote(tok)
        size += len(part) + 1
        if size > MAX_TSVECTOR_BYTES:
            break
        parts.append(part)
    return " ".join(parts)


def paragraph_tsvector(text: str) -> tuple[str, list[str]]:
    """The paragraph's tsvector literal, and its folded tokens (the vocabulary counts them)."""
    tokens = fold_text(text).split()
    return tsvector_of(tokens), tokens


_FTS = re.compile(r'"([^"]*)"(\*?)|(\()|(\))|\b(AND|OR)\b')


def tsquery_of(match: str) -> str:
    """An FTS5 expression of search.plan (`"a b"`, `("x" OR "y") AND "z"`, a `"pre"*` prefix)
    as a tsquery: a quoted phrase's words follow one another (<->), OR is |, AND is &."""
    out: list[str] = []
    for m in _FTS.finditer(match):
        phrase, star, opening, closing, op = m.groups()
        if phrase is not None:
            words = phrase.split()
            if not words:
                out.append("''")
                continue
            quoted = [_quote(w) for w in words]
            if star:
                quoted[-1] += ":*"
            out.append("(" + " <-> ".join(quoted) + ")" if len(quoted) > 1 else quoted[0])
        elif opening:
            out.append("(")
        elif closing:
            out.append(")")
        else:
            out.append("&" if op == "AND" else "|")
    return " ".join(out)


def body_tsquery(fts: str) -> str | None:
    """lookup.body_terms' FTS5 query (`"words"` or `"prefix"*`) as a tsquery: the words folded
    as FTS5 would tokenize them."""
    star = fts.endswith("*")
    words = fold_text(fts.rstrip("*").replace('"', " ")).split()
    if not words:
        return None
    quoted = [_quote(w) for w in words]
    if star:
        quoted[-1] += ":*"
    return " <-> ".join(quoted)
