package dev.jobstatus.reliability;

import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * What the providers' body properties share: a {@link ReaderStage} and a client with a static credential for each
 * property, a one-line summary after it, and the tries of each kind of reader.
 *
 * @param <C> the provider's client
 */
abstract class BodyProperties<C extends AutoCloseable> {
    /** The outcomes an error property must reach: each status family the SDK maps. */
    static final String[] ERRORS = {
        "BadRequestException",
        "AuthenticationException",
        "NotFoundException",
        "RateLimitException",
        "ServerException",
        "UnexpectedStatusException"
    };
    /** The outcomes a token property must reach: a value, a malformed answer, refused credentials, another 4xx. */
    static final String[] TOKEN_OUTCOMES = {
        ReaderStage.VALUE, "MalformedResponseException", "AuthenticationException", "BadRequestException"
    };

    ReaderStage stage;
    C client;
    private String property = "";

    /** {@return a new stage for the provider} */
    abstract ReaderStage newStage();

    /** {@return a client of the stage with the provider's static credential} */
    abstract C newClient(ReaderStage stage);

    @BeforeProperty
    void start() {
        stage = newStage();
        client = newClient(stage);
    }

    @AfterProperty
    void stop() throws Exception {
        client.close();
        System.out.println(stage.summary(property));
        stage.close();
    }

    /** One try of a reader that must reach values and malformed bodies. */
    void readsValues(String name, Served served, Supplier<?> call, List<String> secrets) {
        property = name;
        stage.answer(served);
        stage.judge(call, secrets, served.text(), ReaderStage.VALUE, "MalformedResponseException");
    }

    /** One try of an error reader. */
    void readsErrors(String name, Served served, Supplier<?> call, List<String> secrets) {
        property = name;
        stage.answer(served);
        stage.judge(call, secrets, served.text(), ERRORS);
    }

    /**
     * One try of a token reader: {@code call} signs in with a client of its own (so that each try asks the token
     * endpoint), which answers {@code served}; the API answers {@code job}.
     */
    void readsTokens(String name, Served served, String job, Supplier<?> call, List<String> secrets) {
        property = name;
        stage.tokenAnswer(served);
        stage.answer(Served.json(200, job));
        stage.judge(call, secrets, job, TOKEN_OUTCOMES);
    }

    /** One try of a listing without its items, which must not be read as an empty page (issue 29, item 11). */
    Object readsListingWithoutItems(String name, Served served, Supplier<?> call, List<String> secrets) {
        property = name;
        stage.answer(served);
        return stage.judge(call, secrets, served.text(), "MalformedResponseException");
    }
}
