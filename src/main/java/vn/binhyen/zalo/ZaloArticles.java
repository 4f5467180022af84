package vn.binhyen.zalo;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;
import vn.binhyen.zalo.internal.ArticleQueue;
import vn.binhyen.zalo.internal.ZaloJson;

/**
 * The Zalo channel's API for bulletins' articles: publish a bulletin as an article on a commune's page (and, where
 * Zalo's targeting fits, broadcast it to the page's followers), change it when the bulletin is corrected, take it
 * down when the bulletin is withdrawn. All of it is recorded here in the caller's transaction and done against Zalo
 * in the background, within the app's shared budget; a bulletin has one article and at most one broadcast per page,
 * however often it is asked for.
 */
@Service
public class ZaloArticles {

    private final ArticleQueue articles;

    ZaloArticles(ArticleQueue articles) {
        this.articles = articles;
    }

    /** @return whether the article was recorded now (false when the bulletin already has one on this page) */
    @Transactional
    public boolean publish(long bulletinRef, String oaId, ZaloArticle article, @Nullable ArticleBroadcast broadcast) {
        return articles.insert(
                bulletinRef,
                oaId,
                content(article),
                broadcast == null ? null : target(broadcast),
                broadcast == null || broadcast.promotional(),
                broadcast == null ? null : broadcast.notBefore());
    }

    /** Changes the bulletin's article on the page (a correction); no new broadcast is sent. */
    @Transactional
    public void correct(long bulletinRef, String oaId, ZaloArticle article) {
        articles.correct(bulletinRef, oaId, content(article));
    }

    /** Takes the bulletin's articles down. Its broadcast, if not sent yet, is cancelled with its other messages. */
    @Transactional
    public void remove(long bulletinRef) {
        articles.remove(bulletinRef);
    }

    @Transactional(readOnly = true)
    public List<ArticleView> of(long bulletinRef) {
        return articles.views(bulletinRef);
    }

    /** Zalo's normal article body: shown, comments off (the page answers residents in chat, not under posts). */
    private static String content(ZaloArticle article) {
        ObjectNode body = ZaloJson.MAPPER
                .createObjectNode()
                .put("type", "normal")
                .put("title", article.title())
                .put("author", article.author())
                .put("description", article.description())
                .put("status", "show")
                .put("comment", "hide");
        body.putObject("cover")
                .put("cover_type", "photo")
                .put("photo_url", article.coverUrl())
                .put("status", "show");
        var items = body.putArray("body");
        for (String paragraph : article.paragraphs()) {
            items.addObject().put("type", "text").put("content", paragraph);
        }
        for (String url : article.imageUrls()) {
            items.addObject().put("type", "image").put("url", url).put("caption", "");
        }
        return ZaloJson.MAPPER.writeValueAsString(body);
    }

    /** Zalo's broadcast target; cities as an array (sources disagree on scalar or array; the array says more). */
    private static String target(ArticleBroadcast broadcast) {
        ObjectNode target = ZaloJson.MAPPER.createObjectNode();
        if (!broadcast.cities().isEmpty()) {
            var cities = target.putArray("cities");
            broadcast.cities().forEach(cities::add);
        }
        return ZaloJson.MAPPER.writeValueAsString(target);
    }
}
