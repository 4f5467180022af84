package vn.binhyen.bulletins;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.bulletins.internal.AudiencePolicy;
import vn.binhyen.bulletins.internal.BulletinArticles;
import vn.binhyen.bulletins.internal.BulletinImages;
import vn.binhyen.bulletins.internal.BulletinStore;
import vn.binhyen.bulletins.internal.BulletinStore.Row;
import vn.binhyen.bulletins.internal.Markup;
import vn.binhyen.bulletins.internal.Publisher;
import vn.binhyen.bulletins.internal.Readability;
import vn.binhyen.conversations.ConversationRefs;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.incidents.AssistanceRequests;
import vn.binhyen.shared.VietnamTime;
import vn.binhyen.zalo.ArticleView;
import vn.binhyen.zalo.BroadcastFigures;
import vn.binhyen.zalo.ZaloBroadcasts;

/**
 * The bulletins API: write, submit, approve, schedule, cancel, withdraw and correct bulletins; follow their reach;
 * and what residents read on the portal. Every officer action is checked against the officer's scope here.
 */
@Service
public class Bulletins {

    public static final int MAX_TITLE = 150;
    public static final int MAX_BODY = 1500;

    private final BulletinStore store;
    private final AudiencePolicy policy;
    private final Publisher publisher;
    private final Accounts accounts;
    private final Directory directory;
    private final ZaloBroadcasts zalo;
    private final ConversationRefs conversations;
    private final AssistanceRequests assistance;
    private final BulletinArticles articles;
    private final BulletinImages images;
    private final Clock clock;

    Bulletins(
            BulletinStore store,
            AudiencePolicy policy,
            Publisher publisher,
            Accounts accounts,
            Directory directory,
            ZaloBroadcasts zalo,
            ConversationRefs conversations,
            AssistanceRequests assistance,
            BulletinArticles articles,
            BulletinImages images,
            Clock clock) {
        this.images = images;
        this.store = store;
        this.policy = policy;
        this.publisher = publisher;
        this.accounts = accounts;
        this.directory = directory;
        this.zalo = zalo;
        this.conversations = conversations;
        this.assistance = assistance;
        this.articles = articles;
        this.clock = clock;
    }

    /**
     * Saves a draft with the photos just uploaded (they replace the draft's photos; none uploaded keeps them). The
     * photos are checked first: a refused one leaves the draft as it was.
     */
    @Transactional
    public long save(SignedInOfficer officer, @Nullable Long id, BulletinDraft draft, List<byte[]> photos) {
        List<BulletinImage> checked = images.check(photos);
        long saved = save(officer, id, draft);
        if (!checked.isEmpty()) {
            images.replace(saved, checked);
        }
        return saved;
    }

    /** {@link #submit(SignedInOfficer, Long, BulletinDraft)} with photos, stored before it goes out. */
    @Transactional
    public Submitted submit(SignedInOfficer officer, @Nullable Long id, BulletinDraft draft, List<byte[]> photos) {
        return submit(officer, save(officer, id, draft, photos), draft);
    }

    /** The positions (1, 2, …) of a bulletin's photos; for an officer who may see it. */
    @Transactional(readOnly = true)
    public List<Integer> images(SignedInOfficer officer, long id) {
        visible(accounts.scopeOf(officer), id);
        return images.positions(id);
    }

    @Transactional(readOnly = true)
    public Optional<BulletinImage> image(SignedInOfficer officer, long id, int position) {
        visible(accounts.scopeOf(officer), id);
        return images.find(id, position);
    }

    /** The positions of the photos of a bulletin read through {@link #published}. */
    @Transactional(readOnly = true)
    public List<Integer> publishedImages(BulletinView published) {
        return published.status() == BulletinStatus.PUBLISHED ? images.positions(published.id()) : List.of();
    }

