"""HTML to text with selectolax (lexbor): visible text, one block element per paragraph."""

from __future__ import annotations

import re

from ._base import Deadline, UnreadableDocument

# Elements whose content is not the document's text.
_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "iframe",
    "object",
    "svg",
    "canvas",
    "button",
    "select",
    "head",
)
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "body",
        "html",
    ]
)
_SPACES_RE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_BLANK_LINES_RE = re.compile(r"\n{3,}")
_RUN_OF_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_PARAGRAPH = "\n\n"
_CHECK_EVERY = 4096  # nodes between time-budget checks
# lexbor scans the whole open-element stack for each of these start tags ("close a p
# element in button scope"), so parsing is quadratic in their nesting: 200,000 nested
# <div> take minutes. Real pages nest them a few dozen deep.
_SCOPE_SCANNING_RE = re.compile(
    r"<(/?)(?:div|ul|ol|dl|section|article|aside|blockquote|center|details|dialog|dir|"
    r"fieldset|figcaption|figure|footer|header|hgroup|main|menu|nav|summary|form|pre|"
    r"h[1-6])(?=[\s/>])",
    re.IGNORECASE,
)
MAX_BLOCK_DEPTH = 1000


def html_to_text(html: str, *, budget_s: float) -> str:
    from selectolax.lexbor import LexborHTMLParser

    deadline = Deadline(budget_s, "this HTML page")
    _refuse_deep_nesting(html)
    tree = LexborHTMLParser(html)
    tree.strip_tags(list(_DROP))
    root = tree.body or tree.root
    if root is None:
        return ""
    return _tidy("".join(_walk(root, deadline)))


def _refuse_deep_nesting(html: str) -> None:
    """One linear pass over block tags; refuse before the parser goes quadratic."""
    depth = deepest = 0
    for match in _SCOPE_SCANNING_RE.finditer(html):
        depth = max(depth - 1, 0) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
        if deepest > MAX_BLOCK_DEPTH:
            raise UnreadableDocument(
                "timeout",
                f"this HTML nests block elements more than {MAX_BLOCK_DEPTH} deep; "
                "it is too complex to process in time",
            )


def _walk(root, deadline: Deadline) -> list[str]:
    """Depth-first, with an explicit stack: hostile nesting cannot hit the recursion limit."""
    parts: list[str] = []
    stack: list[tuple[object, bool, bool]] = [(root, False, False)]  # node, closing, in <pre>
    seen = 0
    while stack:
        node, closing, in_pre = stack.pop()
        if closing:
            parts.append(_PARAGRAPH)
            continue
        seen += 1
        if seen % _CHECK_EVERY == 0:
            deadline.check()
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            parts.append(text if in_pre else _SPACES_RE.sub(" ", text))
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if tag.startswith("-") or "hidden" in (node.attributes or {}):
            continue  # comments, doctype; elements the page itself hides
        block = tag in _BLOCKS
        if block:
            parts.append(_PARAGRAPH)
            stack.append((node, True, in_pre))
        child_pre = in_pre or tag == "pre"
        children = list(node.iter(include_text=True))
        stack.extend((child, False, child_pre) for child in reversed(children))
    return parts


def _tidy(text: str) -> str:
    lines = [_RUN_OF_SPACES_RE.sub(" ", line).strip(" ") for line in text.split("\n")]
    return _BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"
