package dev.jobstatus.wix.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.jobstatus.core.OpenEnum;
import java.util.Map;

/** The status of a Wix async job. Values Wix adds later are kept as they are, never rejected. */
public final class AsyncJobStatus extends OpenEnum<AsyncJobStatus.Known> {
    /** The statuses this version of the SDK knows. */
    public enum Known {
        /** Wix's own unspecified status. */
        UNKNOWN,
        /** Created, not started. */
        INITIALIZED,
        /** Started and in progress. */
        PROCESSING,
        /** Finished. */
        FINISHED,
        /** Failed. */
        FAILED
    }

    private static final Map<String, Known> KNOWN = index(Known.class, Known::name);

    /** {@code UNKNOWN}. */
    public static final AsyncJobStatus UNKNOWN = of("UNKNOWN");
    /** {@code INITIALIZED}: created, not started. */
    public static final AsyncJobStatus INITIALIZED = of("INITIALIZED");
    /** {@code PROCESSING}: started and in progress. */
    public static final AsyncJobStatus PROCESSING = of("PROCESSING");
    /** {@code FINISHED}. */
    public static final AsyncJobStatus FINISHED = of("FINISHED");
    /** {@code FAILED}. */
    public static final AsyncJobStatus FAILED = of("FAILED");

    private AsyncJobStatus(String value) {
        super(value, KNOWN.get(value));
    }

    /**
     * {@return the status for {@code value}, known or not}
     *
     * @param value the status as Wix sends it
     */
    @JsonCreator
    public static AsyncJobStatus of(String value) {
        return new AsyncJobStatus(value);
    }
}
