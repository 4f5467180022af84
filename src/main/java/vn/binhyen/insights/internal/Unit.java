package vn.binhyen.insights.internal;

import org.jspecify.annotations.Nullable;

/**
 * A unit the figures are for: a province, a commune or a village.
 *
 * @param key what the rollups call it: the official code, or a village's id
 * @param population residents, when known (the unit's own figure, else the sum of its villages')
 */
public record Unit(
        Level level,
        String key,
        String name,
        String provinceCode,
        @Nullable String communeCode,
        @Nullable Long population) {

    public enum Level {
        PROVINCE('P', "province"),
        COMMUNE('C', "commune"),
        VILLAGE('V', "village");

        private final char code;
        private final String path;

        Level(char code, String path) {
            this.code = code;
            this.path = path;
        }

        public char code() {
            return code;
        }

        /** The path segment of the dashboard's address. */
        public String path() {
            return path;
        }

        public @Nullable Level child() {
            return switch (this) {
                case PROVINCE -> COMMUNE;
                case COMMUNE -> VILLAGE;
                case VILLAGE -> null;
            };
        }

        public static @Nullable Level ofPath(String path) {
            for (Level level : values()) {
                if (level.path.equals(path)) {
                    return level;
                }
            }
            return null;
        }
    }

    public char code() {
        return level.code();
    }

    /** The address of this unit's dashboard. */
    public String href() {
        return "/console/insights/" + level.path() + "/" + key;
    }

    /** Per 1,000 residents, when the population is known. */
    public @Nullable Double per1000(long count) {
        return population == null || population <= 0 ? null : count * 1000.0 / population;
    }
}
