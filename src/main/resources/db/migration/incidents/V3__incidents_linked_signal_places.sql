-- Chatter looks for the open incidents it shares a place with (village, group, or within the radius) starting from
-- that place's recent signals: these indexes hold only signals already in an incident, a few percent of the table.
CREATE INDEX signals_linked_village_idx ON incidents.signals (village_id, sent_at) WHERE incident_id IS NOT NULL;
CREATE INDEX signals_linked_source_idx ON incidents.signals (source_key, sent_at) WHERE incident_id IS NOT NULL;
CREATE INDEX signals_linked_place_idx ON incidents.signals (latitude, longitude, sent_at) WHERE incident_id IS NOT NULL;
-- A signal with watch terms looks at the open incidents around its place as well as its commune's.
CREATE INDEX incidents_open_place_idx ON incidents.incidents (latitude, longitude) WHERE status = 'OPEN';
