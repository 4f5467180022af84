package vn.binhyen.accounts;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.binhyen.directory.OfficerRole;

/**
 * The part of the country an officer may see, decided on the server for every read and write.
 *
 * <ul>
 *   <li>an area officer: the villages they cover, and anything assigned to them;
 *   <li>commune staff and the commune chief: their commune;
 *   <li>the province command: their province;
 *   <li>an administrator: no report content at all (they run the system, not cases).
 * </ul>
 */
public record AccessScope(
        long officerId, OfficerRole role, String unitCode, String provinceCode, Set<Long> villageIds) {

    public AccessScope {
        villageIds = Set.copyOf(villageIds);
    }

    /** Whether an item placed at this province/commune/village (and possibly assigned to someone) is visible. */
    public boolean covers(
            String itemProvinceCode,
            String communeCode,
            @Nullable Long villageId,
            @Nullable Long assignedOfficerId) {
        return switch (role) {
            case AREA_OFFICER ->
                (assignedOfficerId != null && assignedOfficerId == officerId)
                        || (villageId != null && villageIds.contains(villageId));
            case COMMUNE_STAFF, COMMUNE_CHIEF -> unitCode.equals(communeCode);
            case PROVINCE_COMMAND -> provinceCode.equals(itemProvinceCode);
            case ADMINISTRATOR -> false;
        };
    }

    /** Whether this officer may decide for the unit (reject, transfer, reassign to someone else). */
    public boolean canDecideFor(String itemProvinceCode, String communeCode) {
        return switch (role) {
            case COMMUNE_CHIEF -> unitCode.equals(communeCode);
            case PROVINCE_COMMAND -> provinceCode.equals(itemProvinceCode);
            default -> false;
        };
    }

    public boolean isAreaOfficer() {
        return role == OfficerRole.AREA_OFFICER;
    }

    public boolean seesProvince() {
        return role == OfficerRole.PROVINCE_COMMAND;
    }
}
