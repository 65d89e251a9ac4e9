-- The vocabulary per scope (the bundled corpus, each server): a server's find weighs words and
-- picks typo candidates from the corpus and its own uploads only, so one server's documents
-- neither show in nor change another's scores (bot/core/vocab_index.py). The typo index files
-- no keys for terms too long to be reached (quadratic in their length) nor for runs of scripts
-- written without spaces (a Chinese run is a clause, not a word). Store.open() refills all three
-- tables from the paragraphs (vocab_index.rebuild).
DROP TABLE vocab_del;
DROP TABLE vocab;
DROP TABLE vocab_stats;

CREATE TABLE vocab_scopes (
    id          INTEGER PRIMARY KEY,
    scope       TEXT NOT NULL UNIQUE,     -- documents.scope
    paragraphs  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE vocab (
    id    INTEGER PRIMARY KEY,
    sid   INTEGER NOT NULL,               -- vocab_scopes.id
    term  TEXT NOT NULL,
    df    INTEGER NOT NULL,               -- paragraphs of the scope holding the term
    UNIQUE (sid, term)
);

CREATE TABLE vocab_del (
    sid     INTEGER NOT NULL,             -- the term's scope, so a look-up stays in the visible ones
    key     TEXT NOT NULL,                -- the term, or the term with one character deleted
    term_id INTEGER NOT NULL,
    PRIMARY KEY (sid, key, term_id)
) WITHOUT ROWID;

CREATE TABLE vocab_stats (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO vocab_stats (name, value) VALUES ('ready', 0);
