package vn.binhyen.shared.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the master key (never logged) and makes the {@link SecretBox} every module seals its secrets with. */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

    @Bean
    SecretBox secretBox(CryptoProperties properties) throws IOException {
        return new SecretBox(loadMasterKey(properties));
    }

    static byte[] loadMasterKey(CryptoProperties properties) throws IOException {
        String fromEnvironment = System.getenv("BINHYEN_MASTER_KEY");
        String configured = fromEnvironment != null ? fromEnvironment : properties.masterKey();
        if (configured != null && !configured.isBlank()) {
            Path asFile = Path.of(configured.strip());
            String encoded = Files.isRegularFile(asFile) ? Files.readString(asFile) : configured;
            return decode(encoded);
        }
        Path file = properties.masterKeyFile();
        if (file == null || file.toString().isBlank()) {
            throw new IllegalStateException(
                    "No master key: set BINHYEN_MASTER_KEY to a base64 32-byte key or to the path of a file holding one");
        }
        if (Files.isRegularFile(file)) {
            return decode(Files.readString(file));
        }
        if (!properties.generateIfMissing()) {
            throw new IllegalStateException("Master key file " + file + " does not exist");
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file system decides.
        }
        log.info("Generated a new master key at {} (local runs only; production passes BINHYEN_MASTER_KEY)", file);
        return key;
    }

    private static byte[] decode(String encoded) {
        byte[] key = Base64.getDecoder().decode(encoded.strip());
        if (key.length != 32) {
            throw new IllegalStateException("The master key must be base64 of exactly 32 bytes");
        }
        return key;
    }
}
