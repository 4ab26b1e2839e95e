package dev.jobstatus.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.TypeConversionException;

/**
 * A value that must be one of a known set, such as a field to sort by: the refusal lists the set and, for a likely
 * typo, the nearest values ("did you mean new_project.name?"), as picocli does for a mistyped option.
 */
final class Choices {
    private Choices() {}

    /**
     * Returns the refusal of {@code given}: what it is not, the nearest of {@code allowed} if any is close, and all of
     * them.
     *
     * @param what what the value should have been, such as "a field Nexudus sorts by"
     */
    static TypeConversionException refusal(String given, String what, List<String> allowed) {
        List<String> near = nearest(given, allowed);
        return new TypeConversionException("'" + given + "' is not " + what
                + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?") + " (one of: "
                + String.join(", ", allowed) + ")");
    }

    /** The values of {@code allowed} within a few edits of {@code given} (ignoring case), the nearest first. */
    static List<String> nearest(String given, List<String> allowed) {
        String typed = given.toLowerCase(Locale.ROOT);
        int best = Math.max(1, Math.min(3, typed.length() / 3));
        List<String> near = new ArrayList<>();
        for (String candidate : allowed) {
            int distance = distance(typed, candidate.toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                near.clear();
            }
            if (distance == best) {
                near.add(candidate);
            }
        }
        return near;
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions that turn {@code a} into {@code b}. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
