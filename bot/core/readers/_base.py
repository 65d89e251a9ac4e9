"""Shared pieces of the readers: the refusal exception, the result, a time budget."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

Reason = str  # one of REASONS

REASONS = frozenset(
    {
        "empty",
        "binary",
        "too_large",
        "encrypted",
        "no_text_layer",
        "corrupt",
        "unsupported_type",
        "bad_encoding",
        "zip_bomb",
        "timeout",
        "bad_name",
    }
)

# Used when a caller raises with a reason only, e.g. UnreadableDocument("bad_name").
_DEFAULT_MESSAGES = {
    "empty": "the file is empty",
    "binary": "the file is binary data, not a text document",
    "too_large": "the file is too large",
    "encrypted": "the document is password-protected (encrypted); remove the password and upload it again",
    "no_text_layer": "this PDF has no text layer (scanned); OCR is not supported",
    "corrupt": "the file is damaged or truncated and cannot be opened",
    "unsupported_type": "this type of file is not supported; upload .txt, .md, .pdf, .docx or .html",
    "bad_encoding": "the text encoding could not be determined; save the file as UTF-8 and upload it again",
    "zip_bomb": "the .docx expands to far more data than it holds (zip bomb); refusing to open it",
    "timeout": "reading the file took too long; it is too complex",
    "bad_name": "the file name is empty or invalid",
}


class UnreadableDocument(Exception):
    """A file we refuse to read. `str(e)` is a short message for the user; `reason` a code.

    Accepted forms: `UnreadableDocument("bad_name")` (default message),
    `UnreadableDocument("empty", "the file is empty")` and
    `UnreadableDocument("the file holds no paragraphs", reason="empty")`.
    """

    def __init__(
        self, reason_or_message: str, message: str | None = None, *, reason: Reason | None = None
    ) -> None:
        if reason is not None:
            if reason not in REASONS:
                raise ValueError(f"unknown reason {reason!r}")
            text: str | None = message or reason_or_message
        elif reason_or_message in REASONS:
            reason, text = reason_or_message, message
        else:  # a bare message: the most generic refusal
            reason, text = "corrupt", reason_or_message
        self.reason: Reason = reason
        self.message: str = text or _DEFAULT_MESSAGES[reason]
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"UnreadableDocument({self.reason!r}, {self.message!r})"

    def __reduce__(self):  # keep the reason across pickling (process pools)
        return (type(self), (self.reason, self.message))


@dataclass
class ReadResult:
    text: str
    format: str  # "txt", "md", "pdf", "docx", "html"
    pages: int | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


class Deadline:
    """A wall-clock budget checked between units of work (pages, DOM nodes)."""

    def __init__(self, seconds: float, what: str) -> None:
        self.seconds = seconds
        self.what = what
        self._end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise UnreadableDocument(
                "timeout",
                f"reading {self.what} took longer than {self.seconds:g} s; "
                "it is too large or complex to process",
            )


def human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"
