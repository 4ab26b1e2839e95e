package dev.jobstatus.wix.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.jobstatus.core.OpenEnum;
import java.util.Map;

/** What kind of identity created a Wix async job. Values Wix adds later are kept, never rejected. */
public final class CreatorType extends OpenEnum<CreatorType.Known> {
    /** The creator types this version of the SDK knows. */
    public enum Known {
        /** Wix's own unspecified type. */
        UNKNOWN_TYPE,
        /** A site visitor who was not logged in. */
        ANONYMOUS_VISITOR_ID,
        /** A logged-in site member. */
        MEMBER_ID,
        /** A Wix user. */
        WIX_USER_ID,
        /** An app. */
        APP_ID,
        /** A Wix service; seen only in the deprecated {@code owner} field, never documented as a {@code type}. */
        SERVICE_ID
    }

    private static final Map<String, Known> KNOWN = index(Known.class, Known::name);

    /** {@code UNKNOWN_TYPE}. */
    public static final CreatorType UNKNOWN_TYPE = of("UNKNOWN_TYPE");
    /** {@code ANONYMOUS_VISITOR_ID}. */
    public static final CreatorType ANONYMOUS_VISITOR_ID = of("ANONYMOUS_VISITOR_ID");
    /** {@code MEMBER_ID}. */
    public static final CreatorType MEMBER_ID = of("MEMBER_ID");
    /** {@code WIX_USER_ID}. */
    public static final CreatorType WIX_USER_ID = of("WIX_USER_ID");
    /** {@code APP_ID}. */
    public static final CreatorType APP_ID = of("APP_ID");
    /** {@code SERVICE_ID}. */
    public static final CreatorType SERVICE_ID = of("SERVICE_ID");

    private CreatorType(String value) {
        super(value, KNOWN.get(value));
    }

    /**
     * {@return the type for {@code value}, known or not}
     *
     * @param value the type as Wix sends it
     */
    @JsonCreator
    public static CreatorType of(String value) {
        return new CreatorType(value);
    }
}
