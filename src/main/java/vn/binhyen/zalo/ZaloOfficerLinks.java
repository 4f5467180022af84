package vn.binhyen.zalo;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhyen.zalo.internal.OfficerLinks;

/**
 * An officer's own Zalo account for urgent alerts: the officer takes a code here and sends it from their Zalo to the
 * commune's page; alerts then reach them through the page.
 */
@Service
public class ZaloOfficerLinks {

    private final OfficerLinks links;

    ZaloOfficerLinks(OfficerLinks links) {
        this.links = links;
    }

    /** The officer's link: since when (the Zalo user id is not shown, it is of no use to the officer). */
    public record LinkView(Instant linkedAt) {}

    public record CodeView(String code, Instant expiresAt) {}

    @Transactional(readOnly = true)
    public Optional<LinkView> linkOf(long officerId) {
        return links.linkOf(officerId).map(l -> new LinkView(l.linkedAt()));
    }

    @Transactional
    public CodeView newCode(long officerId) {
        var code = links.newCode(officerId);
        return new CodeView(code.code(), code.expiresAt());
    }

    @Transactional
    public void unlink(long officerId) {
        links.unlink(officerId);
    }
}
