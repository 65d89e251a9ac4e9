"""Find measured on aligned sentences (UN Parallel Corpus): `python -m bot eval find --parallel DIR`.

Each language's sentences (DIR/*.ar, .en, .es, .fr, .ru, .zh, one sentence a line, line i the
same sentence in every language) are loaded as paragraphs, one scope per language, so each
language keeps its own statistics. Queries are made as a reader types them: four content words
of a sentence in order, one typo in a word of seven letters or more, accents dropped in French
and Spanish; in Chinese, a run of 4-6 characters from inside the sentence. A query counts as
found when one of the top k hits is its sentence (or a sentence with the same text):

* own: the sentence's language alone;
* mixed: all six languages in one search (the other five only add noise);
* cross A->B: the query made from line i in A, searched in B, line i of B expected.

Lines are drawn once with a fixed seed, so every language answers for the same sentences.
"""

from __future__ import annotations

import random
import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bot.core.lexicon.words import MORE_FUNCTION_WORDS
from bot.core.library import Library
from bot.core.models import DocumentRecord, Paragraph
from bot.core.textnorm import STOPWORDS, strip_accents

LANGS = ("ar", "en", "es", "fr", "ru", "zh")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_WORD = re.compile(r"\w+")
# Function words of the other languages (the English and French ones are textnorm's).
_MORE_STOP = frozenset().union(*MORE_FUNCTION_WORDS.values())


def _content(word: str) -> bool:
    w = word.lower()
    return len(w) >= 3 and not w.isdigit() and w not in STOPWORDS and w not in _MORE_STOP


def _drop_accents(text: str) -> str:
    return strip_accents(text)


def _typo(word: str, rng: random.Random) -> str:
    """One edit inside the word (never its first letter): swap, drop, double or replace."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double", "replace"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    other = [c for c in word if c != word[i]] or ["x"]
    return word[:i] + rng.choice(other) + word[i + 1 :]


def make_query(sentence: str, lang: str, rng: random.Random) -> str | None:
    """A reader's query for `sentence` (see the module's docstring), or None when it has too
    few content words (or, in Chinese, no run long enough to cut 4-6 characters from inside)."""
    if lang == "zh":
        n = rng.randint(4, 6)
        runs = [m for m in _HAN_RUN.finditer(sentence) if len(m.group()) >= n + 2]
        if not runs:
            return None
        run = rng.choice(runs).group()
        start = rng.randrange(1, len(run) - n)
        return run[start : start + n]
    words = [w for w in _WORD.findall(sentence) if _content(w)]
    if len(words) < 4:
        return None
    start = rng.randrange(len(words) - 3)
    picked = words[start : start + 4]
    long = [i for i, w in enumerate(picked) if len(w) >= 7]
    if long:
        i = rng.choice(long)
        picked[i] = _typo(picked[i], rng)
    query = " ".join(picked)
    return _drop_accents(query) if lang in ("fr", "es") else query


def read_aligned(directory: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        files = sorted(directory.glob(f"*.{lang}"))
        if not files:
            raise FileNotFoundError(f"no *.{lang} file in {directory}")
        out[lang] = files[0].read_text(encoding="utf-8").splitlines()
    counts = {len(v) for v in out.values()}
    if len(counts) != 1:
        raise ValueError(f"the aligned files differ in length: {sorted(counts)}")
    return out


def _same(text: str) -> str:
    return " ".join(text.split())


async def evaluate_parallel(directory: Path, k: int, n: int, seed: int) -> dict[str, Any]:
    lines = read_aligned(directory)
    total = len(lines["en"])
    rng = random.Random(seed)
    usable = [i for i in range(total) if all(lines[lang][i].strip() for lang in LANGS)]
    picked = sorted(rng.sample(usable, min(n, len(usable))))
    queries = {
        lang: {i: q for i in picked if (q := make_query(lines[lang][i], lang, rng))}
        for lang in LANGS
    }
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Path(tmp) / "parallel.db")
        await lib.open()
        try:
            t0 = time.perf_counter()
            for lang in LANGS:
                record = DocumentRecord(
                    language=lang,
                    paragraphs=[Paragraph(i, t) for i, t in enumerate(lines[lang]) if t.strip()],
                )
                await lib.store.save_documents(f"par-{lang}", [(f"parallel/{lang}", lang, record)])
            load_s = time.perf_counter() - t0
            own: dict[str, float] = {}
            mixed: dict[str, float] = {}
            times: list[float] = []
            cross: dict[str, dict[str, float]] = {}
            every = [f"par-{lang}" for lang in LANGS]
            for a in LANGS:
                cross[a] = {}
                for b in LANGS:
                    got = await _recall(lib, queries[a], lines[b], [f"par-{b}"], k, times, b)
                    if a == b:
                        own[a] = got
                    else:
                        cross[a][b] = got
                mixed[a] = await _recall(lib, queries[a], lines[a], every, k, times, a)
        finally:
            await lib.close()
    return {
        "k": k,
        "sentences": total,
        "queries": {lang: len(q) for lang, q in queries.items()},
        "own": own,
        "mixed": mixed,
        "cross": cross,
        "median_ms": round(statistics.median(times) * 1000, 2),
        "load_s": round(load_s, 1),
    }


async def _recall(
    lib: Library,
    queries: dict[int, str],
    target: list[str],
    scopes: list[str],
    k: int,
    times: list[float],
    lang: str,
) -> float:
    found = 0
    for i, q in queries.items():
        t0 = time.perf_counter()
        res = await lib.find(q, scopes, limit=k)
        times.append(time.perf_counter() - t0)
        want = _same(target[i])
        if any(
            h.doc.source == f"parallel/{lang}" and (h.paragraph == i or _same(h.text) == want)
            for h in res.hits
        ):
            found += 1
    return round(found / max(len(queries), 1), 3)


def report(result: dict[str, Any]) -> str:
    k = result["k"]
    out = [
        f"find on aligned sentences, {result['sentences']} lines a language,"
        f" queries {result['queries']}, recall@{k}",
        "  own: the language's sentences alone; mixed: all six in one search",
        "  lang   own    mixed   cross to: " + "  ".join(f"{b:>5}" for b in LANGS),
    ]
    for a in LANGS:
        cross = "  ".join(f"{result['cross'][a][b]:5.3f}" if b != a else "    -" for b in LANGS)
        out.append(
            f"  {a:>4}  {result['own'][a]:5.3f}  {result['mixed'][a]:5.3f}            {cross}"
        )
    out.append(f"  median find {result['median_ms']} ms; loaded in {result['load_s']} s")
    return "\n".join(out)
