-- A village or residential group leaves service when it merges into another or is dissolved. It stays (its tips,
-- groups and history point at it) but is no longer offered to residents or for new groups, bulletins and duty.
ALTER TABLE directory.villages ADD COLUMN retired_at TIMESTAMPTZ;
