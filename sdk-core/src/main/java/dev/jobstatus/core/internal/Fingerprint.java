package dev.jobstatus.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A name for an account known only by a secret (a bearer token or an API key) that does not reveal the secret. */
public final class Fingerprint {
    private Fingerprint() {
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
