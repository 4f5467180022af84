package vn.binhyen.reports;

import tools.jackson.databind.json.JsonMapper;

/** The reporter's identity as the JSON that gets sealed. Kept tiny and local so the format is easy to migrate. */
final class IdentityCodec {

    private static final JsonMapper json = JsonMapper.builder().build();

    private IdentityCodec() {}

    static String encode(ReporterIdentity identity) {
        return json.writeValueAsString(new Sealed(identity.fullName(), identity.phone()));
    }

    static ReporterIdentity decode(String sealedJson) {
        Sealed value = json.readValue(sealedJson, Sealed.class);
        return new ReporterIdentity(value.fullName(), value.phone());
    }

    private record Sealed(String fullName, String phone) {}
}
