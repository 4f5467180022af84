package vn.binhyen.incidents.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.VillageView;
import vn.binhyen.shared.text.VietnameseText;

/**
 * Where a signal is about. In order of trust: a GPS point; the village a resident chose on a tip; a landmark from the
 * unit's gazetteer or a village named in the text (the event's place, which may differ from where the writer lives);
 * the village of the group it was written in; otherwise only the commune. Villages, landmarks and group places are kept in memory
 * for a short while.
 */
@Component
public class Places {

    /** A named place: a village of the directory or a landmark of the gazetteer. */
    record Named(
            String name,
            String folded,
            @Nullable Long villageId,
            @Nullable Double latitude,
            @Nullable Double longitude) {}

    public enum Basis {
        VILLAGE,
        GPS,
        GROUP,
        LANDMARK,
        TEXT,
        COMMUNE
    }

    /** The resolved place, and every named place the text mentions. */
    public record Resolved(
            @Nullable Long villageId,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable String placeName,
            Basis basis,
            List<String> mentioned) {}

    private record Unit(List<VillageView> villages, List<Named> named, Map<String, Long> groups, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final IncidentsProperties properties;
    private final Clock clock;
    private final Map<String, Unit> cache = new ConcurrentHashMap<>();

    Places(JdbcClient jdbc, Directory directory, IncidentsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    public Resolved resolve(
            String communeCode,
            @Nullable Long villageId,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable String groupRef,
            @Nullable String placeText,
            String folded) {
        Unit unit = unit(communeCode);
        String padded = " " + folded + " " + (placeText == null ? "" : VietnameseText.fold(placeText)) + " ";
        List<Named> mentioned = new ArrayList<>();
        for (Named named : unit.named()) {
            if (padded.contains(" " + named.folded() + " ")) {
                mentioned.add(named);
            }
        }
        // "Thôn 1" inside "Thôn 11" is a whole-word miss already; a landmark that contains a village name wins.
        mentioned.sort(Comparator.comparingInt((Named n) -> n.folded().length()).reversed());
        List<String> names = mentioned.stream().map(Named::name).distinct().toList();
        if (latitude != null && longitude != null) {
            VillageView nearest = nearestVillage(unit.villages(), latitude, longitude);
            Long village = villageId != null ? villageId : nearest == null ? null : nearest.id();
            return new Resolved(village, latitude, longitude, nameOf(unit, village), Basis.GPS, names);
        }
        if (villageId != null) {
            VillageView v = village(unit, villageId);
            return new Resolved(
                    villageId,
                    v == null ? null : v.latitude(),
                    v == null ? null : v.longitude(),
                    v == null ? null : v.name(),
                    Basis.VILLAGE,
                    names);
        }
        if (!mentioned.isEmpty()) {
            Named place = mentioned.getFirst();
            Long village = place.villageId() != null ? place.villageId() : villageId;
            Double lat = place.latitude();
            Double lon = place.longitude();
            if (lat == null && village != null) {
                VillageView v = village(unit, village);
                lat = v == null ? null : v.latitude();
                lon = v == null ? null : v.longitude();
            }
            boolean landmark = place.villageId() == null || !isVillageName(unit, place);
            return new Resolved(village, lat, lon, place.name(), landmark ? Basis.LANDMARK : Basis.TEXT, names);
        }
        Long groupVillage = groupRef == null ? null : unit.groups().get(groupRef);
        if (groupVillage != null) {
            VillageView v = village(unit, groupVillage);
            return new Resolved(
                    groupVillage,
                    v == null ? null : v.latitude(),
                    v == null ? null : v.longitude(),
                    v == null ? null : v.name(),
                    Basis.GROUP,
                    names);
        }
        return new Resolved(null, null, null, null, Basis.COMMUNE, names);
    }

    public List<VillageView> villages(String communeCode) {
        return unit(communeCode).villages();
    }

    public Optional<VillageView> village(String communeCode, long villageId) {
        return Optional.ofNullable(village(unit(communeCode), villageId));
    }

    /** The village the unit placed the group in (one of its own villages), if it did. */
    public @Nullable Long groupVillage(String communeCode, String groupRef) {
        return unit(communeCode).groups().get(groupRef);
    }

    public void forget(String communeCode) {
        cache.remove(communeCode);
    }

    /** Great-circle distance in metres (haversine); villages a few kilometres apart need no better. */
    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static boolean isVillageName(Unit unit, Named named) {
        return unit.villages().stream().anyMatch(v -> v.name().equals(named.name()));
    }

    private static @Nullable String nameOf(Unit unit, @Nullable Long villageId) {
        VillageView v = villageId == null ? null : village(unit, villageId);
        return v == null ? null : v.name();
    }

    private static @Nullable VillageView village(Unit unit, long id) {
        for (VillageView v : unit.villages()) {
            if (v.id() == id) {
                return v;
            }
        }
        return null;
    }

    private @Nullable VillageView nearestVillage(List<VillageView> villages, double lat, double lon) {
        VillageView best = null;
        double bestDistance = properties.radiusMeters() * 2.0;
        for (VillageView v : villages) {
            if (v.latitude() == null || v.longitude() == null) {
                continue;
            }
            double d = meters(lat, lon, v.latitude(), v.longitude());
            if (d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return best;
    }

    private Unit unit(String communeCode) {
        Instant now = clock.instant();
        Unit unit = cache.get(communeCode);
        if (unit == null || unit.loadedAt().plus(properties.cacheTtl()).isBefore(now)) {
            unit = load(communeCode, now);
            cache.put(communeCode, unit);
        }
        return unit;
    }

    private Unit load(String communeCode, Instant now) {
        List<VillageView> villages = directory.villagesOf(communeCode);
        List<Named> named = new ArrayList<>();
        for (VillageView v : villages) {
            named.add(new Named(v.name(), VietnameseText.fold(v.name()), v.id(), v.latitude(), v.longitude()));
        }
        jdbc.sql("SELECT name, village_id, latitude, longitude FROM incidents.gazetteer WHERE commune_code = ?")
                .param(communeCode)
                .query((rs, n) -> new Named(
                        rs.getString("name"),
                        VietnameseText.fold(rs.getString("name")),
                        rs.getObject("village_id", Long.class),
                        rs.getObject("latitude", Double.class),
                        rs.getObject("longitude", Double.class)))
                .list()
                .forEach(named::add);
        // A group place naming another commune's village (another unit could once move a commune's group) is left
        // out: the group's signals stay at the commune, rather than alert that village's officers, until the unit
        // places the group again. Retired villages count: a group keeps its village as tips keep theirs.
        Set<Long> ownVillages = directory.allVillagesOf(communeCode).stream()
                .map(VillageView::id)
                .collect(Collectors.toSet());
        Map<String, Long> groups = new ConcurrentHashMap<>();
        jdbc
                .sql("SELECT group_ref, village_id FROM incidents.group_places WHERE commune_code = ?")
                .param(communeCode)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .filter(e -> ownVillages.contains(e.getValue()))
                .forEach(e -> groups.put(e.getKey(), e.getValue()));
        return new Unit(List.copyOf(villages), List.copyOf(named), Map.copyOf(groups), now);
    }
}
