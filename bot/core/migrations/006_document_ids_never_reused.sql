-- Document ids are never reused. A channel's "it" and a reply to one of the bot's answers keep
-- a document's id; with a plain INTEGER PRIMARY KEY, removing the newest document let the next
-- upload, from any server, take its id, and the old reference then named that upload.
-- AUTOINCREMENT keeps the highest id ever used (sqlite_sequence). SQLite cannot add it to a
-- table in place, so `documents` is rebuilt with the same rows and ids (Store._migrate turns
-- foreign keys off meanwhile, so paragraphs, citations and symbols keep pointing at them).
-- Ids removed before this migration above today's highest cannot be known; nothing keeps
-- references across a restart (answers and "it" live in memory), so none can be misread.
CREATE TABLE documents_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    scope       TEXT NOT NULL,
    source      TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    symbols     TEXT NOT NULL,
    title       TEXT,
    kind        TEXT NOT NULL,
    language    TEXT,
    date        TEXT,
    record      TEXT NOT NULL,
    search_text TEXT NOT NULL,
    loaded_by   TEXT,
    loaded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (scope, source)
);
INSERT INTO documents_new (id, scope, source, sha256, symbols, title, kind, language, date,
    record, search_text, loaded_by, loaded_at)
SELECT id, scope, source, sha256, symbols, title, kind, language, date,
    record, search_text, loaded_by, loaded_at FROM documents ORDER BY id;
DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;
