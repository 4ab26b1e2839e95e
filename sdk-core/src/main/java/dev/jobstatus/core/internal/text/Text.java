package dev.jobstatus.core.internal.text;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes server-supplied text safe to put in an exception message: escaped, clipped and free of secrets. */
public final class Text {
    /** The longest body excerpt kept in an exception. */
    public static final int EXCERPT_CHARS = 1024;

    /** Names of secret fields, in snake_case, camelCase or kebab-case: access_token, accessToken, client-secret… */
    private static final String SECRET_NAMES =
            "(?:(?:access|refresh|id)[_-]?token|token|client[_-]?secret|password|api[_-]?key|secret)";
    /** A credential after its scheme, as an echoed Authorization header has it. */
    private static final Pattern SCHEME_CREDENTIAL =
            Pattern.compile("\\b((?:bearer|basic)\\s+)[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);

    private static final Pattern SECRET_JSON_FIELD = Pattern.compile(
            "(\"" + SECRET_NAMES + "\"\\s*:\\s*\")" + "((?:[^\"\\\\]|\\\\.)*)\"", Pattern.CASE_INSENSITIVE);
    /** The same fields form-encoded, as a token endpoint's request (or an answer that echoes it) has them. */
    private static final Pattern SECRET_FORM_FIELD =
            Pattern.compile("((?:^|[?&;\\s])" + SECRET_NAMES + "=)" + "([^&;\\s]*)", Pattern.CASE_INSENSITIVE);

    private static final int MIN_SECRET_LENGTH = 4;

    private Text() {}

    /** Returns {@code text} cut to {@code max} characters, with an ellipsis when cut. */
    public static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /**
     * Returns {@code text} with control characters escaped ({@code \n}, {@code \r}, {@code \t},
     * {@code \u001b}, C1 controls, line and paragraph separators, and the bidi controls that reorder what is shown,
     * such as {@code \u202e}), so it cannot forge log lines or terminal output.
     */
    public static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || isBidiControl(c);
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (!control) {
                    sb.append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Marks (U+061C, U+200E, U+200F), embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069). */
    private static boolean isBidiControl(char c) {
        return c == '\u061c'
                || c == '\u200e'
                || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * Returns server-written {@code text} fit for an exception message: redacted, clipped to about 1 KB and escaped,
     * or {@code null} when it is {@code null}.
     */
    public static String serverText(String text, Collection<String> secrets) {
        return text == null ? null : excerpt(text, secrets);
    }

    /**
     * Returns {@code text} with each of {@code secrets} and the values of secret-looking JSON and form fields
     * ({@code access_token}, {@code password}…) replaced by {@code ***}.
     */
    public static String redact(String text, Collection<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                out = out.replace(secret, "***");
            }
        }
        Matcher m = SECRET_JSON_FIELD.matcher(out);
        out = m.find() ? m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "***\"")) : out;
        Matcher form = SECRET_FORM_FIELD.matcher(out);
        out = form.find() ? form.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "***")) : out;
        Matcher scheme = SCHEME_CREDENTIAL.matcher(out);
        return scheme.find() ? scheme.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "***")) : out;
    }

    /** Returns the excerpt of a body kept in exceptions: redacted, clipped to about 1 KB, escaped. */
    public static String excerpt(String body, Collection<String> secrets) {
        return escape(clip(redact(body, secrets), EXCERPT_CHARS));
    }

    /** Returns a header value fit for a message: escaped and clipped to 128 characters, or {@code null}. */
    public static String headerValue(String value) {
        return value == null || value.isBlank() ? null : escape(clip(value.strip(), 128));
    }
}
