-- Chatter looks for the open incidents it shares a place with (village, group, or within the radius) starting from
-- that place: these indexes hold only signals already in an incident, a few percent of the table.
CREATE INDEX signals_linked_village_idx ON incidents.signals (village_id) WHERE incident_id IS NOT NULL;
CREATE INDEX signals_linked_source_idx ON incidents.signals (source_key) WHERE incident_id IS NOT NULL;
CREATE INDEX signals_linked_place_idx ON incidents.signals (latitude, longitude) WHERE incident_id IS NOT NULL;
