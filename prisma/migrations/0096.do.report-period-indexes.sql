-- Reports over a period at national scale (issue 8; bench/README.md, "EXPLAIN notes").
--
-- The reports now give the period as a range of instants on submitted_at (the UK days'
-- midnights, reports/report-filter.ts), which an index can serve, instead of comparing each
-- row's UK calendar day. A year of one authority's requests is then an index range, not every
-- request the authority ever had; with the columns the reports join and count by in the index
-- too, that range is read from the index alone (measured on the benchmark's scale: a year's
-- spend by category went from ~5,700 buffers to ~100).
CREATE INDEX purchase_request_report_period_idx
  ON purchase_request (authority_id, submitted_at, case_id, budget_id, status, id);

-- The spend reports read each counted request's items for their category and amount only:
-- with those in the index, an index-only scan, without visiting the item rows.
CREATE INDEX purchase_item_report_amounts_idx
  ON purchase_item (authority_id, purchase_request_id, category, unit_cost_pence, quantity);
