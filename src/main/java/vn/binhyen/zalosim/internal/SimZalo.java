package vn.binhyen.zalosim.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import vn.binhyen.zalo.NewOfficialAccount;
import vn.binhyen.zalo.ZaloAccounts;
import vn.binhyen.zalosim.internal.SimWorld.PhoneMessage;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;

/**
 * The simulator's own operations: opening a commune's OA, connecting it to BinhYen the way an administrator would
 * (bind, open the consent link, allow, let the callback exchange the code) and putting the OA's messages on phones.
 */
@Service
@SimulatorOnly
public class SimZalo {

    private final SimWorld world;
    private final SimAuthority authority;
    private final SimResidents residents;
    private final SimProperties properties;
    private final ZaloAccounts zaloAccounts;
    private final java.util.concurrent.atomic.AtomicLong consultations = new java.util.concurrent.atomic.AtomicLong();

    public SimZalo(
            SimWorld world,
            SimAuthority authority,
            SimResidents residents,
            SimProperties properties,
            ZaloAccounts zaloAccounts) {
        this.world = world;
        this.authority = authority;
        this.residents = residents;
        this.properties = properties;
        this.zaloAccounts = zaloAccounts;
    }

    /** Opens the commune's OA in the simulated Zalo and binds it in BinhYen with the simulated app's secrets. */
    public SimOa openAndBind(String communeCode, String name) {
        SimOa oa = world.openOa(communeCode, name);
        zaloAccounts.bind(new NewOfficialAccount(
                communeCode, oa.oaId(), oa.appId(), name, properties.appSecret(), oa.oaSecretKey()));
        return oa;
    }

    /**
     * Runs the whole OAuth v4 dance over real HTTP: BinhYen makes the consent link (state + PKCE challenge), the OA
     * admin allows, and BinhYen's callback logic exchanges the code at the simulated token endpoint.
     */
    public void connect(String oaId) {
        String consent = zaloAccounts.startConnection(oaId);
        var query = UriComponentsBuilder.fromUriString(consent).build().getQueryParams();
        String state = query.getFirst("state");
        String challenge = query.getFirst("code_challenge");
        String code = authority.approve(oaId, decode(challenge));
        zaloAccounts.finishConnection(decode(state), code, oaId);
    }

    public Optional<SimOa> oaOfToken(@Nullable String accessToken) {
        return authority.oaOf(accessToken).flatMap(world::oa);
    }

    /** A CS message reached the resident's phone; Zalo reports it received a moment later. */
    public PhoneMessage deliverToPhone(SimOa oa, String userId, String text) {
        consultations.incrementAndGet();
        PhoneMessage message = properties.keepPhoneMessages()
                ? world.addMessage(oa.oaId(), userId, true, text, oa.name())
                : world.unkeptMessage(text);
        if (properties.echoApiSends()) {
            residents.echo(oa, userId, message);
        }
        if (properties.receipts()) {
            residents.received(oa, userId, message.msgId);
        }
        return message;
    }

    /** Consultation messages accepted since start: a benchmark compares it with the recipients to find duplicates. */
    public long consultationsDelivered() {
        return consultations.get();
    }

    /**
     * The OA's admin answers a resident from Zalo's own OA chat, not through BinhYen: the phone shows it and Zalo
     * echoes it to the webhook ({@code oa_send_text}).
     */
    public PhoneMessage adminWrites(SimOa oa, String userId, String text) {
        PhoneMessage message = world.addMessage(oa.oaId(), userId, true, text, oa.name());
        residents.echo(oa, userId, message);
        return message;
    }

    private static String decode(@Nullable String value) {
        return value == null ? "" : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
