package vn.binhyen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The codes of an authenticator app, against RFC 6238's own test vectors, and the window they are accepted in. */
class AuthenticatorCodesTests {

    /** RFC 6238, appendix B: the SHA-1 key is the ASCII of "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final AuthenticatorCodes codes = new AuthenticatorCodes();

    @Test
    void theCodesAreThoseOfRfc6238CutToSixDigitsWithTheirLeadingZeros() {
        // The RFC's 8-digit values 94287082, 07081804, 89005924 and 69279037, cut to the 6 digits apps show.
        assertThat(codes.codeAt(RFC_KEY, 59 / 30)).isEqualTo("287082");
        assertThat(codes.codeAt(RFC_KEY, 1111111109L / 30)).isEqualTo("081804");
        assertThat(codes.codeAt(RFC_KEY, 1234567890L / 30)).isEqualTo("005924");
        assertThat(codes.codeAt(RFC_KEY, 2000000000L / 30)).isEqualTo("279037");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideOfNowAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1234567890L);
        long present = 1234567890L / 30;
        assertThat(codes.stepOf(RFC_KEY, "005924", now)).hasValue(present);
        assertThat(codes.stepOf(RFC_KEY, codes.codeAt(RFC_KEY, present - 1), now))
                .hasValue(present - 1);
        assertThat(codes.stepOf(RFC_KEY, codes.codeAt(RFC_KEY, present + 1), now))
                .hasValue(present + 1);
        assertThat(codes.stepOf(RFC_KEY, codes.codeAt(RFC_KEY, present - 2), now))
                .isEmpty();
        assertThat(codes.stepOf(RFC_KEY, codes.codeAt(RFC_KEY, present + 2), now))
                .isEmpty();
        assertThat(codes.stepOf(RFC_KEY, "5924", now)).isEmpty();
        assertThat(codes.stepOf(RFC_KEY, "00592a", now)).isEmpty();
        assertThat(codes.stepOf(RFC_KEY, "٠٠٥٩٢٤", now))
                .as("Arabic-Indic digits are not ASCII digits")
                .isEmpty();
    }

    @Test
    void theKeyIsTypedAsBase32InGroupsAndReadBackTheSame() {
        byte[] key = codes.newKey();
        assertThat(key).hasSize(20);
        String typed = AuthenticatorCodes.typedKey(key);
        assertThat(typed).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(AuthenticatorCodes.keyOf(typed)).isEqualTo(key);
        assertThat(AuthenticatorCodes.keyOf(typed.toLowerCase()))
                .as("typed in lower case")
                .isEqualTo(key);
    }

    @Test
    void theAppLinkNamesTheSignInAndCarriesTheKeyAndTheQrCodeIsAnSvgImage() {
        byte[] key = codes.newKey();
        String link = AuthenticatorCodes.appLink("ksv1.buonmathuot", key);
        assertThat(link)
                .startsWith("otpauth://totp/BinhYen%3Aksv1.buonmathuot?secret=")
                .contains(AuthenticatorCodes.typedKey(key).replace(" ", ""))
                .contains("issuer=BinhYen", "digits=6", "period=30");
        String image = AuthenticatorCodes.qrImage(link);
        assertThat(image).startsWith("data:image/svg+xml;base64,");
        String svg = new String(
                Base64.getDecoder().decode(image.substring("data:image/svg+xml;base64,".length())),
                StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("<path").endsWith("</svg>");
    }
}
