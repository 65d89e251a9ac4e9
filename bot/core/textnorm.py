"""The one module that folds text (case, accents, apostrophes) and cuts it into words.

Two foldings, because two different things must agree:

* `fold` -- lower case without diacritics (NFKD): how the lexicons' words, references and the
  asker's words are compared. It keeps punctuation, so phrase patterns can still see it.
* `fold_text` (and `fts_tokens`, `fts_token_spans`, `index_terms`) -- exactly what SQLite's FTS5
  unicode61 tokenizer makes of a text (its own case tables, which accents it drops, what separates
  tokens), asked of SQLite itself. The vocabulary index and the find figures depend on matching
  the FTS index term for term; NFKD differs from it (й, ё, ³, ligatures), so it cannot serve.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from functools import lru_cache

from bot.core.lexicon.words import STOPWORDS

_WORD_RE = re.compile(r"\w+", re.UNICODE)
FTS_TOKENIZER = "unicode61 remove_diacritics 2"  # paragraphs_fts's tokenizer (migration 001)


def strip_accents(text: str) -> str:
    """`text` without diacritics (NFKD, combining marks dropped), case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics, as FTS5's unicode61 remove_diacritics tokenizer sees it."""
    return strip_accents(text.lower())


def tokens(text: str) -> list[str]:
    """Folded word tokens."""
    return _WORD_RE.findall(fold(text))


def content_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS]


# Scripts written without spaces between words (Han, kana, Thai, Lao, Myanmar, Khmer): FTS5 makes
# a whole clause one term, so one-character edits of it are no typos, and its keys would cost
# the square of the clause. Such terms are matched exactly (and as prefixes), never fuzzily.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)


# ---- folding exactly as FTS5 does ----------------------------------------------------------
#
# FTS5's unicode61 tokenizer works one code point at a time: letters, numbers and private-use
# characters (L*, N*, Co) are token characters, lower-cased by its own tables, and with
# remove_diacritics 2 the Latin letters that carry accents lose them (é -> e, but й, ё and ³
# stay what they are); combining marks continue a token and are dropped; everything else
# separates tokens. Rather than copy its tables, each non-ASCII code point is asked of SQLite's
# own tokenizer the first time it is met (one probe, then cached), so the vocabulary, the
# query words and the re-ranking see exactly the terms FTS5 indexes, whatever SQLite is linked.


def _probe(cp: int) -> str:
    """What FTS5 makes of code point `cp`: its folded form, '' (dropped inside a token) or ' '."""
    if 0xD800 <= cp <= 0xDFFF or cp == 0:
        return " "
    ch = chr(cp)
    with _PROBE_LOCK:
        conn = _probe_conn()
        conn.execute("INSERT INTO t (rowid, x) VALUES (1, ?)", (f"a{ch}a {ch}",))
        rows = conn.execute("SELECT term, offset FROM v ORDER BY offset").fetchall()
        conn.execute("DELETE FROM t")
    terms = [r[0] for r in rows]
    if len(terms) == 2 and terms[0].startswith("a") and terms[0].endswith("a"):
        mid = terms[0][1:-1]
        if len(mid) == 1 and terms[1] == mid:
            return mid  # a token character
    if terms == ["aa"]:
        return ""  # a combining mark: continues a token, dropped
    return " "  # a separator (also anything that behaves otherwise: never seen so far)


_PROBE_LOCK = threading.Lock()
_PROBE: list[sqlite3.Connection] = []


