package vn.binhyen.conversations;

import org.jspecify.annotations.Nullable;

/**
 * What a resident chose to share with the police page (Zalo's "request user info" answer). Sealed before it is
 * stored; {@link #toString()} never shows it.
 */
public record ContactCard(
        @Nullable String fullName,
        @Nullable String phone,
        @Nullable String address) {

    public boolean isEmpty() {
        return blank(fullName) && blank(phone) && blank(address);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "ContactCard[protected]";
    }
}
