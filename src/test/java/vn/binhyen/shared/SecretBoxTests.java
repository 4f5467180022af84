package vn.binhyen.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import vn.binhyen.shared.crypto.SecretBox;

class SecretBoxTests {

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private final SecretBox box = new SecretBox(key());

    @Test
    void opensWhatItSealed() {
        byte[] sealed = box.seal("Nguyễn Văn A, 0912345678", "tip:1");
        assertThat(box.open(sealed, "tip:1")).isEqualTo("Nguyễn Văn A, 0912345678");
    }

    @Test
    void sealedBytesDoNotContainThePlaintext() {
        byte[] sealed = box.seal("0912345678", "tip:1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("0912345678");
    }

    @Test
    void sameValueSealsDifferentlyEachTime() {
        assertThat(box.seal("x", "tip:1")).isNotEqualTo(box.seal("x", "tip:1"));
    }

    @Test
    void aValueMovedToAnotherRowDoesNotOpen() {
        byte[] sealed = box.seal("secret", "tip:1");
        assertThatThrownBy(() -> box.open(sealed, "tip:2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        byte[] sealed = box.seal("secret", "tip:1");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(sealed, "tip:1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotOpenIt() {
        byte[] sealed = box.seal("secret", "tip:1");
        assertThatThrownBy(() -> new SecretBox(key()).open(sealed, "tip:1")).isInstanceOf(IllegalStateException.class);
    }
}