def _probe_conn() -> sqlite3.Connection:
    if not _PROBE:
        conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{FTS_TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        _PROBE.append(conn)
    return _PROBE[0]


class _FoldTable(dict):
    """str.translate table: code point -> FTS5's view of it (see _probe), filled on demand."""

    def __missing__(self, cp: int) -> str:
        out = _probe(cp)
        self[cp] = out
        return out


# Arabic vowel marks and the tatweel never reach FTS5, which would split words at the marks: a
# paragraph holding any is indexed without them (migration 005, without_marks). So they vanish here.
ARABIC_MARKS = (*range(0x064B, 0x0653), 0x0670, 0x0640)
_MARKS_RE = re.compile("[" + "".join(map(chr, ARABIC_MARKS)) + "]")


def without_marks(text: str) -> str | None:
    """`text` as FTS5 is given it (the paragraph's fts_text), or None when that is `text`
    itself: without Arabic vowel marks and tatweel, and with each run of an unspaced script cut
    into its overlapping pairs of characters (see _UNSPACED_RUN)."""
    if text.isascii():
        return None
    out = text
    if _MARKS_RE.search(out) is not None:
        out = _MARKS_RE.sub("", out)
    if _UNSPACED.search(out) is not None:
        out = _UNSPACED_RUN.sub(_bigram_run, out)
    return None if out is text else out


fts_form = without_marks  # the name says what it is now; storage.py still calls without_marks


# Chinese (and any script written without spaces) is indexed as overlapping pairs of characters
# ("世界人权宣言" -> 世界 界人 人权 权宣 宣言), in the index and in queries alike, so a word is found
# wherever it stands inside a run: a query of any two or more characters is a phrase of pairs
# that every sentence holding it holds in the same order. A segmenter (jieba) cuts a query taken
# from inside a sentence differently from the sentence itself three times in four on the UN
# devset, and loads a dictionary for 1.5 s in every process; pairs need neither.
_UNSPACED_RUN = re.compile(_UNSPACED.pattern + "+")


_SEGMENTS = re.compile(_UNSPACED.pattern + "+|[^" + _UNSPACED.pattern[1:] + "+")


def _bigram_run(m: re.Match[str]) -> str:
    run = m.group()
    if len(run) <= 2:
        return f" {run} "
    return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " "


def unspaced(text: str) -> bool:
    return not text.isascii() and _UNSPACED.search(text) is not None


_FOLD = _FoldTable(
    {cp: (chr(cp).lower() if chr(cp).isalnum() else " ") for cp in range(128)}
    | {cp: "" for cp in ARABIC_MARKS}
)
_ASCII = bytes(
    (ord(chr(b).lower()) if chr(b).isalnum() else 32) if b < 128 else b for b in range(256)
)


def fold_text(text: str) -> str:
    """`text` as FTS5 tokenizes it: each token folded, every separator turned into a space, so
    `fold_text(text).split()` is the paragraph's terms, in order."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII).decode("ascii")
    # Runs of non-ASCII characters through the table, then the ASCII ones as bytes (UTF-8
    # continuation bytes are >= 0x80, which _ASCII leaves alone): faster than one translate.
    out = _NON_ASCII.sub(_fold_run, text).encode().translate(_ASCII).decode()
    if _UNSPACED.search(out) is not None:
        out = _UNSPACED_RUN.sub(_bigram_run, out)  # pairs, as fts_form gives FTS5
    return out


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_FOLD)


def fts_tokens(text: str) -> list[str]:
    """The terms FTS5 makes of `text`, in order (query words)."""
    return fold_text(text).split()


_NONSPACE = re.compile(r"[^ ]+")


def fts_token_spans(text: str) -> list[tuple[str, int, int]]:
    """(term, start, end) over the original text, to mark matches."""
    if unspaced(text):
        return _paired_spans(text)
    folded = fold_text(text)
    if len(folded) == len(text):  # no mark was dropped: positions are the same
        return [(m.group(), m.start(), m.end()) for m in _NONSPACE.finditer(folded)]
    return _token_spans(text)


def _paired_spans(text: str) -> list[tuple[str, int, int]]:
    """fts_token_spans of a text holding unspaced runs: each run's pairs of characters."""
    out: list[tuple[str, int, int]] = []
    for tok, start, end in _token_spans(text):
        if _UNSPACED.search(tok) is None:
            out.append((tok, start, end))
            continue
        # Positions of the token's folded characters in `text` (marks inside were dropped).
        pos = [i for i in range(start, end) if _FOLD[ord(text[i])]]
        if len(pos) != len(tok):  # a character folded to several: mark the whole token
            pos = [start] * (len(tok) - 1) + [end - 1]
        for m in _SEGMENTS.finditer(tok):
            seg, a = m.group(), m.start()
            if _UNSPACED.match(seg) is None or len(seg) <= 2:
                out.append((seg, pos[a], pos[a + len(seg) - 1] + 1))
            else:
                out.extend(
                    (seg[i : i + 2], pos[a + i], pos[a + i + 1] + 1) for i in range(len(seg) - 1)
                )
    return out


def _token_spans(text: str) -> list[tuple[str, int, int]]:
    """The tokens FTS5's unicode61 makes of `text` (unspaced runs whole), with positions."""
    out: list[tuple[str, int, int]] = []
    buf: list[str] = []
    start = 0
    fold = _FOLD
    for i, ch in enumerate(text):
        f = fold[ord(ch)]
        if f == " ":
            if buf:
                out.append(("".join(buf), start, i))
                buf = []
        elif f:
            if not buf:
                start = i
            buf.append(f)
    if buf:
        out.append(("".join(buf), start, len(text)))
    return out


def index_terms(text: str) -> set[str]:
    """The distinct terms FTS5 indexes for a paragraph."""
    return set(fold_text(text).split())
