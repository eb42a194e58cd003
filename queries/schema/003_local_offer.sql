-- 003_local_offer: local authorities and their Local Offer service records.
--
-- An LA's Local Offer is crawled in the same runs as its schools (crawl
-- --local-offer): its pages (or ORUK feed pages) are captures like any other,
-- with la_code set and urn empty, and each service record read from them is a row
-- of services, per run and so per academic year.

CREATE TABLE authorities (
    la_code         VARCHAR PRIMARY KEY,   -- three-digit LA code ('886')
    la_name         VARCHAR NOT NULL,
    local_offer_url VARCHAR,
    oruk_api_url    VARCHAR,               -- base URL of an Open Referral UK API, when the LA has one
    source_file     VARCHAR,
    imported_at     TIMESTAMP NOT NULL
);

-- What happened to each LA's Local Offer in a run.
CREATE TABLE run_authorities (
    run_id      INTEGER NOT NULL,
    la_code     VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,          -- found, not_found, failed
    reason      VARCHAR,
    pages       INTEGER,
    services    INTEGER,
    finished_at TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, la_code)
);

ALTER TABLE fetches ADD COLUMN la_code VARCHAR;
ALTER TABLE captures ADD COLUMN la_code VARCHAR;

-- One row per service record per run.
CREATE TABLE services (
    run_id        INTEGER NOT NULL,
    la_code       VARCHAR NOT NULL,
    academic_year VARCHAR NOT NULL,
    service_id    VARCHAR NOT NULL,        -- the feed's id, or the record page's URL
    name          VARCHAR,
    url           VARCHAR,
    description   VARCHAR,
    categories    VARCHAR,                 -- ';'-separated, as the directory words them
    age_min       INTEGER,
    age_max       INTEGER,
    need_types    VARCHAR,                 -- ';'-separated census codes (plus ADHD)
    cost          VARCHAR,
    has_phone     BOOLEAN,
    has_email     BOOLEAN,
    source        VARCHAR NOT NULL,        -- html or oruk
    last_updated  VARCHAR,
    doc_id        BIGINT,                  -- the capture it was read from
    fetched_at    TIMESTAMP NOT NULL
);
