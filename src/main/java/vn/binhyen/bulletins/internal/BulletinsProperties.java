package vn.binhyen.bulletins.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulletins' settings.
 *
 * @param publicBaseUrl where residents open bulletin pages (for links in Zalo messages); "/" means this server
 * @param quietHours when bulletins that are not urgent alerts wait before going out, Vietnam time (Zalo's ban on
 *     promotional sends at night); empty for never
 * @param dailyCap bulletins that are not urgent alerts a resident gets from one page per day; more wait a day
 * @param pageSize recipients read and queued per step of a fan-out
 * @param pollInterval how often due bulletins and unfinished fan-outs are looked for
 * @param replyWindow a resident's message this soon after a bulletin reached them (without quoting another) is
 *     listed as a reply to it
 * @param articleCoverUrl the cover photo of bulletins' Zalo articles (Zalo requires one); a path means this server
 * @param zaloCities Zalo's city code (0–63, its broadcast targeting) for each province code; a province without one
 *     broadcasts to every follower of its commune pages
 */
@ConfigurationProperties("binhyen.bulletins")
public record BulletinsProperties(
        @DefaultValue("/") String publicBaseUrl,
        @DefaultValue("22:00-06:00") String quietHours,
        @DefaultValue("2") int dailyCap,
        @DefaultValue("2000") int pageSize,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT48H") Duration replyWindow,
        @DefaultValue("/css/img/bai-viet-bia.png") String articleCoverUrl,
        @DefaultValue Map<String, Integer> zaloCities) {}
