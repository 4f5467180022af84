package vn.binhyen.reports;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The reporter's identity as the JSON that gets sealed. Kept tiny and local so the format is easy to migrate. */
public final class IdentityCodec {

    private static final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private IdentityCodec() {}

    public static String encode(ReporterIdentity identity) {
        return json.writeValueAsString(new Sealed(
                identity.fullName(), identity.phone(), identity.address(), identity.zaloUserId(), identity.idNumber()));
    }

    public static ReporterIdentity decode(String sealedJson) {
        Sealed value = json.readValue(sealedJson, Sealed.class);
        return new ReporterIdentity(
                value.fullName(), value.phone(), value.address(), value.zaloUserId(), value.idNumber());
    }

    /** Older sealed values carry only name and phone: the other fields read as null. */
    private record Sealed(
            @Nullable String fullName,
            @Nullable String phone,
            @Nullable String address,
            @Nullable String zaloUserId,
            @Nullable String idNumber) {}
}
