package dev.jobstatus.cli;

import picocli.CommandLine.Option;

/** Options every provider command takes. */
final class ProviderOptions {
    @Option(names = "--base-url", paramLabel = "URL", description = "API root to call instead of the provider's.")
    String baseUrl;

    @Option(names = "--json", description = "Print each record as one JSON line instead of a table.")
    boolean json;

    @Option(names = "--allow-http", description = "Allow a plain-http --base-url on another host (credentials travel unencrypted).")
    boolean allowHttp;
}
