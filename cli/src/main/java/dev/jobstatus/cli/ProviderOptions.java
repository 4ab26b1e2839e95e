package dev.jobstatus.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    @Option(names = "--base-url", paramLabel = "URL", description = "API root to call instead of the provider's.")
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

    /** {@code --base-url}, or {@code null}. */
    String baseUrl() {
        return baseUrl;
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
