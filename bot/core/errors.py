"""Failures a user can cause, each with a short message meant to be shown as is."""

from __future__ import annotations

from typing import Any


class RapporteurError(Exception):
    """Base: str(error) is the user-facing message."""


class NotFound(RapporteurError):
    def __init__(self, message: str, suggestions: list[Any] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


class Ambiguous(RapporteurError):
    def __init__(self, message: str, candidates: list[Any]) -> None:
        super().__init__(message)
        self.candidates = candidates


class PermissionDenied(RapporteurError):
    pass


class BadInput(RapporteurError):
    pass
