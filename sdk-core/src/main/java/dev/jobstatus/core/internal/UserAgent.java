package dev.jobstatus.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Builds the SDK's {@code User-Agent}: {@code jobstatus-java/<version> (<provider>) Java/<java.version>}. */
public final class UserAgent {
    /** The SDK version, from the build. */
    public static final String SDK_VERSION = readVersion();

    private UserAgent() {
    }

    /** Returns the User-Agent for {@code provider}. */
    public static String forProvider(String provider) {
        return "jobstatus-java/" + SDK_VERSION + " (" + provider + ") Java/" + System.getProperty("java.version");
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
