package vn.binhyen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.audit.ChainVerification.Problem;
import vn.binhyen.directory.Directory;
import vn.binhyen.support.Fixtures;
import vn.binhyen.support.IntegrationTest;
import vn.binhyen.support.RegisterFixtures;

/**
 * The chain catches what the application cannot prevent: someone with database rights editing, deleting or cutting
 * off entries directly in PostgreSQL. Each test repairs what it broke, since the suite shares one database.
 */
@IntegrationTest
class AuditChainTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    private long record(String detail) {
        audit.record(AuditEntry.bySystem(AuditAction.CHANGE, "tip:test", detail));
        return jdbc.sql("SELECT max(id) FROM audit.entries").query(Long.class).single();
    }

    /** What an attacker with superuser rights does: switch the guard off, change the row, switch it on. */
    private void tamper(String sql, Object... params) {
        jdbc.sql("ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only")
                .update();
        try {
            jdbc.sql(sql).params(params).update();
        } finally {
            jdbc.sql("ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only")
                    .update();
        }
    }

    @Test
    void theApplicationCannotRewriteOrDeleteEntries() {
        long id = record("original");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("UPDATE audit.entries SET detail = 'x' WHERE id = ?")
                                .param(id)
                                .update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.entries WHERE id = ?")
                        .param(id)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void anEditedRowIsFoundAndNamed() {
        record("before");
        long id = record("Xem danh tính: lý do thật");
        record("after");
        assertThat(audit.verify().intact()).isTrue();
        tamper("UPDATE audit.entries SET detail = 'Xem danh tính: lý do bịa' WHERE id = ?", id);
        try {
            ChainVerification result = audit.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(id);
            assertThat(result.problem()).isEqualTo(Problem.CONTENT_CHANGED);
        } finally {
            tamper("UPDATE audit.entries SET detail = 'Xem danh tính: lý do thật' WHERE id = ?", id);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aRowRehashedByTheAttackerStillBreaksTheNextLink() {
        long id = record("victim");
        long next = record("next");
        String hash = jdbc.sql("SELECT hash FROM audit.entries WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        tamper("UPDATE audit.entries SET detail = 'forged', hash = repeat('a', 64) WHERE id = ?", id);
        try {
            ChainVerification result = audit.verify();
            assertThat(result.firstBrokenId()).isEqualTo(id);
        } finally {
            tamper("UPDATE audit.entries SET detail = 'victim', hash = ? WHERE id = ?", hash, id);
        }
        assertThat(next).isGreaterThan(id);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aDeletedRowIsFound() {
        long id = record("to be deleted");
        record("after it");
        var row = jdbc.sql("SELECT * FROM audit.entries WHERE id = ?")
                .param(id)
                .query()
                .singleRow();
        tamper("DELETE FROM audit.entries WHERE id = ?", id);
        try {
            ChainVerification result = audit.verify();
            assertThat(result.firstBrokenId()).isEqualTo(id);
            assertThat(result.problem()).isEqualTo(Problem.ENTRY_MISSING);
        } finally {
            tamper(
                    "INSERT INTO audit.entries (id, recorded_at, actor, officer_id, action, subject, detail, prev_hash, hash)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("id"),
                    row.get("recorded_at"),
                    row.get("actor"),
                    row.get("officer_id"),
                    row.get("action"),
                    row.get("subject"),
                    row.get("detail"),
                    row.get("prev_hash"),
                    row.get("hash"));
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theAdminPageVerifiesAndPointsAtTheFirstBrokenLink() {
        var commune = Fixtures.commune(jdbc);
        long adminId = RegisterFixtures.officer(jdbc, commune.code(), "ADMINISTRATOR");
        var admin = user(RegisterFixtures.signedIn(directory, adminId));
        assertThat(mvc.get().uri("/admin/audit").with(admin)).hasStatusOk();
        assertThat(mvc.post().uri("/admin/audit/verify").with(admin).with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Chuỗi nguyên vẹn");
        long id = record("page check");
        tamper("UPDATE audit.entries SET actor = 'someone else' WHERE id = ?", id);
        try {
            assertThat(mvc.post().uri("/admin/audit/verify").with(admin).with(csrf()))
                    .hasStatusOk()
                    .bodyText()
                    .contains("Chuỗi bị phá vỡ tại mục số " + id);
        } finally {
            tamper("UPDATE audit.entries SET actor = 'system' WHERE id = ?", id);
        }
    }

    @Test
    void signInsAndFailedSignInsAreRecorded() {
        var commune = Fixtures.commune(jdbc);
        mvc.perform(formLogin("/login").user(commune.chiefLogin()).password(Fixtures.PASSWORD));
        mvc.perform(formLogin("/login").user(commune.chiefLogin()).password("wrong"));
        assertThat(jdbc.sql("SELECT action FROM audit.entries WHERE actor = ? ORDER BY id")
                        .param(commune.chiefLogin())
                        .query(String.class)
                        .list())
                .containsExactly("SIGN_IN", "SIGN_IN_FAILED");
    }
}
