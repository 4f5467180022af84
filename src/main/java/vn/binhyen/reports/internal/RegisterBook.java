package vn.binhyen.reports.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.reports.TipChannel;

/**
 * Enters a report in the unit's receipt register and opens its docket, inside the transaction that stores the tip:
 * a tip without a register line cannot exist.
 */
@Component
public class RegisterBook {

    private final RegisterStore store;
    private final LegalClocks clocks;

    RegisterBook(RegisterStore store, LegalClocks clocks) {
        this.store = store;
        this.clocks = clocks;
    }

    /** @return the register line's label, for example {@code 15/2026} */
    public String enter(
            long tipId,
            CommuneView commune,
            Instant receivedAt,
            TipChannel channel,
            boolean urgent,
            String description,
            @Nullable Long receivingOfficerId,
            Instant now) {
        int year = LegalClocks.localDate(receivedAt).getYear();
        int number = store.nextNumber(commune.code(), year);
        store.insertEntry(
                tipId,
                commune.provinceCode(),
                commune.code(),
                year,
                number,
                receivedAt,
                channel,
                receivingOfficerId,
                summary(description),
                null,
                null,
                receivingOfficerId,
                now);
        store.openDocket(
                tipId,
                commune.code(),
                commune.provinceCode(),
                urgent,
                commune.remote(),
                receivedAt,
                urgent ? clocks.immediateReportDue(receivedAt) : null);
        return number + "/" + year;
    }

    static String summary(String description) {
        String text = description.strip().replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 299) + "…" : text;
    }

    @Configuration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        LegalClocks legalClocks(RegisterRules rules, HolidayCalendar holidays) {
            return new LegalClocks(rules, holidays);
        }
    }
}
