package vn.binhyen.bulletins;

import java.time.Instant;
import java.util.Set;

/** Published when a bulletin goes out (once), for modules that follow what the police tell residents. */
public record BulletinPublished(
        long bulletinId,
        BulletinKind kind,
        String title,
        String provinceCode,
        boolean provinceWide,
        Set<String> communeCodes,
        Set<Long> villageIds,
        Instant publishedAt) {}
