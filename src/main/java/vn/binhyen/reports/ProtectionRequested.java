package vn.binhyen.reports;

import java.time.Instant;

/**
 * Published when a reporter first asks for protection (CPC Art. 484), from the status page or through an officer: the
 * request is routed to the commune chief, who forwards it to the investigation body that decides (Art. 485). Carries
 * no identity, only the tip's code, so a channel can tell the chief without learning who asked.
 */
public record ProtectionRequested(
        long tipId, String tipCode, String provinceCode, String communeCode, Instant requestedAt) {}
