-- Residents' questions that an officer answered with an entry (as suggested, or edited): each becomes one more way
-- of asking for that entry, so the next resident who asks the same way gets it first. Stored folded (no diacritics,
-- lower case, at most 500 characters) and used only by the matcher: never shown on a public page.
CREATE TABLE knowledge.learned_phrasings (
    id         BIGSERIAL PRIMARY KEY,
    entry_id   BIGINT      NOT NULL REFERENCES knowledge.entries (id),
    phrasing   TEXT        NOT NULL,
    learned_at TIMESTAMPTZ NOT NULL,
    UNIQUE (entry_id, phrasing)
);
