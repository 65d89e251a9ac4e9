"""Rapporteur: UN documents in chat."""
