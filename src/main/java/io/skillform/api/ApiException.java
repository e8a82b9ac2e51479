package io.skillform.api;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Ends a request with a problem response ({@link Problem}) from anywhere in a resource or the beans it calls; nothing
 * was changed (an application exception: an EJB passes it on as it is, rolling back its transaction).
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Response response;
    private final boolean retryable;

    public ApiException(Response response) {
        this(response, false);
    }

    private ApiException(Response response, boolean retryable) {
        super(String.valueOf(response.getEntity()), null, false, false);
        this.response = response;
        this.retryable = retryable;
    }

    /** A failure the client did not cause and may retry as it is: an Idempotency-Key is not bound to this answer. */
    public static ApiException retryable(Response response) {
        return new ApiException(response, true);
    }

    public boolean isRetryable() {
        return retryable;
    }

    public Response getResponse() {
        return response;
    }

    /** Writes the problem the exception carries. */
    @Provider
    public static class Mapper implements ExceptionMapper<ApiException> {

        @Override
        public Response toResponse(ApiException exception) {
            return exception.response;
        }
    }
}
