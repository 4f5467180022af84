package vn.binhyen.bulletins.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.binhyen.bulletins.BulletinPublished;
import vn.binhyen.bulletins.BulletinStatus;
import vn.binhyen.directory.Directory;
import vn.binhyen.shared.web.PublicLinks;
import vn.binhyen.zalo.ZaloBroadcasts;

/**
 * Puts a bulletin out: on the portal at once, its Zalo text stored once, one fan-out per commune page that has a
 * connected OA, and the article (and broadcast) its author chose. Runs in the caller's transaction, so publishing and the fan-out's start commit together.
 */
@Component
public class Publisher {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final BulletinStore store;
    private final ZaloBroadcasts zalo;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final BulletinsProperties properties;
    private final PublicLinks links;
    private final BulletinArticles articles;

    Publisher(
            BulletinStore store,
            ZaloBroadcasts zalo,
            Directory directory,
            ApplicationEventPublisher events,
            MessageSource messages,
            BulletinsProperties properties,
            PublicLinks links,
            BulletinArticles articles) {
        this.store = store;
        this.zalo = zalo;
        this.directory = directory;
        this.events = events;
        this.messages = messages;
        this.properties = properties;
        this.links = links;
        this.articles = articles;
    }

    public void publish(long id, Instant now) {
        publish(id, now, SendRules.of(properties));
    }

    /** Publishes with these rules for what is held (tests give their own night). */
    public void publish(long id, Instant now, SendRules rules) {
        var bulletin = store.lock(id).orElseThrow();
        if (bulletin.status() == BulletinStatus.PUBLISHED) {
            return;
        }
        store.published(id, now);
        Set<String> communes = new TreeSet<>();
        if (bulletin.provinceWide()) {
            communes.addAll(directory.communeCodesOf(bulletin.provinceCode()));
        } else {
            communes.addAll(store.wholeCommunes(id));
            communes.addAll(villageCommunes(id));
        }
        if (bulletin.toFollowers() || bulletin.toGroups()) {
            zalo.registerText(id, zaloText(bulletin));
            for (String commune : communes) {
                zalo.pageOf(commune).ifPresent(oa -> store.openFanout(id, oa, commune));
            }
        }
        articles.publish(bulletin, bulletin.provinceWide() ? communes : store.wholeCommunes(id), this, now, rules);
        if (bulletin.correctsId() != null) {
            store.corrected(bulletin.correctsId(), id);
            articles.corrected(store.find(bulletin.correctsId()).orElseThrow(), id, this);
        }
        var view = store.view(bulletin);
        events.publishEvent(new BulletinPublished(
                id,
                bulletin.kind(),
                bulletin.title(),
                bulletin.provinceCode(),
                bulletin.provinceWide(),
                Set.copyOf(view.communeCodes()),
                Set.copyOf(view.villageIds()),
                now));
    }

    private Set<String> villageCommunes(long id) {
        Set<String> communes = new TreeSet<>();
        for (var village : store.view(store.find(id).orElseThrow()).villageIds()) {
            directory.village(village).ifPresent(v -> communes.add(v.communeCode()));
        }
        return communes;
    }

    /** The consultation message: kind, title, the body as plain text and the link to the bulletin's page. */
    public String zaloText(BulletinStore.Row bulletin) {
        String kind = messages.getMessage("bulletins.kind." + bulletin.kind(), null, VIETNAMESE);
        String link = messages.getMessage(
                "bulletins.zalo.link", new Object[] {publicUrl("/ban-tin/" + bulletin.id())}, VIETNAMESE);
        String text = kind.toUpperCase(VIETNAMESE) + ": " + bulletin.title() + "\n\n"
                + Markup.toPlainText(bulletin.body()) + "\n\n" + link;
        return text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
    }

    public String publicUrl(String path) {
        return links.url(properties.publicBaseUrl(), path);
    }
}
