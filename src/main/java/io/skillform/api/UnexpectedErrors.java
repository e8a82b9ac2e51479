package io.skillform.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What no other mapper answers is our fault: a 500 problem that shows the client nothing of our internals (an
 * exception's text may name tables, hosts or SQL), with the details in the server log. An exception that carries
 * its own response keeps it (JAX-RS's 404 for an unknown path, 405, 406, 415…); {@link ApiException} has its own mapper.
 */
@Provider
public class UnexpectedErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException answered) {
            return answered.getResponse();
        }
        LOG.log(Level.SEVERE, "Unexpected failure answering an API request", exception);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; it has been logged. Please try again later.");
    }
}
