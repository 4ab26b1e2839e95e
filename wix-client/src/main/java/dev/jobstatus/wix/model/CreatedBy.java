package dev.jobstatus.wix.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.jobstatus.wix.internal.CreatedByDeserializer;
import dev.jobstatus.wix.internal.JsonValues;
import java.util.Map;

/**
 * Who created a Wix async job: one of an anonymous visitor, a member, a Wix user, an app or (in the deprecated
 * {@code owner} of older jobs) a Wix service, or a creator this version of the SDK cannot place. Switch over it
 * with a pattern match.
 */
@JsonDeserialize(using = CreatedByDeserializer.class)
public sealed interface CreatedBy {
    /** {@return the creator's type as Wix sent it (inferred from the id field when Wix left it out)} */
    CreatorType type();

    /**
     * A site visitor who was not logged in.
     *
     * @param anonymousVisitorId the visitor's GUID
     */
    record AnonymousVisitor(String anonymousVisitorId) implements CreatedBy {
        @Override
        public CreatorType type() {
            return CreatorType.ANONYMOUS_VISITOR_ID;
        }
    }

    /**
     * A logged-in site member.
     *
     * @param memberId the member's GUID
     */
    record Member(String memberId) implements CreatedBy {
        @Override
        public CreatorType type() {
            return CreatorType.MEMBER_ID;
        }
    }

    /**
     * A Wix user (site owner or contributor).
     *
     * @param wixUserId the user's GUID
     */
    record WixUser(String wixUserId) implements CreatedBy {
        @Override
        public CreatorType type() {
            return CreatorType.WIX_USER_ID;
        }
    }

    /**
     * An external app or an app by Wix.
     *
     * @param appId the app's GUID
     */
    record App(String appId) implements CreatedBy {
        @Override
        public CreatorType type() {
            return CreatorType.APP_ID;
        }
    }

    /**
     * A Wix service, named only by the deprecated {@code owner} field of older jobs.
     *
     * @param serviceId the service's id
     */
    record Service(String serviceId) implements CreatedBy {
        @Override
        public CreatorType type() {
            return CreatorType.SERVICE_ID;
        }
    }

    /**
     * A creator the SDK cannot place: an unknown type, or no id field it recognises.
     *
     * @param type the type as sent ({@code UNKNOWN_TYPE} when absent)
     * @param fields every field of the creator object, as parsed JSON
     */
    record Unknown(CreatorType type, Map<String, Object> fields) implements CreatedBy {
        /**
         * Keeps the fields unmodifiable: a map the caller built is copied.
         *
         * @param type the type as sent ({@code UNKNOWN_TYPE} when absent)
         * @param fields every field of the creator object, as parsed JSON
         */
        public Unknown {
            fields = JsonValues.frozen(fields);
        }
    }
}
