"""The vocabulary index: every indexed term with its paragraph frequency, kept in SQLite.

Tables maintained in the same transaction as the paragraphs they describe (see
`Store.save_documents` and the deletes), so the vocabulary is right after every load and remove
and nothing has to be rebuilt when the bot starts. Everything is kept per scope (the bundled
corpus, each server: ``vocab_scopes``), and a find reads only the scopes it may see, so one
server's uploads neither show in nor change another server's weights and typo candidates:

* ``vocab(id, sid, term, df)`` -- the terms FTS5 indexes (folded, accents dropped) and how many
  paragraphs of the scope hold each one. Common words are recognised from ``df``, so candidate
  queries lean on rare words and never OR the commonest.
* ``vocab_del(sid, key, term_id)`` -- a deletion neighbourhood (SymSpell): each term under itself and
  under every string it gives with one character deleted. A query word within OSA distance 1 of a
  term shares a key with it once the word loses at most one character too; within distance 2, the
  word loses up to two. Looking the keys up is a few index seeks however large the vocabulary,
  where scanning 300,000 terms with rapidfuzz takes 100-200 ms a word. Candidates are verified
  with rapidfuzz's OSA distance, so nothing farther than allowed gets in.

With one deletion stored per term, distance-2 neighbours that need two deletions on the term's
side too (two substitutions in one word, two letters missing) are found by a second, bounded pass
(`IndexedVocabulary.expand` falls back to it when a long word has no neighbour at distance 1).

A term's keys cost the square of its length, so terms no query word can reach (longer than
MAX_FILED) and runs of scripts written without spaces (a Chinese "term" is a whole clause) get
none: an upload's typo keys grow at most linearly with its size.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import OSA

# Folding and tokenising live in textnorm (the one module that folds); re-exported here for the
# modules and tests that import them from the index.
from bot.core.textnorm import (  # noqa: F401
    _UNSPACED,
    ARABIC_MARKS,
    FTS_TOKENIZER,
    fold_text,
    fts_form,
    fts_token_spans,
    fts_tokens,
    index_terms,
    unspaced,
    without_marks,
)

EXPANSIONS = 12  # closest vocabulary terms kept per query word
PREFIXES = 8  # compounds a query word starts ("capacity" -> "capacitybuilding"), for fetching
MAX_FUZZY = 24  # longer words are looked up exactly: their deletion keys grow with the square
# Longest term filed with deletion keys: a query word of MAX_FUZZY characters loses at most two
# (keys of MAX_FUZZY - 2 to MAX_FUZZY), a term's keys are its own length and one less.
MAX_FILED = MAX_FUZZY + 1
SECOND_PASS_MAX = 16  # longest word given the costly two-deletion pass (see _second_pass)


def max_edits(term: str) -> int:
    if len(term) <= 3 or term.isdigit() or len(term) > MAX_FUZZY or _UNSPACED.search(term):
        return 0
    if len(term) <= 5:
        return 1
    return 2


def deletions(term: str, depth: int) -> set[str]:
    """`term` and every string made from it by deleting up to `depth` characters."""
    out = {term}
    frontier = {term}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            if len(w) <= 1:
                continue
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        out |= nxt
        frontier = nxt
    return out


def _filed_as(term: str) -> str:
    """How a vocabulary term is filed: "deletions" (itself and each one-deletion), "itself"
    (short words) or "none" (single characters, numbers, terms longer than MAX_FILED and runs of
    unspaced scripts: no query word reaches them by a typo, see max_edits)."""
    if _UNSPACED.search(term):  # pairs of characters: matched exactly
        return "none"
    if len(term) <= 3:
        return "itself" if len(term) >= 2 else "none"
    if term.isdigit() or len(term) > MAX_FILED:
        return "none"
    return "deletions"


def typo_candidate(term: str) -> bool:
    """Whether the typo index files `term` at all (the exhaustive scan keeps to these too)."""
    return _filed_as(term) != "none"


def term_keys(term: str) -> set[str]:
    """The keys a vocabulary term is filed under (no deletions for numbers and short words)."""
    kind = _filed_as(term)
    if kind == "deletions":
        return deletions(term, 1)
    return {term} if kind == "itself" else set()


# ---- maintenance (runs on the writer connection, inside the caller's transaction) ----------


def scope_id(conn: sqlite3.Connection, scope: str) -> int:
    """The scope's row in vocab_scopes, made on its first use."""
    conn.execute("INSERT OR IGNORE INTO vocab_scopes (scope) VALUES (?)", (scope,))
    (sid,) = conn.execute("SELECT id FROM vocab_scopes WHERE scope = ?", (scope,)).fetchone()
    return int(sid)


