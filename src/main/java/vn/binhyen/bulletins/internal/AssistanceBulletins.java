package vn.binhyen.bulletins.internal;

import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhyen.accounts.SignedInOfficers;
import vn.binhyen.bulletins.Audience;
import vn.binhyen.bulletins.BulletinDraft;
import vn.binhyen.bulletins.BulletinException;
import vn.binhyen.bulletins.BulletinKind;
import vn.binhyen.bulletins.Bulletins;
import vn.binhyen.directory.Directory;
import vn.binhyen.incidents.AssistanceRequests;
import vn.binhyen.incidents.AssistanceRequests.Delivery;
import vn.binhyen.shared.VietnamTime;

/**
 * Takes over incidents' requests for assistance (recorded NOT_SENT with their limits checked) and makes each a
 * bulletin by the requesting officer to the chosen villages' followers and groups, with the case reference and the
 * time window in the text (run by {@link FanOut}'s poll). It then waits for the commune chief like any wider bulletin; a request that cannot be a
 * bulletin (the officer's scope no longer covers the villages, more than 5 villages) is refused, never sent.
 */
@Component
class AssistanceBulletins {

    private static final Logger log = LoggerFactory.getLogger(AssistanceBulletins.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VietnamTime.ZONE);
    private static final int MAX_VILLAGES = 5;

    private final AssistanceRequests requests;
    private final Bulletins bulletins;
    private final Directory directory;
    private final MessageSource messages;
    private final TransactionTemplate transaction;

    AssistanceBulletins(
            AssistanceRequests requests,
            Bulletins bulletins,
            Directory directory,
            MessageSource messages,
            TransactionTemplate transaction) {
        this.requests = requests;
        this.bulletins = bulletins;
        this.directory = directory;
        this.messages = messages;
        this.transaction = transaction;
    }

    /** Takes over the requests not handed over yet (a few at a time), in a transaction of their own. */
    void takeOver() {
        transaction.executeWithoutResult(status -> requests.claimNotSent(10).forEach(this::handOver));
    }

    private void handOver(AssistanceRequests.Request request) {
        var officer = directory.officer(request.officerId()).orElse(null);
        if (officer == null
                || request.villageIds().isEmpty()
                || request.villageIds().size() > MAX_VILLAGES
                || request.caseReference().isBlank()) {
            requests.delivery(request.id(), Delivery.REFUSED);
            return;
        }
        String title =
                messages.getMessage("bulletins.assistance.title", new Object[] {request.caseReference()}, VIETNAMESE);
        String body = request.body() + "\n\n"
                + messages.getMessage(
                        "bulletins.assistance.window",
                        new Object[] {
                            WHEN.format(request.windowFrom()), WHEN.format(request.windowTo()), request.caseReference()
                        },
                        VIETNAMESE)
                + "\n\n" + messages.getMessage("bulletins.assistance.reply", null, VIETNAMESE);
        var draft = new BulletinDraft(
                BulletinKind.SECURITY,
                title,
                body,
                new Audience(false, java.util.Set.of(), new HashSet<>(request.villageIds()), true, true),
                null,
                null);
        try {
            bulletins.submitAssistance(
                    SignedInOfficers.of("assistance-request", "", officer, true), draft, request.id());
        } catch (BulletinException e) {
            log.info("Request for assistance {} refused as a bulletin: {}", request.id(), e.getMessage());
            requests.delivery(request.id(), Delivery.REFUSED);
        }
    }
}
