"""Turning pdftotext / Markdown output of UN documents into clean lines.

`prepare` takes front matter, Markdown residue and page furniture (`furniture`) out and
locates the header layout (`layout`); `paragraphs` rebuilds paragraphs from the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.furniture import drop_furniture, own_symbol_line
from bot.core.layout import locate_header

# --- Markdown residue -------------------------------------------------------------------

_FRONT_MATTER_RE = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_LINK_RE = re.compile(r"\[([^\]\n]{0,300})\]\([^)\s]{0,300}\)")
_ESCAPE_RE = re.compile(r"\\([()\[\]*_#.\-!+`])")
_BOLD_RE = re.compile(
    r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S
)  # CommonMark: no space inside the markers
_ITALIC_RE = re.compile(r"(?<![*\w])\*(?=[^\s*\d])([^*\n]{1,200}?)(?<=[^\s*])\*(?![*\w])")
_HEADING_RE = re.compile(r"^#{1,6}[ \t]+", re.M)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML front matter (flat `key: value` pairs) and the text after it."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            meta[key.strip()] = value.strip().strip("\"'")
    return meta, text[m.end() :]


def strip_markdown(text: str) -> str:
    """Remove converter Markdown: links, escapes, bold/italic markers, heading hashes.

    A bold span that wraps over several lines is one heading: it is put on a line of its
    own so that later stages see its boundaries.
    """
    if "*" not in text and "\\" not in text and "](" not in text and "#" not in text:
        return text
    text = _LINK_RE.sub(r"\1", text)
    text = _ESCAPE_RE.sub(r"\1", text)
    text = _BOLD_RE.sub(lambda m: "\n" + " ".join(m.group(1).split()) + "\n", text)
    text = _ITALIC_RE.sub(r"\1", text)
    return _HEADING_RE.sub("", text)


# --- Prepared document ------------------------------------------------------------------


@dataclass(slots=True)
class Prepared:
    """A document's lines after cleaning, with what the layout stages need."""

    meta: dict[str, str]
    lines: list[str]  # stripped; "" for blank; at most one blank in a row
    width: int  # typical full line length in characters
    own_symbol: str | None = None
    header_end: int = 0  # index of the title's first line (or of the first body line)
    title_end: int = 0  # index after the title's last line
    masthead: set[int] = field(default_factory=set)  # indices of masthead lines


_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
# The same runs, but a lone " " (replaced by itself) left alone: far fewer replacements.
_SPACES_TO_FIX_RE = re.compile(
    r" [ \t\u00a0\u2000-\u200a\u202f\u3000]+|[\t\u00a0\u2000-\u200a\u202f\u3000][ \t\u00a0\u2000-\u200a\u202f\u3000]*"
)


def prepare(text: str) -> Prepared:
    """Front matter, Markdown and furniture out; header layout located."""
    meta, body = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    body = strip_markdown(body.replace("\f", "\n"))
    # The pattern never matches a newline: one pass over the body, not one per line.
    raw = [ln.strip() for ln in _SPACES_TO_FIX_RE.sub(" ", body).split("\n")]
    own = own_symbol_line(raw, meta)
    lines: list[str] = []
    for s in drop_furniture(raw, own):
        if s or (lines and lines[-1]):
            lines.append(s)
    while lines and not lines[-1]:
        lines.pop()
    prep = Prepared(meta=meta, lines=lines, width=_typical_width(lines), own_symbol=own)
    locate_header(prep)
    return prep


def _typical_width(lines: list[str]) -> int:
    lengths = sorted(len(s) for s in lines if len(s) >= 30)
    if len(lengths) < 5:
        return 90
    return lengths[int(len(lengths) * 0.9)]


def clean_text(text: str) -> str:
    """The document without Markdown residue and page furniture, one line per line."""
    return "\n".join(prepare(text).lines)
