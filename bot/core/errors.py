"""Failures a user can cause, each with a short message meant to be shown as is."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
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


class StoreError(RapporteurError):
    """The database cannot be used. str() is safe to show anyone; `operator` adds the file
    and what to do, for the command line and the log."""

    def __init__(self, message: str, operator: str | None = None) -> None:
        super().__init__(message)
        self.operator = operator or message


class NotADatabase(StoreError):
    pass


class SchemaTooNew(StoreError):
    pass


class CannotWrite(StoreError):
    pass


class DatabaseBusy(StoreError):
    pass


class DiskFull(StoreError):
    pass


def database_error(
    e: BaseException, path: str, nothing: str = "nothing was changed"
) -> StoreError | None:
    """What a failure of SQLite or of the file system means for whoever runs the bot, with
    what to do; None when it is none of these. `nothing`: what the failure left undone."""
    if isinstance(e, StoreError):
        return e
    cannot_write = "the database cannot be written"
    if isinstance(e, OSError):  # making the database's folder, or a file beside it
        return CannotWrite(
            cannot_write,
            f"cannot create {e.filename or Path(path).parent} ({e.strerror or e}); make its "
            "folder writable or set RAPPORTEUR_DB to a writable place",
        )
    if not isinstance(e, sqlite3.Error):
        return None
    code = getattr(e, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_NOTADB:
        return NotADatabase(
            "the database file is not a database",
            f"{path} is not a Rapporteur database ({e}); move it away or set RAPPORTEUR_DB",
        )
    if code == sqlite3.SQLITE_CORRUPT:
        return NotADatabase(
            "the database file is damaged",
            f"{path} is damaged ({e}); move it away (a new one is made) or restore a backup,"
            " or set RAPPORTEUR_DB",
        )
    if code == sqlite3.SQLITE_FULL:
        return DiskFull(
            f"disk full: the database could not grow, so {nothing}; free some space and retry",
            f"disk full: {path} could not grow ({e}), so {nothing}; free some space and retry",
        )
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseBusy(
            f"the database is busy with another program, so {nothing}; try again later",
            f"another Rapporteur process is using {path} and kept it locked, so {nothing}; "
            "stop it or set RAPPORTEUR_DB to another database",
        )
    read_only = not os.access(Path(path).parent, os.W_OK)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM) or (
        code == sqlite3.SQLITE_IOERR and read_only
    ):
        where = f"{path} or its folder" + (" (read-only)" if read_only else "")
        return CannotWrite(
            cannot_write,
            f"cannot write {where}: {e}; make them writable or set RAPPORTEUR_DB "
            "to a writable place",
        )
    return None
