"""PostgreSQL as the store (RAPPORTEUR_DB=postgresql://...): see store.PgStore."""

from bot.core.pg.store import PgStore

__all__ = ["PgStore"]
