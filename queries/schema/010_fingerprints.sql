-- 010_fingerprints: a document's words, comparable across formats and years.
--
-- A school that republishes last year's report with the same words in a new
-- file (new bytes, perhaps another format) has not changed it; sha256 cannot
-- tell. Both columns are computed at extraction from the document's text
-- (analysis.FingerprintOf): `sendscope extract` fills them for documents stored
-- before this version, which have them NULL.
ALTER TABLE documents ADD COLUMN text_fingerprint VARCHAR;   -- 16 hex digits: the words in order, case, punctuation, layout and page furniture set aside; NULL without words
ALTER TABLE documents ADD COLUMN sentence_hashes UBIGINT[];  -- distinct sentences, so normalised, as sorted 64-bit hashes; lowest bit 1 for a sentence of 30 characters or more

-- How like each other two documents' words are: the share of their sentences
-- they have in common (Jaccard over the distinct sentences), 0 to 1; NULL when
-- either has no fingerprint.
CREATE MACRO sentence_similarity(a, b) AS
    CASE WHEN a IS NULL OR b IS NULL OR len(a) + len(b) = 0 THEN NULL
         ELSE len(list_intersect(a, b)) / (len(a) + len(b) - len(list_intersect(a, b)))
    END;

-- Whether a report is unchanged from an earlier one: the same bytes, or the same
-- words (the same text fingerprint, or the same sentences in another order),
-- whatever the file's format. Any edit of substance (a name, a date, a
-- sentence) changes a sentence, so it is never unchanged: no share of
-- sentences short of all is, since one edited sentence in a long report still
-- leaves it 0.99 similar. NULL when either is missing, or when the bytes differ
-- and either has not been fingerprinted (run sendscope extract).
CREATE MACRO report_unchanged(sha_a, fp_a, s_a, sha_b, fp_b, s_b) AS
    CASE WHEN sha_a IS NULL OR sha_b IS NULL THEN NULL
         WHEN sha_a = sha_b THEN true
         WHEN fp_a IS NULL OR fp_b IS NULL THEN NULL
         ELSE fp_a = fp_b OR s_a = s_b
    END;

-- Why report_unchanged says what it says, in words: same bytes, same words,
-- same sentences, or how many sentences are new and gone.
CREATE MACRO report_comparison(sha_a, fp_a, s_a, sha_b, fp_b, s_b) AS
    CASE WHEN sha_a IS NULL OR sha_b IS NULL THEN NULL
         WHEN sha_a = sha_b THEN 'same bytes'
         WHEN fp_a IS NULL OR fp_b IS NULL THEN 'not fingerprinted: run sendscope extract'
         WHEN fp_a = fp_b THEN 'same words in another file'
         WHEN s_a = s_b THEN 'same sentences in another order'
         ELSE printf('%d of %d sentences new, %d of %d gone',
                     len(s_a) - len(list_intersect(s_a, s_b)), len(s_a),
                     len(s_b) - len(list_intersect(s_a, s_b)), len(s_b))
    END;
