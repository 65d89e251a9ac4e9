"""Key sentences of a document, taken from its own text in its own language (extractive)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bot.core.models import Paragraph
from bot.core.textnorm import content_tokens, fold

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[«“\"(]?[A-ZÀ-ÖØ-Þ0-9])")

# Verbs that carry what a letter or resolution does (folded, so accents do not matter).
_CUES = re.compile(
    r"\b(honou?r to|transmit|enclos|attach|request|urge|call(s|ed)? (up)?on|condemn|demand|decide|"
    r"reaffirm|express|welcome|strongly|reject|protest|inform|draw your attention|"
    r"honneur de|faire tenir|transmet|demand|exhort|condamn|appel|decide|prie|reaffirm|"
    r"exprim|rejet|informer)",
)
# Procedural sentences the structured record already states.
_PROCEDURAL = re.compile(
    r"(grateful if|would appreciate|circulated? (as|the)|distribu|faire distribuer|"
    r"serais oblige|obliged if|accept.{0,40}assurances|highest consideration|"
    r"tres haute consideration|has the honour to refer to|"
    r"honou?r to write to you upon instructions from [\w ]{0,40}\.$)",
)


_ENDS = (".", "!", "?", ";", ":", "…", ",")  # "," ends a resolution's preambular clause
_FOOTNOTE_MARK = re.compile(r"(?<=[.!?;:)])[*†\d]{1,3}$")
_LEADERS = re.compile(r"\.{5,}|…{3,}|_{5,}|-{5,}")
# A resolution's operative clauses ("1. Decides ...") say what it does; its preamble recalls.
_OPERATIVE = re.compile(
    r"^(?:\d{1,3}\.\s+)?(?:Also |Further |Strongly )?(?:Decides|Demands|Condemns|Calls|Requests|Urges|"
    r"Authorizes|Authorises|Encourages|Welcomes|Endorses|Reaffirms|Expresses|Declares|Affirms|"
    r"Approves|Adopts|Proclaims|Décide|Exige|Condamne|Demande|Prie|Engage|Exhorte|Autorise|"
    r"Proclame|Déclare|Affirme|Réaffirme|Se félicite)\b"
)
_PREAMBULAR = re.compile(r"^(?:[A-Z][a-z]+ing|[A-Z][a-z]+ed|[A-ZÉ][a-zé]+ant)\b")
# What a covering letter transmits: always worth saying first.
_TRANSMITS = re.compile(
    r"(honou?r to (transmit|enclose|submit|forward|attach|convey)|herewith|"
    r"faire tenir|transmettre ci-joint|ci-joint|adjunto|tengo el honor de transmitir)"
)


# A full stop after these is not the end of a sentence ("M. Antonio Guterres", "No. 5").
_ABBREVIATIONS = frozenset(
    [
        "m",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "nos",
        "art",
        "arts",
        "para",
        "paras",
        "p",
        "pp",
        "vol",
        "mme",
        "mm",
        "h.e",
        "e.g",
        "i.e",
        "cf",
        "etc",
        "op",
        "sr",
        "jr",
        "gen",
    ]
)


def split_sentences(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()].rsplit(None, 1)
        last = before[-1].rstrip(".").lower() if before else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue  # an abbreviation or an initial, not a full stop
        out.append(text[start : m.start()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def key_sentences(paragraphs: Sequence[Paragraph], limit: int = 3) -> list[str]:
    """2-4 sentences that say what the document is about, in document order."""
    body = [p for p in paragraphs if p.section in ("body", "annex")]
    sentences: list[tuple[int, str]] = []
    for p in body:
        for s in split_sentences(p.text):
            s = _FOOTNOTE_MARK.sub("", s).lstrip("•▪●◦-–— ")
            # Headings (no closing punctuation) are in the record already, and a table of
            # contents is not a sentence; keep real sentences.
            if (
                40 <= len(s) <= 1500
                and not s.isupper()
                and s.rstrip("»”\"')").endswith(_ENDS)
                and not _LEADERS.search(s)
            ):
                sentences.append((len(sentences), s))
    if not sentences:
        return []
    freq: Counter[str] = Counter()
    for _, s in sentences:
        freq.update(set(content_tokens(s)))
    top = max(freq.values(), default=1)
    scored = []
    n = len(sentences)
    for pos, s in sentences:
        folded = fold(s)
        words = content_tokens(s)
        if not words:
            continue
        centrality = sum(freq[w] for w in set(words)) / (len(set(words)) * top) if words else 0
        cue = 0.35 if _CUES.search(folded) else 0.0
        proc = -1.0 if _PROCEDURAL.search(folded) else 0.0
        lead = 0.3 if pos < 2 else (0.1 if pos < max(3, n // 10) else 0.0)
        if _OPERATIVE.match(s):
            lead += 0.5
        elif _PREAMBULAR.match(s) and s.endswith(","):
            lead = -0.2
        if pos < 5 and _TRANSMITS.search(folded):
            lead += 2.0  # "I have the honour to transmit ..." says what the letter is
        scored.append((centrality + cue + proc + lead, pos, s))
    want = 2 if n <= 6 else (3 if n <= 60 else 4)
    want = min(want, limit + 1)
    chosen = sorted(sorted(scored, key=lambda x: -x[0])[:want], key=lambda x: x[1])
    return [_trim(s) for _, _, s in chosen]


def _trim(sentence: str, limit: int = 400) -> str:
    sentence = " ".join(sentence.split())
    if len(sentence) <= limit:
        return sentence
    cut = sentence.rfind(" ", 0, limit - 1)
    return sentence[: cut if cut > 0 else limit - 1] + "…"
