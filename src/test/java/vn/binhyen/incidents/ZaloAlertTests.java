package vn.binhyen.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.binhyen.directory.Directory;
import vn.binhyen.support.Fixtures;

/**
 * The area officer links their own Zalo to the commune page (a code from the console, sent from their Zalo through
 * the simulator); an urgent alert then reaches their phone as a message from the page, and the alert shows it sent.
 */
class ZaloAlertTests extends SimulatorTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    @Test
    void anUrgentAlertReachesTheLinkedOfficersOwnZaloThroughTheCommunePage() throws Exception {
        var commune = Fixtures.commune(jdbc);
        var group = villageGroup(commune);
        var oa = world.oa(group.oaId()).orElseThrow();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var officerA = user(Fixtures.signedIn(directory, "ksv" + commune.code(), commune.officerA()));

        // The officer takes a code in the console and sends it to the page from their own Zalo.
        mvc.perform(get("/console/zalo/link").with(officerA))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Chưa liên kết tài khoản Zalo")));
        String flash = mvc.perform(
                        post("/console/zalo/link/code").with(officerA).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap()
                .get("code")
                .toString();
        var matcher = Pattern.compile("BY-[2-9A-HJ-NP-Z]{8}").matcher(flash);
        assertThat(matcher.find()).isTrue();
        String officersZalo = resident("Cán bộ khu vực A");
        residents.sendText(oa, officersZalo, "by" + matcher.group().substring(3));
        Signals.eventually()
                .untilAsserted(() -> assertThat(world.conversation(oa.oaId(), officersZalo))
                        .anyMatch(m -> m.fromOa && m.text.contains("Đã liên kết tài khoản Zalo")));
        assertThat(jdbc.sql("SELECT count(*) FROM conversations.threads WHERE contact_ref = ?")
                        .param(officersZalo)
                        .query(Integer.class)
                        .single())
                .as("a link code is not a resident's message")
                .isZero();
        mvc.perform(get("/console/zalo/link").with(officerA))
                .andExpect(content().string(Matchers.containsString("Đã liên kết từ")));

        // A planned race in the village group crosses the threshold.
        String a = resident("Người dân đua A");
        String b = resident("Người dân đua B");
        residents.sendGroupText(group, a, "Tối nay 21h anh em tụ tập ở cầu Đen đua xe nhé");
        residents.sendGroupText(group, b, "Nhớ bốc đầu cho đẹp, ai có xe độ thì mang theo");
        residents.sendGroupText(group, a, "Quái xế khu mình đua tới sáng, đông lắm");

        Signals.eventually()
                .untilAsserted(() -> assertThat(world.conversation(oa.oaId(), officersZalo))
                        .anyMatch(m -> m.fromOa && m.text.startsWith("CẢNH BÁO KHẨN")));
        Signals.eventually()
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                        SELECT officer_id || ' ' || zalo_state FROM incidents.alerts a
                                          JOIN incidents.incidents i ON i.id = a.incident_id
                                         WHERE i.commune_code = ? ORDER BY a.id
                                        """)
                                .param(commune.code())
                                .query(String.class)
                                .list())
                        .containsExactly(commune.officerA() + " SENT", commune.chief() + " NOT_AVAILABLE"));
        // One Zalo message per alert and officer, however the events are redelivered.
        assertThat(world.conversation(oa.oaId(), officersZalo).stream().filter(m -> m.text.startsWith("CẢNH BÁO KHẨN")))
                .hasSize(1);
    }
}
