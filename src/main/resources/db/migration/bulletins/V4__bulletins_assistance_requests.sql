-- A bulletin made from an incident's request for assistance (witnesses): always approved by the commune chief, and
-- its delivery and replies reported back to the incident.
ALTER TABLE bulletins.bulletins ADD COLUMN assistance_request_id BIGINT UNIQUE;
