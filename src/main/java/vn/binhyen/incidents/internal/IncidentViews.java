package vn.binhyen.incidents.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.binhyen.directory.VillageView;
import vn.binhyen.incidents.IncidentOutcome;

/** What the incident pages show. */
public final class IncidentViews {

    private IncidentViews() {}

    public enum Level {
        LOW,
        MEDIUM,
        URGENT;

        public String labelKey() {
            return "incidents.level." + name();
        }

        static Level of(double severity, double threshold) {
            return severity >= threshold ? URGENT : severity >= threshold / 2 ? MEDIUM : LOW;
        }
    }

    public record Summary(
            long id,
            String provinceCode,
            String communeCode,
            @Nullable Long villageId,
            @Nullable String villageName,
            String title,
            List<String> categories,
            double severity,
            Level level,
            int signalCount,
            int sourceCount,
            String status,
            Instant firstSignalAt,
            Instant lastSignalAt,
            @Nullable Instant eventAt,
            @Nullable Instant alertedAt,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable Long ownerOfficerId,
            @Nullable String ownerName,
            @Nullable IncidentOutcome outcome,
            @Nullable String outcomeNote,
            @Nullable Instant closedAt,
            @Nullable Long mergedInto) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    public record SignalView(
            long id,
            String source,
            String text,
            Instant sentAt,
            @Nullable String placeName,
            String placeBasis,
            List<String> terms,
            double score,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable Instant eventAt,
            String reason,
            @Nullable Long tipId,
            @Nullable String tipCode) {}

    public record ActionView(
            String kind, @Nullable String note, @Nullable String officerName, Instant at) {}

    public record AssistanceView(
            long id,
            String caseReference,
            Instant windowFrom,
            Instant windowTo,
            List<String> villages,
            String body,
            String delivery,
            Instant createdAt) {}

    /** @param hiddenSignals signals of the incident the officer may not read, left out of {@code signals} */
    public record Details(
            Summary incident,
            IncidentLedger.Severity severity,
            double threshold,
            List<SignalView> signals,
            int hiddenSignals,
            List<String> people,
            List<String> places,
            List<ActionView> actions,
            List<AssistanceView> assistance,
            List<VillageView> villages,
            List<Summary> mergeable,
            boolean canDecide) {

        public List<SignalView> tips() {
            return signals.stream().filter(s -> s.tipId() != null).toList();
        }
    }

    public record MapPoint(long id, String title, double latitude, double longitude, double severity, String level) {}

    public record HotSpot(
            @Nullable Long villageId,
            String name,
            long incidents,
            long prevented,
            @Nullable Double latitude,
            @Nullable Double longitude) {}

    public record Board(
            List<Summary> open,
            List<MapPoint> lastWeek,
            List<HotSpot> hotSpots,
            long prevented90,
            long closed90,
            double threshold) {}

    public record LiveAlert(
            long id, long incidentId, String title, double severity, Instant createdAt, String zaloState) {}
}
