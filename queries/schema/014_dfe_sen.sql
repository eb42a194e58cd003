-- 014_dfe_sen: the DfE's SEN statistics as published (issue 11): what the DfE
-- records each school as providing for, the LA-level EHC plan tables, and what
-- each imported file held (so re-importing a file replaces its rows, and the
-- suppressed values it carried are counted).

-- sen_need without its primary key: a 2024/25 file holds some 600,000 need rows,
-- and DuckDB keeps a key's index in memory; `needs import` keeps the rows unique
-- itself (a file's schools and years are replaced whole, duplicates dropped).
CREATE TABLE sen_need_014 AS SELECT * FROM sen_need;
DROP TABLE sen_need;
ALTER TABLE sen_need_014 RENAME TO sen_need;

-- The school's own flags in the DfE's school-level file, per year:
-- provides_for:<need> (provision_for_asd, Prov_ASD), sen_unit (SEN_Unit),
-- resourced_provision (RP_Unit). NULL: not given.
CREATE TABLE sen_school_flags (
    urn           INTEGER NOT NULL,
    academic_year VARCHAR NOT NULL,
    flag          VARCHAR NOT NULL,
    provides      BOOLEAN,
    source_file   VARCHAR,
    imported_at   TIMESTAMP NOT NULL
    -- unique on (urn, academic_year, flag), kept by `needs import` (no index: see sen_need)
);

-- EHC plans an LA maintains, by primary need (topic need; category a census code
-- or ALL) or by placement (topic placement; category the DfE's column name, e.g.
-- special_independent), from the "Education, health and care plans" release.
-- year is the calendar year of the January census ('2025'). NULL: suppressed.
CREATE TABLE la_ehcp (
    la_code      VARCHAR NOT NULL,  -- three-digit old_la_code
    year         VARCHAR NOT NULL,
    topic        VARCHAR NOT NULL,  -- need or placement
    category     VARCHAR NOT NULL,
    plans        INTEGER,
    la_name      VARCHAR,
    new_la_code  VARCHAR,           -- E06/E08/E09/E10 code as the file gives it
    source_file  VARCHAR,
    imported_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (la_code, year, topic, category)
);

-- One row per imported file: its shape, years, and how many values were
-- suppressed (unknown, never 0) in how many schools (or LAs).
CREATE TABLE sen_files (
    source_file           VARCHAR PRIMARY KEY,
    shape                 VARCHAR,
    encoding              VARCHAR,
    years                 VARCHAR,
    rows_read             BIGINT,
    rows_loaded           BIGINT,
    values_suppressed     BIGINT,
    schools_suppressed    BIGINT,
    labels_not_recognised VARCHAR,
    columns_not_used      VARCHAR,
    imported_at           TIMESTAMP NOT NULL
);
