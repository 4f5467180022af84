-- An officer's own Zalo account, as the commune's OA knows it (Zalo user ids are per OA), so urgent alerts reach
-- the officer on their phone. Linked by the officer sending a short-lived code from their Zalo to the page.
CREATE TABLE zalo.officer_links (
    officer_id BIGINT      PRIMARY KEY,
    oa_id      VARCHAR(32) NOT NULL,
    user_id    VARCHAR(32) NOT NULL,
    linked_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (oa_id, user_id)
);

CREATE TABLE zalo.officer_link_codes (
    code       VARCHAR(16) PRIMARY KEY,
    officer_id BIGINT      NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL
);

-- A delivery that carries an urgent alert to an officer: which incident and officer, so its outcome reaches the alert.
ALTER TABLE zalo.deliveries
    ADD COLUMN alert_incident BIGINT,
    ADD COLUMN alert_officer  BIGINT;
