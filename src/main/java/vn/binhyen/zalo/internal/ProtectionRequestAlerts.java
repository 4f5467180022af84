package vn.binhyen.zalo.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.reports.ProtectionRequested;

/**
 * A reporter's request for protection is routed to the commune chief: besides the register page, it reaches the
 * chief's own Zalo account (when linked) through the commune page, once per request and chief. The message names the
 * tip's code only; who asked stays in the sealed identity.
 */
@Component
class ProtectionRequestAlerts {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Directory directory;
    private final OfficerLinks links;
    private final DeliveryQueue deliveries;
    private final MessageSource messages;

    ProtectionRequestAlerts(Directory directory, OfficerLinks links, DeliveryQueue deliveries, MessageSource messages) {
        this.directory = directory;
        this.links = links;
        this.deliveries = deliveries;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ProtectionRequested request) {
        String text = messages.getMessage("zalo.protection.message", new Object[] {request.tipCode()}, VIETNAMESE);
        directory.officersOf(request.communeCode()).stream()
                .filter(o -> o.role() == OfficerRole.COMMUNE_CHIEF)
                .forEach(chief -> links.linkOf(chief.id())
                        .ifPresent(link -> deliveries.enqueue(
                                "protection:" + request.tipId() + ":" + chief.id(),
                                link.oaId(),
                                DeliveryQueue.Target.USER,
                                link.userId(),
                                text,
                                null)));
    }
}
