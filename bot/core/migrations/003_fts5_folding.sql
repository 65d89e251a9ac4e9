-- The vocabulary now folds exactly as FTS5's unicode61 tokenizer does (й, ё, ³ kept; see
-- bot/core/vocab_index.fold_text): Store.open() brings the vocabulary in line with fts5vocab.
UPDATE vocab_stats SET value = 0 WHERE name = 'ready';
