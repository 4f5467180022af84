package vn.binhyen.knowledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class FaqPagesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void listsEveryProcedureByTopic() throws Exception {
        mvc.perform(get("/hoi-dap"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hỏi đáp thủ tục công an xã")))
                .andExpect(content().string(containsString("Cư trú")))
                .andExpect(content().string(containsString("href=\"/hoi-dap/dang-ky-tam-tru\"")))
                .andExpect(content().string(containsString("Cấp lại thẻ căn cước khi bị mất")));
    }

    @Test
    void searchesAndAnswersHtmxWithOnlyTheResults() throws Exception {
        mvc.perform(get("/hoi-dap").param("q", "mat cccd lam lai o dau"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("/hoi-dap/cap-lai-the-can-cuoc")));
        mvc.perform(get("/hoi-dap").param("q", "mat cccd lam lai o dau").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("/hoi-dap/cap-lai-the-can-cuoc")));
    }

    @Test
    void saysSoWhenNothingFits() throws Exception {
        mvc.perform(get("/hoi-dap").param("q", "alo alo").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa có câu trả lời sẵn")));
    }

    @Test
    void showsTheApprovedVersionWithItsReview() throws Exception {
        mvc.perform(get("/hoi-dap/dang-ky-tam-tru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đăng ký tạm trú")))
                .andExpect(content().string(containsString("Giấy tờ cần chuẩn bị")))
                .andExpect(content().string(containsString("3 ngày làm việc")))
                .andExpect(content().string(containsString("Luật Cư trú 2020")))
                .andExpect(content().string(containsString("Rà soát lần cuối: 29/11/2026")));
    }

    @Test
    void unknownEntriesAndOverlongQuestionsAreClearVietnameseErrors() throws Exception {
        mvc.perform(get("/hoi-dap/khong-co-muc-nay"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy thủ tục")));
        mvc.perform(get("/hoi-dap").param("q", "x".repeat(2001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Câu hỏi dài quá")));
    }
}
