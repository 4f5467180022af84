-- Photos a bulletin carries (a wanted motorbike, the face of a missing child, the scam's fake screen): shown on the
-- portal and in the Zalo article. Kept in the database with the bulletin, at most a few small ones each.
CREATE TABLE bulletins.images (
    bulletin_id  BIGINT      NOT NULL REFERENCES bulletins.bulletins (id) ON DELETE CASCADE,
    position     INT         NOT NULL CHECK (position BETWEEN 1 AND 3),
    content_type VARCHAR(32) NOT NULL,
    content      BYTEA       NOT NULL,
    PRIMARY KEY (bulletin_id, position)
);
