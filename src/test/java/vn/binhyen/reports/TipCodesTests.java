package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.binhyen.reports.internal.TipCodes;

class TipCodesTests {

    @Test
    void codesReadWellAndDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = TipCodes.newCode();
            assertThat(code).matches("TB-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
            codes.add(code);
        }
        assertThat(codes).hasSizeGreaterThan(9_990);
    }

    @Test
    void acceptsCodesTypedCarelessly() {
        assertThat(TipCodes.normalizeCode(" tb-7k3m q9tx ")).isEqualTo("TB-7K3M-Q9TX");
        assertThat(TipCodes.normalizeCode("7K3MQ9TX")).isEqualTo("TB-7K3M-Q9TX");
        assertThat(TipCodes.normalizeCode("TB-7K3")).isEmpty();
    }

    @Test
    void secretMatchesHowEverItIsTypedButNothingElse() {
        String secret = TipCodes.newSecret();
        String stored = TipCodes.hashSecret(secret);
        assertThat(stored).doesNotContain(secret.replace("-", ""));
        assertThat(TipCodes.secretMatches(secret.toLowerCase().replace("-", " "), stored)).isTrue();
        assertThat(TipCodes.secretMatches(TipCodes.newSecret(), stored)).isFalse();
        assertThat(TipCodes.secretMatches("", stored)).isFalse();
    }
}
