package vn.binhyen.incidents.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.binhyen.incidents.WatchCategory;

/**
 * A signal as a source hands it in.
 *
 * @param sourceRef unique within the source (a tip code, a message id): a redelivered signal is recorded once
 * @param sourceKey who or what it came from, for counting distinct sources (one tip, one thread, one group)
 * @param categoryHint what the resident said it is about (a tip's category), weighed like a watch term
 * @param statedEventAt when the source says it happens, if it says so in a field rather than in the text
 */
public record NewSignal(
        SignalSource source,
        String sourceRef,
        String sourceKey,
        String provinceCode,
        String communeCode,
        @Nullable Long villageId,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable String groupRef,
        @Nullable String placeText,
        String text,
        boolean urgent,
        @Nullable WatchCategory categoryHint,
        Instant sentAt,
        @Nullable Instant statedEventAt) {

    public enum SignalSource {
        TIP,
        MESSAGE,
        GROUP
    }

    @Override
    public String toString() {
        return "NewSignal[" + source + " " + sourceRef + ", commune " + communeCode + "]";
    }
}
