"""What a message asks: `!commands` and plain-language mentions, in English and French.

The same parsing serves the terminal chat and Discord, so both answer alike.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from bot.core.textnorm import fold

COMMANDS = ("help", "docs", "doc", "summary", "resolutions", "find", "cites", "load", "remove")
ALIASES = {
    "aide": "help",
    "commands": "help",
    "list": "docs",
    "documents": "docs",
    "show": "doc",
    "open": "doc",
    "summarize": "summary",
    "summarise": "summary",
    "resume": "summary",
    "résumé": "summary",
    "sum": "summary",
    "res": "resolutions",
    "resolution": "resolutions",
    "résolutions": "resolutions",
    "search": "find",
    "cherche": "find",
    "chercher": "find",
    "citedby": "cites",
    "cite": "cites",
    "citent": "cites",
    "rm": "remove",
    "delete": "remove",
}


@dataclass(slots=True)
class Request:
    intent: str  # one of COMMANDS, or "unknown"
    ref: str | None = None  # a document reference
    query: str | None = None  # find words, or the resolution for `cites`, or docs filter words
    paths: list[str] = field(default_factory=list)
    lang: str = "en"  # language of the asker, for labels
    refers_back: bool = False  # "it", "this letter": the last document answered about
    error: str | None = None  # a malformed command, explained


_FR_HINTS = re.compile(
    r"\b(quel|quelle|quels|quelles|resume|fais|moi|cherche|trouve|ou|est|les|des|la|le|du|"
    r"lettre|qui|citent|liste|sont|tes|s'il|plait|passage sur|question)\b"
)


def guess_lang(text: str) -> str:
    t = fold(text)
    return "fr" if len(_FR_HINTS.findall(t)) >= 2 or re.search(r"[éèêàçù]", text) else "en"


def parse_command(text: str, prefix: str = "!") -> Request | None:
    """`!find ceasefire in S/2025/40` -> Request; None when the text is not a command."""
    text = text.strip()
    if not text.startswith(prefix):
        return None
    body = text[len(prefix) :].strip()
    if not body:
        return Request("help")
    name, _, rest = body.partition(" ")
    name = ALIASES.get(name.lower(), name.lower())
    rest = rest.strip()
    lang = guess_lang(rest) if rest else "en"
    if name not in COMMANDS:
        return Request("unknown", query=name, error=f"unknown command `{prefix}{name}`")
    if name == "help":
        return Request("help", lang=lang)
    if name == "docs":
        return Request("docs", query=rest, lang=lang)
    if name in ("doc", "summary", "resolutions", "remove"):
        if not rest:
            return Request(name, error=f"which document? e.g. `{prefix}{name} S/2025/40`")
        if name != "remove" and _PRONOUN.fullmatch(fold(rest).strip(" ?!.")):
            # `!resolutions it`: the last document answered about in this channel
            return Request(name, lang=lang, refers_back=True)
        return Request(name, ref=rest, lang=lang)
    if name == "find":
        query, within = split_within(rest)
        if not query:
            return Request(
                name, error=f"what should I look for? e.g. `{prefix}find ceasefire Gazakh`"
            )
        return Request("find", query=query, ref=within, lang=lang)
    if name == "cites":
        if not rest:
            return Request(name, error=f"which resolution? e.g. `{prefix}cites 1325 (2000)`")
        return Request("cites", query=rest, lang=lang)
    if name == "load":
        try:
            paths = shlex.split(rest)
        except ValueError as e:
            return Request(name, error=f"could not read the paths: {e}")
        return Request("load", paths=paths, lang=lang)
    return None


def split_within(text: str) -> tuple[str, str | None]:
    """`ceasefire violations in S/2025/40` -> ("ceasefire violations", "S/2025/40")."""
    m = re.search(r"\s+(?:in|dans)\s+(\S*/\S+.*|#?\d{1,4}|\"[^\"]+\")\s*$", text)
    if m:
        return text[: m.start()].strip(), m.group(1).strip().strip('"')
    return text.strip(), None


# ---- mentions in plain words ----------------------------------------------------------------

_RES_NUMBER = re.compile(
    r"(?:\b[SAE]/(?:HRC/)?RES/[\w/\-]+(?:\s*\([\dIVXL]+\))?)|(?:\b\d{1,4}\s*\(\d{4}\))|"
    r"(?:\b(?:resolution|résolution|resolutions|résolutions|unscr)\s+\d{1,4}(?:/\d{1,4})?"
    r"(?:\s*\(\d{4}\))?)",
    re.IGNORECASE,
)
_HELP = re.compile(
    r"^\W*(help|aide|commands?|commandes?|what can you do|que sais-tu faire|"
    r"quelles sont tes commandes|how do i use you|comment t'utiliser)\b"
)
_CITES = re.compile(
    r"\b(cite|cites|citing|cited by|refer|refers|mention|mentions|citent|mentionnent|"
    r"font reference|qui citent|evoquent|invoke)\b"
)
_CITES_SUBJECT = re.compile(
    r"\b(which|what|list|liste|quels?|quelles?|documents?|texts?|textes?|"
    r"letters?|lettres?)\b"
)
_RESOLUTIONS = re.compile(r"\b(resolutions?|unscrs?)\b")
_FIND = re.compile(
    r"^(?:.*?\b)?(?:find|search|look for|looking for|where (?:is|are|does)|which passage|passage|"
    r"cherche|trouve|recherche|ou est-il question|ou parle-t-on|ou est-ce qu'on parle)\b\s*"
)
_SUMMARY = re.compile(
    r"\b(summari[sz]e|summary|summaries|resume|resumer|tl;?dr|what'?s in|what is in|who wrote|"
    r"who sent|what did|gist|overview|synthese|de quoi parle|que dit|explain)\b"
)
_DOC = re.compile(r"\b(show|open|affiche|montre|display|full text|texte integral)\b")
_DOCS = re.compile(
    r"\b(list (?:the |all )?(?:documents|docs|letters)|which documents do you have|"
    r"liste des documents|quels documents)\b"
)
_PRONOUN = re.compile(
    r"\b(it|this|that|this letter|this document|cette lettre|ce document|"
    r"celle-ci|celui-ci|la|le)\b"
)
_FILLER = re.compile(
    r"\b(can|could|you|please|pls|me|the|a|an|of|for|about|by|in|from|cited|mentioned|"
    r"any|are|is|what|which|whats|what's|give|tell|list|show|do|does|did|it|s'il|te|plait|"
    r"fais|moi|un|une|de|des|du|la|le|les|l|par|cite|citees|cites|quelles|quels|sont|"
    r"dans|sur|resolutions?|resume|summari[sz]e|summary|tl;?dr|who|wrote|sent|send|"
    r"whats in|in|what's|resumer|dr|tl|of|letter|lettre|passage|on|qui|que|and|et|there|"
    r"to|is|refer|refers|mention|mentions)\b"
)


def parse_mention(text: str) -> Request:
    """A message addressed to the bot in plain words -> the matching Request."""
    raw = re.sub(r"<@!?\d+>|@Rapporteur\b", " ", text, flags=re.IGNORECASE).strip()
    lang = guess_lang(raw)
    if raw.startswith("!"):
        cmd = parse_command(raw)
        if cmd is not None:
            return cmd
    t = fold(raw).strip()
    if not t or _HELP.search(t):
        return Request("help", lang=lang)
    res = _RES_NUMBER.search(raw)
    # A resolution named with "cite"/"refer" (or a "which documents" subject) asks who cites it.
    if res and (_CITES.search(t) or _CITES_SUBJECT.search(t)):
        return Request("cites", query=res.group(0), lang=lang)
    find = _FIND.search(t)
    if find and not _SUMMARY.search(t[: find.start()]):
        query = _strip_find_words(raw[find.end() :] if len(raw) == len(t) else t[find.end() :])
        query, within = split_within(query)
        if query:
            return Request("find", query=query, ref=within, lang=lang)
    if _DOCS.search(t):
        return Request("docs", query="", lang=lang)
    if _RESOLUTIONS.search(t) and not res:
        return _with_ref(Request("resolutions", lang=lang), raw)
    if _SUMMARY.search(t):
        return _with_ref(Request("summary", lang=lang), raw)
    if _DOC.search(t):
        return _with_ref(Request("doc", lang=lang), raw)
    # Naming a document alone asks what it is; anything else is a search.
    req = _with_ref(Request("summary", lang=lang), raw)
    if req.ref and _SYMBOL_IN_TEXT.search(raw):
        return req
    return Request("find", query=raw.strip(" ?!."), lang=lang)


_SYMBOL_IN_TEXT = re.compile(r"\b[A-Z]{1,4}(?:/[A-Z0-9.\-]+){2,}\b", re.IGNORECASE)


def _with_ref(req: Request, raw: str) -> Request:
    sym = _SYMBOL_IN_TEXT.search(raw)
    if sym and "/RES/" not in sym.group(0).upper():
        req.ref = sym.group(0).rstrip(".,;:?!")
        return req
    words = _FILLER.sub(" ", fold(raw))
    words = re.sub(r"[?!.,;:«»\"“”]", " ", words)
    words = re.sub(r"\b(l|d|qu|s)'|'", " ", words)
    words = " ".join(w for w in words.split() if len(w) > 1 or w.isdigit())
    if not words or (_PRONOUN.fullmatch(words.strip())):
        req.refers_back = True
        req.ref = None
    else:
        req.ref = words
    return req


def _strip_find_words(text: str) -> str:
    text = re.sub(
        r"^(?:the |a |for |le |la |les |un |une )?(?:passages? |paragraphs? )?"
        r"(?:about |on |sur |concernant |where |qui parle de |mentioning |that mentions )?"
        r"(?:the |le |la |les |l'|des |du )?",
        "",
        text.strip(),
        flags=re.IGNORECASE,
    )
    return text.strip(" ?!.")
