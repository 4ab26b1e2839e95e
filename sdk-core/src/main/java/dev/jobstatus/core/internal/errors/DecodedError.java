package dev.jobstatus.core.internal.errors;

import dev.jobstatus.core.exception.ErrorDetail;
import dev.jobstatus.core.internal.text.Text;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an {@link ErrorDecoder} read from an error body.
 *
 * @param code the provider's error code, or {@code null}
 * @param message the provider's message, or {@code null}
 * @param details further items, such as field errors
 */
public record DecodedError(String code, String message, List<ErrorDetail> details) {
    /** The longest word of prose: "The user name or password is incorrect." passes, a token, key or id does not. */
    private static final int LONGEST_WORD = 15;

    /**
     * Copies the details.
     *
     * @param code the provider's error code, or {@code null}
     * @param message the provider's message, or {@code null}
     * @param details further items, such as field errors
     */
    public DecodedError {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /**
     * Returns this error with every text the server wrote (code, message, and each detail's field, message and
     * attribute values) redacted of {@code secrets}, clipped and escaped: what an exception may carry.
     */
    public DecodedError safe(Collection<String> secrets) {
        List<ErrorDetail> safeDetails = details.stream()
                .map(d -> {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    d.attributes()
                            .forEach((name, value) ->
                                    attributes.put(Text.escape(name), Text.serverText(value, secrets)));
                    return new ErrorDetail(
                            Text.serverText(d.field(), secrets), Text.serverText(d.message(), secrets), attributes);
                })
                .toList();
        return new DecodedError(Text.serverText(code, secrets), Text.serverText(message, secrets), safeDetails);
    }

    /**
     * Returns this error as an answer that may hold secrets it was not asked for (a token endpoint's) may be reported:
     * its code only if it is one of {@code quotableCodes}, its message only if it is prose (no word as long as a
     * token), redacted of {@code secrets}, and no details.
     */
    public DecodedError withheld(Collection<String> quotableCodes, Collection<String> secrets) {
        String prose = message == null || !isProse(message) ? null : Text.serverText(message, secrets);
        return new DecodedError(code != null && quotableCodes.contains(code) ? code : null, prose, List.of());
    }

    private static boolean isProse(String text) {
        int word = 0;
        for (int i = 0; i < text.length(); i++) {
            word = Character.isWhitespace(text.charAt(i)) ? 0 : word + 1;
            if (word > LONGEST_WORD) {
                return false;
            }
        }
        return true;
    }
}
