package vn.binhyen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.binhyen.directory.OfficerRole;

class AccessScopeTests {

    private static final long VILLAGE_A = 1;
    private static final long VILLAGE_B = 2;

    private final AccessScope areaOfficerOfA =
            new AccessScope(10, OfficerRole.AREA_OFFICER, "24133", "66", Set.of(VILLAGE_A));
    private final AccessScope chief = new AccessScope(11, OfficerRole.COMMUNE_CHIEF, "24133", "66", Set.of());
    private final AccessScope staff = new AccessScope(12, OfficerRole.COMMUNE_STAFF, "24133", "66", Set.of());
    private final AccessScope province = new AccessScope(13, OfficerRole.PROVINCE_COMMAND, "66", "66", Set.of());
    private final AccessScope admin = new AccessScope(14, OfficerRole.ADMINISTRATOR, "66", "66", Set.of());

    @Test
    void areaOfficerSeesOnlyTheirVillages() {
        assertThat(areaOfficerOfA.covers("66", "24133", VILLAGE_A, null)).isTrue();
        assertThat(areaOfficerOfA.covers("66", "24133", VILLAGE_B, null)).isFalse();
        assertThat(areaOfficerOfA.covers("66", "24133", null, null)).isFalse();
    }

    @Test
    void areaOfficerSeesWhatIsAssignedToThemWhereverItIs() {
        assertThat(areaOfficerOfA.covers("66", "24133", VILLAGE_B, 10L)).isTrue();
        assertThat(areaOfficerOfA.covers("66", "24133", VILLAGE_B, 99L)).isFalse();
    }

    @Test
    void communeOfficersSeeTheirWholeCommuneAndNothingElse() {
        assertThat(chief.covers("66", "24133", VILLAGE_B, null)).isTrue();
        assertThat(staff.covers("66", "24133", null, null)).isTrue();
        assertThat(chief.covers("66", "24121", null, null)).isFalse();
        assertThat(staff.covers("66", "24121", null, null)).isFalse();
    }

    @Test
    void provinceCommandSeesItsProvinceOnly() {
        assertThat(province.covers("66", "24121", null, null)).isTrue();
        assertThat(province.covers("01", "00004", null, null)).isFalse();
    }

    @Test
    void administratorRunsTheSystemButReadsNoReports() {
        assertThat(admin.covers("66", "24133", VILLAGE_A, null)).isFalse();
    }

    @Test
    void onlyTheChiefOrTheProvinceDecides() {
        assertThat(chief.canDecideFor("66", "24133")).isTrue();
        assertThat(chief.canDecideFor("66", "24121")).isFalse();
        assertThat(staff.canDecideFor("66", "24133")).isFalse();
        assertThat(areaOfficerOfA.canDecideFor("66", "24133")).isFalse();
        assertThat(province.canDecideFor("66", "24133")).isTrue();
        assertThat(province.canDecideFor("01", "00004")).isFalse();
    }
}
