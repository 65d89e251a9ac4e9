-- Chinese (and every script written without spaces) is now indexed as overlapping pairs of
-- characters, so a word is found inside a run ("人权" in "世界人权宣言"): such paragraphs keep
-- the pairs in fts_text (bot/core/vocab_index.fts_form). SQL cannot cut the runs, so Store.open()
-- does it through vocab_index.rebuild (refresh_fts_text), which this flag sets off, and then
-- brings the vocabulary in line with the new terms.
UPDATE vocab_stats SET value = 0 WHERE name = 'ready';
