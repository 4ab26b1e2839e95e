package dev.jobstatus.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a provider's credentials from the environment: the first set of variables that is complete wins; when none is,
 * the message names the variables of a set that is partly there (only {@code NEXUDUS_USERNAME}: "NEXUDUS_PASSWORD is
 * not set"), or every set when none is started.
 */
final class EnvCredentials {
    private EnvCredentials() {}

    /**
     * Returns the values of the first complete set of variables in {@code sets}, by name, in the set's order.
     *
     * @param provider the provider, for the message
     * @param sets the ways to give the credentials, each the variables it needs, most preferred first
     * @param wanted how the message lists the ways, such as "NEXUDUS_TOKEN, or NEXUDUS_USERNAME and NEXUDUS_PASSWORD"
     * @throws MissingCredentialsException if no set is complete
     */
    static Map<String, String> read(Context context, String provider, List<List<String>> sets, String wanted) {
        List<String> bestSet = List.of();
        List<String> bestMissing = List.of();
        for (List<String> set : sets) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String name : set) {
                String value = context.env(name);
                if (value == null) {
                    missing.add(name);
                } else {
                    values.put(name, value);
                }
            }
            if (missing.isEmpty()) {
                return values;
            }
            if (values.size() > bestSet.size()) {
                bestSet = List.copyOf(values.keySet());
                bestMissing = missing;
            }
        }
        if (bestSet.isEmpty()) {
            throw new MissingCredentialsException(provider, wanted);
        }
        throw new MissingCredentialsException(provider + " credentials incomplete: " + names(bestSet)
                + (bestSet.size() == 1 ? " is" : " are") + " set but " + names(bestMissing)
                + (bestMissing.size() == 1 ? " is not" : " are not") + " (credentials: " + wanted + ")");
    }

    /** {@code A}, {@code A and B}, {@code A, B and C}. */
    static String names(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }
}
