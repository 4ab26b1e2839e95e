package dev.jobstatus.core.internal.text;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Rules for base URLs. */
public final class Urls {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    /** A query parameter whose name suggests a secret, up to the start of its value. */
    private static final Pattern SECRET_QUERY_PARAMETER = Pattern.compile(
            "([?&;][^=&;#]*(?:pass|pwd|secret|token|key|auth|sig|credential)[^=&;#]*=)[^&;#]*",
            Pattern.CASE_INSENSITIVE);
    /** The longest URL text kept in a message. */
    private static final int MAX_CHARS = 256;

    private Urls() {}

    /**
     * Parses a base URL.
     *
     * @throws IllegalArgumentException if {@code url} is not an http or https URL
     */
    public static HttpUrl parse(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http or https URL: " + (url == null ? "null" : redacted(url)));
        }
        return parsed;
    }

    /** Returns whether {@code url} names this machine literally (localhost, 127.0.0.0/8 or ::1), without DNS. */
    public static boolean isLoopback(HttpUrl url) {
        String host = url.host();
        return host.equals("localhost")
                || host.equals("::1")
                || IPV4_LOOPBACK.matcher(host).matches();
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

    /**
     * Returns {@code url} fit for a message or a {@code toString()}: its user name and password, and the values of
     * query parameters named like secrets ({@code password}, {@code token}, {@code key}…), shown as {@code ***}.
     * Works on any text, valid URL or not (a URL that fails to parse is the one most likely quoted): everything
     * between {@code ://} (or the start) and the last {@code @} counts as user info.
     */
    public static String redacted(String url) {
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int at = url.lastIndexOf('@');
        return withoutSecretQueryValues(at < start ? url : url.substring(0, start) + "***" + url.substring(at));
    }

    /** Returns {@code url} fit for a message or a {@code toString()}: as {@link #redacted(String)}, without user info. */
    public static String redacted(HttpUrl url) {
        if (url.username().isEmpty() && url.password().isEmpty()) {
            return withoutSecretQueryValues(url.toString());
        }
        String bare = url.newBuilder().username("").password("").build().toString();
        int start = bare.indexOf("://") + 3;
        return withoutSecretQueryValues(bare.substring(0, start) + "***@" + bare.substring(start));
    }

    private static String withoutSecretQueryValues(String url) {
        return Text.escape(Text.clip(SECRET_QUERY_PARAMETER.matcher(url).replaceAll("$1***"), MAX_CHARS));
    }
}
