-- 007_geography: the codes the DfE's open data uses for places, so exports join
-- onto other government statistics: the LA's ONS code (E10000016 for Kent, from
-- the register's GSSLACode) and the region.
ALTER TABLE schools ADD COLUMN la_ons_code VARCHAR;
ALTER TABLE schools ADD COLUMN region_name VARCHAR;
