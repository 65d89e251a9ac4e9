"""A deterministic corpus of UN-like passages in English and French, of any size, and queries.

Real text first: the 902 Security Council resolutions of ../shared/corpus/bulk and the documents
of ../shared/corpus (loaded by the bench through the real parser). Beyond them, generated
passages keep the statistics of real UN text: each is spliced from runs of 3-12 consecutive words
of a real English (resolutions, letters, UNPC sentences) or French (UNPC sentences, UDHR) stream,
so word frequencies and local word order are those of the sources, with lengths drawn from the
real passages. A vocabulary that grows with the corpus, as a real one does (Heaps' law: names,
places, rare words), comes from novel words mixed in: a real word's head joined to another's tail,
drawn log-uniformly from a pool that grows with the corpus size.

Generated documents are numbered; document i is the same in every size, so the 10k corpus is a
prefix of the 100k one, which is a prefix of the 1M one.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.core.models import Citation, DocumentRecord, Paragraph
from bot.core.textnorm import STOPWORDS, fold, tokens

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BULK = SHARED / "corpus" / "bulk" / "cr-unsc_res_en_gold_1946-2002.jsonl"
SEED = 20250101
FRENCH_SHARE = 0.4
ZH_SHARE = 1 / 6  # of the generated documents, Chinese (drawn apart: the others stay the same)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CITE = re.compile(r"\b(?:resolution|résolution)s? (\d{1,4}) \(((?:19|20)\d\d)\)")


@dataclass(slots=True)
class Streams:
    words: dict[str, list[str]]  # language -> words as written, in reading order
    lengths: list[int]  # words per real passage
    heads: list[str]  # word pieces for novel words
    tails: list[str]


def bulk_resolutions() -> list[tuple[str, str]]:
    out = []
    with BULK.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out.append((d["symbol"].replace("/", "_").replace(" ", "") + ".txt", d["text"]))
    return out


def _parallel(lang: str) -> list[str]:
    lines: list[str] = []
    for part in ("devset", "testset"):
        path = SHARED / "corpus" / "parallel" / f"unpc_v1.0_{part}" / f"UNv1.0.{part}.{lang}"
        if path.is_file():
            lines.extend(path.read_text(encoding="utf-8").splitlines())
    return lines


def load_streams() -> Streams:
    en: list[str] = []
    lengths: list[int] = []
    for _, text in bulk_resolutions():
        for para in re.split(r"\n\s*\n", text):
            words = para.split()
            if len(words) >= 5:
                en.extend(words)
                lengths.append(len(words))
    for path in sorted((SHARED / "corpus" / "en").glob("*.txt")):
        for para in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            words = para.split()
            if len(words) >= 5:
                en.extend(words)
                lengths.append(len(words))
    for line in _parallel("en"):
        en.extend(line.split())
    fr: list[str] = []
    for line in _parallel("fr"):
        fr.extend(line.split())
    for path in sorted((SHARED / "corpus" / "fr").glob("*.txt")):
        fr.extend(path.read_text(encoding="utf-8").split())
    zh = list("".join(_parallel("zh")))  # characters: Chinese runs are spliced by characters
    vocab = sorted({w.strip(".,;:()«»\"'") for w in en + fr if w.isalpha() and len(w) >= 6})
    heads = sorted({w[: len(w) // 2 + 1] for w in vocab})
    tails = sorted({w[len(w) // 2 :] for w in vocab})
    return Streams({"en": en, "fr": fr, "zh": zh}, [min(n, 150) for n in lengths], heads, tails)


class Generator:
    def __init__(self, streams: Streams, novel_pool: int) -> None:
        self.s = streams
        self.novel_pool = max(novel_pool, 1000)

    def novel(self, rnd: random.Random) -> str:
        # Log-uniform over the pool: a few novel words are common, most are rare.
        k = int(self.novel_pool ** rnd.random()) - 1
        r = random.Random(k * 7919 + 17)
        word = r.choice(self.s.heads) + r.choice(self.s.tails)
        return word.capitalize() if k % 2 else word

    def passage(self, rnd: random.Random, lang: str) -> str:
        stream = self.s.words[lang]
        if lang == "zh":  # about two characters a word, runs of 4-20 characters
            target = 2 * max(8, rnd.choice(self.s.lengths))
            chars: list[str] = []
            while len(chars) < target:
                i = rnd.randrange(len(stream) - 20)
                chars.extend(stream[i : i + rnd.randint(4, 20)])
            return "".join(chars[:target]) + "。"
        target = max(8, rnd.choice(self.s.lengths))
        out: list[str] = []
        while len(out) < target:
            i = rnd.randrange(len(stream) - 12)
            out.extend(stream[i : i + rnd.randint(3, 12)])
            if rnd.random() < 0.25:
                out.append(self.novel(rnd))
        text = " ".join(out[:target])
        return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")

    def document(self, i: int) -> tuple[str, str, DocumentRecord]:
        rnd = random.Random(SEED * 1000003 + i)
        lang = "fr" if rnd.random() < FRENCH_SHARE else "en"
        if self.s.words.get("zh") and random.Random(i * 7 + 5).random() < ZH_SHARE:
            lang = "zh"
        n = rnd.randint(20, 50)
        paras = [Paragraph(j, self.passage(rnd, lang), "body") for j in range(n)]
        cites = []
        for p in paras:
            for m in _CITE.finditer(p.text):
                cites.append(
                    Citation(
                        f"S/RES/{m.group(1)} ({m.group(2)})",
                        surface=m.group(0),
                        body="SC",
                        start=m.start(),
                        end=m.end(),
                        paragraph=p.index,
                    )
                )
        symbol = f"S/{1990 + i % 35}/{10000 + i}"
        record = DocumentRecord(
            symbols=[symbol],
            kind="letter",
            language=lang,
            title=f"Generated letter {i}",
            paragraphs=paras,
            citations=cites,
        )
        return f"gen/{i:07d}.txt", f"{i:064x}", record

    def documents(self, start: int, passages: int) -> Iterator[tuple[str, str, DocumentRecord]]:
        """Documents from number `start` until they hold at least `passages` paragraphs."""
        i, n = start, 0
        while n < passages:
            doc = self.document(i)
            n += len(doc[2].paragraphs)
            i += 1
            yield doc

    def letter(self, words: int = 3000) -> DocumentRecord:
        """A long English letter for the summary timing."""
        rnd = random.Random(SEED + 3000)
        paras: list[Paragraph] = []
        n = 0
        while n < words:
            text = self.passage(rnd, "en")
            paras.append(Paragraph(len(paras), text, "body"))
            n += len(text.split())
        return DocumentRecord(
            symbols=["S/2099/3000"], kind="letter", language="en", paragraphs=paras
        )


# ---- queries ------------------------------------------------------------------------------

_KEYS = "abcdefghijklmnopqrstuvwxyz"
_LATIN = re.compile(r"[a-z0-9'’-]+")  # English and French queries (folded)


def typo(word: str, rnd: random.Random) -> str:
    i = rnd.randrange(len(word))
    op = rnd.choice(("sub", "del", "ins", "swap"))
    if op == "sub":
        return word[:i] + rnd.choice(_KEYS) + word[i + 1 :]
    if op == "del":
        return word[:i] + word[i + 1 :]
    if op == "ins":
        return word[:i] + rnd.choice(_KEYS) + word[i:]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def make_query(text: str, rnd: random.Random) -> dict[str, object] | None:
    """A user-shaped query cut from a passage: 2-6 words, 0-2 typos, accents dropped; in
    Chinese, 2-6 characters from inside a run."""
    if _HAN.search(text):
        runs = [r for r in re.findall(r"[\u4e00-\u9fff]{5,}", text)]
        if not runs:
            return None
        run = rnd.choice(runs)
        n = rnd.randint(2, min(6, len(run) - 2))
        start = rnd.randrange(1, len(run) - n)
        return {"query": run[start : start + n], "phrase": run[start : start + n], "typos": 0}
    words = [w for w in (fold(w).strip(".,;:()«»\"'’“”[]") for w in text.split()) if w]
    words = [w for w in words if re.fullmatch(r"[\w'’-]+", w)]
    size = rnd.randint(2, 6)
    if len(words) < size:
        return None
    start = rnd.randrange(len(words) - size + 1)
    phrase = words[start : start + size]
    # A phrase people would type starts and ends with a word that means something.
    while phrase and phrase[0] in STOPWORDS:
        phrase.pop(0)
    while phrase and phrase[-1] in STOPWORDS:
        phrase.pop()
    if len(phrase) < 2 or not all(_LATIN.fullmatch(w) for w in phrase):
        return None
    content = [
        i for i, w in enumerate(phrase) if w not in STOPWORDS and len(w) >= 4 and w.isalpha()
    ]
    if not content:
        return None
    query = list(phrase)
    n_typos = rnd.choices((0, 1, 2), weights=(4, 4, 2))[0]
    for i in rnd.sample(content, min(n_typos, len(content))):
        query[i] = typo(query[i], rnd)
    # Some users leave the little words out, most keep them.
    if rnd.random() < 0.3:
        query = [w for w in query if w not in STOPWORDS] or query
    return {"query": " ".join(query), "phrase": " ".join(phrase), "typos": n_typos}


def contains(passage: str, phrase: str) -> bool:
    """Relaxed relevance: the passage holds the phrase the query was cut from."""
    if _HAN.search(phrase):
        return phrase in passage
    return f" {' '.join(tokens(phrase))} " in f" {' '.join(tokens(passage))} "
