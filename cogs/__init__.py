"""discord.py extensions, one per area."""
