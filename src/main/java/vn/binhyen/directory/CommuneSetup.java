package vn.binhyen.directory;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.directory.VillageView.VillageKind;

/**
 * What a commune sets up itself to be in service: its police unit's public contact details (shown on the resident
 * page) and its villages and residential groups (a commune is in service once it has one). Who may is the caller's
 * to check; every change publishes a {@link DirectoryChanged} for the audit log.
 */
@Service
public class CommuneSetup {

    /** The public details of a commune police unit, as typed. */
    public record Contacts(
            @Nullable String address,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String zaloPage) {}

    /** A village or residential group to add or correct, as typed. */
    public record VillageDetails(
            String name,
            @Nullable VillageKind kind,
            @Nullable Integer population,
            @Nullable Double latitude,
            @Nullable Double longitude) {}

    private static final Pattern PHONE = Pattern.compile("[0-9 +().-]{6,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    /** The page is linked on the resident page: only Zalo's own https addresses, never another scheme. */
    private static final Pattern ZALO_PAGE = Pattern.compile("https://(zalo\\.me|oa\\.zalo\\.me)/[^\\s<>\"']{1,200}");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CommuneSetup(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public void updateContacts(String communeCode, Contacts typed, String byUsername, long byOfficerId) {
        String address = text(typed.address(), 300, "address");
        String phone = matching(typed.phone(), PHONE, "phone");
        String email = matching(typed.email(), EMAIL, "email");
        String zaloPage = matching(typed.zaloPage(), ZALO_PAGE, "zaloPage");
        int updated = jdbc.sql("""
                        UPDATE directory.police_units SET address = ?, phone = ?, email = ?, zalo_page = ?
                         WHERE unit_code = ? AND level = 'COMMUNE'
                        """)
                .params(address, phone, email, zaloPage, communeCode)
                .update();
        if (updated == 0) {
            throw new DirectoryChangeException("address", "setup.error.no-unit", "No police unit " + communeCode);
        }
        events.publishEvent(new DirectoryChanged(
                byUsername,
                byOfficerId,
                "unit:" + communeCode,
                "contacts: %s | %s | %s | %s".formatted(address, phone, email, zaloPage)));
    }

    /** Adds a village or residential group to the commune; its name must be new in the commune. Returns its id. */
    @Transactional
    public long addVillage(String communeCode, VillageDetails typed, String byUsername, long byOfficerId) {
        VillageDetails village = checked(typed);
        var id = jdbc.sql("""
                        INSERT INTO directory.villages (commune_code, name, kind, population, latitude, longitude)
                        SELECT a.code, ?, ?, ?, ?, ? FROM directory.administrative_units a
                         WHERE a.code = ? AND a.level = 'COMMUNE'
                        ON CONFLICT (commune_code, name) DO NOTHING
                        RETURNING id
                        """)
                .params(
                        village.name(),
                        village.kind().name(),
                        village.population(),
                        village.latitude(),
                        village.longitude(),
                        communeCode)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new DirectoryChangeException("name", "setup.error.duplicate", "Village exists"));
        events.publishEvent(new DirectoryChanged(
                byUsername,
                byOfficerId,
                "village:" + id,
                "added to %s: %s (%s)".formatted(communeCode, village.name(), village.kind())));
        return id;
    }

    /**
     * Corrects a village's details: a new name (hamlets merge, a residential group is renumbered), its kind, population
     * or centre. Its tips, group and area officer keep pointing at it, so they show the new name; the audit log keeps
     * what it was. Empty when the commune has no such village; false when nothing changed.
     */
    @Transactional
    public Optional<Boolean> editVillage(
            String communeCode, long villageId, VillageDetails typed, String byUsername, long byOfficerId) {
        VillageDetails village = checked(typed);
        Optional<VillageDetails> before = jdbc.sql("""
                        SELECT name, kind, population, latitude, longitude FROM directory.villages
                         WHERE id = ? AND commune_code = ? FOR UPDATE
                        """)
                .params(villageId, communeCode)
                .query((rs, n) -> new VillageDetails(
                        rs.getString("name"),
                        VillageKind.valueOf(rs.getString("kind")),
                        rs.getObject("population", Integer.class),
                        rs.getObject("latitude", Double.class),
                        rs.getObject("longitude", Double.class)))
                .optional();
        if (before.isEmpty() || before.get().equals(village)) {
            return before.map(unchanged -> false);
        }
        boolean taken = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM directory.villages WHERE commune_code = ? AND name = ? AND id <> ?)
                        """)
                .params(communeCode, village.name(), villageId)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new DirectoryChangeException("name", "setup.error.duplicate", "Village exists");
        }
        jdbc.sql("""
                        UPDATE directory.villages SET name = ?, kind = ?, population = ?, latitude = ?, longitude = ?
                         WHERE id = ?
                        """)
                .params(
                        village.name(),
                        village.kind().name(),
                        village.population(),
                        village.latitude(),
                        village.longitude(),
                        villageId)
                .update();
        events.publishEvent(new DirectoryChanged(
                byUsername,
                byOfficerId,
                "village:" + villageId,
                "changed in %s: %s -> %s".formatted(communeCode, described(before.get()), described(village))));
        return Optional.of(true);
    }

    /**
     * Takes a village out of service (it merged into another, or was dissolved), with the reason, or back into it.
     * Out of service it is no longer offered to residents, nor for new groups, bulletins and duty; its tips, group,
     * area officer and history stay. Empty when the commune has no such village; false when nothing changed.
     */
    @Transactional
    public Optional<Boolean> setInService(
            String communeCode,
            long villageId,
            boolean inService,
            @Nullable String reason,
            String byUsername,
            long byOfficerId) {
        String why = text(reason, 300, "reason");
        if (!inService && why == null) {
            throw new DirectoryChangeException("reason", "setup.error.retire-reason", "Reason missing");
        }
        Optional<Boolean> retired = jdbc.sql("""
                        SELECT retired_at IS NOT NULL FROM directory.villages WHERE id = ? AND commune_code = ? FOR UPDATE
                        """)
                .params(villageId, communeCode)
                .query(Boolean.class)
                .optional();
        if (retired.isEmpty() || retired.get() != inService) {
            return retired.map(unchanged -> false);
        }
        jdbc.sql("UPDATE directory.villages SET retired_at = CASE WHEN ? THEN NULL ELSE now() END WHERE id = ?")
                .params(inService, villageId)
                .update();
        events.publishEvent(new DirectoryChanged(
                byUsername,
                byOfficerId,
                "village:" + villageId,
                inService ? "back in service" : "out of service: " + why));
        return Optional.of(true);
    }

    private static String described(VillageDetails village) {
        return "%s (%s, population %s, at %s, %s)"
                .formatted(
                        village.name(), village.kind(), village.population(), village.latitude(), village.longitude());
    }

    /** The village as it may be stored: name stripped, kind present, population and position in range. */
    static VillageDetails checked(VillageDetails typed) {
        String name = text(typed.name(), 100, "name");
        if (name == null || name.length() < 2) {
            throw new DirectoryChangeException("name", "setup.error.name", "Village name missing");
        }
        if (typed.kind() == null) {
            throw new DirectoryChangeException("kind", "setup.error.kind", "Village kind missing");
        }
        if (typed.population() != null && (typed.population() < 0 || typed.population() > 1_000_000)) {
            throw new DirectoryChangeException("population", "setup.error.population", "Population out of range");
        }
        // Written as "inside" so that NaN, which no comparison holds for, is outside.
        if ((typed.latitude() == null) != (typed.longitude() == null)
                || (typed.latitude() != null && !(typed.latitude() >= 8 && typed.latitude() <= 24))
                || (typed.longitude() != null && !(typed.longitude() >= 102 && typed.longitude() <= 110))) {
            throw new DirectoryChangeException("latitude", "setup.error.position", "Position outside Vietnam");
        }
        return new VillageDetails(name, typed.kind(), typed.population(), typed.latitude(), typed.longitude());
    }

    private static @Nullable String text(@Nullable String typed, int max, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        if (text.length() > max) {
            throw new DirectoryChangeException(field, "setup.error.too-long", "Too long", max);
        }
        return text;
    }

    private static @Nullable String matching(@Nullable String typed, Pattern pattern, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        if (!pattern.matcher(text).matches()) {
            throw new DirectoryChangeException(field, "setup.error." + field, "Malformed " + field);
        }
        return text;
    }
}
