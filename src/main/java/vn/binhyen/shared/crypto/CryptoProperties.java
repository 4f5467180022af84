package vn.binhyen.shared.crypto;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the master key comes from. {@code BINHYEN_MASTER_KEY} (base64 of 32 bytes, or a path to a file holding it)
 * wins; otherwise the key file, which a local run generates when {@code generateIfMissing} is set.
 */
@ConfigurationProperties("binhyen.crypto")
public record CryptoProperties(
        @Nullable String masterKey, @Nullable Path masterKeyFile, @DefaultValue("true") boolean generateIfMissing) {}
