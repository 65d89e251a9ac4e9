-- The vocabulary index (bot/core/vocab_index.py): terms with paragraph frequencies, and each
-- term's one-deletion keys for typo-tolerant lookup. Kept in the same transactions as paragraphs.
CREATE TABLE vocab (
    id    INTEGER PRIMARY KEY,
    term  TEXT NOT NULL UNIQUE,
    df    INTEGER NOT NULL                -- paragraphs holding the term
);

CREATE TABLE vocab_del (
    key     TEXT NOT NULL,                -- the term, or the term with one character deleted
    term_id INTEGER NOT NULL,
    PRIMARY KEY (key, term_id)
) WITHOUT ROWID;

CREATE TABLE vocab_stats (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
-- 'ready' = 0: the paragraphs predate the index; Store.open() rebuilds it once.
INSERT INTO vocab_stats (name, value) VALUES ('paragraphs', 0), ('ready', 0);
