package dev.jobstatus.core.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Names for secrets that do not reveal them: an account known only by a secret (a bearer token or an API key), and
 * the credentials a shared token was earned with.
 */
public final class Fingerprint {
    /**
     * PBKDF2 rounds of a credentials fingerprint: it sits in a shared store's key, where a plain digest of a password
     * would be a cheap dictionary attack away. Computed once per client built with shared state (milliseconds).
     */
    private static final int CREDENTIAL_ROUNDS = 20_000;

    private Fingerprint() {}

    /**
     * Returns {@code kdf-} and 32 hex digits of a PBKDF2-HMAC-SHA256 of {@code credential} (each part, null included,
     * told apart from its neighbours), salted with {@code context}: equal for equal credentials in the same context,
     * and revealing neither.
     *
     * @param context what the credentials are for, such as a provider, account and origin: the salt
     * @param credential the parts of the credentials, such as a user name, a password and a client id
     */
    public static String ofCredential(String context, List<String> credential) {
        StringBuilder material = new StringBuilder();
        for (String part : credential) {
            material.append(part == null ? "-" : part.length() + ":" + part).append(';');
        }
        char[] chars = new char[material.length()];
        material.getChars(0, chars.length, chars, 0);
        PBEKeySpec spec = new PBEKeySpec(
                chars, ("jobstatus token/" + context).getBytes(StandardCharsets.UTF_8), CREDENTIAL_ROUNDS, 128);
        try {
            return "kdf-"
                    + HexFormat.of()
                            .formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                                    .generateSecret(spec)
                                    .getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(chars, '\0');
        }
    }

    /** Returns {@code sha256-} and the first 16 hex digits of the SHA-256 of {@code secret}. */
    public static String of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
