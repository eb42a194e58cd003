-- 001_init: the first schema of the sendscope store.
--
-- Tables follow the flow: the register (schools), crawl runs and their per-school
-- outcome (crawl_runs, run_sites), every request (fetches), every kept response
-- (captures, raw bytes), and what analysis derived from them (documents, facts).
-- A snapshot is an academic year ('2025/26'); every run belongs to one, and every
-- capture, document and fact belongs to a run. Nothing is overwritten across years.

-- Settings of this store: the pseudonym key lives here so that the same person gets
-- the same pseudonym in every export made from this file.
CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- The DfE register (Get Information About Schools), one row per URN, as last imported.
CREATE TABLE schools (
    urn                          INTEGER PRIMARY KEY,
    name                         VARCHAR NOT NULL,
    la_code                      VARCHAR,
    la_name                      VARCHAR,
    establishment_number         VARCHAR,
    type                         VARCHAR,
    type_group                   VARCHAR,
    status                       VARCHAR,
    phase                        VARCHAR,
    low_age                      INTEGER,
    high_age                     INTEGER,
    website                      VARCHAR,   -- normalised: scheme added, lower-case host, trailing slash
    website_as_given             VARCHAR,   -- the register's own spelling
    town                         VARCHAR,
    postcode                     VARCHAR,
    district_code                VARCHAR,
    district_name                VARCHAR,
    pupils                       INTEGER,
    sen_provision_types          VARCHAR,   -- ';'-separated need codes from SEN1..SEN13 (ASD;SEMH)
    resourced_provision_type     VARCHAR,   -- 'Resourced provision', 'SEN unit', both, or NULL
    resourced_provision_on_roll  INTEGER,
    resourced_provision_capacity INTEGER,
    sen_unit_on_roll             INTEGER,
    sen_unit_capacity            INTEGER,
    source_file                  VARCHAR,
    imported_at                  TIMESTAMP NOT NULL
);

CREATE SEQUENCE crawl_run_ids START 1;

-- One crawl of one academic year. A run that did not finish is resumed by the next
-- crawl of the same year; a finished run is never changed again.
CREATE TABLE crawl_runs (
    run_id        INTEGER PRIMARY KEY DEFAULT nextval('crawl_run_ids'),
    academic_year VARCHAR NOT NULL,      -- '2025/26'
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    status        VARCHAR NOT NULL,      -- running, done, partial (some sites failed)
    user_agent    VARCHAR,
    options       VARCHAR                -- the crawl settings as JSON, for the record
);

-- What happened to each school in a run, and why nothing was found when nothing was.
CREATE TABLE run_sites (
    run_id       INTEGER NOT NULL,
    urn          INTEGER NOT NULL,
    status       VARCHAR NOT NULL,      -- found, not_found, failed, skipped
    reason       VARCHAR,               -- no_website, robots, dns, timeout, http_4xx, budget, no_candidate ...
    pages        INTEGER,
    documents    INTEGER,
    finished_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, urn)
);

CREATE SEQUENCE fetch_ids START 1;

-- The crawl log: every request made, and every URL deliberately not requested.
CREATE TABLE fetches (
    fetch_id      BIGINT PRIMARY KEY DEFAULT nextval('fetch_ids'),
    run_id        INTEGER NOT NULL,
    urn           INTEGER,
    url           VARCHAR NOT NULL,
    status        INTEGER,               -- HTTP status; NULL when no response
    error         VARCHAR,
    content_type  VARCHAR,
    bytes         BIGINT,
    duration_ms   BIGINT,
    fetched_at    TIMESTAMP NOT NULL,
    skipped       VARCHAR,               -- robots, off_site, limit ... when not requested
    depth         INTEGER,
    link_score    DOUBLE
);

CREATE SEQUENCE capture_ids START 1;

-- Responses kept as evidence: the raw bytes exactly as served.
CREATE TABLE captures (
    capture_id    BIGINT PRIMARY KEY DEFAULT nextval('capture_ids'),
    run_id        INTEGER NOT NULL,
    urn           INTEGER,
    url           VARCHAR NOT NULL,      -- the URL requested
    final_url     VARCHAR NOT NULL,      -- after redirects
    http_status   INTEGER NOT NULL,
    content_type  VARCHAR,
    sha256        VARCHAR NOT NULL,
    size          BIGINT NOT NULL,
    body          BLOB NOT NULL,
    link_text     VARCHAR,               -- the words of the link that led here
    fetched_at    TIMESTAMP NOT NULL
);

-- One document per capture: its text and what kind of document it is.
-- doc_id equals the capture_id it was read from, so re-extraction keeps ids stable.
CREATE TABLE documents (
    doc_id              BIGINT PRIMARY KEY,
    run_id              INTEGER NOT NULL,
    urn                 INTEGER,
    la_code             VARCHAR,
    academic_year       VARCHAR NOT NULL,
    url                 VARCHAR NOT NULL,
    final_url           VARCHAR NOT NULL,
    format              VARCHAR NOT NULL,   -- html, pdf, docx, odt, other
    doc_type            VARCHAR NOT NULL,
    doc_type_confidence DOUBLE,
    title               VARCHAR,
    stated_year         VARCHAR,
    word_count          INTEGER,
    readability_flesch  DOUBLE,
    sha256              VARCHAR NOT NULL,
    http_status         INTEGER,
    fetched_at          TIMESTAMP NOT NULL,
    text                VARCHAR,            -- normalised text; evidence offsets refer to it
    extract_error       VARCHAR,            -- why no text could be read, when none was
    extractor_version   VARCHAR NOT NULL,
    extracted_at        TIMESTAMP NOT NULL
);

-- Facts read from documents, each with the exact words it came from.
-- evidence = substr(documents.text, evidence_start + 1, evidence_end - evidence_start)
-- (offsets count characters, from 0, end exclusive).
CREATE TABLE facts (
    doc_id            BIGINT NOT NULL,
    field             VARCHAR NOT NULL,
    value             VARCHAR,
    value_num         DOUBLE,
    evidence          VARCHAR NOT NULL,
    evidence_start    INTEGER NOT NULL,
    evidence_end      INTEGER NOT NULL,
    confidence        DOUBLE NOT NULL,
    extractor_version VARCHAR NOT NULL
);

-- The key behind export pseudonyms: random, made once per store, never exported.
INSERT INTO meta VALUES ('pseudonym_key', replace(gen_random_uuid()::VARCHAR || gen_random_uuid()::VARCHAR, '-', ''));
