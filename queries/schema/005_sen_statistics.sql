-- 005_sen_statistics: the DfE's "Special educational needs in England" figures
-- per school and year, as imported by `sendscope needs import`. A number the DfE
-- suppressed is NULL here, never 0.

-- Pupils, SEN support and EHC plans per school and year.
CREATE TABLE sen_stats (
    urn                INTEGER NOT NULL,
    academic_year      VARCHAR NOT NULL,   -- '2024/25'
    pupils_total       INTEGER,
    pupils_sen_support INTEGER,
    pupils_ehcp        INTEGER,
    source_file        VARCHAR,
    imported_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (urn, academic_year)
);

-- Pupils by kind of SEN provision and primary type of need per school and year.
CREATE TABLE sen_need (
    urn           INTEGER NOT NULL,
    academic_year VARCHAR NOT NULL,
    sen_provision VARCHAR NOT NULL,        -- ehc_plan or sen_support
    need_type     VARCHAR NOT NULL,        -- census code: ASD, SEMH, SLCN, ...
    pupils        INTEGER,
    source_file   VARCHAR,
    imported_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (urn, academic_year, sen_provision, need_type)
);
