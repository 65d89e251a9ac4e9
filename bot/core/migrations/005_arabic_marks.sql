-- Arabic vowel marks (fathatan to sukun, U+064B-U+0652, and the superscript alef U+0670) and the
-- tatweel (U+0640, which stretches a word) do not change a word, but FTS5's unicode61 tokenizer splits
-- words at the marks and keeps the tatweel: ويُقرِّر was indexed as وي + قر + ر. Paragraphs that hold
-- any now also keep their text without them (fts_text, written by bot/core/storage.py), the index reads
-- that through a view, and the vocabulary folds the marks away too (bot/core/vocab_index.py,
-- ARABIC_MARKS); Store.open() rebuilds it. The displayed text keeps its marks.
ALTER TABLE paragraphs ADD COLUMN fts_text TEXT;
UPDATE paragraphs SET fts_text = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(text, char(1611), ''), char(1612), ''), char(1613), ''), char(1614), ''), char(1615), ''), char(1616), ''), char(1617), ''), char(1618), ''), char(1648), ''), char(1600), '') WHERE text GLOB '*[ًٌٍَُِّْٰـ]*';

CREATE VIEW paragraphs_fts_text AS
    SELECT id, doc_id, coalesce(fts_text, text) AS text FROM paragraphs;

DROP TRIGGER IF EXISTS paragraphs_ad;
DROP TABLE IF EXISTS paragraphs_vocab;
DROP TABLE paragraphs_fts;

CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text, content='paragraphs_fts_text', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text)
    VALUES ('delete', old.id, coalesce(old.fts_text, old.text));
END;
CREATE VIRTUAL TABLE paragraphs_vocab USING fts5vocab(paragraphs_fts, 'row');

INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild');
UPDATE vocab_stats SET value = 0 WHERE name = 'ready';
