package dev.jobstatus.cli;

import dev.jobstatus.core.internal.text.Urls;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import picocli.CommandLine.Option;

/** The options every provider command takes: where to call and how to print. A picocli mixin. */
final class ProviderOptions {
    /** How records print. */
    enum Format {
        /** Aligned columns, or "field  value" lines for one record. */
        TABLE,
        /** One JSON object a line, in the provider's own field names. */
        JSON;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "API root to call instead of the provider's (default: NEXUDUS_BASE_URL, WIX_BASE_URL or "
                    + "ASANA_BASE_URL from the environment, when set).")
    private String baseUrl;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description = "How to print records: ${COMPLETION-CANDIDATES} (default: table).")
    private Format format;

    @Option(names = "--json", description = "The same as --output json.")
    private boolean json;

    @Option(
            names = "--allow-http",
            description = "Allow a plain-http --base-url on another host (credentials travel unencrypted).")
    private boolean allowHttp;

    /** The environment variables the credentials came from, for a message saying they were refused. */
    private List<String> credentials = List.of();

    /**
     * The API root to call: {@code --base-url}, else the environment variable {@code variable} (such as
     * {@code NEXUDUS_BASE_URL}), else {@code null} for the provider's own.
     *
     * @throws IllegalArgumentException naming the option or the variable, if the URL is not an http or https URL, or
     *     is plain http to another machine without {@code --allow-http}
     */
    String baseUrl(Context context, String variable) {
        String source = baseUrl != null ? "--base-url" : variable;
        String url = baseUrl != null ? baseUrl : context.env(variable);
        if (url == null) {
            return null;
        }
        HttpUrl parsed;
        try {
            parsed = Urls.parse(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is " + e.getMessage(), e);
        }
        if (!parsed.isHttps() && !allowHttp && !Urls.isLoopback(parsed)) {
            throw new IllegalArgumentException(source + " must use https unless it points at this machine; add "
                    + "--allow-http to send requests (and credentials) unencrypted to http://" + parsed.host());
        }
        return url;
    }

    /**
     * Whether records print as JSON lines.
     *
     * @throws IllegalArgumentException if {@code --json} and {@code --output table} are both given
     */
    boolean json() {
        if (json && format == Format.TABLE) {
            throw new IllegalArgumentException("--json and --output table ask for two formats: give one of them");
        }
        return json || format == Format.JSON;
    }

    boolean allowHttp() {
        return allowHttp;
    }

    Output output(Context context) {
        return new Output(context, json());
    }

    /** Notes the variables the credentials were read from. */
    void credentialsFrom(Set<String> variables) {
        credentials = List.copyOf(variables);
    }

    /** {@return the variables the credentials were read from, such as "NEXUDUS_USERNAME and NEXUDUS_PASSWORD"} */
    String credentials() {
        return credentials.isEmpty() ? null : EnvCredentials.names(credentials);
    }
}
