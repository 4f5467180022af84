-- The resident's village (from a Zalo tag, the resident's submitted address, a linked group or an officer) decides
-- who the thread is assigned to: the village's area officer, otherwise the commune queue (no assignee).
ALTER TABLE conversations.threads
    ADD COLUMN village_id     BIGINT,
    ADD COLUMN village_source VARCHAR(12) CHECK (village_source IN ('TAG', 'SUBMIT_INFO', 'GROUP', 'OFFICER'));
CREATE INDEX threads_assigned_idx ON conversations.threads (assigned_officer_id, last_message_at DESC);
CREATE INDEX threads_village_idx ON conversations.threads (village_id, last_message_at DESC);

-- What a resident chose to share with the police page (Zalo's user_submit_info), sealed with SecretBox
-- (associated data "contact:<channel>:<account>:<contact>"). Never in clear, never logged.
CREATE TABLE conversations.contact_cards (
    channel     VARCHAR(8)  NOT NULL,
    account_ref VARCHAR(64) NOT NULL,
    contact_ref VARCHAR(64) NOT NULL,
    sealed      BYTEA       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel, account_ref, contact_ref)
);

-- Tips registered from a thread ("make it a tip"). The form key makes a double submit one tip; the last message
-- taken says where the next tip from the same thread starts.
CREATE TABLE conversations.thread_tips (
    id              BIGSERIAL PRIMARY KEY,
    thread_id       BIGINT      NOT NULL REFERENCES conversations.threads (id),
    tip_id          BIGINT,
    tip_code        VARCHAR(16),
    last_message_id BIGINT      NOT NULL,
    officer_id      BIGINT      NOT NULL,
    idempotency_key VARCHAR(64) NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX thread_tips_thread_idx ON conversations.thread_tips (thread_id, id);
