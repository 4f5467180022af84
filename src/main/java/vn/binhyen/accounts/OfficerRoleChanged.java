package vn.binhyen.accounts;

import vn.binhyen.directory.OfficerRole;

/**
 * Published, inside the change's transaction, when an administrator changes an officer's role; the audit log records
 * it (audit listens, so accounts need not depend on audit).
 */
public record OfficerRoleChanged(
        String byUsername, long byOfficerId, long officerId, OfficerRole from, OfficerRole to, String reason) {}