    /** A published bulletin's photo, for anyone: residents, and Zalo showing the article. */
    @Transactional(readOnly = true)
    public Optional<BulletinImage> publishedImage(long id, int position) {
        boolean published = store.find(id)
                .filter(row -> row.status() == BulletinStatus.PUBLISHED)
                .isPresent();
        return published ? images.find(id, position) : Optional.empty();
    }

    /** Saves a draft (new when {@code id} is null). */
    @Transactional
    public long save(SignedInOfficer officer, @Nullable Long id, BulletinDraft draft) {
        AccessScope scope = accounts.scopeOf(officer);
        checkText(draft);
        var audience = policy.resolve(scope, draft.audience());
        Instant now = clock.instant();
        if (draft.publishAt() != null && draft.publishAt().isBefore(now.minusSeconds(60))) {
            throw new BulletinException("bulletins.error.publishAtPast", "Publish time in the past");
        }
        if (id == null) {
            Long corrects = draft.correctsId();
            if (corrects != null) {
                Row old = visible(scope, corrects);
                if (old.status() != BulletinStatus.PUBLISHED || old.correctedById() != null) {
                    throw new BulletinException("bulletins.error.notCorrectable", "Only a published bulletin");
                }
            }
            long inserted = store.insert(
                    draft.kind(),
                    draft.title().strip(),
                    draft.body().strip(),
                    audience,
                    BulletinStore.Channels.of(draft.audience()),
                    officer.officerId(),
                    officer.fullName(),
                    draft.publishAt(),
                    corrects,
                    now);
            if (corrects != null) {
                // A correction keeps the photos (the missing child's face) unless the author chooses others.
                images.copy(corrects, inserted);
            }
            return inserted;
        }
        Row row = store.lock(id).orElseThrow(() -> new BulletinNotFoundException(id));
        if (row.authorId() != officer.officerId()) {
            throw new BulletinNotFoundException(id);
        }
        if (!row.status().editable()) {
            throw new BulletinException("bulletins.error.notEditable", "Not editable in " + row.status());
        }
        store.update(
                id,
                draft.kind(),
                draft.title().strip(),
                draft.body().strip(),
                audience,
                BulletinStore.Channels.of(draft.audience()),
                draft.publishAt(),
                now);
        return id;
    }

    /**
     * Saves and sends on: for approval when the audience is wider than the author may reach alone, otherwise
     * published now or scheduled. An urgent alert never waits for approval; it is reviewed afterwards.
     */
    @Transactional
    public Submitted submit(SignedInOfficer officer, @Nullable Long id, BulletinDraft draft) {
        long saved = save(officer, id, draft);
        AccessScope scope = accounts.scopeOf(officer);
        var audience = policy.resolve(scope, draft.audience());
        Instant now = clock.instant();
        boolean urgent = draft.kind().urgent();
        if (audience.needsApproval() && !urgent) {
            store.submitted(saved, BulletinStatus.PENDING, false, now);
            return new Submitted(saved, BulletinStatus.PENDING);
        }
        return new Submitted(saved, goOut(saved, draft.publishAt(), audience.needsApproval() && urgent, now));
    }

    /**
     * An incident's request for assistance as a bulletin by the officer who made it: it waits for the commune chief
     * (whatever the author's villages), unless the chief or the province command made it; never urgent, so Zalo's
     * night ban and daily cap apply.
     */
    @Transactional
    public Submitted submitAssistance(SignedInOfficer officer, BulletinDraft draft, long requestId) {
        if (draft.kind().urgent() || draft.publishAt() != null) {
            throw new BulletinException(
                    "bulletins.error.state", "A request for assistance is neither urgent nor timed");
        }
        long saved = save(officer, null, draft);
        store.assistanceRequest(saved, requestId);
        Instant now = clock.instant();
        if (officer.role() == OfficerRole.COMMUNE_CHIEF || officer.role() == OfficerRole.PROVINCE_COMMAND) {
            Submitted out = new Submitted(saved, goOut(saved, null, false, now));
            assistance.delivery(requestId, AssistanceRequests.Delivery.SENT);
            return out;
        }
        store.submitted(saved, BulletinStatus.PENDING, false, now);
        assistance.delivery(requestId, AssistanceRequests.Delivery.PENDING);
        return new Submitted(saved, BulletinStatus.PENDING);
    }

