package vn.binhyen.bulletins.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.binhyen.directory.Directory;
import vn.binhyen.zalo.ArticleBroadcast;
import vn.binhyen.zalo.ZaloArticle;
import vn.binhyen.zalo.ZaloArticles;
import vn.binhyen.zalo.ZaloBroadcasts;

/**
 * A bulletin as an article on the commune pages it is for, and, for a province-wide bulletin whose author asked for
 * it, the article's broadcast to the pages' followers. The broadcast keeps Zalo's rules as the messages do: a
 * bulletin that is not an urgent alert waits out the night. A correction changes the old articles to point at it.
 */
@Component
public class BulletinArticles {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final ZaloArticles articles;
    private final ZaloBroadcasts zalo;
    private final Directory directory;
    private final MessageSource messages;
    private final BulletinsProperties properties;

    private final BulletinImages images;

    BulletinArticles(
            ZaloArticles articles,
            ZaloBroadcasts zalo,
            Directory directory,
            MessageSource messages,
            BulletinsProperties properties,
            BulletinImages images) {
        this.images = images;
        this.articles = articles;
        this.zalo = zalo;
        this.directory = directory;
        this.messages = messages;
        this.properties = properties;
    }

    /** Records the article on each targeted whole commune's connected page (done against Zalo in the background). */
    public void publish(
            BulletinStore.Row bulletin, Set<String> wholeCommunes, Publisher publisher, Instant now, SendRules rules) {
        if (!bulletin.toArticle()) {
            return;
        }
        ZaloArticle article = article(bulletin, null, publisher);
        for (String commune : wholeCommunes) {
            zalo.pageOf(commune)
                    .ifPresent(oa -> articles.publish(bulletin.id(), oa, article, broadcast(bulletin, now, rules)));
        }
    }

    /** The corrected bulletin's articles now say so and link to the correction. */
    public void corrected(BulletinStore.Row old, long correctionId, Publisher publisher) {
        ZaloArticle article = article(old, correctionId, publisher);
        for (var view : articles.of(old.id())) {
            articles.correct(old.id(), view.oaId(), article);
        }
    }

    /** The bulletin's articles and broadcasts as Zalo answered. */
    public List<vn.binhyen.zalo.ArticleView> of(long bulletinId) {
        return articles.of(bulletinId);
    }

    public void withdrawn(long bulletinId) {
        articles.remove(bulletinId);
    }

    private @Nullable ArticleBroadcast broadcast(BulletinStore.Row bulletin, Instant now, SendRules rules) {
        if (!bulletin.toBroadcast() || !bulletin.provinceWide()) {
            return null;
        }
        Integer city = properties.zaloCities().get(bulletin.provinceCode());
        return new ArticleBroadcast(
                city == null ? List.of() : List.of(city),
                !bulletin.kind().urgent(),
                rules.batch(bulletin.id(), "", bulletin.kind(), now).notBefore());
    }

    private ZaloArticle article(BulletinStore.Row bulletin, @Nullable Long correctionId, Publisher publisher) {
        List<String> paragraphs = new ArrayList<>();
        String title = bulletin.title();
        if (correctionId != null) {
            title = text("bulletins.article.correctedTitle", title);
            paragraphs.add("<p><b>" + HtmlUtils.htmlEscape(text("bulletins.article.correctedNote")) + "</b> <a href=\""
                    + HtmlUtils.htmlEscape(publisher.publicUrl("/ban-tin/" + correctionId)) + "\">"
                    + HtmlUtils.htmlEscape(text("bulletins.article.correctionLink")) + "</a></p>");
        }
        paragraphs.add(Markup.toHtml(bulletin.body()));
        List<String> photos = images.positions(bulletin.id()).stream()
                .map(n -> publisher.publicUrl("/ban-tin/" + bulletin.id() + "/anh/" + n))
                .toList();
        paragraphs.add("<p><a href=\"" + HtmlUtils.htmlEscape(publisher.publicUrl("/ban-tin/" + bulletin.id())) + "\">"
                + HtmlUtils.htmlEscape(text("bulletins.article.readOnPortal")) + "</a></p>");
        // The bulletin's first photo makes a better cover than the unit's standard one.
        String cover = !photos.isEmpty()
                ? photos.getFirst()
                : properties.articleCoverUrl().startsWith("/")
                        ? publisher.publicUrl(properties.articleCoverUrl())
                        : properties.articleCoverUrl();
        return new ZaloArticle(title, author(bulletin), Markup.toPlainText(bulletin.body()), cover, paragraphs, photos);
    }

    /** The police unit the article speaks for: the commune's, or the province's for wider bulletins. */
    private String author(BulletinStore.Row bulletin) {
        String home = bulletin.homeCommuneCode();
        var commune = home == null ? null : directory.commune(home).orElse(null);
        if (commune != null) {
            return text("bulletins.article.author", commune.fullName());
        }
        var anyCommune = directory.communesOf(bulletin.provinceCode()).stream()
                .findFirst()
                .orElse(null);
        return text(
                "bulletins.article.author", anyCommune == null ? bulletin.provinceCode() : anyCommune.provinceName());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
