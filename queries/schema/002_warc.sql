-- 002_warc: captures live in WARC files beside the store.
--
-- Every response is archived in WARC 1.1 files (gzip per record) in the folder
-- <store>-warc/ next to the database; a capture records which file and where its
-- response record starts, so extract can re-read it years later. body stays for
-- captures stored before this version (and is NULL for new ones).
ALTER TABLE captures ADD COLUMN warc_file VARCHAR;     -- path relative to the store's folder
ALTER TABLE captures ADD COLUMN warc_offset BIGINT;    -- where the record's gzip member starts
ALTER TABLE captures ADD COLUMN warc_length BIGINT;    -- the member's length in bytes
ALTER TABLE captures ALTER COLUMN body DROP NOT NULL;
-- Validators for conditional requests when a year is crawled again.
ALTER TABLE captures ADD COLUMN etag VARCHAR;
ALTER TABLE captures ADD COLUMN last_modified VARCHAR;
