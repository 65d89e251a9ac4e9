"""Cited resolutions. (Placeholder signature; the real extractor replaces this.)"""

from __future__ import annotations

from bot.core.models import Citation


def extract_citations(text: str, lang: str | None = None) -> list[Citation]:
    raise NotImplementedError
