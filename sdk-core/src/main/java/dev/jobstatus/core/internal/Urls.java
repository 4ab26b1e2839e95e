package dev.jobstatus.core.internal;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Rules for base URLs. */
public final class Urls {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private Urls() {
    }

    /**
     * Parses a base URL.
     *
     * @throws IllegalArgumentException if {@code url} is not an http or https URL
     */
    public static HttpUrl parse(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http or https URL: " + Text.escape(String.valueOf(url)));
        }
        return parsed;
    }

    /** Returns whether {@code url} names this machine literally (localhost, 127.0.0.0/8 or ::1), without DNS. */
    public static boolean isLoopback(HttpUrl url) {
        String host = url.host();
        return host.equals("localhost") || host.equals("::1") || IPV4_LOOPBACK.matcher(host).matches();
    }

    /**
     * Checks that {@code url} may carry credentials: https, or http to a loopback host, or http when allowed.
     *
     * @throws IllegalStateException if it may not
     */
    public static void requireSecure(HttpUrl url, boolean allowInsecureHttp) {
        if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url)) {
            throw new IllegalStateException("base URL must use https (plain http is only allowed for localhost, "
                    + "or when insecure http is explicitly allowed): " + url.scheme() + "://" + url.host());
        }
    }

    /** Returns the origin of {@code url}: scheme, host and port, as {@code https://example.com:443}. */
    public static String origin(HttpUrl url) {
        String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
        return url.scheme() + "://" + host + ":" + url.port();
    }

    /** Returns whether two URLs share scheme, host and port. */
    public static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }
}
