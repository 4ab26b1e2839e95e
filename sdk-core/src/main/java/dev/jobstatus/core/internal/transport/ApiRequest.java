package dev.jobstatus.core.internal.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jobstatus.core.auth.AuthHeaders;
import dev.jobstatus.core.internal.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * One API call as a provider module describes it: method, path relative to the base URL, query, body.
 * Path parameters are kept apart from the literal path so they are always encoded as single segments.
 *
 * @param method the HTTP method
 * @param path the path segments; each {@link PathPart} says whether it is trusted literal text or a parameter
 * @param query the query parameters in order
 * @param body the request body, or {@code null}
 * @param authenticated whether the client's credentials are sent
 * @param headers headers of this request alone (not secrets: credentials travel through the credential provider)
 * @param fromRoot whether the path starts at the base URL's root instead of under the base URL's path
 * @param operation what the caller asked for, for a {@code ClientListener}: {@code get}, {@code list}…
 * @param jobId the job the request is about, or {@code null}
 * @param secrets values the request carries in its body (a password, a client secret, a refresh token), in each form
 *     they may be echoed back in, to be redacted from any message built from the answer
 * @param answerWithheld whether no part of the answer may be quoted in an exception, because it holds secrets (the
 *     tokens of a token endpoint)
 */
public record ApiRequest(
        String method,
        List<PathPart> path,
        List<QueryParam> query,
        RequestBody body,
        boolean authenticated,
        Map<String, String> headers,
        boolean fromRoot,
        String operation,
        @Nullable String jobId,
        List<String> secrets,
        boolean answerWithheld) {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /**
     * Copies the lists.
     *
     * @param method the HTTP method
     * @param path the path segments; each {@link PathPart} says whether it is trusted literal text or a parameter
     * @param query the query parameters in order
     * @param body the request body, or {@code null}
     * @param authenticated whether the client's credentials are sent
     * @param headers headers of this request alone
     * @param fromRoot whether the path starts at the base URL's root
     * @param operation what the caller asked for, for a {@code ClientListener}: {@code get}, {@code list}…
     * @param jobId the job the request is about, or {@code null}
     * @param secrets values the request carries in its body, to be redacted from any message built from the answer
     * @param answerWithheld whether no part of the answer may be quoted in an exception
     */
    public ApiRequest {
        path = List.copyOf(path);
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
        secrets = List.copyOf(secrets);
    }

    /** A part of the path: literal segments written by the SDK, or one caller-supplied value and its name. */
    public record PathPart(String value, boolean parameter, String name) {}

    /**
     * Returns the path under {@code base} with each caller-supplied value as {@code {name}}, such as
     * {@code /api/sys/businessbackgroundjobs/{id}}: no ids, so it is a bounded attribute.
     */
    public String urlTemplate(HttpUrl base) {
        StringBuilder template =
                new StringBuilder(fromRoot ? "" : base.encodedPath().replaceAll("/+$", ""));
        for (PathPart part : path) {
            template.append('/').append(part.parameter() ? "{" + part.name() + "}" : part.value());
        }
        return template.toString();
    }

    /** A query parameter. */
    public record QueryParam(String name, String value) {}

    /** Returns whether repeating this request is harmless. */
    public boolean idempotent() {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }

    /** Returns the full URL of this request under {@code base}. */
    public HttpUrl url(HttpUrl base) {
        HttpUrl.Builder url = fromRoot ? base.newBuilder().encodedPath("/") : base.newBuilder();
        for (PathPart part : path) {
            if (part.parameter()) {
                url.addPathSegment(part.value());
            } else {
                url.addPathSegments(part.value());
            }
        }
        for (QueryParam param : query) {
            url.addEncodedQueryParameter(encodeQuery(param.name()), encodeQuery(param.value()));
        }
        return url.build();
    }

    /**
     * Returns one attempt's HTTP request to {@code url} (this request's {@link #url(HttpUrl)}): {@code defaults} first,
     * then this request's own headers, then {@code auth}'s, which it also carries as a tag for the interceptor that
     * keeps them on the base URL's origin.
     */
    okhttp3.Request toHttp(HttpUrl url, okhttp3.Headers defaults, AuthHeaders auth) {
        okhttp3.Request.Builder builder = new okhttp3.Request.Builder()
                .url(url)
                .headers(defaults)
                .method(method, body())
                .tag(AuthHeaders.class, auth);
        headers().forEach(builder::header);
        // On the request itself, not added by an interceptor that copies it; OriginCredentialsInterceptor strips them
        // from any hop that leaves the base URL's origin.
        auth.asMap().forEach(builder::header);
        return builder.build();
    }

    /**
     * Percent-encodes a query name or value, leaving RFC 3986's unreserved characters and {@code : @ / ,} as they
     * are: APIs document values such as {@code 2025-01-01T00:00} and {@code opt_fields=a,b} in that form. Everything
     * that could end or
     * split a parameter ({@code & = + # %}, space, controls, non-ASCII) is encoded.
     */
    static String encodeQuery(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == ':'
                    || c == '@'
                    || c == '/'
                    || c == ',';
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Starts a GET request. */
    public static Builder get() {
        return new Builder("GET");
    }

    /** Starts a POST request. */
    public static Builder post() {
        return new Builder("POST");
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final String method;
        private final List<PathPart> path = new ArrayList<>();
        private final List<QueryParam> query = new ArrayList<>();
        private RequestBody body;
        private boolean authenticated = true;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean fromRoot;
        private @Nullable String operation;
        private @Nullable String jobId;
        private final List<String> secrets = new ArrayList<>();
        private boolean answerWithheld;

        private Builder(String method) {
            this.method = method;
        }

        /** Appends literal path segments written by the SDK, such as {@code api/sys/businessbackgroundjobs}. */
        public Builder path(String literal) {
            path.add(new PathPart(literal, false, ""));
            return this;
        }

        /**
         * Appends one caller-supplied value as a single, percent-encoded path segment.
         *
         * @throws IllegalArgumentException if the value is null or blank, or is {@code .} or {@code ..}, which
         *     no encoding can keep from changing the path
         */
        public Builder pathParam(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be null or blank");
            }
            if (value.equals(".") || value.equals("..")) {
                throw new IllegalArgumentException(name + " must not be '" + value + "'");
            }
            path.add(new PathPart(value, true, name));
            return this;
        }

        /**
         * Appends literal path segments from the root of the base URL's host, for an endpoint outside the API's
         * path (such as {@code -/oauth_token} beside {@code api/1.0}). Call it instead of {@link #path(String)}.
         */
        public Builder rootPath(String literal) {
            if (!path.isEmpty()) {
                throw new IllegalStateException("rootPath must come before any other path");
            }
            fromRoot = true;
            return path(literal);
        }

        /** Adds a header to this request alone; a {@code null} value adds nothing. Never a secret. */
        public Builder header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        /** Adds a query parameter; a {@code null} value adds nothing. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(new QueryParam(name, value.toString()));
            }
            return this;
        }

        /** Sets an {@code application/x-www-form-urlencoded} body; {@code null} values are left out. */
        public Builder formBody(Map<String, String> fields) {
            FormBody.Builder form = new FormBody.Builder();
            fields.forEach((k, v) -> {
                if (v != null) {
                    form.add(k, v);
                }
            });
            this.body = form.build();
            return this;
        }

        /** Sets a JSON body written with the SDK's Jackson configuration. */
        public Builder jsonBody(Object value) {
            try {
                this.body = RequestBody.create(Json.writer().writeValueAsBytes(value), JSON);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write request body as JSON", e);
            }
            return this;
        }

        /**
         * Names what the caller asked for, for a {@code ClientListener} (default: the method, lowercased).
         *
         * @param name such as {@code get}, {@code list} or {@code token}
         * @param job the job the request is about, or {@code null}
         */
        public Builder operation(String name, @Nullable String job) {
            this.operation = name;
            this.jobId = job;
            return this;
        }

        /** Sends this request without the client's credentials (for example, to a token endpoint). */
        public Builder unauthenticated() {
            this.authenticated = false;
            return this;
        }

        /**
         * Marks this request as an exchange of credentials, such as a token request: each of {@code secrets} (the
         * credentials its body carries), as it is and as form-encoded, is redacted from any message built from the
         * answer, and no part of the answer, which holds tokens, is quoted in an exception.
         */
        public Builder credentialExchange(Collection<String> secrets) {
            for (String secret : secrets) {
                if (secret != null && !secret.isEmpty()) {
                    this.secrets.add(secret);
                    this.secrets.add(
                            new FormBody.Builder().add("s", secret).build().encodedValue(0));
                    this.secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
                }
            }
            this.answerWithheld = true;
            return this;
        }

        /** Returns the request. */
        public ApiRequest build() {
            return new ApiRequest(
                    method,
                    path,
                    query,
                    body,
                    authenticated,
                    headers,
                    fromRoot,
                    operation != null ? operation : method.toLowerCase(java.util.Locale.ROOT),
                    jobId,
                    secrets.stream().distinct().toList(),
                    answerWithheld);
        }
    }
}
