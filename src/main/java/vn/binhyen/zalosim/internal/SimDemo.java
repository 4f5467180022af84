package vn.binhyen.zalosim.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhyen.directory.Directory;
import vn.binhyen.zalo.ZaloAudience;

/**
 * The demo's Zalo: every commune in service gets an OA page with a group per village, bound and connected to
 * BinhYen once the server listens (the OAuth exchange is a real HTTP call). The simulator keeps no state across
 * restarts, so this runs on every start and refreshes the binding with a new token pair.
 */
@Component
@SimulatorOnly
@ConditionalOnBooleanProperty("binhyen.demo.enabled")
class SimDemo {

    private static final Logger log = LoggerFactory.getLogger(SimDemo.class);

    private final SimZalo zalo;
    private final SimWorld world;
    private final Directory directory;
    private final ZaloAudience audience;

    SimDemo(SimZalo zalo, SimWorld world, Directory directory, ZaloAudience audience) {
        this.zalo = zalo;
        this.world = world;
        this.directory = directory;
        this.audience = audience;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void openDemoPages() {
        for (var commune : directory.communesInService()) {
            try {
                var oa = zalo.openAndBind(commune.code(), "Công an " + commune.fullName());
                var communityGroups = directory.communityGroupsOf(commune.code());
                for (var village : directory.villagesOf(commune.code())) {
                    var group = world.openGroup(oa.oaId(), "Nhóm an ninh " + village.name());
                    Long communityGroup = communityGroups.stream()
                            .filter(g -> g.villageId() == village.id())
                            .map(g -> g.id())
                            .findFirst()
                            .orElse(null);
                    audience.linkGroup(oa.oaId(), group.groupId(), group.name(), communityGroup, village.id());
                }
                zalo.connect(oa.oaId());
            } catch (RuntimeException e) {
                log.warn("Simulated Zalo page for commune {} not connected: {}", commune.code(), e.getMessage());
            }
        }
        log.info(
                "Zalo simulator: {} commune pages connected; resident's phone at /sim/phone",
                world.oas().size());
    }
}
