-- Officer passwords guard informants' identities: repeated wrong passwords for one sign-in lock it for a while
-- (SignInLockout), on every node, since the count lives here and not in one node's memory.
ALTER TABLE accounts.officer_logins
    ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    TIMESTAMPTZ;
