-- Rapporteur's PostgreSQL schema: the same tables as the SQLite store's (bot/core/migrations),
-- with a tsvector per paragraph in place of FTS5. Text that is compared or ordered is in the "C"
-- collation (code point order, as SQLite's BINARY), so listings and prefix look-ups agree with
-- SQLite whatever the database's locale.
CREATE TABLE documents (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- never reused
    scope       text COLLATE "C" NOT NULL,
    source      text COLLATE "C" NOT NULL,
    sha256      text NOT NULL,
    symbols     text NOT NULL,            -- JSON list, as in SQLite
    title       text,
    kind        text NOT NULL,
    language    text,
    date        text COLLATE "C",
    record      text NOT NULL,            -- JSON of the record without paragraphs
    search_text text NOT NULL,
    loaded_by   text,
    loaded_at   text NOT NULL
        DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    UNIQUE (scope, source)                -- two processes loading one file cannot double it
);

CREATE TABLE doc_symbols (
    key    text COLLATE "C" NOT NULL,
    doc_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, doc_id)
);
CREATE INDEX doc_symbols_doc ON doc_symbols(doc_id);

-- tsv: the paragraph's terms as bot.core.vocab_index.fold_text makes them (the function the
-- SQLite index and the vocabulary use), with positions, so both stores see the same tokens.
-- scope: its document's, so a find reads one table (no join the planner could start from the
-- documents side and walk every paragraph).
CREATE TABLE paragraphs (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id  bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    scope   text COLLATE "C" NOT NULL,
    idx     integer NOT NULL,
    section text NOT NULL,
    text    text NOT NULL,
    tsv     tsvector NOT NULL
);
CREATE INDEX paragraphs_doc ON paragraphs(doc_id, idx);
CREATE INDEX paragraphs_tsv ON paragraphs USING gin (tsv);

CREATE TABLE citations (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- the order they were read
    doc_id        bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    symbol        text COLLATE "C" NOT NULL,
    kind          text NOT NULL,
    body          text NOT NULL,
    paragraph     integer,
    surface       text NOT NULL,
    year_inferred integer NOT NULL DEFAULT 0
);
CREATE INDEX citations_symbol ON citations(symbol);
CREATE INDEX citations_doc ON citations(doc_id);

-- The vocabulary index, per scope (see bot/core/vocab_index.py).
CREATE TABLE vocab_scopes (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope       text COLLATE "C" NOT NULL UNIQUE,
    paragraphs  integer NOT NULL DEFAULT 0
);

CREATE TABLE vocab (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sid   integer NOT NULL,
    term  text COLLATE "C" NOT NULL,
    df    integer NOT NULL,
    UNIQUE (sid, term)
);
CREATE INDEX vocab_term ON vocab(term);

CREATE TABLE vocab_del (
    sid     integer NOT NULL,
    key     text COLLATE "C" NOT NULL,
    term_id bigint NOT NULL,
    PRIMARY KEY (sid, key, term_id)
);

-- Moderator roles per Discord server: a JSON list of role names.
CREATE TABLE guild_settings (
    guild_id  text PRIMARY KEY,
    mod_roles text NOT NULL
);

-- 'generation' is bumped in every write transaction: each process reads it before using its
-- caches, so one process sees another's loads and removals at once.
CREATE TABLE store_meta (
    name  text PRIMARY KEY,
    value bigint NOT NULL
);
INSERT INTO store_meta (name, value) VALUES ('generation', 0);