def apply_delta(conn: sqlite3.Connection, delta: Counter[str], paragraphs: int, scope: str) -> None:
    """Add `delta` (term -> change in paragraph count) to `scope`'s vocabulary, and the paragraph
    count to its statistics. New terms get their keys; terms that reach zero lose them."""
    sid = scope_id(conn, scope)
    if paragraphs:
        conn.execute(
            "UPDATE vocab_scopes SET paragraphs = paragraphs + ? WHERE id = ?", (paragraphs, sid)
        )
    if not delta:
        return
    pos = sorted((sid, t, d) for t, d in delta.items() if d > 0)
    neg = [(t, d) for t, d in delta.items() if d < 0]
    if neg:
        _shrink(conn, sid, neg)
    if pos:
        # One upsert per term (in term order, for the index); the new ones get ids above the
        # largest so far, which is how their deletion keys are found.
        (top,) = conn.execute("SELECT COALESCE(MAX(id), 0) FROM vocab").fetchone()
        conn.executemany(
            "INSERT INTO vocab (sid, term, df) VALUES (?, ?, ?)"
            " ON CONFLICT (sid, term) DO UPDATE SET df = df + excluded.df",
            pos,
        )
        new = conn.execute("SELECT id, term FROM vocab WHERE id > ?", (top,)).fetchall()
        _file_keys(conn, new)


def _shrink(conn: sqlite3.Connection, sid: int, neg: list[tuple[str, int]]) -> None:
    known: dict[str, tuple[int, int]] = {}
    for chunk in _chunks([t for t, _ in neg], 500):
        rows = conn.execute(
            "SELECT term, id, df FROM vocab WHERE sid = ?"
            f" AND term IN ({','.join('?' * len(chunk))})",
            [sid, *chunk],
        ).fetchall()
        known.update({r[0]: (r[1], r[2]) for r in rows})
    updates: list[tuple[int, int]] = []
    gone: list[tuple[int, str]] = []
    for term, d in neg:
        if term in known:
            tid, df = known[term]
            if df + d <= 0:
                gone.append((tid, term))
            else:
                updates.append((d, tid))
    conn.executemany("UPDATE vocab SET df = df + ? WHERE id = ?", updates)
    if gone:
        # A generator: the keys of a large removal are never all in memory at once.
        conn.executemany(
            "DELETE FROM vocab_del WHERE sid = ? AND key = ? AND term_id = ?",
            ((sid, k, tid) for tid, term in gone for k in term_keys(term)),
        )
        conn.executemany("DELETE FROM vocab WHERE id = ?", [(tid,) for tid, _ in gone])


# A term's deletion keys, made by SQLite itself: a hundred thousand keys are bound and inserted
# several times faster than from Python. substr() counts code points, as Python slices do.
_KEYS_SQL = """
INSERT OR IGNORE INTO vocab_del (sid, key, term_id)
WITH RECURSIVE pos(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM pos WHERE i < ?),
full(id, sid, term) AS (
    SELECT v.id, v.sid, v.term FROM json_each(?) j JOIN vocab v ON v.id = j.value
)
SELECT sid, term, id FROM full
UNION ALL SELECT sid, substr(term, 1, i - 1) || substr(term, i + 1), id FROM full JOIN pos
    ON pos.i <= length(full.term)
UNION ALL SELECT v.sid, v.term, v.id FROM json_each(?) j JOIN vocab v ON v.id = j.value
ORDER BY 1, 2, 3
"""


def _file_keys(conn: sqlite3.Connection, new: list[tuple[int, str]]) -> None:
    """File new (id, term) rows under term_keys(term), the same rule (_filed_as)."""
    full: list[int] = []
    alone: list[int] = []
    longest = 1
    for tid, term in new:
        kind = _filed_as(term)
        if kind == "deletions":
            full.append(tid)
            longest = max(longest, len(term))
        elif kind == "itself":
            alone.append(tid)
    if full or alone:
        conn.execute(_KEYS_SQL, (longest, json.dumps(full), json.dumps(alone)))


