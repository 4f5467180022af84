package vn.binhyen.directory;

/** An officer's position, which decides what part of the country they may see. */
public enum OfficerRole {
    /** Cảnh sát khu vực: covers some villages of one commune. */
    AREA_OFFICER,
    /** Cán bộ công an xã: the whole commune's queue. */
    COMMUNE_STAFF,
    /** Trưởng công an xã. */
    COMMUNE_CHIEF,
    /** Công an tỉnh. */
    PROVINCE_COMMAND,
    /** Quản trị hệ thống: units, officers, credentials; not the content of reports. */
    ADMINISTRATOR
}
