package vn.binhyen.bulletins;

/** A submitted bulletin and where it went: waiting for approval, scheduled, or published. */
public record Submitted(long id, BulletinStatus status) {}
