package vn.binhyen.zalosim.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhyen.bulletins.Bulletins;
import vn.binhyen.directory.Directory;

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
    private final Bulletins bulletins;

    SimDemo(SimZalo zalo, SimWorld world, Directory directory, Bulletins bulletins) {
        this.zalo = zalo;
        this.world = world;
        this.directory = directory;
        this.bulletins = bulletins;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void openDemoPages() {
        for (var commune : directory.communesInService()) {
            try {
                var oa = zalo.openAndBind(commune.code(), "Công an " + commune.fullName());
                for (var village : directory.villagesOf(commune.code())) {
                    var group = world.openGroup(oa.oaId(), "Nhóm an ninh " + village.name());
                    bulletins.linkGroup(oa.oaId(), group.groupId(), village.id());
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
