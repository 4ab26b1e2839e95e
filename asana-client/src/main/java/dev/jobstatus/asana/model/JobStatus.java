package dev.jobstatus.asana.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.jobstatus.core.OpenEnum;
import java.util.Locale;
import java.util.Map;

/** The status of an Asana job. Values Asana adds later are kept as they are, never rejected. */
public final class JobStatus extends OpenEnum<JobStatus.Known> {
    /** The statuses this version of the SDK knows. */
    public enum Known {
        /** {@code not_started}. */
        NOT_STARTED,
        /** {@code in_progress}. */
        IN_PROGRESS,
        /** {@code succeeded}. */
        SUCCEEDED,
        /** {@code failed}. */
        FAILED
    }

    private static final Map<String, Known> KNOWN =
            index(Known.class, k -> k.name().toLowerCase(Locale.ROOT));

    /** {@code not_started}. */
    public static final JobStatus NOT_STARTED = of("not_started");
    /** {@code in_progress}. */
    public static final JobStatus IN_PROGRESS = of("in_progress");
    /** {@code succeeded}. */
    public static final JobStatus SUCCEEDED = of("succeeded");
    /** {@code failed}. */
    public static final JobStatus FAILED = of("failed");

    private JobStatus(String value) {
        super(value, KNOWN.get(value));
    }

    /**
     * {@return the status for {@code value}, known or not}
     *
     * @param value the status as Asana sends it
     */
    @JsonCreator
    public static JobStatus of(String value) {
        return new JobStatus(value);
    }
}