    @Transactional
    public BulletinStatus approve(SignedInOfficer officer, long id) {
        AccessScope scope = accounts.scopeOf(officer);
        Row row = visible(scope, id);
        if (!policy.canApprove(scope, row.provinceCode(), row.homeCommuneCode(), row.authorId())) {
            throw new BulletinException("bulletins.error.cannotApprove", "Not the approver");
        }
        Row locked = require(store.lock(id).orElseThrow(), BulletinStatus.SCHEDULED);
        if (locked.status() != BulletinStatus.PENDING) {
            throw new BulletinException("bulletins.error.state", "Not pending");
        }
        Instant now = clock.instant();
        BulletinStatus next =
                scheduledFor(locked.publishAt(), now) ? BulletinStatus.SCHEDULED : BulletinStatus.PUBLISHED;
        store.decided(id, BulletinStatus.SCHEDULED, officer.officerId(), officer.fullName(), null, now);
        if (next == BulletinStatus.PUBLISHED) {
            publisher.publish(id, now);
            store.assistanceRequestOf(id)
                    .ifPresent(request -> assistance.delivery(request, AssistanceRequests.Delivery.SENT));
        }
        return next;
    }

    @Transactional
    public void reject(SignedInOfficer officer, long id, String reason) {
        AccessScope scope = accounts.scopeOf(officer);
        Row row = visible(scope, id);
        if (!policy.canApprove(scope, row.provinceCode(), row.homeCommuneCode(), row.authorId())) {
            throw new BulletinException("bulletins.error.cannotApprove", "Not the approver");
        }
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new BulletinException("bulletins.error.reasonRequired", "A reason is required");
        }
        Row locked = require(store.lock(id).orElseThrow(), BulletinStatus.REJECTED);
        store.decided(
                locked.id(), BulletinStatus.REJECTED, officer.officerId(), officer.fullName(), why, clock.instant());
        store.assistanceRequestOf(id)
                .ifPresent(request -> assistance.delivery(request, AssistanceRequests.Delivery.REFUSED));
    }

    /** Stops a bulletin before it goes out (author or approver). */
    @Transactional
    public void cancel(SignedInOfficer officer, long id) {
        AccessScope scope = accounts.scopeOf(officer);
        Row row = visible(scope, id);
        requireAuthorOrApprover(scope, row);
        require(store.lock(id).orElseThrow(), BulletinStatus.CANCELLED);
        store.move(id, BulletinStatus.CANCELLED, clock.instant());
    }

    /** Takes a published bulletin down: off the portal, and its messages not yet sent are not sent. */
    @Transactional
    public void withdraw(SignedInOfficer officer, long id) {
        AccessScope scope = accounts.scopeOf(officer);
        Row row = visible(scope, id);
        requireAuthorOrApprover(scope, row);
        require(store.lock(id).orElseThrow(), BulletinStatus.WITHDRAWN);
        store.move(id, BulletinStatus.WITHDRAWN, clock.instant());
        store.closeFanouts(id);
        zalo.cancel(id);
        articles.withdrawn(id);
    }

    /** The approver has looked at an urgent alert that went out without approval. */
    @Transactional
    public void markReviewed(SignedInOfficer officer, long id) {
        AccessScope scope = accounts.scopeOf(officer);
        Row row = visible(scope, id);
        if (!row.needsReview() || !policy.canApprove(scope, row.provinceCode(), row.homeCommuneCode(), -1)) {
            throw new BulletinException("bulletins.error.cannotApprove", "Not the reviewer");
        }
        store.reviewed(id, officer.officerId(), clock.instant());
    }

    @Transactional(readOnly = true)
    public List<BulletinView> list(SignedInOfficer officer) {
        return store.visibleTo(accounts.scopeOf(officer), 200).stream()
                .map(store::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public BulletinView get(SignedInOfficer officer, long id) {
        return store.view(visible(accounts.scopeOf(officer), id));
    }

    /** What the officer may do with the bulletin now. */
    @Transactional(readOnly = true)
    public Actions actions(SignedInOfficer officer, long id) {
        AccessScope scope = accounts.scopeOf(officer);
        Row row = visible(scope, id);
        boolean approver = policy.canApprove(scope, row.provinceCode(), row.homeCommuneCode(), row.authorId());
        boolean author = row.authorId() == officer.officerId();
        boolean approverOrAuthor = author || policy.canApprove(scope, row.provinceCode(), row.homeCommuneCode(), -1);
        return new Actions(
                author && row.status().editable(),
                approver && row.status() == BulletinStatus.PENDING,
                approverOrAuthor && row.status().canMoveTo(BulletinStatus.CANCELLED),
                approverOrAuthor && row.status() == BulletinStatus.PUBLISHED,
                row.status() == BulletinStatus.PUBLISHED && row.correctedById() == null,
                row.needsReview()
                        && row.reviewedAt() == null
                        && policy.canApprove(scope, row.provinceCode(), row.homeCommuneCode(), -1));
    }

    public record Actions(
            boolean edit, boolean approve, boolean cancel, boolean withdraw, boolean correct, boolean review) {}

    @Transactional(readOnly = true)
    public DeliveryProgress progress(SignedInOfficer officer, long id) {
        visible(accounts.scopeOf(officer), id);
        return progress(id);
    }

    /** Reach of a bulletin by id, without a scope check: for the benchmark and tests. */
    @Transactional(readOnly = true)
    public DeliveryProgress progress(long id) {
        BroadcastFigures figures = zalo.figures(id);
        boolean listing = !store.fanoutDone(id);
        int percent = listing ? Math.min(99, figures.percentSettled()) : figures.percentSettled();
        return new DeliveryProgress(
                listing,
                figures,
                percent,
                store.views(id),
                zalo.residentsWhoWroteAfter(id, 1000).size());
    }

    /** The bulletin's articles on Zalo pages and their broadcasts, as Zalo answered. */
    @Transactional(readOnly = true)
    public List<ArticleView> articles(SignedInOfficer officer, long id) {
        visible(accounts.scopeOf(officer), id);
        return articles.of(id);
    }

    /**
     * Residents' messages that answer the bulletin, newest first (their threads are in the inbox): only those whose
     * thread the officer's own inbox shows. A bulletin reaches more residents than one officer covers (a commune's,
     * the province's), and its replies come from every thread it reached.
     */
    @Transactional(readOnly = true)
    public List<BulletinReply> replies(SignedInOfficer officer, long id) {
        AccessScope scope = accounts.scopeOf(officer);
        visible(scope, id);
        // The newest 1,000 are looked at for the 200 shown: an area officer's few replies among a province's many.
        var all = store.replies(id, 1000);
        var readable = conversations.readability(
                scope, all.stream().map(r -> r.messageId()).toList());
        var rows = all.stream()
                .filter(r -> readable.getOrDefault(r.messageId(), false))
                .limit(200)
                .toList();
        var bodies = conversations.bodies(rows.stream().map(r -> r.messageId()).toList());
        return rows.stream()
                .map(r -> new BulletinReply(
                        r.threadId(), r.messageId(), bodies.getOrDefault(r.messageId(), ""), r.quoted(), r.sentAt()))
                .toList();
    }

    /** The live preview: portal HTML, the Zalo message and readability hints. */
    public BulletinPreview preview(BulletinKind kind, String title, String body) {
        String safeTitle = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
        String safeBody = body.length() > MAX_BODY * 2 ? body.substring(0, MAX_BODY * 2) : body;
        var report = Readability.of(safeTitle, safeBody);
        var row = new Row(
                0,
                kind,
                safeTitle.strip(),
                safeBody,
                BulletinStatus.DRAFT,
                "",
                null,
                false,
                true,
                true,
                false,
                false,
                0,
                "",
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                clock.instant());
        return new BulletinPreview(
                Markup.toHtml(safeBody),
                publisher.zaloText(row).replace("/ban-tin/0", "/ban-tin/…"),
                report.characters(),
                report.words(),
                report.sentences(),
                report.longestSentence(),
                report.hints().stream()
                        .map(h -> new BulletinPreview.Hint(h.key(), h.args()))
                        .toList());
    }

    // --- the portal ---

    /** Published bulletins for a commune's page: urgent alerts of the last three days first, then newest first. */
    @Transactional(readOnly = true)
    public List<BulletinView> forCommune(String communeCode, int limit) {
        var commune = directory.commune(communeCode).orElse(null);
        if (commune == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return store.publishedFor(commune.provinceCode(), commune.code(), limit).stream()
                .map(store::view)
                .sorted(Comparator.comparing((BulletinView b) -> !b.pinned(now))
                        .thenComparing(BulletinView::publishedAt, Comparator.reverseOrder()))
                .toList();
    }

    /** A bulletin residents may read: published, or taken over by its correction (shown with a pointer to it). */
    @Transactional(readOnly = true)
    public Optional<BulletinView> published(long id) {
        return store.find(id)
                .filter(row -> row.status() == BulletinStatus.PUBLISHED)
                .map(store::view);
    }

    @Transactional
    public void countView(long id) {
        store.countView(id, clock.instant().atZone(VietnamTime.ZONE).toLocalDate());
    }

    // ---

    private BulletinStatus goOut(long id, @Nullable Instant publishAt, boolean needsReview, Instant now) {
        if (scheduledFor(publishAt, now)) {
            store.submitted(id, BulletinStatus.SCHEDULED, needsReview, now);
            return BulletinStatus.SCHEDULED;
        }
        store.submitted(id, BulletinStatus.SCHEDULED, needsReview, now);
        publisher.publish(id, now);
        return BulletinStatus.PUBLISHED;
    }

    private static boolean scheduledFor(@Nullable Instant publishAt, Instant now) {
        return publishAt != null && publishAt.isAfter(now);
    }

    private Row visible(AccessScope scope, long id) {
        Row row = store.find(id).orElseThrow(() -> new BulletinNotFoundException(id));
        if (!store.isVisible(scope, id)) {
            throw new BulletinNotFoundException(id);
        }
        return row;
    }

    private static Row require(Row row, BulletinStatus target) {
        if (!row.status().canMoveTo(target)) {
            throw new BulletinException("bulletins.error.state", row.status() + " cannot move to " + target);
        }
        return row;
    }

    private void requireAuthorOrApprover(AccessScope scope, Row row) {
        if (row.authorId() != scope.officerId()
                && !policy.canApprove(scope, row.provinceCode(), row.homeCommuneCode(), -1)) {
            throw new BulletinException("bulletins.error.cannotApprove", "Neither author nor approver");
        }
    }

    private static void checkText(BulletinDraft draft) {
        String title = draft.title().strip();
        String body = draft.body().strip();
        if (title.isEmpty()) {
            throw new BulletinException("bulletins.error.titleRequired", "Title required");
        }
        if (title.length() > MAX_TITLE) {
            throw new BulletinException("bulletins.error.titleTooLong", "Title too long");
        }
        if (body.isEmpty()) {
            throw new BulletinException("bulletins.error.bodyRequired", "Body required");
        }
        if (body.length() > MAX_BODY) {
            throw new BulletinException("bulletins.error.bodyTooLong", "Body too long");
        }
    }
}
