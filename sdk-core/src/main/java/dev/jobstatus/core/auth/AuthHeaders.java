package dev.jobstatus.core.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The headers that authenticate one request, as produced by a {@link CredentialProvider}.
 *
 * <p>Every value is treated as a secret: {@link #toString()} shows header names only, and the SDK removes
 * the values from any body excerpt it puts into an exception.
 */
public final class AuthHeaders {
    /** No authentication headers. */
    public static final AuthHeaders NONE = new AuthHeaders(Map.of());

    private final Map<String, String> headers;
    private final List<String> alsoSecret;

    private AuthHeaders(Map<String, String> headers) {
        this(headers, List.of());
    }

    private AuthHeaders(Map<String, String> headers, List<String> alsoSecret) {
        this.headers = headers;
        this.alsoSecret = alsoSecret;
    }

    /**
     * {@return authentication headers with the given names and values, in the given order}
     * @param headers header names and values; neither may be {@code null} or blank
     * @throws IllegalArgumentException if a name or value is null or blank, or a value holds a line break
     */
    public static AuthHeaders of(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("header name must not be blank");
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("value of header " + name + " must not be blank");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("value of header " + name + " must not contain a line break");
            }
            copy.put(name, value);
        });
        return new AuthHeaders(Map.copyOf(copy));
    }

    /**
     * {@return a single authentication header}
     *
     * @param name the header name
     * @param value the header value, a secret
     */
    public static AuthHeaders of(String name, String value) {
        return of(Map.of(name, value));
    }

    /** {@return the headers as an unmodifiable map} Handle the values as secrets. */
    public Map<String, String> asMap() {
        return headers;
    }

    /**
     * {@return these headers, with further values to keep out of every message and excerpt} Such as the refresh token
     * that goes with an access token: a server may echo it, though the request does not carry it.
     *
     * @param secrets further secret values; null or blank ones are ignored
     */
    public AuthHeaders withSecrets(Collection<String> secrets) {
        List<String> more = new ArrayList<>(alsoSecret);
        secrets.stream().filter(s -> s != null && !s.isBlank()).forEach(more::add);
        return new AuthHeaders(headers, List.copyOf(more));
    }

    /**
     * {@return every value the SDK keeps out of messages and excerpts: each header's value, the credential after its
     * scheme ({@code Bearer …}), and those added by {@link #withSecrets}}
     */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (String value : headers.values()) {
            secrets.add(value);
            int space = value.indexOf(' ');
            if (space > 0) {
                secrets.add(value.substring(space + 1));
            }
        }
        secrets.addAll(alsoSecret);
        return secrets;
    }

    /** {@return whether there are no headers} */
    public boolean isEmpty() {
        return headers.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthHeaders other && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers);
    }

    /** Returns the header names with every value masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AuthHeaders[");
        headers.keySet()
                .forEach(name ->
                        sb.append(sb.length() > 12 ? ", " : "").append(name).append("=***"));
        return sb.append(']').toString();
    }
}
