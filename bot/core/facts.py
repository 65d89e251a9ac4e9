"""One fact of one document (`meta`): who signed it, when, to whom, under which agenda items,
what is annexed, whether it asks to be circulated, its symbol, language and kind."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.lexicon.words import ORGAN_NAMES, signed_markers
from bot.core.storage import StoredDocument, StoredParagraph

FIELDS = (
    "signatories",
    "date",
    "distributed",
    "sender",
    "addressees",
    "agenda",
    "annexes",
    "circulate",
    "symbol",
    "language",
    "kind",
)

_SIGNED = re.compile(rf"^\s*(?:\((?:{signed_markers()})\)|/-/)\s*(.+)$", re.IGNORECASE)
_ADDRESSED = re.compile(r"\baddressed to (?:the )?(.+?)(?:$|,| and the )", re.IGNORECASE)
_TRANSMIT = re.compile(r"\b(?:transmit|enclose|attach|annex)\w*\b", re.IGNORECASE)
BODY_NAMES = ORGAN_NAMES


@dataclass(slots=True)
class Fact:
    doc: StoredDocument
    field: str
    values: list[str] = dataclasses.field(
        default_factory=list
    )  # the answer; empty: not in the document
    details: list[str] = dataclasses.field(
        default_factory=list
    )  # what backs it (annex titles, a sentence)
    flag: bool | None = None  # yes/no questions (a request to circulate)


def fact(doc: StoredDocument, name: str, paragraphs: Sequence[StoredParagraph] = ()) -> Fact:
    rec = doc.record
    out = Fact(doc, name)
    if name == "signatories":
        out.values = list(rec.get("signatories") or [])
        annexed = [
            m.group(1).strip()
            for p in paragraphs
            if p.section == "annex"
            for m in [_SIGNED.match(p.text)]
            if m
        ]
        if annexed and (not out.values or set(annexed) - set(out.values)):
            out.details = annexed  # who signed what is annexed (an act, a statement)
            if not out.values:
                out.values = annexed
    elif name == "date":
        out.values = [
            v for v in (rec.get("letter_date") or rec.get("adoption_date") or doc.date,) if v
        ]
        if rec.get("distribution_date"):
            out.details = [rec["distribution_date"]]
    elif name == "distributed":
        out.values = [rec["distribution_date"]] if rec.get("distribution_date") else []
    elif name == "sender":
        sender = rec.get("sender") or {}
        who = ", ".join(v for v in (sender.get("role"), sender.get("entity")) if v)
        out.values = [who] if who else []
    elif name == "addressees":
        out.values = list(rec.get("addressees") or [])
        if not out.values:
            m = _ADDRESSED.search(doc.title or "")
            out.values = [m.group(1).strip()] if m else []
    elif name == "agenda":
        for b in rec.get("bodies") or []:
            items = b.get("agenda_items") or []
            if items:
                body = BODY_NAMES.get(b.get("body") or "", b.get("body") or "")
                session = f" ({b['session']})" if b.get("session") else ""
                out.values.extend(items)
                out.details.append(f"{body}{session}: " + ", ".join(items))
        if rec.get("subject"):
            out.details.append(rec["subject"])
    elif name == "annexes":
        for a in rec.get("annexes") or []:
            bits = [a.get(k) for k in ("title", "author", "date") if a.get(k)]
            if bits:
                out.values.append(" — ".join(bits))
        out.details = [
            p.text for p in paragraphs if p.section == "body" and _TRANSMIT.search(p.text)
        ][:2]
    elif name == "circulate":
        out.flag = bool(rec.get("request_to_circulate"))
        out.values = (
            [
                BODY_NAMES.get(b.get("body") or "", b.get("body") or "")
                for b in rec.get("bodies") or []
                if b.get("body")
            ]
            if out.flag
            else []
        )
    elif name == "symbol":
        out.values = list(doc.symbols) or [doc.file_stem]
    elif name == "language":
        out.values = list(
            dict.fromkeys(v for v in (doc.language, rec.get("original_language")) if v)
        )
    elif name == "kind":
        out.values = [doc.kind] if doc.kind else []
    return out
