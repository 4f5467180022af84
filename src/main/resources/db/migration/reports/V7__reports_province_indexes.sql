-- Indexes for the province command's pages, found with the inbox benchmark's 200,000 tips (one province): the unit
-- overview's figures for the last 30 days and the province's register each read the whole tips table (150 ms and
-- 0.3 s a page). Communes have had their own since V1-V3.

-- Tips of the last 30 days in a province, with what the overview counts from them (status, first answer): 150 → 22 ms.
CREATE INDEX tips_province_received_idx ON reports.tips (province_code, received_at) INCLUDE (status, first_answered_at);

-- The province's register, newest first (a commune's has the unique (commune_code, register_year, register_number)).
CREATE INDEX register_entries_province_order_idx ON reports.register_entries (province_code, register_year, register_number);
