package io.skillform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Fails as a bug would, with a message that must stay on the server; deployed by {@link UnexpectedErrorsIT} only. */
@Path("/v1/test-failure")
public class FailingResource {

    static final String SECRET = "jdbc:mariadb://db.internal:3306/skillform user=app";

    @GET
    public String fail() {
        throw new IllegalStateException(SECRET);
    }
}
