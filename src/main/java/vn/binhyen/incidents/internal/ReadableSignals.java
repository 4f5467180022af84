package vn.binhyen.incidents.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.ConversationRefs;
import vn.binhyen.reports.TipAccess;

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

    private final TipAccess tips;
    private final ConversationRefs conversations;
    private final Places places;

    ReadableSignals(TipAccess tips, ConversationRefs conversations, Places places) {
        this.tips = tips;
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
        Set<Long> readableTips = tips.readable(scope, tipOfSignal.values());
        Map<Long, Boolean> messages = conversations.readability(scope, messageOfSignal.values());
        Set<Long> readable = new HashSet<>();
        for (Source s : signals) {
            Long tipId = tipOfSignal.get(s.signalId());
            Long messageId = messageOfSignal.get(s.signalId());
            boolean may;
            if (tipId != null) {
                may = readableTips.contains(tipId);
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
}
