package vn.binhyen.incidents.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.incidents.IncidentActionException;

/** Each unit's early-warning settings, with the configured defaults for units that have not set their own. */
@Component
public class UnitSettings {

    public record Settings(boolean watching, double alertThreshold, Duration window, int radiusMeters) {}

    private record Cached(Settings settings, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final IncidentsProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    UnitSettings(JdbcClient jdbc, IncidentsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public Settings of(String communeCode) {
        Instant now = clock.instant();
        Cached cached = cache.get(communeCode);
        if (cached == null || cached.loadedAt().plus(properties.cacheTtl()).isBefore(now)) {
            Settings settings = jdbc.sql("""
                            SELECT watching, alert_threshold::float8, window_minutes, radius_meters
                              FROM incidents.unit_settings WHERE commune_code = ?
                            """)
                    .param(communeCode)
                    .query((rs, n) -> new Settings(
                            rs.getBoolean(1), rs.getDouble(2), Duration.ofMinutes(rs.getInt(3)), rs.getInt(4)))
                    .optional()
                    .orElseGet(() -> new Settings(
                            true, properties.alertThreshold(), properties.window(), properties.radiusMeters()));
            cached = new Cached(settings, now);
            cache.put(communeCode, cached);
        }
        return cached.settings();
    }

    public void save(String communeCode, Settings settings) {
        if (!(settings.alertThreshold() >= 1 && settings.alertThreshold() <= 100)) {
            throw new IncidentActionException("incidents.error.threshold", "threshold out of range");
        }
        long minutes = settings.window().toMinutes();
        if (minutes < 10 || minutes > 10080) {
            throw new IncidentActionException("incidents.error.window", "window out of range");
        }
        if (settings.radiusMeters() < 50 || settings.radiusMeters() > 20000) {
            throw new IncidentActionException("incidents.error.radius", "radius out of range");
        }
        jdbc.sql("""
                        INSERT INTO incidents.unit_settings
                            (commune_code, watching, alert_threshold, window_minutes, radius_meters, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (commune_code) DO UPDATE SET watching = EXCLUDED.watching,
                            alert_threshold = EXCLUDED.alert_threshold, window_minutes = EXCLUDED.window_minutes,
                            radius_meters = EXCLUDED.radius_meters, updated_at = EXCLUDED.updated_at
                        """)
                .params(
                        communeCode,
                        settings.watching(),
                        settings.alertThreshold(),
                        (int) minutes,
                        settings.radiusMeters(),
                        Timestamp.from(clock.instant()))
                .update();
        cache.remove(communeCode);
    }
}
