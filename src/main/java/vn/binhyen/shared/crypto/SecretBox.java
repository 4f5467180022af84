package vn.binhyen.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM envelope encryption for what must never be stored in clear (reporter identity, OA tokens). Each value gets
 * its own data key; the data key is wrapped with the master key. Rotating the master key then means re-wrapping small
 * keys, not re-encrypting every value. The associated data binds a sealed value to its place (for example
 * "tip:42"), so a sealed value copied to another row does not open there.
 */
public final class SecretBox {

    private static final byte FORMAT_V1 = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int WRAPPED_KEY_BYTES = 32 + 16;

    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("The master key must be 32 bytes (AES-256)");
        }
        this.masterKey = new SecretKeySpec(masterKey, "AES");
    }

    public byte[] seal(String plaintext, String associatedData) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey dataKey = generator.generateKey();
            byte[] keyIv = randomIv();
            byte[] wrappedKey = encrypt(masterKey, keyIv, dataKey.getEncoded(), associatedData);
            byte[] dataIv = randomIv();
            byte[] ciphertext =
                    encrypt(dataKey, dataIv, plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
            return ByteBuffer.allocate(1 + IV_BYTES + WRAPPED_KEY_BYTES + IV_BYTES + ciphertext.length)
                    .put(FORMAT_V1)
                    .put(keyIv)
                    .put(wrappedKey)
                    .put(dataIv)
                    .put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String open(byte[] sealed, String associatedData) {
        try {
            ByteBuffer in = ByteBuffer.wrap(sealed);
            if (in.get() != FORMAT_V1) {
                throw new IllegalArgumentException("Unknown sealed format");
            }
            byte[] keyIv = take(in, IV_BYTES);
            byte[] wrappedKey = take(in, WRAPPED_KEY_BYTES);
            byte[] dataIv = take(in, IV_BYTES);
            byte[] ciphertext = take(in, in.remaining());
            SecretKey dataKey = new SecretKeySpec(decrypt(masterKey, keyIv, wrappedKey, associatedData), "AES");
            return new String(decrypt(dataKey, dataIv, ciphertext, associatedData), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed: wrong key or tampered value", e);
        }
    }

    private byte[] randomIv() {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return iv;
    }

    private static byte[] take(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static byte[] encrypt(SecretKey key, byte[] iv, byte[] plaintext, String aad)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(plaintext);
    }

    private static byte[] decrypt(SecretKey key, byte[] iv, byte[] ciphertext, String aad)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(ciphertext);
    }
}
