-- name: documents
-- question: Which documents were captured, of what kind, from where? One row per captured document, per run.
-- parameters:
--   year: academic year ('2025/26'); empty for every year
--   la: LA code or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   doc_id: the document's id (the id of the capture it was read from)
--   urn: the school's URN (empty for Local Offer pages)
--   la_code: three-digit local authority code
--   academic_year: the academic year of the crawl run
--   run_id: the crawl run that captured it
--   url: the URL requested
--   final_url: the URL after redirects
--   format: html, pdf, docx, odt, other
--   doc_type: sen_information_report, sen_policy, policy_and_report, accessibility_plan, la_school_sen_page, la_guidance, local_offer_service, local_offer_listing, other
--   doc_type_confidence: how sure the classifier is of doc_type, 0 to 1
--   title: the document's title (HTML title or first heading, PDF or Word metadata)
--   stated_year: the academic year the document says it covers ('2024/25')
--   word_count: words in the extracted text
--   readability_flesch: Flesch reading ease of the text (higher is easier; 60-70 is plain English)
--   sha256: SHA-256 of the bytes as served
--   http_status: HTTP status of the response
--   fetched_at: when it was fetched (UTC)
--   text_fingerprint: a hash of the document's words in order (case, punctuation, layout and page furniture set aside): two documents with the same words have the same fingerprint whatever their formats; empty when it has no words or was read before sendscope stored fingerprints
--   extractor_version: the version of the extractor that read it: the release and a hash of the rules and vocabularies in force (run sendscope extract to re-read with the rules in force)
--   link_url: the link as found on the page, when the crawler turned a viewer's URL (Google Drive, Google Docs, a PDF viewer) into its file's; empty otherwise
--   linked_from: the page whose link led to it; empty for a home page
--   platform: the file platform or viewer it came through (schudio, primarysite, wix, squarespace, google_drive, google_docs, google_docs_viewer, pdfjs); empty when none
--   off_site: true when it was fetched off the school's own site (its domain and subdomains): a file platform, the trust's or council's site
SELECT d.doc_id, d.urn, d.la_code, d.academic_year, d.run_id, d.url, d.final_url, d.format, d.doc_type,
       d.doc_type_confidence, d.title, d.stated_year, d.word_count, d.readability_flesch, d.sha256, d.http_status, d.fetched_at,
       d.text_fingerprint, d.extractor_version, c.link_url, c.linked_from, c.platform, c.off_site
FROM documents d
LEFT JOIN captures c ON c.capture_id = d.doc_id
LEFT JOIN schools s ON s.urn = d.urn
WHERE ($year IS NULL OR d.academic_year = $year)
  AND ($la IS NULL OR d.la_code = $la OR lower(s.la_name) = lower($la) OR d.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR d.urn = CAST($urn AS INTEGER))
ORDER BY d.doc_id
