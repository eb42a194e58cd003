-- 015_provenance: where each document came from.
--
-- Reports often sit off the school's host: on a file platform (files.schudio.com,
-- docs.wixstatic.com ...), in Google Drive behind a viewer, on the trust's site,
-- embedded in a page with no plain link. The crawler records, for each request
-- and each kept response, the link as found on the page (before a viewer's URL
-- was turned into its file's), the page that linked it, the platform when known,
-- and whether it was off the school's site. NULL for rows stored before.
ALTER TABLE fetches ADD COLUMN link_url VARCHAR;     -- the link as found, when it differs from url (a viewer rewritten to its file)
ALTER TABLE fetches ADD COLUMN linked_from VARCHAR;  -- the page that linked it; NULL for the home page and robots.txt
ALTER TABLE fetches ADD COLUMN platform VARCHAR;     -- schudio, primarysite, wix, squarespace, google_drive, google_docs, google_docs_viewer, pdfjs ...
ALTER TABLE fetches ADD COLUMN off_site BOOLEAN;     -- requested off the school's site (its registrable domain)
ALTER TABLE captures ADD COLUMN link_url VARCHAR;
ALTER TABLE captures ADD COLUMN linked_from VARCHAR;
ALTER TABLE captures ADD COLUMN platform VARCHAR;
ALTER TABLE captures ADD COLUMN off_site BOOLEAN;
