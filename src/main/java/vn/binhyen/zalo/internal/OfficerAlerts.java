package vn.binhyen.zalo.internal;

import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.binhyen.incidents.AlertZaloStateChanged;
import vn.binhyen.incidents.UrgentAlertRaised;

/**
 * An urgent alert goes to the Zalo account each officer on duty linked, through the commune page, by the delivery
 * queue (ahead of bulletins, retried, once per incident and officer). An officer without a link gets the console
 * alert only. Zalo accepts the message while the officer's last message to the page is under 7 days old (the
 * consultation window); outside it the alert's Zalo state shows FAILED.
 */
@Component
class OfficerAlerts {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final OfficerLinks links;
    private final DeliveryQueue deliveries;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    OfficerAlerts(
            OfficerLinks links, DeliveryQueue deliveries, ApplicationEventPublisher events, MessageSource messages) {
        this.links = links;
        this.deliveries = deliveries;
        this.events = events;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(UrgentAlertRaised alert) {
        String text = messages.getMessage(
                "zalo.alert.message",
                new Object[] {alert.title(), String.format(Locale.ROOT, "%.1f", alert.severity()), alert.incidentId()},
                VIETNAMESE);
        for (long officerId : alert.officerIds()) {
            links.linkOf(officerId).ifPresent(link -> {
                boolean queued = deliveries.enqueueAlert(
                        "alert:" + alert.incidentId() + ":" + officerId,
                        link.oaId(),
                        link.userId(),
                        text,
                        alert.incidentId(),
                        officerId);
                if (queued) {
                    events.publishEvent(new AlertZaloStateChanged(alert.incidentId(), officerId, "QUEUED"));
                }
            });
        }
    }
}
