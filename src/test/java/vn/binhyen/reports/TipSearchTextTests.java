package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.binhyen.reports.internal.TipSearchText;

class TipSearchTextTests {

    @Test
    void everyWordTypedAnyWayMustStartAWord() {
        assertThat(TipSearchText.prefixQuery("Đua  xe")).isEqualTo("dua:* & xe:*");
        assertThat(TipSearchText.prefixQuery("dua xe")).isEqualTo("dua:* & xe:*");
        assertThat(TipSearchText.prefixQuery("  ")).isEmpty();
    }

    @Test
    void aPastedCodeIsFoundByItsTwoGroupsAlone() {
        // Every tip's text starts with "tb", so the word narrows nothing and is left out.
        assertThat(TipSearchText.of("TB-7K3M-Q9TX", "Mất trộm", null, null)).startsWith("tb 7k3m q9tx ");
        assertThat(TipSearchText.prefixQuery("TB-7K3M-Q9TX")).isEqualTo("7k3m:* & q9tx:*");
        assertThat(TipSearchText.prefixQuery("tb")).isEmpty();
        assertThat(TipSearchText.prefixQuery("tbx 7k3m")).isEqualTo("tbx:* & 7k3m:*");
    }
}
