package vn.binhyen.directory;

/**
 * Published, inside the change's transaction, when a commune's chief or an administrator changes what residents and
 * officers rely on: the police unit's public contact details, a new village or residential group. The audit log
 * records it.
 */
public record DirectoryChanged(String byUsername, long byOfficerId, String subject, String detail) {}
