package vn.binhyen.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the reference catalogue ({@code knowledge/catalogue.yml}) in every profile: procedures are content the product
 * ships with, not demo data. An entry is added only when its slug is new, so an officer's approved edits are never
 * overwritten by a restart.
 */
@Component
public class CatalogueSeeder {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);
    static final String CATALOGUE = "knowledge/catalogue.yml";

    private final CatalogueStore store;
    private final Clock clock;

    CatalogueSeeder(CatalogueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public int seedMissingEntries() {
        Map<String, Object> catalogue = read();
        @SuppressWarnings("unchecked")
        Map<String, Object> defaults = (Map<String, Object>) catalogue.getOrDefault("defaults", Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) catalogue.get("entries");
        int added = 0;
        for (Map<String, Object> entry : entries) {
            String slug = text(entry, "slug");
            if (store.exists(slug)) {
                continue;
            }
            var now = clock.instant();
            long entryId = store.insertEntry(
                    slug,
                    EntryKind.valueOf(entry.getOrDefault("kind", "PROCEDURE").toString()),
                    Topic.valueOf(text(entry, "topic")),
                    now);
            String reviewer =
                    entry.getOrDefault("reviewer", defaults.get("reviewer")).toString();
            long revisionId = store.insertRevision(
                    entryId, RevisionStatus.PENDING_REVIEW, content(entry), "Nạp từ danh mục gốc", null, reviewer, now);
            store.decide(
                    revisionId,
                    RevisionStatus.APPROVED,
                    null,
                    reviewer,
                    null,
                    now,
                    date(entry.getOrDefault("reviewedOn", defaults.get("reviewedOn"))));
            added++;
        }
        if (added > 0) {
            log.info("Knowledge catalogue: added {} reference entries", added);
        }
        return added;
    }

    private static Map<String, Object> read() {
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (InputStream in = new ClassPathResource(CATALOGUE).getInputStream()) {
            return yaml.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CATALOGUE, e);
        }
    }

    private static EntryContent content(Map<String, Object> entry) {
        return new EntryContent(
                text(entry, "title"),
                list(entry, "questions"),
                text(entry, "summary"),
                text(entry, "audience"),
                list(entry, "documents"),
                list(entry, "steps"),
                text(entry, "submission"),
                text(entry, "timeLimit"),
                text(entry, "fee"),
                text(entry, "legalBasis"));
    }

    private static String text(Map<String, Object> entry, String key) {
        Object value = entry.get(key);
        return value == null ? "" : value.toString().strip();
    }

    private static List<String> list(Map<String, Object> entry, String key) {
        Object value = entry.get(key);
        return value instanceof List<?> items
                ? items.stream().map(item -> item.toString().strip()).toList()
                : List.of();
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case Date date -> date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            case LocalDate date -> date;
            default -> LocalDate.parse(value.toString());
        };
    }
}
