/*
materialized: table
description: Rows the lake quarantined, by feed and rule, with an example message.
columns:
  feed: Feed
  rule: Validation rule
  row_count: Rows quarantined
  example_message: One of the messages
  batches: Batches with such rows
*/
-- Data quality and freshness of the lake the build read.
SELECT feed, rule, count(*) AS row_count, min(message) AS example_message, count(DISTINCT load) AS batches
FROM lake_quarantine
GROUP BY feed, rule
ORDER BY feed, row_count DESC, rule
