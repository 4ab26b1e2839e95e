package dev.jobstatus.nexudus;

import dev.jobstatus.core.polling.JobState;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The default mapping of Nexudus status words. A listing page classifies a thousand records that share a
 * handful of status values, so each distinct value is normalised once and remembered (up to a bound).
 */
final class DefaultStatusClassifier implements StatusClassifier {
    static final DefaultStatusClassifier INSTANCE = new DefaultStatusClassifier();

    private static final int MAX_REMEMBERED = 1024;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");
    private static final Map<String, JobState> WORDS = Map.ofEntries(
            Map.entry("completed", JobState.SUCCEEDED),
            Map.entry("complete", JobState.SUCCEEDED),
            Map.entry("finished", JobState.SUCCEEDED),
            Map.entry("succeeded", JobState.SUCCEEDED),
            Map.entry("success", JobState.SUCCEEDED),
            Map.entry("done", JobState.SUCCEEDED),
            Map.entry("failed", JobState.FAILED),
            Map.entry("failure", JobState.FAILED),
            Map.entry("error", JobState.FAILED),
            Map.entry("errored", JobState.FAILED),
            Map.entry("cancelled", JobState.FAILED),
            Map.entry("canceled", JobState.FAILED),
            Map.entry("aborted", JobState.FAILED),
            Map.entry("running", JobState.RUNNING),
            Map.entry("processing", JobState.RUNNING),
            Map.entry("in progress", JobState.RUNNING),
            Map.entry("started", JobState.RUNNING),
            Map.entry("pending", JobState.PENDING),
            Map.entry("queued", JobState.PENDING),
            Map.entry("new", JobState.PENDING),
            Map.entry("scheduled", JobState.PENDING),
            Map.entry("waiting", JobState.PENDING));

    private final Map<String, JobState> remembered = new ConcurrentHashMap<>();

    private DefaultStatusClassifier() {}

    @Override
    public JobState classify(String status) {
        if (status == null) {
            return JobState.UNKNOWN;
        }
        JobState known = remembered.get(status);
        if (known != null) {
            return known;
        }
        JobState state = WORDS.getOrDefault(
                SEPARATORS.matcher(status.strip()).replaceAll(" ").toLowerCase(Locale.ROOT), JobState.UNKNOWN);
        if (remembered.size() < MAX_REMEMBERED) {
            remembered.put(status, state);
        }
        return state;
    }

    @Override
    public String toString() {
        return "StatusClassifier.defaults()";
    }
}
