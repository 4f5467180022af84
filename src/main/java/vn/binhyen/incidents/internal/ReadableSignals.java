package vn.binhyen.incidents.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.ConversationRefs;

/**
 * Which of an incident's signals an officer may read. An incident groups signals by the event, not by who may read
 * them: an area officer follows an incident in their village that also holds an anonymous tip waiting in the commune
 * queue, or a resident's message from a thread that is not theirs. Each signal is read under its source's own rule, so
 * the incident page is no way round the tip's page or the inbox:
 *
 * <ul>
 *   <li>a tip as the register shows it: its commune, village and the officer it is assigned to;
 *   <li>a resident's or a group's message as the inbox shows its thread;
 *   <li>a group's message also to the officers of the village the unit placed the group in (early-warning setup):
 *       the village's own group, which its area officer runs, though the inbox may not know its village yet;
 *   <li>a signal with no such source (seeded ones) by its own commune and village.
 * </ul>
 *
 * <p>No exception for the incident's owner or an officer alerted while on duty: the incident itself (what, where,
 * when, how severe) is theirs, and a patrol needs no more; the words and who wrote them stay with the officers who may
 * read the source, and the page says how many signals it leaves out.
 */
@Component
class ReadableSignals {

    /** What a signal says about where it came from. */
    record Source(
            long signalId,
            String source,
            String sourceRef,
            String sourceKey,
            String provinceCode,
            String communeCode,
            @Nullable Long villageId) {}

    private record TipPlace(
            String provinceCode,
            String communeCode,
            @Nullable Long villageId,
            @Nullable Long assigned) {}

    private final JdbcClient jdbc;
    private final ConversationRefs conversations;
    private final Places places;

    ReadableSignals(JdbcClient jdbc, ConversationRefs conversations, Places places) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.places = places;
    }

    /** @return the ids of the signals the officer may read */
    Set<Long> of(AccessScope scope, List<Source> signals) {
        Map<Long, Long> tipOfSignal = new HashMap<>();
        Map<Long, Long> messageOfSignal = new HashMap<>();
        for (Source s : signals) {
            if (s.source().equals("TIP") && s.sourceKey().matches("tip:[0-9]{1,18}")) {
                tipOfSignal.put(s.signalId(), Long.parseLong(s.sourceKey().substring(4)));
            } else if (!s.source().equals("TIP") && s.sourceRef().matches("[0-9]{1,18}")) {
                messageOfSignal.put(s.signalId(), Long.parseLong(s.sourceRef()));
            }
        }
        Map<Long, TipPlace> tips = tips(tipOfSignal.values());
        Map<Long, Boolean> messages = conversations.readability(scope, messageOfSignal.values());
        Set<Long> readable = new HashSet<>();
        for (Source s : signals) {
            Long tipId = tipOfSignal.get(s.signalId());
            Long messageId = messageOfSignal.get(s.signalId());
            boolean may;
            if (tipId != null && tips.containsKey(tipId)) {
                TipPlace tip = tips.get(tipId);
                may = scope.covers(tip.provinceCode(), tip.communeCode(), tip.villageId(), tip.assigned());
            } else if (messageId != null && messages.containsKey(messageId)) {
                may = messages.get(messageId);
            } else {
                may = scope.covers(s.provinceCode(), s.communeCode(), s.villageId(), null);
            }
            if (!may && s.source().equals("GROUP") && s.sourceKey().startsWith("group:")) {
                Long village =
                        places.groupVillage(s.communeCode(), s.sourceKey().substring(6));
                may = village != null && scope.covers(s.provinceCode(), s.communeCode(), village, null);
            }
            if (may) {
                readable.add(s.signalId());
            }
        }
        return readable;
    }

    /**
     * Read straight from the register's table: the reports module has no call that says whether an officer may read
     * a tip (its pages check it internally), and it is being changed elsewhere. Only the four columns its own check
     * uses ({@code Register.visible}); nothing of the tip's content.
     */
    private Map<Long, TipPlace> tips(Collection<Long> ids) {
        Map<Long, TipPlace> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT id, province_code, commune_code, village_id, assigned_officer_id FROM reports.tips"
                        + " WHERE id IN (:ids)")
                .param("ids", Set.copyOf(ids))
                .query((rs, n) -> found.put(
                        rs.getLong(1),
                        new TipPlace(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, Long.class),
                                rs.getObject(5, Long.class))))
                .list();
        return found;
    }
}
