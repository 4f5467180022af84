package vn.binhyen.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.accounts.SignedInOfficers;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.OfficerView;
import vn.binhyen.knowledge.internal.CatalogueStore;
import vn.binhyen.knowledge.internal.Editor;
import vn.binhyen.knowledge.internal.Editorial;
import vn.binhyen.knowledge.internal.EditorialException;
import vn.binhyen.knowledge.internal.EntryContent;
import vn.binhyen.knowledge.internal.RevisionStatus;
import vn.binhyen.knowledge.internal.Topic;

/** Changes the catalogue, so it runs in a context of its own and the evaluation always sees the shipped one. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "binhyen.knowledge.refresh-interval=59s")
@AutoConfigureMockMvc
class EditorialTests {

    private static final Editor STAFF = new Editor(9001, "Nguyễn Văn An", OfficerRole.COMMUNE_STAFF);
    private static final Editor CHIEF = new Editor(9002, "Trần Thị Bình", OfficerRole.COMMUNE_CHIEF);
    private static final Editor AREA = new Editor(9003, "Lê Văn Cường", OfficerRole.AREA_OFFICER);

    @Autowired
    Editorial editorial;

    @Autowired
    CatalogueStore store;

    @Autowired
    Knowledge knowledge;

    @Autowired
    MockMvc mvc;

    @Test
    void residentsSeeAChangeOnlyAfterAnotherOfficerApprovesIt() {
        var before = store.published("gia-han-tam-tru").orElseThrow();
        var changed = withSummary(before.content(), before.content().summary() + " Có thể gia hạn trên VNeID.");
        long revision = editorial.propose("gia-han-tam-tru", changed, "Thêm cách nộp trên VNeID", STAFF);

        assertThat(store.published("gia-han-tam-tru").orElseThrow().content().summary())
                .isEqualTo(before.content().summary());
        assertThatThrownBy(() -> editorial.approve(revision, AREA))
                .isInstanceOf(EditorialException.class)
                .hasMessage("knowledge.error.may-not-review");

        editorial.approve(revision, CHIEF);

        var after = store.published("gia-han-tam-tru").orElseThrow();
        assertThat(after.content().summary()).endsWith("Có thể gia hạn trên VNeID.");
        assertThat(after.reviewer()).isEqualTo("Trần Thị Bình");
        assertThat(store.history("gia-han-tam-tru"))
                .extracting(r -> r.status())
                .containsExactly(RevisionStatus.APPROVED, RevisionStatus.SUPERSEDED);
    }

    @Test
    void nobodyApprovesTheirOwnProposal() {
        var current = store.published("khai-bao-tam-vang").orElseThrow().content();
        long revision = editorial.propose("khai-bao-tam-vang", current, "Sửa chính tả", CHIEF);

        assertThatThrownBy(() -> editorial.approve(revision, CHIEF)).hasMessage("knowledge.error.own-proposal");
        assertThatThrownBy(() -> editorial.propose("khai-bao-tam-vang", current, "", STAFF))
                .hasMessage("knowledge.error.already-pending");
        assertThatThrownBy(() -> editorial.reject(revision, " ", STAFF)).hasMessage("knowledge.error.reason-required");
    }

    @Test
    void anApprovedAnswerIsFoundRightAway() {
        var answer = new EntryContent(
                "Giờ tiếp dân của công an xã Hòa Thắng",
                List.of("Công an xã Hòa Thắng làm việc mấy giờ?"),
                "Công an xã Hòa Thắng tiếp dân từ 7 giờ 30 đến 11 giờ 30 và từ 13 giờ 30 đến 17 giờ các ngày làm việc.",
                "",
                List.of(),
                List.of(),
                "",
                "",
                "",
                "");
        String slug = editorial.proposeAnswer(Topic.OTHER, answer, AREA);
        assertThat(knowledge.suggestionsFor("cong an xa hoa thang lam viec may gio", 3))
                .noneMatch(s -> s.slug().equals(slug));

        long revision = store.history(slug).getFirst().id();
        editorial.approve(revision, CHIEF);

        assertThat(knowledge.suggestionsFor("cong an xa hoa thang lam viec may gio", 3))
                .first()
                .satisfies(s -> assertThat(s.slug()).isEqualTo(slug));
    }

    @Test
    void theConsoleShowsHistoryAndTakesProposals() throws Exception {
        SignedInOfficer staff = officer(9011, OfficerRole.COMMUNE_STAFF);
        mvc.perform(get("/console/hoi-dap/muc/thong-bao-luu-tru").with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Lịch sử các phiên bản")))
                .andExpect(content().string(Matchers.containsString("Đang công khai")));
        mvc.perform(post("/console/hoi-dap/muc/thong-bao-luu-tru")
                        .with(user(staff))
                        .with(csrf())
                        .param("title", "Thông báo lưu trú")
                        .param("summary", "Báo cho công an xã khi có khách ở lại qua đêm.")
                        .param("changeNote", "Rút gọn"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/hoi-dap").with(user(officer(9012, OfficerRole.COMMUNE_CHIEF))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Duyệt và công khai")));
        mvc.perform(get("/console/hoi-dap")).andExpect(status().is3xxRedirection());
    }

    private static SignedInOfficer officer(long id, OfficerRole role) {
        return SignedInOfficers.of(
                "officer" + id,
                "{noop}x",
                new OfficerView(id, "Cán bộ " + id, null, role, 1, "26734", "Công an xã Hòa Thắng", "66"),
                true);
    }

    private static EntryContent withSummary(EntryContent content, String summary) {
        return new EntryContent(
                content.title(),
                content.questions(),
                summary,
                content.audience(),
                content.documents(),
                content.steps(),
                content.submission(),
                content.timeLimit(),
                content.fee(),
                content.legalBasis());
    }
}
