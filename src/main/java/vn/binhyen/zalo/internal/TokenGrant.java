package vn.binhyen.zalo.internal;

import java.time.Duration;

/** A token pair from Zalo's OAuth server. Never printed. */
public record TokenGrant(String accessToken, String refreshToken, Duration expiresIn, Duration refreshExpiresIn) {

    @Override
    public String toString() {
        return "TokenGrant[expires in " + expiresIn + "]";
    }
}