def rebuild(conn: sqlite3.Connection, corpus: str) -> None:
    """Bring every scope's vocabulary in line with its paragraphs (after migration 007, or when
    the folding changed). The servers' paragraphs are counted here; the corpus, usually nearly
    all of them, is FTS5's own document counts (fts5vocab) less the servers'. Only the terms
    that differ are written."""
    refresh_fts_text(conn)
    want: dict[str, tuple[Counter[str], int]] = {}
    servers: Counter[str] = Counter()
    for (scope,) in conn.execute(
        "SELECT DISTINCT scope FROM documents WHERE scope != ?", (corpus,)
    ):
        df: Counter[str] = Counter()
        n = 0
        for (text,) in conn.execute(
            "SELECT p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id WHERE d.scope = ?",
            (scope,),
        ):
            df.update(index_terms(text))
            n += 1
        want[scope] = (df, n)
        servers.update(df)
    total = Counter(dict(conn.execute("SELECT term, doc FROM paragraphs_vocab").fetchall()))
    total.subtract(servers)
    (n,) = conn.execute(
        "SELECT COUNT(*) FROM paragraphs p JOIN documents d ON d.id = p.doc_id WHERE d.scope = ?",
        (corpus,),
    ).fetchone()
    want[corpus] = (+total, n)
    for (scope,) in conn.execute("SELECT scope FROM vocab_scopes").fetchall():
        want.setdefault(scope, (Counter(), 0))
    for scope, (new, count) in want.items():
        sid = scope_id(conn, scope)
        old = dict(conn.execute("SELECT term, df FROM vocab WHERE sid = ?", (sid,)).fetchall())
        delta: Counter[str] = Counter()
        for term in new.keys() | old.keys():
            d = new.get(term, 0) - old.get(term, 0)
            if d:
                delta[term] = d
        apply_delta(conn, delta, 0, scope)
        conn.execute("UPDATE vocab_scopes SET paragraphs = ? WHERE id = ?", (count, sid))
    conn.execute("UPDATE vocab_stats SET value = 1 WHERE name = 'ready'")


def refresh_fts_text(conn: sqlite3.Connection) -> None:
    """Give the paragraphs holding an unspaced script the fts_text fts_form makes now (pairs of
    characters, migration 008), and FTS5 the same. Only rows whose fts_text changes are touched."""
    rows = conn.execute(
        "SELECT id, text, fts_text FROM paragraphs WHERE text GLOB ?",
        (f"*{_UNSPACED.pattern}*",),  # a GLOB class reads the same: [a-b...]
    ).fetchall()
    for pid, text, old in rows:
        new = fts_form(text)
        if new == old:
            continue
        conn.execute(
            "INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', ?, ?)",
            (pid, old if old is not None else text),
        )
        conn.execute("UPDATE paragraphs SET fts_text = ? WHERE id = ?", (new, pid))
        conn.execute(
            "INSERT INTO paragraphs_fts (rowid, text) VALUES (?, ?)",
            (pid, new if new is not None else text),
        )


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# ---- lookups (any read connection) ---------------------------------------------------------


