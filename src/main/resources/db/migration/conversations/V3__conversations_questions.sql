-- Residents' questions in a thread: a question opens with an inbound text that asks something (or that the knowledge
-- base can answer) and closes with the first answer, automatic or by an officer. Later messages before the answer
-- belong to the same question. These rows are what the question figures count.
CREATE TABLE conversations.questions (
    id               BIGSERIAL PRIMARY KEY,
    thread_id        BIGINT       NOT NULL REFERENCES conversations.threads (id),
    first_message_id BIGINT       NOT NULL UNIQUE REFERENCES conversations.messages (id),
    last_message_id  BIGINT       NOT NULL,
    text             TEXT         NOT NULL,
    asked_at         TIMESTAMPTZ  NOT NULL,
    best_entry_id    BIGINT,
    best_score       NUMERIC(4, 3),
    matched          BOOLEAN      NOT NULL, -- the best entry answers it well (Questions.GOOD_MATCH)
    answered_at      TIMESTAMPTZ,
    answered_by      VARCHAR(8) CHECK (answered_by IN ('AUTO', 'OFFICER')),
    answer_entry_id  BIGINT,
    answer_message_id BIGINT,
    officer_id       BIGINT,
    review_verdict   VARCHAR(8) CHECK (review_verdict IN ('RIGHT', 'WRONG')),
    reviewed_by      BIGINT,
    reviewed_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX questions_one_open_idx ON conversations.questions (thread_id) WHERE answered_at IS NULL;
CREATE INDEX questions_asked_idx ON conversations.questions (asked_at);
CREATE INDEX questions_unreviewed_idx ON conversations.questions (answered_at)
    WHERE answered_by = 'AUTO' AND review_verdict IS NULL;

-- A commune's choice to let BinhYen answer questions on its own when the best entry scores at least the threshold.
CREATE TABLE conversations.auto_answer_settings (
    commune_code VARCHAR(5)    PRIMARY KEY,
    enabled      BOOLEAN       NOT NULL,
    threshold    NUMERIC(3, 2) NOT NULL CHECK (threshold BETWEEN 0.50 AND 1.00),
    updated_by   BIGINT        NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);

-- An automatic answer is sent by no officer; the thread shows it as such.
ALTER TABLE conversations.messages ADD COLUMN automatic BOOLEAN NOT NULL DEFAULT FALSE;
