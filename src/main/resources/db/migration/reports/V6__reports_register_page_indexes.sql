-- The register page shows current lines only: a line that a correction replaced gives way to it. Asking "is there a
-- correction of this line" had no index, so every page read all the register's lines to answer it; corrections are
-- rare, so the index is small.
CREATE INDEX register_entries_corrected_idx ON reports.register_entries (corrects_entry_id)
    WHERE corrects_entry_id IS NOT NULL;
