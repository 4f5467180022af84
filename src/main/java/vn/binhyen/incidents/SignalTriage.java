package vn.binhyen.incidents;

import org.springframework.stereotype.Service;
import vn.binhyen.incidents.internal.UnitSettings;
import vn.binhyen.incidents.internal.WatchTerms;
import vn.binhyen.shared.text.VietnameseText;

/**
 * Tells a channel, before it has worked out what a message means, whether the message may warn of trouble: the unit
 * watches and the text holds one of its watch terms (folded, so "dua xe" counts as "đua xe"). A channel that keeps a
 * backlog hands such messages on first, so a planned fight or race never waits behind a burst of village chatter.
 * Costs no query: the unit's settings and folded terms are held in memory.
 */
@Service
public class SignalTriage {

    private final UnitSettings settings;
    private final WatchTerms terms;

    SignalTriage(UnitSettings settings, WatchTerms terms) {
        this.settings = settings;
        this.terms = terms;
    }

    public boolean mayWarn(String communeCode, String text) {
        return !text.isBlank()
                && settings.of(communeCode).watching()
                && terms.match(communeCode, VietnameseText.fold(text)).score() > 0;
    }
}
