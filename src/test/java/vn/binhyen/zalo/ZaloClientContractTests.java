package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;
import vn.binhyen.zalo.internal.Pkce;
import vn.binhyen.zalo.internal.TokenGrant;
import vn.binhyen.zalo.internal.TokenRejectedException;
import vn.binhyen.zalo.internal.ZaloApiClient;
import vn.binhyen.zalo.internal.ZaloApiResult;
import vn.binhyen.zalo.internal.ZaloOAuthClient;
import vn.binhyen.zalosim.internal.SimAuthority;
import vn.binhyen.zalosim.internal.SimProperties;
import vn.binhyen.zalosim.internal.SimRateLimiter;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/** BinhYen's Zalo clients against the simulator over real HTTP: every endpoint and the error codes that matter. */
class ZaloClientContractTests extends ZaloIntegrationTest {

    @Autowired
    ZaloOAuthClient oauth;

    @Autowired
    ZaloApiClient api;

    @Autowired
    SimWorld world;

    @Autowired
    SimAuthority authority;

    @Autowired
    SimRateLimiter rateLimiter;

    @Autowired
    SimProperties sim;

    SimOa oa;
    String user = "6142494823000000002";

    @BeforeEach
    void openPage() {
        oa = world.openOa("24102", "Công an xã hợp đồng");
    }

    @AfterEach
    void relaxRateLimit() {
        rateLimiter.setLimit(sim.requestsPerMinute());
    }

    TokenGrant connect() {
        String verifier = Pkce.newVerifier();
        String code = authority.approve(oa.oaId(), Pkce.challengeOf(verifier));
        return oauth.exchangeCode(oa.appId(), sim.appSecret(), code, verifier);
    }

    @Test
    void theConsentUrlCarriesAppRedirectChallengeAndState() {
        String url = oauth.permissionUrl(oa.appId(), "http://localhost/channels/zalo/oauth/callback", "abc", "st");
        var query = UriComponentsBuilder.fromUriString(url).build().getQueryParams();
        assertThat(url).contains("/v4/oa/permission?");
        assertThat(query.getFirst("app_id")).isEqualTo(oa.appId());
        assertThat(query.getFirst("code_challenge")).isEqualTo("abc");
        assertThat(query.getFirst("state")).isEqualTo("st");
    }

