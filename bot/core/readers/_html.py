"""HTML to text with selectolax (lexbor): visible text, one block element per paragraph."""

from __future__ import annotations

import re
from typing import Any

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
# Other shapes lexbor parses in quadratic time, bounded by one linear pre-scan (real pages stay
# orders of magnitude below): elements left open (inline tags nest: each distinct <b id=n> is
# compared with every open one), end tags that match nothing (each walks the open elements),
# long <option> runs in one <select>, and attribute floods (each attribute is compared with the
# element's others). The reading process's wall-clock kill stays the backstop for the rest.
MAX_ELEMENT_DEPTH = 1000
MAX_STRAY_END_COST = 20_000_000  # open elements walked by end tags that match nothing
MAX_OPTIONS_PER_SELECT = 2000
MAX_ATTRIBUTES_PER_TAG = 256
MAX_TAGS = 1_000_000
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})([^<>]*)>")
_ATTR_RE = re.compile(r"""[^\s=/"'>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")
_VOID = frozenset(
    [
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Start tags that close an open element of the same name, unless one of these is nearer.
_MARKERS = frozenset(["td", "th", "caption", "table", "object", "marquee", "applet", "template"])
_CLOSES_SAME = {
    "a": _MARKERS,  # the adoption agency closes an open <a> first
    "nobr": _MARKERS,
    "button": frozenset(["object", "marquee", "applet", "template", "table"]),
    "p": frozenset(
        ["button", "table", "td", "th", "caption", "object", "marquee", "applet", "template"]
    ),
    "li": frozenset(["ul", "ol", "menu"]),
    "dt": frozenset(["dl"]),
    "dd": frozenset(["dl"]),
    "option": frozenset(["select", "datalist", "optgroup"]),
    "optgroup": frozenset(["select"]),
    "tr": frozenset(["table", "tbody", "thead", "tfoot"]),
    "td": frozenset(["tr", "table"]),
    "th": frozenset(["tr", "table"]),
    "tbody": frozenset(["table"]),
    "thead": frozenset(["table"]),
    "tfoot": frozenset(["table"]),
}


def html_to_text(html: str, *, budget_s: float) -> str:
    from selectolax.lexbor import LexborHTMLParser

    deadline = Deadline(budget_s, "this HTML page")
    _refuse_deep_nesting(html)
    _refuse_quadratic_shapes(html)
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


def _too_complex(what: str) -> UnreadableDocument:
    return UnreadableDocument(
        "timeout", f"this HTML page {what}; it is too complex to process in time"
    )


class _OpenElements:
    """The parser's stack of open elements, approximately, in O(1) per tag: positions of each
    name, so that an end tag pops down to its element and a stray one is seen at once."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.where: dict[str, list[int]] = {}

    def last(self, name: str) -> int:
        at = self.where.get(name)
        return at[-1] if at else -1

    def push(self, name: str) -> None:
        self.where.setdefault(name, []).append(len(self.names))
        self.names.append(name)

    def pop_to(self, index: int) -> None:
        while len(self.names) > index:
            self.where[self.names.pop()].pop()


def _refuse_quadratic_shapes(html: str) -> None:
    """One linear pass over the tags; refuse the shapes that make the parser quadratic."""
    stack = _OpenElements()
    stray_cost = tags = options = 0
    for match in _TAG_RE.finditer(html):
        tags += 1
        if tags > MAX_TAGS:
            raise _too_complex(f"has more than {MAX_TAGS:,} tags")
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if len(rest) > 2 * MAX_ATTRIBUTES_PER_TAG and (
            len(_ATTR_RE.findall(rest)) > MAX_ATTRIBUTES_PER_TAG
        ):
            raise _too_complex(f"has a tag with more than {MAX_ATTRIBUTES_PER_TAG} attributes")
        if name in _VOID:
            continue
        if closing:
            at = stack.last(name)
            if at >= 0:
                stack.pop_to(at)
            else:  # matches nothing: the parser walks the open elements for it
                stray_cost += len(stack.names)
                if stray_cost > MAX_STRAY_END_COST:
                    raise _too_complex("has too many end tags that close nothing")
            continue
        if name == "select":
            options = 0
        elif name == "option":
            options += 1
            if options > MAX_OPTIONS_PER_SELECT and stack.last("select") >= 0:
                raise _too_complex(f"has more than {MAX_OPTIONS_PER_SELECT} options in a list")
        bounds = _CLOSES_SAME.get(name)
        if bounds is not None:
            at = stack.last(name)
            if at >= 0 and all(stack.last(b) < at for b in bounds):
                stack.pop_to(at)
        stack.push(name)
        if len(stack.names) > MAX_ELEMENT_DEPTH:
            raise _too_complex(f"leaves more than {MAX_ELEMENT_DEPTH} elements open at once")


def _walk(root, deadline: Deadline) -> list[str]:
    """Depth-first, with an explicit stack: hostile nesting cannot hit the recursion limit."""
    parts: list[str] = []
    stack: list[tuple[Any, bool, bool]] = [(root, False, False)]  # node, closing, in <pre>
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
