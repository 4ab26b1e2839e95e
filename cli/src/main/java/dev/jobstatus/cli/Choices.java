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

    /**
     * The fewest insertions, deletions, substitutions and swaps of two neighbours that turn {@code a} into {@code b}
     * (optimal string alignment): {@code hlep} is one edit from {@code help}.
     */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
