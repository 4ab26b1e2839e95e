package dev.jobstatus.nexudus.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.deser.impl.PropertyValueBuffer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.internal.Json;
import dev.jobstatus.nexudus.StatusClassifier;
import dev.jobstatus.nexudus.model.BackgroundJobPage;
import dev.jobstatus.nexudus.model.BusinessBackgroundJob;
import dev.jobstatus.nexudus.model.BusinessBackgroundJobSummary;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Set;

/**
 * The Nexudus client's Jackson mapping: the SDK's configuration, with each job's common state attached while the
 * record is built, and a listing page read only from a body with its {@code Records} array. A job record's canonical constructor takes its {@code state} alongside its {@code Status}; the
 * instantiator fills the one from the other with the reader's {@link StatusClassifier}, so a record is built once
 * rather than read and then copied with its state (which cost a few percent of a 1,000-record page).
 */
public final class NexudusJson {
    /** The reader attribute that holds the client's {@link StatusClassifier}. */
    public static final String CLASSIFIER_ATTRIBUTE = "dev.jobstatus.nexudus.classifier";

    private static final Set<Class<?>> JOBS = Set.of(BusinessBackgroundJob.class, BusinessBackgroundJobSummary.class);
    private static final ObjectMapper MAPPER = Json.mapperWith(new SimpleModule("nexudus-job-state") {
        @Override
        public void setupModule(SetupContext context) {
            super.setupModule(context);
            context.addValueInstantiators(new ValueInstantiators.Base() {
                @Override
                public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription bean,
                                                               ValueInstantiator defaultInstantiator) {
                    if (bean.getBeanClass() == BackgroundJobPage.class) {
                        return new RequiringRecords(defaultInstantiator, -1);
                    }
                    return JOBS.contains(bean.getBeanClass()) ? new Classifying(defaultInstantiator, -1, -1) : defaultInstantiator;
                }
            });
        }
    });

    private NexudusJson() {
    }

    /**
     * Returns a reader of {@code type} that reads zoneless timestamps in {@code zone} and classifies each job's
     * status with {@code classifier}.
     */
    public static ObjectReader reader(Class<?> type, ZoneId zone, StatusClassifier classifier) {
        return MAPPER.readerFor(type).withAttribute(NexudusTimestampDeserializer.ZONE_ATTRIBUTE, zone)
                .withAttribute(CLASSIFIER_ATTRIBUTE, classifier);
    }

    /**
     * Builds a listing page only from a body that carries its {@code Records} array. Without it the body is no listing
     * (an error object, or another casing than the documented one): read as an empty page, it would hide the records.
     * The page record itself stays lenient, for pages built in code.
     */
    private static final class RequiringRecords extends ValueInstantiator.Delegating {
        private static final long serialVersionUID = 1L;

        private final int records;

        RequiringRecords(ValueInstantiator delegate, int records) {
            super(delegate);
            this.records = records;
        }

        @Override
        public ValueInstantiator createContextual(DeserializationContext ctxt, BeanDescription bean) throws JsonMappingException {
            ValueInstantiator contextual = delegate().createContextual(ctxt, bean);
            SettableBeanProperty[] arguments = contextual.getFromObjectArguments(ctxt.getConfig());
            for (int i = 0; arguments != null && i < arguments.length; i++) {
                if ("Records".equals(arguments[i].getName())) {
                    return new RequiringRecords(contextual, i);
                }
            }
            throw JsonMappingException.from(ctxt, bean.getBeanClass().getSimpleName() + " has no 'Records' creator argument");
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, SettableBeanProperty[] props, PropertyValueBuffer buffer)
                throws IOException {
            // Asked before the missing arguments are filled in: a missing array is not told apart from a null one after.
            boolean present = buffer.hasParameter(props[records]);
            Object[] args = buffer.getParameters(props);
            if (!present || args[records] == null) {
                return ctxt.reportInputMismatch(BackgroundJobPage.class,
                        "no \"Records\" array (it is " + (present ? "null or empty text" : "missing") + ")");
            }
            return delegate().createFromObjectWith(ctxt, args);
        }
    }

    /** Builds a job record with its {@code state} argument set from its {@code Status} argument. */
    private static final class Classifying extends ValueInstantiator.Delegating {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final int state;

        Classifying(ValueInstantiator delegate, int status, int state) {
            super(delegate);
            this.status = status;
            this.state = state;
        }

        @Override
        public ValueInstantiator createContextual(DeserializationContext ctxt, BeanDescription bean) throws JsonMappingException {
            ValueInstantiator contextual = delegate().createContextual(ctxt, bean);
            SettableBeanProperty[] arguments = contextual.getFromObjectArguments(ctxt.getConfig());
            int statusIndex = -1;
            int stateIndex = -1;
            for (int i = 0; arguments != null && i < arguments.length; i++) {
                if ("Status".equals(arguments[i].getName())) {
                    statusIndex = i;
                } else if ("state".equals(arguments[i].getName())) {
                    stateIndex = i;
                }
            }
            if (statusIndex < 0 || stateIndex < 0) {
                throw JsonMappingException.from(ctxt, bean.getBeanClass().getSimpleName()
                        + " has no 'Status' and 'state' creator arguments to classify");
            }
            return new Classifying(contextual, statusIndex, stateIndex);
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, SettableBeanProperty[] props, PropertyValueBuffer buffer)
                throws IOException {
            return createFromObjectWith(ctxt, buffer.getParameters(props));
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) throws IOException {
            if (state >= 0 && ctxt.getAttribute(CLASSIFIER_ATTRIBUTE) instanceof StatusClassifier classifier) {
                JobState classified = classifier.classify((String) args[status]);
                args[state] = classified == null ? JobState.UNKNOWN : classified;
            }
            return delegate().createFromObjectWith(ctxt, args);
        }
    }
}
