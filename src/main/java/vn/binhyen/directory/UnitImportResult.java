package vn.binhyen.directory;

import java.time.Duration;

/** What an import of the national unit list did. */
public record UnitImportResult(int provinces, int communes, int policeUnitsCreated, Duration took) {}
