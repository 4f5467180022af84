package vn.binhyen.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.support.IntegrationTest;

/** Operators see in the health which module listeners failed and wait to run again. */
@IntegrationTest
class FailedEventsHealthTests {

    static final String LISTENER = "vn.binhyen.test.HealthListener.on(vn.binhyen.test.Event)";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theEventsPartCountsFailedListenersByListener() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event,
                            publication_date, status, completion_attempts)
                        VALUES (?, ?, 'vn.binhyen.test.Event', ?, ?, 'FAILED', 3)
                        """)
                .params(id, LISTENER, "{\"test\":\"" + id + "\"}", Timestamp.from(clock.instant()))
                .update();
        try {
            var health = mvc.get().uri("/actuator/health").with(user("admin").roles("ADMINISTRATOR"));
            assertThat(health).hasStatusOk();
            assertThat(health)
                    .bodyJson()
                    .extractingPath("$.components.events.status")
                    .isEqualTo("UP");
            assertThat(health)
                    .bodyJson()
                    .extractingPath("$.components.events.details.byListener['" + LISTENER + "']")
                    .isEqualTo(1);
            assertThat(health)
                    .bodyJson()
                    .extractingPath("$.components.events.details.mostAttempts")
                    .asNumber()
                    .satisfies(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(3));
        } finally {
            jdbc.sql("DELETE FROM events.event_publication WHERE id = ?")
                    .param(id)
                    .update();
        }
        assertThat(mvc.get().uri("/actuator/health")).bodyText().doesNotContain(LISTENER);
    }
}
