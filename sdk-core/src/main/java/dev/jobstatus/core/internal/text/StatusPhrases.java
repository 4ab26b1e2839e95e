package dev.jobstatus.core.internal.text;

import java.util.Locale;
import java.util.Set;

/**
 * Tells an informative reason phrase from a boilerplate one. Some providers put their only explanation in the
 * status line ("409 You must wait before accessing this url again."); most servers send the standard phrase or a
 * generic one, which says nothing the status code does not.
 */
public final class StatusPhrases {
    private static final Set<String> BOILERPLATE = Set.of(
            "",
            "ok",
            "error",
            "client error",
            "server error",
            "redirection",
            "informational",
            "mock response",
            "bad request",
            "unauthorized",
            "payment required",
            "forbidden",
            "not found",
            "method not allowed",
            "not acceptable",
            "request timeout",
            "conflict",
            "gone",
            "unprocessable entity",
            "unprocessable content",
            "too many requests",
            "internal server error",
            "not implemented",
            "bad gateway",
            "service unavailable",
            "gateway timeout");

    private StatusPhrases() {}

    /** Returns whether {@code reason} says more than its status code. */
    public static boolean informative(String reason) {
        return reason != null && !BOILERPLATE.contains(reason.strip().toLowerCase(Locale.ROOT));
    }
}
