package dev.jobstatus.reliability;

import static dev.jobstatus.reliability.HostileJson.w;
import static dev.jobstatus.reliability.HostileJson.weighted;

import dev.jobstatus.core.internal.text.Text;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import okio.Buffer;
import okio.ByteString;

/**
 * One generated HTTP response: status line, headers and body bytes. Its {@link #toString()} is what jqwik reports
 * for a failing try, so it is short and escaped.
 *
 * @param status the status code
 * @param reason the reason phrase of the status line
 * @param headers header lines as name and value, sent as they are
 * @param body the body's bytes (not always UTF-8)
 */
record Served(int status, String reason, List<String[]> headers, ByteString body) {
    static final List<Integer> ERROR_STATUSES = List.of(
            400, 401, 403, 404, 405, 409, 410, 412, 418, 422, 429, 499, 500, 501, 502, 503, 504, 520, 599, 300, 304);

    /** {@return a plain JSON answer with {@code status} and {@code body}} */
    static Served json(int status, String body) {
        return new Served(
                status,
                "OK",
                List.<String[]>of(new String[] {"Content-Type", "application/json"}),
                ByteString.encodeUtf8(body));
    }

    /** {@return the response for MockWebServer; each closes its connection, so no try leaves bytes for the next} */
    MockResponse response() {
        MockResponse.Builder b = new MockResponse.Builder()
                .status("HTTP/1.1 " + status + " " + reason)
                .setHeader("Connection", "close");
        for (String[] header : headers) {
            b.addHeaderLenient(header[0], header[1]);
        }
        return b.body(new Buffer().write(body)).build();
    }

    /** {@return the body as text, as far as it is UTF-8} */
    String text() {
        return body.utf8();
    }

    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder("HTTP ").append(status).append(' ').append(Text.escape(Text.clip(reason, 60)));
        for (String[] header : headers) {
            sb.append(" | ").append(header[0]).append(": ").append(Text.escape(Text.clip(header[1], 60)));
        }
        return sb.append(" | ")
                .append(body.size())
                .append(" bytes: ")
                .append(Text.escape(Text.clip(text(), 400)))
                .toString();
    }

    /** Responses with a status of {@code statuses}, a body of {@code bodies} and JSON's content type mostly. */
    static Arbitrary<Served> of(Arbitrary<Integer> statuses, Arbitrary<String> bodies, List<String> secrets) {
        Arbitrary<String> types = weighted(
                w(80, Arbitraries.just("application/json; charset=utf-8")),
                w(
                        20,
                        Arbitraries.of(
                                "application/json",
                                "text/plain",
                                "text/html; charset=utf-8",
                                "application/x-www-form-urlencoded",
                                "application/json; charset=utf-16",
                                "",
                                "application/problem+json")));
        Arbitrary<ByteString> bytes = weighted(
                w(95, bodies.map(ByteString::encodeUtf8)),
                w(
                        5,
                        Arbitraries.of(
                                ByteString.of((byte) 0xc3, (byte) 0x28),
                                ByteString.of((byte) 0xff, (byte) 0xfe, (byte) '{', (byte) '}'),
                                new Buffer()
                                        .writeUtf8("{\"a\":\"")
                                        .write(ByteString.of(
                                                (byte) 0xc0, (byte) 0x80, (byte) 0xed, (byte) 0xa0, (byte) 0x80))
                                        .writeUtf8("\"}")
                                        .readByteString(),
                                ByteString.of((byte) 0x1f, (byte) 0x8b, (byte) 0x08, (byte) 0x00))));
        Arbitrary<String> requestIds = weighted(
                w(6, Arbitraries.just("")),
                w(2, Arbitraries.of("req-1", "0af1c")),
                w(1, Arbitraries.of(secrets)),
                w(1, Arbitraries.of("a\u001b[2Jb", "x\u0085y", "é", "z".repeat(300), "\t")));
        Arbitrary<String> retryAfter = weighted(
                w(6, Arbitraries.just("")),
                w(
                        1,
                        Arbitraries.of(
                                "2",
                                "-1",
                                "0",
                                "99999999999999999999",
                                "Thu, 01 Jan 2026 00:00:05 GMT",
                                "soon",
                                "1e309",
                                "٣")),
                w(1, Arbitraries.of(secrets)));
        Arbitrary<String> reasons = weighted(
                w(8, Arbitraries.just("Status")),
                w(
                        2,
                        Arbitraries.of(
                                "You must wait before accessing this url again.",
                                "Bad \u001b[2J",
                                "Ünïcödé",
                                "a\u0085b",
                                "")),
                w(1, Arbitraries.of(secrets)));
        return Combinators.combine(statuses, reasons, types, requestIds, retryAfter, bytes)
                .as((status, reason, type, id, retry, body) -> {
                    List<String[]> headers = new ArrayList<>();
                    if (!type.isEmpty()) {
                        headers.add(new String[] {"Content-Type", type});
                    }
                    if (!id.isEmpty()) {
                        headers.add(new String[] {"X-Request-Id", id});
                    }
                    if (!retry.isEmpty()) {
                        headers.add(new String[] {"Retry-After", retry});
                    }
                    return new Served(status, reason, headers, body);
                });
    }

    /** Statuses of a successful read: 200 mostly, other 2xx now and then. */
    static Arbitrary<Integer> successes() {
        return weighted(w(90, Arbitraries.just(200)), w(10, Arbitraries.of(201, 202, 203, 204, 206)));
    }

    /** Statuses of a failed call: the usual errors and some unusual ones. */
    static Arbitrary<Integer> errors() {
        return Arbitraries.of(ERROR_STATUSES);
    }
}
