package vn.binhyen.conversations.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.conversations.ContactCard;
import vn.binhyen.conversations.MediaFetcher;
import vn.binhyen.conversations.MessageKind;
import vn.binhyen.conversations.ReplyRejectedException;
import vn.binhyen.conversations.ThreadKind;
import vn.binhyen.conversations.internal.ThreadStore.MessageRow;
import vn.binhyen.conversations.internal.ThreadStore.ThreadRow;
import vn.binhyen.reports.AttachmentPolicy;
import vn.binhyen.reports.AttachmentRejectedException;
import vn.binhyen.reports.NewAttachment;
import vn.binhyen.reports.NewTip;
import vn.binhyen.reports.ReporterIdentity;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.reports.TipChannel;
import vn.binhyen.reports.TipIntake;
import vn.binhyen.reports.TipReceipt;

/**
 * "Make it a tip": what the resident wrote since the last tip from this thread (text, the last shared location, the
 * photos) goes into the register through {@link TipIntake} in one step, and the thread keeps a link to the tip. The
 * resident's contact card becomes the reporter identity only when the officer says so; otherwise the tip is anonymous.
 */
@Service
public class TipMaker {

    private static final Logger log = LoggerFactory.getLogger(TipMaker.class);
    private static final int MIN_TEXT = 10;
    private static final int MAX_TEXT = 5000;

    private final ConversationConsole console;
    private final ThreadStore threads;
    private final ContactCards cards;
    private final TipIntake intake;
    private final AttachmentPolicy attachments;
    private final List<MediaFetcher> media;
    private final Clock clock;

    TipMaker(
            ConversationConsole console,
            ThreadStore threads,
            ContactCards cards,
            TipIntake intake,
            AttachmentPolicy attachments,
            List<MediaFetcher> media,
            Clock clock) {
        this.console = console;
        this.threads = threads;
        this.cards = cards;
        this.intake = intake;
        this.attachments = attachments;
        this.media = media;
        this.clock = clock;
    }

    /** What the officer sees after the tip is registered: its code, the secret for the resident, photos left out. */
    public record MadeTip(long tipId, String code, @Nullable String secret, int photos, int photosLeftOut) {
        @Override
        public String toString() {
            return "MadeTip[" + code + "]";
        }
    }

    public MadeTip makeTip(
            AccessScope scope,
            long threadId,
            @Nullable TipCategory category,
            boolean urgent,
            boolean withIdentity,
            String formKey) {
        ThreadRow thread = console.visible(scope, threadId);
        if (formKey == null || !formKey.matches("[A-Za-z0-9-]{8,64}")) {
            throw new ReplyRejectedException("conversations.reply.expired", "Missing form key");
        }
        var earlier = threads.tipOfKey(threadId, "tip:" + formKey);
        if (earlier.isPresent()) {
            return new MadeTip(earlier.get().tipId(), earlier.get().code(), null, 0, 0);
        }
        if (category == null) {
            throw new ReplyRejectedException("tip.category.required", "No category");
        }
        long after = threads.lastMessageTaken(threadId);
        List<MessageRow> taken = threads.messages(threadId).stream()
                .filter(m -> m.inbound() && m.id() > after)
                .toList();
        String text = taken.stream()
                .map(MessageRow::body)
                .filter(b -> b != null && !b.isBlank())
                .map(String::strip)
                .collect(Collectors.joining("\n"));
        if (text.codePointCount(0, text.length()) < MIN_TEXT) {
            throw new ReplyRejectedException("conversations.tip.tooShort", "Too little text for a tip");
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT - 1) + "…";
        }
        MessageRow location = null;
        for (MessageRow m : taken) {
            if (m.kind() == MessageKind.LOCATION && m.latitude() != null && m.longitude() != null) {
                location = m;
            }
        }
        var photoUrls = taken.stream()
                .filter(m -> m.kind() == MessageKind.IMAGE && m.url() != null)
                .map(MessageRow::url)
                .toList();
        List<NewAttachment> photos = new ArrayList<>();
        int leftOut = 0;
        MediaFetcher fetcher = media.stream()
                .filter(f -> f.handles(thread.channel()))
                .findFirst()
                .orElse(null);
        for (String url : photoUrls) {
            if (fetcher == null || photos.size() >= attachments.maxFiles()) {
                leftOut++;
                continue;
            }
            try {
                var photo = new NewAttachment("zalo-" + (photos.size() + 1) + ".jpg", fetcher.fetch(url));
                attachments.check(List.of(photo));
                photos.add(photo);
            } catch (RuntimeException e) {
                // Expired links, wrong types, oversize files: the tip goes in without that photo, and the officer is
                // told.
                log.info(
                        "A photo of thread {} was left out of the tip: {}",
                        threadId,
                        e.getClass().getSimpleName());
                leftOut++;
            }
        }
        ReporterIdentity reporter = null;
        if (withIdentity) {
            ContactCard card = cards.find(thread.channel(), thread.accountRef(), thread.contactRef())
                    .orElseThrow(() -> new ReplyRejectedException("conversations.tip.noCard", "No contact card"));
            // The Zalo user id is sealed with the identity, so that notices reach the reporter on their chat.
            reporter = new ReporterIdentity(
                    card.fullName(),
                    card.phone(),
                    null,
                    thread.kind() == ThreadKind.RESIDENT ? thread.contactRef() : null,
                    null);
        }
        long lastMessage = taken.stream().mapToLong(MessageRow::id).max().orElse(after);
        var reservation =
                threads.reserveTip(threadId, lastMessage, scope.officerId(), "tip:" + formKey, clock.instant());
        if (reservation.isEmpty()) {
            throw new ReplyRejectedException("conversations.tip.inProgress", "The same form is being submitted");
        }
        TipReceipt receipt;
        try {
            receipt = intake.submit(new NewTip(
                    thread.communeCode(),
                    thread.villageId(),
                    category,
                    text,
                    taken.isEmpty() ? null : taken.getFirst().sentAt(),
                    null,
                    location == null ? null : location.latitude(),
                    location == null ? null : location.longitude(),
                    urgent,
                    reporter,
                    thread.kind() == ThreadKind.GROUP ? TipChannel.ZALO_GROUP : TipChannel.ZALO,
                    photos));
        } catch (AttachmentRejectedException e) {
            threads.dropTip(reservation.getAsLong());
            throw new ReplyRejectedException("conversations.tip.photos.rejected", "Photos rejected");
        } catch (RuntimeException e) {
            threads.dropTip(reservation.getAsLong());
            throw e;
        }
        threads.completeTip(reservation.getAsLong(), receipt.tipId(), receipt.code());
        return new MadeTip(
                receipt.tipId(),
                receipt.code(),
                receipt.secret(),
                receipt.attachmentsStored(),
                leftOut + receipt.attachmentsFailed());
    }
}
