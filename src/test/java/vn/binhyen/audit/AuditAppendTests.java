package vn.binhyen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.audit.internal.AuditHashing;
import vn.binhyen.support.IntegrationTest;

/**
 * The database appends an entry in one statement and hashes it there (AuditStore.append); the verifier recomputes the
 * hash in Java (AuditHashing). These tests hold the two to the same bytes over text that tells them apart if they
 * differ (letters beyond U+FFFF count twice in Java, once in PostgreSQL; separators inside fields; missing fields),
 * and show that writers racing for the chain's head from many threads, in transactions or not, still chain one after
 * another.
 */
@IntegrationTest
class AuditAppendTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit.entries")
                .query(Long.class)
                .single();
    }

    @Test
    void theDatabaseHashesEveryEntryAsTheVerifierRecomputesIt() {
        List<AuditEntry> entries = new ArrayList<>(List.of(
                new AuditEntry("truong.buonmathuot", 7L, AuditAction.VIEW, "inbox:24133", "page 0, search"),
                new AuditEntry("system", null, AuditAction.CHANGE, null, null),
                new AuditEntry("", 0L, AuditAction.CHANGE, "", ""),
                new AuditEntry("a|b", -1L, AuditAction.CHANGE, "3:x|", "|-1:|"),
                new AuditEntry("Nguyễn Thị Ánh", 42L, AuditAction.CHANGE, "tip:1", "Lý do: 🚨 đua xe 🏍️ 𠀀 (chữ Nôm)"),
                new AuditEntry("x", Long.MAX_VALUE, AuditAction.CHANGE, "e\u0301", "tab\tnew\nline\r\\ 'quote' \"dq\""),
                new AuditEntry("long", 1L, AuditAction.CHANGE, "tip:2", "ừ".repeat(5000) + "😀".repeat(300))));
        Random random = new Random(20261130);
        for (int i = 0; i < 200; i++) {
            entries.add(new AuditEntry(
                    text(random),
                    random.nextBoolean() ? null : random.nextLong(),
                    AuditAction.CHANGE,
                    random.nextInt(5) == 0 ? null : text(random),
                    random.nextInt(5) == 0 ? null : text(random)));
        }
        long before = lastId();
        entries.forEach(audit::record);

        record Stored(long id, java.sql.Timestamp recordedAt, String prevHash, String hash) {}
        List<Stored> stored = jdbc.sql(
                        "SELECT id, recorded_at, prev_hash, hash FROM audit.entries WHERE id > ? ORDER BY id")
                .param(before)
                .query(Stored.class)
                .list();
        assertThat(stored).hasSize(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Stored row = stored.get(i);
            assertThat(row.hash())
                    .as("entry %d: %s", i, entries.get(i))
                    .isEqualTo(
                            AuditHashing.hash(row.id(), row.recordedAt().toInstant(), entries.get(i), row.prevHash()));
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void writersRacingForTheHeadChainOneAfterAnother() throws Exception {
        long before = lastId();
        var template = new TransactionTemplate(transactions);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            writers.add(() -> {
                for (int i = 0; i < 60; i++) {
                    var entry = AuditEntry.bySystem(AuditAction.CHANGE, "race:" + writer, "entry " + i);
                    if (writer % 2 == 0) {
                        audit.record(entry); // a read: one statement on its own
                    } else {
                        template.executeWithoutResult(status -> audit.record(entry)); // joins a change
                    }
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(writers.size())) {
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entries WHERE id > ? AND subject LIKE 'race:%'")
                        .param(before)
                        .query(Long.class)
                        .single())
                .isEqualTo(360);
        ChainVerification verification = audit.verify();
        assertThat(verification.intact()).as("%s", verification).isTrue();
    }

    /** Any text PostgreSQL can store: letters from every plane, separators, digits; no NUL, no lone surrogate. */
    private static String text(Random random) {
        int length = random.nextInt(40);
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            int codePoint = switch (random.nextInt(6)) {
                case 0 -> "|:-1".charAt(random.nextInt(4));
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0x1EA0 + random.nextInt(0x5A); // Vietnamese letters with two marks
                case 3 -> 0x10000 + random.nextInt(0x10FFFF - 0x10000); // beyond U+FFFF
                case 4 -> 0x300 + random.nextInt(0x70); // combining marks
                default -> 1 + random.nextInt(0xD7FF);
            };
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }
}
