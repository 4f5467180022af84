package vn.binhyen.reports.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers of the law that the register's clocks use, with the documented defaults. Each is listed, with its
 * source and whether the reference confirms it, in docs/legal-rules.md: change a value here, not in code.
 *
 * @param transferLimit commune police transfer a crime report to the investigation body within this (TTLT 01/2017)
 * @param remoteTransferLimit the same for communes marked remote or island
 * @param immediateReportLimit an urgent report is reported "at once by the fastest means"; the console flags it
 *     overdue after this [unverified: the law gives no number]
 * @param resolutionDays days to resolve a report the unit handles itself, from receipt (CPC Art. 147(1))
 * @param extendedMonths the first extension: up to this many months from receipt (CPC Art. 147(2))
 * @param procuracyExtensionMonths the Procuracy's one further extension, beyond the current deadline (Art. 147(2))
 * @param extensionRequestDays the extension request is due this many days before the deadline (Art. 147(2))
 * @param resumedMonths time left after a resumption or an annulled suspension (CPC Arts 148–149)
 * @param procuracyNoticeLimit decisions go to the Procuracy within this (Circular 28/2020 Art. 16; CPC Art. 148)
 * @param resumptionNoticeLimit a resumption decision is sent within this (CPC Art. 149)
 * @param wholeDays day and month limits end at 24:00 of their last day, Vietnam time [unverified: CPC Art. 133 from
 *     general knowledge]; false means exactly N×24 hours from receipt
 * @param transferWarning warn the assigned officer this long before a transfer or immediate-report deadline
 * @param resolutionWarning warn this long before a resolution deadline or an extension request is due
 * @param provinceEscalation escalate to the province command when a deadline has passed by this much
 * @param watchInterval how often the clock watch runs (a db-scheduler recurring task)
 * @param dayOfRestMoves a day or month limit whose last day is a Saturday, Sunday or public holiday (the holiday
 *     calendar) ends at 24:00 of the next working day [unverified: CPC Art. 133 from general knowledge]; hour limits
 *     never move
 */
@ConfigurationProperties("binhyen.reports.rules")
public record RegisterRules(
        @DefaultValue("PT24H") Duration transferLimit,
        @DefaultValue("PT48H") Duration remoteTransferLimit,
        @DefaultValue("PT2H") Duration immediateReportLimit,
        @DefaultValue("20") int resolutionDays,
        @DefaultValue("2") int extendedMonths,
        @DefaultValue("2") int procuracyExtensionMonths,
        @DefaultValue("5") int extensionRequestDays,
        @DefaultValue("1") int resumedMonths,
        @DefaultValue("PT24H") Duration procuracyNoticeLimit,
        @DefaultValue("P3D") Duration resumptionNoticeLimit,
        @DefaultValue("true") boolean wholeDays,
        @DefaultValue("PT6H") Duration transferWarning,
        @DefaultValue("P3D") Duration resolutionWarning,
        @DefaultValue("PT24H") Duration provinceEscalation,
        @DefaultValue("PT1M") Duration watchInterval,
        @DefaultValue("true") boolean dayOfRestMoves) {

    public static RegisterRules defaults() {
        return new RegisterRules(
                Duration.ofHours(24),
                Duration.ofHours(48),
                Duration.ofHours(2),
                20,
                2,
                2,
                5,
                1,
                Duration.ofHours(24),
                Duration.ofDays(3),
                true,
                Duration.ofHours(6),
                Duration.ofDays(3),
                Duration.ofHours(24),
                Duration.ofMinutes(1),
                true);
    }
}
