package vn.binhyen.incidents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhyen.incidents.internal.UnitWatchSetup;
import vn.binhyen.support.Fixtures.TestCommune;
import vn.binhyen.support.SimulatorIntegrationTest;
import vn.binhyen.zalo.ConnectionStatus;
import vn.binhyen.zalo.ZaloAccounts;
import vn.binhyen.zalosim.internal.SimResidents;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimWorld.SimGroup;
import vn.binhyen.zalosim.internal.SimZalo;

/**
 * The application with the Zalo simulator on and short poll intervals: the same configuration as the Zalo tests, so
 * they share one Spring context. Group messages go from a simulated phone through signed webhooks, like in the field.
 */
@SimulatorIntegrationTest
abstract class SimulatorTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimZalo simZalo;

    @Autowired
    SimWorld world;

    @Autowired
    SimResidents residents;

    @Autowired
    ZaloAccounts accounts;

    @Autowired
    UnitWatchSetup setup;

    /** The commune's page in the simulated Zalo, connected, with a group for village A that the unit has placed. */
    SimGroup villageGroup(TestCommune commune) {
        var oa = simZalo.openAndBind(commune.code(), "Công an xã thử " + commune.code());
        if (accounts.account(oa.oaId()).orElseThrow().status() != ConnectionStatus.CONNECTED) {
            simZalo.connect(oa.oaId());
        }
        SimGroup group = world.openGroup(oa.oaId(), "Nhóm an ninh Thôn A");
        setup.placeGroup(commune.code(), group.groupId(), commune.villageA());
        return group;
    }

    String resident(String name) {
        return world.newUser(name).userId();
    }
}
