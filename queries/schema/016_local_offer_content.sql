-- 016_local_offer_content: what a Local Offer says beyond its service list.
--
-- Services gain the fields councils' pages and ORUK feeds give (eligibility,
-- website, status) and where a service was seen: a service on both the LA's
-- site and its feed is one row with source 'oruk+html'. The required content
-- of a Local Offer (SEND Regulations 2014 Sch.2; Code of Practice chapter 4) is
-- a list kept as data, and each page that covers an item is its evidence.

ALTER TABLE services ADD COLUMN eligibility VARCHAR;      -- who it is for, in the record's words
ALTER TABLE services ADD COLUMN has_website BOOLEAN;
ALTER TABLE services ADD COLUMN status VARCHAR;           -- the feed's status; NULL for web pages
ALTER TABLE services ADD COLUMN is_current BOOLEAN;       -- false when status is other than active
ALTER TABLE services ADD COLUMN page_url VARCHAR;         -- the site's page for a service also in the feed

-- What a Local Offer must publish (filled by the program from its list, with the source of each item).
CREATE TABLE local_offer_items (
    item_id VARCHAR PRIMARY KEY,
    label   VARCHAR NOT NULL,
    source  VARCHAR NOT NULL,                             -- regulation paragraph or Code of Practice section
    ord     INTEGER NOT NULL
);

-- Each page of an LA's Local Offer that covers a required item, per run.
CREATE TABLE local_offer_evidence (
    run_id   INTEGER NOT NULL,
    la_code  VARCHAR NOT NULL,
    item_id  VARCHAR NOT NULL,
    doc_id   BIGINT NOT NULL,                             -- the page (capture) that covers it
    url      VARCHAR NOT NULL,
    doc_type VARCHAR,
    quote    VARCHAR                                      -- the words that show it
);
