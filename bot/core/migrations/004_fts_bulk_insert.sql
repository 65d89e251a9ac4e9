-- Paragraphs reach the FTS5 index in one INSERT ... SELECT per load (bot/core/storage.py,
-- _flush_fts), inside the load's transaction, rather than one trigger-fired insert per row:
-- FTS5 flushes its pending terms to a new segment at every statement, so the per-row trigger
-- wrote (and then merged) hundreds of tiny segments per load. Deletes keep their trigger, so
-- a removed paragraph always leaves the index.
DROP TRIGGER IF EXISTS paragraphs_ai;
