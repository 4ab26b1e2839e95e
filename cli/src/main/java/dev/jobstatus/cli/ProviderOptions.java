package dev.jobstatus.cli;

/**
 * The options every provider command takes.
 *
 * @param baseUrl {@code --base-url}, or {@code null}
 * @param json {@code --json}
 * @param allowHttp {@code --allow-http}
 */
record ProviderOptions(String baseUrl, boolean json, boolean allowHttp) {
    static final Option<String> BASE_URL = Option.value("--base-url", "URL", "API root to call instead of the provider's.", Converter.TEXT);
    static final Option<Boolean> JSON = Option.flag("--json", "Print each record as one JSON line instead of a table.");
    static final Option<Boolean> ALLOW_HTTP = Option.flag("--allow-http",
            "Allow a plain-http --base-url on another host (credentials travel unencrypted).");
    /** All of them, for a command's definition. */
    static final Option<?>[] ALL = {BASE_URL, JSON, ALLOW_HTTP};

    static ProviderOptions of(Args args) {
        return new ProviderOptions(args.get(BASE_URL), args.flag(JSON), args.flag(ALLOW_HTTP));
    }

    Output output(Context context) {
        return new Output(context, json);
    }
}
