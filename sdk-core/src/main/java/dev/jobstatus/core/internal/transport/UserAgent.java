package dev.jobstatus.core.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Builds the SDK's {@code User-Agent}: {@code jobstatus-java/<version> (<provider>) Java/<java.version>}. */
public final class UserAgent {
    /** The SDK version, from the build. */
    public static final String SDK_VERSION = readVersion();

    private UserAgent() {}

    /** Returns the User-Agent for {@code provider}. */
    public static String forProvider(String provider) {
        // A builder, not +: an invokedynamic concatenation of this shape spins some ten method-handle classes when
        // first run, about 10 ms of the first client's start, to build a string made once per client.
        return new StringBuilder(64)
                .append("jobstatus-java/")
                .append(SDK_VERSION)
                .append(" (")
                .append(provider)
                .append(") Java/")
                .append(System.getProperty("java.version"))
                .toString();
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