class IndexedVocabulary:
    """The `Vocabulary` interface of bot.core.search over the SQLite vocabulary index, as the
    `scopes` see it: frequencies, paragraph count and typo candidates are those of their
    paragraphs alone, whatever other scopes hold.

    Nothing is held in memory but a cache of the words already looked up, so opening a database
    of a million paragraphs is instant and the resident set stays small. The cache must be
    one scope set's; one used for another set is emptied first.
    """

    def __init__(
        self, conn: sqlite3.Connection, cache: dict | None = None, scopes: Sequence[str] = ()
    ) -> None:
        self.conn = conn
        self.cache: dict = cache if cache is not None else {}
        want = tuple(sorted(set(scopes)))
        # Finds of one server share this cache from several worker threads: the head is one
        # value, read and written whole, and every look-up below keeps its own result, so a
        # thread that clears the cache never leaves another with a missing key.
        head = self.cache.get("\0head")
        if head is None or head[0] != want:
            marks = ",".join("?" * len(want))
            rows = conn.execute(
                f"SELECT id, paragraphs FROM vocab_scopes WHERE scope IN ({marks}) ORDER BY id",
                want,
            ).fetchall()
            head = (want, [r[0] for r in rows], max(sum(r[1] for r in rows), 1))
            if self.cache.get("\0head", head)[0] != want:
                self.cache.clear()
            self.cache["\0head"] = head
        self.sids: list[int] = head[1]
        self.paragraphs: int = head[2]
        self._in = f"sid IN ({','.join(map(str, self.sids))})"  # integers from the database

    def df_of(self, term: str) -> int:
        key = ("df", term)
        df = self.cache.get(key)
        if df is None:
            row = self.conn.execute(
                f"SELECT SUM(df) FROM vocab WHERE {self._in} AND term = ?", (term,)
            ).fetchone()
            df = int(row[0]) if row and row[0] else 0
            self.cache[key] = df
        return df

    def idf(self, term: str) -> float:
        df = self.df_of(term)
        return math.log(1 + (self.paragraphs - df + 0.5) / (df + 0.5))

    def expand(self, term: str) -> dict[str, float]:
        key = ("exp", term)
        out = self.cache.get(key)
        if out is None:
            out = self._expand(term)
            self.cache[key] = out
        return out

    def prefixed(self, term: str) -> list[str]:
        """Up to PREFIXES commonest longer terms that start with `term` (compounds)."""
        key = ("pre", term)
        out = self.cache.get(key)
        if out is None:
            hi = term + "\uffff"
            rows = self.conn.execute(
                f"SELECT term FROM vocab WHERE {self._in} AND term > ? AND term < ?"
                " AND length(term) > ? GROUP BY term ORDER BY SUM(df) DESC, term LIMIT ?",
                (term, hi, len(term) + 2, PREFIXES),
            ).fetchall()
            out = [r[0] for r in rows]
            self.cache[key] = out
        return out

    def _lookup(self, keys: Iterable[str]) -> dict[str, int]:
        """term -> frequency in the scopes, for the terms filed under any of `keys`."""
        keys = list(keys)
        found: dict[int, tuple[str, int]] = {}
        for chunk in _chunks(keys, 900):
            rows = self.conn.execute(
                "SELECT v.id, v.term, v.df FROM vocab_del k JOIN vocab v ON v.id = k.term_id"
                f" WHERE k.{self._in} AND k.key IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            found.update({r[0]: (r[1], r[2]) for r in rows})
        out: dict[str, int] = {}
        for term, df in found.values():  # a term held by two scopes: both rows, summed
            out[term] = out.get(term, 0) + df
        return out

    def _expand(self, term: str) -> dict[str, float]:
        edits = max_edits(term)
        if not edits:
            return {term: 1.0} if self.df_of(term) else {}
        found = self._lookup(deletions(term, edits))
        scored = []
        for cand, df in found.items():
            dist = OSA.distance(term, cand, score_cutoff=edits)
            if dist <= edits:
                scored.append((dist, -df, cand))
                self.cache[("df", cand)] = df
        if edits == 2:
            if any(d <= 1 for d, _, _ in scored):
                scored = [x for x in scored if x[0] <= 1]
            elif len(term) <= SECOND_PASS_MAX:
                scored.extend(self._second_pass(term, {c for _, _, c in scored}))
        return closest(term, scored, self.df_of(term) > 0)

    def _second_pass(self, term: str, seen: set[str]) -> list[tuple[int, int, str]]:
        """Distance-2 neighbours needing two deletions on the term's side (two substitutions,
        two missing letters): every string one edit away from the word, under each of its keys."""
        variants: set[str] = set()
        alphabet = _alphabet(term)
        for i in range(len(term)):
            if i + 1 < len(term):
                variants.add(term[:i] + term[i + 1] + term[i] + term[i + 2 :])
            for ch in alphabet:
                variants.add(term[:i] + ch + term[i + 1 :])
                variants.add(term[:i] + ch + term[i:])
        for ch in alphabet:
            variants.add(term + ch)
        keys: set[str] = set()
        for v in variants:
            keys |= deletions(v, 1)
        found = self._lookup(keys - deletions(term, 2))
        out = []
        for cand, df in found.items():
            if cand in seen:
                continue
            dist = OSA.distance(term, cand, score_cutoff=2)
            if dist <= 2:
                out.append((dist, -df, cand))
                self.cache[("df", cand)] = df
        return out


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_CYRILLIC = "".join(map(chr, range(0x0430, 0x0450))) + "ё"
_ARABIC = "".join(map(chr, range(0x0621, 0x064B)))


def _alphabet(term: str) -> str:
    """Letters an edit of `term` may bring in: its script's (folded) letters, and its own."""
    if term.isascii():
        return _ALPHABET
    out = set(term)
    if any("\u0400" <= ch <= "\u04ff" for ch in term):
        out.update(_CYRILLIC)
    if any("\u0600" <= ch <= "\u06ff" for ch in term):
        out.update(_ARABIC)
    if any(ch.isascii() for ch in term):
        out.update(_ALPHABET)
    return "".join(sorted(out))


def indexed_reach(term: str, cand: str) -> bool:
    """Whether the deletion index finds `cand` (OSA distance 2 from `term`) without the second
    pass, which words longer than SECOND_PASS_MAX do not get: the rule the exhaustive
    reference applies too."""
    return len(term) <= SECOND_PASS_MAX or not deletions(term, 2).isdisjoint(term_keys(cand))


def closest(term: str, scored: list[tuple[int, int, str]], exact: bool) -> dict[str, float]:
    """term -> closeness for the EXPANSIONS closest candidates: (distance, -df, term) order."""
    out: dict[str, float] = {}
    if exact:
        out[term] = 1.0
    for dist, _, cand in sorted(scored)[: EXPANSIONS + 1]:
        if cand != term:
            out.setdefault(cand, 1.0 - 0.15 * dist)
    if len(out) > EXPANSIONS + (1 if exact else 0):
        out = dict(list(out.items())[: EXPANSIONS + (1 if exact else 0)])
    return out
