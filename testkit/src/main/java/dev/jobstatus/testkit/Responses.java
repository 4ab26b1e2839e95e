package dev.jobstatus.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;

/**
 * JSON responses for a {@code MockWebServer}, for tests that script an API answer by answer rather than run a
 * simulator.
 */
public final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    /**
     * {@return a response with {@code status} and {@code body} as it is, typed {@code application/json}}
     *
     * @param status the HTTP status
     * @param body the JSON text
     */
    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body)
                .build();
    }

    /**
     * {@return a response with {@code status} and {@code value} written as JSON}
     *
     * @param status the HTTP status
     * @param value the value to write, such as a map or a list
     */
    public static MockResponse json(int status, Object value) {
        try {
            return json(status, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the value as JSON", e);
        }
    }
}
