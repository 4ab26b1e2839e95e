package dev.jobstatus.cli;

import picocli.CommandLine.Option;

/** The options every provider command takes: where to call and how to print. A picocli mixin. */
final class ProviderOptions {
    @Option(names = "--base-url", paramLabel = "URL", description = "API root to call instead of the provider's.")
    private String baseUrl;

    @Option(names = "--json", description = "Print each record as one JSON line instead of a table.")
    private boolean json;

    @Option(
            names = "--allow-http",
            description = "Allow a plain-http --base-url on another host (credentials travel unencrypted).")
    private boolean allowHttp;

    /** {@code --base-url}, or {@code null}. */
    String baseUrl() {
        return baseUrl;
    }

    boolean json() {
        return json;
    }

    boolean allowHttp() {
        return allowHttp;
    }

    Output output(Context context) {
        return new Output(context, json);
    }
}
