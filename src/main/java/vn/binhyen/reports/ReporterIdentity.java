package vn.binhyen.reports;

import org.jspecify.annotations.Nullable;

/** Who sent a tip, when they chose to say. Sealed before it is stored; {@link #toString()} never shows it. */
public record ReporterIdentity(@Nullable String fullName, @Nullable String phone) {

    public boolean isEmpty() {
        return (fullName == null || fullName.isBlank()) && (phone == null || phone.isBlank());
    }

    @Override
    public String toString() {
        return "ReporterIdentity[protected]";
    }
}
