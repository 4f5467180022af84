package vn.binhyen.incidents.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for units that have not set their own early-warning settings.
 *
 * @param alertThreshold severity at which an incident raises an urgent alert
 * @param window how far apart in time two signals about one event may be
 * @param radiusMeters how far apart two places may be and still be "the same place" (neighbouring villages)
 * @param similarity how alike two texts must be (0–1, word overlap) to link signals without a shared watch category
 * @param cacheTtl how long a node keeps a unit's terms, landmarks and villages before reading them again
 * @param mapTilesUrl the tile server for incident maps; markers still draw without tiles
 * @param workers how many threads group queued signals (each holds one database connection while it groups)
 */
@ConfigurationProperties("binhyen.incidents")
public record IncidentsProperties(
        @DefaultValue("10") double alertThreshold,
        @DefaultValue("PT6H") Duration window,
        @DefaultValue("1500") int radiusMeters,
        @DefaultValue("0.34") double similarity,
        @DefaultValue("PT30S") Duration cacheTtl,

        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        String mapTilesUrl,

        @DefaultValue("4") int workers) {}
