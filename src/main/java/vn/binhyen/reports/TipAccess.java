package vn.binhyen.reports;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.binhyen.accounts.AccessScope;

/**
 * Which tips an officer may read, by the register's own rule (commune, village, the officer it is assigned to): for
 * other modules that show something taken from a tip (an incident's signals), so that their pages are no way round
 * the tip's page.
 */
@Service
public class TipAccess {

    private final JdbcClient jdbc;

    TipAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids among these that the officer may read; an unknown id is not among them. */
    public Set<Long> readable(AccessScope scope, Collection<Long> tipIds) {
        Set<Long> readable = new HashSet<>();
        if (tipIds.isEmpty()) {
            return readable;
        }
        jdbc.sql("SELECT id, province_code, commune_code, village_id, assigned_officer_id FROM reports.tips"
                        + " WHERE id IN (:ids)")
                .param("ids", Set.copyOf(tipIds))
                .query(rs -> {
                    if (scope.covers(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getObject(4, Long.class),
                            rs.getObject(5, Long.class))) {
                        readable.add(rs.getLong(1));
                    }
                });
        return readable;
    }
}
