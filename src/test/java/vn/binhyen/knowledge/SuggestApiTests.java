package vn.binhyen.knowledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SuggestApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void suggestsTheProcedureForAQuestionTypedWithoutDiacritics() throws Exception {
        mvc.perform(get("/api/v1/knowledge/suggest").param("q", "dk tam tru can giay to j"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slug").value("dang-ky-tam-tru"))
                .andExpect(jsonPath("$[0].url").value("/hoi-dap/dang-ky-tam-tru"))
                .andExpect(jsonPath("$[0].title").value("Đăng ký tạm trú"))
                .andExpect(jsonPath("$[0].id").isNumber())
                .andExpect(jsonPath("$[0].score").isNumber());
    }

    @Test
    void answersNothingWhenNothingFits() throws Exception {
        for (String chat : new String[] {"alo alo", "xin chào", "😀😀😀", "lịch cắt điện tuần này thế nào"}) {
            mvc.perform(get("/api/v1/knowledge/suggest").param("q", chat))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$", hasSize(0)));
        }
    }

    @Test
    void keepsToTheLimit() throws Exception {
        mvc.perform(get("/api/v1/knowledge/suggest").param("q", "căn cước").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.lessThanOrEqualTo(2)));
    }

    @Test
    void refusesAMissingQuestionInVietnamese() throws Exception {
        mvc.perform(get("/api/v1/knowledge/suggest"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Vui lòng nhập câu hỏi")));
        mvc.perform(get("/api/v1/knowledge/suggest").param("q", "   ")).andExpect(status().isBadRequest());
    }

    @Test
    void refusesBadLimitsAndOverlongQuestions() throws Exception {
        mvc.perform(get("/api/v1/knowledge/suggest").param("q", "tạm trú").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("từ 1 đến 20")));
        mvc.perform(get("/api/v1/knowledge/suggest").param("q", "tạm trú").param("limit", "năm"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("limit")));
        mvc.perform(get("/api/v1/knowledge/suggest").param("q", "a".repeat(2001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("2.000")));
    }
}
