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
    """2-4 sentences that say what the document is about, in document order.

    A long report is summed up by what it concludes or recommends (its observations,
    conclusions, recommendations, decisions), found through its section headings; a key
    sentence that ends in a colon brings the list it introduces. Sentences are never cut:
    fitting them on a screen is the renderer's job."""
    body = [p for p in paragraphs if p.section in ("body", "annex")]
    # A covering letter's annex may hold someone else's recommendations: only the
    # document's own body counts.
    concluding = concluding_paragraphs([p for p in body if p.section == "body"])
    if concluding:
        points = _pick(concluding, limit, conclusions=True)
        if points:
            return [_with_list(pt, body) for pt in points]
    return [_with_list(pt, body) for pt in _pick(body, limit)]


def _pick(body: Sequence[Paragraph], limit: int, conclusions: bool = False) -> list[str]:
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
        if conclusions:
            # A recommendation's lead-in ("I recommend that:") brings its list; an item alone
            # is only one of several.
            lead += 0.5 if s.endswith(":") else (-0.6 if _LIST_ITEM.match(s) else 0.0)
        scored.append((centrality + cue + proc + lead, pos, s))
    want = 2 if n <= 6 else (3 if n <= 60 else 4)
    want = min(want, limit + 1)
    ranked, seen = [], set()
    for item in sorted(scored, key=lambda x: -x[0]):
        key = fold(item[2])[:60]
        if key not in seen:  # a summary box and the introduction often say it twice
            seen.add(key)
            ranked.append(item)
    chosen = sorted(ranked[:want], key=lambda x: x[1])
    return [" ".join(s.split()) for _, _, s in chosen]


# --- long documents: structure, conclusions, lists ------------------------------------------

# Section headings under which a document says what it concludes or asks for, one entry per
# language (matched on the folded heading, after its number).
CONCLUDING_HEADINGS = {
    "en": (
        "observations", "conclusions", "conclusion", "recommendations", "recommendation",
        "conclusions and recommendations", "observations and recommendations",
        "elements of a decision", "elements of a draft decision", "decisions", "decision",
        "recommended action", "action to be taken", "actions to be taken", "way forward",
        "the way forward", "concluding remarks", "key findings", "summary of recommendations",
    ),
    "fr": (
        "observations", "conclusions", "recommandations", "conclusions et recommandations",
        "elements de decision", "decisions", "voie a suivre",
    ),
    "es": (
        "observaciones", "conclusiones", "recomendaciones", "conclusiones y recomendaciones",
        "elementos de una decision", "decisiones", "camino a seguir",
    ),
}  # fmt: skip
_CONCLUDING = frozenset(h for words in CONCLUDING_HEADINGS.values() for h in words)
_SECTION_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})\.\s+")
_TOP_HEADING = re.compile(r"^(?:[IVX]{1,6}\.\s+\S.{0,150}|Annex(?:es)?\b.{0,80})$")
_LIST_ITEM = re.compile(r"^(?:\(?[a-z]{1,4}\)|\(?[ivx]{1,5}\)|\d{1,2}\)|[•▪●◦\-–])\s")


def outline(paragraphs: Sequence[Paragraph]) -> list[str]:
    """The document's top-level sections (`I. Introduction`, ..., `Annex I`), the table of
    contents as the text itself lays it out."""
    return [p.text for p in paragraphs if _is_heading(p.text) and _TOP_HEADING.match(p.text)]


CONTENTS_MIN = 3  # fewer top-level sections: no "Contents" worth showing
CONTENTS_MAX = 15
_HEADING_MARK = re.compile(r"(?<=[a-z)])\d{1,3}$")  # "Darfur46": a footnote mark, glued


def contents(paragraphs: Sequence[Paragraph]) -> list[str]:
    """The outline as a summary shows it: the top-level sections of a long report, without
    the printed table of contents' dotted runs, page numbers or footnote marks; [] when the
    document has fewer than CONTENTS_MIN of them."""
    out: dict[str, None] = {}
    for heading in outline(paragraphs):
        if "..." in heading or "…" in heading:
            continue  # a line of the printed table of contents ("... 71 iv")
        out.setdefault(_HEADING_MARK.sub("", " ".join(heading.split())), None)
    return list(out)[:CONTENTS_MAX] if len(out) >= CONTENTS_MIN else []


def _is_heading(text: str) -> bool:
    return (
        len(text) <= 160 and not text.rstrip().endswith((".", ";", ":", ",")) and "...." not in text
    )


def concluding_paragraphs(body: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs under the concluding headings, each up to the next heading of its
    level or higher; [] when the document has none."""
    out: list[Paragraph] = []
    inside = False
    level = ""
    for p in body:
        text = p.text.strip()
        if _is_heading(text):
            name = fold(_SECTION_NUMBER.sub("", text)).strip(" *")
            number = _SECTION_NUMBER.match(text)
            kind = _level(number.group(0) if number else "")
            if name in _CONCLUDING:
                inside, level = True, kind
                continue
            if inside and (_TOP_HEADING.match(text) or kind <= level):
                inside = False
            continue
        if inside:
            out.append(p)
    return out


def _level(number: str) -> str:
    """Sort key of a heading's number: roman (top) < capital letter < none."""
    n = number.strip().rstrip(".")
    if n and all(c in "IVXLC" for c in n) and len(n) > 0 and n not in ("C", "D", "L"):
        return "0"
    if len(n) == 1 and n.isupper():
        return "1"
    return "2"


def _with_list(point: str, body: Sequence[Paragraph]) -> str:
    """A sentence ending in a colon brings the items that follow it (`(a) ...`, `• ...`)."""
    if not point.endswith(":"):
        return point
    for k, p in enumerate(body):
        if point not in " ".join(p.text.split()):
            continue
        after = " ".join(p.text.split()).split(point, 1)[1].strip()
        items = [after] if after else []
        for q in body[k + 1 : k + 9]:
            if not _LIST_ITEM.match(q.text) and not (items == [] and q.text[:1].islower()):
                break
            items.append(" ".join(q.text.split()))
        return "\n".join([point, *items]) if items else point
    return point
