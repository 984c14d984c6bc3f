/*
materialized: table
description: Patent applications (newest batch wins per application number).
columns:
  application_no: CNIPA application number
  patent_type: 1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model
  is_invention: Type 1 or 8
  title: Title
  application_date: Filing date
  publication_date: Publication date
  grant_date: Grant date (NULL until granted)
  grant_year: Grant year
  dated_on: The date the row speaks for: the later of filing and grant (mart_freshness and mart_indicator_coverage
    date patents by it)
  legal_status: Legal status
  ipc_main: Main IPC class
  applicant_count: Number of applicants
  batch_id: Lake batch
*/
-- Left in lake order, as are bridge_patent_applicant and fact_rd_spend (tens of millions of rows at province scale):
-- sorting them took most of the facts' minutes, and the indicator queries aggregate them whole rather than filter
-- them by key.
SELECT application_no, patent_type, patent_type IN (1, 8) AS is_invention, title,
       application_date, publication_date, grant_date, CAST(year(grant_date) AS INTEGER) AS grant_year,
       greatest(application_date, coalesce(grant_date, application_date)) AS dated_on,
       legal_status, ipc_main, CAST(coalesce(len(applicants), 0) AS INTEGER) AS applicant_count, load AS batch_id
FROM stg_patents
