package dev.jobstatus.core.internal.errors;

import dev.jobstatus.core.exception.ApiError;
import dev.jobstatus.core.exception.ApiException;
import dev.jobstatus.core.exception.AuthenticationException;
import dev.jobstatus.core.exception.BadRequestException;
import dev.jobstatus.core.exception.ConflictException;
import dev.jobstatus.core.exception.NotFoundException;
import dev.jobstatus.core.exception.PermissionDeniedException;
import dev.jobstatus.core.exception.RateLimitException;
import dev.jobstatus.core.exception.ServerException;
import dev.jobstatus.core.exception.UnexpectedStatusException;

/** Chooses the {@link ApiException} subclass for a failed response. */
public final class ApiExceptions {
    private ApiExceptions() {}

    /**
     * Returns the exception for {@code error}.
     *
     * @param throttled whether the provider declared the response a throttle (429 always is)
     */
    public static ApiException forStatus(ApiError error, boolean throttled) {
        int status = error.statusCode();
        if (throttled || status == 429) {
            return new RateLimitException(error);
        }
        return switch (status) {
            case 400, 422 -> new BadRequestException(error);
            case 401 -> new AuthenticationException(error);
            case 403 -> new PermissionDeniedException(error);
            case 404 -> new NotFoundException(error);
            case 409 -> new ConflictException(error);
            default ->
                status >= 500 && status <= 599 ? new ServerException(error) : new UnexpectedStatusException(error);
        };
    }
}
