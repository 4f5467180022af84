package vn.binhyen.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.binhyen.support.IntegrationTest;

/** Operators see the timers in the actuator: each task's next and last run, and a health part for the scheduler. */
@IntegrationTest
class SchedulerActuatorTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theAdministratorSeesEveryTaskWithItsNextRun() {
        var response = mvc.get().uri("/actuator/scheduler").with(user("admin").roles("ADMINISTRATOR"));
        assertThat(response).hasStatusOk();
        assertThat(response)
                .bodyJson()
                .extractingPath("$.tasks[?(@.task == 'legal-clock-watch')].nextRun")
                .asArray()
                .hasSize(1);
        assertThat(response).bodyJson().extractingPath("$.enabledOnThisNode").isEqualTo(true);
        assertThat(response).bodyJson().extractingPath("$.started").isEqualTo(true);
    }

    @Test
    void healthHasASchedulerPartShownOnlyToAdministrators() {
        assertThat(mvc.get().uri("/actuator/health").with(user("admin").roles("ADMINISTRATOR")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.components.scheduler.status")
                .isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/health")).bodyText().doesNotContain("scheduler");
    }

    @Test
    void othersMayNotListTheTimers() {
        assertThat(mvc.get().uri("/actuator/scheduler").with(user("ksv").roles("OFFICER")))
                .hasStatus(403);
        assertThat(mvc.get().uri("/actuator/scheduler")).hasStatus3xxRedirection();
    }
}
