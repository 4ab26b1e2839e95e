package dev.jobstatus.core.internal.transport;

import dev.jobstatus.core.auth.AuthHeaders;
import dev.jobstatus.core.exception.ApiError;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.InterruptedOperationException;
import dev.jobstatus.core.exception.JobStatusException;
import dev.jobstatus.core.exception.RequestTimeoutException;
import dev.jobstatus.core.internal.errors.ApiExceptions;
import dev.jobstatus.core.internal.text.Urls;
import dev.jobstatus.core.telemetry.ClientListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The credentials of one call's attempts: at hand, or fetched within the call's deadline; renewed once when the
 * origin they belong to answers 401; and the secrets redacted from what the call's exceptions say.
 */
final class CredentialRefresh {
    private static final System.Logger LOG = System.getLogger("dev.jobstatus.core");

    /**
     * The operation whose credentials this thread is looking up ({@code null} outside a lookup): a token request made
     * on its behalf is part of it, so that its trace shows what a slow first call waited for. One holder per thread,
     * written in place, as the enclosing deadline's.
     */
    private static final ThreadLocal<ClientListener.@Nullable Operation[]> LOOKING_UP =
            ThreadLocal.withInitial(() -> new ClientListener.Operation[1]);

    private final TransportSettings transport;
    private final ApiRequest request;
    private final CallBudget budget;
    private final ClientListener.@Nullable Operation operation;
    private boolean refreshed;
    private AuthHeaders current = AuthHeaders.NONE;

    CredentialRefresh(
            TransportSettings transport, ApiRequest request, CallBudget budget, ClientListener.Operation operation) {
        this.transport = transport;
        this.request = request;
        this.budget = budget;
        this.operation = operation == ClientListener.Operation.NONE ? null : operation;
    }

    /** Returns the operation whose credentials this thread is looking up, or {@code null} outside a lookup. */
    static ClientListener.@Nullable Operation enclosingOperation() {
        return LOOKING_UP.get()[0];
    }

    /** Runs {@code lookup} within the call's deadline and as part of its operation. */
    private <T> T lookingUp(Supplier<T> lookup) {
        ClientListener.@Nullable Operation[] enclosing = LOOKING_UP.get();
        ClientListener.Operation previous = enclosing[0];
        enclosing[0] = operation;
        try {
            return budget.bounding(lookup);
        } finally {
            enclosing[0] = previous;
        }
    }

    /** Returns the next attempt's credentials if they are at hand without blocking (or none are needed), else null. */
    @Nullable
    AuthHeaders ifReady() {
        return request.authenticated() ? transport.credentials().headersIfReady() : AuthHeaders.NONE;
    }

    /** Returns the next attempt's credentials, blocking while a token is fetched, within the call's deadline. */
    AuthHeaders fetch() {
        return request.authenticated() ? lookingUp(() -> transport.credentials().headers()) : AuthHeaders.NONE;
    }

    /** Records {@code credentials} as those of the current attempt. */
    void use(AuthHeaders credentials) {
        current = credentials;
    }

    /** The values redacted from whatever goes into an exception: the request's secrets and the attempt's credentials. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>(request.secrets());
        secrets.addAll(current.secrets());
        return secrets;
    }

    /** Returns whether judging a response of {@code status} may renew the credentials, which can block (a token fetch). */
    boolean mayRenew(int status) {
        return status == 401 && request.authenticated() && !refreshed;
    }

    /**
     * Judges a 401 answered by {@code answeredBy} to the current attempt: renews its credentials, once a call, when the origin they belong to rejected them (another host, reached by a redirect, never had them).
     *
     * @param what the call, for the log
     * @param errorWith the error of this response with the given message, for a renewal that failed
     * @return a retry at once when renewed, a failure when renewing failed or the call gave up waiting for it, or
     *     {@code null} when no renewal applies or the credentials could not be renewed, for the 401 to be judged as such
     */
    <T> @Nullable Outcome<T> onUnauthorized(
            HttpUrl answeredBy, String what, Function<String, ApiError> errorWith, @Nullable String decodedMessage) {
        if (!mayRenew(401) || !Urls.sameOrigin(transport.baseUrl(), answeredBy)) {
            return null;
        }
        refreshed = true;
        try {
            if (lookingUp(() -> transport.credentials().refresh(current))) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        () -> transport.provider() + ": 401 on " + what + ", credentials refreshed, retrying");
                return new Outcome.Retry<>(Duration.ZERO);
            }
            return null;
        } catch (RequestTimeoutException | InterruptedOperationException gaveUp) {
            // The call ran out of time or was interrupted (perhaps waiting for another's renewal): no credentials
            // failed.
            return new Outcome.Fail<>(gaveUp);
        } catch (JobStatusException renewal) {
            // The caller asked for a resource, not a token: the failure is an authentication failure, which says why
            // the credentials could not be renewed and keeps the token endpoint's error as its cause.
            String message = (decodedMessage == null ? "" : decodedMessage + "; ") + "renewing the credentials failed: "
                    + renewal.getMessage();
            ApiException failure = ApiExceptions.forStatus(errorWith.apply(message), false);
            failure.initCause(renewal);
            return new Outcome.Fail<>(failure);
        }
    }
}
