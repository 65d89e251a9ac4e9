-- Documents, their paragraphs, their citations; FTS5 over paragraphs.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    scope       TEXT NOT NULL,            -- 'corpus' (bundled, visible everywhere) or 'guild:<id>'
    source      TEXT NOT NULL,            -- file name or path it was loaded from
    sha256      TEXT NOT NULL,            -- of the raw bytes: unchanged files are not parsed again
    symbols     TEXT NOT NULL,            -- JSON list
    title       TEXT,
    kind        TEXT NOT NULL,
    language    TEXT,
    date        TEXT,                     -- ISO date: letter, distribution or adoption
    record      TEXT NOT NULL,            -- JSON of the structured record (without paragraphs)
    search_text TEXT NOT NULL,            -- words people use to name it: title, sender, symbols, date
    loaded_by   TEXT,
    loaded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (scope, source)
);

CREATE TABLE doc_symbols (
    key    TEXT NOT NULL,                 -- symbols.symbol_key(): upper case, no spaces
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, doc_id)
) WITHOUT ROWID;

CREATE TABLE paragraphs (
    id      INTEGER PRIMARY KEY,
    doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    section TEXT NOT NULL,
    text    TEXT NOT NULL
);
CREATE INDEX paragraphs_doc ON paragraphs(doc_id, idx);

CREATE TABLE citations (
    doc_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    symbol        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    body          TEXT NOT NULL,
    paragraph     INTEGER,
    surface       TEXT NOT NULL,
    year_inferred INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX citations_symbol ON citations(symbol);
CREATE INDEX citations_doc ON citations(doc_id);

-- External-content FTS5: the text lives once, in paragraphs.
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text, content='paragraphs', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIRTUAL TABLE paragraphs_vocab USING fts5vocab(paragraphs_fts, 'row');
