package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;
import vn.binhyen.zalosim.internal.SimArticles;

/**
 * Photos in a bulletin: uploaded in the editor, checked by their bytes, shown on the portal and in the Zalo article,
 * and public only once the bulletin is published.
 */
class BulletinImageTests extends BulletinsIntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    SimArticles simArticles;

    MockMvcTester mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcTester.from(
                context, builder -> builder.apply(springSecurity()).build());
    }

    @Test
    void aChiefsPhotoReachesThePortalAndTheZaloArticle() throws IOException {
        Place place = place();
        byte[] png = png();

        MvcTestResult saved =
                editor(place, "submit", new MockMultipartFile("photos", "xe-bi-mat.png", "image/png", png));

        assertThat(saved).hasStatus3xxRedirection();
        long id = idIn(saved);
        assertThat(bulletins.get(chief(place), id).status()).isEqualTo(BulletinStatus.PUBLISHED);
        assertThat(mvc.get().uri("/ban-tin/{id}", id)).bodyText().contains("/ban-tin/" + id + "/anh/1");
        MvcTestResult photo = mvc.get().uri("/ban-tin/{id}/anh/1", id).exchange();
        assertThat(photo).hasStatusOk().hasContentType("image/png");
        assertThat(photo.getResponse().getContentAsByteArray()).isEqualTo(png);
        eventually()
                .untilAsserted(() -> assertThat(
                                simArticles.articlesOf(place.oa().oaId()))
                        .anySatisfy(article -> {
                            assertThat(article.body().toString()).contains("/ban-tin/" + id + "/anh/1");
                            assertThat(article.coverUrl()).endsWith("/ban-tin/" + id + "/anh/1");
                        }));
    }

    @Test
    void aFileThatIsNotAPhotoIsRefusedInVietnameseAndNothingIsSaved() {
        Place place = place();
        long before = bulletinsOf(place);

        MvcTestResult refused = editor(
                place, "save", new MockMultipartFile("photos", "anh.jpg", "image/jpeg", "MZ not a photo".getBytes()));

        assertThat(refused).hasStatus(422).bodyText().contains("Chỉ nhận ảnh JPEG, PNG hoặc WebP.");
        assertThat(bulletinsOf(place)).isEqualTo(before);
    }

    @Test
    void aDraftsPhotoIsForOfficersOnly() throws IOException {
        Place place = place();

        long id = idIn(editor(place, "save", new MockMultipartFile("photos", "a.png", "image/png", png())));

        assertThat(mvc.get().uri("/ban-tin/{id}/anh/1", id)).hasStatus(404);
        assertThat(mvc.get().uri("/console/bulletins/{id}/images/1", id).with(user(chief(place))))
                .hasStatusOk()
                .hasContentType("image/png");
        assertThat(mvc.get().uri("/console/bulletins/{id}/edit", id).with(user(chief(place))))
                .bodyText()
                .contains("/console/bulletins/" + id + "/images/1");
        assertThat(mvc.post()
                        .uri("/console/bulletins/preview")
                        .param("id", String.valueOf(id))
                        .param("title", "Xe máy bị trộm ở thôn A")
                        .param("body", "Ai thấy chiếc xe trong ảnh, hãy báo công an xã.")
                        .with(user(chief(place)))
                        .with(csrf()))
                .as("the live preview shows the saved photo as the portal will")
                .bodyText()
                .contains("/console/bulletins/" + id + "/images/1");
    }

    @Test
    void aCorrectionKeepsThePhotosOfTheBulletinItCorrects() throws IOException {
        Place place = place();
        byte[] png = png();
        long original = idIn(editor(place, "submit", new MockMultipartFile("photos", "tre-lac.png", "image/png", png)));

        assertThat(mvc.get()
                        .uri("/console/bulletins/new?corrects={id}", original)
                        .with(user(chief(place))))
                .as("the editor shows the photos the correction keeps")
                .bodyText()
                .contains("/console/bulletins/" + original + "/images/1");
        var none = new MockMultipartFile("photos", "", "application/octet-stream", new byte[0]);
        long correction = idIn(mvc.post()
                .uri("/console/bulletins")
                .multipart()
                .file(none)
                .param("action", "submit")
                .param("correctsId", String.valueOf(original))
                .param("kind", "CRIME_METHOD")
                .param("title", "Đính chính: xe máy bị trộm ở thôn B")
                .param("body", "Xe bị trộm ở thôn B, không phải thôn A. Ai thấy hãy báo công an xã.")
                .param("communeCodes", place.commune().code())
                .param("toFollowers", "false")
                .param("toGroups", "false")
                .with(user(chief(place)))
                .with(csrf())
                .exchange());

        assertThat(correction).isNotEqualTo(original);
        MvcTestResult photo = mvc.get().uri("/ban-tin/{id}/anh/1", correction).exchange();
        assertThat(photo).hasStatusOk();
        assertThat(photo.getResponse().getContentAsByteArray()).isEqualTo(png);
    }

    private MvcTestResult editor(Place place, String action, MockMultipartFile photo) {
        return mvc.post()
                .uri("/console/bulletins")
                .multipart()
                .file(photo)
                .param("action", action)
                .param("kind", "CRIME_METHOD")
                .param("title", "Xe máy bị trộm ở thôn A")
                .param("body", "Ai thấy chiếc xe trong ảnh, hãy báo công an xã.")
                .param("communeCodes", place.commune().code())
                .param("toFollowers", "false")
                .param("toGroups", "false")
                .param("toArticle", "true")
                .with(user(chief(place)))
                .with(csrf())
                .exchange();
    }

    private static long idIn(MvcTestResult result) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/console/bulletins/");
        return Long.parseLong(location.replaceAll("^/console/bulletins/(\\d+).*$", "$1"));
    }

    private long bulletinsOf(Place place) {
        return jdbc.sql("SELECT count(*) FROM bulletins.bulletins WHERE author_id = ?")
                .param(place.commune().chief())
                .query(Long.class)
                .single();
    }

    private static byte[] png() throws IOException {
        var image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xCC2222);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
