package vn.binhyen.insights.internal;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Unit boundaries for maps drawn without any tile server: imported from GeoJSON FeatureCollections in the format of
 * the national unit list's boundary files (a feature's {@code id}, or its {@code properties.code}, is the official
 * unit code). Coordinates are kept to 5 decimals (about a metre), which halves what a page downloads.
 */
@Service
public class Boundaries {

    private static final Logger log = LoggerFactory.getLogger(Boundaries.class);
    private static final Pattern CODE = Pattern.compile("[0-9]{2}|[0-9]{5}");

    /** A file that is not a FeatureCollection of unit boundaries. */
    public static class BadBoundariesException extends RuntimeException {
        public BadBoundariesException(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Boundaries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Imports (or replaces) every feature's boundary; returns how many units got one. */
    @Transactional
    public int importFile(InputStream in, String source) {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (JacksonException e) {
            throw new BadBoundariesException("not JSON");
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))) {
            throw new BadBoundariesException("not a FeatureCollection");
        }
        int imported = 0;
        for (JsonNode feature : root.path("features")) {
            String code = feature.hasNonNull("id")
                    ? feature.get("id").asString()
                    : feature.path("properties").path("code").asString("");
            JsonNode geometry = feature.get("geometry");
            if (!CODE.matcher(code).matches() || geometry == null || !geometry.has("coordinates")) {
                continue;
            }
            var compact = JsonNodeFactory.instance.objectNode();
            compact.put("type", geometry.path("type").asString());
            compact.set("coordinates", rounded(geometry.get("coordinates")));
            jdbc.sql("""
                            INSERT INTO insights.boundaries (unit_code, geometry, source, imported_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT (unit_code) DO UPDATE SET geometry = EXCLUDED.geometry, source = EXCLUDED.source,
                                imported_at = EXCLUDED.imported_at
                            """)
                    .params(code, json.writeValueAsString(compact), source, Timestamp.from(clock.instant()))
                    .update();
            imported++;
        }
        log.info("Imported {} unit boundaries from {}", imported, source);
        return imported;
    }

    private static JsonNode rounded(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode child : node) {
                out.add(rounded(child));
            }
            return out;
        }
        if (node.isNumber()) {
            return JsonNodeFactory.instance.numberNode(Math.round(node.asDouble() * 1e5) / 1e5);
        }
        return node;
    }

    /**
     * The map of a province's communes coloured by {@code values}: each commune with its imported boundary, or, when it
     * has none, as a point where its villages are; the province outline under them when it was imported.
     *
     * @return a GeoJSON FeatureCollection; empty when nothing can be drawn
     */
    @Transactional(readOnly = true)
    public Map<String, Object> provinceMap(
            Unit province, List<Unit> communes, Map<String, @Nullable Number> values, Map<String, String> labels) {
        Map<String, String> geometries = new HashMap<>();
        jdbc.sql("""
                        SELECT b.unit_code, b.geometry FROM insights.boundaries b
                         WHERE b.unit_code = :province OR b.unit_code IN (SELECT code FROM directory.administrative_units
                               WHERE province_code = :province AND level = 'COMMUNE')
                        """).param("province", province.key()).query(rs -> {
            geometries.put(rs.getString(1), rs.getString(2));
        });
        Map<String, double[]> centres = new HashMap<>();
        jdbc.sql("""
                        SELECT v.commune_code, avg(v.latitude), avg(v.longitude) FROM directory.villages v
                          JOIN directory.administrative_units c ON c.code = v.commune_code
                         WHERE c.province_code = ? AND v.latitude IS NOT NULL AND v.longitude IS NOT NULL
                         GROUP BY v.commune_code
                        """).param(province.key()).query(rs -> {
            centres.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
        });
        List<Object> features = new ArrayList<>();
        if (geometries.containsKey(province.key())) {
            features.add(feature(geometries.get(province.key()), Map.of("kind", "outline", "name", province.name())));
        }
        for (Unit c : communes) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("kind", "commune");
            props.put("code", c.key());
            props.put("name", c.name());
            props.put("value", values.get(c.key()));
            props.put("label", labels.getOrDefault(c.key(), ""));
            props.put("href", c.href());
            if (geometries.containsKey(c.key())) {
                props.put("drawn", "boundary");
                features.add(feature(geometries.get(c.key()), props));
            } else if (centres.containsKey(c.key())) {
                double[] at = centres.get(c.key());
                props.put("drawn", "point");
                features.add(Map.of(
                        "type",
                        "Feature",
                        "geometry",
                        Map.of("type", "Point", "coordinates", List.of(at[1], at[0])),
                        "properties",
                        props));
            }
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private Map<String, Object> feature(String geometry, Map<String, ?> properties) {
        return Map.of("type", "Feature", "geometry", json.readTree(geometry), "properties", properties);
    }
}
