package dev.jobstatus.core.internal.errors;

/**
 * Reads a provider's error envelope. Provider modules plug one in; {@link GenericErrorDecoder} is the fallback
 * for bodies a provider decoder does not recognise. A decoder returns the text as the server wrote it: the transport
 * redacts, clips and escapes all of it (code, message and every detail) before it reaches an exception.
 */
@FunctionalInterface
public interface ErrorDecoder {
    /**
     * Decodes an error body.
     *
     * @param status the HTTP status
     * @param body the body as text (possibly empty, possibly not JSON)
     * @return what was understood, or {@code null} when the body is not this provider's envelope
     */
    DecodedError decode(int status, String body);
}