    @Test
    void aCodeIsExchangedOnceAndOnlyWithItsVerifier() {
        String verifier = Pkce.newVerifier();
        String code = authority.approve(oa.oaId(), Pkce.challengeOf(verifier));

        assertThatThrownBy(() -> oauth.exchangeCode(oa.appId(), sim.appSecret(), code, Pkce.newVerifier()))
                .isInstanceOfSatisfying(
                        TokenRejectedException.class, e -> assertThat(e.error()).isEqualTo(-14005));

        String second = authority.approve(oa.oaId(), Pkce.challengeOf(verifier));
        TokenGrant grant = oauth.exchangeCode(oa.appId(), sim.appSecret(), second, verifier);
        assertThat(grant.expiresIn().toHours()).isEqualTo(25);
        assertThatThrownBy(() -> oauth.exchangeCode(oa.appId(), sim.appSecret(), second, verifier))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void theTokenEndpointWantsTheAppSecretInItsHeader() {
        String verifier = Pkce.newVerifier();
        String code = authority.approve(oa.oaId(), Pkce.challengeOf(verifier));
        assertThatThrownBy(() -> oauth.exchangeCode(oa.appId(), "not-the-secret", code, verifier))
                .isInstanceOfSatisfying(
                        TokenRejectedException.class, e -> assertThat(e.error()).isEqualTo(-14004));
    }

    @Test
    void refreshTokensAreSingleUseAndANewAccessTokenKillsTheOldOne() {
        TokenGrant first = connect();
        TokenGrant second = oauth.refresh(oa.appId(), sim.appSecret(), first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThatThrownBy(() -> oauth.refresh(oa.appId(), sim.appSecret(), first.refreshToken()))
                .isInstanceOfSatisfying(
                        TokenRejectedException.class, e -> assertThat(e.error()).isEqualTo(-14014));
        assertThat(api.quota(first.accessToken(), user).error()).isEqualTo(ZaloApiResult.TOKEN_INVALID);
        assertThat(api.quota(second.accessToken(), user).ok()).isTrue();
    }

    @Test
    void aConsultationMessageNeedsARecentInteraction() {
        TokenGrant tokens = connect();
        world.forgetInteraction(oa.oaId(), user);

        ZaloApiResult outside = api.sendText(tokens.accessToken(), user, "Chào anh");
        assertThat(outside.error()).isEqualTo(ZaloApiResult.OUTSIDE_WINDOW);
        assertThat(outside.outsideWindow()).isTrue();

        world.interacted(oa.oaId(), user, java.time.Instant.now());
        ZaloApiResult sent = api.sendText(tokens.accessToken(), user, "Chào anh");
        assertThat(sent.ok()).isTrue();
        assertThat(sent.data().path("message_id").asString()).matches("[0-9a-f]{20}");
        assertThat(sent.rateLimitRemain()).isNotNull();
        assertThat(world.conversation(oa.oaId(), user)).anyMatch(m -> m.fromOa && m.text.equals("Chào anh"));
    }

    @Test
    void textOver2000CharactersIsRefused() {
        TokenGrant tokens = connect();
        world.interacted(oa.oaId(), user, java.time.Instant.now());
        assertThat(api.sendText(tokens.accessToken(), user, "a".repeat(2001)).error())
                .isEqualTo(-201);
        assertThat(api.sendText(tokens.accessToken(), user, "ệ".repeat(2000)).ok())
                .isTrue();
    }

    @Test
    void anUnknownTokenIsRefusedWith216() {
        assertThat(api.sendText("not-a-token", user, "x").error()).isEqualTo(ZaloApiResult.TOKEN_INVALID);
    }

    @Test
    void overThePerMinuteLimitTheAnswerIs32() {
        TokenGrant tokens = connect();
        rateLimiter.setLimit(0);
        ZaloApiResult limited = api.quota(tokens.accessToken(), user);
        assertThat(limited.error()).isEqualTo(ZaloApiResult.RATE_LIMITED);
        assertThat(limited.rateLimitRemain()).isEqualTo("0");
    }

    @Test
    void groupMessagesGoOnlyToTheOasOwnGroups() {
        TokenGrant tokens = connect();
        var group = world.openGroup(oa.oaId(), "Nhóm an ninh thôn 1");
        var other = world.openGroup("999", "Nhóm khác");

        ZaloApiResult sent = api.sendGroupText(tokens.accessToken(), group.groupId(), "Họp dân 19h tối nay");
        assertThat(sent.ok()).isTrue();
        assertThat(sent.data().path("group_id").asString()).isEqualTo(group.groupId());
        assertThat(api.sendGroupText(tokens.accessToken(), other.groupId(), "x").error())
                .isEqualTo(-403);
    }

    @Test
    void followersAndUserDetailsAreRead() {
        TokenGrant tokens = connect();
        world.setFollowing(oa.oaId(), user, true);

        ZaloApiResult list = api.followers(tokens.accessToken(), 0, 50, "");
        assertThat(list.ok()).isTrue();
        assertThat(list.data().path("total").asInt()).isEqualTo(1);
        assertThat(list.data().path("users").path(0).path("user_id").asString()).isEqualTo(user);
        assertThat(api.followers(tokens.accessToken(), 0, 51, "").error()).isEqualTo(-201);

        ZaloApiResult detail = api.userDetail(tokens.accessToken(), user);
        assertThat(detail.data().path("display_name").asString()).isEqualTo("Y Blê Niê");
        assertThat(detail.data().path("user_is_follower").asBoolean()).isTrue();
        assertThat(api.userDetail(tokens.accessToken(), "123").error()).isEqualTo(-201);
    }

    @Test
    void quotaTellsTheLastInteraction() {
        TokenGrant tokens = connect();
        world.interacted(oa.oaId(), user, java.time.Instant.ofEpochMilli(1_700_000_000_000L));
        ZaloApiResult quota = api.quota(tokens.accessToken(), user);
        assertThat(quota.data().path("last_interaction").asString()).isEqualTo("1700000000000");
    }
}
