-- Per-server settings in the store, not in guild_settings.json beside the database: every
-- process of a sharded bot (and a PostgreSQL store) sees them. mod_roles is a JSON list of the
-- role names a server added with `!modrole add`. The JSON file, when one exists, is imported
-- once at start-up by the Discord front end (bot/discord/moderators.py).
CREATE TABLE guild_settings (
    guild_id TEXT PRIMARY KEY,
    mod_roles TEXT NOT NULL
);
