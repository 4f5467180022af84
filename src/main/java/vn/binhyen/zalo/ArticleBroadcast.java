package vn.binhyen.zalo;

import java.time.Instant;
import java.util.List;

/**
 * The broadcast of a page's article, sent once the article is live.
 *
 * @param cities Zalo's city codes to target; empty for every follower of the page
 * @param promotional not an urgent alert: waits out Zalo's night ban
 * @param notBefore the earliest moment to send
 */
public record ArticleBroadcast(List<Integer> cities, boolean promotional, Instant notBefore) {

    public ArticleBroadcast {
        cities = List.copyOf(cities);
    }
}
